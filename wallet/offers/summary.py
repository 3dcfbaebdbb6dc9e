"""One offer as a person weighs it before accepting: what it is, its price and delivery, whether
it accepts their terms and loyalty proposal, which of their data the vendor will ask for and why,
and how its score was made.

Front ends show this beside the ranked tables and in the confirmation before accepting, so that
nobody accepts an offer without seeing what it is or what it will cost them in data. An offer from
a vendor met on a relay, outside the person's directory, has ``vendor_pinned`` False and the
fingerprint of the key that signed it (``vendor_fingerprint``): show "not in your directory —
fingerprint …"; accepting it pins the vendor (:meth:`wallet.offers.OfferBook.accept`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from wallet.offers.book import OfferBook
from wallet.offers.funnel import FunnelWeights, Ranked, RemovalCode
from wallet.offers.store import OfferStatus
from wallet.personal_data.labels import field_labels
from wallet.vault.facade import Vault
from wallet.vendors.met import standing
from wallet.wire.models import Intention, Offer

TermsState = Literal["accepted", "countered", "not_accepted", "none_sent"]
LoyaltyState = Literal["accepted", "not_accepted", "none_sent"]


@dataclass(frozen=True, slots=True)
class AskedField:
    """A field of the person's data the vendor will ask for if chosen."""

    key: str
    label: str  # the person's own label for it (the key if they hold no such field)
    required: bool
    purpose: str | None  # the vendor's reason, in its words (remote text)


@dataclass(frozen=True, slots=True)
class ScorePart:
    """One criterion of the ranking: its score (0…1) and the weight the person gave it."""

    name: Literal["price", "delivery", "loyalty", "history"]
    score: float
    weight: float


@dataclass(frozen=True, slots=True)
class OfferSummary:
    """What a person reads before accepting an offer."""

    offer_id: str
    vendor_name: str
    item: str
    description: str  # empty when the vendor gave none
    specs: tuple[tuple[str, str], ...]  # size, colour… as the vendor wrote them
    is_alternative: bool
    price: str
    currency: str
    quantity: int
    delivery_method: str
    deliver_by: date
    lead_time_days: int
    terms: TermsState
    loyalty: LoyaltyState
    asked: tuple[AskedField, ...]
    status: OfferStatus
    score: float | None  # None: removed by the funnel (see ``removal``)
    score_parts: tuple[ScorePart, ...]
    removal: RemovalCode | None  # why the funnel removed it (None: kept)
    # False: the vendor is not in the person's directory (met on a relay): show "not in your
    # directory — fingerprint …" (accepting the offer pins it).
    vendor_pinned: bool = True
    vendor_fingerprint: str | None = None  # of the key that signed the offer (None: refused)


def terms_state(intention: Intention, offer: Offer) -> TermsState:
    """Whether the offer accepts the terms the intention carried (by their hash)."""
    if intention.terms is None:
        return "none_sent"
    if offer.acceptsTerms is not None and offer.acceptsTerms.sha256 == intention.terms.sha256:
        return "accepted"
    return "countered" if offer.counterTerms is not None else "not_accepted"


def loyalty_state(intention: Intention, offer: Offer) -> LoyaltyState:
    if intention.loyaltyProposal is None:
        return "none_sent"
    return "accepted" if offer.acceptsLoyaltyProposal else "not_accepted"


def score_parts(entry: Ranked, weights: FunnelWeights) -> tuple[ScorePart, ...]:
    return (
        ScorePart("price", entry.price, weights.price),
        ScorePart("delivery", entry.delivery, weights.delivery),
        ScorePart("loyalty", entry.loyalty, weights.loyalty),
        ScorePart("history", entry.history, weights.history),
    )


def offer_summary(vault: Vault, offer_id: str) -> OfferSummary:
    """The summary of stored offer ``offer_id`` (:class:`~wallet.errors.NotFound` if none),
    ranked among its intention's offers with the person's weights."""
    book = OfferBook(vault)
    stored = book.get(offer_id)
    offer = stored.offer
    view = book.funnel(offer.intention)
    result = view.result
    ranked = next((r for r in (*result.kept, *result.alternatives) if r.offer.id == offer_id), None)
    removal = next((r.code for r in result.removed if r.offer.id == offer_id), None)
    intention = view.intention.intention
    labels = field_labels(vault.reader, (asked.field for asked in offer.dataRequested))
    asked = tuple(
        AskedField(item.field, labels[item.field], item.required, item.purpose)
        for item in offer.dataRequested
    )
    signer = standing(vault.reader, stored.vendor_id, offer.seller.publicKey.model_dump())
    return OfferSummary(
        offer_id=offer.id,
        vendor_name=offer.seller.name,
        item=offer.itemOffered.name,
        description=offer.itemOffered.description,
        specs=tuple(offer.itemOffered.specs.items()),
        is_alternative=offer.isAlternative,
        price=str(offer.price),
        currency=offer.priceCurrency,
        quantity=offer.eligibleQuantity.value,
        delivery_method=offer.delivery.method,
        deliver_by=offer.delivery.deliverBy,
        lead_time_days=offer.delivery.leadTimeDays,
        terms=terms_state(intention, offer),
        loyalty=loyalty_state(intention, offer),
        asked=asked,
        status=stored.status,
        score=None if ranked is None else ranked.score,
        score_parts=() if ranked is None else score_parts(ranked, view.weights),
        removal=removal,
        vendor_pinned=signer.pinned,
        vendor_fingerprint=signer.fingerprint,
    )
