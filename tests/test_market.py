"""The open market over a real NATS server (issue 15): subjects, casting, queue groups, sealed
offers back through the same checks as HTTP offers, withdrawal, retention, flood caps."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from nats.js.errors import NotFoundError

from tests.intent_helpers import add_vendors, create, save_terms
from tests.market_kit import Kit, kit
from tests.nats_server import NatsServer, nats_server
from vendorkit.catalog import OfferPlan
from vendorkit.market.listener import ListenStats, RelayVendors, listen
from vendorkit.server import Vendor, make_vendors
from wallet.crypto.sealing import seal_to
from wallet.errors import InvalidInput
from wallet.intents import IntentionBook
from wallet.market import cast_intention, follow_offers, withdraw_on_relays
from wallet.market import follow as follow_module
from wallet.market import store as market_store
from wallet.offers import OfferBook
from wallet.offers import store as offer_store
from wallet.relay import (
    INTENTIONS_STREAM,
    KIND_OFFERS,
    MAX_OFFER_MESSAGES_PER_INTENTION,
    Relay,
    RelayError,
    category_filter,
    check_relay_url,
    intention_subject,
    offers_subject,
    subject_token,
)
from wallet.vault.facade import Vault

__all__ = ["kit", "nats_server"]  # the fixtures, imported so pytest finds them

QUEUE_WAIT = 10.0


def _vendors(kit: Kit) -> list[Vendor]:
    catalog, keys, _ = kit
    return make_vendors(keys, catalog)


async def _until(check: Callable[[], Awaitable[bool]], *, seconds: float = QUEUE_WAIT) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        assert time.monotonic() < deadline, "the condition did not hold in time"
        await asyncio.sleep(0.05)  # polling a condition, bounded by the deadline


def _cast_ready(vault: Vault, kit: Any) -> str:
    add_vendors(vault, kit[2].metadata_urls)
    save_terms(vault)
    return create(vault).id


# ------------------------------------------------------------------------------ subjects


def test_subject_scheme_is_coarse_sanitised_and_bounded() -> None:
    assert intention_subject(region="ES-MD", category="Shoes") == "vrm.intent.es-md.shoes"
    assert intention_subject(region=None, category="Café au lait") == "vrm.intent.any.cafe-au-lait"
    assert subject_token("a.b*c>d e\x00f") == "a-b-c-d-e-f"
    assert subject_token("..**>>") == "any"
    assert len(subject_token("x" * 500)) == 32
    assert category_filter("Books") == "vrm.intent.*.books"
    uuid = "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert offers_subject(f"urn:uuid:{uuid}") == f"vrm.offers.{uuid}"
    with pytest.raises(InvalidInput):
        offers_subject("urn:uuid:not-a-uuid.>")


def test_relay_urls_are_loopback_or_tls() -> None:
    assert check_relay_url("nats://127.0.0.1:4222")
    assert check_relay_url("tls://relay.example:4222")
    for bad in ("nats://relay.example:4222", "http://127.0.0.1:4222", "nats://u:p@127.0.0.1:1"):
        with pytest.raises(InvalidInput):
            check_relay_url(bad)


# ------------------------------------------------------------------------------ round trip


def test_round_trip_through_a_queue_group(vault: Vault, nats_server: NatsServer, kit: Any) -> None:
    """Two processes of the same vendors share one queue group: one of them answers."""
    intention_id = _cast_ready(vault, kit)
    catalog = kit[0]

    async def scenario() -> tuple[list[ListenStats], Any]:
        stop = asyncio.Event()
        readiness = [asyncio.Event(), asyncio.Event()]
        listeners = [
            asyncio.create_task(
                listen(
                    nats_server.url,
                    RelayVendors(_vendors(kit), catalog),
                    categories=["shoes", "books"],
                    queue="demo-vendors",
                    stop=stop,
                    ready=ready,
                )
            )
            for ready in readiness
        ]
        await asyncio.wait_for(asyncio.gather(*(r.wait() for r in readiness)), QUEUE_WAIT)
        cast = await cast_intention(vault, nats_server.url, intention_id)
        assert cast.subject == "vrm.intent.es-md.shoes"
        stored: list[str] = []

        async def offers_in() -> bool:
            report = await follow_offers(vault, nats_server.url, intention_id, wait_seconds=0.2)
            stored.extend(report.offers.stored)
            return len({offer_store.get_offer(vault.reader, o).vendor_id for o in stored}) == 2

        await _until(offers_in)
        stop.set()
        return list(await asyncio.gather(*listeners)), stored

    stats, stored = asyncio.run(scenario())
    assert sorted(s.intentions for s in stats) == [0, 1]  # one process of the group answered
    assert sum(s.sealed for s in stats) == 2  # one sealed message per vendor
    view = OfferBook(vault).funnel(intention_id)
    assert {item.offer.id for item in view.result.kept} <= set(stored)
    assert {item.offer.seller.id for item in view.result.kept} == {"demo-vendor-1", "demo-vendor-2"}
    assert IntentionBook(vault).get(intention_id).status == "offers_in"
    cast_row = market_store.get_cast(vault.reader, intention_id, nats_server.url)
    assert cast_row is not None and cast_row.messages_read == 2 and cast_row.refused == 0


def test_an_offline_wallet_gets_the_offers_later_and_only_once(
    vault: Vault, nats_server: NatsServer, kit: Any
) -> None:
    intention_id = _cast_ready(vault, kit)

    async def scenario() -> tuple[int, int]:
        await cast_intention(vault, nats_server.url, intention_id)
        stop = asyncio.Event()
        relay_vendors = RelayVendors(_vendors(kit), kit[0])
        task = asyncio.create_task(
            listen(nats_server.url, relay_vendors, categories=["shoes"], queue="q", stop=stop)
        )

        async def answered() -> bool:
            return relay_vendors.stats.sealed == 2

        await _until(answered)
        stop.set()
        await task
        first = await follow_offers(vault, nats_server.url, intention_id, wait_seconds=0.2)
        again = await follow_offers(vault, nats_server.url, intention_id, wait_seconds=0.2)
        return len(first.offers.stored), again.messages

    stored, read_again = asyncio.run(scenario())
    assert stored >= 2 and read_again == 0  # the cursor is kept in the vault


def test_a_replayed_intention_is_answered_once(
    vault: Vault, nats_server: NatsServer, kit: Any
) -> None:
    intention_id = _cast_ready(vault, kit)
    signed = IntentionBook(vault).get(intention_id).signed.wire()
    body = json.dumps(signed).encode()

    async def scenario() -> ListenStats:
        relay_vendors = RelayVendors(_vendors(kit), kit[0])
        async with Relay(nats_server.url) as relay:
            await relay.ensure_streams()
            assert await relay_vendors.answer(relay, body) == 2
            assert await relay_vendors.answer(relay, body) == 0  # after the duplicate window too
        return relay_vendors.stats

    stats = asyncio.run(scenario())
    assert (stats.intentions, stats.sealed, stats.replays) == (1, 2, 1)


# ------------------------------------------------------------------------------ withdrawal, TTL


def test_withdrawal_reaches_the_relay(vault: Vault, nats_server: NatsServer, kit: Any) -> None:
    intention_id = _cast_ready(vault, kit)

    async def scenario() -> tuple[int, ListenStats, list[str]]:
        cast = await cast_intention(vault, nats_server.url, intention_id)
        IntentionBook(vault).withdraw(intention_id)
        told = await withdraw_on_relays(vault, intention_id)
        async with Relay(nats_server.url) as relay:
            info = await relay.js.stream_info(INTENTIONS_STREAM)
            with pytest.raises(NotFoundError):  # the intention's own message is gone
                await relay.js.get_msg(INTENTIONS_STREAM, cast.sequence)
        stats = await listen(
            nats_server.url,
            RelayVendors(_vendors(kit), kit[0]),
            categories=["shoes"],
            queue="late-vendor",
            seconds=1.5,
        )
        return int(info.state.messages), stats, told

    messages, late, told = asyncio.run(scenario())
    assert told == [nats_server.url]
    assert messages == 1  # only the signed withdrawal is left on the subject
    assert (late.intentions, late.withdrawn, late.refused) == (0, 1, 0)
    cast_row = market_store.get_cast(vault.reader, intention_id, nats_server.url)
    assert cast_row is not None and cast_row.withdrawn_at is not None


def test_the_intention_lives_on_the_relay_until_it_expires(
    vault: Vault, nats_server: NatsServer, kit: Any
) -> None:
    intention_id = _cast_ready(vault, kit)

    async def scenario() -> tuple[str, int]:
        cast = await cast_intention(vault, nats_server.url, intention_id)
        async with Relay(nats_server.url) as relay:
            stored = await relay.js.get_msg(INTENTIONS_STREAM, cast.sequence)
            ttl = (stored.headers or {}).get("Nats-TTL", "")
            await relay.publish(
                "vrm.intent.es.shoes", b"short", kind="intention", message_id="x", ttl_seconds=1
            )

            async def gone() -> bool:
                info = await relay.js.stream_info(INTENTIONS_STREAM)
                return int(info.state.messages) == 1

            await _until(gone, seconds=5)
            return ttl, cast.ttl_seconds

    ttl, expected = asyncio.run(scenario())
    assert abs(int(ttl) - expected) <= 2  # ends with validThrough (7 days here)
    assert 6 * 86400 < expected <= 7 * 86400


# ------------------------------------------------------------------------------ attackers


async def _publish_raw(url: str, intention_id: str, payloads: list[bytes]) -> None:
    async with Relay(url) as relay:
        for number, payload in enumerate(payloads):
            await relay.publish(
                offers_subject(intention_id),
                payload,
                kind=KIND_OFFERS,
                message_id=f"hostile-{number}",
                ttl_seconds=600,
            )


def _sealing_jwk(vault: Vault, intention_id: str) -> dict[str, Any]:
    key = IntentionBook(vault).get(intention_id).intention.sealingKey
    assert key is not None
    return key.model_dump()


def test_the_relay_keeps_at_most_200_offer_messages_per_intention_and_refuses_more(
    nats_server: NatsServer,
) -> None:
    subject = offers_subject("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e")

    async def scenario() -> tuple[int, str]:
        async with Relay(nats_server.url) as relay:
            await relay.ensure_streams()
            for number in range(MAX_OFFER_MESSAGES_PER_INTENTION):
                await relay.publish(
                    subject, b"m", kind=KIND_OFFERS, message_id=f"m{number}", ttl_seconds=60
                )
            with pytest.raises(RelayError) as refused:
                await relay.publish(
                    subject, b"late", kind=KIND_OFFERS, message_id="late", ttl_seconds=60
                )
            other = await relay.publish(
                offers_subject("urn:uuid:1f8fad5b-d9cb-469f-a165-70867728950e"),
                b"m",
                kind=KIND_OFFERS,
                message_id="other",
                ttl_seconds=60,
            )
            return other, str(refused.value)

    other, reason = asyncio.run(scenario())
    assert other == MAX_OFFER_MESSAGES_PER_INTENTION + 1  # another intention is not affected
    assert reason.startswith("Could not publish the offers: the relay refused it")
    assert "\n" not in reason


def test_hostile_messages_fail_alone_with_a_recorded_reason(
    vault: Vault, nats_server: NatsServer, kit: Any
) -> None:
    intention_id = _cast_ready(vault, kit)
    jwk = _sealing_jwk(vault, intention_id)
    vendor = _vendors(kit)[0]
    intention = IntentionBook(vault).get(intention_id).intention
    good = OfferPlan(kit[0], intention).answer(vendor.signer)
    hostile = [
        b"\xff\xfe not text",
        b"not.a.jwe",
        seal_to(jwk, b'{"offers": []}', apu=b"x", apv=b"urn:uuid:another").encode(),
        seal_to(jwk, b"{not json", apu=b"demo-vendor-1", apv=intention_id.encode()).encode(),
        seal_to(jwk, good, apu=b"", apv=intention_id.encode()).encode(),
        seal_to(jwk, good, apu=b"stranger", apv=intention_id.encode()).encode(),
        seal_to(jwk, good.replace(b"EUR", b"USD"), apu=b"demo-vendor-1").encode(),
        seal_to(jwk, good, apu=b"demo-vendor-1", apv=intention_id.encode()).encode(),
    ]

    async def scenario() -> Any:
        await cast_intention(vault, nats_server.url, intention_id)
        await _publish_raw(nats_server.url, intention_id, hostile)
        return await follow_offers(vault, nats_server.url, intention_id, wait_seconds=0.3)

    report = asyncio.run(scenario())
    assert report.messages == len(hostile)
    assert report.offers.stored  # the good one, last, still got through
    codes = [r.code for r in offer_store.rejections_for(vault.reader, intention_id)]
    assert codes[:5] == ["malformed", "malformed", "wrong_intention", "malformed", "malformed"]
    assert "unknown_vendor" in codes and "forged" in codes
    assert all("\n" not in r.reason for r in report.offers.rejected)


def test_flood_caps(
    vault: Vault, nats_server: NatsServer, kit: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(follow_module, "MAX_MESSAGES_PER_INTENTION", 12)
    monkeypatch.setattr(follow_module, "MAX_REFUSALS_RECORDED", 4)
    monkeypatch.setattr(follow_module, "MAX_OFFERS_PER_VENDOR", 1)
    intention_id = _cast_ready(vault, kit)
    jwk = _sealing_jwk(vault, intention_id)
    intention = IntentionBook(vault).get(intention_id).intention
    vendor = _vendors(kit)[0]
    two_offers = OfferPlan(kit[0], intention).answer(vendor.signer)
    assert len(json.loads(two_offers)["offers"]) >= 2
    junk = [b"junk-%d" % n for n in range(15)]
    over_cap = seal_to(jwk, two_offers, apu=b"demo-vendor-1", apv=intention_id.encode()).encode()

    async def scenario() -> tuple[Any, Any]:
        await cast_intention(vault, nats_server.url, intention_id)
        await _publish_raw(nats_server.url, intention_id, [over_cap, *junk])
        first = await follow_offers(vault, nats_server.url, intention_id, wait_seconds=0.3)
        second = await follow_offers(vault, nats_server.url, intention_id, wait_seconds=0.3)
        return first, second

    first, second = asyncio.run(scenario())
    assert first.messages == 12 and first.capped  # the rest is not read at all
    assert second.messages == 0 and second.capped
    rows = offer_store.rejections_for(vault.reader, intention_id)
    assert [r.code for r in rows] == ["too_many", "malformed", "malformed", "malformed"]
    assert first.offers.unrecorded == 12 - 4  # counted, not recorded
    cast_row = market_store.get_cast(vault.reader, intention_id, nats_server.url)
    assert cast_row is not None and (cast_row.messages_read, cast_row.refused) == (12, 12)


def test_the_cap_on_offers_per_intention(
    vault: Vault, nats_server: NatsServer, kit: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    intention_id = _cast_ready(vault, kit)
    jwk = _sealing_jwk(vault, intention_id)
    intention = IntentionBook(vault).get(intention_id).intention
    first, second = (OfferPlan(kit[0], intention).answer(vendor.signer) for vendor in _vendors(kit))
    held = len(json.loads(first)["offers"])
    monkeypatch.setattr(follow_module, "MAX_OFFERS_PER_INTENTION", held + 1)
    sealed = [
        seal_to(jwk, body, apu=vendor_id, apv=intention_id.encode()).encode()
        for body, vendor_id in ((first, b"demo-vendor-1"), (second, b"demo-vendor-2"))
    ]

    async def scenario() -> Any:
        await cast_intention(vault, nats_server.url, intention_id)
        await _publish_raw(nats_server.url, intention_id, sealed)
        return await follow_offers(vault, nats_server.url, intention_id, wait_seconds=0.3)

    report = asyncio.run(scenario())
    assert len(report.offers.stored) == held  # the first vendor's; the second would pass the cap
    (refusal,) = report.offers.rejected
    assert (refusal.vendor_id, refusal.code) == ("demo-vendor-2", "too_many")
    assert f"at most {held + 1}" in refusal.reason


def test_an_intention_without_a_sealing_key_is_not_cast(
    vault: Vault, nats_server: NatsServer, kit: Any
) -> None:
    intention_id = _cast_ready(vault, kit)
    with vault.write() as connection:  # as if made before sealing keys existed
        row = connection.execute(
            "SELECT signed FROM intentions WHERE id = ?", (intention_id,)
        ).fetchone()
        document = json.loads(row[0])
        del document["intention"]["sealingKey"]
        connection.execute(
            "UPDATE intentions SET signed = ? WHERE id = ?", (json.dumps(document), intention_id)
        )
    with pytest.raises(InvalidInput, match="Create it again"):
        asyncio.run(cast_intention(vault, nats_server.url, intention_id))
    assert market_store.casts_of(vault.reader, intention_id) == []


def test_only_the_relay_module_imports_nats() -> None:
    """wallet/relay.py is the one home of nats-py (the kit reaches the relay through it too)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    found = []
    for package in ("wallet", "vendorkit", "ui"):
        for path in (root / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = (
                    [alias.name for alias in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else []
                )
                if any(name.split(".")[0] == "nats" for name in names):
                    found.append(str(path.relative_to(root)))
    assert sorted(set(found)) == ["wallet/relay.py"]
