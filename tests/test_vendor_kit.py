"""The reference vendor over real HTTP on 127.0.0.1 (an ephemeral port), with a plain client."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest

from tests.wire_helpers import make_intention
from vendorkit.catalog import load_catalog
from vendorkit.server import BackgroundVendors, VendorApp, make_vendors
from wallet.crypto.signing import SigningKey, generate_signing_key, verifying_key_from_jwk
from wallet.webhooks import webhook_headers
from wallet.wire import (
    OfferList,
    SignedIntention,
    VendorMetadata,
    parse_wire,
    sign_intention,
    verify_signed_offer,
    wire_bytes,
)


def _serve(count: int) -> BackgroundVendors:
    catalog = load_catalog()
    keys = [generate_signing_key() for _ in range(count)]
    return BackgroundVendors(VendorApp(make_vendors(keys, catalog), catalog))


@pytest.fixture(scope="module")
def one_vendor() -> Iterator[BackgroundVendors]:
    with _serve(1) as server:
        yield server


@pytest.fixture(scope="module")
def three_vendors() -> Iterator[BackgroundVendors]:
    with _serve(3) as server:
        yield server


async def _get(url: str) -> tuple[int, bytes]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.read()


async def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=body, headers=headers) as response,
    ):
        return response.status, await response.read()


def get(url: str) -> tuple[int, bytes]:
    return asyncio.run(_get(url))


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    return asyncio.run(_post(url, body, headers))


def metadata(url: str) -> VendorMetadata:
    status, body = get(url)
    assert status == 200
    return parse_wire(body, VendorMetadata)


def signed_body(**changes: Any) -> tuple[bytes, SigningKey, SignedIntention]:
    intention, key = make_intention(**changes)
    envelope = sign_intention(intention, key)
    return wire_bytes(envelope), key, envelope


def deliver(
    meta: VendorMetadata,
    body: bytes,
    key: SigningKey,
    *,
    message_id: str | None = None,
    timestamp: int | None = None,
) -> tuple[int, bytes]:
    headers = webhook_headers(
        key, message_id=message_id or str(uuid.uuid4()), body=body, timestamp=timestamp
    )
    return post(meta.inbox.intentions, body, headers)


def test_metadata_is_served_and_valid(one_vendor: BackgroundVendors) -> None:
    [url] = one_vendor.metadata_urls
    assert url.endswith(f":{one_vendor.port}/.well-known/vrm-vendor.json")
    meta = metadata(url)
    verifying_key_from_jwk(meta.publicKey.model_dump())
    assert meta.inbox.intentions.startswith(one_vendor.base_url)
    assert "shoes" in meta.categories
    status, _ = get(meta.policyUrl)
    assert status == 200


def test_signed_intention_gets_offers_signed_by_the_metadata_key(
    one_vendor: BackgroundVendors,
) -> None:
    meta = metadata(one_vendor.metadata_urls[0])
    pinned = verifying_key_from_jwk(meta.publicKey.model_dump())
    body, key, envelope = signed_body()
    status, answer = deliver(meta, body, key)
    assert status == 200, answer
    offers = parse_wire(answer, OfferList).offers
    assert offers
    for signed in offers:
        offer = verify_signed_offer(signed, pinned)
        assert offer.intention == envelope.intention.id
        assert offer.priceCurrency == "EUR"
        assert float(offer.price) <= 120
        assert offer.acceptsTerms is not None
    assert any(signed.offer.isAlternative for signed in offers)  # openToAlternatives
    # The later-offers URL answers with the very same signed offers.
    status, later = get(f"{meta.inbox.offers}?intention={envelope.intention.id}")
    assert status == 200
    assert later == answer


def test_nothing_fits_means_an_empty_list(one_vendor: BackgroundVendors) -> None:
    meta = metadata(one_vendor.metadata_urls[0])
    body, key, _ = signed_body(priceSpecification={"maxPrice": "1.00", "priceCurrency": "EUR"})
    status, answer = deliver(meta, body, key)
    assert status == 200
    assert parse_wire(answer, OfferList).offers == []


def test_wrong_signature_is_401(one_vendor: BackgroundVendors) -> None:
    meta = metadata(one_vendor.metadata_urls[0])
    body, _, _ = signed_body()
    status, answer = deliver(meta, body, generate_signing_key())
    assert status == 401
    assert "signature" in json.loads(answer)["error"]
    # A body whose JWS was made by another key, with a webhook signature by the requester key.
    intention, key = make_intention()
    forged = SignedIntention(
        intention=intention, signature=sign_intention(*make_intention()).signature
    )
    status, _ = deliver(meta, wire_bytes(forged), key)
    assert status == 401


def test_stale_and_future_timestamps_are_400(one_vendor: BackgroundVendors) -> None:
    meta = metadata(one_vendor.metadata_urls[0])
    body, key, _ = signed_body()
    for moment in (int(time.time()) - 301 - 5, int(time.time()) + 400):
        status, answer = deliver(meta, body, key, timestamp=moment)
        assert status == 400
        assert "webhook-timestamp" in json.loads(answer)["error"]


def test_missing_headers_oversize_and_malformed_bodies(one_vendor: BackgroundVendors) -> None:
    meta = metadata(one_vendor.metadata_urls[0])
    body, key, _ = signed_body()
    status, _ = post(meta.inbox.intentions, body, {"content-type": "application/json"})
    assert status == 400
    big = b'{"x": "' + b"a" * (256 * 1024) + b'"}'
    status, answer = deliver(meta, big, key)
    assert status == 413
    status, answer = deliver(meta, b'{"intention": ', key)
    assert status == 400
    assert "not valid JSON" in json.loads(answer)["error"]
    status, answer = deliver(meta, b'{"intention": {}, "signature": "a.b.c"}', key)
    assert status == 400
    assert "signed intention" in json.loads(answer)["error"]


def test_expired_intention_is_422(one_vendor: BackgroundVendors) -> None:
    meta = metadata(one_vendor.metadata_urls[0])
    body, key, _ = signed_body(issued="2020-01-01T00:00:00Z", validThrough="2020-01-02T00:00:00Z")
    status, _ = deliver(meta, body, key)
    assert status == 422


def test_duplicate_webhook_id_is_idempotent_or_409(one_vendor: BackgroundVendors) -> None:
    meta = metadata(one_vendor.metadata_urls[0])
    body, key, _ = signed_body()
    message_id = str(uuid.uuid4())
    first = deliver(meta, body, key, message_id=message_id)
    again = deliver(meta, body, key, message_id=message_id, timestamp=int(time.time()) + 1)
    assert first[0] == again[0] == 200
    assert first[1] == again[1]
    other, other_key, _ = signed_body()
    status, answer = deliver(meta, other, other_key, message_id=message_id)
    assert status == 409
    assert "webhook-id" in json.loads(answer)["error"]


def test_same_intention_id_with_another_key_is_409(one_vendor: BackgroundVendors) -> None:
    meta = metadata(one_vendor.metadata_urls[0])
    body, key, envelope = signed_body()
    assert deliver(meta, body, key)[0] == 200
    hijack, hijack_key, _ = signed_body(id=envelope.intention.id)
    status, _ = deliver(meta, hijack, hijack_key)
    assert status == 409


def test_three_vendors_have_distinct_keys_and_prices(three_vendors: BackgroundVendors) -> None:
    urls = three_vendors.metadata_urls
    assert [url.split(str(three_vendors.port))[1] for url in urls] == [
        f"/vendors/{i}/.well-known/vrm-vendor.json" for i in (1, 2, 3)
    ]
    metas = [metadata(url) for url in urls]
    assert len({meta.publicKey.x for meta in metas}) == 3
    assert len({meta.id for meta in metas}) == 3
    body, key, _ = signed_body()
    prices = []
    for meta in metas:
        status, answer = deliver(meta, body, key)
        assert status == 200
        pinned = verifying_key_from_jwk(meta.publicKey.model_dump())
        offers = [verify_signed_offer(s, pinned) for s in parse_wire(answer, OfferList).offers]
        cheapest = min(offers, key=lambda offer: float(offer.price))
        prices.append(cheapest.price)
    assert len(set(prices)) == 3
    status, _ = get(three_vendors.base_url + "/vendors/4/.well-known/vrm-vendor.json")
    assert status == 404


def test_a_body_verified_for_one_vendor_still_needs_its_webhook_signature_for_another(
    three_vendors: BackgroundVendors,
) -> None:
    """The kit remembers bodies it verified; the per-delivery webhook signature is still checked
    on every request, and a bad body is refused every time (failures are not remembered)."""
    first, second, third = (metadata(url) for url in three_vendors.metadata_urls)
    body, key, _ = signed_body()
    assert deliver(first, body, key)[0] == 200
    status, answer = deliver(second, body, generate_signing_key())
    assert status == 401
    assert "signature" in json.loads(answer)["error"]
    assert deliver(second, body, key)[0] == 200
    intention, own_key = make_intention()
    forged = wire_bytes(
        SignedIntention(intention=intention, signature=sign_intention(*make_intention()).signature)
    )
    for meta in (first, third, first):
        assert deliver(meta, forged, own_key)[0] == 401


def test_the_offers_body_holds_each_signed_canonical_offer_as_it_was_signed() -> None:
    from vendorkit.catalog import OfferPlan
    from wallet.wire.canonical import canonical_wire

    catalog = load_catalog()
    vendors = make_vendors([generate_signing_key() for _ in range(2)], catalog)
    intention, _ = make_intention()
    plan = OfferPlan(catalog, intention)
    for vendor in vendors:  # the first builds each offer through the model, the second splices
        body = plan.answer(vendor.signer)
        signed = parse_wire(body, OfferList).offers
        assert signed
        assert json.loads(body) == json.loads(wire_bytes(OfferList(offers=signed)))
        for entry in signed:
            assert canonical_wire(entry.offer) in body
            verify_signed_offer(entry, vendor.key.verifying_key)
