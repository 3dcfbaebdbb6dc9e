"""What the consent screens and commands show, read from the vault: plain queries, no widgets.

The desktop app runs these on its vault worker and only lays out what they return; the command
line calls them directly. They hold the rules about what to show (a deleted field keeps its key as
its label, which consents are about to end, whether a vendor was asked to delete the data), so
that every front end says the same thing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from wallet.consents import ConsentBook, ConsentRecord, Holder, NoticeOutcome, Overview
from wallet.consents.purposes import PURPOSES, Purpose
from wallet.consents.records import EXPIRING_SOON_SECONDS, KIND_EXPIRY, KIND_REVOCATION
from wallet.consents.store import ConsentEvent, ConsentRow, ConsentStatus
from wallet.errors import NotFound
from wallet.outbox import Outbox
from wallet.outbox.store import OutboxRow
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory

# History events whose detail is the vendor's whole signed answer (kept with the receipt).
SIGNED_EVENTS = frozenset({"acknowledged", "update_acknowledged", "terminated"})
_NOT_TOLD = "not told: "


def field_labels(vault: Vault, keys: Iterable[str]) -> dict[str, str]:
    """The labels of these fields (one indexed look-up each); a deleted field keeps its key."""
    labels: dict[str, str] = {}
    for key in keys:
        if key in labels:
            continue
        try:
            labels[key] = vault.fields.info(key).label
        except NotFound:  # a field can be deleted while vendors hold it
            labels[key] = key
    return labels


def expiring_soon(row: ConsentRow, *, now: int) -> bool:
    """An active consent that ends within a week of ``now``."""
    return row.status == "active" and row.expires_at - now < EXPIRING_SOON_SECONDS


# ---------------------------------------------------------------------------- the list


@dataclass(frozen=True, slots=True)
class ConsentLine:
    """One consent of a list: the stored consent and its fields' labels, in its keys' order."""

    row: ConsentRow
    field_labels: tuple[str, ...]

    @property
    def fields_text(self) -> str:
        return ", ".join(self.field_labels)


@dataclass(frozen=True, slots=True)
class ConsentListing:
    """The ordered row ids of a list of consents (newest first), and what every line needs.

    ``focus_row`` is the position of the consent asked for (``None`` if the filter hides it);
    ``now`` is the time the list was read at (what "expiring soon" is measured from).
    """

    row_ids: list[int]
    focus_row: int | None = None
    vendor_names: Mapping[str, str] = field(default_factory=dict)
    now: int = 0


def consent_listing(
    vault: Vault,
    *,
    status: ConsentStatus | None = None,
    focus_id: str | None = None,
    focus_row_id: int | None = None,
) -> ConsentListing:
    """End the consents past their expiry, then list the row ids newest first (of ``status``).

    The focus is the consent ``focus_id``, else the row id ``focus_row_id``.
    """
    book = ConsentBook(vault)
    book.expire_due()
    ids = book.row_ids(status=status)
    row_id = book.row_id_of(focus_id) if focus_id is not None else focus_row_id
    focus_row = None
    if row_id is not None:
        try:
            focus_row = ids.index(row_id)
        except ValueError:  # gone, or hidden by the status filter
            focus_row = None
    return ConsentListing(ids, focus_row, book.vendor_names(), int(time.time()))


def consent_lines(vault: Vault, row_ids: Sequence[int]) -> dict[int, ConsentLine]:
    """These consents (by row id) with their fields' labels."""
    rows = ConsentBook(vault).rows_by_row_ids(row_ids)
    labels = field_labels(vault, (key for row in rows.values() for key in row.field_keys))
    return {
        row_id: ConsentLine(row, tuple(labels[key] for key in row.field_keys))
        for row_id, row in rows.items()
    }


# ---------------------------------------------------------------------------- one consent


@dataclass(frozen=True, slots=True)
class Termination:
    """What became of the data of an ended consent.

    ``received_at``: when the vendor's signed termination receipt (it deleted the data) came;
    ``asked``: a revocation or expiry notice was queued for the vendor; ``not_asked_reason``:
    why it was not (no data had been sent, no address), when it was not.
    """

    received_at: int | None
    asked: bool
    not_asked_reason: str


