"""Offer ingestion (crafted vendors on real sockets) and the funnel's rules and ranking."""

from __future__ import annotations

import asyncio
import base64
import json
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from aiohttp import web

from tests.intent_helpers import create, save_terms
from tests.wire_helpers import make_intention, make_offer
from vendorkit.server import BackgroundVendors
from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.delivery.cycle import deliver_pending
from wallet.intents import IntentionBook
from wallet.offers import REMOVAL_CODES, FunnelWeights, OfferBook, fetch_offers, run_funnel
from wallet.offers.store import rejections_for
from wallet.transport import Transport
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory, parse_metadata
from wallet.wire import sign_offer, wire_bytes
from wallet.wire.models import VendorMetadata

SMALL_ORDER_X = base64.urlsafe_b64encode(b"\x01" + b"\x00" * 31).rstrip(b"=").decode()


class CraftedVendor:
    """A vendor whose answers a test writes: serves metadata, takes any POST, replies offers."""

    def __init__(self, key: SigningKey) -> None:
        self.key = key
        self.reply: Any = {"offers": []}
        self.app = web.Application()
        self.app.router.add_get("/.well-known/vrm-vendor.json", self.metadata)
        self.app.router.add_post("/inbox/intentions", self.answer)
        self.app.router.add_get("/inbox/offers", self.answer)
        self.server = BackgroundVendorsLike(self.app)

    def metadata_doc(self, origin: str) -> VendorMetadata:
        return VendorMetadata.model_validate(
            {
                "id": "demo-vendor",
                "name": "Crafted",
                "publicKey": self.key.verifying_key.jwk,
                "inbox": {
                    "intentions": f"{origin}/inbox/intentions",
                    "offers": f"{origin}/inbox/offers",
                },
                "categories": ["shoes"],
                "policyUrl": f"{origin}/policy",
                "contact": "x@example.org",
            }
        )

    async def metadata(self, request: web.Request) -> web.Response:
        doc = self.metadata_doc(str(request.url.origin()))
        return web.Response(body=wire_bytes(doc), content_type="application/json")

    async def answer(self, request: web.Request) -> web.Response:
        await request.read()
        body = self.reply if isinstance(self.reply, bytes) else json.dumps(self.reply).encode()
        return web.Response(body=body, content_type="application/json")


class BackgroundVendorsLike(BackgroundVendors):
    """Reuses the vendor kit's thread runner for any aiohttp app."""

    def __init__(self, app: web.Application) -> None:
        holder: Any = type("AppHolder", (), {})()
        holder.app, holder.vendors = app, []
        super().__init__(holder)


@pytest.fixture
def crafted() -> Iterator[CraftedVendor]:
    vendor = CraftedVendor(generate_signing_key())
    with vendor.server:
        yield vendor


def _offer_for(key: SigningKey, intention_id: str, **changes: Any) -> dict[str, Any]:
    return sign_offer(make_offer(key, intention_id, **changes), key).wire()


def test_bad_offers_are_refused_with_reasons(vault: Vault, crafted: CraftedVendor) -> None:
    origin = crafted.server.base_url
    VendorDirectory(vault).add(
        parse_metadata(
            crafted.metadata_doc(origin).wire(), url=origin + "/.well-known/vrm-vendor.json"
        )
    )
    save_terms(vault)
    record = create(vault)
    other = create(vault)
    key = crafted.key
    good = _offer_for(key, record.id)
    forged = _offer_for(key, record.id)
    forged["offer"]["price"] = "1.00"  # changed after signing
    unsigned = {"offer": _offer_for(key, record.id)["offer"]}
    stranger = generate_signing_key()
    wrong_key = _offer_for(stranger, record.id)
    small = _offer_for(key, record.id)
    small["offer"]["seller"]["publicKey"]["x"] = SMALL_ORDER_X
    zero = base64.urlsafe_b64encode(bytes(64)).rstrip(b"=").decode()
    small["signature"] = small["signature"].rsplit(".", 1)[0] + "." + zero
    unknown = _offer_for(key, uuid.uuid4().urn)
    wrong_intention = _offer_for(key, other.id)
    invalid = _offer_for(key, record.id)
    invalid["offer"]["price"] = "cheap"
    crafted.reply = {
        "offers": [
            good,
            good,
            forged,
            unsigned,
            wrong_key,
            small,
            unknown,
            wrong_intention,
            invalid,
        ]
    }
    IntentionBook(vault).broadcast(record.id)
    report = deliver_pending(vault, deadline=30).offers
    assert report.stored == [good["offer"]["id"]]
    assert report.duplicates == 1
    codes = [r.code for r in report.rejected]
    assert codes == [
        "forged",
        "unsigned",
        "wrong_key",
        "bad_key",
        "unknown_intention",
        "wrong_intention",
        "invalid_offer",
    ]
    stored = rejections_for(vault.reader, record.id)
    assert [r.code for r in stored] == codes
    assert vault.activity_count(type_prefix="offer.rejected") == len(codes)

    # Later offers through the offers URL: idempotent on the offer id, malformed/oversize refused.
    async def fetch() -> Any:
        async with Transport() as transport:
            return await fetch_offers(vault, transport, record.id)

    later = _offer_for(key, record.id)
    crafted.reply = {"offers": [good, later]}
    again = asyncio.run(fetch())
    assert again.stored == [later["offer"]["id"]] and again.duplicates == 1
    crafted.reply = b"not json"
    assert [r.code for r in asyncio.run(fetch()).rejected] == ["malformed"]
    crafted.reply = b'{"offers": ["' + b"x" * (300 * 1024) + b'"]}'
    assert [r.code for r in asyncio.run(fetch()).rejected] == ["oversize"]
    assert len(OfferBook(vault).offers(record.id)) == 2


