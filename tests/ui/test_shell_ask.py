"""The real modal questions behind ``ui.dialogs.ask`` (other tests replace them)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from ui.dialogs import ask


def _answer_next_dialog(answer: Callable[[object], None]) -> None:
    """Act on the modal dialog as soon as it is shown (it runs its own event loop)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, act)
            return
        answer(dialog)

    QTimer.singleShot(0, act)


def test_confirm_true_only_for_the_action(qtbot: QtBot) -> None:
    def click_action(box: object) -> None:
        assert isinstance(box, QMessageBox)
        accept = next(b for b in box.buttons() if b.text() == "Restore")
        accept.click()

    _answer_next_dialog(click_action)
    assert ask.confirm(None, "Title", "Text", action="Restore")

    _answer_next_dialog(lambda box: box.reject())  # type: ignore[attr-defined]
    assert not ask.confirm(None, "Title", "Text", action="Restore")


def test_questions_show_names_that_look_like_markup_as_text(qtbot: QtBot) -> None:
    text = "Remove <b>ACME</b> <img src=file:///etc/passwd>?"

    def check_and_close(box: object) -> None:
        assert isinstance(box, QMessageBox)
        assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == text
        box.reject()

    _answer_next_dialog(check_and_close)
    assert not ask.confirm(None, "Title", text, action="Remove")

    def check_and_acknowledge(box: object) -> None:
        assert isinstance(box, QMessageBox)
        assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == text
        box.accept()

    _answer_next_dialog(check_and_acknowledge)
    ask.inform(None, "Title", text)


def test_ask_secret_hides_what_is_typed(qtbot: QtBot) -> None:
    def type_secret(dialog: object) -> None:
        assert isinstance(dialog, QInputDialog)
        assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
        dialog.setTextValue("backup passphrase")
        dialog.accept()

    _answer_next_dialog(type_secret)
    assert ask.ask_secret(None, "Title", "Passphrase:") == "backup passphrase"

    _answer_next_dialog(lambda dialog: dialog.reject())  # type: ignore[attr-defined]
    assert ask.ask_secret(None, "Title", "Passphrase:") is None
