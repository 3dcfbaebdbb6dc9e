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

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from wallet.crypto.signing import SigningKey
from wallet.errors import InvalidInput
from wallet.files import read_bounded
from wallet.resources import resources_dir
from wallet.terms.models import PublicJwk, utc_timestamp
from wallet.wire.canonical import canonical_document_bytes
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
    SignedOffer,
    TermsAcceptance,
    decimal_of,
)
from wallet.wire.signing import parse_wire

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
        default_factory=list
    )
    offerValidHours: int = Field(default=72, ge=1, le=24 * 365)
    items: list[CatalogItem] = Field(default_factory=list)
    controller: ControllerDetails | None = Field(
        default=None,
        description="the data controller named in consent receipts (legal name, address, "
        "e-mail, phone, jurisdiction); default: the vendor itself and its contact e-mail",
    )

    _offered: list[_Offered] | None = PrivateAttr(default=None)

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


def offers_for(
    catalog: Catalog,
    intention: Intention,
    *,
    seller: SellerIdentity,
    index: int = 1,
    now: datetime | None = None,
) -> list[Offer]:
    """The (unsigned) offers vendor ``index`` makes for ``intention``, cheapest first.

    Offers are built (and validated) from parts that are themselves validated models: the
    catalogue item's :class:`ItemSpec` (made once per item), the intention's quantity and terms
    hash, and ``seller``.
    """
    now = now or datetime.now(UTC)
    today: date = now.date()
    factor, extra_days = vendor_factors(index)
    wanted = intention.itemOffered.category.casefold()
    wish = intention.delivery
    currency = intention.priceSpecification.priceCurrency
    quantity = intention.eligibleQuantity
    max_price = decimal_of(intention.priceSpecification.maxPrice)
    terms = intention.terms
    accepted = set(catalog.acceptedAgreements)
    # One acceptance for every item that accepts terms: the same frozen model can be shared.
    acceptance = (
        TermsAcceptance(sha256=terms.sha256)
        if terms is not None and (terms.sha256 in accepted or set(terms.agreements) <= accepted)
        else None
    )
    loyalty = intention.loyaltyProposal is not None
    issued = ""  # formatted once, for the first offer, and shared by every offer
    valid_through = ""
    candidates: list[tuple[Decimal, int, Offer]] = []
    for offered in catalog.offered_items():
        if offered.category != wanted:
            continue
        item = offered.item
        careless = item.ignoresIntention
        if item.alternative and not intention.openToAlternatives and not careless:
            continue
        if item.currency != currency and not careless:
            continue
        total = (offered.price * factor * quantity.value).quantize(CENT, ROUND_HALF_UP)
        if total > max_price and not careless:
            continue
        if not _serves(offered.regions, wish.region) and not careless:
            continue
        if wish.method == "any" or careless:
            method = item.deliveryMethods[0]
        elif wish.method in item.deliveryMethods:
            method = wish.method
        else:
            continue
        lead = item.leadTimeDays + extra_days
        deliver_by = today + timedelta(days=lead)
        if wish.deliverBy is not None and deliver_by > wish.deliverBy and not careless:
            continue
        if not issued:
            issued = utc_timestamp(now)
            valid_through = utc_timestamp(now + timedelta(hours=catalog.offerValidHours))
        offer = Offer(
            id=uuid.uuid4().urn,
            intention=intention.id,
            issued=issued,
            validThrough=valid_through,
            seller=seller,
            itemOffered=offered.item_spec(),
            isAlternative=item.alternative,
            price=str(total),
            priceCurrency=item.currency,
            eligibleQuantity=quantity,
            delivery=DeliveryPromise(method=method, deliverBy=deliver_by, leadTimeDays=lead),
            areaServed=offered.area_served,
            acceptsTerms=acceptance if item.acceptsTerms else None,
            acceptsLoyaltyProposal=loyalty and item.acceptsLoyalty,
            dataRequested=item.dataRequested,
        )
        candidates.append((total, lead, offer))
    candidates.sort(key=lambda candidate: (candidate[0], candidate[1]))
    return [offer for _, _, offer in candidates[:MAX_OFFERS_PER_INTENTION]]


def signed_offers_for(
    catalog: Catalog,
    intention: Intention,
    *,
    key: SigningKey,
    seller: SellerIdentity,
    index: int = 1,
    now: datetime | None = None,
) -> tuple[list[SignedOffer], bytes]:
    """:func:`offers_for`, each offer signed as :func:`~wallet.wire.signing.sign_offer` does, and
    the answer's body: an ``OfferList`` JSON document.

    Each offer is serialised once: its canonical bytes are signed and written into the body as
    they are (the same JSON values as ``wire_bytes(OfferList(offers=...))``, keys sorted). ``key``
    must be the key ``seller`` names, as for ``sign_offer``.
    """
    if key.verifying_key.jwk != seller.publicKey.model_dump():
        raise InvalidInput("An offer is signed by the key named in its seller field.")
    signed: list[SignedOffer] = []
    entries: list[bytes] = []
    for offer in offers_for(catalog, intention, seller=seller, index=index, now=now):
        canonical = canonical_document_bytes(Offer, offer.wire())
        signature = key.sign_jws(canonical)
        signed.append(SignedOffer(offer=offer, signature=signature))
        entries.append(b'{"offer":%s,"signature":"%s"}' % (canonical, signature.encode("ascii")))
    return signed, b'{"offers":[%s]}' % b",".join(entries)


def seller_identity(
    *, vendor_id: str, name: str, public_jwk: dict[str, str], kid: str
) -> SellerIdentity:
    return SellerIdentity(
        id=vendor_id, name=name, publicKey=PublicJwk.model_validate(public_jwk), kid=kid
    )
