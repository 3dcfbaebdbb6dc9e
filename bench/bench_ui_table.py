"""UI tables at 100 000 rows: first paint and jump to the last row (windowed models, offscreen).

A vault with 100 000 fields is built through the public API (``vault.fields.import_many``: one
transaction) plus a few thousand logged reveals for the activity table; then the real pages run
in a real QApplication at a realistic size, talking to the vault through the worker thread:

- first paint: from ``reload()`` on an empty table until the visible rows hold real data (no
  placeholder) and a paint of the viewport has completed;
- jump to end: from ``scrollToBottom()`` until the last rows hold real data and are painted.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    Signal,
    SignalInstance,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from bench import Figure
from ui.models.windowed import WindowedTableModel
from ui.pages.activity_page import ActivityPage
from ui.pages.my_data import MyDataPage
from ui.tasks import VaultRunner
from wallet.personal_data import FieldInput
from wallet.vault.facade import Vault

FIELD_COUNT = 100_000
ACTIVITY_REVEALS = 20_000  # each is its own durable transaction (~1 ms): keeps the bench short
SEARCH_TEXT = "number 4"  # matches about 11 000 fields, through FTS5
REPEAT = 7
VIEW_WIDTH, VIEW_HEIGHT = 1000, 700
PASSPHRASE = "benchmark passphrase, not secret"
WAIT_LIMIT_MS = 30_000


def _quiet_offscreen_warnings(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform warns about every top-level resize; it says nothing about speed.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def run() -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qInstallMessageHandler(_quiet_offscreen_warnings)
    _app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="vrm-bench-ui-") as temporary:
        directory = Path(temporary) / "vault"
        _build_vault(directory)
        return _measure_pages(directory)


def _sample_fields() -> Iterator[FieldInput]:
    for number in range(FIELD_COUNT):
        yield FieldInput(
            key=f"field_{number:06d}",
            value=f"Sample value number {number}",
            category=number % 16 + 1,
            sensitive=number % 10 == 0,
        )


def _build_vault(directory: Path) -> None:
    with Vault.create(directory, PASSPHRASE, kdf_target_seconds=0).vault as vault:
        vault.fields.import_many(_sample_fields())
        for number in range(ACTIVITY_REVEALS):
            vault.fields.get(f"field_{number * 5:06d}", purpose="reveal")


def _measure_pages(directory: Path) -> list[Figure]:
    runner = VaultRunner()
    runner.open(lambda: Vault.open_with_passphrase(directory, PASSPHRASE)).result()
    _wait_until(lambda: runner.is_unlocked, [runner.unlocked])
    try:
        fields = MyDataPage(runner)
        figures = _measure_table(fields, fields.table, fields.reload, "My data", targets=True)
        fields.model.set_filter(category=None, search=SEARCH_TEXT)
        searched = _measure_table(fields, fields.table, fields.reload, "My data, searched")
        fields.close()
        log = ActivityPage(runner)
        logged = _measure_table(log, log.table, log.reload, "Activity")
        log.close()
    finally:
        runner.shutdown()
    return [*figures, searched[0], *logged]


def _measure_table(
    page: QWidget,
    view: QTableView,
    reload: Callable[[], None],
    title: str,
    *,
    targets: bool = False,
) -> list[Figure]:
    """Median first paint and jump to the last row over :data:`REPEAT` runs."""
    model = view.model()
    assert isinstance(model, WindowedTableModel)
    page.resize(VIEW_WIDTH, VIEW_HEIGHT)
    page.show()
    first_paints, jumps = [], []
    for _ in range(REPEAT):
        model.clear()
        _settle()
        first_paints.append(_time_until_painted(view, model, reload, expect_reset=True))
        jumps.append(_time_until_painted(view, model, view.scrollToBottom, expect_reset=False))
    size = f"{model.rowCount():,} rows"
    return [
        Figure(
            f"{title}: first paint ({size})",
            statistics.median(first_paints) * 1000,
            "ms",
            target=150 if targets else None,
            note=f"max {max(first_paints) * 1000:.0f} ms",
        ),
        Figure(
            f"{title}: jump to last row ({size})",
            statistics.median(jumps) * 1000,
            "ms",
            target=100 if targets else None,
            note=f"max {max(jumps) * 1000:.0f} ms",
        ),
    ]


def _time_until_painted(
    view: QTableView,
    model: WindowedTableModel[object],
    action: Callable[[], None],
    *,
    expect_reset: bool,
) -> float:
    """Seconds from ``action()`` until a paint of the viewport showing only real rows finished."""
    reset_seen = [not expect_reset]
    painted = _PaintWatcher(view, lambda: reset_seen[0] and _visible_rows_loaded(view, model))

    def note_reset() -> None:
        reset_seen[0] = True

    model.rows_reset.connect(note_reset)
    started = time.perf_counter()
    action()
    view.viewport().update()  # a paint must follow even if nothing changed on screen
    _wait_until(lambda: painted.done, [painted.finished])
    elapsed = time.perf_counter() - started
    model.rows_reset.disconnect(note_reset)
    view.viewport().removeEventFilter(painted)
    return elapsed


class _PaintWatcher(QObject):
    """Notices the first viewport paint that happens while ``ready()`` holds."""

    finished = Signal()

    def __init__(self, view: QTableView, ready: Callable[[], bool]) -> None:
        super().__init__(view)
        self._ready = ready
        self.done = False
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done and self._ready():
            # The filter runs before the paint: finish once the event loop moves on after it.
            QTimer.singleShot(0, self, self._finish)
        return False

    def _finish(self) -> None:
        self.done = True
        self.finished.emit()


def _visible_rows_loaded(view: QTableView, model: WindowedTableModel[object]) -> bool:
    if model.rowCount() == 0:
        return False
    top = max(view.rowAt(0), 0)
    bottom = view.rowAt(view.viewport().height() - 1)
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    return model.is_row_loaded(top) and model.is_row_loaded(bottom)


def _wait_until(condition: Callable[[], bool], signals: list[SignalInstance]) -> None:
    """Run the event loop until ``condition()`` holds, checking again whenever a signal fires."""
    if condition():
        return
    loop = QEventLoop()

    def check(*_args: object) -> None:
        if condition():
            loop.quit()

    for signal in signals:
        signal.connect(check)
    QTimer.singleShot(WAIT_LIMIT_MS, loop.quit)
    loop.exec()
    for signal in signals:
        signal.disconnect(check)
    if not condition():
        raise TimeoutError("the table did not show its rows in time")


def _settle() -> None:
    """Let pending paints and late answers run, so one measurement does not leak into the next."""
    for _ in range(3):
        QCoreApplication.processEvents()
