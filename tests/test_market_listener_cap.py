"""A kit listener keeps listening when the relay refuses its answers (issue 15.5): with more
vendors than an intention's subject holds, the relay refuses the answers past its cap, and that
refuses this intention only."""

from __future__ import annotations

import asyncio

from tests.intent_helpers import create, funnel_catalog, save_terms
from tests.nats_server import NatsServer, nats_server
from vendorkit.market.listener import ListenStats, RelayVendors, listen
from vendorkit.server import make_vendors
from wallet.crypto.signing import generate_signing_key
from wallet.market import cast_intention
from wallet.relay import MAX_OFFER_MESSAGES_PER_INTENTION, OFFERS_STREAM, Relay, offers_subject
from wallet.vault.facade import Vault

__all__ = ["nats_server"]  # the fixture, imported so pytest finds it

WAIT = 30.0


def test_a_full_subject_refuses_answers_and_the_listener_goes_on(
    vault: Vault, nats_server: NatsServer
) -> None:
    catalog = funnel_catalog(careless=False)
    keys = [generate_signing_key() for _ in range(MAX_OFFER_MESSAGES_PER_INTENTION + 3)]
    save_terms(vault)
    first, second = create(vault).id, create(vault).id

    async def scenario() -> tuple[ListenStats, list[int]]:
        stop, ready = asyncio.Event(), asyncio.Event()
        vendors = RelayVendors(make_vendors(keys, catalog), catalog)
        listening = asyncio.create_task(
            listen(
                nats_server.url, vendors, categories=["shoes"], queue="q", stop=stop, ready=ready
            )
        )
        await asyncio.wait_for(ready.wait(), WAIT)
        for intention_id in (first, second):
            await cast_intention(vault, nats_server.url, intention_id)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT
        while vendors.stats.refused < 2 and loop.time() < deadline and not listening.done():
            await asyncio.sleep(0.05)  # polling a condition, bounded by the deadline
        stop.set()
        stats = await listening
        async with Relay(nats_server.url) as relay:
            held = [
                len(
                    [
                        m
                        async for m in relay.read(
                            offers_subject(i), stream=OFFERS_STREAM, wait_seconds=0.3, limit=1000
                        )
                    ]
                )
                for i in (first, second)
            ]
        return stats, held

    stats, held = asyncio.run(scenario())
    assert stats.refused == 2  # each intention's answers past the cap, refused by the relay
    assert stats.last_refusal.startswith("Could not publish the offers: the relay refused it")
    assert held == [MAX_OFFER_MESSAGES_PER_INTENTION] * 2  # the second was answered too
