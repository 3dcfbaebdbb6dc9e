"""The My data page driven like a user would: dialogs, filters, reveal, copy, history, lock."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from ui import clipboard
from ui.dialogs import ask
from ui.dialogs.field_dialog import FieldDialog, FieldHistoryDialog
from ui.models.fields_model import MASK, FieldColumn
from ui.pages import my_data
from ui.pages.my_data import MyDataPage
from ui.tasks import VaultRunner
from wallet import activity
from wallet.errors import NotFound
from wallet.personal_data import FieldInput
from wallet.vault.facade import Vault

T = TypeVar("T")
SAMPLE = (
    FieldInput("given_name", "Ada"),
    FieldInput("email", "ada@example.org"),
    FieldInput("phone", "+1 555 0100"),
    FieldInput("postal_address", "1 Analytical Street\n12345 Engineton"),
    FieldInput("passport_number", "X1234567", label="Passport number", category=8, sensitive=True),
)


def on_worker(qtbot: QtBot, runner: VaultRunner, operation: Callable[[Vault], T]) -> T:
    """Run ``operation`` on the vault worker and return its result (the test's own peek)."""
    outcome: list[Any] = []
    runner.run(operation, on_success=outcome.append, on_error=outcome.append)
    qtbot.waitUntil(lambda: bool(outcome))
    if isinstance(outcome[0], Exception):
        raise outcome[0]
    return outcome[0]  # type: ignore[no-any-return]


def open_vault(qtbot: QtBot, runner: VaultRunner, directory: Path, fields: tuple[FieldInput, ...]):
    def create() -> Vault:
        vault = Vault.create(directory, PASSPHRASE, kdf_target_seconds=0).vault
        if fields:
            vault.fields.import_many(fields)
        return vault

    with qtbot.waitSignal(runner.unlocked):
        runner.open(create)


def make_page(qtbot: QtBot, runner: VaultRunner) -> MyDataPage:
    page = MyDataPage(runner)
    qtbot.addWidget(page)
    page.resize(900, 600)
    with qtbot.waitSignal(page.model.rows_reset):
        page.show()
        page.reload()
    return page


@pytest.fixture
def page(qtbot: QtBot, runner: VaultRunner, vault_dir: Path) -> MyDataPage:
    open_vault(qtbot, runner, vault_dir, SAMPLE)
    return make_page(qtbot, runner)


def shown_keys(page: MyDataPage) -> list[str]:
    rows = [page.model.loaded_row(row) for row in range(page.model.rowCount())]
    return [row.key for row in rows if row is not None]


def row_of(page: MyDataPage, key: str) -> int:
    return shown_keys(page).index(key)


def shown_value(page: MyDataPage, key: str) -> str:
    index = page.model.index(row_of(page, key), FieldColumn.VALUE)
    return str(page.model.data(index, Qt.ItemDataRole.DisplayRole))


def select(page: MyDataPage, key: str) -> None:
    page.table.selectRow(row_of(page, key))


def open_dialog(qtbot: QtBot, page: MyDataPage, kind: type[T]) -> T:
    qtbot.waitUntil(lambda: page.findChild(kind) is not None and page.findChild(kind).isVisible())
    return page.findChild(kind)  # type: ignore[return-value]


def closed(dialog: QDialog) -> bool:
    """True once the dialog is gone (it deletes itself when closed)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def press_save(qtbot: QtBot, dialog: FieldDialog) -> None:
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def log_entries(qtbot: QtBot, runner: VaultRunner) -> list[activity.ActivityEntry]:
    return on_worker(qtbot, runner, lambda vault: vault.activity_page(newest_first=True))


def test_fields_are_listed_in_key_order_with_sensitive_values_masked(page: MyDataPage) -> None:
    assert shown_keys(page) == sorted(field.key for field in SAMPLE)
    assert shown_value(page, "passport_number") == MASK
    assert shown_value(page, "email") == "ada@example.org"
    assert shown_value(page, "postal_address") == "1 Analytical Street, 12345 Engineton"
    assert page.stack.currentWidget() is page.table


def test_an_empty_vault_invites_to_add_the_first_field(
    qtbot: QtBot, runner: VaultRunner, vault_dir: Path
) -> None:
    open_vault(qtbot, runner, vault_dir, ())
    page = make_page(qtbot, runner)
    assert page.stack.currentWidget() is page.empty_state
    qtbot.mouseClick(page.add_first_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, FieldDialog)
    assert dialog.key_edit.text() == "given_name"  # the first standard field is offered


def test_adding_a_custom_field_through_the_dialog(page: MyDataPage, qtbot: QtBot) -> None:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, FieldDialog)
    dialog.field_picker.setCurrentIndex(dialog.field_picker.count() - 1)  # "Custom field…"
    qtbot.keyClicks(dialog.label_edit, "Library card")
    assert dialog.key_edit.text() == "library_card"
    qtbot.keyClicks(dialog.value_edit, "LIB-0042")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(14))
    with qtbot.waitSignal(page.model.rows_reset):
        press_save(qtbot, dialog)
    assert closed(dialog)
    assert "library_card" in shown_keys(page)
    assert page.selected_field() is not None
    assert page.selected_field().key == "library_card"  # type: ignore[union-attr]
    assert shown_value(page, "library_card") == "LIB-0042"


def test_the_core_refusal_is_shown_in_the_dialog_which_stays_open(
    page: MyDataPage, qtbot: QtBot
) -> None:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, FieldDialog)
    dialog.field_picker.setCurrentIndex(dialog.field_picker.count() - 1)  # "Custom field…"
    qtbot.keyClicks(dialog.label_edit, "Favourite number")
    press_save(qtbot, dialog)  # without a value
    qtbot.waitUntil(lambda: dialog.error_label.isVisible())
    assert "cannot be empty" in dialog.error_label.text()
    assert dialog.isVisible()
    dialog.field_picker.setCurrentIndex(dialog.field_picker.findData("email"))
    qtbot.keyClicks(dialog.value_edit, "other@example.org")
    press_save(qtbot, dialog)
    qtbot.waitUntil(lambda: "exists already" in dialog.error_label.text())
    assert dialog.isVisible()
    assert shown_value(page, "email") == "ada@example.org"


def test_editing_a_field_loads_it_and_saves_the_change(
    page: MyDataPage, runner: VaultRunner, qtbot: QtBot
) -> None:
    select(page, "passport_number")
    page.edit_action.trigger()
    dialog = open_dialog(qtbot, page, FieldDialog)
    assert dialog.value_edit.toPlainText() == "X1234567"  # loaded with purpose="edit"
    assert dialog.key_edit.isReadOnly()
    dialog.value_edit.setPlainText("Y7654321")
    with qtbot.waitSignal(page.model.rows_reset):
        press_save(qtbot, dialog)
    assert closed(dialog)
    assert page.selected_field().key == "passport_number"  # type: ignore[union-attr]
    stored = on_worker(qtbot, runner, lambda v: v.fields.get("passport_number", purpose="edit"))
    assert stored.value == "Y7654321"
    assert [e.type for e in log_entries(qtbot, runner)[:1]] == [activity.FIELD_UPDATED]
    assert activity.FIELD_REVEALED not in [e.type for e in log_entries(qtbot, runner)]


def test_deleting_asks_first(
    page: MyDataPage, runner: VaultRunner, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[str] = []

    def answer(answer: bool) -> Callable[..., bool]:
        def confirm(_parent: object, _title: str, text: str, **_options: object) -> bool:
            questions.append(text)
            return answer

        return confirm

    select(page, "phone")
    monkeypatch.setattr(ask, "confirm", answer(False))
    page.delete_action.trigger()
    assert "Phone number" in questions[0]
    assert "phone" in shown_keys(page)
    monkeypatch.setattr(ask, "confirm", answer(True))
    with qtbot.waitSignal(page.model.rows_reset):
        page.delete_action.trigger()
    assert "phone" not in shown_keys(page)
    with pytest.raises(NotFound):
        on_worker(qtbot, runner, lambda vault: vault.fields.get("phone", purpose="edit"))


def test_category_filter_and_full_text_search_narrow_the_rows(
    page: MyDataPage, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(page.model.rows_reset):
        page.category_combo.setCurrentIndex(page.category_combo.findData(2))
    assert shown_keys(page) == ["email", "phone", "postal_address"]
    with qtbot.waitSignal(page.model.rows_reset):  # after the debounce
        qtbot.keyClicks(page.search_edit, "engine")
    assert shown_keys(page) == ["postal_address"]
    with qtbot.waitSignal(page.model.rows_reset):
        page.category_combo.setCurrentIndex(page.category_combo.findData(1))
    assert shown_keys(page) == []
    assert page.no_match_label.isVisible()
    assert page.stack.currentWidget() is page.table  # not the empty-vault invitation
    page.category_combo.setCurrentIndex(0)
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(shown_keys(page)) == len(SAMPLE))


def test_reveal_shows_the_value_logs_it_and_hides_it_again(
    page: MyDataPage, runner: VaultRunner, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    select(page, "email")
    assert not page.reveal_action.isEnabled()  # nothing to reveal in a plain field
    select(page, "passport_number")
    assert page.reveal_action.isEnabled()
    page.reveal_action.trigger()
    qtbot.waitUntil(lambda: shown_value(page, "passport_number") == "X1234567")
    newest = log_entries(qtbot, runner)[0]
    assert (newest.type, newest.field_names) == (activity.FIELD_REVEALED, ("passport_number",))
    assert page.reveal_action.text() == "&Hide"
    page.reveal_action.trigger()
    assert shown_value(page, "passport_number") == MASK
    monkeypatch.setattr(my_data, "REVEAL_TIMEOUT_MS", 30)
    page.reveal_action.trigger()
    qtbot.waitUntil(lambda: shown_value(page, "passport_number") == "X1234567")
    qtbot.waitUntil(lambda: shown_value(page, "passport_number") == MASK)


def test_locking_hides_everything_and_closes_dialogs(
    page: MyDataPage, runner: VaultRunner, qtbot: QtBot
) -> None:
    select(page, "passport_number")
    page.reveal_action.trigger()
    qtbot.waitUntil(lambda: page.model.is_revealed("passport_number"))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page, FieldDialog)
    with qtbot.waitSignal(runner.locked):
        runner.lock()
    assert page.model.rowCount() == 0
    assert not page.model.is_revealed("passport_number")
    assert closed(dialog)


def test_copy_puts_the_value_on_the_clipboard_marked_secret_then_clears_it(
    page: MyDataPage, runner: VaultRunner, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(my_data, "CLEAR_CLIPBOARD_AFTER_SECONDS", 1)
    board = QGuiApplication.clipboard()
    select(page, "passport_number")
    page.copy_action.trigger()
    qtbot.waitUntil(lambda: board.text() == "X1234567")
    assert board.mimeData().data(clipboard.PASSWORD_MANAGER_HINT_FORMAT).data() == b"secret"
    assert "clipboard is cleared in 1 s" in page.status.text()
    newest = log_entries(qtbot, runner)[0]
    assert (newest.type, newest.field_names) == (activity.FIELD_COPIED, ("passport_number",))
    qtbot.waitUntil(lambda: board.text() == "", timeout=3000)


def test_history_masks_sensitive_values_until_asked(
    page: MyDataPage, runner: VaultRunner, qtbot: QtBot
) -> None:
    on_worker(qtbot, runner, lambda vault: vault.fields.set("passport_number", "Y7654321"))
    qtbot.waitUntil(lambda: "passport_number" in shown_keys(page))
    select(page, "passport_number")
    page.history_action.trigger()
    dialog = open_dialog(qtbot, page, FieldHistoryDialog)
    values = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    assert values == [MASK, MASK]
    qtbot.mouseClick(dialog.show_values_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_masked())
    values = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    assert values == ["Y7654321", "X1234567"]
    assert log_entries(qtbot, runner)[0].type == activity.FIELD_REVEALED


def test_history_of_a_plain_field_shows_values_directly(page: MyDataPage, qtbot: QtBot) -> None:
    select(page, "email")
    page.history_action.trigger()
    dialog = open_dialog(qtbot, page, FieldHistoryDialog)
    assert dialog.table.item(0, 1).text() == "ada@example.org"
    assert not dialog.show_values_button.isVisible()


def test_selection_survives_a_reload(page: MyDataPage, qtbot: QtBot) -> None:
    select(page, "phone")
    with qtbot.waitSignal(page.model.rows_reset):
        page.reload()
    assert page.selected_field().key == "phone"  # type: ignore[union-attr]


def test_keyboard_return_opens_the_selected_field(page: MyDataPage, qtbot: QtBot) -> None:
    page.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    select(page, "email")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, page, FieldDialog)
    assert dialog.key_edit.text() == "email"
