"""The crash harness's vendors: the real vendor kit on 127.0.0.1, in a process of its own, that
writes down every POST it answered.

The kit already deduplicates by ``webhook-id``; what the harness needs on top is a record it can
compare with the vault's outbox after each kill: one JSON line per POST (path, webhook id, SHA-256
of the body, status, and the start of the error text for a refusal). A line is written and flushed
*before* the answer leaves, so any message the wallet saw accepted is already in the file.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import select
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from tests.intent_helpers import funnel_catalog
from vendorkit.server import VendorApp, make_vendors
from wallet.crypto.signing import generate_signing_key
from wallet.webhooks import HEADER_ID

START_TIMEOUT_SECONDS = 30


@dataclass(frozen=True, slots=True)
class VendorEntry:
    """One POST the vendors answered, as written in their log."""

    path: str
    webhook_id: str
    body_sha256: str
    status: int
    error: str

    @property
    def accepted(self) -> bool:
        return 200 <= self.status < 300


def read_vendor_log(path: Path) -> list[VendorEntry]:
    """Every complete line of the vendors' log (a line still being written is left out)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    entries = []
    for line in text.splitlines(keepends=True):
        if not line.endswith("\n"):
            break
        item = json.loads(line)
        entries.append(
            VendorEntry(item["path"], item["id"], item["sha256"], item["status"], item["error"])
        )
    return entries


def _recorder(log: TextIO) -> Middleware:
    @web.middleware
    async def record(request: web.Request, handler: Handler) -> web.StreamResponse:
        response = await handler(request)
        if request.method == "POST":
            body = await request.read()  # aiohttp keeps the body the handler read
            error = ""
            if response.status >= 300 and isinstance(response, web.Response) and response.body:
                error = bytes(response.body)[:200].decode("utf-8", "replace")  # type: ignore[arg-type]
            entry = {
                "path": request.path,
                "id": request.headers.get(HEADER_ID, ""),
                "sha256": hashlib.sha256(body).hexdigest(),
                "status": response.status,
                "error": error,
            }
            log.write(json.dumps(entry) + "\n")
            log.flush()
        return response

    return record


async def _serve(vendor_app: VendorApp, report_fd: int) -> None:
    runner = web.AppRunner(vendor_app.app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = int(runner.addresses[0][1])
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    os.write(report_fd, f"{port}\n".encode())
    os.close(report_fd)
    await stop.wait()
    await runner.cleanup()


def serve_vendors_in_child(*, count: int, log_path: Path, report_fd: int) -> None:
    """Run ``count`` vendors until SIGTERM (called in a forked child; never returns)."""
    code = 0
    try:
        with open(log_path, "a", encoding="utf-8") as log:
            catalog = funnel_catalog(careless=False)
            keys = [generate_signing_key() for _ in range(count)]
            vendor_app = VendorApp(make_vendors(keys, catalog), catalog)
            vendor_app.app.middlewares.append(_recorder(log))
            asyncio.run(_serve(vendor_app, report_fd))
    except BaseException as exc:  # told to the parent, which is waiting for the port
        with contextlib.suppress(OSError):
            os.write(report_fd, f"error {exc!r}\n".encode())
        code = 1
    os._exit(code)


@dataclass(slots=True)
class VendorProcess:
    """The vendors' process as the harness's parent sees it."""

    pid: int
    port: int
    count: int
    log_path: Path

    @property
    def metadata_urls(self) -> list[str]:
        return [
            f"http://127.0.0.1:{self.port}/vendors/{index}/.well-known/vrm-vendor.json"
            for index in range(1, self.count + 1)
        ]

    def entries(self) -> list[VendorEntry]:
        return read_vendor_log(self.log_path)

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def start_vendor_process(*, count: int, log_path: Path, fork: Callable[[], int]) -> VendorProcess:
    """Fork the vendors' process (with the harness's ``fork``) and wait for its port."""
    read_fd, write_fd = os.pipe()
    pid = fork()
    if pid == 0:
        os.close(read_fd)
        serve_vendors_in_child(count=count, log_path=log_path, report_fd=write_fd)
    os.close(write_fd)
    try:
        ready, _, _ = select.select([read_fd], [], [], START_TIMEOUT_SECONDS)
        line = os.read(read_fd, 4096).decode() if ready else ""
    finally:
        os.close(read_fd)
    process = VendorProcess(pid=pid, port=0, count=count, log_path=log_path)
    if not line.strip().isdigit():
        process.stop()
        raise RuntimeError(f"the vendor process did not start: {line.strip() or 'no answer'}")
    process.port = int(line)
    return process


def entries_by_id(entries: list[VendorEntry]) -> dict[str, list[VendorEntry]]:
    """The log grouped by webhook id, in order."""
    grouped: dict[str, list[VendorEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.webhook_id, []).append(entry)
    return grouped
