"""The consumer's consents: grant (with a signed receipt), disclose, update, expire, revoke, export.

A grant writes the consent, its fields, its first history entry and ONE outbox message (the
disclosure: exactly the fields in scope, with the signed receipt) in one transaction; the
delivery worker sends it like every other webhook, signed by the *pairwise* key the wallet keeps
for that vendor (``purpose="pairwise:<vendor id>"``; one per vendor, never reused elsewhere).
The vendor's signed acknowledgement comes back in the answer and is read by
:func:`wallet.consents.acks.ingest_acknowledgements`.

A consent is ``active`` until it expires or is revoked; from then on it is never disclosed or
updated again (undelivered disclosures and updates are cancelled in the same transaction) and the
vendor is sent a signed notice asking it to delete the data. Revoking works offline: the notice
waits in the outbox.
"""

from __future__ import annotations

import builtins
import dataclasses
import json
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.consents import store
from wallet.consents.purposes import PURPOSES
from wallet.consents.receipts import ReceiptInput, build_receipt, dpv_record
from wallet.consents.store import ConsentEvent, ConsentRow, ConsentStatus
from wallet.crypto.signing import SigningKey
from wallet.errors import InvalidInput, NotFound
from wallet.files import atomic_write_bytes
from wallet.offers import store as offer_store
from wallet.outbox import OutboxMessage, enqueue
from wallet.outbox import store as outbox_store
from wallet.personal_data import FieldSnapshot
from wallet.personal_data import store as field_store
from wallet.storage.connection import Connection
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store
from wallet.vendors.store import VendorRow
from wallet.wire.consent import ConsentNotice, ConsentNoticeType, ConsentReceipt, Disclosure
from wallet.wire.consent_signing import (
    read_receipt_unverified,
    sign_consent_notice,
    sign_receipt,
    signed_disclosure_bytes,
)
from wallet.wire.models import Offer, RequesterKey, SignedOffer
from wallet.wire.signing import wire_bytes
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


def _now() -> int:
    return int(time.time())


def _iso(epoch: int) -> str:
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


