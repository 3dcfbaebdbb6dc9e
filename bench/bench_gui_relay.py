"""Desktop market: the longest GUI stall while 1 000 sealed answers arrive from the relay.

A real ``nats-server`` with JetStream, :data:`VENDORS` kit vendors listening on it (two
processes, below our priority: they stand for machines elsewhere), and the desktop app's parts:
the vault on its worker thread (:class:`ui.tasks.VaultRunner`), the network loop
(:class:`ui.network.NetworkRunner`) and the Intentions page, shown. On the network loop, as the
app's market link does, :data:`INTENTIONS` intentions are cast on one relay connection
(:func:`wallet.market.cast_intention`) and their sealed answers read as they come
(:func:`wallet.market.follow_offers`: opened, checked, stored on the vault's thread), the page
told after each reading (``runner.changed``) so it reloads and ranks the funnel again. In all
``INTENTIONS × VENDORS`` = 1 000 sealed answers arrive (two offers each), within the relay's and
the wallet's caps. A 5 ms timer ticks on the GUI thread throughout; the longest gap between two
ticks is how long the GUI could not answer. Beside it, the baseline: a minimal window's longest
gap over as long, in the same process, right after each run (what this shared machine alone
costs). ``VRM_BENCH_STALLS=1`` also prints where each longer gap happened.
"""

from __future__ import annotations

import itertools
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from bench import Figure
from bench.bench_broadcast import stop
from bench.bench_gui_broadcast import FRAME_MS, TICK_MS, VENDOR_NICENESS, _wait_for, _wait_until
from bench.bench_relay import draft, listeners, pin_vendors
from bench.stall_watch import ENABLED as WATCH_STALLS
from bench.stall_watch import StallWatch
from ui.heap import preload_and_freeze
from ui.network import NetworkRunner, vault_call_adapter, vault_db_adapter
from ui.pages.intentions_page import IntentionsPage
from ui.priority import favour_the_gui_thread
from ui.tasks import VaultRunner
from vendorkit.nats_server import NatsServerMissing, start_nats_server, stop_nats_server
from wallet.intents import IntentionBook
from wallet.market import cast_intention, follow_offers
from wallet.relay import Relay
from wallet.vault.facade import Vault

RUNS = int(os.environ.get("VRM_BENCH_RUNS", "3"))
VENDORS = 200
INTENTIONS = 5
ANSWERS = VENDORS * INTENTIONS
READ_WAIT_SECONDS = 0.2  # as the market link: a reading ends when nothing came for this long
DEADLINE_SECONDS = 120.0
PASSPHRASE = "benchmark passphrase, not a secret"


async def _cast_and_follow(
    vault: Vault, url: str, ids: list[str], vaults: VaultRunner
) -> tuple[int, int]:
    """On the network loop: cast every intention, then read their answers until all came;
    returns (answers read, offers stored)."""
    run_db = vault_db_adapter(vaults)
    run_vault = vault_call_adapter(vaults)
    read = stored = 0
    deadline = time.monotonic() + DEADLINE_SECONDS
    async with Relay(url) as relay:
        for intention_id in ids:
            await cast_intention(vault, url, intention_id, relay=relay, run_db=run_db)
        await run_vault(lambda _vault: None)  # the pages hear of it (runner.changed)
        while read < ANSWERS and time.monotonic() < deadline:
            for intention_id in ids:
                report = await follow_offers(
                    vault,
                    url,
                    intention_id,
                    wait_seconds=READ_WAIT_SECONDS,
                    relay=relay,
                    run_db=run_db,
                )
                read += report.messages
                stored += len(report.offers.stored)
                if report.messages:
                    await run_vault(lambda _vault: None)
    return read, stored


def _gaps(ticks: list[float]) -> float:
    return max(later - earlier for earlier, later in itertools.pairwise(ticks))


def _ticking(watch: StallWatch | None = None) -> tuple[QTimer, list[float]]:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    if watch is not None:
        timer.timeout.connect(watch.tick)
    return timer, ticks


def _minimal_window_stall(seconds: float) -> float:
    """The longest gap between ticks of a bare window doing nothing else, for ``seconds``."""
    label = QLabel("A minimal PySide6 window")
    label.resize(400, 200)
    label.show()
    timer, ticks = _ticking()
    ticks.append(time.perf_counter())
    timer.start()
    end = time.monotonic() + seconds
    _wait_until(lambda: time.monotonic() >= end)
    timer.stop()
    label.close()
    label.deleteLater()
    return _gaps(ticks)


