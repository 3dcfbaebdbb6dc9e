"""Building consent receipts (Kantara CR v1.1) and their DPV / ISO 27560-style records.

:func:`build_receipt` turns what the consumer chose (vendor, fields, purposes, period) into a
:class:`~wallet.wire.consent.ConsentReceipt`; signing it is
:func:`wallet.wire.consent_signing.sign_receipt`'s job. :func:`dpv_record` describes the same
consent with W3C DPV terms, following the ``dpv-27560`` profile's keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from wallet.consents.purposes import PURPOSES, THIRD_PARTY_PURPOSES
from wallet.crypto.signing import VerifyingKey
from wallet.personal_data import PII_CATEGORIES, FieldSnapshot
from wallet.vendors.store import VendorRow
from wallet.wire.consent import KANTARA_VERSION, ConsentReceipt, PiiController
from wallet.wire.models import ControllerAddress, ControllerDetails

COLLECTION_METHOD = "VRM Wallet: explicit grant by the person, after reviewing a summary"
DPV_27560_PROFILE = "https://w3id.org/dpv/guides/dpv-27560"
_NO_ADDRESS = ControllerAddress().model_dump()
# Kantara PII categories counted as sensitive (spiCat) whatever the field's own flag says.
SENSITIVE_CATEGORIES = frozenset({3, 6, 8, 10, 13})


@dataclass(frozen=True, slots=True)
class ReceiptInput:
    """Everything a receipt says, decided before it is built."""

    consent_id: str
    vendor: VendorRow
    fields: Sequence[FieldSnapshot]
    purposes: Sequence[int]
    granted_at: int
    expires_at: int
    principal_key: VerifyingKey
    service: str
    offer_id: str | None = None
    terms_sha256: str | None = None
    third_party_name: str | None = None
    language: str = "en"


def controller_of(vendor: VendorRow) -> PiiController:
    """The Kantara controller entry from the vendor's published details (or its contact)."""
    return PiiController.model_validate(controller_json(vendor))


def controller_json(vendor: VendorRow) -> dict[str, Any]:
    """:func:`controller_of` as JSON (what a receipt is built from)."""
    details = vendor.metadata.get("controller")
    controller = ControllerDetails.model_validate(details) if details else None
    contact = vendor.contact
    entry: dict[str, Any] = {
        "piiController": controller.legalName if controller else vendor.name,
        "contact": contact,
        "address": controller.address.model_dump() if controller else dict(_NO_ADDRESS),
        "email": controller.email if controller and controller.email else _email_or_empty(contact),
        "phone": controller.phone if controller else "",
    }
    if vendor.policy_url:
        entry["piiControllerUrl"] = vendor.policy_url
    return entry


def jurisdiction_of(vendor: VendorRow) -> str:
    details = vendor.metadata.get("controller")
    if details:
        return ControllerDetails.model_validate(details).jurisdiction
    return "EU"


def _email_or_empty(contact: str) -> str:
    return contact if "@" in contact and "://" not in contact else ""


@lru_cache(maxsize=256)
def termination_text(expires_at: int) -> str:
    day = datetime.fromtimestamp(expires_at, UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"Ends on {day} or when the person revokes it, whichever comes first; the data is then "
        "deleted."
    )


