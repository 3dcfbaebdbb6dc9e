"""The signing rule (docs/protocol.md, issue 13): the JWS payload is the RFC 8785 form of exactly
the JSON object that is sent, and a verifier compares it with the object it received.

Every document here is built by hand as a plain dictionary and signed by a stranger
(:mod:`tests.signing_rule_strangers`: ``cryptography`` and a hand-made compact JWS), leaving
optional members out or writing ``null`` where ``null`` is allowed; our verifiers must accept it
as it was sent, and refuse it once any member changes after signing. Our own signers must send
exactly what they sign.
"""

from __future__ import annotations

import copy
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.properties import examples
from tests.signing_rule_strangers import Stranger, b64url, body_of, envelope
from tests.wire_helpers import make_intention, make_offer
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import (
    VerifyingKey,
    generate_signing_key,
    unverified_payload,
    verifying_key_from_jwk,
)
from wallet.errors import SignatureInvalid
from wallet.offers.ingest import check_offers
from wallet.terms.signing import sign_agreement
from wallet.vendors.store import VendorRow
from wallet.wire.consent import (
    ConsentAcknowledgement,
    ConsentNotice,
    ConsentReceipt,
    Disclosure,
    SignedAcknowledgement,
    SignedConsentNotice,
    SignedDisclosure,
)
from wallet.wire.consent_signing import (
    receipt_sha256,
    sign_acknowledgement,
    sign_consent_notice,
    sign_receipt,
    signed_disclosure_bytes,
    verify_receipt,
    verify_signed_acknowledgement,
    verify_signed_consent_notice,
    verify_signed_disclosure,
)
from wallet.wire.models import RequesterKey, SellerIdentity, SignedIntention, SignedOffer
from wallet.wire.notices import IntentionNotice, SignedNotice, sign_notice, verify_signed_notice
from wallet.wire.signing import (
    sign_intention,
    sign_offer,
    validate_wire,
    verify_signed_intention,
    verify_signed_offer,
    wire_bytes,
)
from wallet.wire.terms import PublicJwk, utc_timestamp

SELLER_ID = "stranger-shop"
INTENTION = uuid.uuid4().urn
# The members of an offer a vendor may leave out, each with a value it may send instead.
OPTIONAL_OFFER_MEMBERS: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "Offer",
    "isAlternative": False,
    "areaServed": ["ES"],
    "acceptsTerms": {"sha256": "ab" * 32},
    "acceptsLoyaltyProposal": False,
    "dataRequested": [{"field": "postal_address", "purpose": "where to deliver"}],
}


def key_of(stranger: Stranger) -> VerifyingKey:
    return verifying_key_from_jwk(stranger.jwk)


def minimal_offer(seller: Stranger, **members: Any) -> dict[str, Any]:
    """An offer with only its required members (and ``members``), as a stranger writes it."""
    now = datetime.now(UTC)
    return {
        "id": uuid.uuid4().urn,
        "intention": INTENTION,
        "issued": utc_timestamp(now),
        "validThrough": utc_timestamp(now + timedelta(days=3)),
        "seller": {
            "id": SELLER_ID,
            "name": "Stranger Shop",
            "publicKey": seller.jwk,
            "kid": seller.kid,
        },
        "itemOffered": {"name": "Trail running shoes", "category": "shoes"},
        "price": "99.50",
        "priceCurrency": "EUR",
        "eligibleQuantity": {"value": 1},
        "delivery": {"method": "delivery", "deliverBy": "2030-01-05", "leadTimeDays": 3},
        **members,
    }


def minimal_intention(requester: Stranger) -> dict[str, Any]:
    """An intention with only its required members: no @context, @type, delivery, terms..."""
    now = datetime.now(UTC)
    return {
        "id": uuid.uuid4().urn,
        "issued": utc_timestamp(now),
        "validThrough": utc_timestamp(now + timedelta(days=7)),
        "itemOffered": {"name": "Trail running shoes", "category": "shoes"},
        "priceSpecification": {"maxPrice": "120.00", "priceCurrency": "EUR"},
        "requester": {"publicKey": requester.jwk, "kid": requester.kid},
    }


def vendor_row(seller: Stranger) -> VendorRow:
    """The wallet's directory entry for ``seller``: its key pinned."""
    moment = datetime.now(UTC)
    return VendorRow(
        id=SELLER_ID,
        name="Stranger Shop",
        metadata_url="http://127.0.0.1:9/.well-known/vrm-vendor.json",
        intentions_url="http://127.0.0.1:9/inbox/intentions",
        offers_url="http://127.0.0.1:9/inbox/offers",
        public_jwk=seller.jwk,
        kid=seller.kid,
        categories=("shoes",),
        accepted_agreements=(),
        contact="privacy@stranger.example",
        policy_url="http://127.0.0.1:9/privacy",
        metadata={},
        added=moment,
        updated=moment,
        status="active",
        status_reason="",
        pending_jwk=None,
        pending_metadata=None,
        pending_since=None,
    )


