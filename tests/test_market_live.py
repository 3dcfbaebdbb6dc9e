"""The market as a long-running app uses it (issue 15.4, 15.6): one open relay connection for
casting, following and withdrawing, vault steps through ``run_db``, the intentions still
followed, withdrawals the relay missed, and the relay URL kept in the vault's settings."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

from tests.intent_helpers import add_vendors, create, funnel_catalog, save_terms
from tests.nats_server import NatsServer, nats_server
from vendorkit.market.listener import RelayVendors, listen
from vendorkit.server import BackgroundVendors, VendorApp, make_vendors
from wallet.crypto.signing import generate_signing_key
from wallet.errors import InvalidInput
from wallet.intents import IntentionBook
from wallet.market import cast, cast_intention, follow_offers, withdraw_on_relays
from wallet.market.live import followed_intentions, withdrawals_due
from wallet.relay import Relay, offers_subject
from wallet.vault.facade import Vault

__all__ = ["nats_server"]  # the fixture, imported so pytest finds it

T = TypeVar("T")
WAIT = 10.0


@pytest.fixture
def kit() -> Iterator[tuple[Any, Any, BackgroundVendors]]:
    catalog = funnel_catalog(careless=False)
    keys = [generate_signing_key() for _ in range(2)]
    with BackgroundVendors(VendorApp(make_vendors(keys, catalog), catalog)) as server:
        yield catalog, keys, server


def test_the_relay_url_is_a_setting(vault: Vault) -> None:
    assert vault.settings().relay_url == ""
    vault.update_settings(relay_url="nats://127.0.0.1:4222")
    assert vault.settings().relay_url == "nats://127.0.0.1:4222"
    for bad in ("http://127.0.0.1:4222", "nats://relay.example:4222", "x" * 301):
        with pytest.raises(InvalidInput):
            vault.update_settings(relay_url=bad)
    vault.update_settings(relay_url="")
    assert vault.settings().relay_url == ""


def test_one_connection_casts_follows_and_withdraws(
    vault: Vault, nats_server: NatsServer, kit: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_vendors(vault, kit[2].metadata_urls)
    save_terms(vault)
    intention_id = create(vault).id
    other_id = create(vault).id
    url = nats_server.url
    opened: list[str] = []

    class CountedRelay(Relay):  # a real connection, counted
        async def __aenter__(self) -> Relay:
            opened.append(self.url)
            return await super().__aenter__()

    monkeypatch.setattr(cast, "Relay", CountedRelay)
    db_steps: list[str] = []

    async def run_db(work: Callable[[], T]) -> T:
        db_steps.append("step")
        return work()

    async def scenario() -> tuple[int, list[str], list[str], list[str]]:
        stop = asyncio.Event()
        vendors = RelayVendors(make_vendors(kit[1], kit[0]), kit[0])
        listener = asyncio.create_task(
            listen(url, vendors, categories=["shoes"], queue="q", stop=stop)
        )
        async with Relay(url) as relay:
            woken = asyncio.Event()
            unwatch = await relay.watch(offers_subject(intention_id), woken.set)
            for each in (intention_id, other_id):
                await cast_intention(vault, url, each, relay=relay, run_db=run_db)
            await asyncio.wait_for(woken.wait(), WAIT)  # an offer was published
            await unwatch()
            stored = 0
            deadline = time.monotonic() + WAIT
            while stored < 2 and time.monotonic() < deadline:
                report = await follow_offers(
                    vault, url, intention_id, wait_seconds=0.2, relay=relay, run_db=run_db
                )
                stored += len(report.offers.stored)
            followed = followed_intentions(vault, url)
            IntentionBook(vault).withdraw(other_id)
            due = withdrawals_due(vault, url)
            told = await withdraw_on_relays(vault, other_id, relay=relay, run_db=run_db)
            assert relay.connected
        stop.set()
        await listener
        return stored, followed, due, told

    stored, followed, due, told = asyncio.run(scenario())
    assert stored >= 2
    assert followed == [intention_id, other_id]
    assert due == [other_id] and told == [url]
    assert withdrawals_due(vault, url) == [] and followed_intentions(vault, url) == [intention_id]
    assert opened == []  # every step used the connection it was given
    # the vault steps ran through run_db: two per cast, one per reading and one per message
    # (two vendors answered), two for the withdrawal
    assert len(db_steps) >= 2 * 2 + 1 + 2 + 2
