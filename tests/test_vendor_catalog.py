"""The reference vendor's offer rules (OfferPlan): which items each vendor offers, at what price,
and the signed answer whose offers are spliced from parts encoded once per intention."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from tests.intent_helpers import SHOE_ITEM
from tests.terms_helpers import proffered_document, requirement
from tests.wire_helpers import make_intention
from vendorkit.catalog import (
    CENT,
    MAX_OFFERS_PER_INTENTION,
    Catalog,
    OfferPlan,
    OfferSigner,
    load_catalog,
    seller_identity,
    vendor_factors,
)
from vendorkit.server import make_vendors
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import generate_signing_key
from wallet.errors import InvalidInput
from wallet.terms import verify_agreement
from wallet.wire import Offer, OfferList, parse_wire, verify_signed_offer
from wallet.wire.canonical import canonical_members, canonical_wire

NOW = datetime(2026, 11, 22, 12, 0, 0, tzinfo=UTC)


def _catalog(*items: dict[str, Any], **changes: Any) -> Catalog:
    return Catalog.model_validate(
        {
            "acceptedAgreements": ["SD-BASE"],
            "items": [{**SHOE_ITEM, **item} for item in items],
            **changes,
        }
    )


def _signers(catalog: Catalog, count: int) -> list[OfferSigner]:
    return [
        vendor.signer
        for vendor in make_vendors([generate_signing_key() for _ in range(count)], catalog)
    ]


def _without_id(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "id"}


def _answer_offers(body: bytes, signer: OfferSigner) -> list[Offer]:
    answer = parse_wire(body, OfferList)
    for entry in answer.offers:
        verify_signed_offer(entry, signer.key.verifying_key)
        assert canonical_wire(entry.offer) in body  # written exactly as signed
    return [entry.offer for entry in answer.offers]


def test_every_vendors_spliced_answer_matches_offers_built_through_the_model() -> None:
    catalog = load_catalog()
    intention, _ = make_intention(terms=requirement(proffered_document("PDC-INTENT")))
    plan = OfferPlan(catalog, intention)
    for signer in _signers(catalog, 7):  # the first builds the shared parts, the rest splice
        spliced = _answer_offers(plan.answer(signer, now=NOW), signer)
        built = plan.offers(seller=signer.seller, index=signer.index, now=NOW, key=signer.key)
        assert any(offer.acceptsTerms for offer in built)  # each vendor's own signed record
        assert spliced, "the sample catalogue has shoes for this intention"
        assert [_without_id(offer.wire()) for offer in spliced] == [
            _without_id(offer.wire()) for offer in built
        ]
        assert len({offer.id for offer in spliced}) == len(spliced)


def test_non_ascii_items_and_a_later_second_splice_the_same_canonical_bytes() -> None:
    catalog = _catalog(
        {"name": "Zapatillas de montaña", "price": "80.00", "description": "Cafe\u0301 con leche"},
        {"name": "Chaussures légères 👟", "price": "70.00", "specs": {"taille": "42½"}},
    )
    intention, _ = make_intention()
    plan = OfferPlan(catalog, intention)
    signers = _signers(catalog, 3)
    for signer, moment in zip(signers, (NOW, NOW, NOW + timedelta(seconds=1)), strict=True):
        body = plan.answer(signer, now=moment)
        offers = _answer_offers(body, signer)
        assert [offer.itemOffered.name for offer in offers] == [
            "Chaussures légères 👟",
            "Zapatillas de montaña",
        ]
        assert offers[1].itemOffered.description == "Caf\u00e9 con leche"  # NFC, as signed
        assert {offer.issued for offer in offers} == {moment.strftime("%Y-%m-%dT%H:%M:%SZ")}


def test_each_vendor_applies_its_own_price_factor_and_lead_days_to_the_limits() -> None:
    # vendor 1 asks the list price; vendor 2 asks 6% more: over maxPrice 100
    catalog = _catalog({"name": "Shoe", "price": "95.00", "leadTimeDays": 9})
    factor, extra = vendor_factors(2)
    assert factor * 95 > 100 and extra == 1
    intention, _ = make_intention(
        priceSpecification={"maxPrice": "100.00", "priceCurrency": "EUR"},
        delivery={"method": "delivery", "region": "ES-MD", "deliverBy": "2026-12-01"},
    )
    plan = OfferPlan(catalog, intention)
    first, second, third = _signers(catalog, 3)
    [offer] = plan.offers(seller=first.seller, index=1, now=NOW)
    assert offer.price == "95.00" and offer.delivery.deliverBy == date(2026, 12, 1)
    assert plan.offers(seller=second.seller, index=2, now=NOW) == []  # too dear
    assert _answer_offers(plan.answer(second, now=NOW), second) == []
    third_factor, third_extra = vendor_factors(3)
    assert third_factor * 95 <= 100 and third_extra == 2  # cheap enough, but 9 + 2 days is late
    assert plan.offers(seller=third.seller, index=3, now=NOW) == []


@pytest.mark.parametrize(
    ("item", "intention_changes"),
    [
        ({"currency": "USD"}, {}),
        ({"regions": ["FR"]}, {}),
        ({"deliveryMethods": ["pickup"]}, {}),
        ({"category": "books"}, {}),
        ({"alternative": True}, {"openToAlternatives": False}),
    ],
    ids=["currency", "region", "method", "category", "alternative"],
)
def test_items_that_break_the_intention_are_not_offered(
    item: dict[str, Any], intention_changes: dict[str, Any]
) -> None:
    catalog = _catalog({"name": "Shoe", "price": "50.00", **item})
    intention, _ = make_intention(**intention_changes)
    [signer] = _signers(catalog, 1)
    plan = OfferPlan(catalog, intention)
    assert plan.offers(seller=signer.seller, now=NOW) == []
    assert json.loads(plan.answer(signer, now=NOW)) == {"offers": []}
    # a careless vendor's item is offered anyway, if only it is of the wanted category
    careless = _catalog({"name": "Shoe", "price": "50.00", **item, "ignoresIntention": True})
    offers = OfferPlan(careless, intention).offers(seller=signer.seller, now=NOW)
    assert len(offers) == (0 if "category" in item else 1)


def test_answers_list_the_cheapest_offers_first_and_at_most_the_cap() -> None:
    items = [{"name": f"Shoe {n}", "price": f"{90 - n}.00"} for n in range(25)]
    catalog = _catalog(*items)
    intention, _ = make_intention()
    [signer] = _signers(catalog, 1)
    offers = _answer_offers(OfferPlan(catalog, intention).answer(signer, now=NOW), signer)
    assert len(offers) == MAX_OFFERS_PER_INTENTION
    prices = [float(offer.price) for offer in offers]
    assert prices == sorted(prices) and prices[0] == 66.0


def test_terms_loyalty_and_quantity_reach_every_vendors_offer() -> None:
    catalog = _catalog({"name": "Shoe", "price": "20.00", "acceptsLoyalty": True})
    terms = requirement(proffered_document("SD-BASE"))
    intention, _ = make_intention(eligibleQuantity={"value": 3}, loyaltyProposal=None, terms=terms)
    plan = OfferPlan(catalog, intention)
    for signer in _signers(catalog, 2):
        [offer] = _answer_offers(plan.answer(signer, now=NOW), signer)
        assert offer.eligibleQuantity.value == 3
        assert offer.price == str((vendor_factors(signer.index)[0] * 60).quantize(CENT))
        assert offer.acceptsTerms is not None and offer.acceptsTerms.sha256 == terms["sha256"]
        record = offer.acceptsTerms.record  # each vendor signs its own agreement record
        assert record is not None and record.vendor.id == signer.seller.id
        assert verify_agreement(record).raw == signer.key.verifying_key.raw
        assert offer.acceptsLoyaltyProposal is False  # no loyalty proposal in the intention


def test_a_signer_must_hold_the_key_its_seller_names() -> None:
    key, other = generate_signing_key(), generate_signing_key()
    seller = seller_identity(
        vendor_id="demo-vendor", name="Demo", public_jwk=key.verifying_key.jwk, kid=key.kid
    )
    OfferSigner(key=key, seller=seller)
    with pytest.raises(InvalidInput, match="key named in its seller"):
        OfferSigner(key=other, seller=seller)


def test_canonical_members_equals_the_canonical_form_of_the_whole_object() -> None:
    document = {"b": [1, "é"], "a": {"z": None, "y": True}, "@c": "x", "B": "\u2028"}
    members = {key: canonical_bytes(value) for key, value in document.items()}
    assert canonical_members(members) == canonical_bytes(document)
    with pytest.raises(ValueError, match="ASCII"):
        canonical_members({"é": b"1"})
