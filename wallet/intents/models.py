"""What the consumer fills in to make an intention, and an intention as the wallet keeps it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, StrictStr

from wallet.intents.store import IntentionStatus
from wallet.wire.models import (
    POSTAL_PREFIX_PATTERN,
    Category,
    Currency,
    DecimalString,
    DeliveryMethod,
    Intention,
    Name,
    Region,
    SignedIntention,
)

MAX_VALID_DAYS = 365


class IntentionDraft(BaseModel):
    """What, how, where, when and for how much: exactly what goes into the intention.

    Nothing else is added: no profile field, no name, no address. ``use_terms`` attaches the
    latest saved terms version (its hash and clause ids); ``loyalty_proposal_id`` attaches that
    proposal's terms.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    item_name: Name
    category: Category
    description: str = Field(default="", max_length=2000)
    specs: dict[str, StrictStr] = Field(default_factory=dict, max_length=50)
    quantity: int = Field(default=1, ge=1, le=1_000_000)
    max_price: DecimalString
    currency: Currency
    region: Region | None = None
    postal_prefix: str | None = Field(default=None, pattern=POSTAL_PREFIX_PATTERN)
    deliver_by: date | None = None
    delivery_method: DeliveryMethod = "any"
    valid_days: int = Field(default=7, ge=1, le=MAX_VALID_DAYS)
    open_to_alternatives: bool = False
    use_terms: bool = False
    loyalty_proposal_id: int | None = None


@dataclass(frozen=True, slots=True)
class IntentionRecord:
    """An intention as kept: the signed wire form and where it stands.

    Statuses: ``draft`` (signed, not sent) → ``broadcast`` (queued/sent to vendors) →
    ``offers_in`` (at least one verified offer stored) → ``chosen`` (an offer was accepted).
    ``withdrawn`` (by the consumer) and ``expired`` (``validThrough`` passed) end an open one.
    """

    id: str
    status: IntentionStatus
    signed: SignedIntention
    kid: str
    created: datetime
    updated: datetime
    broadcast_at: datetime | None
    chosen_offer_id: str | None

    @property
    def intention(self) -> Intention:
        return self.signed.intention
