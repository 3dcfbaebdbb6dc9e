"""Desktop broadcast: the longest GUI stall while the Intentions page broadcasts to 1 000 vendors.

The page does what a person's click does: queue the intention, deliver it on the network loop
with per-vendor progress in its table, take in the offers (about two per vendor) and show the
funnel. A 5 ms timer ticks on the GUI thread throughout; the longest gap between two ticks is how
long the GUI could not answer. Target: under one frame (16 ms), median of several runs.
``VRM_BENCH_STALLS=1`` also prints where each longer gap happened (:mod:`bench.stall_watch`).
"""

from __future__ import annotations

import itertools
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from bench import Figure
from bench.bench_broadcast import VENDORS, directory, start_vendors, stop
from bench.bench_relay import draft
from bench.stall_watch import ENABLED as WATCH_STALLS
from bench.stall_watch import StallWatch
from ui.heap import preload_and_freeze
from ui.network import NetworkRunner
from ui.pages.intentions_page import IntentionsPage
from ui.priority import favour_the_gui_thread
from ui.tasks import VaultRunner
from wallet.intents import IntentionBook, IntentionDraft, IntentionRecord
from wallet.vault.facade import Vault

RUNS = int(os.environ.get("VRM_BENCH_RUNS", "5"))  # fewer while investigating
TICK_MS = 5
FRAME_MS = 16.0
POLL_MS = 20
DONE_SECONDS = 300.0
PASSPHRASE = "benchmark passphrase, not a secret"
VENDOR_NICENESS = 10


def _wait_for(runner_call: Callable[[Callable[[Any], None]], None]) -> Any:
    """Run an asynchronous call whose callback ends a local event loop; returns its result."""
    loop = QEventLoop()
    box: list[Any] = []

    def done(result: Any) -> None:
        box.append(result)
        loop.quit()

    runner_call(done)
    if not box:
        loop.exec()
    return box[0]


def _wait_until(condition: Callable[[], bool]) -> None:
    """Run the event loop until ``condition()`` holds (polled), or fail after a long while."""
    deadline = time.monotonic() + DONE_SECONDS
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    poll.start()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the broadcast did not finish")
        loop.exec()
    poll.stop()


def _draft(run: int) -> IntentionDraft:
    return draft(run + 1)


def _broadcast_stall(
    page: IntentionsPage, vaults: VaultRunner, network: NetworkRunner, run: int
) -> tuple[float, float, int]:
    """The longest gap between GUI ticks from the click to the funnel shown; deliveries/s."""
    record: IntentionRecord = _wait_for(
        lambda done: vaults.run(lambda v: IntentionBook(v).create(_draft(run)), on_success=done)
    )
    page.reload(select=record.id)
    _wait_until(lambda: page.selected_id() == record.id and not vaults.is_busy)

    def finished() -> bool:
        shown = page.selected_record()
        return (
            page.delivery is None
            and not network.is_busy
            and not vaults.is_busy
            and shown is not None
            and shown.status == "offers_in"
            and len(page.ranked_offer_ids()) > 0
            and page.offers.settled  # every group and row of the funnel shown
            and page.progress_box.model.filled
        )

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    watch = StallWatch(frame_seconds=FRAME_MS / 1000) if WATCH_STALLS else None
    if watch is not None:  # VRM_BENCH_STALLS=1: say where each stall happened
        timer.timeout.connect(watch.tick)
        watch.start()
    started = time.perf_counter()
    timer.start()
    ticks.append(started)
    page.broadcast_button.click()
    _wait_until(lambda: page.delivery is not None)
    _wait_until(finished)
    elapsed = time.perf_counter() - started
    timer.stop()
    if watch is not None:
        watch.stop()
        print(watch.report(), flush=True)
    delivered = sum(status == "delivered" for status in page.progress_statuses().values())
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    offers = len(page.ranked_offer_ids()) + len(page.ranked_offer_ids(alternatives=True))
    return max(gaps), delivered / elapsed, offers


def run() -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    stalls: list[float] = []
    rates: list[float] = []
    offers: list[int] = []
    with tempfile.TemporaryDirectory(prefix="vrm-bench-gui-") as temp:
        vault_dir = Path(temp) / "vault"
        Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0).vault.lock()
        # The vendors stand for machines elsewhere: here they share our two cores, below us.
        process, base = start_vendors(VENDORS, niceness=VENDOR_NICENESS)
        # As the app does: the workspace's code is loaded and frozen before the vault opens,
        # and the interpreter's switch interval is short.
        favour_the_gui_thread()
        vaults = VaultRunner(before_first_open=preload_and_freeze)
        network = NetworkRunner()
        page: IntentionsPage | None = None
        try:
            # The vault's methods are only ever called on its thread (through the runners).
            _wait_for(
                lambda done: vaults.open(
                    lambda: Vault.open_with_passphrase(vault_dir, PASSPHRASE), on_success=done
                )
            )
            _wait_for(lambda done: vaults.run(lambda v: directory(v, base), on_success=done))
            page = IntentionsPage(vaults, network)
            page.resize(1100, 900)
            page.show()
            for number in range(RUNS):
                stall, rate, count = _broadcast_stall(page, vaults, network, number)
                stalls.append(stall)
                rates.append(rate)
                offers.append(count)
        finally:
            if page is not None:
                page.close()
                page.deleteLater()
            network.shutdown()
            vaults.shutdown()
            stop(process)
            app.processEvents()
    runs = ", ".join(f"{stall * 1000:.1f}" for stall in stalls)
    return [
        Figure(
            f"GUI event-loop stall, Intentions page broadcast to {VENDORS:,} vendors",
            statistics.median(stalls) * 1000,
            "ms",
            target=FRAME_MS,
            note=f"median of {RUNS} runs' longest gap between {TICK_MS} ms ticks: {runs} ms",
        ),
        Figure(
            "  deliveries per second through the page",
            statistics.median(rates),
            "/s",
            note=f"click to funnel shown, {statistics.median(offers):,.0f} offers ranked",
        ),
    ]
