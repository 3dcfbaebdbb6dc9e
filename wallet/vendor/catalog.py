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
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from wallet.files import read_bounded
from wallet.resources import resources_dir
from wallet.terms.models import PublicJwk, utc_timestamp
from wallet.wire.models import (
    AGREEMENT_PATTERN,
    DECIMAL_PATTERN,
    Category,
    Currency,
    DeliveryMethod,
    DeliveryPromise,
    Intention,
    ItemSpec,
    Name,
    Offer,
    SellerIdentity,
    TermsAcceptance,
    decimal_of,
)
from wallet.wire.signing import parse_wire

MAX_CATALOG_BYTES = 4 * 1024 * 1024
MAX_OFFERS_PER_INTENTION = 20
CENT = Decimal("0.01")


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

    @property
    def categories(self) -> list[str]:
        return sorted({item.category for item in self.items})


def default_catalog_path() -> Path:
    return resources_dir() / "vendor" / "sample-catalog.json"


def load_catalog(path: Path | None = None) -> Catalog:
    """The catalogue at ``path`` (default: the sample shipped in ``resources/vendor/``)."""
    path = path or default_catalog_path()
    raw = read_bounded(path, max_bytes=MAX_CATALOG_BYTES, what="catalogue")
    return parse_wire(raw, Catalog, max_bytes=MAX_CATALOG_BYTES, what="vendor catalogue")


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
    for region in regions:
        served = region.casefold()
        if served == "*" or wanted == served or wanted.startswith(served + "-"):
            return True
    return False


def _accepts_terms(catalog: Catalog, item: CatalogItem, intention: Intention) -> bool:
    terms = intention.terms
    if terms is None or not item.acceptsTerms:
        return False
    accepted = set(catalog.acceptedAgreements)
    return terms.sha256 in accepted or set(terms.agreements) <= accepted


def offers_for(
    catalog: Catalog,
    intention: Intention,
    *,
    seller: SellerIdentity,
    index: int = 1,
    now: datetime | None = None,
) -> list[Offer]:
    """The (unsigned) offers vendor ``index`` makes for ``intention``, cheapest first."""
    now = now or datetime.now(UTC)
    today: date = now.date()
    factor, extra_days = vendor_factors(index)
    wanted = intention.itemOffered
    wish = intention.delivery
    quantity = intention.eligibleQuantity.value
    max_price = decimal_of(intention.priceSpecification.maxPrice)
    issued = utc_timestamp(now)  # formatted once for every offer of this intention
    valid_through = utc_timestamp(now + timedelta(hours=catalog.offerValidHours))
    offers: list[Offer] = []
    for item in catalog.items:
        if item.category.casefold() != wanted.category.casefold():
            continue
        careless = item.ignoresIntention
        if item.alternative and not intention.openToAlternatives and not careless:
            continue
        if item.currency != intention.priceSpecification.priceCurrency and not careless:
            continue
        total = (decimal_of(item.price) * factor * quantity).quantize(CENT, ROUND_HALF_UP)
        if total > max_price and not careless:
            continue
        if not _serves(item.regions, wish.region) and not careless:
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
        terms = intention.terms
        offers.append(
            Offer(
                id=uuid.uuid4().urn,
                intention=intention.id,
                issued=issued,
                validThrough=valid_through,
                seller=seller,
                itemOffered=ItemSpec(
                    name=item.name,
                    category=item.category,
                    description=item.description,
                    specs=item.specs,
                ),
                isAlternative=item.alternative,
                price=str(total),
                priceCurrency=item.currency,
                eligibleQuantity=intention.eligibleQuantity,
                delivery=DeliveryPromise(method=method, deliverBy=deliver_by, leadTimeDays=lead),
                areaServed=[region for region in item.regions if region != "*"],
                acceptsTerms=(
                    TermsAcceptance(sha256=terms.sha256)
                    if terms is not None and _accepts_terms(catalog, item, intention)
                    else None
                ),
                acceptsLoyaltyProposal=(
                    intention.loyaltyProposal is not None and item.acceptsLoyalty
                ),
            )
        )
    offers.sort(key=lambda offer: (decimal_of(offer.price), offer.delivery.leadTimeDays))
    return offers[:MAX_OFFERS_PER_INTENTION]


def seller_identity(
    *, vendor_id: str, name: str, public_jwk: dict[str, str], kid: str
) -> SellerIdentity:
    return SellerIdentity(
        id=vendor_id, name=name, publicKey=PublicJwk.model_validate(public_jwk), kid=kid
    )
