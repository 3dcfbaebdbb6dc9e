"""The Activity page's "Messages that could not be delivered": shown only when there are some,
each with its state and reason; Retry queues again the ones the wallet could not handle."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.test_activity_page import on_worker
from ui.pages.activity_page import ActivityPage
from ui.tasks import VaultRunner
from wallet.outbox import Outbox, OutboxMessage, enqueue
from wallet.outbox import store as outbox_store
from wallet.vault.facade import Vault


def _queue(vault: Vault, names: list[str]) -> list[int]:
    with vault.write() as connection:
        key = vault.new_signing_key(connection, purpose="test")
        return enqueue(
            connection,
            [
                OutboxMessage(
                    "intention", f"vendor-{name}", "http://127.0.0.1:9/in", b"{}", key.kid
                )
                for name in names
            ],
        )


def _open(qtbot: QtBot, runner: VaultRunner, vault_dir: Path, *, undelivered: bool) -> list[int]:
    ids: list[int] = []

    def create() -> Vault:
        vault = Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0).vault
        if undelivered:
            ids.extend(_queue(vault, ["dead", "failed", "fine"]))
            with vault.write() as connection:
                outbox_store.mark_dead(connection, ids[0], "the wallet could not send this")
                outbox_store.finish_many(
                    connection, [(ids[1], "failed", 1, 0.0, "HTTP 400", 400, None)]
                )
        return vault

    with qtbot.waitSignal(runner.unlocked):
        runner.open(create)
    return ids


def _page(qtbot: QtBot, runner: VaultRunner) -> ActivityPage:
    page = ActivityPage(runner)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    with qtbot.waitSignal(page.undelivered.loaded):
        page.show()
    return page


def _cells(page: ActivityPage, column: int) -> list[str]:
    table = page.undelivered.table
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_hidden_when_every_message_was_delivered(
    qtbot: QtBot, runner: VaultRunner, vault_dir: Path
) -> None:
    _open(qtbot, runner, vault_dir, undelivered=False)
    page = _page(qtbot, runner)
    assert not page.undelivered.isVisible()


def test_lists_them_and_retries_those_the_wallet_could_not_handle(
    qtbot: QtBot, runner: VaultRunner, vault_dir: Path
) -> None:
    ids = _open(qtbot, runner, vault_dir, undelivered=True)
    page = _page(qtbot, runner)
    panel = page.undelivered
    assert panel.isVisible()
    assert _cells(page, 1) == ["vendor-failed", "vendor-dead"]  # newest first
    assert _cells(page, 2) == ["not delivered", "could not be handled"]
    assert _cells(page, 3) == ["HTTP 400", "the wallet could not send this"]
    assert panel.retry_button.isEnabled()

    selection = panel.table.selectionModel()
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    selection.select(panel.table.model().index(0, 0), flags)  # the refused one: not retryable
    assert not panel.retry_button.isEnabled()
    selection.clearSelection()  # none selected: Retry takes every one it can
    assert panel.retry_button.isEnabled()

    with qtbot.waitSignal(panel.loaded):
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert "1 message(s) queued again" in panel.note.text()
    assert _cells(page, 1) == ["vendor-failed"]
    rows = on_worker(qtbot, runner, lambda vault: {r.id: r.status for r in Outbox(vault).rows()})
    assert rows == {ids[0]: "pending", ids[1]: "failed", ids[2]: "pending"}
    assert not panel.retry_button.isEnabled()

    with qtbot.waitSignal(runner.locked):
        runner.lock()
    assert panel.table.rowCount() == 0 and not panel.isVisible()
