"""What keeps the GUI thread within a frame during long work: the frozen preloaded heap, workers
below the GUI's priority, tables that update only what changed, plain-text details."""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from ui import heap
from ui.pages.intention_tables import RowsModel, TableRow
from ui.priority import (
    SWITCH_INTERVAL_SECONDS,
    WORKER_NICENESS,
    favour_the_gui_thread,
    lower_this_threads_priority,
)
from ui.tasks import VaultRunner
from ui.widgets.details_grid import DetailsGrid
from wallet.vault.facade import Vault


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Whatever a test freezes is handed back to the collector afterwards."""
    try:
        yield
    finally:
        gc.unfreeze()


def test_the_workspace_modules_are_listed_without_the_command_line() -> None:
    names = heap.workspace_module_names()
    assert "ui.pages.intentions_page" in names and "wallet.delivery.cycle" in names
    assert "ui.network" in names and "wallet.vault.facade" in names
    assert not any(name.startswith("wallet.cli") for name in names)
    assert "ui.app" not in names


def test_the_preload_runs_on_the_worker_before_the_first_open_and_freezes_no_vault(
    qtbot: QtBot, tmp_path: Path, unfrozen: None
) -> None:
    steps: list[tuple[str, str]] = []

    def preload() -> int:
        steps.append(("preload", threading.current_thread().name))
        return heap.preload_and_freeze()

    runner = VaultRunner(before_first_open=preload)
    try:
        with qtbot.waitSignal(runner.unlocked, timeout=30_000):
            runner.open(
                lambda: Vault.create(tmp_path / "vault", PASSPHRASE, kdf_target_seconds=0).vault
            )
        runner.prepare()  # once only
        with qtbot.waitSignal(runner.locked, timeout=30_000):
            runner.lock()
        with qtbot.waitSignal(runner.unlocked, timeout=30_000):
            runner.open(lambda: Vault.open_with_passphrase(tmp_path / "vault", PASSPHRASE))
        assert steps == [("preload", steps[0][1])] and steps[0][1].startswith("vault")
        assert "ui.pages.intentions_page" in sys.modules
        assert gc.get_freeze_count() > 10_000
        # The open vault is not frozen: the collector still sees (and can free) it.
        vault = runner.submit_raw_vault(lambda opened: opened).result(timeout=30)
        assert any(thing is vault for thing in gc.get_objects())
    finally:
        runner.shutdown()


def test_a_runner_without_the_step_freezes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    before = gc.get_freeze_count()
    runner = VaultRunner()
    try:
        with qtbot.waitSignal(runner.unlocked, timeout=30_000):
            runner.open(
                lambda: Vault.create(tmp_path / "vault", PASSPHRASE, kdf_target_seconds=0).vault
            )
        runner.prepare()
    finally:
        runner.shutdown()
    assert gc.get_freeze_count() == before


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="no per-thread priority here")
def test_a_worker_runs_below_the_gui_thread() -> None:
    seen: list[tuple[int, int]] = []

    def work() -> None:
        thread_id = threading.get_native_id()
        before = os.getpriority(os.PRIO_PROCESS, thread_id)
        lower_this_threads_priority()
        seen.append((before, os.getpriority(os.PRIO_PROCESS, thread_id)))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    before, after = seen[0]
    assert after == min(before + WORKER_NICENESS, 19)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before  # ours unchanged


def _rows(*statuses: str) -> list[TableRow]:
    return [TableRow((f"Vendor {n}", status), f"v{n}") for n, status in enumerate(statuses)]


def test_showing_the_same_rows_again_updates_only_the_changed_cells(qtbot: QtBot) -> None:
    model = RowsModel(["Vendor", "Status"])
    model.set_rows(_rows("queued", "queued", "queued"))
    qtbot.waitUntil(lambda: model.filled)
    removed: list[object] = []
    changed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda *_args: removed.append(_args))
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))

    model.set_rows(_rows("queued", "delivered", "queued"))

    assert removed == []  # updated in place, not replaced
    assert changed == [(1, 1)]
    assert model.item(1, 1).text() == "delivered" and model.item(0, 1).text() == "queued"
    model.set_rows(_rows("queued", "delivered", "queued"))  # nothing changed: no signal
    assert changed == [(1, 1)]


def test_other_keys_replace_the_rows(qtbot: QtBot) -> None:
    model = RowsModel(["Vendor", "Status"])
    model.set_rows(_rows("queued", "queued"))
    qtbot.waitUntil(lambda: model.filled)
    model.set_rows([TableRow(("Other", "sent"), "other")])
    qtbot.waitUntil(lambda: model.filled)
    assert model.keys() == ["other"] and model.rowCount() == 1


def test_details_are_plain_text_pairs(qtbot: QtBot) -> None:
    grid = DetailsGrid()
    qtbot.addWidget(grid)
    grid.set_rows([("Item", "<b>Shoes</b>"), ("Price", "90 EUR")])
    assert grid.text() == "Item: <b>Shoes</b>\nPrice: 90 EUR"
    grid.set_rows([("Item", "Boots")])
    assert grid.text() == "Item: Boots"
    labels = grid.findChildren(QLabel)
    shown = [label for label in labels if label.isVisibleTo(grid)]
    assert [label.text() for label in shown] == ["Item", "Boots"]
    grid.clear()
    assert grid.text() == ""


def test_the_interpreter_lets_the_gui_thread_in_within_a_millisecond() -> None:
    previous = sys.getswitchinterval()
    try:
        favour_the_gui_thread()
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_SECONDS)
        assert previous > SWITCH_INTERVAL_SECONDS  # shorter than the interpreter's 5 ms
    finally:
        sys.setswitchinterval(previous)
