"""Ending a consent: revoked by the person, or expired on its date.

From then on a consent is never disclosed or updated again (undelivered disclosures and updates
are cancelled in the same transaction) and the vendor is sent a signed notice asking it to delete
the data, if the data may have reached it. Revoking works offline: the notice waits in the outbox.

A disclosure or update being sent at that moment is not cancelled: it may reach the vendor
whatever the wallet does, so it finishes (retries included) and the notice, queued with the same
ordering key, reaches the vendor after it, never before.
"""

from __future__ import annotations

import uuid

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.consents import store
from wallet.consents.records import (
    KIND_DISCLOSURE,
    KIND_EXPIRY,
    KIND_REVOCATION,
    KIND_UPDATE,
    NoticeOutcome,
    existing_row,
    iso_time,
    now_seconds,
)
from wallet.consents.status_words import consent_status_word
from wallet.consents.store import ConsentRow, ConsentStatus
from wallet.errors import InvalidInput
from wallet.i18n import QT_TRANSLATE_NOOP
from wallet.outbox import OutboxMessage, enqueue
from wallet.outbox import store as outbox_store
from wallet.storage.connection import Connection
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store
from wallet.wire.consent import ConsentNotice, ConsentNoticeType
from wallet.wire.consent_signing import sign_consent_notice
from wallet.wire.models import RequesterKey
from wallet.wire.signing import wire_bytes


def end_consent(
    vault: Vault,
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
    vault.note_changed(Part.CONSENTS, Part.OUTBOX)  # pending messages cancelled, a notice queued
    # Sent, being sent, or tried (an answer may have been lost): the vendor may hold the data.
    reached = any(
        item.kind == KIND_DISCLOSURE
        and (item.attempts > 0 or item.status in ("delivering", "delivered"))
        for item in outbox_store.rows(connection, subject=row.id)
    )
    reason = "the consent was revoked" if status == "revoked" else "the consent expired"
    for kind in (KIND_DISCLOSURE, KIND_UPDATE):
        # one being sent finishes (the vendor may get it anyway); the notice waits for it
        outbox_store.cancel_for_subject(connection, row.id, kind, reason, in_flight=False)
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
    key = vault.signing_key(row.kid)
    notice = ConsentNotice(
        type=notice_type,
        id=uuid.uuid4().urn,
        consentReceiptID=row.id,
        issued=iso_time(at),
        principal=RequesterKey.model_validate({"publicKey": key.verifying_key.jwk, "kid": key.kid}),
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
                ordering_key=row.id,  # after the disclosure and updates that may reach the vendor
            )
        ],
    )
    store.add_event(connection, row.id, at=at, type=status, detail="vendor notice queued")
    return NoticeOutcome(row.id, row.vendor_id, True)


def revoke(vault: Vault, consent_id: str, *, now: int | None = None) -> NoticeOutcome:
    """Revoke an active consent; the signed revocation waits in the outbox if offline."""
    expire_due(vault)
    at = now or now_seconds()
    with vault.write() as connection:
        row = existing_row(connection, consent_id)
        if row.status != "active":
            raise InvalidInput.worded(
                QT_TRANSLATE_NOOP(
                    "CoreError",
                    "This consent is already {status}; only an active consent can be revoked.",
                ),
                status=consent_status_word(row.status),
            )
        outcome = end_consent(
            vault, connection, row, status="revoked", notice_type="ConsentRevoked", at=at
        )
        vault.record(
            connection,
            ActivityEvent(
                activity.CONSENT_REVOKED,
                party=row.vendor_id,
                field_names=row.field_keys,
                reason="vendor notice queued" if outcome.queued else outcome.reason,
            ),
        )
    return outcome


def expire_due(vault: Vault, *, now: int | None = None) -> list[NoticeOutcome]:
    """Active consents past their expiry become ``expired``; their vendors are told."""
    at = now or now_seconds()
    if not store.due_to_expire(vault.reader, at):
        return []
    outcomes = []
    with vault.write() as connection:
        for consent_id in store.due_to_expire(connection, at):
            row = existing_row(connection, consent_id)
            outcome = end_consent(
                vault, connection, row, status="expired", notice_type="ConsentExpired", at=at
            )
            vault.record(
                connection,
                ActivityEvent(
                    activity.CONSENT_EXPIRED,
                    party=row.vendor_id,
                    field_names=row.field_keys,
                ),
            )
            outcomes.append(outcome)
    return outcomes
