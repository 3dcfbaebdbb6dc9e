"""Intentions and offers end to end against the real vendor kit on 127.0.0.1 (no HTTP mocks)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.intent_helpers import add_vendors, create, funnel_catalog, save_terms, serve
from vendorkit.server import BackgroundVendors
from wallet import activity
from wallet.delivery.cycle import deliver_pending
from wallet.errors import InvalidInput
from wallet.intents import IntentionBook
from wallet.offers import FunnelWeights, OfferBook
from wallet.outbox import Outbox
from wallet.personal_data import STANDARD_FIELDS
from wallet.vault.facade import Vault

CANARY = "CANARY-7f3a9"


@pytest.fixture(scope="module")
def vendors() -> Iterator[BackgroundVendors]:
    with serve(3) as server:
        yield server


@pytest.fixture
def ready(vault: Vault, vendors: BackgroundVendors) -> Vault:
    add_vendors(vault, vendors.metadata_urls)
    save_terms(vault)
    return vault


def test_canary_profile_never_leaves_in_a_broadcast(
    ready: Vault, vendors: BackgroundVendors
) -> None:
    for index, spec in enumerate(STANDARD_FIELDS):
        ready.fields.set(spec.key, f"{CANARY}-{index}")
    record = create(ready)
    book = IntentionBook(ready)
    plan = book.broadcast(record.id)
    assert len(plan.vendor_ids) == 3
    report = deliver_pending(ready, deadline=30)
    assert report.summary.delivered == 3
    bodies = [row.body for row in Outbox(ready).rows(subject=record.id)]
    assert len(bodies) == 3
    assert all(CANARY.encode() not in body for body in bodies)
    for vendor in vendors.vendor_app.vendors:
        seen = vendor.intentions[record.id]
        assert seen.kid == record.kid
    received = [v.intentions[record.id].intention_sha256 for v in vendors.vendor_app.vendors]
    assert len(set(received)) == 1  # every vendor got the same signed intention
    assert CANARY not in record.signed.model_dump_json()
    # a fresh key per intention: two intentions cannot be linked by their keys
    assert create(ready).kid != record.kid


def test_broadcast_offers_funnel_weights_accept(ready: Vault, vendors: BackgroundVendors) -> None:
    record = create(ready)
    intentions = IntentionBook(ready)
    intentions.broadcast(record.id)
    report = deliver_pending(ready, deadline=30)
    assert report.summary.delivered == 3
    assert report.offers.rejected == []
    assert report.offers.stored
    assert intentions.get(record.id).status == "offers_in"

    book = OfferBook(ready)
    view = book.funnel(record.id)
    codes = {removal.offer.itemOffered.name: removal.code for removal in view.result.removed}
    assert codes["Golden shoes"] == "price_above_max"
    assert codes["Faraway shoes"] == "outside_region"
    assert codes["Slow shoes"] == "late_delivery"
    assert view.result.kept and view.result.alternatives
    assert all(item.offer.isAlternative for item in view.result.alternatives)
    prices = [float(item.offer.price) for item in view.result.kept]
    assert prices == sorted(prices)  # default weights: price first

    # Only delivery counts: the earliest delivery comes first.
    by_delivery = book.funnel(
        record.id, weights=FunnelWeights(price=0, delivery=1, loyalty=0, history=0)
    )
    dates = [item.offer.delivery.deliverBy for item in by_delivery.result.kept]
    assert dates == sorted(dates)
    assert [r.offer.id for r in by_delivery.result.kept] != [r.offer.id for r in view.result.kept]
    book.set_weights(FunnelWeights(price=0.2, delivery=0.8))
    assert book.weights().delivery == 0.8

    removed_id = view.result.removed[0].offer.id
    with pytest.raises(InvalidInput, match="breaks your intention"):
        book.accept(removed_id)

    best = view.result.kept[0].offer
    result = book.accept(best.id)
    assert intentions.get(record.id).status == "chosen"
    offers = {item.offer.id: item.status for item in book.offers(record.id)}
    assert offers[best.id] == "chosen"
    assert sorted(set(offers.values())) == ["chosen", "declined"]
    deliver_pending(ready, deadline=30)
    by_id = {v.vendor_id: v for v in vendors.vendor_app.vendors}
    accepted = [
        n
        for n in by_id[result.vendor_id].notices.values()
        if n.type == "OfferAccepted" and n.intention == record.id
    ]
    assert [n.offer for n in accepted] == [best.id]
    declined = [
        n.offer
        for v in vendors.vendor_app.vendors
        for n in v.notices.values()
        if n.type == "OfferDeclined" and n.intention == record.id
    ]
    assert sorted(declined) == sorted(i for i in offers if i != best.id)
    assert OfferBook(ready).history() == {result.vendor_id: 1}
    assert ready.activity_count(type_prefix=activity.OFFER_ACCEPTED) == 1
    with pytest.raises(InvalidInput):
        intentions.withdraw(record.id)


def test_withdraw_tells_vendors(ready: Vault, vendors: BackgroundVendors) -> None:
    record = create(ready)
    book = IntentionBook(ready)
    book.broadcast(record.id)
    deliver_pending(ready, deadline=30)
    plan = book.withdraw(record.id)
    assert len(plan.told) == 3 and plan.not_told == ()
    assert book.get(record.id).status == "withdrawn"
    deliver_pending(ready, deadline=30)
    for vendor in vendors.vendor_app.vendors:
        kinds = [n.type for n in vendor.notices.values() if n.intention == record.id]
        assert kinds == ["IntentionWithdrawn"]
    with pytest.raises(InvalidInput):
        book.broadcast(record.id)


def test_terms_asked_but_none_saved_is_refused(vault: Vault) -> None:
    with pytest.raises(InvalidInput, match="not saved any terms"):
        create(vault)


def test_expired_on_read(ready: Vault) -> None:
    from datetime import UTC, datetime, timedelta

    record = create(ready, valid_days=1)
    book = IntentionBook(ready)
    assert book.expire_due(now=datetime.now(UTC) + timedelta(days=2)) == [record.id]
    assert book.get(record.id).status == "expired"


def test_broadcast_without_a_matching_vendor_is_refused(ready: Vault) -> None:
    record = create(ready, category="boats")
    with pytest.raises(InvalidInput, match="No active vendor"):
        IntentionBook(ready).broadcast(record.id)
    assert IntentionBook(ready).get(record.id).status == "draft"


def test_catalog_without_careless_items_offers_only_fitting() -> None:
    assert all(not item.ignoresIntention for item in funnel_catalog(careless=False).items)