@dataclass(frozen=True, slots=True)
class ConsentDetails:
    """One consent with its history, its messages to the vendor and the labels of its fields."""

    record: ConsentRecord
    events: list[ConsentEvent]
    deliveries: list[OutboxRow]
    field_labels: dict[str, str]  # of the fields the receipt and the history name
    row_id: int | None  # the consent's row id (a list's id for it)

    def line(self) -> ConsentLine:
        """The consent as a line of a list, from these (fresh) details."""
        row = self.record.row
        return ConsentLine(row, tuple(self.field_labels.get(key, key) for key in row.field_keys))

    def label(self, key: str) -> str:
        return self.field_labels.get(key, key)

    def purposes(self) -> list[Purpose]:
        """The consent's purposes that the wallet knows, in the receipt's order."""
        known = (PURPOSES.get(number) for number in self.record.row.purposes)
        return [purpose for purpose in known if purpose is not None]

    def third_parties(self) -> list[str]:
        """Who the receipt says the data is passed on to, each once, in order."""
        names = (
            purpose.thirdPartyName
            for service in self.record.receipt.services
            for purpose in service.purposes
            if purpose.thirdPartyName
        )
        return list(dict.fromkeys(names))

    def days_left(self, *, now: int) -> int:
        """Whole days until the consent ends (0 once past)."""
        return max(0, (self.record.row.expires_at - now) // 86_400)

    def termination(self) -> Termination | None:
        """What became of the data once the consent ended (``None`` while it is active)."""
        row = self.record.row
        if row.status == "active":
            return None
        received = row.terminated_at if row.termination is not None else None
        asked = any(d.kind in (KIND_REVOCATION, KIND_EXPIRY) for d in self.deliveries)
        reason = ""
        if not asked:  # the core said why the vendor was not asked when the consent ended
            why = [e.detail for e in self.events if e.type == row.status and e.detail]
            reason = why[-1].removeprefix(_NOT_TOLD) if why else ""
        return Termination(received, asked, reason)


def consent_details(vault: Vault, consent_id: str) -> ConsentDetails:
    """One consent, its history and deliveries, and the labels of every field they name."""
    book = ConsentBook(vault)
    record = book.get(consent_id)
    events = book.history(consent_id)
    keys = [*record.row.field_keys, *(item.key for item in record.receipt.vrm.fields)]
    keys += [key for event in events for key in event.field_names]
    return ConsentDetails(
        record,
        events,
        book.deliveries(consent_id),
        field_labels(vault, keys),
        book.row_id_of(consent_id),
    )


# ---------------------------------------------------------------------------- holders of a field


@dataclass(frozen=True, slots=True)
class HeldUnder:
    """A consent under which a vendor holds a field: when it was given, and what it covers."""

    granted_at: int
    field_labels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FieldHolders:
    """The vendors holding the field ``key`` under an active consent (one entry per consent)."""

    key: str
    label: str
    holders: list[Holder]
    consents: dict[str, HeldUnder]  # consent id → its date and fields, to tell them apart


def field_holders(vault: Vault, key: str) -> FieldHolders:
    """Who would get the new value of ``key``, and the consents they hold it under."""
    book = ConsentBook(vault)
    holders = book.holders(key)
    if not holders:
        return FieldHolders(key, key, [], {})
    rows = {holder.consent_id: book.get(holder.consent_id).row for holder in holders}
    labels = field_labels(vault, [key, *(k for row in rows.values() for k in row.field_keys)])
    consents = {
        consent_id: HeldUnder(row.granted_at, tuple(labels[k] for k in row.field_keys))
        for consent_id, row in rows.items()
    }
    return FieldHolders(key, labels[key], holders, consents)


# ---------------------------------------------------------------------------- the overview


@dataclass(frozen=True, slots=True)
class OverviewData:
    """Who holds what (the core's :class:`Overview`), with the labels of the fields it names."""

    overview: Overview
    field_labels: dict[str, str]


def holdings_overview(vault: Vault) -> OverviewData:
    """End the consents past their expiry, then the matrix and counts with their labels."""
    book = ConsentBook(vault)
    book.expire_due()
    held = book.overview()
    return OverviewData(held, field_labels(vault, held.field_keys))


# ---------------------------------------------------------------------------- the minute check


@dataclass(frozen=True, slots=True)
class ExpiryCheck:
    expired: list[NoticeOutcome]
    retries_due: bool


def check_expiry(vault: Vault) -> ExpiryCheck:
    """End the consents past their expiry; say whether queued messages are due a retry."""
    expired = ConsentBook(vault).expire_due()
    due_at = Outbox(vault).next_due_at()
    return ExpiryCheck(expired, due_at is not None and due_at <= time.time())


def vendor_choices(vault: Vault) -> list[tuple[str, str]]:
    """The vendors a consent can be given to, as ``(id, name)``, in the directory's order."""
    return [(vendor.id, vendor.name) for vendor in VendorDirectory(vault).list()]
