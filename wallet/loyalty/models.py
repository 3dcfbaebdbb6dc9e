"""Loyalty data: the memberships a person holds and the loyalty proposals they write themselves.

A :class:`MembershipDraft` is what a person (or an import) gives; a :class:`Membership` is what the
vault stores. A :class:`Proposal` is the person's own loyalty offer to a vendor ("I commit to N
purchases or amount X per period in category C" in return for a reward), stored with its status;
intentions carry its terms and offers accept them, so :class:`ProposalTerms` is a wire format
(:mod:`wallet.wire.loyalty`).
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from wallet.i18n import QT_TRANSLATE_NOOP
from wallet.loyalty.bounds import MAX_POINTS_CHARS, MAX_POINTS_DECIMALS, MAX_POINTS_INTEGER_DIGITS
from wallet.loyalty.codes import barcode_problem, encoded_value
from wallet.wire.loyalty import ProposalTerms, ShortText, one_line

BarcodeType = Literal["qr", "code128", "ean13", "upca", "code39", "pdf417", "aztec"]
BARCODE_TYPES: tuple[BarcodeType, ...] = (
    "qr",
    "code128",
    "ean13",
    "upca",
    "code39",
    "pdf417",
    "aztec",
)
# Stored and shown, but not drawn: no maintained pure-Python renderer is a dependency here.
TEXT_ONLY_BARCODE_TYPES: frozenset[str] = frozenset({"pdf417", "aztec"})
MAX_NOTES = 2_000
MAX_BARCODE_VALUE = 1_000

Points = int | Decimal


_POINTS_LIMIT = 10**MAX_POINTS_INTEGER_DIGITS
_TOO_LARGE = f"too large (more than {MAX_POINTS_INTEGER_DIGITS} digits before the decimal point)"
_TOO_PRECISE = f"more than {MAX_POINTS_DECIMALS} decimal places"


def _bounded_decimal(number: Decimal) -> Points:
    """``number`` checked on its exponent and digits as written, before any arithmetic."""
    if not number.is_finite():
        raise ValueError(QT_TRANSLATE_NOOP("CoreError", "not a finite number"))
    if number.is_zero():
        return 0  # whatever its exponent (0e999999999) or sign
    if number.is_signed():
        raise ValueError(QT_TRANSLATE_NOOP("CoreError", "must be 0 or more"))
    if number.adjusted() >= MAX_POINTS_INTEGER_DIGITS:
        raise ValueError(_TOO_LARGE)
    _, digits, exponent = number.as_tuple()
    if not isinstance(exponent, int):  # only infinities and NaNs have a letter here
        raise ValueError(QT_TRANSLATE_NOOP("CoreError", "not a finite number"))
    kept = len(digits)
    while digits[kept - 1] == 0:  # trailing zeros say nothing: 12.500 is 12.5
        kept -= 1
    exponent += len(digits) - kept
    if exponent < -MAX_POINTS_DECIMALS:
        raise ValueError(_TOO_PRECISE)
    if exponent >= 0:
        return int(number)  # below 10^12 here, so cheap and exact
    return Decimal((0, digits[:kept], exponent))  # exact: no context rounding


def points_value(value: object) -> Points | None:
    """A points balance from a number or text, bounded before any arithmetic, or ``ValueError``.

    Whole numbers come back as ``int``, others as a :class:`~decimal.Decimal` without trailing
    zeros; ``None`` (unknown) stays ``None``. Text is at most ``MAX_POINTS_CHARS`` characters,
    the value below 10^``MAX_POINTS_INTEGER_DIGITS`` with at most ``MAX_POINTS_DECIMALS`` decimal
    places (see :mod:`wallet.loyalty.bounds`).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(QT_TRANSLATE_NOOP("CoreError", "must be a number"))
    if isinstance(value, int):
        if value < 0:
            raise ValueError(QT_TRANSLATE_NOOP("CoreError", "must be 0 or more"))
        if value >= _POINTS_LIMIT:
            raise ValueError(_TOO_LARGE)
        return value
    if isinstance(value, Decimal):
        return _bounded_decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(QT_TRANSLATE_NOOP("CoreError", "not a finite number"))
        value = repr(value)  # the shortest text that reads back as this float: 0.1, not 0.1000…
    if not isinstance(value, str):
        raise ValueError(QT_TRANSLATE_NOOP("CoreError", "must be a number"))
    text = value.strip()
    if len(text) > MAX_POINTS_CHARS:
        raise ValueError(f"longer than {MAX_POINTS_CHARS} characters")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(QT_TRANSLATE_NOOP("CoreError", "not a number")) from None
    return _bounded_decimal(number)


