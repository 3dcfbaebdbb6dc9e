"""The intention/offer wire formats: round trips, schemas, and signature checks that must fail."""

from __future__ import annotations

import base64
import json

import pytest

from tests.wire_helpers import make_intention, make_offer
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import VerifyingKey, b64url, generate_signing_key
from wallet.errors import InvalidInput, InvalidKey, SignatureInvalid
from wallet.schemas import schema_path, stale_schemas
from wallet.wire import (
    Intention,
    Offer,
    SignedIntention,
    SignedOffer,
    VendorMetadata,
    WireFormatError,
    parse_wire,
    sign_intention,
    sign_offer,
    verify_signed_intention,
    verify_signed_offer,
    wire_bytes,
)
from wallet.wire.terms import PublicJwk

REFUSED = (SignatureInvalid, InvalidKey)
SMALL_ORDER_IDENTITY = bytes([1]) + bytes(31)


def _jws(header: dict[str, str], payload: bytes, signature: bytes) -> str:
    head = b64url(json.dumps(header).encode())
    return f"{head}.{b64url(payload)}.{b64url(signature)}"


def test_models_round_trip_through_json() -> None:
    intention, key = make_intention()
    again = parse_wire(wire_bytes(intention), Intention)
    assert again == intention
    assert again.wire()["@type"] == "Demand"
    assert again.wire()["priceSpecification"]["@type"] == "PriceSpecification"
    offer = make_offer(generate_signing_key(), intention.id)
    assert parse_wire(wire_bytes(offer), Offer) == offer
    signed = sign_intention(intention, key)
    assert parse_wire(wire_bytes(signed), SignedIntention) == signed


def test_schema_files_exist_and_match() -> None:
    assert stale_schemas() == []
    for name in ("intention", "offer", "vendor-metadata", "signed-intention", "signed-offer"):
        schema = json.loads(schema_path(name).read_text(encoding="utf-8"))
        assert schema["additionalProperties"] is False
    intention = json.loads(schema_path("intention").read_text(encoding="utf-8"))
    assert {"@context", "@type", "requester", "priceSpecification"} <= set(intention["properties"])


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"priceSpecification": {"maxPrice": "10", "priceCurrency": "eur"}}, "priceCurrency"),
        ({"priceSpecification": {"maxPrice": 10.5, "priceCurrency": "EUR"}}, "maxPrice"),
        ({"priceSpecification": {"maxPrice": "-1", "priceCurrency": "EUR"}}, "maxPrice"),
        ({"id": "not-a-urn"}, "id"),
        ({"@type": "Offer"}, "@type"),
        ({"validThrough": "2000-01-01T00:00:00Z"}, "validThrough"),
        ({"delivery": {"postalPrefix": "28013"}}, "postalPrefix"),
        ({"email": "me@example.com"}, "email"),
    ],
)
def test_invalid_intentions_are_refused(change: dict[str, object], needle: str) -> None:
    intention, _ = make_intention()
    data = {**intention.wire(), **change}
    with pytest.raises(WireFormatError, match=needle):
        parse_wire(json.dumps(data).encode(), Intention)


def test_parsing_refuses_oversize_malformed_and_repeated_keys() -> None:
    with pytest.raises(WireFormatError, match="more than"):
        parse_wire(b" " * (256 * 1024 + 1), Intention)
    with pytest.raises(WireFormatError, match="not valid JSON"):
        parse_wire(b'{"@type": ', Intention)
    with pytest.raises(WireFormatError, match="repeats the key"):
        parse_wire(b'{"id": "a", "id": "b"}', Intention)
    with pytest.raises(WireFormatError, match="UTF-8"):
        parse_wire(b'{"id": "\xff"}', Intention)
    with pytest.raises(WireFormatError, match="deeper"):
        parse_wire(b"[" * 100 + b"]" * 100, Intention)


def test_metadata_validates_urls() -> None:
    key = generate_signing_key()
    data = {
        "id": "v1",
        "name": "V",
        "publicKey": key.verifying_key.jwk,
        "inbox": {"intentions": "http://127.0.0.1:1/i", "offers": "http://127.0.0.1:1/o"},
        "policyUrl": "https://v.example/policy",
        "contact": "a@v.example",
    }
    assert VendorMetadata.model_validate(data).wire()["type"] == "VrmVendor"
    for bad in ("ftp://x/i", "/relative", "http://user:pw@host/i"):
        with pytest.raises(WireFormatError):
            parse_wire(
                json.dumps({**data, "inbox": {**data["inbox"], "intentions": bad}}).encode(),
                VendorMetadata,
            )


