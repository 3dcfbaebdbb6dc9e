"""The consumer's intentions: create (signed by a fresh key), broadcast, withdraw, expire, export.

Every intention gets its own Ed25519 key (``purpose="intention"``), so vendors cannot link two
intentions by their keys, and carries only what the :class:`IntentionDraft` says (DESIGN §6).
Broadcasting writes the status change and one outbox row per target vendor in ONE transaction
(the transactional outbox); delivering them is :func:`wallet.delivery.cycle.deliver_pending`'s
job (or the desktop's worker). Open intentions whose ``validThrough`` has passed become
``expired`` whenever intentions are read.
"""

from __future__ import annotations

import builtins
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.crypto.sealing import generate_sealing_key
from wallet.errors import InvalidInput, NotFound
from wallet.files import atomic_write_bytes
from wallet.intents import store
from wallet.intents.models import IntentionDraft, IntentionRecord
from wallet.intents.status import is_open, status_text
from wallet.intents.store import IntentionRow
from wallet.loyalty.book import LoyaltyBook
from wallet.outbox import OutboxMessage, enqueue
from wallet.outbox import store as outbox_store
from wallet.storage import keys
from wallet.storage.connection import Connection
from wallet.terms.book import TermsBook
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store
from wallet.vendors.store import VendorRow
from wallet.wire.models import (
    DeliveryWish,
    Intention,
    ItemSpec,
    PriceLimit,
    Quantity,
    RequesterKey,
    SealingJwk,
    SignedIntention,
)
from wallet.wire.notices import CounterAcceptance, IntentionNotice, NoticeType, sign_notice
from wallet.wire.signing import sign_intention, wire_bytes
from wallet.wire.terms import PublicJwk, TermsRequirement, utc_timestamp

KEY_PURPOSE = "intention"
KIND_INTENTION = "intention"
KIND_WITHDRAWAL = "withdrawal"
KIND_DECISION = "decision"


@dataclass(frozen=True, slots=True)
class BroadcastPlan:
    """What :meth:`IntentionBook.broadcast` queued: one outbox row per vendor."""

    intention_id: str
    vendor_ids: tuple[str, ...]
    outbox_ids: tuple[int, ...]
    already_sent: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NoticePlan:
    """Vendors a notice was queued for, and those that could not be told (with why)."""

    told: tuple[str, ...] = ()
    not_told: tuple[tuple[str, str], ...] = ()
    cancelled: int = 0


@dataclass(frozen=True, slots=True)
class _Notices:
    messages: list[OutboxMessage] = field(default_factory=list)
    not_told: list[tuple[str, str]] = field(default_factory=list)


def _now() -> datetime:
    return datetime.now(UTC)


def record_of(row: IntentionRow) -> IntentionRecord:
    return IntentionRecord(
        id=row.id,
        status=row.status,
        signed=SignedIntention.model_validate_json(row.signed),
        kid=row.kid,
        created=row.created,
        updated=row.updated,
        broadcast_at=row.broadcast_at,
        chosen_offer_id=row.chosen_offer_id,
    )


def vendor_serves(vendor: VendorRow, category: str) -> bool:
    """A vendor that lists no categories is asked about everything."""
    if not vendor.categories:
        return True
    wanted = category.casefold()
    return any(item.casefold() == wanted for item in vendor.categories)


def notice_messages(
    vault: Vault,
    connection: Connection,
    row: IntentionRow,
    decisions: Sequence[tuple[str, NoticeType, str | None]],
    *,
    endpoint: str,
    kind: str,
    terms_acceptance: CounterAcceptance | None = None,
) -> _Notices:
    """Signed notices (vendor id, type, offer id) for vendors that list ``inbox[endpoint]``
    (``terms_acceptance``: what a ``TermsAccepted`` notice carries)."""
    key = vault.signing_key(row.kid)
    intention = SignedIntention.model_validate_json(row.signed).intention
    result = _Notices()
    issued = utc_timestamp(_now())
    for vendor_id, notice_type, offer_id in decisions:
        vendor = vendor_store.get(connection, vendor_id)
        url = "" if vendor is None else vendor.inbox_url(endpoint)
        if vendor is None:
            result.not_told.append((vendor_id, "the vendor is no longer in your directory"))
            continue
        if not url:
            result.not_told.append((vendor_id, f"the vendor lists no {endpoint} address"))
            continue
        notice = IntentionNotice(
            type=notice_type,
            intention=row.id,
            offer=offer_id,
            issued=issued,
            requester=intention.requester,
            **({"termsAcceptance": terms_acceptance} if terms_acceptance else {}),
        )
        result.messages.append(
            OutboxMessage(
                kind=kind,
                vendor_id=vendor_id,
                url=url,
                body=wire_bytes(sign_notice(notice, key)),
                signing_kid=row.kid,
                subject=row.id,
            )
        )
    return result


