"""Inline message labels: errors in red under the field they concern, notices in plain text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from ui.i18n.error_texts import error_kind_text, worded_error_text
from ui.theme.tones import Tone, show_in_tone
from wallet.errors import WalletError


class InlineMessage(QLabel):
    """A word-wrapped, selectable label that hides itself while empty."""

    def __init__(self, *, error: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        # By name, not Qt.TextFormat...: see ui.widgets.layout (the first window shows these).
        self.setProperty("textInteractionFlags", "TextSelectableByMouse")
        self.setProperty("textFormat", "PlainText")
        if error:
            show_in_tone(self, Tone.ERROR)  # red, or light red in the dark
            self.setAccessibleName(self.tr("Error"))
        self.setVisible(False)

    def show_text(self, text: str) -> None:
        """Show ``text`` (an empty text hides the label)."""
        self.setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.show_text("")


def error_text(error: BaseException) -> str:
    """What to tell the user about ``error``, in the interface's language: the core's own
    message translated (or, for a core error that is not worded, what its kind means), or a
    generic message."""
    worded = worded_error_text(error)
    if worded is not None:
        return worded
    if isinstance(error, WalletError):
        return error_kind_text(error)
    message = QCoreApplication.translate("messages", "Something unexpected went wrong: %1")
    return message.replace("%1", repr(error))
