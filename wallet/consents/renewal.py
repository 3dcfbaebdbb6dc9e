"""Renewing a consent about to end: one action that gives the same vendor the same fields for the
same purposes and as long again, with a new signed receipt.

A renewal is a new grant (a new consent, its receipt and a disclosure of the fields' current
values); the consent it renews runs to its own end, when the vendor is told to delete what it
holds under that one only. While both are active the newer one *covers* the older: reminders
about the older one's end stop (:func:`is_renewed`).
"""

from __future__ import annotations

from wallet.consents import store
from wallet.consents.granting import grant
from wallet.consents.records import DAY_SECONDS, ConsentRecord, GrantRequest, existing_row
from wallet.consents.status_words import consent_status_word
from wallet.consents.store import ConsentRow
from wallet.errors import InvalidInput
from wallet.i18n import QT_TRANSLATE_NOOP
from wallet.storage.connection import Connection
from wallet.vault.facade import Vault
from wallet.wire.consent_signing import read_receipt_unverified


def renewal_request(vault: Vault, consent_id: str) -> GrantRequest:
    """The grant that renews active consent ``consent_id`` (its vendor, fields, purposes, third
    party and duration)."""
    row = existing_row(vault.reader, consent_id)
    if row.status != "active":
        raise InvalidInput.worded(
            QT_TRANSLATE_NOOP(
                "CoreError",
                "The consent is {status}; only an active consent can be renewed. Give a new "
                "consent instead.",
            ),
            status=consent_status_word(row.status),
        )
    services = read_receipt_unverified(row.receipt_jws).services
    named = (p.thirdPartyName for service in services for p in service.purposes)
    third_party = next((name for name in named if name), None)
    days = max(1, round((row.expires_at - row.granted_at) / DAY_SECONDS))
    return GrantRequest(
        vendor_id=row.vendor_id,
        field_keys=row.field_keys,
        purposes=row.purposes,
        days=days,
        offer_id=row.offer_id,
        third_party_name=third_party,
    )


def renew(vault: Vault, consent_id: str, *, now: int | None = None) -> ConsentRecord:
    """Renew active consent ``consent_id``: the new consent (its receipt signed, its disclosure
    queued)."""
    return grant(vault, renewal_request(vault, consent_id), now=now)


def is_renewed(connection: Connection, row: ConsentRow) -> bool:
    """Whether another active consent to the same vendor, ending later, covers every field of
    ``row`` (so its end needs no reminder)."""
    fields = set(row.field_keys)
    return any(
        other.id != row.id and other.expires_at > row.expires_at and fields <= set(other.field_keys)
        for other in store.all_consents(connection, vendor_id=row.vendor_id, status="active")
    )
