"""Example documents of every published schema, written as JSON the way a vendor reading
docs/protocol.md would write them: for each schema the smallest document (required members only)
and full ones (every optional member written). The schema tests check that the models and the
published schemas agree on them and on edited copies of them.
"""

from __future__ import annotations

import copy
from typing import Any

from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey

REQUESTER = SigningKey(bytes(range(32)))
VENDOR = SigningKey(bytes(range(32, 64)))
PAIRWISE = SigningKey(bytes(range(64, 96)))
PERSON = SigningKey(bytes(range(96, 128)))

INTENTION_ID = "urn:uuid:0f0e0d0c-0b0a-4908-8706-050403020100"
OFFER_ID = "urn:uuid:1f1e1d1c-1b1a-4918-9716-151413121110"
MESSAGE_ID = "urn:uuid:2f2e2d2c-2b2a-4928-a726-252423222120"
RECEIPT_ID = "55a8b7c1-f9d2-48d0-a610-2eff4e467bb0"
SHA256 = "ab" * 32
ISSUED = "2030-01-01T12:00:00Z"
LATER = "2030-01-08T12:00:00Z"
START = 1_900_000_000
END = 1_950_000_000
URL = "https://shop.example"


def _key(key: SigningKey) -> dict[str, Any]:
    return {"publicKey": key.verifying_key.jwk, "kid": key.kid}


def _signed(member: str, document: dict[str, Any], key: SigningKey) -> dict[str, Any]:
    return {member: document, "signature": key.sign_jws(canonical_bytes(document))}


def _without(document: dict[str, Any], *members: str) -> dict[str, Any]:
    return {name: value for name, value in document.items() if name not in members}


# ---------------------------------------------------------------------------- intentions, offers

LOYALTY_PROPOSALS = [
    {
        "title": "Ten pairs a year",
        "category": "shoes",
        "commitment": {"kind": "purchases", "count": 10},
        "reward": {"kind": "free_delivery"},
        "valid_from": "2030-01-01",
        "valid_until": "2030-12-31",
    },
    {
        "title": "Books",
        "vendor": "Shop",
        "category": "books",
        "commitment": {"kind": "amount", "amount": "200.00", "currency": "EUR"},
        "period": "validity",
        "reward": {"kind": "percent_discount", "value": "5"},
        "valid_from": "2030-01-01",
        "valid_until": "2030-06-30",
    },
]

INTENTION_SMALLEST = {
    "id": INTENTION_ID,
    "issued": ISSUED,
    "validThrough": LATER,
    "itemOffered": {"name": "Trail running shoes", "category": "shoes"},
    "priceSpecification": {"maxPrice": "120.00", "priceCurrency": "EUR"},
    "requester": _key(REQUESTER),
}
INTENTION_FULL = {
    "@context": "https://schema.org",
    "@type": "Demand",
    **INTENTION_SMALLEST,
    "itemOffered": {
        "name": "Trail running shoes",
        "category": "shoes",
        "description": "for mud",
        "specs": {"size": "42"},
    },
    "eligibleQuantity": {"value": 2, "unitCode": "C62"},
    "priceSpecification": {
        "@type": "PriceSpecification",
        "maxPrice": "120.00",
        "priceCurrency": "EUR",
    },
    "delivery": {
        "method": "delivery",
        "region": "ES-MD",
        "postalPrefix": "280",
        "deliverBy": "2030-01-10",
    },
    "availabilityStarts": ISSUED,
    "availabilityEnds": LATER,
    "openToAlternatives": True,
    "terms": {"agreements": ["SD-BASE"], "sha256": SHA256},
    "loyaltyProposal": LOYALTY_PROPOSALS[1],
    "reply": {"method": "http-response"},
}
INTENTION_NULLS = {
    **INTENTION_SMALLEST,
    "delivery": {"method": "any", "region": None, "postalPrefix": None, "deliverBy": None},
    "availabilityStarts": None,
    "availabilityEnds": None,
    "terms": None,
    "loyaltyProposal": None,
}

SELLER = {"id": "shop", "name": "Shop", **_key(VENDOR)}
OFFER_SMALLEST = {
    "id": OFFER_ID,
    "intention": INTENTION_ID,
    "issued": ISSUED,
    "validThrough": LATER,
    "seller": SELLER,
    "itemOffered": {"name": "Trail running shoes X", "category": "shoes"},
    "price": "99.00",
    "priceCurrency": "EUR",
    "eligibleQuantity": {"value": 1},
    "delivery": {"method": "delivery", "deliverBy": "2030-01-05", "leadTimeDays": 4},
}
OFFER_FULL = {
    "@context": "https://schema.org",
    "@type": "Offer",
    **OFFER_SMALLEST,
    "isAlternative": False,
    "areaServed": ["ES", "PT"],
    "acceptsTerms": {"sha256": SHA256},
    "acceptsLoyaltyProposal": True,
    "dataRequested": [
        {"field": "postal_address", "required": True, "purpose": "where to deliver"},
        {"field": "phone"},
    ],
}
OFFER_NULLS = {**OFFER_SMALLEST, "acceptsTerms": None}

