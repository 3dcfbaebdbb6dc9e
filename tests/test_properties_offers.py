"""Property tests of offer ingestion: offer lists as a vendor may answer them, on a real vault.

The path under test is the one every broadcast and ``offers fetch`` takes:
:func:`~wallet.offers.ingest.check_offers` on a vendor's raw answer, then
:func:`~wallet.offers.ingest.ingest_body`, which stores what verifies and records the rest. For any
answer: no exception (each item is accepted or refused with a recorded reason); every recorded
reason and id is storable, printable as is and bounded; an answer stores nothing unless a
validly signed offer for the intention is in it; at most ``MAX_REJECTIONS_RECORDED + 1`` refusals
are recorded per answer; the vault stays writable and its log intact. Offers signed by the
pinned key but holding hostile values are either refused or stored, and then read back and run
through the funnel without error.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hostile_vendors import add_vendor_at
from tests.intent_helpers import create, save_terms
from tests.properties import HOSTILE_TEXT, JSON_VALUES, RAW_NASTY, dumps, examples
from tests.wire_helpers import make_offer
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.errors import WalletError
from wallet.offers import OfferBook
from wallet.offers import store as offer_store
from wallet.offers.ingest import (
    MAX_OFFER_ID,
    MAX_REASON,
    MAX_REJECTIONS_RECORDED,
    IngestReport,
    Rejection,
    RejectionCode,
    check_offers,
    ingest_body,
)
from wallet.terminal import is_printable
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store
from wallet.vendors.store import VendorRow

VENDOR_ID = "demo-vendor"
CODES = frozenset(get_args(RejectionCode))
FLOODS = st.integers(min_value=0, max_value=3000).map(
    lambda n: b'{"offers":[' + b",".join([b"1"] * n) + b"]}"
)
# JSON documents cost hypothesis more to build than the wallet to judge: fewer of them.
DOCUMENTS = st.one_of(
    JSON_VALUES.map(dumps),
    st.lists(JSON_VALUES, max_size=8).map(lambda items: dumps({"offers": items})),
)
ANSWERS = st.one_of(RAW_NASTY, FLOODS, DOCUMENTS)
# Where a hostile value goes in an otherwise valid offer (then signed by the pinned key).
OFFER_PATHS: list[tuple[str, ...]] = [
    ("id",),
    ("intention",),
    ("issued",),
    ("validThrough",),
    ("price",),
    ("priceCurrency",),
    ("isAlternative",),
    ("areaServed",),
    ("dataRequested",),
    ("acceptsTerms",),
    ("acceptsLoyaltyProposal",),
    ("seller", "id"),
    ("seller", "name"),
    ("seller", "kid"),
    ("itemOffered", "name"),
    ("itemOffered", "category"),
    ("itemOffered", "description"),
    ("itemOffered", "specs"),
    ("eligibleQuantity", "value"),
    ("delivery", "deliverBy"),
    ("delivery", "leadTimeDays"),
    ("delivery", "method"),
    ("unknownMember",),
]
HOSTILE_VALUES = st.one_of(
    JSON_VALUES,
    HOSTILE_TEXT,
    st.sampled_from(
        [10**30, -1, 0, 1_000_001, 1e308, -0.0, "1e999999", "99999999999999.9999", "0.00001",
         "９９.５０", "99.50\n", "2030-02-30", "9999-12-31T23:59:59Z", "urn:uuid:" + "0" * 36]
    ),
)  # fmt: skip


@dataclass
class Market:
    """A vault with terms, an open intention and the pinned vendor that answers it."""

    vault: Vault
    key: SigningKey
    vendor: VendorRow
    intention_id: str


@pytest.fixture
def market(vault: Vault) -> Iterator[Market]:
    key = generate_signing_key()
    add_vendor_at(vault, VENDOR_ID, "http://127.0.0.1:9", key)
    save_terms(vault)
    record = create(vault)
    vendor = vendor_store.get(vault.reader, VENDOR_ID)
    assert vendor is not None
    yield Market(vault, key, vendor, record.id)


def _check(market: Market, raw: bytes) -> tuple[list[Any], list[Rejection]]:
    return check_offers(
        raw, vendor=market.vendor, intention_id=market.intention_id, is_known=lambda _: False
    )


def _assert_recordable(rejection: Rejection) -> None:
    assert rejection.code in CODES
    for text, limit in ((rejection.reason, MAX_REASON), (rejection.offer_id, MAX_OFFER_ID)):
        text.encode("utf-8")  # storable: no lone surrogate
        assert is_printable(text) and len(text) <= limit


def _judge_any(market: Market, raw: bytes) -> None:
    accepted, rejected = _check(market, raw)
    assert not accepted  # nothing here is signed by the pinned key
    for rejection in rejected:
        _assert_recordable(rejection)


@settings(max_examples=examples(1000))
@given(raw=st.one_of(RAW_NASTY, FLOODS))
def test_any_bytes_are_judged_and_never_raise(market: Market, raw: bytes) -> None:
    _judge_any(market, raw)


@settings(max_examples=examples(300))
@given(raw=DOCUMENTS)
def test_any_json_answer_is_judged_item_by_item_and_never_raises(
    market: Market, raw: bytes
) -> None:
    _judge_any(market, raw)


def _counts(vault: Vault) -> tuple[int, int]:
    offers = vault.reader.execute("SELECT count(*) FROM offers").fetchone()[0]
    refusals = vault.reader.execute("SELECT count(*) FROM offer_rejections").fetchone()[0]
    return int(offers), int(refusals)


@settings(max_examples=examples(300))
@given(raw=ANSWERS)
def test_ingesting_any_answer_stores_nothing_and_records_a_bounded_refusal(
    market: Market, raw: bytes
) -> None:
    offers, refusals = _counts(market.vault)
    report = ingest_body(
        market.vault, vendor_id=VENDOR_ID, intention_id=market.intention_id, raw=raw
    )
    assert not report.stored and not report.duplicates
    after_offers, after_refusals = _counts(market.vault)
    assert after_offers == offers  # a refused answer changes no offer
    assert after_refusals - refusals == len(report.rejected) <= MAX_REJECTIONS_RECORDED + 1
    _assert_still_writable(market.vault)


def _assert_still_writable(vault: Vault) -> None:
    with vault.write() as connection:
        connection.execute("SELECT 1")
        offer_store.set_setting(connection, "property-probe", str(uuid.uuid4()))


def _signed_with(market: Market, path: tuple[str, ...], value: Any) -> dict[str, Any]:
    """A valid offer for the intention with ``value`` put at ``path``, signed by the pinned key
    over its canonical form (as a hostile but well-keyed vendor would)."""
    document = make_offer(market.key, market.intention_id).wire()
    target = document
    for name in path[:-1]:
        target = target[name]
    target[path[-1]] = value
    try:
        payload = canonical_bytes(document)
    except WalletError:  # not canonicalisable (a lone surrogate...): sign the original instead
        payload = canonical_bytes(make_offer(market.key, market.intention_id).wire())
    return {"offer": document, "signature": market.key.sign_jws(payload)}


@settings(max_examples=examples(400))
@given(path=st.sampled_from(OFFER_PATHS), value=HOSTILE_VALUES)
def test_a_well_signed_offer_with_a_hostile_member_is_refused_or_stored_and_usable(
    market: Market, path: tuple[str, ...], value: Any
) -> None:
    raw = dumps({"offers": [_signed_with(market, path, value)]})
    report: IngestReport = ingest_body(
        market.vault, vendor_id=VENDOR_ID, intention_id=market.intention_id, raw=raw
    )
    assert len(report.stored) + report.duplicates + len(report.rejected) == 1
    for rejection in report.rejected:
        _assert_recordable(rejection)
    book = OfferBook(market.vault)
    if report.stored:  # stored: it reads back and the funnel takes it
        [offer_id] = report.stored
        assert offer_id in {item.offer.id for item in book.offers(market.intention_id)}
    book.funnel(market.intention_id)
    _assert_still_writable(market.vault)


def test_the_items_cap_is_the_published_schemas() -> None:
    from wallet.offers.ingest import MAX_OFFERS_PER_ANSWER
    from wallet.wire.models import OfferList

    schema = OfferList.model_json_schema()
    assert schema["properties"]["offers"]["maxItems"] == MAX_OFFERS_PER_ANSWER
