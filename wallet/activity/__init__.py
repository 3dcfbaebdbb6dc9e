"""The activity log: what happened, when, with whom, and to which fields — never the values.

Entries form a hash chain: each stores the previous entry's hash and its own hash over its content
and that link, starting from a genesis hash bound to the vault id. A separate head record (count
and last hash, written in the same transaction as each entry) lets verification notice entries
removed from the end as well as edits, deletions and reorderings in the middle.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

Result = Literal["completed", "not completed"]
COMPLETED: Result = "completed"
NOT_COMPLETED: Result = "not completed"
SELF_PARTY = "you"

# Event types of the foundation; later features add their own.
VAULT_CREATED = "vault.created"
VAULT_UNLOCKED = "vault.unlocked"
VAULT_UNLOCK_FAILED = "vault.unlock_failed"
VAULT_LOCKED = "vault.locked"
PASSPHRASE_CHANGED = "vault.passphrase_changed"
PASSPHRASE_RESET = "vault.passphrase_reset"
KEYRING_ENABLED = "vault.keyring_enabled"
KEYRING_DISABLED = "vault.keyring_disabled"
BACKUP_CREATED = "vault.backup_created"
VAULT_RESTORED = "vault.restored"
SETTINGS_CHANGED = "settings.changed"
FIELD_CREATED = "data.created"
FIELD_UPDATED = "data.updated"
FIELD_DELETED = "data.deleted"
FIELD_REVEALED = "data.revealed"
FIELD_COPIED = "data.copied"
FIELDS_IMPORTED = "data.imported"
DATA_EXPORTED = "data.exported"
LOG_VERIFIED = "log.verified"
LOG_EXPORTED = "log.exported"
# Loyalty (wallet/loyalty/): names of the changed fields only, never numbers or balances.
LOYALTY_ADDED = "loyalty.added"
LOYALTY_UPDATED = "loyalty.updated"
LOYALTY_DELETED = "loyalty.deleted"
LOYALTY_IMPORTED = "loyalty.imported"
LOYALTY_EXPORTED = "loyalty.exported"
PROPOSAL_SAVED = "loyalty.proposal_saved"
PROPOSAL_DELETED = "loyalty.proposal_deleted"
PURCHASE_RECORDED = "loyalty.purchase_recorded"
# The consumer's terms (wallet/terms/).
TERMS_SAVED = "terms.saved"
TERMS_EXPORTED = "terms.exported"
AGREEMENT_STORED = "terms.agreement_stored"
AGREEMENT_REFUSED = "terms.agreement_refused"
# The vendor directory (wallet/vendors/): party = the vendor's id; never keys' private parts.
VENDOR_ADDED = "vendor.added"
VENDOR_UPDATED = "vendor.updated"
VENDOR_KEY_CHANGE_REFUSED = "vendor.key_change_refused"
VENDOR_KEY_CHANGE_APPROVED = "vendor.key_change_approved"
VENDOR_DISABLED = "vendor.disabled"
VENDOR_REMOVED = "vendor.removed"
VENDORS_IMPORTED = "vendor.imported"
VENDORS_EXPORTED = "vendor.exported"
# Webhook delivery (wallet/outbox/): final outcomes only, party = the vendor's id, reason = kind.
# Deliveries are logged once per worker cycle (DELIVERY_BATCH: counts per kind, no bodies);
# DELIVERY_DELIVERED is what older logs hold (one entry per delivered row).
DELIVERY_BATCH = "delivery.batch"
DELIVERY_DELIVERED = "delivery.delivered"
DELIVERY_FAILED = "delivery.failed"
DELIVERY_DISABLED = "delivery.disabled"
# Intentions and offers (wallet/intents/, wallet/offers/): party = the vendor's id where one is
# involved; reason = a status or a rejection code, never item text or prices.
INTENTION_CREATED = "intention.created"
INTENTION_BROADCAST = "intention.broadcast"
INTENTION_WITHDRAWN = "intention.withdrawn"
INTENTION_EXPIRED = "intention.expired"
INTENTION_EXPORTED = "intention.exported"
OFFERS_RECEIVED = "offer.received"
OFFER_REJECTED = "offer.rejected"
OFFER_ACCEPTED = "offer.accepted"
FUNNEL_WEIGHTS_CHANGED = "offer.weights_changed"
# Consents (wallet/consents/): party = the vendor's id, field_names = the keys in scope or sent,
# reason = purposes, counts or a refusal; never a value.
CONSENT_GRANTED = "consent.granted"
CONSENT_ACKNOWLEDGED = "consent.acknowledged"
CONSENT_ACK_REFUSED = "consent.ack_refused"
CONSENT_UPDATE_SENT = "consent.update_sent"
CONSENT_REVOKED = "consent.revoked"
CONSENT_EXPIRED = "consent.expired"
CONSENT_TERMINATED = "consent.terminated"
CONSENT_EXPORTED = "consent.exported"
DATA_REQUEST_CREATED = "consent.request_created"


@dataclass(frozen=True, slots=True)
class ActivityEvent:
    """Something to record. ``field_names`` are names only; a value must never be put here."""

    type: str
    result: Result = COMPLETED
    party: str = SELF_PARTY
    field_names: Sequence[str] = field(default_factory=tuple)
    reason: str = ""
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ActivityEntry:
    """A stored, chained log entry."""

    seq: int
    at: datetime
    type: str
    result: str
    party: str
    field_names: tuple[str, ...]
    reason: str
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """Outcome of a chain check: ``first_bad_seq`` names the first entry that fails, if any, and
    ``finding`` what is wrong with it (the desktop shows the two apart)."""

    ok: bool
    checked: int
    first_bad_seq: int | None = None
    finding: str = ""

    @property
    def problem(self) -> str:
        """The first bad entry and what is wrong with it, e.g. "entry #3: … (it was edited)"."""
        return f"entry #{self.first_bad_seq}: {self.finding}" if self.finding else ""


def format_timestamp(moment: datetime | None = None) -> str:
    """The one textual form of entry times (UTC, microseconds): hashes are computed over it."""
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def genesis_hash(vault_id: str) -> str:
    """The ``prev_hash`` of the first entry: binds the chain to one vault."""
    return hashlib.sha256(f"vrm-wallet activity genesis|{vault_id}".encode()).hexdigest()


def entry_hash(
    *,
    seq: int,
    at: str,
    type: str,
    result: str,
    party: str,
    field_names: Iterable[str],
    reason: str,
    prev_hash: str,
) -> str:
    """SHA-256 over the entry's content and its link to the previous entry."""
    body = json.dumps(
        [seq, at, type, result, party, list(field_names), reason, prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def verify_chain(
    entries: Iterable[ActivityEntry],
    *,
    genesis: str,
    head: tuple[int, str] | None,
) -> VerifyReport:
    """Check every link and hash in order, then the head; stop at the first bad entry."""
    expected_prev = genesis
    expected_seq = 1
    checked = 0
    last: ActivityEntry | None = None
    for entry in entries:
        if entry.seq != expected_seq:
            return VerifyReport(
                False,
                checked,
                entry.seq,
                f"expected entry #{expected_seq} here; entries before it were deleted or reordered",
            )
        if entry.prev_hash != expected_prev:
            return VerifyReport(
                False,
                checked,
                entry.seq,
                "its link to the previous entry is broken "
                "(an entry was edited, deleted or reordered)",
            )
        recomputed = entry_hash(
            seq=entry.seq,
            at=format_timestamp(entry.at),
            type=entry.type,
            result=entry.result,
            party=entry.party,
            field_names=entry.field_names,
            reason=entry.reason,
            prev_hash=entry.prev_hash,
        )
        if recomputed != entry.hash:
            return VerifyReport(
                False,
                checked,
                entry.seq,
                "its content does not match its hash (it was edited)",
            )
        expected_prev = entry.hash
        expected_seq += 1
        checked += 1
        last = entry
    head_seq, head_hash = head if head else (0, genesis)
    last_seq, last_hash = (last.seq, last.hash) if last else (0, genesis)
    if (head_seq, head_hash) != (last_seq, last_hash):
        missing_from = last_seq + 1
        return VerifyReport(
            False,
            checked,
            missing_from,
            f"the log should have {head_seq} entries but ends at #{last_seq} "
            "(entries were removed from the end)",
        )
    return VerifyReport(True, checked)