METADATA_SMALLEST = {
    "id": "shop",
    "name": "Shop",
    "publicKey": VENDOR.verifying_key.jwk,
    "inbox": {"intentions": f"{URL}/inbox/intentions", "offers": f"{URL}/inbox/offers"},
    "policyUrl": f"{URL}/policy",
    "contact": "privacy@shop.example",
}
METADATA_FULL = {
    "type": "VrmVendor",
    "version": 1,
    **METADATA_SMALLEST,
    "inbox": {
        name: f"{URL}/inbox/{name}"
        for name in ("intentions", "offers", "withdrawals", "decisions", "consents", "revocations")
    },
    "categories": ["shoes"],
    "acceptedAgreements": ["SD-BASE", SHA256],
    "controller": {
        "legalName": "Shop S.L.",
        "address": {
            "streetAddress": "Calle 1",
            "addressLocality": "Madrid",
            "postalCode": "28001",
            "addressCountry": "ES",
        },
        "email": "privacy@shop.example",
        "phone": "+34 600 000 000",
        "jurisdiction": "ES",
    },
}

WITHDRAWAL = {
    "type": "IntentionWithdrawn",
    "intention": INTENTION_ID,
    "issued": LATER,
    "requester": _key(REQUESTER),
}
DECISION = {**WITHDRAWAL, "type": "OfferAccepted", "offer": OFFER_ID}

# ---------------------------------------------------------------------------- consents

PURPOSE = {
    "purpose": "to deliver physical goods to you",
    "purposeCategory": ["3 - Delivery"],
    "consentType": "EXPLICIT",
    "piiCategory": ["2 - Contact"],
    "primaryPurpose": True,
    "termination": "When revoked",
    "thirdPartyDisclosure": False,
}
CONTROLLER = {
    "piiController": "Shop",
    "contact": "privacy@shop.example",
    "address": {},
    "email": "privacy@shop.example",
    "phone": "",
}
RECEIPT_SMALLEST = {
    "version": "KI-CR-v1.1.0",
    "jurisdiction": "EU",
    "consentTimestamp": START,
    "collectionMethod": "VRM Wallet: explicit grant by the person",
    "consentReceiptID": RECEIPT_ID,
    "publicKey": PAIRWISE.verifying_key.jwk,
    "piiPrincipalId": PAIRWISE.kid,
    "piiControllers": [CONTROLLER],
    "policyUrl": f"{URL}/policy",
    "services": [{"service": "Trail running shoes X", "purposes": [PURPOSE]}],
    "sensitive": False,
    "spiCat": [],
    "vrm": {
        "vendor": "shop",
        "fields": [
            {
                "key": "postal_address",
                "piiCategory": "2 - Contact",
                "dpv": "https://w3id.org/dpv/pd#PhysicalAddress",
            }
        ],
        "purposes": ["https://w3id.org/dpv#DeliveryOfGoods"],
        "validFrom": START,
        "validUntil": END,
    },
}
RECEIPT_FULL = {
    **RECEIPT_SMALLEST,
    "language": "es",
    "piiControllers": [
        {
            **CONTROLLER,
            "onBehalf": False,
            "address": {
                "streetAddress": "Calle 1",
                "addressLocality": "Madrid",
                "postalCode": "28001",
                "addressCountry": "ES",
            },
            "piiControllerUrl": f"{URL}/policy",
        }
    ],
    "services": [
        {
            "service": "Trail running shoes X",
            "purposes": [
                PURPOSE,
                {
                    **PURPOSE,
                    "purposeCategory": ["5 - Marketing"],
                    "consentType": "IMPLICIT",
                    "primaryPurpose": False,
                    "thirdPartyDisclosure": True,
                    "thirdPartyName": "Carrier S.A.",
                },
            ],
        }
    ],
    "sensitive": True,
    "spiCat": ["1 - Health"],
    "vrm": {**RECEIPT_SMALLEST["vrm"], "offer": OFFER_ID, "terms": SHA256},
}
RECEIPT_TOKEN = PAIRWISE.sign_jws(canonical_bytes(RECEIPT_SMALLEST))
DISCLOSURE = {
    "type": "Disclosure",
    "id": MESSAGE_ID,
    "consentReceiptID": RECEIPT_ID,
    "issued": ISSUED,
    "receipt": RECEIPT_TOKEN,
    "data": {"postal_address": "12 Main Street, Madrid"},
}
CONSENT_NOTICE = {
    "type": "ConsentRevoked",
    "id": MESSAGE_ID,
    "consentReceiptID": RECEIPT_ID,
    "issued": LATER,
    "principal": _key(PAIRWISE),
}
ACKNOWLEDGEMENT = {
    "type": "UpdateAccepted",
    "consentReceiptID": RECEIPT_ID,
    "inReplyTo": MESSAGE_ID,
    "issued": ISSUED,
    "vendor": SELLER,
    "receiptSha256": SHA256,
}
ACCEPTANCE = {
    **ACKNOWLEDGEMENT,
    "type": "DisclosureAccepted",
    "fields": ["postal_address"],
    "countersignature": VENDOR.sign_jws(canonical_bytes(RECEIPT_SMALLEST)),
}
REQUEST = {
    "type": "DataErasureRequest",
    "id": MESSAGE_ID,
    "article": 17,
    "language": "en",
    "issued": LATER,
    "vendor": {"id": "shop", "name": "Shop", "controller": "Shop S.L."},
    "receipts": [
        {
            "consentReceiptID": RECEIPT_ID,
            "consentTimestamp": START,
            "validUntil": END,
            "status": "active",
        }
    ],
    "principal": _key(PAIRWISE),
}

