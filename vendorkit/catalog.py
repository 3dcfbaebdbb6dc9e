"""The reference vendor's catalogue and the rules that turn an intention into offers.

An item fits an intention when its category matches (case-insensitively), its currency is the
intention's, its price for the quantity is within ``maxPrice``, it serves the intention's region
(``"*"`` serves everywhere; ``ES`` serves ``ES-MD``), it can use the wanted delivery method and it
can deliver by ``deliverBy``. Items flagged ``alternative`` are offered only to intentions that are
open to alternatives. Vendor *i* of a multi-vendor server scales prices and lead times by a
deterministic factor of its index, so a demo with several vendors shows competition.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from vendorkit.terms import TermsVerdict, answer_parts, judge_terms
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey
from wallet.files import read_bounded
from wallet.resources import resources_dir
from wallet.wire.canonical import canonical_document_bytes, canonical_members, canonical_wire
from wallet.wire.models import (
    AGREEMENT_PATTERN,
    DECIMAL_PATTERN,
    Category,
    ControllerDetails,
    Currency,
    DataRequest,
    DeliveryMethod,
    DeliveryPromise,
    Intention,
    ItemSpec,
    Name,
    Offer,
    SellerIdentity,
    decimal_of,
)
from wallet.wire.signing import check_seller_key, parse_wire
from wallet.wire.terms import (
    AgreementId,
    ClauseLimit,
    CounterTerms,
    PublicJwk,
    TermsAcceptance,
    utc_timestamp,
)

MAX_CATALOG_BYTES = 4 * 1024 * 1024
MAX_OFFERS_PER_INTENTION = 20
CENT = Decimal("0.01")


@dataclass(slots=True)
class _Offered:
    """A catalogue item and what every offer of it shares, derived once per catalogue."""

    item: CatalogItem
    category: str  # case-folded
    regions: list[str]  # case-folded
    price: Decimal
    area_served: list[str]
    spec: ItemSpec | None = None  # validated when the item is first offered

    @classmethod
    def of(cls, item: CatalogItem) -> _Offered:
        return cls(
            item=item,
            category=item.category.casefold(),
            regions=[region.casefold() for region in item.regions],
            price=decimal_of(item.price),
            area_served=[region for region in item.regions if region != "*"],
        )

    def item_spec(self) -> ItemSpec:
        """The ``itemOffered`` of this item's offers."""
        if self.spec is None:
            item = self.item
            self.spec = ItemSpec(
                name=item.name,
                category=item.category,
                description=item.description,
                specs=item.specs,
            )
        return self.spec


class CatalogItem(BaseModel):
    """One thing the vendor sells, at a unit price."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Name
    category: Category
    description: str = Field(default="", max_length=2000)
    specs: dict[str, str] = Field(default_factory=dict)
    price: Annotated[str, Field(pattern=DECIMAL_PATTERN)]
    currency: Currency
    leadTimeDays: int = Field(ge=0, le=365)
    regions: list[str] = Field(min_length=1)
    deliveryMethods: list[DeliveryMethod] = Field(min_length=1)
    alternative: bool = False
    acceptsTerms: bool = True
    acceptsLoyalty: bool = False
    ignoresIntention: bool = Field(
        default=False,
        description="a careless vendor's item: offered whatever the intention asks (demos of "
        "the wallet's funnel, tests)",
    )
    dataRequested: list[DataRequest] = Field(
        default_factory=list,
        max_length=50,
        description="the consumer's fields this item's offers ask for, if chosen",
    )


class Catalog(BaseModel):
    """A catalogue file (``--catalog``); see ``resources/vendor/sample-catalog.json``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(default=1, ge=1, le=1)
    vendorName: Name = "Demo Vendor"
    contact: str = Field(default="privacy@vendor.example", min_length=3, max_length=320)
    acceptedAgreements: list[Annotated[str, Field(pattern=AGREEMENT_PATTERN)]] = Field(
        default_factory=list,
        description="roster agreements (e.g. SD-BASE) or hashes of terms documents it accepts",
    )
    acceptedClauses: list[ClauseLimit] = Field(
        default_factory=list,
        description="catalogue clauses it accepts added to an agreement, with the parameter "
        "values it can honour (e.g. CC-RETENTION-DAYS with days at least its retention)",
    )
    counterAgreement: AgreementId | None = Field(
        default=None,
        description="the roster agreement it proposes when it cannot accept the person's terms "
        "(one of acceptedAgreements); none: it declines",
    )
    offerValidHours: int = Field(default=72, ge=1, le=24 * 365)
    items: list[CatalogItem] = Field(default_factory=list)
    controller: ControllerDetails | None = Field(
        default=None,
        description="the data controller named in consent receipts (legal name, address, "
        "e-mail, phone, jurisdiction); default: the vendor itself and its contact e-mail",
    )

    _offered: list[_Offered] | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _counter_is_accepted(self) -> Catalog:
        if self.counterAgreement is not None and (
            self.counterAgreement not in self.acceptedAgreements
        ):
            raise ValueError("counterAgreement must be one of acceptedAgreements")
        return self

    @property
    def categories(self) -> list[str]:
        return sorted({item.category for item in self.items})

    def offered_items(self) -> list[_Offered]:
        """The items with their shared offer parts (derived once: the model is frozen)."""
        offered = self._offered
        if offered is None:
            offered = self._offered = [_Offered.of(item) for item in self.items]
        return offered


