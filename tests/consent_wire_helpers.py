"""Builders of valid consent wire documents (receipts, notices, acknowledgements) for the crypto
and property tests: plain dictionaries, so a test can also build them around a bad key."""

from __future__ import annotations

from typing import Any

RECEIPT_ID = "55a8b7c1-f9d2-48d0-a610-2eff4e467bb0"
CONSENT_START = 1_800_000_000
CONSENT_END = 1_900_000_000


def receipt_document(jwk: dict[str, str], kid: str, **changes: Any) -> dict[str, Any]:
    """A Kantara consent receipt for one field (email), issued with the pairwise key ``jwk``."""
    document: dict[str, Any] = {
        "version": "KI-CR-v1.1.0",
        "jurisdiction": "EU",
        "consentTimestamp": CONSENT_START,
        "collectionMethod": "VRM Wallet consent dialog",
        "consentReceiptID": RECEIPT_ID,
        "publicKey": jwk,
        "piiPrincipalId": kid,
        "piiControllers": [
            {
                "piiController": "Shop",
                "contact": "shop@example.org",
                "address": {},
                "email": "shop@example.org",
                "phone": "",
            }
        ],
        "policyUrl": "https://shop.example/policy",
        "services": [
            {
                "service": "Delivery",
                "purposes": [
                    {
                        "purpose": "Deliver the order",
                        "purposeCategory": ["2 - Core Function"],
                        "consentType": "EXPLICIT",
                        "piiCategory": ["2 - Contact"],
                        "primaryPurpose": True,
                        "termination": "When revoked",
                        "thirdPartyDisclosure": False,
                    }
                ],
            }
        ],
        "sensitive": False,
        "spiCat": [],
        "vrm": {
            "vendor": "shop",
            "fields": [
                {
                    "key": "email",
                    "piiCategory": "2 - Contact",
                    "dpv": "https://w3id.org/dpv/pd#EmailAddress",
                }
            ],
            "purposes": ["https://w3id.org/dpv#ServiceProvision"],
            "validFrom": CONSENT_START,
            "validUntil": CONSENT_END,
        },
    }
    document.update(changes)
    return document


def notice_document(principal: dict[str, Any], notice_id: str) -> dict[str, Any]:
    """A consent-revoked notice by the pairwise key ``principal`` ({publicKey, kid})."""
    return {
        "type": "ConsentRevoked",
        "id": notice_id,
        "consentReceiptID": RECEIPT_ID,
        "issued": "2030-01-01T00:00:00Z",
        "principal": principal,
    }


def acknowledgement_document(
    vendor: dict[str, Any], *, in_reply_to: str, receipt_sha256: str, **changes: Any
) -> dict[str, Any]:
    """A termination receipt by the vendor ``vendor`` ({publicKey, kid})."""
    document: dict[str, Any] = {
        "type": "ConsentTerminated",
        "consentReceiptID": RECEIPT_ID,
        "inReplyTo": in_reply_to,
        "issued": "2030-01-01T00:00:00Z",
        "vendor": {"id": "shop", "name": "Shop", **vendor},
        "receiptSha256": receipt_sha256,
        "fields": ["email"],
    }
    document.update(changes)
    return document
