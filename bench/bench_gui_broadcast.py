"""Desktop broadcast: the longest GUI event-loop stall while 1 000 deliveries run (offscreen)."""

from __future__ import annotations

import itertools
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from bench import Figure
from bench.bench_broadcast import (
    VENDORS,
    directory,
    enqueue_broadcast,
    inboxes,
    start_vendors,
    stop,
)
from ui.network import NetworkRunner, vault_db_adapter
from ui.tasks import VaultRunner
from wallet.outbox import DeliveryWorker, Outbox
from wallet.vault.facade import Vault

RUNS = 3
TICK_MS = 5
PASSPHRASE = "benchmark passphrase, not a secret"


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


def _broadcast_stall(
    vaults: VaultRunner, network: NetworkRunner, urls: list[str]
) -> tuple[float, float]:
    """Largest gap between GUI ticks while the worker delivers one intention to every vendor."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    run_db = vault_db_adapter(vaults)

    async def deliver() -> int:
        worker = DeliveryWorker(
            Outbox(vaults._vault),
            await network.transport(),
            vaults._vault.signing_key,  # type: ignore[arg-type, union-attr]
            run_db=run_db,
        )
        summary = await worker.run()
        return summary.delivered

    started = time.perf_counter()
    timer.start()
    ticks.append(started)
    delivered = _wait_for(lambda done: network.submit(deliver, on_success=done))
    elapsed = time.perf_counter() - started
    timer.stop()
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    return max(gaps), delivered / elapsed


def run() -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    del app
    stalls: list[float] = []
    rates: list[float] = []
    with tempfile.TemporaryDirectory(prefix="vrm-bench-gui-") as temp:
        vault_dir = Path(temp) / "vault"
        Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0).vault.lock()
        process, base = start_vendors(VENDORS)
        vaults, network = VaultRunner(), NetworkRunner()
        try:
            # The vault's methods are only ever called on its thread (through the runners).
            vault = _wait_for(
                lambda done: vaults.open(
                    lambda: Vault.open_with_passphrase(vault_dir, PASSPHRASE), on_success=done
                )
            )
            vendors = _wait_for(
                lambda done: vaults.run(lambda v: directory(v, base), on_success=done)
            )
            urls = inboxes(vendors, None)
            for _ in range(RUNS):
                _wait_for(
                    lambda done: vaults.run(
                        lambda v: enqueue_broadcast(v, vendors, urls), on_success=done
                    )
                )
                stall, rate = _broadcast_stall(vaults, network, vault)
                stalls.append(stall)
                rates.append(rate)
        finally:
            network.shutdown()
            vaults.shutdown()
            stop(process)
    return [
        Figure(
            f"GUI event-loop stall during a {VENDORS:,}-vendor broadcast (max gap)",
            statistics.median(stalls) * 1000,
            "ms",
            target=50,
            note=f"median of {RUNS} runs' longest gap between {TICK_MS} ms ticks",
        ),
        Figure(
            "  deliveries per second in the desktop setting",
            statistics.median(rates),
            "/s",
            note="worker on the network loop, database on the vault thread",
        ),
    ]