def default_catalog_path() -> Path:
    return resources_dir() / "vendor" / "sample-catalog.json"


def load_catalog(path: Path | None = None) -> Catalog:
    """The catalogue at ``path`` (default: the sample shipped in ``resources/vendor/``)."""
    path = path or default_catalog_path()
    raw = read_bounded(path, max_bytes=MAX_CATALOG_BYTES, what="catalogue")
    return parse_wire(raw, Catalog, max_bytes=MAX_CATALOG_BYTES, what="vendor catalogue")


@lru_cache(maxsize=16384)
def vendor_factors(index: int) -> tuple[Decimal, int]:
    """Vendor ``index``'s (1-based) price factor (0.90…1.10) and extra lead days (0…2)."""
    if index <= 1:
        return Decimal(1), 0
    step = ((index - 1) * 37) % 21  # 0..20, spread over the indexes
    return (Decimal(90 + step) / Decimal(100)), (index - 1) % 3


def _serves(regions: list[str], wanted: str | None) -> bool:
    if wanted is None:
        return True
    wanted = wanted.casefold()
    for served in regions:  # already case-folded
        if served == "*" or wanted == served or wanted.startswith(served + "-"):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Match:
    """A catalogue item that fits an intention whatever the vendor, and how it is delivered."""

    position: int  # among the plan's matches: the key of its shared offer members
    offered: _Offered
    method: DeliveryMethod


@dataclass(frozen=True, slots=True)
class _Priced:
    """A match as one vendor offers it: its total price and lead time."""

    match: _Match
    total: Decimal
    lead: int
    deliver_by: date


class OfferSigner:
    """A vendor that signs offers: its key, the ``seller`` its offers name (which must name that
    key), and its index among the vendors a catalogue serves (see :func:`vendor_factors`)."""

    def __init__(self, *, key: SigningKey, seller: SellerIdentity, index: int = 1) -> None:
        check_seller_key(key, seller)
        self.key = key
        self.seller = seller
        self.index = index
        self.seller_bytes = canonical_wire(seller)  # the same in every offer this vendor makes


# The members of an offer that differ between vendors and offers; every other one is the same in
# every vendor's offer of an item for an intention.
_OWN_MEMBERS = frozenset(
    {"id", "issued", "validThrough", "seller", "price", "delivery", "acceptsTerms", "counterTerms"}
)
_TermsParts = tuple[TermsAcceptance | None, CounterTerms | None]


