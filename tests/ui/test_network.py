"""The network executor: one asyncio loop on its own thread, results on the GUI thread."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import asyncio
import itertools
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.loopback import LoopbackServer
from ui.network import NetworkRunner, vault_call_adapter, vault_db_adapter
from ui.tasks import VaultRunner
from wallet.errors import VaultLocked, WalletError
from wallet.transport import HttpResult
from wallet.vault.facade import Vault

SLOW_SECONDS = 0.6


@pytest.fixture
def network(qtbot: QtBot) -> Iterator[NetworkRunner]:
    runner = NetworkRunner()
    try:
        yield runner
    finally:
        runner.shutdown()


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    """``/slow`` answers after SLOW_SECONDS; ``/hang`` answers after a minute."""

    async def slow(_request: web.Request) -> web.Response:
        await asyncio.sleep(SLOW_SECONDS)
        return web.json_response({"ok": True})

    async def hang(_request: web.Request) -> web.Response:
        await asyncio.sleep(60)
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_get("/slow", slow)
    app.router.add_get("/hang", hang)
    with LoopbackServer(app) as running:
        yield running


def test_results_and_errors_arrive_on_the_gui_thread(qtbot: QtBot, network: NetworkRunner) -> None:
    got: dict[str, Any] = {}

    async def where() -> int:
        return threading.get_ident()

    async def fail() -> None:
        raise WalletError("the vendor is away")

    def success(ident: int) -> None:
        got["loop"], got["success_thread"] = ident, threading.get_ident()

    def error(exc: Exception) -> None:
        got["error"], got["error_thread"] = exc, threading.get_ident()

    with qtbot.waitSignal(network.busy_changed, check_params_cb=lambda busy: not busy):
        network.submit(where, on_success=success)
        network.submit(fail, on_success=success, on_error=error)
    main = threading.get_ident()
    assert got["success_thread"] == main and got["error_thread"] == main
    assert got["loop"] != main
    assert str(got["error"]) == "the vendor is away"
    assert not network.is_busy


def test_a_slow_fetch_keeps_the_gui_responsive(
    qtbot: QtBot, network: NetworkRunner, server: LoopbackServer
) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    results: list[HttpResult] = []

    async def fetch() -> HttpResult:
        transport = await network.transport()
        return await transport.get(server.url("/slow"))

    timer.start()
    started = time.monotonic()
    network.submit(fetch, on_success=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    timer.stop()
    assert results[0].status == 200
    assert time.monotonic() - started >= SLOW_SECONDS
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert len(ticks) > 20
    assert max(gaps) < 0.2, f"the GUI stalled for {max(gaps) * 1000:.0f} ms"


def test_cancel_stops_the_coroutine_and_drops_its_callbacks(
    qtbot: QtBot, network: NetworkRunner, server: LoopbackServer
) -> None:
    started, cancelled = threading.Event(), threading.Event()
    delivered: list[object] = []

    async def fetch() -> HttpResult:
        transport = await network.transport()
        started.set()
        try:
            return await transport.get(server.url("/hang"))
        except asyncio.CancelledError:
            cancelled.set()
            raise

    task = network.submit(fetch, on_success=delivered.append, on_error=delivered.append)
    assert network.is_busy
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(network.busy_changed, check_params_cb=lambda busy: not busy):
        task.cancel()
    qtbot.waitUntil(cancelled.is_set)
    qtbot.waitUntil(lambda: task.done)
    assert delivered == []
    assert not network.is_busy


def test_vault_adapters_run_on_the_vault_worker(
    qtbot: QtBot, network: NetworkRunner, runner: VaultRunner, tmp_path: Path
) -> None:
    run_db, run_vault = vault_db_adapter(runner), vault_call_adapter(runner)
    got: dict[str, Any] = {}

    async def locked() -> None:
        await run_vault(lambda vault: vault.settings())

    network.submit(locked, on_error=lambda exc: got.update(locked=exc))
    qtbot.waitUntil(lambda: "locked" in got)
    assert isinstance(got["locked"], VaultLocked)

    with qtbot.waitSignal(runner.unlocked):
        runner.open(
            lambda: Vault.create(tmp_path / "vault", PASSPHRASE, kdf_target_seconds=0).vault
        )

    async def both() -> tuple[str, int]:
        thread = await run_db(lambda: threading.current_thread().name)
        settings = await run_vault(lambda vault: vault.settings())
        return thread, settings.auto_lock_minutes

    network.submit(both, on_success=lambda result: got.update(both=result))
    qtbot.waitUntil(lambda: "both" in got)
    thread, minutes = got["both"]
    assert thread.startswith("vault")
    assert minutes >= 0


def test_shutdown_cancels_running_tasks_and_joins_the_thread(
    qtbot: QtBot, server: LoopbackServer
) -> None:
    network = NetworkRunner()
    started = threading.Event()
    delivered: list[object] = []

    async def fetch() -> HttpResult:
        transport = await network.transport()
        started.set()
        return await transport.get(server.url("/hang"))

    network.submit(fetch, on_success=delivered.append, on_error=delivered.append)
    qtbot.waitUntil(started.is_set)
    began = time.monotonic()
    network.shutdown()
    assert time.monotonic() - began < 5
    assert not network._thread.is_alive()
    assert network.loop.is_closed()
    assert delivered == []
    with pytest.raises(RuntimeError):
        network.submit(fetch)
    network.shutdown()  # a second call is harmless
