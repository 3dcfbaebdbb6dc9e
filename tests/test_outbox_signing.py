"""The outbox worker signs a claimed batch ahead of sending it (off the event loop), and signs a
row again when its signature waited too long: a receiver's tolerance is never at stake."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp.test_utils import TestServer

from tests.test_outbox import FakeClock, _enqueue, _key, _worker
from tests.webhook_servers import Receiver, receiver_app
from wallet.outbox import Outbox
from wallet.outbox.worker import RESIGN_AFTER_SECONDS
from wallet.transport import Transport
from wallet.vault.facade import Vault
from wallet.webhooks import webhook_headers


def _send_with(vault: Vault, clock: FakeClock, age: float) -> tuple[Any, Receiver]:
    """Send one queued row with headers signed ``age`` seconds before the sending time."""
    key = _key(vault)
    receiver = Receiver(key.verifying_key, clock)

    async def main() -> Any:
        server = TestServer(receiver_app(receiver), host="127.0.0.1")
        await server.start_server()
        try:
            base = str(server.make_url("")).rstrip("/")
            _enqueue(vault, key, base, ["a"], clock.now)
            async with Transport(timeout=5.0) as transport:
                worker = _worker(vault, transport, clock)
                claimed, _ = Outbox(vault).claim(clock.now, 1, owner=worker.lease_owner)
                row = claimed[0]
                then = clock.now - age
                old = webhook_headers(
                    key, message_id=row.webhook_id, body=row.body, timestamp=int(then)
                )
                return await worker._deliver(row, key, (then, old))
        finally:
            await server.close()

    return asyncio.run(main()), receiver


def test_a_signature_older_than_the_limit_is_made_again_at_sending(vault: Vault) -> None:
    clock = FakeClock()
    outcome, receiver = _send_with(vault, clock, age=400.0)  # beyond the receiver's 300 s
    assert outcome.status == "delivered"
    assert receiver.bad_signatures == 0


def test_a_recent_signature_is_sent_as_made(vault: Vault) -> None:
    clock = FakeClock()
    outcome, receiver = _send_with(vault, clock, age=RESIGN_AFTER_SECONDS / 2)
    assert outcome.status == "delivered" and receiver.bad_signatures == 0