class OfferPlan:
    """The offers a catalogue's vendors make for one intention, worked out once for all of them.

    The rules that do not depend on the vendor (category, alternatives, currency, region,
    delivery method) run once, here. Each vendor then applies its own price factor and extra lead
    days (``maxPrice``, ``deliverBy``) in :meth:`offers` or :meth:`answer`.

    :meth:`answer` writes the signed ``OfferList`` body. The first offer of each item is built
    and validated through the :class:`~wallet.wire.models.Offer` model; the members it shares
    with every other vendor's offer of that item (the item, the intention, the terms accepted,
    ...) are kept in canonical form, and later offers splice their own members (id, seller, price,
    delivery, times) in. A server answering one broadcast for a thousand vendors thus builds and
    encodes the shared part once. Use one plan from one thread (it caches as it goes).
    """

    def __init__(self, catalog: Catalog, intention: Intention) -> None:
        self.catalog = catalog
        self.intention = intention
        self._max_price = decimal_of(intention.priceSpecification.maxPrice)
        self._verdict = _terms_verdict(catalog, intention)
        self._terms: dict[tuple[str, int], tuple[_TermsParts, dict[str, bytes]]] = {}
        self._matches = _matches(catalog, intention)
        self._shared: dict[int, dict[str, bytes]] = {}  # per match (by position)
        self._deliveries: dict[tuple[str, date, int], bytes] = {}
        self._stamps: tuple[int, bytes, bytes] | None = None  # second, issued, validThrough

    @property
    def terms_verdict(self) -> TermsVerdict | None:
        """What the vendors answer to the intention's terms (None: it carries no terms)."""
        return self._verdict

    def offers(
        self,
        *,
        seller: SellerIdentity,
        index: int = 1,
        now: datetime | None = None,
        key: SigningKey | None = None,
    ) -> list[Offer]:
        """The (unsigned) offers vendor ``index`` makes, cheapest first, each a validated model;
        with the vendor's ``key``, they carry its signed terms answer (agreement record)."""
        now = now or datetime.now(UTC)
        terms = self._terms_parts(key, seller, now)[0] if key is not None else (None, None)
        return [
            self._offer(priced, seller=seller, now=now, terms=terms)
            for priced in self._priced(index, now)
        ]

    def _terms_parts(
        self, key: SigningKey, seller: SellerIdentity, now: datetime
    ) -> tuple[_TermsParts, dict[str, bytes]]:
        """The vendor's ``acceptsTerms`` / ``counterTerms`` (signed once per second), as models
        and in canonical form."""
        cache_key = (seller.id, int(now.timestamp()))
        cached = self._terms.get(cache_key)
        if cached is None:
            if self._verdict is None:
                parts: _TermsParts = (None, None)
            else:
                parts = answer_parts(self._verdict, key, seller, now=now)
            accepts, counter = parts
            encoded = {
                "acceptsTerms": canonical_bytes(accepts.model_dump(mode="json"))
                if accepts
                else b"null"
            }
            if counter is not None:
                encoded["counterTerms"] = canonical_bytes(counter.model_dump(mode="json"))
            if len(self._terms) > 64:
                self._terms.clear()
            cached = self._terms[cache_key] = (parts, encoded)
        return cached

    def answer(self, signer: OfferSigner, *, now: datetime | None = None) -> bytes:
        """``signer``'s answer: an ``OfferList`` body of the offers :meth:`offers` gives, each
        as ``{"offer": <its canonical bytes>, "signature": <compact JWS over those bytes>}``.

        The same JSON values as ``wire_bytes(OfferList(...))`` of the signed models, with keys
        sorted; each offer is written exactly as it was signed.
        """
        now = now or datetime.now(UTC)
        entries = []
        for priced in self._priced(signer.index, now):
            canonical = self._canonical_offer(priced, signer, now)
            signature = signer.key.sign_jws(canonical).encode("ascii")
            entries.append(b'{"offer":%s,"signature":"%s"}' % (canonical, signature))
        return b'{"offers":[%s]}' % b",".join(entries)

    def _priced(self, index: int, now: datetime) -> list[_Priced]:
        """Vendor ``index``'s offers, cheapest first, at most :data:`MAX_OFFERS_PER_INTENTION`."""
        factor, extra_days = vendor_factors(index)
        quantity = self.intention.eligibleQuantity.value
        deliver_by_wanted = self.intention.delivery.deliverBy
        today = now.date()
        chosen: list[_Priced] = []
        for match in self._matches:
            item = match.offered.item
            careless = item.ignoresIntention
            total = (match.offered.price * factor * quantity).quantize(CENT, ROUND_HALF_UP)
            if total > self._max_price and not careless:
                continue
            lead = item.leadTimeDays + extra_days
            deliver_by = today + timedelta(days=lead)
            if deliver_by_wanted is not None and deliver_by > deliver_by_wanted and not careless:
                continue
            chosen.append(_Priced(match, total, lead, deliver_by))
        chosen.sort(key=lambda priced: (priced.total, priced.lead))
        return chosen[:MAX_OFFERS_PER_INTENTION]

    def _offer(
        self, priced: _Priced, *, seller: SellerIdentity, now: datetime, terms: _TermsParts
    ) -> Offer:
        match = priced.match
        item = match.offered.item
        accepts, counter = terms if item.acceptsTerms else (None, None)
        return Offer(
            id=uuid.uuid4().urn,
            intention=self.intention.id,
            issued=utc_timestamp(now),
            validThrough=utc_timestamp(now + timedelta(hours=self.catalog.offerValidHours)),
            seller=seller,
            itemOffered=match.offered.item_spec(),
            isAlternative=item.alternative,
            price=str(priced.total),
            priceCurrency=item.currency,
            eligibleQuantity=self.intention.eligibleQuantity,
            delivery=DeliveryPromise(
                method=match.method, deliverBy=priced.deliver_by, leadTimeDays=priced.lead
            ),
            areaServed=match.offered.area_served,
            acceptsTerms=accepts,
            counterTerms=counter,
            acceptsLoyaltyProposal=self.intention.loyaltyProposal is not None
            and item.acceptsLoyalty,
            dataRequested=item.dataRequested,
        )

    def _canonical_offer(self, priced: _Priced, signer: OfferSigner, now: datetime) -> bytes:
        position = priced.match.position
        shared = self._shared.get(position)
        terms, terms_bytes = self._terms_parts(signer.key, signer.seller, now)
        if shared is None:
            # the first offer of this item: built and validated through the model
            offer = self._offer(priced, seller=signer.seller, now=now, terms=terms)
            document = offer.wire()
            self._shared[position] = {
                key: canonical_bytes(value)
                for key, value in document.items()
                if key not in _OWN_MEMBERS
            }
            return canonical_document_bytes(Offer, document)
        issued, valid_through = self._times(now)
        return canonical_members(
            {
                **shared,
                "id": b'"%s"' % uuid.uuid4().urn.encode("ascii"),
                "issued": issued,
                "validThrough": valid_through,
                "seller": signer.seller_bytes,
                "price": b'"%s"' % str(priced.total).encode("ascii"),
                "delivery": self._delivery(priced),
                **(terms_bytes if priced.match.offered.item.acceptsTerms else _NO_TERMS),
            }
        )

    def _times(self, now: datetime) -> tuple[bytes, bytes]:
        """``issued`` and ``validThrough`` in canonical form (the same within a second)."""
        second = int(now.timestamp())
        stamps = self._stamps
        if stamps is None or stamps[0] != second:
            valid = now + timedelta(hours=self.catalog.offerValidHours)
            stamps = self._stamps = (
                second,
                canonical_bytes(utc_timestamp(now)),
                canonical_bytes(utc_timestamp(valid)),
            )
        return stamps[1], stamps[2]

    def _delivery(self, priced: _Priced) -> bytes:
        key = (priced.match.method, priced.deliver_by, priced.lead)
        encoded = self._deliveries.get(key)
        if encoded is None:
            promise = DeliveryPromise(
                method=priced.match.method, deliverBy=priced.deliver_by, leadTimeDays=priced.lead
            )
            encoded = self._deliveries[key] = canonical_wire(promise)
        return encoded