def build_receipt(given: ReceiptInput) -> ConsentReceipt:
    """The Kantara receipt for ``given`` (unsigned).

    Built as JSON and validated once: constructing each nested model separately cost three
    times as much, and receipts are issued in bulk.
    """
    pii_labels = sorted(
        {PII_CATEGORIES[field.category].label for field in given.fields}, key=_label_order
    )
    sensitive_labels = sorted(
        {
            PII_CATEGORIES[field.category].label
            for field in given.fields
            if field.sensitive or field.category in SENSITIVE_CATEGORIES
        },
        key=_label_order,
    )
    termination = termination_text(given.expires_at)
    purposes = []
    for index, number in enumerate(given.purposes):
        purpose: dict[str, Any] = {
            "purpose": PURPOSES[number].description,
            "purposeCategory": [PURPOSES[number].label],
            "consentType": "EXPLICIT",
            "piiCategory": pii_labels,
            "primaryPurpose": index == 0,
            "termination": termination,
            "thirdPartyDisclosure": number in THIRD_PARTY_PURPOSES,
        }
        if number in THIRD_PARTY_PURPOSES:
            purpose["thirdPartyName"] = given.third_party_name or "unnamed third parties"
        purposes.append(purpose)
    scope: dict[str, Any] = {
        "vendor": given.vendor.id,
        "fields": [
            {
                "key": field.key,
                "piiCategory": PII_CATEGORIES[field.category].label,
                "dpv": field.dpv_iri,
            }
            for field in given.fields
        ],
        "purposes": list(dict.fromkeys(PURPOSES[number].dpv_iri for number in given.purposes)),
        "validFrom": given.granted_at,
        "validUntil": given.expires_at,
    }
    if given.offer_id is not None:
        scope["offer"] = given.offer_id
    if given.terms_sha256 is not None:
        scope["terms"] = given.terms_sha256
    return ConsentReceipt.model_validate(
        {
            "version": KANTARA_VERSION,
            "jurisdiction": jurisdiction_of(given.vendor),
            "consentTimestamp": given.granted_at,
            "collectionMethod": COLLECTION_METHOD,
            "consentReceiptID": given.consent_id,
            "publicKey": given.principal_key.jwk,
            "language": given.language,
            "piiPrincipalId": given.principal_key.kid,
            "piiControllers": [controller_json(given.vendor)],
            "policyUrl": given.vendor.policy_url,
            "services": [{"service": given.service, "purposes": purposes}],
            "sensitive": bool(sensitive_labels),
            "spiCat": sensitive_labels,
            "vrm": scope,
        }
    )


def _label_order(label: str) -> int:
    return int(label.split(" - ", 1)[0])


def _iso(epoch: int | None) -> str | None:
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


DPV_STATUS = {
    "active": "dpv:ConsentGiven",
    "expired": "dpv:ConsentExpired",
    "revoked": "dpv:ConsentWithdrawn",
}


def dpv_record(
    receipt: ConsentReceipt,
    *,
    status: str,
    ended_at: int | None,
    vendor_name: str,
    acknowledged_at: int | None,
) -> dict[str, Any]:
    """The consent as a JSON-LD record with DPV terms (ISO/IEC TS 27560 via ``dpv-27560``)."""
    scope = receipt.vrm
    record: dict[str, Any] = {
        "@context": {
            "dpv": "https://w3id.org/dpv#",
            "pd": "https://w3id.org/dpv/pd#",
            "dct": "http://purl.org/dc/terms/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": f"urn:uuid:{receipt.consentReceiptID}",
        "@type": "dpv:ConsentRecord",
        "dct:conformsTo": DPV_27560_PROFILE,
        "dpv:hasIdentifier": receipt.consentReceiptID,
        "dct:created": _iso(receipt.consentTimestamp),
        "dpv:hasDataSubject": {"@id": f"urn:jwk-thumbprint:{receipt.piiPrincipalId}"},
        "dpv:hasDataController": {
            "@type": "dpv:DataController",
            "dpv:hasIdentifier": scope.vendor,
            "dpv:hasName": vendor_name,
        },
        "dpv:hasPurpose": [{"@id": iri} for iri in scope.purposes],
        "dpv:hasPersonalData": [
            {"@id": field.dpv, "dct:identifier": field.key} for field in scope.fields
        ],
        "dpv:hasJurisdiction": receipt.jurisdiction,
        "dpv:hasConsentStatus": {"@id": DPV_STATUS.get(status, "dpv:ConsentStatus")},
        "dpv:hasProvisionTime": _iso(receipt.consentTimestamp),
        "dpv:hasExpiryTime": _iso(scope.validUntil),
        "dct:source": receipt.policyUrl,
    }
    if status == "revoked":
        record["dpv:hasWithdrawalTime"] = _iso(ended_at)
    if acknowledged_at is not None:
        record["dpv:hasAcknowledgementTime"] = _iso(acknowledged_at)
    return record