class ConsentBook:
    """The consents of one unlocked vault (same thread rules as the vault)."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # ------------------------------------------------------------------ planning

    def _vendor(self, connection: Connection, vendor_id: str) -> VendorRow:
        vendor = vendor_store.get(connection, vendor_id)
        if vendor is None:
            raise NotFound(f"There is no vendor {vendor_id!r}; `vendor list` shows them.")
        return vendor

    def _offer(self, connection: Connection, offer_id: str) -> tuple[Offer, str, str]:
        row = offer_store.get_offer(connection, offer_id)
        if row is None:
            raise NotFound(f"There is no offer {offer_id!r}; `offers list ID` shows them.")
        return SignedOffer.model_validate_json(row.signed).offer, row.vendor_id, row.status

    def plan_from_offer(self, offer_id: str) -> GrantPlan:
        """Fields pre-selected from what the accepted offer asks for; purposes suggested."""
        connection = self._vault.reader
        offer, vendor_id, status = self._offer(connection, offer_id)
        if status != "chosen":
            raise InvalidInput(
                "Consent is given to the vendor of an accepted offer; accept this offer first "
                "(`offers accept OFFER_ID`) or grant directly to the vendor."
            )
        vendor = self._vendor(connection, vendor_id)
        planned = []
        for wish in offer.dataRequested:
            snapshot = field_store.get(connection, wish.field)
            planned.append(
                PlannedField(
                    key=wish.field,
                    label=snapshot.label if snapshot else wish.field,
                    category_label=snapshot.category_label if snapshot else "",
                    present=snapshot is not None,
                    required=wish.required,
                    selected=snapshot is not None,
                    reason=wish.purpose or "",
                )
            )
        purposes = (2, 3) if offer.delivery.method == "delivery" else (2,)
        return GrantPlan(
            vendor_id=vendor.id,
            vendor_name=vendor.name,
            offer_id=offer.id,
            item_name=offer.itemOffered.name,
            fields=tuple(planned) + self._other_fields(connection, {f.key for f in planned}),
            purposes=purposes,
            days=DEFAULT_DAYS,
            problem=self._vendor_problem(vendor),
        )

    def plan_for_vendor(self, vendor_id: str) -> GrantPlan:
        """Every field of the vault, none selected: the consumer picks."""
        connection = self._vault.reader
        vendor = self._vendor(connection, vendor_id)
        return GrantPlan(
            vendor_id=vendor.id,
            vendor_name=vendor.name,
            offer_id=None,
            item_name=None,
            fields=self._other_fields(connection, set()),
            purposes=(2,),
            days=DEFAULT_DAYS,
            problem=self._vendor_problem(vendor),
        )

    def _other_fields(self, connection: Connection, skip: set[str]) -> tuple[PlannedField, ...]:
        return tuple(
            PlannedField(
                key=snapshot.key,
                label=snapshot.label,
                category_label=snapshot.category_label,
                present=True,
                required=False,
                selected=False,
            )
            for snapshot in field_store.page(connection, offset=0, limit=1000)
            if snapshot.key not in skip
        )

    def _vendor_problem(self, vendor: VendorRow) -> str:
        if vendor.status != "active":
            return f"The vendor is disabled ({vendor.status_reason or 'no reason given'})."
        if not vendor.inbox_url("consents"):
            return (
                "This vendor publishes no address for disclosures (inbox.consents in its "
                "metadata), so it cannot receive data under a consent."
            )
        return ""

    def summary(self, request: GrantRequest, *, now: int | None = None) -> str:
        """The plain-language summary of ``request`` (checked as :meth:`grant` would)."""
        connection = self._vault.reader
        vendor, snapshots, _ = self._checked(connection, request)
        granted_at = now or _now()
        return summary_text(
            vendor_name=vendor.name,
            labels=[snapshot.label for snapshot in snapshots],
            purposes=request.purposes,
            expires_at=granted_at + request.days * DAY_SECONDS,
        )

    def _checked(
        self,
        connection: Connection,
        request: GrantRequest,
        vendors: dict[str, VendorRow] | None = None,
    ) -> tuple[VendorRow, list[FieldSnapshot], Offer | None]:
        """Refuse a request that cannot be granted, saying why; ``vendors`` caches rows."""
        vendor = (vendors or {}).get(request.vendor_id) or self._vendor(
            connection, request.vendor_id
        )
        if vendors is not None:
            vendors[vendor.id] = vendor
        problem = self._vendor_problem(vendor)
        if problem:
            raise InvalidInput(problem)
        if not request.field_keys:
            raise InvalidInput("Choose at least one field to share.")
        if len(set(request.field_keys)) != len(request.field_keys):
            raise InvalidInput("Each field can be chosen once.")
        snapshots = []
        for key in request.field_keys:
            snapshot = field_store.get(connection, key)
            if snapshot is None:
                raise NotFound(f"There is no field {key!r} in your vault; add it first.")
            snapshots.append(snapshot)
        if not request.purposes:
            raise InvalidInput("Choose at least one purpose.")
        for number in request.purposes:
            if number not in PURPOSES:
                raise InvalidInput(f"A purpose category is a number from 1 to 16, not {number}.")
        if len(set(request.purposes)) != len(request.purposes):
            raise InvalidInput("Each purpose can be chosen once.")
        if not 1 <= request.days <= MAX_DAYS:
            raise InvalidInput(f"A consent lasts from 1 to {MAX_DAYS} days.")
        offer = None
        if request.offer_id is not None:
            offer, offer_vendor, status = self._offer(connection, request.offer_id)
            if offer_vendor != vendor.id:
                raise InvalidInput("That offer is from another vendor.")
            if status != "chosen":
                raise InvalidInput("Consent is given for an accepted offer; accept it first.")
            missing = [w.field for w in offer.dataRequested if w.required]
            missing = [key for key in missing if key not in request.field_keys]
            if missing:
                raise InvalidInput(
                    f"The offer needs {', '.join(missing)} to be fulfilled; include "
                    f"{'it' if len(missing) == 1 else 'them'}, or grant without the offer."
                )
        return vendor, snapshots, offer

    # ------------------------------------------------------------------ granting

    def _pairwise_key(self, connection: Connection, vendor_id: str) -> SigningKey:
        purpose = KEY_PURPOSE_PREFIX + vendor_id
        existing = self._vault.latest_signing_key(purpose)
        return existing or self._vault.new_signing_key(connection, purpose=purpose)

    def grant(self, request: GrantRequest, *, now: int | None = None) -> ConsentRecord:
        """Give ``request.vendor_id`` the chosen fields: sign the receipt and queue the
        disclosure (exactly those fields) in one transaction. Returns the new consent."""
        return self.grant_many([request], now=now)[0]

    def grant_many(
        self, requests: Sequence[GrantRequest], *, now: int | None = None
    ) -> builtins.list[ConsentRecord]:
        """:meth:`grant` for several requests (e.g. one scope to several vendors) in ONE
        transaction: all are granted or, if one is refused, none is."""
        self.expire_due()
        granted_at = now or _now()
        keys: dict[str, SigningKey] = {}
        vendors: dict[str, VendorRow] = {}
        granted: builtins.list[tuple[str, ConsentReceipt]] = []
        with self._vault.write() as connection:
            for request in requests:
                vendor, snapshots, offer = self._checked(connection, request, vendors)
                if vendor.id not in keys:
                    keys[vendor.id] = self._pairwise_key(connection, vendor.id)
                granted.append(
                    self._grant_one(
                        connection, request, vendor, snapshots, offer, keys[vendor.id], granted_at
                    )
                )
            stored = [
                (store.get(connection, consent_id), receipt) for consent_id, receipt in granted
            ]
        names = {vendor.id: vendor.name for vendor in vendors.values()}
        return [
            ConsentRecord(row, receipt, names[row.vendor_id])
            for row, receipt in stored
            if row is not None
        ]

    def _grant_one(
        self,
        connection: Connection,
        request: GrantRequest,
        vendor: VendorRow,
        snapshots: Sequence[FieldSnapshot],
        offer: Offer | None,
        key: SigningKey,
        granted_at: int,
    ) -> tuple[str, ConsentReceipt]:
        """Build, sign and store one consent and queue its disclosure (caller's transaction);
        returns its id and receipt."""
        consent_id = str(uuid.uuid4())
        expires_at = granted_at + request.days * DAY_SECONDS
        receipt = build_receipt(
            ReceiptInput(
                consent_id=consent_id,
                vendor=vendor,
                fields=snapshots,
                purposes=request.purposes,
                granted_at=granted_at,
                expires_at=expires_at,
                principal_key=key.verifying_key,
                service=offer.itemOffered.name if offer else f"Relationship with {vendor.name}",
                offer_id=request.offer_id,
                terms_sha256=offer.acceptsTerms.sha256 if offer and offer.acceptsTerms else None,
                third_party_name=request.third_party_name,
            )
        )
        token, _ = sign_receipt(receipt, key)
        summary = summary_text(
            vendor_name=vendor.name,
            labels=[snapshot.label for snapshot in snapshots],
            purposes=request.purposes,
            expires_at=expires_at,
        )
        store.insert(
            connection,
            consent_id=consent_id,
            vendor_id=vendor.id,
            offer_id=request.offer_id,
            kid=key.kid,
            granted_at=granted_at,
            expires_at=expires_at,
            purposes=request.purposes,
            summary=summary,
            receipt_jws=token,
            field_keys=request.field_keys,
        )
        values = {snapshot.key: snapshot.value or "" for snapshot in snapshots}
        self._queue_disclosure(
            connection, vendor, key, consent_id, token, values, KIND_DISCLOSURE, granted_at
        )
        store.add_event(
            connection,
            consent_id,
            at=granted_at,
            type="granted",
            field_names=request.field_keys,
            detail=summary,
        )
        self._vault.record(
            connection,
            ActivityEvent(
                activity.CONSENT_GRANTED,
                party=vendor.id,
                field_names=request.field_keys,
                reason="purposes " + ", ".join(str(n) for n in request.purposes),
            ),
        )
        return consent_id, receipt

    def _queue_disclosure(
        self,
        connection: Connection,
        vendor: VendorRow,
        key: SigningKey,
        consent_id: str,
        receipt_jws: str,
        values: dict[str, str],
        kind: str,
        at: int,
    ) -> None:
        disclosure = Disclosure(
            type="Disclosure" if kind == KIND_DISCLOSURE else "DisclosureUpdate",
            id=uuid.uuid4().urn,
            consentReceiptID=consent_id,
            issued=_iso(at),
            receipt=receipt_jws,
            data=values,
        )
        enqueue(
            connection,
            [
                OutboxMessage(
                    kind=kind,
                    vendor_id=vendor.id,
                    url=vendor.inbox_url("consents"),
                    body=signed_disclosure_bytes(disclosure, key),
                    signing_kid=key.kid,
                    subject=consent_id,
                )
            ],
        )

    # ------------------------------------------------------------------ reading

    def _record(self, row: ConsentRow, names: dict[str, str]) -> ConsentRecord:
        return ConsentRecord(
            row, read_receipt_unverified(row.receipt_jws), names.get(row.vendor_id, row.vendor_id)
        )

    def _vendor_names(self) -> dict[str, str]:
        return store.vendor_names(self._vault.reader)

    def list(
        self, *, status: ConsentStatus | None = None, vendor_id: str | None = None
    ) -> builtins.list[ConsentRecord]:
        self.expire_due()
        names = self._vendor_names()
        rows = store.all_consents(self._vault.reader, vendor_id=vendor_id, status=status)
        return [self._record(row, names) for row in rows]

    def get(self, consent_id: str) -> ConsentRecord:
        self.expire_due()
        return self._record(self._row(self._vault.reader, consent_id), self._vendor_names())

    @staticmethod
    def _row(connection: Connection, consent_id: str) -> ConsentRow:
        row = store.get(connection, consent_id)
        if row is None:
            raise NotFound(f"There is no consent {consent_id!r}; `consent list` shows them.")
        return row

    def history(self, consent_id: str) -> builtins.list[ConsentEvent]:
        self._row(self._vault.reader, consent_id)
        return store.events(self._vault.reader, consent_id)

    def deliveries(self, consent_id: str) -> builtins.list[outbox_store.OutboxRow]:
        """The outbox messages about this consent (disclosure, updates, notices)."""
        return outbox_store.rows(self._vault.reader, subject=consent_id)

    # ------------------------------------------------------------------ ending

    def _end(
        self,
        connection: Connection,
        row: ConsentRow,
        *,
        status: ConsentStatus,
        notice_type: ConsentNoticeType,
        at: int,
    ) -> NoticeOutcome:
        """End an active consent inside a write transaction: stop its pending disclosures and
        updates, and queue the signed notice for the vendor (if the data may have reached it)."""
        store.end(connection, row.id, status, at)
        # Sent, being sent, or tried (an answer may have been lost): the vendor may hold the data.
        reached = any(
            item.kind == KIND_DISCLOSURE
            and (item.attempts > 0 or item.status in ("delivering", "delivered"))
            for item in outbox_store.rows(connection, subject=row.id)
        )
        reason = "the consent was revoked" if status == "revoked" else "the consent expired"
        for kind in (KIND_DISCLOSURE, KIND_UPDATE):
            outbox_store.cancel_for_subject(connection, row.id, kind, reason)
        if not reached:
            why = "the data never left the vault, so there is nothing to delete"
            store.add_event(connection, row.id, at=at, type=status, detail=why)
            return NoticeOutcome(row.id, row.vendor_id, False, why)
        vendor = vendor_store.get(connection, row.vendor_id)
        url = "" if vendor is None else vendor.inbox_url("revocations")
        if vendor is None or not url:
            why = (
                "the vendor is no longer in your directory"
                if vendor is None
                else "the vendor lists no revocations address"
            )
            store.add_event(connection, row.id, at=at, type=status, detail=f"not told: {why}")
            return NoticeOutcome(row.id, row.vendor_id, False, why)
        key = self._vault.signing_key(row.kid)
        notice = ConsentNotice(
            type=notice_type,
            id=uuid.uuid4().urn,
            consentReceiptID=row.id,
            issued=_iso(at),
            principal=RequesterKey.model_validate(
                {"publicKey": key.verifying_key.jwk, "kid": key.kid}
            ),
        )
        kind = KIND_REVOCATION if status == "revoked" else KIND_EXPIRY
        enqueue(
            connection,
            [
                OutboxMessage(
                    kind=kind,
                    vendor_id=row.vendor_id,
                    url=url,
                    body=wire_bytes(sign_consent_notice(notice, key)),
                    signing_kid=key.kid,
                    subject=row.id,
                )
            ],
        )
        store.add_event(connection, row.id, at=at, type=status, detail="vendor notice queued")
        return NoticeOutcome(row.id, row.vendor_id, True)

    def revoke(self, consent_id: str, *, now: int | None = None) -> NoticeOutcome:
        """Revoke an active consent; the signed revocation waits in the outbox if offline."""
        self.expire_due()
        at = now or _now()
        with self._vault.write() as connection:
            row = self._row(connection, consent_id)
            if row.status != "active":
                raise InvalidInput(
                    f"This consent is already {row.status}; only an active consent can be revoked."
                )
            outcome = self._end(
                connection, row, status="revoked", notice_type="ConsentRevoked", at=at
            )
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.CONSENT_REVOKED,
                    party=row.vendor_id,
                    field_names=row.field_keys,
                    reason="vendor notice queued" if outcome.queued else outcome.reason,
                ),
            )
        return outcome

    def expire_due(self, *, now: int | None = None) -> builtins.list[NoticeOutcome]:
        """Active consents past their expiry become ``expired``; their vendors are told."""
        at = now or _now()
        if not store.due_to_expire(self._vault.reader, at):
            return []
        outcomes = []
        with self._vault.write() as connection:
            for consent_id in store.due_to_expire(connection, at):
                row = self._row(connection, consent_id)
                outcome = self._end(
                    connection, row, status="expired", notice_type="ConsentExpired", at=at
                )
                self._vault.record(
                    connection,
                    ActivityEvent(
                        activity.CONSENT_EXPIRED,
                        party=row.vendor_id,
                        field_names=row.field_keys,
                    ),
                )
                outcomes.append(outcome)
        return outcomes

    # ------------------------------------------------------------------ updates

    def holders(self, field_key: str) -> builtins.list[Holder]:
        """Vendors holding ``field_key`` under an active consent (one entry per consent)."""
        self.expire_due()
        names = self._vendor_names()
        return [
            Holder(consent_id, vendor_id, names.get(vendor_id, vendor_id))
            for consent_id, vendor_id in store.active_holders(self._vault.reader, field_key)
        ]

    def propagate(
        self, field_key: str, consent_ids: Sequence[str] | None = None, *, now: int | None = None
    ) -> builtins.list[NoticeOutcome]:
        """Send the field's current value to the vendors holding it (all active holders, or
        those of ``consent_ids``); consents no longer active are skipped with a reason."""
        self.expire_due()
        at = now or _now()
        outcomes: builtins.list[NoticeOutcome] = []
        with self._vault.write() as connection:
            snapshot = field_store.get(connection, field_key)
            if snapshot is None:
                raise NotFound(f"There is no field {field_key!r}.")
            holding = dict(store.active_holders(connection, field_key))
            wanted = list(holding) if consent_ids is None else list(dict.fromkeys(consent_ids))
            for consent_id in wanted:
                row = self._row(connection, consent_id)
                if consent_id not in holding:
                    why = (
                        f"the consent is {row.status}"
                        if row.status != "active"
                        else "the field is outside this consent"
                    )
                    outcomes.append(NoticeOutcome(consent_id, row.vendor_id, False, why))
                    continue
                vendor = vendor_store.get(connection, row.vendor_id)
                if vendor is None or self._vendor_problem(vendor):
                    why = "the vendor is gone" if vendor is None else self._vendor_problem(vendor)
                    outcomes.append(NoticeOutcome(consent_id, row.vendor_id, False, why))
                    continue
                key = self._vault.signing_key(row.kid)
                self._queue_disclosure(
                    connection,
                    vendor,
                    key,
                    consent_id,
                    row.receipt_jws,
                    {field_key: snapshot.value or ""},
                    KIND_UPDATE,
                    at,
                )
                store.add_event(
                    connection, consent_id, at=at, type="update_queued", field_names=(field_key,)
                )
                self._vault.record(
                    connection,
                    ActivityEvent(
                        activity.CONSENT_UPDATE_SENT, party=vendor.id, field_names=(field_key,)
                    ),
                )
                outcomes.append(NoticeOutcome(consent_id, vendor.id, True))
        return outcomes

    # ------------------------------------------------------------------ overview

    def overview(self, *, now: int | None = None) -> Overview:
        """The vendors x fields matrix of active consents, with counts (a few indexed scans)."""
        at = now or _now()
        connection = self._vault.reader
        cells = {
            (vendor_id, key): (count, consent_id)
            for vendor_id, key, count, consent_id in store.holdings_matrix(connection)
        }
        names = self._vendor_names()
        vendor_ids = {vendor_id for vendor_id, _ in cells}
        vendors = sorted(
            ((vendor_id, names.get(vendor_id, vendor_id)) for vendor_id in vendor_ids),
            key=lambda item: (item[1].casefold(), item[0]),
        )
        keys = sorted({key for _, key in cells})
        counts = store.status_counts(connection, expiring_before=at + EXPIRING_SOON_SECONDS)
        pending = int(
            connection.execute(
                "SELECT count(*) FROM outbox WHERE status IN ('pending', 'delivering')"
            ).fetchone()[0]
        )
        open_offers = int(
            connection.execute(
                "SELECT count(*) FROM offers JOIN intentions "
                "ON intentions.id = offers.intention_id WHERE offers.status = 'received' "
                "AND intentions.status IN ('broadcast', 'offers_in')"
            ).fetchone()[0]
        )
        return Overview(tuple(vendors), tuple(keys), cells, counts, pending, open_offers)

    # ------------------------------------------------------------------ export

    def receipt_bytes(self, consent_id: str, *, format: str = "jws") -> bytes:
        """One receipt as the signed compact JWS, or as readable JSON with both signatures."""
        record = self.get(consent_id)
        if format == "jws":
            return record.row.receipt_jws.encode("ascii") + b"\n"
        if format == "json":
            return self._readable(record)
        if format == "dpv":
            return _pretty(self._dpv(record))
        raise InvalidInput("The receipt format is jws, json or dpv.")

    def _readable(self, record: ConsentRecord) -> bytes:
        row = record.row
        document = {
            "receipt": record.receipt.wire(),
            "status": row.status,
            "signatures": {
                "consumer": row.receipt_jws,
                "vendor": row.countersignature,
            },
            "termination": json.loads(row.termination) if row.termination else None,
        }
        return _pretty(document)

    def _dpv(self, record: ConsentRecord) -> dict[str, object]:
        return dpv_record(
            record.receipt,
            status=record.status,
            ended_at=record.row.ended_at,
            vendor_name=record.vendor_name,
            acknowledged_at=record.row.acknowledged_at,
        )

    def export_receipt(self, consent_id: str, target: Path, *, format: str = "jws") -> Path:
        data = self.receipt_bytes(consent_id, format=format)
        atomic_write_bytes(target, data)
        record = self.get(consent_id)
        self._log_export(record.row.vendor_id, f"receipt as {format}")
        return target

    def export_all(self, directory: Path) -> builtins.list[Path]:
        """Every consent's receipt as ``<id>.jws``, ``<id>.json`` and ``<id>.dpv.json``."""
        directory.mkdir(parents=True, exist_ok=True)
        written = []
        for record in self.list():
            for suffix, form in ((".jws", "jws"), (".json", "json"), (".dpv.json", "dpv")):
                target = directory / f"{record.id}{suffix}"
                atomic_write_bytes(target, self.receipt_bytes(record.id, format=form))
                written.append(target)
        self._log_export("you", f"{len(written) // 3} consent(s) exported")
        return written

    def _log_export(self, party: str, reason: str) -> None:
        with self._vault.write() as connection:
            self._vault.record(
                connection, ActivityEvent(activity.CONSENT_EXPORTED, party=party, reason=reason)
            )

    # ------------------------------------------------------------------ tables

    def row_ids(self, *, status: ConsentStatus | None = None) -> builtins.list[int]:
        """Row ids of the consents, newest first (for a windowed table; see
        :meth:`rows_by_row_ids`)."""
        return store.ordered_row_ids(self._vault.reader, status=status)

    def rows_by_row_ids(self, row_ids: Sequence[int]) -> dict[int, ConsentRow]:
        return store.rows_by_row_ids(self._vault.reader, row_ids)

    def row_id_of(self, consent_id: str) -> int | None:
        """The row id of a consent (to bring it into view in a windowed table)."""
        return store.row_id_of(self._vault.reader, consent_id)

    def vendor_names(self) -> dict[str, str]:
        """Directory vendors' names by id (rows carry only the vendor id)."""
        return self._vendor_names()

    def rows(self, *, status: ConsentStatus | None = None) -> builtins.list[ConsentRow]:
        """The consents as stored, newest first, like :meth:`list` but without reading every
        receipt (the desktop's table: 50 000 consents list in seconds, not half a minute)."""
        self.expire_due()
        return store.all_consents(self._vault.reader, status=status)


def _pretty(document: object) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