_NO_TERMS = {"acceptsTerms": b"null"}


def _terms_verdict(catalog: Catalog, intention: Intention) -> TermsVerdict | None:
    """The catalogue's answer to the intention's terms (the same for all its vendors)."""
    if intention.terms is None:
        return None
    return judge_terms(
        intention.terms,
        agreements=catalog.acceptedAgreements,
        clauses=catalog.acceptedClauses,
        counter=catalog.counterAgreement,
        now=datetime.now(UTC),
    )


def _matches(catalog: Catalog, intention: Intention) -> list[_Match]:
    """The items that fit ``intention`` for any vendor, with the delivery method each uses."""
    wanted = intention.itemOffered.category.casefold()
    wish = intention.delivery
    currency = intention.priceSpecification.priceCurrency
    matches: list[_Match] = []
    for offered in catalog.offered_items():
        if offered.category != wanted:
            continue
        item = offered.item
        careless = item.ignoresIntention
        if item.alternative and not intention.openToAlternatives and not careless:
            continue
        if item.currency != currency and not careless:
            continue
        if not _serves(offered.regions, wish.region) and not careless:
            continue
        if wish.method == "any" or careless:
            method = item.deliveryMethods[0]
        elif wish.method in item.deliveryMethods:
            method = wish.method
        else:
            continue
        matches.append(_Match(len(matches), offered, method))
    return matches


def seller_identity(
    *, vendor_id: str, name: str, public_jwk: dict[str, str], kid: str
) -> SellerIdentity:
    return SellerIdentity(
        id=vendor_id, name=name, publicKey=PublicJwk.model_validate(public_jwk), kid=kid
    )
