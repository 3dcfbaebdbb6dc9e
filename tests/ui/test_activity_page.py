"""The Activity page: entries newest first, filters, and the integrity check with its banner."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from ui.models.activity_model import ActivityColumn, ActivityRole
from ui.pages.activity_page import ActivityPage
from ui.tasks import VaultRunner
from wallet.vault.facade import Vault

T = TypeVar("T")


def on_worker(qtbot: QtBot, runner: VaultRunner, operation: Callable[[Vault], T]) -> T:
    """Run ``operation`` on the vault worker and return its result (the test's own peek)."""
    outcome: list[Any] = []
    runner.run(operation, on_success=outcome.append, on_error=outcome.append)
    qtbot.waitUntil(lambda: bool(outcome))
    if isinstance(outcome[0], Exception):
        raise outcome[0]
    return outcome[0]  # type: ignore[no-any-return]


@pytest.fixture
def page(qtbot: QtBot, runner: VaultRunner, vault_dir: Path) -> ActivityPage:
    """The page over a vault whose log holds: created, field added, settings, reveal."""

    def create() -> Vault:
        vault = Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0).vault
        vault.fields.set("passport_number", "X1234567", category=8, sensitive=True)
        vault.update_settings(auto_lock_minutes=10)
        vault.fields.get("passport_number", purpose="reveal")
        return vault

    with qtbot.waitSignal(runner.unlocked):
        runner.open(create)
    activity_page = ActivityPage(runner)
    qtbot.addWidget(activity_page)
    activity_page.resize(1000, 600)
    with qtbot.waitSignal(activity_page.model.rows_reset):
        activity_page.show()
    return activity_page


def column(page: ActivityPage, which: ActivityColumn) -> list[str]:
    model = page.model
    return [
        str(model.data(model.index(row, which), Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount())
    ]


def seqs(page: ActivityPage) -> list[int]:
    model = page.model
    return [model.data(model.index(row, 0), ActivityRole.SEQ) for row in range(model.rowCount())]


def test_entries_are_shown_newest_first_in_plain_words(page: ActivityPage) -> None:
    assert column(page, ActivityColumn.EVENT) == [
        "Field value revealed",
        "Settings changed",
        "Field added",
        "Vault created",
    ]
    assert seqs(page) == [4, 3, 2, 1]
    assert column(page, ActivityColumn.FIELDS)[0] == "Passport number"  # its label, not its key
    assert column(page, ActivityColumn.DETAILS)[1] == "lock after this long unused"
    assert set(column(page, ActivityColumn.RESULT)) == {"Completed"}


def test_event_type_and_text_filters(page: ActivityPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.model.rows_reset):
        page.type_combo.setCurrentIndex(page.type_combo.findData("data."))
    assert column(page, ActivityColumn.EVENT) == ["Field value revealed", "Field added"]
    with qtbot.waitSignal(page.model.rows_reset):
        page.type_combo.setCurrentIndex(0)
    with qtbot.waitSignal(page.model.rows_reset):  # after the debounce
        qtbot.keyClicks(page.search_edit, "auto_lock")
    assert column(page, ActivityColumn.EVENT) == ["Settings changed"]


def test_new_activity_appears_when_the_vault_changes(
    page: ActivityPage, runner: VaultRunner, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(page.model.rows_reset):
        on_worker(qtbot, runner, lambda vault: vault.fields.set("email", "ada@example.org"))
    assert column(page, ActivityColumn.EVENT)[0] == "Field added"
    assert column(page, ActivityColumn.FIELDS)[0] == "Email address"  # its label, not its key


def test_verify_reports_an_intact_log_in_green(page: ActivityPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.model.rows_reset):  # the check is logged, then shown
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.banner.isVisible()
    assert page.banner.text() == "Intact: 4 entries verified."
    assert "#1b5e20" in page.banner.styleSheet()
    assert column(page, ActivityColumn.EVENT)[0] == "Activity log verified"


def test_verify_finds_a_tampered_entry_and_selects_it(
    page: ActivityPage, runner: VaultRunner, qtbot: QtBot
) -> None:
    # Only a test may reach into the core's private connection: this is the attacker's edit.
    on_worker(
        qtbot,
        runner,
        lambda vault: vault._db.execute("UPDATE activity SET reason = 'x' WHERE seq = 2"),
    )
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.isVisible())
    assert page.banner.text().startswith("Broken at entry #2: ")
    assert "edited" in page.banner.text()
    assert "#b71c1c" in page.banner.styleSheet()
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.data(index, ActivityRole.SEQ) for index in selected] == [2]


def test_a_broken_entry_hidden_by_the_filter_is_said_so(
    page: ActivityPage, runner: VaultRunner, qtbot: QtBot
) -> None:
    on_worker(
        qtbot,
        runner,
        lambda vault: vault._db.execute("UPDATE activity SET reason = 'x' WHERE seq = 2"),
    )
    with qtbot.waitSignal(page.model.rows_reset):
        page.type_combo.setCurrentIndex(page.type_combo.findData("settings."))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.banner.isVisible())
    assert "The current filter hides that entry" in page.banner.text()


def test_locking_empties_the_page(page: ActivityPage, runner: VaultRunner, qtbot: QtBot) -> None:
    with qtbot.waitSignal(runner.locked):
        runner.lock()
    assert page.model.rowCount() == 0
