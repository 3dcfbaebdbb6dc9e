"""What the consents feature speaks in: its constants, the records it returns, and two lookups
that refuse an unknown consent or vendor.

A consent is ``active`` until it expires or is revoked. Its messages to the vendor travel through
the outbox as the ``consent.*`` kinds below, signed by the *pairwise* key the wallet keeps for
that vendor (``purpose="pairwise:<vendor id>"``; one per vendor, never reused elsewhere).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from wallet.consents import store
from wallet.consents.purposes import PURPOSES
from wallet.consents.store import ConsentRow, ConsentStatus
from wallet.errors import NotFound
from wallet.i18n import QT_TRANSLATE_NOOP
from wallet.storage.connection import Connection
from wallet.vendors import store as vendor_store
from wallet.vendors.store import VendorRow
from wallet.wire.consent import ConsentReceipt
from wallet.wire.terms import utc_timestamp

KIND_DISCLOSURE = "consent.disclosure"
KIND_UPDATE = "consent.update"
KIND_REVOCATION = "consent.revocation"
KIND_EXPIRY = "consent.expiry"
CONSENT_KINDS = (KIND_DISCLOSURE, KIND_UPDATE, KIND_REVOCATION, KIND_EXPIRY)
KEY_PURPOSE_PREFIX = "pairwise:"
MAX_DAYS = 3650
DEFAULT_DAYS = 90
EXPIRING_SOON_SECONDS = 7 * 24 * 3600
DAY_SECONDS = 24 * 3600


@dataclass(frozen=True, slots=True)
class GrantRequest:
    """What the consumer chose: which vendor may use which fields, why, and for how long."""

    vendor_id: str
    field_keys: tuple[str, ...]
    purposes: tuple[int, ...]
    days: int = DEFAULT_DAYS
    offer_id: str | None = None
    third_party_name: str | None = None


@dataclass(frozen=True, slots=True)
class PlannedField:
    """A field the grant dialog shows: asked for by the offer and/or present in the vault."""

    key: str
    label: str
    category_label: str
    present: bool
    required: bool
    selected: bool
    reason: str = ""
    asked: bool = False  # the offer asks for it (required or optional)


@dataclass(frozen=True, slots=True)
class GrantPlan:
    """The starting point of a grant: the vendor, the offer, pre-selected fields and purposes."""

    vendor_id: str
    vendor_name: str
    offer_id: str | None
    item_name: str | None
    fields: tuple[PlannedField, ...]
    purposes: tuple[int, ...]
    days: int
    problem: str = ""

    @property
    def missing_required(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required and not f.present)

    def request(self, **changes: Any) -> GrantRequest:
        """The grant as planned (selected fields, suggested purposes), with ``changes``."""
        base = GrantRequest(
            vendor_id=self.vendor_id,
            field_keys=tuple(f.key for f in self.fields if f.selected),
            purposes=self.purposes,
            days=self.days,
            offer_id=self.offer_id,
        )
        return dataclasses.replace(base, **changes)


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """A consent as the app shows it: the stored row, its receipt and the vendor's name."""

    row: ConsentRow
    receipt: ConsentReceipt
    vendor_name: str

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def status(self) -> ConsentStatus:
        return self.row.status

    @property
    def field_keys(self) -> tuple[str, ...]:
        return self.row.field_keys

    @property
    def acknowledged(self) -> bool:
        return self.row.countersignature is not None

    def expires_in(self, now: int) -> int:
        return self.row.expires_at - now


@dataclass(frozen=True, slots=True)
class Holder:
    """A vendor holding a field under an active consent."""

    consent_id: str
    vendor_id: str
    vendor_name: str


@dataclass(frozen=True, slots=True)
class NoticeOutcome:
    """Whether a vendor was sent a notice (through the outbox), and why not if not."""

    consent_id: str
    vendor_id: str
    queued: bool
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Overview:
    """Who holds what: vendors x fields under active consent, and the counts around them."""

    vendors: tuple[tuple[str, str], ...]  # (id, name), by name
    field_keys: tuple[str, ...]
    cells: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    pending_deliveries: int = 0
    open_offers: int = 0


def now_seconds() -> int:
    return int(time.time())


def iso_time(epoch: int) -> str:
    return utc_timestamp(datetime.fromtimestamp(epoch, UTC))


def describe_purposes(numbers: Sequence[int]) -> str:
    texts = [PURPOSES[number].description for number in numbers]
    if len(texts) <= 1:
        return "".join(texts)
    return ", ".join(texts[:-1]) + " and " + texts[-1]


def summary_text(
    *, vendor_name: str, labels: Sequence[str], purposes: Sequence[int], expires_at: int
) -> str:
    """The plain-language summary shown before confirming and kept with the consent."""
    day = datetime.fromtimestamp(expires_at, UTC).strftime("%d %B %Y")
    shared = ", ".join(labels[:-1]) + " and " + labels[-1] if len(labels) > 1 else labels[0]
    return (
        f"{vendor_name} may use your {shared} {describe_purposes(purposes)}, until {day}. "
        "Nothing else is shared. When the consent ends or you revoke it, they must delete it; "
        "you keep a receipt signed by both of you."
    )


def existing_row(connection: Connection, consent_id: str) -> ConsentRow:
    """The consent ``consent_id``, or :class:`NotFound`."""
    row = store.get(connection, consent_id)
    if row is None:
        raise NotFound.worded(
            QT_TRANSLATE_NOOP("CoreError", "There is no consent {id}."), id=repr(consent_id)
        ).hinted("`consent list` shows them.")
    return row


def existing_vendor(connection: Connection, vendor_id: str) -> VendorRow:
    """The directory vendor ``vendor_id``, or :class:`NotFound`."""
    vendor = vendor_store.get(connection, vendor_id)
    if vendor is None:
        raise NotFound(f"There is no vendor {vendor_id!r}.", cli_hint="`vendor list` shows them.")
    return vendor
