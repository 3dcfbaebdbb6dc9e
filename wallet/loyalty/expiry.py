"""Whether a loyalty card is still good at the till: expired, expiring soon, or valid.

A card is good through its expiry day and expired from the day after. It is *expiring* when
that day falls within the lead time: the vault's ``reminder_lead_days`` setting, the same lead
time the reminders use, so the card list and the reminders never disagree. A card without an
expiry date is valid. The day is the person's local day at ``now`` (injectable for tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

ExpiryState = Literal["valid", "expiring", "expired"]
EXPIRY_STATES: tuple[ExpiryState, ...] = ("valid", "expiring", "expired")
# Used when no vault setting is at hand (the setting's own default may differ).
DEFAULT_LEAD_DAYS = 30


@dataclass(frozen=True, slots=True)
class CardExpiry:
    """A card's expiry state on ``today``; ``days_left`` is negative once it has expired."""

    state: ExpiryState
    expiry: date | None
    today: date

    @property
    def days_left(self) -> int | None:
        return None if self.expiry is None else (self.expiry - self.today).days


def local_day(now: datetime | None = None) -> date:
    """The person's local day at ``now`` (an aware time; the current time if ``None``)."""
    return (now or datetime.now(UTC)).astimezone().date()


def expiry_state(expiry: date | None, *, today: date, lead_days: int) -> CardExpiry:
    """The state of a card that expires on ``expiry`` (``None``: never), seen on ``today``."""
    if lead_days < 0:
        raise ValueError("the lead time is 0 days or more")
    if expiry is None:
        return CardExpiry("valid", None, today)
    days_left = (expiry - today).days
    if days_left < 0:
        return CardExpiry("expired", expiry, today)
    if days_left <= lead_days:
        return CardExpiry("expiring", expiry, today)
    return CardExpiry("valid", expiry, today)