class IntentionBook:
    """The intentions of one unlocked vault (same thread rules as the vault)."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # ------------------------------------------------------------------ reading

    def list(self) -> builtins.list[IntentionRecord]:
        self.expire_due()
        return [record_of(row) for row in store.all_intentions(self._vault.reader)]

    def get(self, intention_id: str) -> IntentionRecord:
        self.expire_due()
        return record_of(self._row(self._vault.reader, intention_id))

    @staticmethod
    def _row(connection: Connection, intention_id: str) -> IntentionRow:
        row = store.get(connection, intention_id)
        if row is None:
            raise NotFound(
                f"There is no intention {intention_id!r}.",
                cli_hint="`intent list` shows your intentions.",
            )
        return row

    def expire_due(self, *, now: datetime | None = None) -> builtins.list[str]:
        """Open intentions past their ``validThrough`` become ``expired``; returns their ids."""
        moment = now or _now()
        stamp = utc_timestamp(moment)
        if not store.due_to_expire(self._vault.reader, stamp):
            return []
        expired = []
        with self._vault.write() as connection:
            for intention_id in store.due_to_expire(connection, stamp):
                store.set_status(connection, intention_id, "expired", moment)
                outbox_store.cancel_for_subject(
                    connection, intention_id, KIND_INTENTION, "the intention expired"
                )
                self._vault.record(connection, ActivityEvent(activity.INTENTION_EXPIRED))
                expired.append(intention_id)
            self._vault.note_changed(Part.INTENTIONS, Part.OUTBOX)
        return expired

    # ------------------------------------------------------------------ creating

    def _terms(self, draft: IntentionDraft) -> TermsRequirement | None:
        if not draft.use_terms:
            return None
        latest = TermsBook(self._vault).latest()
        if latest is None:
            raise InvalidInput(
                "You asked to attach your terms, but you have not saved any terms yet. Compose "
                "and save them first (the My terms page), or leave them out.",
                cli_hint="`terms compose` composes them.",
            )
        return latest.requirement()  # the document travels with its hash (IEEE 7012)

    def create(self, draft: IntentionDraft) -> IntentionRecord:
        """Sign a new intention with a fresh key and keep it as a ``draft``."""
        terms = self._terms(draft)
        proposal = None
        if draft.loyalty_proposal_id is not None:
            proposal = LoyaltyBook(self._vault).proposal(draft.loyalty_proposal_id).terms
        now = _now()
        issued = now.replace(microsecond=0)
        with self._vault.write() as connection:
            key = self._vault.new_signing_key(connection, purpose=KEY_PURPOSE)
            sealing = generate_sealing_key()  # offers over the relay are sealed to it
            keys.add_sealing(
                connection,
                kid=sealing.kid,
                private=sealing.private,
                intention_kid=key.kid,
                created=now,
            )
            intention = Intention(
                id=uuid.uuid4().urn,
                issued=utc_timestamp(issued),
                validThrough=utc_timestamp(issued + timedelta(days=draft.valid_days)),
                itemOffered=ItemSpec(
                    name=draft.item_name,
                    category=draft.category,
                    description=draft.description,
                    specs=draft.specs,
                ),
                eligibleQuantity=Quantity(value=draft.quantity),
                priceSpecification=PriceLimit(
                    maxPrice=draft.max_price, priceCurrency=draft.currency
                ),
                delivery=DeliveryWish(
                    method=draft.delivery_method,
                    region=draft.region,
                    postalPrefix=draft.postal_prefix,
                    deliverBy=draft.deliver_by,
                ),
                openToAlternatives=draft.open_to_alternatives,
                terms=terms,
                loyaltyProposal=proposal,
                requester=RequesterKey(
                    publicKey=PublicJwk.model_validate(key.verifying_key.jwk), kid=key.kid
                ),
                sealingKey=SealingJwk.model_validate(sealing.jwk),
            )
            signed = sign_intention(intention, key)
            store.insert(
                connection,
                intention_id=intention.id,
                kid=key.kid,
                item_name=draft.item_name,
                category=draft.category,
                signed=wire_bytes(signed).decode("utf-8"),
                valid_through=intention.validThrough,
                now=now,
            )
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.INTENTION_CREATED,
                    field_names=("terms",) * (terms is not None)
                    + ("loyaltyProposal",) * (proposal is not None),
                ),
            )
            row = self._row(connection, intention.id)
            self._vault.note_changed(Part.INTENTIONS)
        return record_of(row)

    # ------------------------------------------------------------------ broadcasting

    def targets(
        self, intention_id: str, vendor_ids: Sequence[str] | None = None
    ) -> builtins.list[str]:
        """The vendors :meth:`broadcast` would send to (active; by category unless named)."""
        row = self._row(self._vault.reader, intention_id)
        return [v.id for v in self._targets(self._vault.reader, row, vendor_ids)]

    @staticmethod
    def _targets(
        connection: Connection, row: IntentionRow, vendor_ids: Sequence[str] | None
    ) -> builtins.list[VendorRow]:
        vendors = vendor_store.all_vendors(connection)
        if vendor_ids is None:
            return [v for v in vendors if v.status == "active" and vendor_serves(v, row.category)]
        by_id = {vendor.id: vendor for vendor in vendors}
        chosen = []
        for vendor_id in dict.fromkeys(vendor_ids):
            vendor = by_id.get(vendor_id)
            if vendor is None:
                raise NotFound(f"There is no vendor {vendor_id!r} in your directory.")
            if vendor.status != "active":
                raise InvalidInput(
                    f"Vendor {vendor_id!r} is disabled ({vendor.status_reason or 'no reason'})."
                )
            chosen.append(vendor)
        return chosen

    def broadcast(
        self, intention_id: str, vendor_ids: Sequence[str] | None = None
    ) -> BroadcastPlan:
        """Mark the intention broadcast and queue it for each target vendor, in one transaction.

        Vendors it was already queued for are skipped, so broadcasting again reaches only
        vendors added since. Run the delivery worker afterwards to send.
        """
        self.expire_due()
        now = _now()
        with self._vault.write() as connection:
            row = self._row(connection, intention_id)
            if not is_open(row.status):
                raise InvalidInput(
                    f"This intention is {status_text(row.status)}; only a draft or an "
                    "intention still collecting offers can be broadcast."
                )
            sent = {
                item.vendor_id
                for item in outbox_store.rows(connection, subject=intention_id)
                if item.kind == KIND_INTENTION
            }
            targets = self._targets(connection, row, vendor_ids)
            fresh = [vendor for vendor in targets if vendor.id not in sent]
            if not targets:
                raise InvalidInput(
                    f"No active vendor in your directory deals in {row.category!r}.",
                    cli_hint="add one with `vendor add URL` (or name vendors).",
                )
            body = row.signed.encode("utf-8")
            ids = enqueue(
                connection,
                [
                    OutboxMessage(
                        kind=KIND_INTENTION,
                        vendor_id=vendor.id,
                        url=vendor.intentions_url,
                        body=body,
                        signing_kid=row.kid,
                        subject=intention_id,
                    )
                    for vendor in fresh
                ],
            )
            store.set_status(
                connection, intention_id, "broadcast", now, only_from=("draft",), broadcast=True
            )
            self._vault.note_changed(Part.INTENTIONS, Part.OUTBOX)
            if fresh:
                self._vault.record(
                    connection,
                    ActivityEvent(
                        activity.INTENTION_BROADCAST,
                        reason=f"queued for {len(fresh)} vendor(s)",
                    ),
                )
        return BroadcastPlan(
            intention_id,
            tuple(vendor.id for vendor in fresh),
            tuple(ids),
            tuple(vendor.id for vendor in targets if vendor.id in sent),
        )

    # ------------------------------------------------------------------ withdrawing

    def withdraw(self, intention_id: str) -> NoticePlan:
        """Withdraw an open intention: undelivered copies are cancelled, vendors that got it are
        sent a signed withdrawal notice (through the outbox)."""
        self.expire_due()
        now = _now()
        with self._vault.write() as connection:
            row = self._row(connection, intention_id)
            if not is_open(row.status):
                raise InvalidInput(
                    f"This intention is already {status_text(row.status)}; "
                    "only an open intention can be withdrawn."
                )
            cancelled = outbox_store.cancel_for_subject(
                connection, intention_id, KIND_INTENTION, "the intention was withdrawn"
            )
            reached = sorted(
                {
                    item.vendor_id
                    for item in outbox_store.rows(connection, subject=intention_id)
                    if item.kind == KIND_INTENTION and item.status == "delivered"
                }
            )
            notices = notice_messages(
                self._vault,
                connection,
                row,
                [(vendor_id, "IntentionWithdrawn", None) for vendor_id in reached],
                endpoint="withdrawals",
                kind=KIND_WITHDRAWAL,
            )
            enqueue(connection, notices.messages)
            store.set_status(connection, intention_id, "withdrawn", now)
            self._vault.note_changed(Part.INTENTIONS, Part.OUTBOX)
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.INTENTION_WITHDRAWN,
                    reason=f"{len(notices.messages)} vendor(s) to tell",
                ),
            )
        return NoticePlan(
            tuple(message.vendor_id for message in notices.messages),
            tuple(notices.not_told),
            cancelled,
        )

    # ------------------------------------------------------------------ export

    def export(self, intention_id: str, path: Path, *, force: bool = False) -> Path:
        """Write the signed intention as JSON (atomic, readable only by you)."""
        record = self.get(intention_id)
        if path.exists() and not force:
            raise InvalidInput(f"{path} already exists; choose another name or replace it.")
        data: dict[str, Any] = record.signed.wire()
        atomic_write_bytes(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())
        with self._vault.write() as connection:
            self._vault.record(connection, ActivityEvent(activity.INTENTION_EXPORTED))
        return path