def _one_run(
    page: IntentionsPage, vaults: VaultRunner, network: NetworkRunner, url: str, run: int
) -> tuple[float, float, int, int]:
    """The longest GUI gap from the first cast to the funnel shown; seconds; answers, offers."""
    ids: list[str] = _wait_for(
        lambda done: vaults.run(
            lambda v: [
                IntentionBook(v).create(draft(run * INTENTIONS + n)).id for n in range(INTENTIONS)
            ],
            on_success=done,
        )
    )
    vault: Vault = _wait_for(lambda done: vaults.run(lambda v: v, on_success=done))
    page.reload(select=ids[0])
    _wait_until(lambda: page.selected_id() == ids[0] and not vaults.is_busy)
    outcome: list[Any] = []
    watch = StallWatch(frame_seconds=FRAME_MS / 1000) if WATCH_STALLS else None
    timer, ticks = _ticking(watch)
    if watch is not None:
        watch.start()
    started = time.perf_counter()
    ticks.append(started)
    timer.start()
    network.submit(
        lambda: _cast_and_follow(vault, url, ids, vaults),
        on_success=outcome.append,
        on_error=outcome.append,
    )

    def finished() -> bool:
        shown = page.selected_record()
        return (
            bool(outcome)
            and not network.is_busy
            and not vaults.is_busy
            and shown is not None
            and shown.status == "offers_in"
            and len(page.ranked_offer_ids()) > 0
            and page.offers.settled
        )

    _wait_until(finished)
    elapsed = time.perf_counter() - started
    timer.stop()
    if watch is not None:
        watch.stop()
        print(watch.report(), flush=True)
    if isinstance(outcome[0], Exception):
        raise outcome[0]
    read, stored = outcome[0]
    return _gaps(ticks), elapsed, read, stored


def _measure(
    store: Path, url: str
) -> tuple[list[float], list[float], list[tuple[int, int]], list[float]]:
    vault_dir = store / "vault"
    vault = Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0).vault
    pin_vendors(vault, VENDORS)
    vault.lock()
    favour_the_gui_thread()
    vaults = VaultRunner(before_first_open=preload_and_freeze)
    network = NetworkRunner()
    page: IntentionsPage | None = None
    stalls: list[float] = []
    baselines: list[float] = []
    answers: list[tuple[int, int]] = []
    rates: list[float] = []
    try:
        _wait_for(
            lambda done: vaults.open(
                lambda: Vault.open_with_passphrase(vault_dir, PASSPHRASE), on_success=done
            )
        )
        page = IntentionsPage(vaults, network)
        page.resize(1100, 900)
        page.show()
        for run in range(RUNS):
            stall, seconds, read, stored = _one_run(page, vaults, network, url, run)
            stalls.append(stall)
            answers.append((read, stored))
            rates.append(read / seconds)
            baselines.append(_minimal_window_stall(min(seconds, 5.0)))
    finally:
        if page is not None:
            page.close()
            page.deleteLater()
        network.shutdown()
        vaults.shutdown()
    return stalls, baselines, answers, rates


def run() -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="vrm-bench-gui-relay-") as temp:
        store = Path(temp)
        try:
            server = start_nats_server(store / "relay")
        except NatsServerMissing as missing:
            print(f"  (GUI stall under relay offers not measured: {missing})")
            return []
        try:
            vendors = listeners(server.url, VENDORS, niceness=VENDOR_NICENESS)
            try:
                stalls, baselines, answers, rates = _measure(store, server.url)
            finally:
                for process in vendors:
                    stop(process)
        finally:
            stop_nats_server(server)
            app.processEvents()
    stall, baseline = statistics.median(stalls), statistics.median(baselines)
    runs = ", ".join(f"{each * 1000:.1f}" for each in stalls)
    return [
        Figure(
            f"GUI event-loop stall, {ANSWERS:,} sealed answers arriving from the relay",
            stall * 1000,
            "ms",
            target=FRAME_MS,
            note=f"median of {RUNS} runs' longest gap between {TICK_MS} ms ticks: {runs} ms; "
            f"{INTENTIONS} intentions x {VENDORS} kit vendors, "
            f"{statistics.median(a for a, _ in answers):,.0f} answers read and "
            f"{statistics.median(o for _, o in answers):,.0f} offers stored per run",
        ),
        Figure(
            "  minimal window, longest gap over as long (baseline)",
            baseline * 1000,
            "ms",
            note=f"stall / baseline {stall / baseline:.1f}x",
        ),
        Figure(
            "  sealed answers read per second through the app's parts",
            statistics.median(rates),
            "/s",
            note="first cast to the funnel shown",
        ),
    ]
