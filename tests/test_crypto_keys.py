"""Forgeable, off-curve and non-canonical Ed25519 keys are refused everywhere a key enters.

``cryptography`` loads all of these keys; with the identity point (``01 00…00``) it even verifies
the signature (R = identity, S = 0) for any message. Each entry point is tried with every bad key
and that forged signature: vendor metadata, offers' seller keys, pinned keys, intentions and
notices (what the vendor kit receives), consent receipts, notices and acknowledgements, webhook
signatures and the kit's own key files.
"""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.consent_wire_helpers import (
    acknowledgement_document,
    notice_document,
    receipt_document,
)
from tests.properties import HOSTILE_TEXT, JSON_VALUES, RAW_NASTY, dumps, examples
from tests.test_signing import SMALL_ORDER_POINTS
from tests.wire_helpers import make_intention, make_offer
from vendorkit.keys import private_jwk, read_key_file
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.edwards import P, has_small_order, public_key_problem, recover_x
from wallet.crypto.signing import (
    VerifyingKey,
    b64url,
    generate_signing_key,
    verifying_key_from_jwk,
    verifying_key_from_raw,
)
from wallet.errors import InvalidKey, SignatureInvalid
from wallet.vendors.directory import parse_metadata
from wallet.webhooks import verify_webhook
from wallet.wire import SignedIntention, SignedOffer, verify_signed_intention, verify_signed_offer
from wallet.wire.consent import (
    ConsentAcknowledgement,
    ConsentNotice,
    SignedAcknowledgement,
    SignedConsentNotice,
)
from wallet.wire.consent_signing import (
    verify_receipt,
    verify_signed_acknowledgement,
    verify_signed_consent_notice,
)
from wallet.wire.notices import IntentionNotice, SignedNotice, verify_signed_notice
from wallet.wire.terms import PublicJwk

IDENTITY = bytes([1]) + bytes(31)
FORGED_SIGNATURE = IDENTITY + bytes(32)  # R = identity, S = 0: "valid" for any message
SMALL_ORDER = "small-order"
OFF_CURVE = "not an Ed25519 public key"
NON_CANONICAL = "not canonically encoded"

# The 8 small-order points (canonical), then every other encoding of one of them: the sign bit
# set with x = 0 (identity, order 2), y = p and y = p + 1 (y = 0 and the identity), with and
# without the sign bit. The order-8 and order-4 y values plus p do not fit in 255 bits.
SMALL_ORDER_ENCODINGS = [
    *SMALL_ORDER_POINTS,
    "0100000000000000000000000000000000000000000000000000000000000080",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
]
OFF_CURVE_ENCODINGS = [
    "0200000000000000000000000000000000000000000000000000000000000000",  # y = 2
    "0700000000000000000000000000000000000000000000000000000000000080",  # y = 7, sign bit
    # RFC 8032 TEST 1's public key with its first byte changed: looks like any key, is none.
    "015a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    "efffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # y = p + 2
]
# y = 3 and y = 18 are points of large order; y = p + 3 and p + 18 spell them non-canonically.
NON_CANONICAL_ENCODINGS = [
    "f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
]
BAD_KEYS = (
    [(point, SMALL_ORDER) for point in SMALL_ORDER_ENCODINGS]
    + [(point, OFF_CURVE) for point in OFF_CURVE_ENCODINGS]
    + [(point, NON_CANONICAL) for point in NON_CANONICAL_ENCODINGS]
)
BAD_KEY_IDS = [f"{message.split()[-1]}-{point[:6]}{point[-2:]}" for point, message in BAD_KEYS]


def _jwk(raw: bytes) -> dict[str, str]:
    return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}


def _public_jwk(raw: bytes) -> PublicJwk:
    return PublicJwk.model_validate(_jwk(raw))


def _forged_token(payload: bytes) -> str:
    header = b64url(json.dumps({"alg": "Ed25519"}).encode())
    return f"{header}.{b64url(payload)}.{b64url(FORGED_SIGNATURE)}"


