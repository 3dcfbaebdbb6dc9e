"""A passphrase entry with a show/hide toggle."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

# Far above any passphrase a person types; keeps a paste of a whole file out of the KDF.
MAX_PASSPHRASE_LENGTH = 1024


class PasswordField(QWidget):
    """A :class:`QLineEdit` in password mode beside a "Show" button that reveals what was typed.

    Attributes:
        line_edit: the entry itself (tests type into it).
        toggle: the checkable show/hide button.
    """

    textChanged = Signal(str)
    returnPressed = Signal()

    def __init__(self, *, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line_edit = QLineEdit()
        self.line_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.line_edit.setMaxLength(MAX_PASSPHRASE_LENGTH)
        self.line_edit.setPlaceholderText(placeholder)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setText(self.tr("Show"))
        self.toggle.setToolTip(self.tr("Show or hide what you typed"))
        self.toggle.toggled.connect(self._set_revealed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.toggle)
        self.setFocusProxy(self.line_edit)
        self.line_edit.textChanged.connect(self.textChanged)
        self.line_edit.returnPressed.connect(self.returnPressed)

    def text(self) -> str:
        return self.line_edit.text()

    def setText(self, text: str) -> None:
        self.line_edit.setText(text)

    def clear(self) -> None:
        """Empty the field and hide its content again."""
        self.line_edit.clear()
        self.toggle.setChecked(False)

    def _set_revealed(self, revealed: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password
        self.line_edit.setEchoMode(mode)
        self.toggle.setText(self.tr("Hide") if revealed else self.tr("Show"))
