"""Small real HTTP servers on 127.0.0.1 for delivery and vendor-directory tests (no mocks)."""

from __future__ import annotations

import asyncio
import socket
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from aiohttp import web

from wallet.crypto.signing import VerifyingKey
from wallet.errors import SignatureInvalid
from wallet.webhooks import verify_webhook


@dataclass
class Receiver:
    """An idempotent webhook receiver: verifies signatures, accepts each webhook-id once."""

    key: VerifyingKey
    clock: Callable[[], float]
    script: dict[str, list[tuple[int, dict[str, str], bytes]]] = field(default_factory=dict)
    slow_seconds: float = 0.0
    accepted: dict[str, list[str]] = field(default_factory=dict)  # path -> webhook ids
    hits: Counter[str] = field(default_factory=Counter)
    ids_seen: dict[str, list[str]] = field(default_factory=dict)
    bad_signatures: int = 0

    async def handle(self, request: web.Request) -> web.StreamResponse:
        path = request.match_info["name"]
        self.hits[path] += 1
        body = await request.read()
        message_id = request.headers["webhook-id"]
        self.ids_seen.setdefault(path, []).append(message_id)
        try:
            verify_webhook(
                request.headers["webhook-signature"],
                self.key,
                message_id=message_id,
                timestamp=int(request.headers["webhook-timestamp"]),
                body=body,
                now=int(self.clock()),
            )
        except SignatureInvalid:
            self.bad_signatures += 1
            return web.Response(status=401)
        if path == "slow":
            await asyncio.sleep(self.slow_seconds)
        steps = self.script.get(path)
        if steps:
            status, headers, reply = steps.pop(0)
            if status >= 300:
                return web.Response(status=status, headers=headers, body=reply)
        else:
            status, headers, reply = 200, {}, b'{"ok":true}'
        ids = self.accepted.setdefault(path, [])
        if message_id not in ids:  # idempotent: a repeated id is acknowledged, not re-applied
            ids.append(message_id)
        return web.Response(status=status, headers=headers, body=reply)


def receiver_app(receiver: Receiver) -> web.Application:
    app = web.Application()
    app.router.add_post("/hooks/{name}", receiver.handle)
    return app


def metadata_app(documents: dict[str, bytes]) -> web.Application:
    """Serves ``documents[path]`` at each path (mutable, so a test can change a key later)."""

    async def serve(request: web.Request) -> web.Response:
        body = documents.get(request.path)
        if body is None:
            return web.Response(status=404)
        return web.Response(body=body, content_type="application/json")

    app = web.Application()
    app.router.add_get("/{tail:.*}", serve)
    return app


def closed_port() -> int:
    """A loopback port with nothing listening (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