def _reference_problem(raw: bytes) -> str | None:
    """RFC 8032 §5.1.3 decoding done the long way (square root, then 8·P), as an oracle."""
    encoded = int.from_bytes(raw, "little")
    sign, y = encoded >> 255, encoded & ((1 << 255) - 1)
    x = recover_x(y % P, sign)
    if x is None:
        return OFF_CURVE
    if has_small_order(x, y % P):
        return SMALL_ORDER
    if y >= P or (x == 0 and sign):
        return NON_CANONICAL
    return None


def test_the_library_alone_accepts_the_identity_forgery() -> None:
    """Why the checks exist: this is what every entry point below must not let through."""
    Ed25519PublicKey.from_public_bytes(IDENTITY).verify(FORGED_SIGNATURE, b"pay 1000 EUR")
    for point, _ in BAD_KEYS:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(point))  # loads, whatever it is


@pytest.mark.parametrize(("point", "message"), BAD_KEYS, ids=BAD_KEY_IDS)
def test_the_table_agrees_with_full_rfc8032_decoding(point: str, message: str) -> None:
    assert _reference_problem(bytes.fromhex(point)) == message
    assert message in (public_key_problem(bytes.fromhex(point)) or "")


def test_the_fast_check_agrees_with_full_decoding_on_random_bytes() -> None:
    import random

    rng = random.Random(8032)
    candidates = [rng.randbytes(32) for _ in range(1500)]
    candidates += [(y + P * extra).to_bytes(32, "little") for y in range(19) for extra in (0, 1)]
    candidates += [generate_signing_key().verifying_key.raw for _ in range(50)]
    for raw in candidates:
        expected = _reference_problem(raw)
        found = public_key_problem(raw)
        assert (found is None) == (expected is None), raw.hex()
        assert expected is None or expected in (found or ""), raw.hex()


@pytest.mark.parametrize(("point", "message"), BAD_KEYS, ids=BAD_KEY_IDS)
def test_raw_keys_and_jwks_are_refused_with_the_reason(point: str, message: str) -> None:
    raw = bytes.fromhex(point)
    with pytest.raises(InvalidKey, match=message):
        verifying_key_from_raw(raw)
    with pytest.raises(InvalidKey, match=message):
        verifying_key_from_jwk(_jwk(raw))


@pytest.mark.parametrize(("point", "message"), BAD_KEYS, ids=BAD_KEY_IDS)
def test_a_key_built_around_the_checks_still_cannot_verify(point: str, message: str) -> None:
    key = VerifyingKey(bytes.fromhex(point))
    with pytest.raises(SignatureInvalid, match=message):
        key.verify_raw(FORGED_SIGNATURE, b"any message")
    with pytest.raises(SignatureInvalid, match=message):
        key.verify_jws(_forged_token(b"any payload"))


@pytest.mark.parametrize(("point", "message"), BAD_KEYS, ids=BAD_KEY_IDS)
def test_vendor_metadata_with_a_bad_key_is_refused(point: str, message: str) -> None:
    vendor = generate_signing_key()
    document = {
        "type": "VrmVendor",
        "version": 1,
        "id": "shop",
        "name": "Shop",
        "publicKey": _jwk(bytes.fromhex(point)),
        "inbox": {"intentions": "http://127.0.0.1:1/i", "offers": "http://127.0.0.1:1/o"},
        "policyUrl": "http://127.0.0.1:1/policy",
        "contact": "shop@example.org",
    }
    with pytest.raises(InvalidKey, match=message):
        parse_metadata(document, url="http://127.0.0.1:1/")
    document["publicKey"] = vendor.verifying_key.jwk
    assert parse_metadata(document, url="http://127.0.0.1:1/").key == vendor.verifying_key