def judged(seller: Stranger, items: list[dict[str, Any]]) -> tuple[list[Any], list[Any]]:
    """What the wallet's offer intake makes of ``items`` as one answer from ``seller``."""
    return check_offers(
        body_of({"offers": items}),
        vendor=vendor_row(seller),
        intention_id=INTENTION,
        is_known=lambda _: False,
    )


# ---------------------------------------------------------------------------- offers


def test_an_offer_leaving_out_every_defaulted_member_is_kept_as_signed() -> None:
    seller = Stranger()
    item = envelope("offer", minimal_offer(seller), seller)
    accepted, rejected = judged(seller, [item])
    assert rejected == []
    [checked] = accepted
    assert checked.received == item  # kept as it arrived: nothing added, nothing left out
    signed = validate_wire(item, SignedOffer)
    assert (
        verify_signed_offer(signed, key_of(seller), received=item["offer"]).isAlternative is False
    )
    # The model's own dump (defaults filled in) is not what the vendor signed.
    with pytest.raises(SignatureInvalid):
        verify_signed_offer(signed, key_of(seller))


@settings(max_examples=examples(60))
@given(left_out=st.sets(st.sampled_from(sorted(OPTIONAL_OFFER_MEMBERS))))
def test_any_optional_members_left_out_of_an_offer_signed_as_sent_is_accepted(
    left_out: set[str],
) -> None:
    seller = Stranger()
    sent = {name: value for name, value in OPTIONAL_OFFER_MEMBERS.items() if name not in left_out}
    item = envelope("offer", minimal_offer(seller, **sent), seller)
    accepted, rejected = judged(seller, [item])
    assert rejected == [] and [checked.received for checked in accepted] == [item]


def _changes(document: dict[str, Any]) -> list[tuple[str, Any]]:
    """Edits of a signed offer that keep it a valid offer: each must be refused as forged."""
    flipped = {True: 1, False: 0}
    edits: list[tuple[str, Any]] = [
        ("price", "1.00"),
        ("priceCurrency", "USD"),
        ("validThrough", "2099-01-01T00:00:00Z"),
        ("itemOffered", {**document["itemOffered"], "description": "used"}),
        ("eligibleQuantity", {"value": 2}),
    ]
    for name, value in OPTIONAL_OFFER_MEMBERS.items():
        if name not in document:
            edits.append((name, value))  # added after signing, even with its default value
        elif isinstance(document[name], bool):
            edits.append((name, flipped[document[name]]))  # true is not 1, false is not 0
            edits.append((name, not document[name]))
        else:
            edits.append((name, None))  # left out after signing (None: delete)
    return edits


@settings(max_examples=examples(80))
@given(
    left_out=st.sets(st.sampled_from(sorted(OPTIONAL_OFFER_MEMBERS))),
    choice=st.integers(min_value=0, max_value=10_000),
)
def test_any_member_changed_after_signing_makes_the_offer_forged(
    left_out: set[str], choice: int
) -> None:
    seller = Stranger()
    sent = {name: value for name, value in OPTIONAL_OFFER_MEMBERS.items() if name not in left_out}
    item = envelope("offer", minimal_offer(seller, **sent), seller)
    edits = _changes(item["offer"])
    name, value = edits[choice % len(edits)]
    changed = copy.deepcopy(item)
    if value is None:
        del changed["offer"][name]
    else:
        changed["offer"][name] = value
    accepted, rejected = judged(seller, [changed])
    assert accepted == []
    # 1 for true is refused by the signature check, or first by a strict schema (a boolean)
    codes = {"forged", "invalid_offer"} if type(value) is int else {"forged"}
    assert [refusal.code for refusal in rejected] in [[code] for code in codes], (name, value)


# ---------------------------------------------------------------------------- intentions, notices


def test_an_intention_leaving_out_defaulted_members_verifies_as_sent() -> None:
    requester = Stranger()
    raw = envelope("intention", minimal_intention(requester), requester)
    signed = validate_wire(raw, SignedIntention)
    assert verify_signed_intention(signed, received=raw["intention"]).reply.method == (
        "http-response"
    )
    with pytest.raises(SignatureInvalid):
        verify_signed_intention(signed)  # its own dump has @context, delivery, reply...


