"""A real ``nats-server`` with JetStream on 127.0.0.1 for the market tests (issue 15), no mock.

The server is started by :mod:`vendorkit.nats_server` (shared with ``make bench``); where no
binary is installed, the tests that need it are skipped with that reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vendorkit.nats_server import (
    NatsServer,
    NatsServerMissing,
    nats_server_binary,
    start_nats_server,
    stop_nats_server,
)

__all__ = ["NatsServer", "nats_server", "nats_server_binary", "started", "stop_nats_server"]


def started(store: Path) -> NatsServer:
    """A fresh server keeping its streams in ``store``; the test is skipped without a binary."""
    try:
        return start_nats_server(store)
    except NatsServerMissing as missing:
        pytest.skip(str(missing))


@pytest.fixture
def nats_server(tmp_path: Path) -> Iterator[NatsServer]:
    """A fresh server (its own JetStream store) for one test."""
    server = started(tmp_path / "jetstream")
    try:
        yield server
    finally:
        stop_nats_server(server)