# ---------------------------------------------------------------------------- funnel units

KEY = generate_signing_key()
TODAY = date.today()


def _intention(**changes: Any) -> Any:
    intention, _ = make_intention(**changes)
    return intention


def _offer(intention: Any, **changes: Any) -> Any:
    values: dict[str, Any] = {
        "delivery": {
            "method": "delivery",
            "deliverBy": (TODAY + timedelta(days=3)).isoformat(),
            "leadTimeDays": 3,
        }
    }
    values.update(changes)
    return make_offer(KEY, intention.id, **values)


def test_every_removal_reason() -> None:
    intention = _intention(openToAlternatives=False)
    past = datetime.now(UTC) - timedelta(days=1)
    cases = {
        "wrong_intention": _offer(_intention()),
        "expired": _offer(
            intention,
            issued=(past - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            validThrough=past.strftime("%Y-%m-%dT%H:%M:%SZ"),
        ),
        "currency": _offer(intention, priceCurrency="USD"),
        "price_above_max": _offer(intention, price="120.01"),
        "late_delivery": _offer(
            intention,
            delivery={"method": "delivery", "deliverBy": "2099-01-01", "leadTimeDays": 9},
        ),
        "delivery_method": _offer(
            intention,
            delivery={
                "method": "pickup",
                "deliverBy": TODAY.isoformat(),
                "leadTimeDays": 0,
            },
        ),
        "outside_region": _offer(intention, areaServed=["FR"]),
        "terms_not_accepted": _offer(intention, acceptsTerms=None),
        "alternative_not_wanted": _offer(intention, isAlternative=True),
    }
    assert set(cases) == set(REMOVAL_CODES)
    fine = _offer(intention)
    result = run_funnel(intention, [*cases.values(), fine])
    assert {r.offer.id: r.code for r in result.removed} == {o.id: c for c, o in cases.items()}
    assert all(r.reason for r in result.removed)
    assert [r.offer.id for r in result.kept] == [fine.id]
    # Terms with another hash are not accepted either; a region's sub-region is served.
    assert run_funnel(intention, [_offer(intention, acceptsTerms={"sha256": "cd" * 32})]).removed
    assert run_funnel(intention, [_offer(intention, areaServed=[])]).kept


def test_alternatives_get_their_own_group_when_wanted() -> None:
    intention = _intention(openToAlternatives=True)
    alternative = _offer(intention, isAlternative=True)
    result = run_funnel(intention, [alternative, _offer(intention)])
    assert [r.offer.id for r in result.alternatives] == [alternative.id]
    assert len(result.kept) == 1 and not result.removed


def test_ranking_follows_the_weights() -> None:
    intention = _intention(
        loyaltyProposal={
            "title": "Shoes",
            "category": "shoes",
            "commitment": {"kind": "purchases", "count": 2},
            "period": "year",
            "reward": {"kind": "percent_discount", "value": "5"},
            "valid_from": TODAY.isoformat(),
            "valid_until": (TODAY + timedelta(days=300)).isoformat(),
        }
    )

    def deliver(days: int) -> dict[str, Any]:
        at = (TODAY + timedelta(days=days)).isoformat()
        return {"method": "delivery", "deliverBy": at, "leadTimeDays": days}

    cheap_slow = _offer(intention, price="50.00", delivery=deliver(9))
    dear_fast = _offer(intention, price="110.00", delivery=deliver(1))
    loyal = _offer(intention, price="80.00", delivery=deliver(5), acceptsLoyaltyProposal=True)
    offers = [cheap_slow, dear_fast, loyal]

    def order(weights: FunnelWeights, history: dict[str, int] | None = None) -> list[str]:
        return [
            r.offer.id for r in run_funnel(intention, offers, weights=weights, history=history).kept
        ]

    assert order(FunnelWeights(price=1, delivery=0, loyalty=0, history=0))[0] == cheap_slow.id
    assert order(FunnelWeights(price=0, delivery=1, loyalty=0, history=0))[0] == dear_fast.id
    assert order(FunnelWeights(price=0, delivery=0, loyalty=1, history=0))[0] == loyal.id
    assert order(FunnelWeights())[0] == cheap_slow.id
    with pytest.raises(ValueError):
        FunnelWeights(price=0, delivery=0, loyalty=0, history=0)


def test_vendor_history_counts() -> None:
    intention = _intention()
    other_key = generate_signing_key()
    known = _offer(intention, price="90.00")
    seller = dict(known.seller.wire())
    seller.update(id="other-vendor", publicKey=other_key.verifying_key.jwk, kid=other_key.kid)
    stranger = make_offer(
        other_key, intention.id, price="90.00", seller=seller, delivery=known.delivery.wire()
    )
    weights = FunnelWeights(price=0, delivery=0, loyalty=0, history=1)
    ranked = run_funnel(intention, [known, stranger], weights=weights, history={"other-vendor": 3})
    assert ranked.kept[0].offer.id == stranger.id


def test_funnel_is_fast_on_ten_thousand_offers() -> None:
    intention = _intention()
    template = _offer(intention)
    offers = [
        template.model_copy(update={"id": uuid.uuid4().urn, "price": f"{50 + i % 100}.00"})
        for i in range(10_000)
    ]
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        result = run_funnel(intention, offers)
        best = min(best, time.perf_counter() - started)
    assert len(result.kept) + len(result.removed) == 10_000
    assert best < 0.2, f"funnel took {best * 1000:.0f} ms"
