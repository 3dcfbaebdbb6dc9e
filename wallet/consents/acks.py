"""Reading the vendors' signed answers to disclosures, updates and consent notices.

Each delivered consent message is read once (``consent_acks_ingested``). An answer is kept only if
it is a :class:`~wallet.wire.consent.SignedAcknowledgement` signed by the vendor's *pinned* key,
about this consent's receipt, of the type that answers the message (a disclosure is answered by
``DisclosureAccepted`` with a valid countersignature, an update by ``UpdateAccepted``, a
revocation or expiry notice by ``ConsentTerminated``). Anything else is refused and logged with
its reason; the consent itself is unchanged by a refused answer.

**The signing rule.** The signature is checked against the ``acknowledgement`` object exactly as
it arrived (a ``"countersignature": null`` the vendor sent is a value it signed; a member it left
out stays out), and what is kept is that answer as it arrived (compact JSON), never a dump of
the model: the termination receipt in an export is the one the vendor signed.

**Isolation.** Each answer is read in its own transaction, and fails alone: a refused answer is
marked read with its reason (in the consent's history and the activity log), and an answer whose
reading raises anything unexpected is set aside as a dead letter (marked read, the kind of error
noted in ``outbox_read_failures``; ``vrm-wallet-cli outbox list --failed`` shows it and can have
it read again). Either way the consent keeps its state and the other answers are read, in this
run and the next.

**No remote text in reasons.** A reason is the wallet's own words: the answer is parsed here so
that an unknown or repeated member is named as such, never by the vendor's spelling (which could
hold escape sequences or the consumer's personal data echoed back); every reason is also made
printable and cut to :data:`MAX_REASON` characters.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from wallet import activity
from wallet.activity import NOT_COMPLETED, ActivityEvent
from wallet.changes import Part
from wallet.consents import store
from wallet.consents.records import (
    CONSENT_KINDS,
    KIND_DISCLOSURE,
    KIND_EXPIRY,
    KIND_REVOCATION,
    KIND_UPDATE,
)
from wallet.crypto.signing import verifying_key_from_jwk
from wallet.errors import InvalidInput, InvalidKey, SignatureInvalid, VaultLocked, WalletError
from wallet.outbox import store as outbox_store
from wallet.outbox.dead_letters import mark_unreadable
from wallet.outbox.store import OutboxRow
from wallet.storage.connection import Connection
from wallet.terminal import printable
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store
from wallet.vendors.directory import validation_problem
from wallet.wire.consent import SignedAcknowledgement
from wallet.wire.consent_signing import (
    parse_acknowledgement,
    verify_receipt,
    verify_signed_acknowledgement,
)
from wallet.wire.models import MAX_WIRE_BYTES
from wallet.wire.signing import WireFormatError, load_json

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
    unreadable: int = 0  # answers set aside as dead letters (also listed in ``refused``)

    def merge(self, other: AckReport) -> AckReport:
        self.accepted.extend(other.accepted)
        self.refused.extend(other.refused)
        self.unreadable += other.unreadable
        return self


def parse_answer(raw: bytes) -> tuple[SignedAcknowledgement, dict[str, Any]]:
    """A vendor's answer body as a signed acknowledgement (bounded, strict), and its JSON object
    as it arrived (what the signature is checked against and what is kept); refused with a
    reason in the wallet's own words: members are named by the model's field names only."""
    try:
        data = load_json(raw, max_bytes=MAX_WIRE_BYTES, what="acknowledgement")
    except WireFormatError as exc:
        if "repeats the key" in str(exc):  # the only message of load_json quoting the sender
            raise WireFormatError("The acknowledgement repeats a member.") from None
        raise
    if not isinstance(data, dict):
        raise WireFormatError("The acknowledgement is not a JSON object.")
    try:
        return SignedAcknowledgement.model_validate(data), data
    except ValidationError as exc:
        raise WireFormatError(
            f"This is not a valid signed acknowledgement: {validation_problem(exc)} "
            f"({exc.error_count()} problem(s) in all)."
        ) from None


def _reason(exc: WalletError) -> str:
    return printable(" ".join(str(exc).split()), max_chars=MAX_REASON)


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
    envelope, received = parse_answer(row.response_body)
    _, canonical, _ = verify_receipt(consent.receipt_jws)
    acknowledgement = verify_signed_acknowledgement(
        envelope,
        verifying_key_from_jwk(vendor.public_jwk),
        canonical_receipt=canonical,
        received=received["acknowledgement"],
    )
    expected = EXPECTED_ANSWER[row.kind]
    if acknowledgement.type != expected:
        raise WireFormatError(f"Expected {expected}, the vendor answered {acknowledgement.type}.")
    if acknowledgement.consentReceiptID != consent.id:
        raise WireFormatError("The acknowledgement is about another consent.")
    signed = json.dumps(received, ensure_ascii=False, separators=(",", ":"))
    return acknowledgement.type, signed  # as it arrived: its signature still verifies


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
    """Read every delivered consent message's answer not read yet, each alone (see the module
    docstring): a refused or unreadable answer never stops the others."""
    unread = store.unread_delivered_ids(vault.reader, CONSENT_KINDS)
    report = AckReport()
    at = now or int(time.time())
    for outbox_id in unread:
        try:
            report.merge(_ingest_one(vault, outbox_id, at))
        except VaultLocked:
            raise
        except Exception as exc:  # this answer's fault alone; a broken vault fails below too
            report.merge(_set_aside(vault, outbox_id, exc, at))
    return report


def _ingest_one(vault: Vault, outbox_id: int, at: int) -> AckReport:
    """Read one answer in one transaction: kept, or refused and recorded."""
    report = AckReport()
    row = outbox_store.get(vault.reader, outbox_id)
    assert row is not None  # outbox rows are never deleted
    with vault.write() as connection:
        store.mark_ack_ingested(connection, row.id)
        vault.note_changed(Part.CONSENTS)  # acknowledged, terminated, or a refusal in the history
        try:
            kind, signed = _check(connection, row)
        except (InvalidInput, SignatureInvalid, InvalidKey) as exc:  # the answer is refused
            reason = _reason(exc)
            _record_refusal(vault, connection, row.subject, row.vendor_id, reason, at)
            report.refused.append((row.subject, reason))
            return report
        _apply(connection, row, kind, signed, at)
        event = (
            activity.CONSENT_TERMINATED
            if kind == "ConsentTerminated"
            else activity.CONSENT_ACKNOWLEDGED
        )
        vault.record(connection, ActivityEvent(event, party=row.vendor_id, reason=kind))
        report.accepted.append((row.subject, kind))
    return report


def _record_refusal(
    vault: Vault, connection: Connection, consent_id: str, vendor_id: str, reason: str, at: int
) -> None:
    """The refused answer in the consent's history (if it is still there) and the log."""
    if store.row_id_of(connection, consent_id) is not None:  # not decoded: it may be the fault
        store.add_event(connection, consent_id, at=at, type="answer_refused", detail=reason)
    vault.record(
        connection,
        ActivityEvent(
            activity.CONSENT_ACK_REFUSED, result=NOT_COMPLETED, party=vendor_id, reason=reason
        ),
    )


def _set_aside(vault: Vault, outbox_id: int, error: Exception, at: int) -> AckReport:
    """The answer to ``outbox_id`` could not be read at all: a dead letter, recorded."""
    with vault.write() as connection:
        found = connection.execute(
            "SELECT subject, vendor_id FROM outbox WHERE id = ?", (outbox_id,)
        ).fetchone()
        reason = mark_unreadable(connection, outbox_id, "acknowledgements", error)
        vault.note_changed(Part.CONSENTS, Part.OUTBOX)  # a dead letter, and the refusal
        consent_id, vendor_id = (str(found[0]), str(found[1])) if found else ("", "")
        _record_refusal(vault, connection, consent_id, vendor_id or activity.SELF_PARTY, reason, at)
    return AckReport(refused=[(consent_id, reason)], unreadable=1)
