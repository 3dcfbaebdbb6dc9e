"""Builders of valid wire documents for the wire and vendor-kit tests."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.wire.models import Intention, Offer
from wallet.wire.terms import PublicJwk, TermsDocument, terms_sha256, utc_timestamp

# The terms every test intention proffers: the document travels with its hash (IEEE 7012).
TERMS_DOCUMENT = TermsDocument(
    type="VrmTerms",
    id="urn:uuid:00000000-0000-4000-8000-000000000013",
    version=1,
    issued="2026-01-01T00:00:00Z",
    catalogue_version=1,
    language="en",
    agreement="SD-BASE",
    clauses=[],
)
TERMS_SHA256 = terms_sha256(TERMS_DOCUMENT)


def make_intention(key: SigningKey | None = None, **changes: Any) -> tuple[Intention, SigningKey]:
    key = key or generate_signing_key()
    now = datetime.now(UTC)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Demand",
        "id": uuid.uuid4().urn,
        "issued": utc_timestamp(now),
        "validThrough": utc_timestamp(now + timedelta(days=7)),
        "itemOffered": {
            "name": "Trail running shoes",
            "category": "shoes",
            "specs": {"size": "42"},
        },
        "eligibleQuantity": {"value": 1},
        "priceSpecification": {"maxPrice": "120.00", "priceCurrency": "EUR"},
        "delivery": {
            "method": "delivery",
            "region": "ES-MD",
            "postalPrefix": "280",
            "deliverBy": (date.today() + timedelta(days=10)).isoformat(),
        },
        "openToAlternatives": True,
        "terms": {
            "agreements": ["SD-BASE"],
            "sha256": TERMS_SHA256,
            "document": TERMS_DOCUMENT.wire(),
        },
        "requester": {"publicKey": key.verifying_key.jwk, "kid": key.kid},
    }
    data.update(changes)
    return Intention.model_validate(data), key


def make_offer(key: SigningKey, intention_id: str | None = None, **changes: Any) -> Offer:
    now = datetime.now(UTC)
    data: dict[str, Any] = {
        "id": uuid.uuid4().urn,
        "intention": intention_id or uuid.uuid4().urn,
        "issued": utc_timestamp(now),
        "validThrough": utc_timestamp(now + timedelta(days=3)),
        "seller": {
            "id": "demo-vendor",
            "name": "Demo Vendor",
            "publicKey": PublicJwk.model_validate(key.verifying_key.jwk),
            "kid": key.kid,
        },
        "itemOffered": {"name": "Trail running shoes", "category": "shoes"},
        "price": "99.50",
        "priceCurrency": "EUR",
        "eligibleQuantity": {"value": 1},
        "delivery": {"method": "delivery", "deliverBy": "2030-01-05", "leadTimeDays": 3},
        "areaServed": ["ES"],
        "acceptsTerms": {"sha256": TERMS_SHA256},
        "acceptsLoyaltyProposal": False,
    }
    data.update(changes)
    return Offer.model_validate(data)