@pytest.mark.parametrize("offer", ["left out", "null"])
def test_a_withdrawal_verifies_with_its_offer_member_left_out_or_null(offer: str) -> None:
    requester = Stranger()
    notice: dict[str, Any] = {
        "type": "IntentionWithdrawn",
        "intention": INTENTION,
        "issued": utc_timestamp(),
        "requester": {"publicKey": requester.jwk, "kid": requester.kid},
    }
    if offer == "null":
        notice["offer"] = None
    raw = envelope("notice", notice, requester)
    checked = verify_signed_notice(validate_wire(raw, SignedNotice), received=raw["notice"])
    assert checked.offer is None
    changed = {**raw["notice"], "offer": None} if offer == "left out" else raw["notice"]
    if offer == "left out":  # null is a value: adding it after signing is a change
        with pytest.raises(SignatureInvalid):
            verify_signed_notice(validate_wire(raw, SignedNotice), received=changed)


# ---------------------------------------------------------------------------- consents


def stranger_receipt(person: Stranger, **changes: Any) -> dict[str, Any]:
    """A Kantara receipt written by hand, leaving out ``language`` (default ``en``) and every
    optional member (``onBehalf``, ``piiControllerUrl``, ``vrm.offer``, ``vrm.terms``)."""
    start = int(datetime.now(UTC).timestamp()) - 60
    receipt: dict[str, Any] = {
        "version": "KI-CR-v1.1.0",
        "jurisdiction": "EU",
        "consentTimestamp": start,
        "collectionMethod": "a form written in another language",
        "consentReceiptID": str(uuid.uuid4()),
        "publicKey": person.jwk,
        "piiPrincipalId": person.kid,
        "piiControllers": [
            {
                "piiController": "Stranger Shop",
                "contact": "privacy@stranger.example",
                "address": {},
                "email": "privacy@stranger.example",
                "phone": "",
            }
        ],
        "policyUrl": "https://stranger.example/privacy",
        "services": [
            {
                "service": "Delivery",
                "purposes": [
                    {
                        "purpose": "Deliver the order",
                        "purposeCategory": ["3 - Delivery"],
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
            "vendor": SELLER_ID,
            "fields": [
                {
                    "key": "email",
                    "piiCategory": "2 - Contact",
                    "dpv": "https://w3id.org/dpv/pd#EmailAddress",
                }
            ],
            "purposes": ["https://w3id.org/dpv#DeliveryOfGoods"],
            "validFrom": start,
            "validUntil": start + 30 * 86_400,
        },
    }
    receipt.update(changes)
    return receipt


def test_a_receipt_leaving_out_its_defaulted_members_verifies_as_signed() -> None:
    person = Stranger()
    document = stranger_receipt(person)
    token = person.jws(document, typ="kantara-cr+jws")
    receipt, canonical, key = verify_receipt(token)
    assert receipt.language == "en" and "language" not in document
    assert canonical == canonical_bytes(document) and key.kid == person.kid


def test_a_receipt_payload_that_is_not_its_own_canonical_form_is_refused() -> None:
    person = Stranger()
    head = b64url(json.dumps({"alg": "EdDSA", "kid": person.kid}).encode())
    spaced = b64url(json.dumps(stranger_receipt(person), indent=1).encode())  # not RFC 8785
    signature = person.private.sign(f"{head}.{spaced}".encode())
    with pytest.raises(SignatureInvalid, match="canonical"):
        verify_receipt(f"{head}.{spaced}.{b64url(signature)}")


def test_a_disclosure_and_a_notice_by_a_stranger_verify_as_sent() -> None:
    person = Stranger()
    token = person.jws(stranger_receipt(person), typ="kantara-cr+jws")
    receipt_id = verify_receipt(token)[0].consentReceiptID
    disclosure = {
        "type": "Disclosure",
        "id": uuid.uuid4().urn,
        "consentReceiptID": receipt_id,
        "issued": utc_timestamp(),
        "receipt": token,
        "data": {"email": "ada@example.org"},
    }
    raw = envelope("disclosure", disclosure, person)
    checked = verify_signed_disclosure(
        validate_wire(raw, SignedDisclosure), received=raw["disclosure"]
    )
    assert checked[0].data == {"email": "ada@example.org"}
    notice = {
        "type": "ConsentRevoked",
        "id": uuid.uuid4().urn,
        "consentReceiptID": receipt_id,
        "issued": utc_timestamp(),
        "principal": {"publicKey": person.jwk, "kid": person.kid},
    }
    raw = envelope("notice", notice, person)
    signed = validate_wire(raw, SignedConsentNotice)
    assert verify_signed_consent_notice(signed, received=raw["notice"])[1] == person.kid
    with pytest.raises(SignatureInvalid):
        verify_signed_consent_notice(signed, received={**raw["notice"], "id": uuid.uuid4().urn})


@pytest.mark.parametrize("countersignature", ["null", "left out"])
def test_an_acknowledgement_with_a_null_or_absent_countersignature_verifies_as_sent(
    countersignature: str,
) -> None:
    vendor = Stranger()
    canonical = b'{"a":1}'
    acknowledgement: dict[str, Any] = {
        "type": "ConsentTerminated",
        "consentReceiptID": str(uuid.uuid4()),
        "inReplyTo": uuid.uuid4().urn,
        "issued": utc_timestamp(),
        "vendor": {
            "id": SELLER_ID,
            "name": "Stranger Shop",
            "publicKey": vendor.jwk,
            "kid": vendor.kid,
        },
        "receiptSha256": receipt_sha256(canonical),
    }  # "fields" (default []) left out too
    if countersignature == "null":
        acknowledgement["countersignature"] = None
    raw = envelope("acknowledgement", acknowledgement, vendor)
    signed = validate_wire(raw, SignedAcknowledgement)
    checked = verify_signed_acknowledgement(
        signed, key_of(vendor), canonical_receipt=canonical, received=raw["acknowledgement"]
    )
    assert checked.countersignature is None and checked.fields == []
    flipped = dict(raw["acknowledgement"])
    if countersignature == "null":
        del flipped["countersignature"]  # absent is not null
    else:
        flipped["countersignature"] = None
    with pytest.raises(SignatureInvalid):
        verify_signed_acknowledgement(
            signed, key_of(vendor), canonical_receipt=canonical, received=flipped
        )


# ---------------------------------------------------------------------------- our own signers


def test_our_signers_send_exactly_the_object_they_sign() -> None:
    """What goes over the wire (``wire_bytes``) holds the very object each JWS covers."""
    vendor = generate_signing_key()
    intention, key = make_intention()
    seller = SellerIdentity(
        id=SELLER_ID,
        name="Shop",
        publicKey=PublicJwk.model_validate(vendor.verifying_key.jwk),
        kid=vendor.kid,
    )
    termination = ConsentAcknowledgement(
        type="ConsentTerminated",
        consentReceiptID=str(uuid.uuid4()),
        inReplyTo=uuid.uuid4().urn,
        issued=utc_timestamp(),
        vendor=seller,
        receiptSha256="ab" * 32,
        fields=["email"],
    )
    withdrawal = IntentionNotice(
        type="IntentionWithdrawn",
        intention=intention.id,
        issued=utc_timestamp(),
        requester=intention.requester,
    )
    pairwise = generate_signing_key()
    receipt = ConsentReceipt.model_validate(
        stranger_receipt(
            Stranger(), publicKey=pairwise.verifying_key.jwk, piiPrincipalId=pairwise.kid
        )
    )
    token, canonical = sign_receipt(receipt, pairwise)
    disclosure = Disclosure(
        type="Disclosure",
        id=uuid.uuid4().urn,
        consentReceiptID=receipt.consentReceiptID,
        issued=utc_timestamp(),
        receipt=token,
        data={"email": "ada@example.org"},
    )
    revocation = ConsentNotice(
        type="ConsentRevoked",
        id=uuid.uuid4().urn,
        consentReceiptID=receipt.consentReceiptID,
        issued=utc_timestamp(),
        principal=RequesterKey(
            publicKey=PublicJwk.model_validate(pairwise.verifying_key.jwk), kid=pairwise.kid
        ),
    )
    sent = [
        ("intention", wire_bytes(sign_intention(intention, key))),
        ("offer", wire_bytes(sign_offer(make_offer(vendor, intention.id), vendor))),
        ("notice", wire_bytes(sign_notice(withdrawal, key))),
        ("disclosure", signed_disclosure_bytes(disclosure, pairwise)),
        ("notice", wire_bytes(sign_consent_notice(revocation, pairwise))),
        ("acknowledgement", wire_bytes(sign_acknowledgement(termination, vendor))),
    ]
    for member, body in sent:
        document = json.loads(body)
        assert canonical_bytes(document[member]) == unverified_payload(document["signature"])
    # The receipt is its own payload; the countersignature covers the same bytes.
    assert unverified_payload(token) == canonical == canonical_bytes(json.loads(canonical))
    record = sign_agreement(vendor, terms_sha256="ab" * 32, vendor_id=SELLER_ID, vendor_name="S")
    sent_record = record.model_dump(mode="json")
    del sent_record["signature"]
    assert canonical_bytes(sent_record) == unverified_payload(record.signature)
