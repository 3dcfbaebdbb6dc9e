"""Hostile vendors on real sockets on 127.0.0.1, for the tests of issue 11 (hardening).

* :class:`ScriptedVendor` answers every POST to its intention inbox, and every GET of its offers
  URL, with whatever a test sets (status, headers, raw body bytes);
* :class:`StallingServer` accepts connections, reads what is sent and never answers, so a request
  to it lasts until the client gives up.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import web

from vendorkit.server import BackgroundVendors
from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory, parse_metadata


@dataclass
class Answer:
    """What a :class:`ScriptedVendor` answers (status, headers, raw body)."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b'{"offers":[]}'


class _AppHolder:
    """What :class:`BackgroundVendors` needs of a vendor app: ``app`` and ``vendors``."""

    def __init__(self, app: web.Application) -> None:
        self.app = app
        self.vendors: list[Any] = []


class ScriptedVendor:
    """A vendor in the directory whose answers a test writes; ``with`` starts and stops it."""

    def __init__(self, vendor_id: str, *, key: SigningKey | None = None) -> None:
        self.vendor_id = vendor_id
        self.key = key or generate_signing_key()
        self.answer = Answer()
        self.posts = 0
        app = web.Application()
        app.router.add_post("/inbox/intentions", self._reply)
        app.router.add_post("/inbox/{other}", self._reply)
        app.router.add_get("/inbox/offers", self._reply)
        self.server = BackgroundVendors(_AppHolder(app))  # type: ignore[arg-type]

    def __enter__(self) -> ScriptedVendor:
        self.server.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.server.stop()

    async def _reply(self, request: web.Request) -> web.Response:
        await request.read()
        if request.method == "POST":
            self.posts += 1
        answer = self.answer
        return web.Response(status=answer.status, headers=answer.headers, body=answer.body)

    def add_to(self, vault: Vault) -> str:
        """Pin this vendor in ``vault``'s directory (its metadata as if fetched); its id."""
        add_vendor_at(vault, self.vendor_id, self.server.base_url, self.key)
        return self.vendor_id


def add_vendor_at(vault: Vault, vendor_id: str, origin: str, key: SigningKey) -> None:
    """Pin a vendor whose inboxes are at ``origin`` (no request is made)."""
    document = {
        "type": "VrmVendor",
        "version": 1,
        "id": vendor_id,
        "name": vendor_id.replace("-", " ").title(),
        "publicKey": key.verifying_key.jwk,
        "inbox": {
            name: f"{origin}/inbox/{name}"
            for name in (
                "intentions",
                "offers",
                "withdrawals",
                "decisions",
                "consents",
                "revocations",
            )
        },
        "categories": ["shoes", "books"],
        "acceptedAgreements": ["CC-NO-TRACKING"],
        "policyUrl": f"{origin}/privacy",
        "contact": f"privacy@{vendor_id}.example",
    }
    url = f"{origin}/.well-known/vrm-vendor.json"
    VendorDirectory(vault).add(parse_metadata(document, url=url))


class StallingServer:
    """Accepts connections on 127.0.0.1 and never answers (until closed)."""

    def __init__(self) -> None:
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = int(self._listener.getsockname()[1])
        self.connections: list[socket.socket] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, name="stalling", daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> StallingServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self._listener.close()
        with self._lock:
            for connection in self.connections:
                connection.close()
        self._thread.join(timeout=5)

    def accepted(self) -> int:
        with self._lock:
            return len(self.connections)

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:  # closed by __exit__
                return
            with self._lock:
                self.connections.append(connection)
