"""The good documents of the protocol's test vectors, built for one clock and one vendor.

Every document the protocol signs is built here as the plain JSON object that is sent, and signed
over exactly that object (RFC 8785 bytes as the JWS payload): an absent member stays absent, and
``null`` is a value. :mod:`vendorkit.vectors` writes them with fixed keys, ids and times into
``docs/test-vectors/``; :mod:`vendorkit.conformance` builds the same documents for the current
time and fresh ids and sends them to a live vendor.

The keys are test keys made from published seeds: anyone can sign with them. Never use them for
anything but tests.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey

VECTOR_NOW = 1_767_225_600  # 2026-01-01T00:00:00Z: every fixed vector is "sent" at this time
DAY = 86_400
KEY_NAMES = ("intention", "vendor", "consent", "terms", "other")
KEY_PURPOSES = {
    "intention": "the wallet's fresh key of one intention (signs it, its notices and webhooks)",
    "vendor": "the vendor's key from its metadata (signs offers, acknowledgements, agreements)",
    "consent": "the wallet's pairwise key for the vendor (receipt, disclosures, consent notices)",
    "terms": "the person's terms key (signs the terms document)",
    "other": "a stranger's key: the attacker of the bad variants",
}
RECEIPT_TYP = "kantara-cr+jws"
Json = dict[str, Any]


def _seed(name: str) -> bytes:
    return hashlib.sha256(
        f"VRM Wallet TEST VECTOR key '{name}': public, never use".encode()
    ).digest()


@dataclass(frozen=True, slots=True)
class VectorKeys:
    """The fixed test keys, by role (see :data:`KEY_PURPOSES`)."""

    intention: SigningKey
    vendor: SigningKey
    consent: SigningKey
    terms: SigningKey
    other: SigningKey

    def by_name(self) -> dict[str, SigningKey]:
        return {name: getattr(self, name) for name in KEY_NAMES}


def vector_keys() -> VectorKeys:
    """The test keys: Ed25519 seeds anyone can recompute (SHA-256 of a fixed sentence)."""
    return VectorKeys(**{name: SigningKey(_seed(name)) for name in KEY_NAMES})


def fixed_id(label: str) -> str:
    """A UUID4-shaped id derived from ``label``: the same in every run of the vector writer."""
    digest = hashlib.sha256(f"VRM Wallet test vector id: {label}".encode()).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


class FreshIds:
    """Fresh UUID4s for a live conformance run (a vendor remembers ids across runs), one per
    label for the whole run, so that a notice names the intention sent before it."""

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}

    def __call__(self, label: str) -> str:
        return self._ids.setdefault(label, str(uuid.uuid4()))


@dataclass(frozen=True, slots=True)
class Setting:
    """When the documents are made and for which vendor, and where their ids come from."""

    now: int
    vendor_id: str = "demo-vendor"
    vendor_name: str = "Demo Vendor"
    policy_url: str = "http://127.0.0.1:8787/policy"
    new_id: Callable[[str], str] = fixed_id

    def urn(self, label: str) -> str:
        return f"urn:uuid:{self.new_id(label)}"

    def timestamp(self, offset: int = 0) -> str:
        return datetime.fromtimestamp(self.now + offset, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def date(self, days: int) -> str:
        return (datetime.fromtimestamp(self.now, UTC) + timedelta(days=days)).date().isoformat()


@dataclass(frozen=True, slots=True)
class Signed:
    """One signed document: the JSON object as sent, the JWS header, payload and token."""

    name: str
    document: Json
    header: Json
    canonical: bytes
    jws: str


def jws_header(key: SigningKey, extra: Mapping[str, Any] | None = None) -> Json:
    """The protected header :meth:`SigningKey.sign_jws` writes, in its member order."""
    return {**(extra or {}), "alg": "Ed25519", "kid": key.kid}


def sign(name: str, document: Json, key: SigningKey, *, extra: Json | None = None) -> Signed:
    """``document`` signed over exactly its RFC 8785 bytes."""
    canonical = canonical_bytes(document)
    return Signed(
        name, document, jws_header(key, extra), canonical, key.sign_jws(canonical, header=extra)
    )


def body_bytes(envelope: Json) -> bytes:
    """Compact UTF-8 JSON in member order: how the wallet sends a body (not canonical)."""
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def key_member(key: SigningKey) -> Json:
    """``{"publicKey": <JWK>, "kid": <thumbprint>}``: requester, principal."""
    return {"publicKey": key.verifying_key.jwk, "kid": key.kid}


def vendor_member(setting: Setting, key: SigningKey) -> Json:
    """The ``seller`` of an offer and the ``vendor`` of an acknowledgement."""
    return {"id": setting.vendor_id, "name": setting.vendor_name, **key_member(key)}


# ---------------------------------------------------------------------------- intentions, offers


def terms_document(setting: Setting) -> Json:
    """The person's terms: the roster agreement SD-BASE (IEEE 7012) with two catalogue clauses,
    one of them with a parameter."""
    return {
        "type": "VrmTerms",
        "id": setting.urn("terms"),
        "version": 1,
        "issued": setting.timestamp(-DAY),
        "catalogue_version": 1,
        "language": "en",
        "agreement": "SD-BASE",
        "clauses": [
            {"id": "CC-NO-TRACKING", "params": {}},
            {"id": "CC-RETENTION-DAYS", "params": {"days": 30}},
        ],
    }


def counter_terms_document(setting: Setting) -> Json:
    """The vendor's one counter-offer: a roster agreement alone, in a document it wrote."""
    return {
        "type": "VrmTerms",
        "id": setting.urn("counter-terms"),
        "version": 1,
        "issued": setting.timestamp(1),
        "catalogue_version": 1,
        "language": "en",
        "agreement": "PDC-INTENT",
        "clauses": [],
    }


