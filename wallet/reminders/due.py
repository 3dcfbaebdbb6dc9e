"""The reminders due at a given moment, read from the vault in a few indexed queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from wallet.consents import store as consent_store
from wallet.consents.renewal import is_renewed
from wallet.loyalty.book import LoyaltyBook
from wallet.loyalty.expiry import expiry_state, local_day
from wallet.offers import store as offer_store
from wallet.outbox import store as outbox_store
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store

ReminderKind = Literal[
    "consent_expiring",
    "card_expired",
    "card_expiring",
    "offers_waiting",
    "delivery_failing",
    "end_unconfirmed",
]
DAY_SECONDS = 86_400
FAILING_ATTEMPTS = 3  # a message still undelivered after this many attempts keeps failing
CONFIRMATION_GRACE_DAYS = 2  # how long a vendor has to confirm the end of a consent

# The most urgent first: what is already lost, then what ends soonest, then what waits.
_ORDER: dict[ReminderKind, int] = {
    "card_expired": 0,
    "consent_expiring": 1,
    "card_expiring": 2,
    "end_unconfirmed": 3,
    "delivery_failing": 4,
    "offers_waiting": 5,
}


@dataclass(frozen=True, slots=True)
class Reminder:
    """One thing that needs attention.

    ``subject`` is what it is about (a consent id, a membership id, an intention id, a vendor
    id); ``name`` names it for people (a vendor's or program's name, an item: remote text, to be
    shown as plain text); ``when`` is the day it ends or ended (consents, cards, revocations);
    ``count`` how many (offers waiting, messages failing). ``key`` changes when the reminder
    says something new, so that a front end notifies once per key.
    """

    kind: ReminderKind
    subject: str
    name: str
    when: date | None = None
    count: int = 0

    @property
    def key(self) -> str:
        detail = self.when.isoformat() if self.when is not None else str(self.count)
        return f"{self.kind}:{self.subject}:{detail}"


def due_reminders(vault: Vault, *, lead_days: int, now: datetime | None = None) -> list[Reminder]:
    """Every reminder due at ``now`` (the current time if ``None``); consents and cards that end
    within ``lead_days`` days count as ending soon. Most urgent first."""
    moment = now or datetime.now(UTC)
    seconds = int(moment.timestamp())
    connection = vault.reader
    names = vendor_store.names(connection)
    found: list[Reminder] = []
    for row in consent_store.ending_before(connection, seconds + lead_days * DAY_SECONDS):
        if is_renewed(connection, row):
            continue
        name = names.get(row.vendor_id, row.vendor_id)
        found.append(Reminder("consent_expiring", row.id, name, when=_day(row.expires_at)))
    found.extend(_card_reminders(vault, now=moment, lead_days=lead_days))
    grace = seconds - CONFIRMATION_GRACE_DAYS * DAY_SECONDS
    for row in consent_store.unconfirmed_revocations(connection, grace):
        name = names.get(row.vendor_id, row.vendor_id)
        found.append(Reminder("end_unconfirmed", row.id, name, when=_day(row.ended_at or 0)))
    for vendor_id, count in outbox_store.struggling_vendors(
        connection, min_attempts=FAILING_ATTEMPTS
    ):
        name = names.get(vendor_id, vendor_id)
        found.append(Reminder("delivery_failing", vendor_id, name, count=count))
    for intention_id, item, count in offer_store.waiting_offers(connection):
        found.append(Reminder("offers_waiting", intention_id, item, count=count))
    return sorted(found, key=lambda r: (_ORDER[r.kind], r.when or date.max, r.name, r.subject))


def _card_reminders(vault: Vault, *, now: datetime, lead_days: int) -> list[Reminder]:
    """Cards expired or expiring, by the loyalty book's own rule (the person's local day)."""
    today = local_day(now)
    reminders = []
    for card in LoyaltyBook(vault).memberships():
        state = expiry_state(card.expiry, today=today, lead_days=lead_days).state
        if state != "valid":
            kind: ReminderKind = "card_expired" if state == "expired" else "card_expiring"
            reminders.append(Reminder(kind, str(card.id), card.program, when=card.expiry))
    return reminders


def _day(epoch: int) -> date:
    return datetime.fromtimestamp(epoch, UTC).date()
