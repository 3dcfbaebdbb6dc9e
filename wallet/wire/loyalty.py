"""The person's loyalty proposal as it travels: carried by intentions, accepted by offers.

Stored proposals (their status, when they were written, progress per vendor) are
:mod:`wallet.loyalty.models`; this module holds only the part that is a wire format with a JSON
Schema, so that the wire formats never depend on the loyalty feature.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, field_validator, model_validator

from wallet.wire.json_types import IsoDate

MAX_TEXT = 200
ShortText = Annotated[str, Field(max_length=MAX_TEXT)]
_CURRENCY = re.compile(r"[A-Z]{3}")


def one_line(text: str) -> str:
    """``text`` on one line, runs of whitespace made one space (names, titles, categories)."""
    return " ".join(text.split())


class PurchasesCommitment(BaseModel):
    """I commit to ``count`` purchases per period.

    ``kind`` is required (no default): it tells the two commitments apart, and the published
    schema's ``oneOf`` needs it present to say which one a document is.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["purchases"]
    count: StrictInt = Field(gt=0, le=100_000)


class AmountCommitment(BaseModel):
    """I commit to spending ``amount`` (in ``currency``, ISO 4217) per period (``kind`` is
    required, as for :class:`PurchasesCommitment`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["amount"]
    amount: Decimal = Field(gt=0, max_digits=14, decimal_places=2)
    currency: str = Field(description="ISO 4217 code, e.g. EUR")

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        value = value.strip().upper()
        if not _CURRENCY.fullmatch(value):
            raise ValueError("must be a three-letter ISO 4217 code such as EUR")
        return value


Commitment = Annotated[PurchasesCommitment | AmountCommitment, Field(discriminator="kind")]
RewardKind = Literal["percent_discount", "free_delivery", "price_match", "points_multiplier"]
REWARD_KINDS: tuple[RewardKind, ...] = (
    "percent_discount",
    "free_delivery",
    "price_match",
    "points_multiplier",
)
Period = Literal["year", "validity"]


class Reward(BaseModel):
    """What the vendor gives for the commitment. ``value``: the percentage or the multiplier."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: RewardKind
    value: Decimal | None = Field(default=None, max_digits=8, decimal_places=2)

    @model_validator(mode="after")
    def _value_fits_kind(self) -> Reward:
        if self.kind == "percent_discount":
            if self.value is None or not 0 < self.value <= 100:
                raise ValueError("a percent discount needs a value above 0 and at most 100")
        elif self.kind == "points_multiplier":
            if self.value is None or not 1 < self.value <= 100:
                raise ValueError("a points multiplier needs a value above 1 (e.g. 2 for double)")
        elif self.value is not None:
            raise ValueError(f"{self.kind.replace('_', ' ')} takes no value")
        return self


class ProposalTerms(BaseModel):
    """The person's loyalty proposal, as carried by intentions and accepted by offers.

    ``period`` "year": the commitment applies to each year counted from ``valid_from``;
    "validity": once, over the whole validity window. ``vendor`` empty: whichever vendor accepts.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", title="LoyaltyProposal")

    title: ShortText
    vendor: ShortText = ""
    category: ShortText
    commitment: Commitment
    period: Period = "year"
    reward: Reward
    valid_from: IsoDate
    valid_until: IsoDate

    @field_validator("title", "vendor", "category")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return one_line(value)

    @field_validator("title", "category")
    @classmethod
    def _required(cls, value: str) -> str:
        if not value:
            raise ValueError("must not be empty")
        return value

    @model_validator(mode="after")
    def _window(self) -> ProposalTerms:
        if self.valid_until < self.valid_from:
            raise ValueError("the proposal must end on or after the day it starts")
        return self