def signed_terms(setting: Setting, keys: VectorKeys) -> tuple[Signed, Json]:
    """The person's terms document signed, and its export (``SignedTerms``) as sent: the JWS
    covers the ``document`` member only."""
    inner = sign("terms", terms_document(setting), keys.terms, extra={"cty": "json"})
    export = {
        "document": inner.document,
        "sha256": hashlib.sha256(inner.canonical).hexdigest(),
        "signature": inner.jws,
        "publicKey": keys.terms.verifying_key.jwk,
        "kid": keys.terms.kid,
    }
    return Signed("terms", inner.document, inner.header, inner.canonical, inner.jws), export


def terms_sha256(setting: Setting, keys: VectorKeys) -> str:
    return hashlib.sha256(signed_terms(setting, keys)[0].canonical).hexdigest()


def intention(setting: Setting, keys: VectorKeys, *, key: SigningKey | None = None) -> Json:
    """A full intention: every member present, two of them ``null``, non-ASCII text."""
    signer = key or keys.intention
    return {
        "@context": "https://schema.org",
        "@type": "Demand",
        "id": setting.urn("intention"),
        "issued": setting.timestamp(),
        "validThrough": setting.timestamp(7 * DAY),
        "itemOffered": {
            "name": "Zapatillas de montaña",
            "category": "shoes",
            "description": "Trail running shoes",
            "specs": {"size": "42"},
        },
        "eligibleQuantity": {"value": 1, "unitCode": "C62"},
        "priceSpecification": {
            "@type": "PriceSpecification",
            "maxPrice": "120.00",
            "priceCurrency": "EUR",
        },
        "delivery": {
            "method": "delivery",
            "region": "ES",
            "postalPrefix": "280",
            "deliverBy": setting.date(10),
        },
        "availabilityStarts": None,
        "availabilityEnds": None,
        "openToAlternatives": True,
        "terms": {
            "agreements": ["SD-BASE"],
            "sha256": terms_sha256(setting, keys),
            "document": terms_document(setting),
        },
        "loyaltyProposal": None,
        "requester": key_member(signer),
        "reply": {"method": "http-response"},
    }


def minimal_intention(setting: Setting, keys: VectorKeys) -> Json:
    """Only the required members: every member with a default is left out."""
    return {
        "id": setting.urn("intention-minimal"),
        "issued": setting.timestamp(),
        "validThrough": setting.timestamp(7 * DAY),
        "itemOffered": {"name": "Trail running shoes", "category": "shoes"},
        "priceSpecification": {"maxPrice": "120.00", "priceCurrency": "EUR"},
        "requester": key_member(keys.intention),
    }


