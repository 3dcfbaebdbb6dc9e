"""Marks the core's texts that the desktop app shows, so they can be translated there.

The core never imports Qt and keeps speaking English (receipts carry Kantara's English labels;
the command line prints English). But some of its texts reach people through the desktop app:
consent statuses, purpose and category names, standard field labels. Wrapping such a literal in
:func:`QT_TRANSLATE_NOOP` changes nothing here (the text is returned as it is); it lets
pyside6-lupdate, which knows this name, put the text into the translation sources under
``context``; the app then shows ``QCoreApplication.translate(context, text)``.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text``, marked for translation in ``context`` (the translation happens in the app)."""
    del context
    return text
