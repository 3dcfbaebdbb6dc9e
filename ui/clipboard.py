"""Copying secrets to the clipboard so that they do not linger there.

The copied data carries the ``x-kde-passwordManagerHint: secret`` format, which clipboard managers
(Klipper and others) honour by not recording it in their history, as KeePassXC does. After the
given delay the clipboard is cleared, but only if it still holds what we put there: the user may
have copied something else in the meantime, and that must not be wiped.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

PASSWORD_MANAGER_HINT_FORMAT = "x-kde-passwordManagerHint"
SECRET_HINT = b"secret"


def secret_mime_data(text: str) -> QMimeData:
    """Return mime data holding ``text`` and the hint that it is a secret."""
    mime = QMimeData()
    mime.setText(text)
    mime.setData(PASSWORD_MANAGER_HINT_FORMAT, SECRET_HINT)
    return mime


def copy_secret(text: str, *, clear_after_seconds: int) -> None:
    """Put ``text`` on the clipboard, marked secret; clear it after ``clear_after_seconds``.

    A delay of 0 or less keeps the text on the clipboard until something else replaces it.
    """
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(secret_mime_data(text), QClipboard.Mode.Clipboard)
    _last_copied.text = text
    if clear_after_seconds > 0:
        QTimer.singleShot(
            clear_after_seconds * 1000,
            QGuiApplication.instance(),
            lambda: clear_if_unchanged(text),
        )


def clear_if_unchanged(text: str) -> None:
    """Clear the clipboard if it still holds ``text`` (and nothing the user copied since)."""
    clipboard = QGuiApplication.clipboard()
    if text and clipboard.text(QClipboard.Mode.Clipboard) == text:
        clipboard.clear(QClipboard.Mode.Clipboard)


def clear_copied_secrets() -> None:
    """Clear the clipboard now if it still holds the last secret copied (used when locking)."""
    if _last_copied.text is not None:
        clear_if_unchanged(_last_copied.text)
        _last_copied.text = None


class _LastCopied:
    """The last secret put on the clipboard, so locking can take it off again."""

    text: str | None = None


_last_copied = _LastCopied()