@pytest.mark.parametrize(("point", "message"), BAD_KEYS, ids=BAD_KEY_IDS)
def test_offers_naming_or_pinned_to_a_bad_key_are_refused(point: str, message: str) -> None:
    raw = bytes.fromhex(point)
    honest = generate_signing_key()
    offer = make_offer(honest)
    forged = offer.model_copy(
        update={
            "seller": offer.seller.model_copy(update={"publicKey": _public_jwk(raw)}),
        }
    )
    envelope = SignedOffer(offer=forged, signature=_forged_token(canonical_bytes(forged.wire())))
    for pinned in (VerifyingKey(raw), honest.verifying_key):
        with pytest.raises(InvalidKey, match=message):
            verify_signed_offer(envelope, pinned)


@pytest.mark.parametrize(("point", "message"), BAD_KEYS, ids=BAD_KEY_IDS)
def test_intentions_and_notices_by_a_bad_key_are_refused(point: str, message: str) -> None:
    raw = bytes.fromhex(point)
    intention, _ = make_intention()
    requester = intention.requester.model_copy(update={"publicKey": _public_jwk(raw)})
    forged = intention.model_copy(update={"requester": requester})
    token = _forged_token(canonical_bytes(forged.wire()))
    with pytest.raises(InvalidKey, match=message):
        verify_signed_intention(SignedIntention(intention=forged, signature=token))
    notice = IntentionNotice(
        type="IntentionWithdrawn",
        intention=intention.id,
        issued="2030-01-01T00:00:00Z",
        requester=requester,
    )
    token = _forged_token(canonical_bytes(notice.wire()))
    with pytest.raises(InvalidKey, match=message):
        verify_signed_notice(SignedNotice(notice=notice, signature=token))


@pytest.mark.parametrize(("point", "message"), BAD_KEYS, ids=BAD_KEY_IDS)
def test_webhook_signatures_by_a_bad_key_are_refused(point: str, message: str) -> None:
    header = "v1a," + base64.b64encode(FORGED_SIGNATURE).decode()
    with pytest.raises(SignatureInvalid, match=message):
        verify_webhook(
            header,
            VerifyingKey(bytes.fromhex(point)),
            message_id="msg_1",
            timestamp=1_900_000_000,
            body=b'{"any":"body"}',
            now=1_900_000_000,
        )


@pytest.mark.parametrize(("point", "message"), BAD_KEYS, ids=BAD_KEY_IDS)
def test_consent_messages_by_a_bad_key_are_refused(point: str, message: str) -> None:
    raw = bytes.fromhex(point)
    bad = VerifyingKey(raw)  # kid is only a hash: computing it checks nothing
    receipt = canonical_bytes(receipt_document(_jwk(raw), bad.kid))
    with pytest.raises(InvalidKey, match=message):
        verify_receipt(_forged_token(receipt))
    principal = {"publicKey": _jwk(raw), "kid": bad.kid}
    notice = ConsentNotice.model_validate(notice_document(principal, uuid.uuid4().urn))
    token = _forged_token(canonical_bytes(notice.wire()))
    with pytest.raises(InvalidKey, match=message):
        verify_signed_consent_notice(SignedConsentNotice(notice=notice, signature=token))
    acknowledgement = ConsentAcknowledgement.model_validate(
        acknowledgement_document(
            principal, in_reply_to=uuid.uuid4().urn, receipt_sha256="ab" * 32, fields=[]
        )
    )
    envelope = SignedAcknowledgement(
        acknowledgement=acknowledgement,
        signature=_forged_token(canonical_bytes(acknowledgement.wire())),
    )
    honest = generate_signing_key().verifying_key
    for pinned in (bad, honest):
        with pytest.raises(InvalidKey, match=message):
            verify_signed_acknowledgement(envelope, pinned, canonical_receipt=receipt)