def offer(setting: Setting, keys: VectorKeys) -> Json:
    """A full offer for :func:`intention`, accepting its terms, asking for one field."""
    return {
        "@context": "https://schema.org",
        "@type": "Offer",
        "id": setting.urn("offer"),
        "intention": setting.urn("intention"),
        "issued": setting.timestamp(1),
        "validThrough": setting.timestamp(3 * DAY),
        "seller": vendor_member(setting, keys.vendor),
        "itemOffered": {
            "name": "Trail running shoes",
            "category": "shoes",
            "description": "Lightweight trail shoes with a grippy sole.",
            "specs": {"size": "42"},
        },
        "isAlternative": False,
        "price": "95.00",
        "priceCurrency": "EUR",
        "eligibleQuantity": {"value": 1, "unitCode": "C62"},
        "delivery": {"method": "delivery", "deliverBy": setting.date(3), "leadTimeDays": 3},
        "areaServed": ["ES", "PT"],
        "acceptsTerms": {
            "sha256": terms_sha256(setting, keys),
            "record": agreement(setting, keys)[0],
        },
        "acceptsLoyaltyProposal": False,
        "dataRequested": [
            {"field": "postal_address", "required": True, "purpose": "where to deliver"}
        ],
    }


def counter_offer(setting: Setting, keys: VectorKeys) -> Json:
    """:func:`offer` that does not accept the person's terms and makes its one counter-offer."""
    counter = counter_terms_document(setting)
    sha256 = hashlib.sha256(canonical_bytes(counter)).hexdigest()
    document = {
        name: value for name, value in offer(setting, keys).items() if name != "acceptsTerms"
    }
    return document | {
        "id": setting.urn("offer-counter"),
        "counterTerms": {
            "sha256": sha256,
            "document": counter,
            "record": agreement(setting, keys, sha256=sha256)[0],
        },
    }


def minimal_offer(setting: Setting, keys: VectorKeys) -> Json:
    """Only the required members: no ``acceptsTerms`` (not accepting), no defaults."""
    return {
        "id": setting.urn("offer-minimal"),
        "intention": setting.urn("intention"),
        "issued": setting.timestamp(1),
        "validThrough": setting.timestamp(3 * DAY),
        "seller": vendor_member(setting, keys.vendor),
        "itemOffered": {"name": "Road running shoes", "category": "shoes"},
        "price": "79.00",
        "priceCurrency": "EUR",
        "eligibleQuantity": {"value": 1},
        "delivery": {"method": "pickup", "deliverBy": setting.date(2), "leadTimeDays": 2},
    }


def notice(
    setting: Setting, keys: VectorKeys, *, kind: str, intention_label: str = "intention"
) -> Json:
    """``IntentionWithdrawn`` (``offer`` null) or a decision on :func:`offer`."""
    return {
        "type": kind,
        "intention": setting.urn(intention_label),
        "offer": None if kind == "IntentionWithdrawn" else setting.urn("offer"),
        "issued": setting.timestamp(60),
        "requester": key_member(keys.intention),
    }


# ---------------------------------------------------------------------------- consents


def receipt(
    setting: Setting,
    keys: VectorKeys,
    *,
    label: str = "consent",
    vendor_id: str | None = None,
    valid_from: int | None = None,
    valid_days: int = 90,
) -> Json:
    """A Kantara CR v1.1 receipt for two fields, issued by the pairwise consent key."""
    start = setting.now if valid_from is None else valid_from
    return {
        "version": "KI-CR-v1.1.0",
        "jurisdiction": "EU",
        "consentTimestamp": start,
        "collectionMethod": "VRM Wallet: explicit grant by the person, after reviewing a summary",
        "consentReceiptID": setting.new_id(label),
        "publicKey": keys.consent.verifying_key.jwk,
        "language": "en",
        "piiPrincipalId": keys.consent.kid,
        "piiControllers": [
            {
                "piiController": setting.vendor_name,
                "contact": "privacy@vendor.example",
                "address": {
                    "streetAddress": "",
                    "addressLocality": "",
                    "postalCode": "",
                    "addressCountry": "",
                },
                "email": "privacy@vendor.example",
                "phone": "",
                "piiControllerUrl": setting.policy_url,
            }
        ],
        "policyUrl": setting.policy_url,
        "services": [
            {
                "service": "Trail running shoes",
                "purposes": [
                    {
                        "purpose": "to deliver physical goods to you",
                        "purposeCategory": ["3 - Delivery"],
                        "consentType": "EXPLICIT",
                        "piiCategory": ["2 - Contact"],
                        "primaryPurpose": True,
                        "termination": "Ends when the person revokes it or at vrm.validUntil",
                        "thirdPartyDisclosure": False,
                    }
                ],
            }
        ],
        "sensitive": False,
        "spiCat": [],
        "vrm": {
            "vendor": vendor_id or setting.vendor_id,
            "fields": [
                {
                    "key": "email",
                    "piiCategory": "2 - Contact",
                    "dpv": "https://w3id.org/dpv/pd#EmailAddress",
                },
                {
                    "key": "postal_address",
                    "piiCategory": "2 - Contact",
                    "dpv": "https://w3id.org/dpv/pd#PhysicalAddress",
                },
            ],
            "purposes": ["https://w3id.org/dpv#DeliveryOfGoods"],
            "validFrom": start,
            "validUntil": start + valid_days * DAY,
            "offer": setting.urn("offer"),
        },
    }


