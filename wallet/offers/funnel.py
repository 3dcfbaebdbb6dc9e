"""The funnel: pure functions that remove offers breaking the intention and rank the rest.

Removal reasons (a stable ``code`` and a sentence for people), checked in this order, first one
wins:

==========================  ===========================================================
``wrong_intention``         the offer answers another intention
``expired``                 the offer's ``validThrough`` has passed
``currency``                priced in another currency than the intention's
``price_above_max``         the price is above the intention's ``maxPrice``
``late_delivery``           it delivers after the intention's ``deliverBy`` date
``delivery_method``         another delivery method than the one asked for
``outside_region``          it does not serve the intention's region
``terms_not_accepted``      it does not accept the consumer's terms (by their SHA-256), and
                            makes no counter-offer the person accepted
``alternative_not_wanted``  a different item, and the intention is not open to alternatives
==========================  ===========================================================

Alternatives of an intention open to them are ranked in a group of their own. Ranking is a
weighted sum of four scores in [0, 1], each relative to the offers of the same group: price
(cheapest 1, dearest 0), delivery (earliest ``deliverBy`` 1, latest 0), loyalty (1 if it accepts
the intention's loyalty proposal) and history (the vendor's chosen offers so far, over the most
of any vendor). Default weights: price 0.5, delivery 0.3, loyalty 0.1, history 0.1. Ties go to
the cheaper, then the earlier, then by offer id, so the order is stable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wallet.wire.models import Intention, Offer
from wallet.wire.terms import utc_timestamp

RemovalCode = Literal[
    "wrong_intention",
    "expired",
    "currency",
    "price_above_max",
    "late_delivery",
    "delivery_method",
    "outside_region",
    "terms_not_accepted",
    "alternative_not_wanted",
]
REMOVAL_CODES: tuple[RemovalCode, ...] = (
    "wrong_intention",
    "expired",
    "currency",
    "price_above_max",
    "late_delivery",
    "delivery_method",
    "outside_region",
    "terms_not_accepted",
    "alternative_not_wanted",
)


class FunnelWeights(BaseModel):
    """How much each criterion counts in the ranking (0 = ignored); need not sum to 1."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    price: float = Field(default=0.5, ge=0, le=1)
    delivery: float = Field(default=0.3, ge=0, le=1)
    loyalty: float = Field(default=0.1, ge=0, le=1)
    history: float = Field(default=0.1, ge=0, le=1)

    @model_validator(mode="after")
    def _something_counts(self) -> FunnelWeights:
        if self.price + self.delivery + self.loyalty + self.history <= 0:
            raise ValueError("at least one weight must be above 0")
        return self


@dataclass(frozen=True, slots=True)
class Removal:
    offer: Offer
    code: RemovalCode
    reason: str


@dataclass(frozen=True, slots=True)
class Ranked:
    """A kept offer, its score (0…1) and the per-criterion scores behind it."""

    offer: Offer
    score: float
    price: float
    delivery: float
    loyalty: float
    history: float


@dataclass(frozen=True, slots=True)
class FunnelResult:
    kept: list[Ranked]
    alternatives: list[Ranked]
    removed: list[Removal]


def _serves(area: Sequence[str], region: str) -> bool:
    if not area:  # no list: serves everywhere
        return True
    wanted = region.casefold()
    for served in area:
        served = served.casefold()
        if served == "*" or wanted == served or wanted.startswith(served + "-"):
            return True
    return False