@pytest.mark.parametrize(("point", "message"), BAD_KEYS, ids=BAD_KEY_IDS)
def test_the_kit_refuses_a_key_file_whose_public_half_is_bad(
    tmp_path: Path, point: str, message: str
) -> None:
    key = generate_signing_key()
    path = tmp_path / "vendor-0.jwk"
    path.write_text(json.dumps({**private_jwk(key), "x": b64url(bytes.fromhex(point))}))
    with pytest.raises(InvalidKey, match=message):
        read_key_file(path)
    path.write_text(json.dumps(private_jwk(key)))
    assert read_key_file(path).seed == key.seed


@pytest.mark.parametrize(
    ("x", "message"),
    [
        ("AAAA AAAA", "not valid base64url"),
        ("AAAA+AAA", "not valid base64url"),
        ("AAAA/AAA", "not valid base64url"),
        ("AAAA=", "not valid base64url"),
        ("A", "not valid base64url"),
    ],
)
def test_jwk_x_must_be_strict_base64url(x: str, message: str) -> None:
    with pytest.raises(InvalidKey, match=message):
        verifying_key_from_jwk({"kty": "OKP", "crv": "Ed25519", "x": x})


def test_jwk_x_has_one_spelling_only() -> None:
    """The last character of a 43-character x carries 2 unused bits: only 0 bits are accepted,
    so one key has one JWK (and one place in every comparison of ``x`` values)."""
    key = generate_signing_key().verifying_key
    x = key.jwk["x"]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    stray = alphabet[alphabet.index(x[-1]) + 1]  # same 4 data bits, one stray bit set
    with pytest.raises(InvalidKey, match="canonical base64url"):
        verifying_key_from_jwk({**key.jwk, "x": x[:-1] + stray})
    assert verifying_key_from_jwk(key.jwk) == key


def _key_file_cases() -> dict[str, bytes]:
    good = private_jwk(generate_signing_key())
    other = generate_signing_key().verifying_key.jwk["x"]
    return {
        "deeply nested": b"[" * 2000 + b"]" * 2000,
        "not UTF-8": b"\xff\xfe{}",
        "a list": b"[1]",
        "no d": json.dumps({k: v for k, v in good.items() if k != "d"}).encode(),
        "d not text": b'{"d": 5}',
        "d not base64url": b'{"d": "!!"}',
        "d too short": json.dumps({**good, "d": b64url(bytes(31))}).encode(),
        "d repeated": b'{"d": "AAAA", "d": "BBBB"}',
        "x of another key": json.dumps({**good, "x": other}).encode(),
        "not Ed25519": json.dumps({**good, "crv": "X25519"}).encode(),
        "x missing": json.dumps({"d": good["d"], "kty": "OKP", "crv": "Ed25519"}).encode(),
        "a long integer": b'{"d":' + b"9" * 4000 + b"}",
    }


@pytest.mark.parametrize("case", list(_key_file_cases()))
def test_hostile_key_files_are_refused_naming_the_file(tmp_path: Path, case: str) -> None:
    path = tmp_path / "vendor-0.jwk"
    path.write_bytes(_key_file_cases()[case])
    with pytest.raises(InvalidKey, match=r"vendor-0\.jwk"):
        read_key_file(path)


@settings(max_examples=examples(300))
@given(
    content=st.one_of(
        st.builds(lambda: dumps(private_jwk(generate_signing_key()))),  # genuine: loaded
        JSON_VALUES.map(dumps),
        RAW_NASTY,
        st.dictionaries(
            st.sampled_from(["kty", "crv", "x", "d", "alg", "use"]),
            st.one_of(HOSTILE_TEXT, st.sampled_from(["OKP", "Ed25519", "sig", "A" * 43])),
        ).map(dumps),
    )
)
def test_any_key_file_is_loaded_only_if_genuine(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "vendor-0.jwk"
    path.write_bytes(content[:4096])
    try:
        key = read_key_file(path)
    except InvalidKey as exc:
        assert "\n" not in str(exc)
    else:
        assert json.loads(content)["x"] == key.verifying_key.jwk["x"]