def signed_receipt(setting: Setting, keys: VectorKeys, **options: Any) -> Signed:
    document = receipt(setting, keys, **options)
    return sign("receipt", document, keys.consent, extra={"typ": RECEIPT_TYP})


def disclosure(
    setting: Setting,
    keys: VectorKeys,
    *,
    kind: str = "Disclosure",
    label: str = "consent",
    receipt_jws: str | None = None,
    data: Json | None = None,
) -> Json:
    """The fields sent under the consent ``label`` (its receipt signed inside)."""
    token = receipt_jws or signed_receipt(setting, keys, label=label).jws
    values = data or (
        {"email": "ada@example.org", "postal_address": "Calle Mayor 1, 28013 Madrid"}
        if kind == "Disclosure"
        else {"postal_address": "Calle de Alcalá 2, 28014 Madrid"}
    )
    return {
        "type": kind,
        "id": setting.urn(f"{label}-{kind}"),
        "consentReceiptID": setting.new_id(label),
        "issued": setting.timestamp(120 if kind == "Disclosure" else 180),
        "receipt": token,
        "data": values,
    }


def consent_notice(
    setting: Setting, keys: VectorKeys, *, label: str = "consent", key: SigningKey | None = None
) -> Json:
    return {
        "type": "ConsentRevoked",
        "id": setting.urn(f"{label}-revoked"),
        "consentReceiptID": setting.new_id(label),
        "issued": setting.timestamp(240),
        "principal": key_member(key or keys.consent),
    }


def acknowledgement(
    setting: Setting, keys: VectorKeys, *, kind: str = "DisclosureAccepted"
) -> Json:
    """The vendor's answer to the disclosure (with the countersignature) or to the revocation
    (the termination receipt, ``countersignature`` left out)."""
    signed = signed_receipt(setting, keys)
    document: Json = {
        "type": kind,
        "consentReceiptID": setting.new_id("consent"),
        "inReplyTo": setting.urn(
            "consent-Disclosure" if kind != "ConsentTerminated" else "consent-revoked"
        ),
        "issued": setting.timestamp(121 if kind != "ConsentTerminated" else 241),
        "vendor": vendor_member(setting, keys.vendor),
        "receiptSha256": hashlib.sha256(signed.canonical).hexdigest(),
        "fields": ["email", "postal_address"],
    }
    if kind == "DisclosureAccepted":
        document["countersignature"] = keys.vendor.sign_jws(
            signed.canonical, header={"typ": RECEIPT_TYP}
        )
    return document


def agreement(
    setting: Setting, keys: VectorKeys, *, sha256: str | None = None
) -> tuple[Json, Signed]:
    """The vendor's signed acceptance of the terms (or of ``sha256``): the record as sent, and
    what is signed (``{terms_sha256, accepted_at, vendor}``, the record without ``signature``)."""
    acceptance = {
        "terms_sha256": sha256 or terms_sha256(setting, keys),
        "accepted_at": setting.timestamp(2),
        "vendor": {
            "id": setting.vendor_id,
            "name": setting.vendor_name,
            "publicKey": keys.vendor.verifying_key.jwk,
        },
    }
    signed = sign("agreement", acceptance, keys.vendor, extra={"cty": "json"})
    return {**acceptance, "signature": signed.jws}, signed