def test_signed_intention_verifies_with_its_requester_key() -> None:
    intention, key = make_intention()
    signed = sign_intention(intention, key)
    assert verify_signed_intention(signed) == intention
    # Re-parsed from the bytes sent, it still verifies.
    assert verify_signed_intention(parse_wire(wire_bytes(signed), SignedIntention)) == intention


def test_signed_intention_fails_after_any_change() -> None:
    intention, key = make_intention()
    signed = sign_intention(intention, key)
    data = signed.wire()
    data["intention"]["priceSpecification"]["maxPrice"] = "120.01"
    with pytest.raises(SignatureInvalid):
        verify_signed_intention(SignedIntention.model_validate(data))
    # Every byte of the JWS matters.
    token = signed.signature
    for position in (3, len(token) // 2, len(token) - 2):
        flipped = (
            token[:position] + ("A" if token[position] != "A" else "B") + token[position + 1 :]
        )
        with pytest.raises(REFUSED):
            verify_signed_intention(SignedIntention(intention=intention, signature=flipped))


def test_signed_intention_with_another_key_fails() -> None:
    intention, _ = make_intention()
    other = generate_signing_key()
    token = other.sign_jws(canonical_bytes(intention.wire()))
    with pytest.raises(SignatureInvalid):
        verify_signed_intention(SignedIntention(intention=intention, signature=token))
    # The requester field swapped for the other key but the kid left: refused too.
    swapped = intention.model_copy(
        update={
            "requester": intention.requester.model_copy(
                update={"publicKey": make_intention(other)[0].requester.publicKey}
            )
        }
    )
    with pytest.raises(SignatureInvalid):
        verify_signed_intention(SignedIntention(intention=swapped, signature=token))


@pytest.mark.parametrize("alg", ["none", "HS256"])
def test_forbidden_algorithms_are_refused(alg: str) -> None:
    intention, key = make_intention()
    payload = canonical_bytes(intention.wire())
    token = _jws({"alg": alg, "kid": key.kid}, payload, b"\x00" * 32)
    with pytest.raises(SignatureInvalid, match="not allowed"):
        verify_signed_intention(SignedIntention(intention=intention, signature=token))
    offer = make_offer(key)
    token = _jws({"alg": alg, "kid": key.kid}, canonical_bytes(offer.wire()), b"\x00" * 32)
    with pytest.raises(SignatureInvalid, match="not allowed"):
        verify_signed_offer(SignedOffer(offer=offer, signature=token), key.verifying_key)


def test_small_order_key_with_zero_signature_is_refused() -> None:
    jwk = PublicJwk(kty="OKP", crv="Ed25519", x=b64url(SMALL_ORDER_IDENTITY))
    intention, _ = make_intention()
    forged = intention.model_copy(
        update={"requester": intention.requester.model_copy(update={"publicKey": jwk})}
    )
    zero_signature = SMALL_ORDER_IDENTITY + bytes(32)  # R = identity, S = 0
    token = _jws({"alg": "Ed25519"}, canonical_bytes(forged.wire()), zero_signature)
    with pytest.raises(InvalidKey, match="small-order"):
        verify_signed_intention(SignedIntention(intention=forged, signature=token))
    # The same for an offer, whether the small-order key is pinned or only in the offer.
    good = generate_signing_key()
    offer = make_offer(good)
    forged_offer = offer.model_copy(
        update={"seller": offer.seller.model_copy(update={"publicKey": jwk})}
    )
    token = _jws({"alg": "Ed25519"}, canonical_bytes(forged_offer.wire()), zero_signature)
    envelope = SignedOffer(offer=forged_offer, signature=token)
    with pytest.raises(InvalidKey):
        verify_signed_offer(envelope, VerifyingKey(SMALL_ORDER_IDENTITY))
    with pytest.raises(InvalidKey):
        verify_signed_offer(envelope, good.verifying_key)


def test_signed_offer_verifies_only_with_the_pinned_key() -> None:
    vendor = generate_signing_key()
    offer = make_offer(vendor)
    signed = sign_offer(offer, vendor)
    assert verify_signed_offer(signed, vendor.verifying_key) == offer
    assert verify_signed_offer(parse_wire(wire_bytes(signed), SignedOffer), vendor.verifying_key)
    impostor = generate_signing_key()
    with pytest.raises(SignatureInvalid, match="pinned"):
        verify_signed_offer(signed, impostor.verifying_key)
    # An offer honestly signed by the impostor, naming itself as seller: refused by the pin.
    own = sign_offer(make_offer(impostor), impostor)
    with pytest.raises(SignatureInvalid, match="pinned"):
        verify_signed_offer(own, vendor.verifying_key)
    # Naming the pinned key but signed by the impostor: the signature fails.
    token = impostor.sign_jws(canonical_bytes(offer.wire()))
    with pytest.raises(SignatureInvalid):
        verify_signed_offer(SignedOffer(offer=offer, signature=token), vendor.verifying_key)


def test_signed_offer_fails_after_any_change() -> None:
    vendor = generate_signing_key()
    signed = sign_offer(make_offer(vendor), vendor)
    data = signed.wire()
    data["offer"]["price"] = "9.50"
    with pytest.raises(SignatureInvalid, match="different bytes"):
        verify_signed_offer(SignedOffer.model_validate(data), vendor.verifying_key)
    # A valid JWS over a non-canonical spelling of the same offer is refused too.
    pretty = json.dumps(signed.offer.wire(), indent=1).encode()
    token = vendor.sign_jws(pretty)
    with pytest.raises(SignatureInvalid, match="different bytes"):
        verify_signed_offer(SignedOffer(offer=signed.offer, signature=token), vendor.verifying_key)
    raw = base64.urlsafe_b64decode(signed.signature.split(".")[2] + "==")
    bad = bytes([raw[0] ^ 1]) + raw[1:]
    head, payload, _ = signed.signature.split(".")
    with pytest.raises(SignatureInvalid):
        verify_signed_offer(
            SignedOffer(offer=signed.offer, signature=f"{head}.{payload}.{b64url(bad)}"),
            vendor.verifying_key,
        )


def test_signing_with_a_key_not_named_in_the_document_is_refused() -> None:
    intention, _ = make_intention()
    with pytest.raises(Exception, match="requester"):
        sign_intention(intention, generate_signing_key())
    with pytest.raises(Exception, match="seller"):
        sign_offer(make_offer(generate_signing_key()), generate_signing_key())


def test_member_names_equal_once_normalised_cannot_hide_beside_a_signed_one() -> None:
    """A mediator adds "\\u212aind" (Kelvin sign) before the signed "Kind": NFC made them one
    member, the signature still verified, and the offer carried a spec nobody signed."""
    vendor = generate_signing_key()
    offer = make_offer(
        vendor, itemOffered={"name": "Shoes", "category": "shoes", "specs": {"Kind": "leather"}}
    )
    data = sign_offer(offer, vendor).wire()
    data["offer"]["itemOffered"]["specs"] = {"\u212aind": "plastic", "Kind": "leather"}
    envelope = parse_wire(json.dumps(data).encode(), SignedOffer)
    with pytest.raises(SignatureInvalid, match="same text once Unicode-normalised"):
        verify_signed_offer(envelope, vendor.verifying_key)
    with pytest.raises(InvalidInput, match="same text once Unicode-normalised"):
        canonical_bytes({"e\u0301": 1, "\u00e9": 2})
    assert canonical_bytes({"e\u0301": 1}) == canonical_bytes({"\u00e9": 1})


@pytest.mark.parametrize(
    "name", ["a\nb", "\x1b[8mhidden", "\u202eevil", "x" * 100_000, "\x00", "\ud800"]
)
def test_refusals_quote_hostile_member_names_escaped_and_short(name: str) -> None:
    vendor = generate_signing_key()
    data = sign_offer(make_offer(vendor), vendor).wire()
    data["offer"]["itemOffered"]["specs"] = {name: 5}
    quoted = json.dumps(name)
    repeated = f"{{{quoted}: 1, {quoted}: 2}}"
    for raw in (json.dumps(data).encode(), repeated.encode()):
        with pytest.raises(WireFormatError) as refused:
            parse_wire(raw, SignedOffer)
        message = str(refused.value)
        assert message.isprintable() and len(message) < 300, message
