"""Granting a consent: the signed receipt, the stored consent and its disclosure, at once.

A grant writes the consent, its fields, its first history entry and ONE outbox message (the
disclosure: exactly the fields in scope, with the signed receipt) in one transaction; the
delivery worker sends it like every other webhook, signed by the *pairwise* key the wallet keeps
for that vendor. The vendor's signed acknowledgement comes back in the answer and is read by
:func:`wallet.consents.acks.ingest_acknowledgements`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.consents import store
from wallet.consents.ending import expire_due
from wallet.consents.planning import checked_request
from wallet.consents.receipts import ReceiptInput, build_receipt
from wallet.consents.records import (
    DAY_SECONDS,
    KEY_PURPOSE_PREFIX,
    KIND_DISCLOSURE,
    ConsentRecord,
    GrantRequest,
    iso_time,
    now_seconds,
    summary_text,
)
from wallet.crypto.signing import SigningKey
from wallet.outbox import OutboxMessage, enqueue
from wallet.personal_data import FieldSnapshot
from wallet.storage.connection import Connection
from wallet.terms.offered import agreed_terms_sha256
from wallet.vault.facade import Vault
from wallet.vendors.store import VendorRow
from wallet.wire.consent import ConsentReceipt, Disclosure
from wallet.wire.consent_signing import sign_receipt, signed_disclosure_bytes
from wallet.wire.models import Offer


def pairwise_key(vault: Vault, connection: Connection, vendor_id: str) -> SigningKey:
    """The key this wallet signs with for ``vendor_id`` alone (made now if there is none yet,
    inside the caller's transaction)."""
    purpose = KEY_PURPOSE_PREFIX + vendor_id
    existing = vault.latest_signing_key(purpose)
    return existing or vault.new_signing_key(connection, purpose=purpose)


def grant(vault: Vault, request: GrantRequest, *, now: int | None = None) -> ConsentRecord:
    """Give ``request.vendor_id`` the chosen fields: sign the receipt and queue the
    disclosure (exactly those fields) in one transaction. Returns the new consent."""
    return grant_many(vault, [request], now=now)[0]


def grant_many(
    vault: Vault, requests: Sequence[GrantRequest], *, now: int | None = None
) -> list[ConsentRecord]:
    """:func:`grant` for several requests (e.g. one scope to several vendors) in ONE
    transaction: all are granted or, if one is refused, none is."""
    expire_due(vault)
    granted_at = now or now_seconds()
    keys: dict[str, SigningKey] = {}
    vendors: dict[str, VendorRow] = {}
    granted: list[tuple[str, ConsentReceipt]] = []
    with vault.write() as connection:
        for request in requests:
            vendor, snapshots, offer = checked_request(connection, request, vendors)
            if vendor.id not in keys:
                keys[vendor.id] = pairwise_key(vault, connection, vendor.id)
            granted.append(
                _grant_one(
                    vault,
                    connection,
                    request,
                    vendor,
                    snapshots,
                    offer,
                    keys[vendor.id],
                    granted_at,
                )
            )
        stored = [(store.get(connection, consent_id), receipt) for consent_id, receipt in granted]
        vault.note_changed(Part.CONSENTS, Part.OUTBOX)  # the consents and their disclosures
    names = {vendor.id: vendor.name for vendor in vendors.values()}
    return [
        ConsentRecord(row, receipt, names[row.vendor_id])
        for row, receipt in stored
        if row is not None
    ]


def _grant_one(
    vault: Vault,
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
            terms_sha256=agreed_terms_sha256(vault, offer) if offer else None,
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
    queue_disclosure(
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
    vault.record(
        connection,
        ActivityEvent(
            activity.CONSENT_GRANTED,
            party=vendor.id,
            field_names=request.field_keys,
            reason="purposes " + ", ".join(str(n) for n in request.purposes),
        ),
    )
    return consent_id, receipt


def queue_disclosure(
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
        issued=iso_time(at),
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
                ordering_key=consent_id,  # the vendor gets a consent's messages in order
            )
        ],
    )