def normalised_key(program: str, member_number: str) -> str:
    """What makes two memberships the same: program and number, ignoring case and spaces."""
    return "".join(program.split()).casefold() + "\x1f" + "".join(member_number.split()).casefold()


def amount_value(value: object) -> Decimal:
    """A money amount (a purchase, a commitment) read and bounded like :func:`points_value`."""
    number = points_value(value)
    if number is None:
        raise ValueError(QT_TRANSLATE_NOOP("CoreError", "not a number"))
    return Decimal(number)


class MembershipDraft(BaseModel):
    """A loyalty membership as given by the person or an import (before it is stored).

    An empty ``barcode_value`` means "the member number".
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    program: ShortText
    vendor: ShortText = ""
    member_number: ShortText
    tier: ShortText = ""
    points_balance: Points | None = None
    expiry: date | None = None
    notes: Annotated[str, Field(max_length=MAX_NOTES)] = ""
    barcode_type: BarcodeType = "qr"
    barcode_value: Annotated[str, Field(max_length=MAX_BARCODE_VALUE)] = ""

    @field_validator("program", "vendor", "member_number", "tier")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return one_line(value)

    @field_validator("program", "member_number")
    @classmethod
    def _required(cls, value: str) -> str:
        if not value:
            raise ValueError("must not be empty")
        return value

    @field_validator("barcode_value")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("points_balance", mode="before")
    @classmethod
    def _points(cls, value: object) -> Points | None:
        return points_value(value)

    @model_validator(mode="after")
    def _vendor_and_code(self) -> MembershipDraft:
        if not self.vendor:
            # A card without a named vendor belongs to its program's host.
            object.__setattr__(self, "vendor", self.program)
        problem = barcode_problem(self.barcode_type, self.barcode_value or self.member_number)
        if problem:
            raise ValueError(f"the barcode cannot be drawn: {problem}")
        return self

    @property
    def code_value(self) -> str:
        """Exactly what the scannable code encodes, and so the text printed under it.

        The barcode value, or else the member number; an EAN-13 or UPC-A body gets its check
        digit (:func:`wallet.loyalty.codes.encoded_value`).
        """
        return encoded_value(self.barcode_type, self.barcode_value or self.member_number)

    @property
    def key(self) -> str:
        return normalised_key(self.program, self.member_number)


class Membership(MembershipDraft):
    """A stored membership.

    Its balance is taken as stored: versions before the bounds of :func:`points_value` stored any
    finite balance, and a vault must always open. Such a balance is shown and exported as it is;
    importing that export rejects the row and says why.
    """

    id: int
    created: datetime
    updated: datetime

    @field_validator("points_balance", mode="before")
    @classmethod
    def _points(cls, value: object) -> Points | None:  # replaces the draft's bounded check
        if value is None or isinstance(value, int | Decimal):
            return value
        return points_value(value)  # text and floats are not stored: read them as new ones

    def draft(self) -> MembershipDraft:
        """The membership's details, without re-checking what was checked when it was stored."""
        values = self.model_dump(exclude={"id", "created", "updated"})
        try:
            return MembershipDraft.model_validate(values)
        except ValueError:  # a balance stored before today's bounds
            return MembershipDraft.model_construct(**values)


MEMBERSHIP_FIELDS: tuple[str, ...] = tuple(MembershipDraft.model_fields)


# ------------------------------------------------------------------------------ proposals


ProposalStatus = Literal["draft", "active", "withdrawn"]
PROPOSAL_STATUSES: tuple[ProposalStatus, ...] = ("draft", "active", "withdrawn")


class Proposal(BaseModel):
    """A stored proposal: its terms, its status and when it was written."""

    model_config = ConfigDict(frozen=True)

    id: int
    terms: ProposalTerms
    status: ProposalStatus
    created: datetime
    updated: datetime


class Purchase(BaseModel):
    """A purchase recorded against a proposal, to track the commitment."""

    model_config = ConfigDict(frozen=True)

    id: int
    proposal_id: int
    vendor: ShortText
    date: date
    amount: Decimal = Field(ge=0)
    recorded: datetime


class VendorProgress(BaseModel):
    """One vendor's purchases in the current period against the commitment."""

    model_config = ConfigDict(frozen=True)

    vendor: str
    purchases: int
    amount: Decimal
    achieved: Decimal  # purchases or amount, whichever the commitment counts
    fraction: float  # 0..1, for a progress bar


class ProposalProgress(BaseModel):
    """How far the commitment is met in the period that contains ``as_of``."""

    model_config = ConfigDict(frozen=True)

    proposal_id: int
    period_start: date
    period_end: date
    target: Decimal
    unit: str  # "purchases" or a currency code
    vendors: tuple[VendorProgress, ...]
    in_window: bool  # False before valid_from or after valid_until