# ---------------------------------------------------------------------------- terms

TERMS_DOCUMENT = {
    "type": "VrmTerms",
    "id": INTENTION_ID.replace("0f0e", "3f3e"),
    "version": 1,
    "issued": ISSUED,
    "catalogue_version": 1,
    "language": "en",
    "clauses": [
        {"id": "CC-RETENTION-DAYS", "params": {"days": 30}},
        {"free_text": True, "text": "No calls after 20:00."},
    ],
}
ACCEPTANCE_RECORD = {
    "terms_sha256": SHA256,
    "accepted_at": ISSUED,
    "vendor": {"id": "shop", "name": "Shop", "publicKey": VENDOR.verifying_key.jwk},
}


def example_documents() -> dict[str, list[dict[str, Any]]]:
    """Valid documents for each published schema, by schema name (fresh copies each call)."""
    intentions = [INTENTION_SMALLEST, INTENTION_FULL, INTENTION_NULLS]
    offers = [OFFER_SMALLEST, OFFER_FULL, OFFER_NULLS]
    signed_offers = [_signed("offer", offer, VENDOR) for offer in offers]
    documents = {
        "vendor-metadata": [METADATA_SMALLEST, METADATA_FULL],
        "loyalty-proposal": LOYALTY_PROPOSALS,
        "intention": intentions,
        "signed-intention": [_signed("intention", item, REQUESTER) for item in intentions],
        "offer": offers,
        "signed-offer": signed_offers,
        "offer-list": [{}, {"offers": []}, {"offers": signed_offers}],
        "sealed-offer-list": [
            {},
            {"offers": signed_offers},
            {"offers": signed_offers, "metadataUrl": "https://shop.example/.well-known/vrm.json"},
            {"offers": [], "metadataUrl": None},
        ],
        "signed-notice": [
            _signed("notice", WITHDRAWAL, REQUESTER),
            _signed("notice", {**WITHDRAWAL, "offer": None}, REQUESTER),
            _signed("notice", DECISION, REQUESTER),
        ],
        "consent-receipt": [RECEIPT_SMALLEST, RECEIPT_FULL],
        "signed-disclosure": [
            _signed("disclosure", DISCLOSURE, PAIRWISE),
            _signed("disclosure", {**DISCLOSURE, "type": "DisclosureUpdate"}, PAIRWISE),
        ],
        "signed-consent-notice": [
            _signed("notice", CONSENT_NOTICE, PAIRWISE),
            _signed("notice", {**CONSENT_NOTICE, "type": "ConsentExpired"}, PAIRWISE),
        ],
        "signed-acknowledgement": [
            _signed("acknowledgement", ACKNOWLEDGEMENT, VENDOR),
            _signed("acknowledgement", ACCEPTANCE, VENDOR),
            _signed("acknowledgement", {**ACKNOWLEDGEMENT, "type": "ConsentTerminated"}, VENDOR),
        ],
        "data-subject-request": [
            REQUEST,
            {
                **_without(REQUEST, "receipts"),
                "type": "DataAccessRequest",
                "article": 15,
                "regulation": "EU 2016/679",
                "fields": [
                    {"key": "postal_address", "label": "Address", "piiCategory": "2 - Contact"}
                ],
            },
        ],
        "terms": [
            {
                "document": TERMS_DOCUMENT,
                "sha256": SHA256,
                "signature": PERSON.sign_jws(canonical_bytes(TERMS_DOCUMENT)),
                **_key(PERSON),
            }
        ],
        "agreement": [
            {
                **ACCEPTANCE_RECORD,
                "signature": VENDOR.sign_jws(canonical_bytes(ACCEPTANCE_RECORD)),
            }
        ],
    }
    return copy.deepcopy(documents)
