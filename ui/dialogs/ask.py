"""Every modal question the app asks, in one place that tests can replace.

Modal dialogs run their own event loop, which a test cannot drive. Widgets therefore never create
``QMessageBox``/``QFileDialog``/``QInputDialog`` themselves: they call these functions, and tests
monkeypatch them to give the answer (the idea of KeePassXC's ``MessageBox::setNextAnswer``).
Call them as ``ask.confirm(...)`` (module attribute), so a monkeypatched version is picked up.

Questions are plain text: they quote names we did not write (a vendor's, a field's label), which
a message box would otherwise read as markup when they look like it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, *, action: str | None = None) -> bool:
    """Ask a yes/no question; true only if the user chose ``action`` (default "OK")."""
    box = _message_box(QMessageBox.Icon.Warning, title, text, parent)
    accept = box.addButton(
        action or QCoreApplication.translate("ask", "OK"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is accept


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something that needs acknowledging."""
    box = _message_box(QMessageBox.Icon.Information, title, text, parent)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()


def _message_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def pick_save_file(
    parent: QWidget | None, title: str, *, suggested: Path, name_filter: str
) -> Path | None:
    """Ask where to save a file; ``None`` if cancelled."""
    chosen, _selected = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    return Path(chosen) if chosen else None


def pick_open_file(
    parent: QWidget | None, title: str, *, directory: Path, name_filter: str
) -> Path | None:
    """Ask for an existing file to open; ``None`` if cancelled."""
    chosen, _selected = QFileDialog.getOpenFileName(parent, title, str(directory), name_filter)
    return Path(chosen) if chosen else None


def ask_secret(parent: QWidget | None, title: str, label: str) -> str | None:
    """Ask for a passphrase (typed hidden); ``None`` if cancelled."""
    text, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if accepted and text else None
