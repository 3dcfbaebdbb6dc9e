"""Reading the vendors' signed answers to disclosures, updates and consent notices.

Each delivered consent message is read once (``consent_acks_ingested``). An answer is kept only if
it is a :class:`~wallet.wire.consent.SignedAcknowledgement` signed by the vendor's *pinned* key,
about this consent's receipt, of the type that answers the message (a disclosure is answered by
``DisclosureAccepted`` with a valid countersignature, an update by ``UpdateAccepted``, a
revocation or expiry notice by ``ConsentTerminated``). Anything else is refused and logged with
its reason; the consent itself is unchanged by a refused answer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from wallet import activity
from wallet.activity import NOT_COMPLETED, ActivityEvent
from wallet.consents import store
from wallet.consents.book import (
    CONSENT_KINDS,
    KIND_DISCLOSURE,
    KIND_EXPIRY,
    KIND_REVOCATION,
    KIND_UPDATE,
)
from wallet.crypto.signing import verifying_key_from_jwk
from wallet.errors import InvalidKey, SignatureInvalid
from wallet.outbox import store as outbox_store
from wallet.outbox.store import OutboxRow
from wallet.storage.connection import Connection
from wallet.vault import Vault
from wallet.vendors import store as vendor_store
from wallet.wire.consent_signing import (
    parse_acknowledgement,
    verify_receipt,
    verify_signed_acknowledgement,
)
from wallet.wire.signing import WireFormatError, wire_bytes

EXPECTED_ANSWER = {
    KIND_DISCLOSURE: "DisclosureAccepted",
    KIND_UPDATE: "UpdateAccepted",
    KIND_REVOCATION: "ConsentTerminated",
    KIND_EXPIRY: "ConsentTerminated",
}
MAX_REASON = 300


@dataclass(slots=True)
class AckReport:
    """What reading the answers did: kept acknowledgements and refused answers (with why)."""

    accepted: list[tuple[str, str]] = field(default_factory=list)  # (consent id, type)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (consent id, reason)

    def merge(self, other: AckReport) -> AckReport:
        self.accepted.extend(other.accepted)
        self.refused.extend(other.refused)
        return self


def _check(connection: Connection, row: OutboxRow) -> tuple[str, str]:
    """(acknowledgement type, its signed JSON) or raises saying why the answer is refused."""
    consent = store.get(connection, row.subject)
    if consent is None:
        raise WireFormatError("The consent is no longer in the vault.")
    vendor = vendor_store.get(connection, row.vendor_id)
    if vendor is None:
        raise WireFormatError("The vendor was removed from the directory.")
    if not row.response_body:
        raise WireFormatError("The vendor answered without a signed acknowledgement.")
    envelope = parse_acknowledgement(row.response_body)
    _, canonical, _ = verify_receipt(consent.receipt_jws)
    acknowledgement = verify_signed_acknowledgement(
        envelope, verifying_key_from_jwk(vendor.public_jwk), canonical_receipt=canonical
    )
    expected = EXPECTED_ANSWER[row.kind]
    if acknowledgement.type != expected:
        raise WireFormatError(f"Expected {expected}, the vendor answered {acknowledgement.type}.")
    if acknowledgement.consentReceiptID != consent.id:
        raise WireFormatError("The acknowledgement is about another consent.")
    return acknowledgement.type, wire_bytes(envelope).decode("utf-8")


def _apply(connection: Connection, row: OutboxRow, kind: str, signed: str, at: int) -> None:
    if kind == "DisclosureAccepted":
        envelope = parse_acknowledgement(signed.encode("utf-8"))
        countersignature = envelope.acknowledgement.countersignature
        assert countersignature is not None  # checked by the model
        store.set_acknowledged(connection, row.subject, countersignature, at)
        store.add_event(connection, row.subject, at=at, type="acknowledged", detail=signed)
    elif kind == "UpdateAccepted":
        store.add_event(connection, row.subject, at=at, type="update_acknowledged", detail=signed)
    else:
        store.set_terminated(connection, row.subject, signed, at)
        store.add_event(connection, row.subject, at=at, type="terminated", detail=signed)


def ingest_acknowledgements(vault: Vault, *, now: int | None = None) -> AckReport:
    """Read every delivered consent message's answer not read yet."""
    unread = store.unread_delivered_ids(vault.reader, CONSENT_KINDS)
    report = AckReport()
    at = now or int(time.time())
    for outbox_id in unread:
        row = outbox_store.get(vault.reader, outbox_id)
        assert row is not None  # outbox rows are never deleted
        with vault.write() as connection:
            store.mark_ack_ingested(connection, row.id)
            try:
                kind, signed = _check(connection, row)
            except (WireFormatError, SignatureInvalid, InvalidKey) as exc:
                reason = str(exc)[:MAX_REASON]
                if store.get(connection, row.subject) is not None:
                    store.add_event(
                        connection, row.subject, at=at, type="answer_refused", detail=reason
                    )
                vault.record(
                    connection,
                    ActivityEvent(
                        activity.CONSENT_ACK_REFUSED,
                        result=NOT_COMPLETED,
                        party=row.vendor_id,
                        reason=reason,
                    ),
                )
                report.refused.append((row.subject, reason))
                continue
            _apply(connection, row, kind, signed, at)
            event = (
                activity.CONSENT_TERMINATED
                if kind == "ConsentTerminated"
                else activity.CONSENT_ACKNOWLEDGED
            )
            vault.record(connection, ActivityEvent(event, party=row.vendor_id, reason=kind))
            report.accepted.append((row.subject, kind))
    return report