def removal_reason(
    intention: Intention,
    offer: Offer,
    *,
    now_utc: str,
    max_price: Decimal | None = None,
    counters: Mapping[str, str] | None = None,
) -> tuple[RemovalCode, str] | None:
    """Why ``offer`` breaks ``intention`` (code, sentence), or None if it does not.

    ``now_utc`` is a ``YYYY-MM-DDTHH:MM:SSZ`` timestamp (those compare as strings).
    ``counters`` holds the person's answers (``accepted`` / ``declined``) to vendors'
    counter-offers by the counter terms' hash: an offer whose counter-offer the person accepted
    accepts terms.
    """
    limit = intention.priceSpecification
    wish = intention.delivery
    if offer.intention != intention.id:
        return "wrong_intention", "It answers another intention."
    if offer.validThrough <= now_utc:
        return "expired", f"The offer expired at {offer.validThrough}."
    if offer.priceCurrency != limit.priceCurrency:
        return "currency", (
            f"It is priced in {offer.priceCurrency}; you asked for {limit.priceCurrency}."
        )
    cap = max_price if max_price is not None else Decimal(limit.maxPrice)
    if Decimal(offer.price) > cap:
        return "price_above_max", (
            f"{offer.price} {offer.priceCurrency} is above your maximum of {limit.maxPrice}."
        )
    if wish.deliverBy is not None and offer.delivery.deliverBy > wish.deliverBy:
        return "late_delivery", (
            f"It arrives by {offer.delivery.deliverBy}, after your date {wish.deliverBy}."
        )
    if wish.method != "any" and offer.delivery.method not in (wish.method, "any"):
        return "delivery_method", (
            f"It offers {offer.delivery.method}; you asked for {wish.method}."
        )
    if wish.region is not None and not _serves(offer.areaServed, wish.region):
        return "outside_region", f"It does not serve {wish.region}."
    terms = intention.terms
    if terms is not None and (
        offer.acceptsTerms is None or offer.acceptsTerms.sha256 != terms.sha256
    ):
        why = _terms_refusal(offer, counters or {})
        if why is not None:
            return "terms_not_accepted", why
    if offer.isAlternative and not intention.openToAlternatives:
        return "alternative_not_wanted", (
            "It proposes a different item, and this intention is not open to alternatives."
        )
    return None


def _terms_refusal(offer: Offer, counters: Mapping[str, str]) -> str | None:
    """Why an offer that does not accept the person's terms is removed (None: the person
    accepted its counter-offer)."""
    counter = offer.counterTerms
    if counter is None:
        return "It does not accept your terms."
    answer = counters.get(counter.sha256)
    agreement = counter.document.agreement
    if answer == "accepted":
        return None
    if answer == "declined":
        return f"It does not accept your terms, and you declined its counter-offer ({agreement})."
    return f"It does not accept your terms; it proposes {agreement} instead (answer it)."


def _rank(
    intention: Intention,
    offers: Sequence[Offer],
    weights: FunnelWeights,
    history: Mapping[str, int],
) -> list[Ranked]:
    if not offers:
        return []
    prices = [Decimal(offer.price) for offer in offers]
    days = [offer.delivery.deliverBy.toordinal() for offer in offers]
    low, high = min(prices), max(prices)
    first, last = min(days), max(days)
    most = max((history.get(offer.seller.id, 0) for offer in offers), default=0)
    wants_loyalty = intention.loyaltyProposal is not None
    total = weights.price + weights.delivery + weights.loyalty + weights.history
    price_span = float(high - low)
    day_span = last - first
    ranked = []
    for offer, price, day in zip(offers, prices, days, strict=True):
        p = 1.0 if price_span == 0 else float(high - price) / price_span
        d = 1.0 if day_span == 0 else (last - day) / day_span
        loyal = 1.0 if wants_loyalty and offer.acceptsLoyaltyProposal else 0.0
        h = 0.0 if most == 0 else history.get(offer.seller.id, 0) / most
        score = (
            weights.price * p + weights.delivery * d + weights.loyalty * loyal + weights.history * h
        ) / total
        ranked.append(Ranked(offer, score, p, d, loyal, h))
    ranked.sort(
        key=lambda item: (
            -item.score,
            Decimal(item.offer.price),
            item.offer.delivery.deliverBy,
            item.offer.id,
        )
    )
    return ranked


def run_funnel(
    intention: Intention,
    offers: Sequence[Offer],
    *,
    weights: FunnelWeights | None = None,
    history: Mapping[str, int] | None = None,
    now: datetime | None = None,
    counters: Mapping[str, str] | None = None,
) -> FunnelResult:
    """Split ``offers`` into ranked kept ones, ranked alternatives and removed ones
    (``counters``: the person's answers to counter-offers, see :func:`removal_reason`)."""
    weights = weights or FunnelWeights()
    history = history or {}
    now_utc = utc_timestamp(now or datetime.now(UTC))
    cap = Decimal(intention.priceSpecification.maxPrice)
    kept: list[Offer] = []
    alternatives: list[Offer] = []
    removed: list[Removal] = []
    for offer in offers:
        why = removal_reason(intention, offer, now_utc=now_utc, max_price=cap, counters=counters)
        if why is not None:
            removed.append(Removal(offer, why[0], why[1]))
        elif offer.isAlternative:
            alternatives.append(offer)
        else:
            kept.append(offer)
    return FunnelResult(
        kept=_rank(intention, kept, weights, history),
        alternatives=_rank(intention, alternatives, weights, history),
        removed=removed,
    )
