"""Published test vectors: Ed25519 (RFC 8032 §7.1) and JSON canonicalisation (RFC 8785).

The vectors live in ``tests/fixtures/vectors/`` as data; ``cryptography`` checks the Ed25519
transcription independently (a wrong byte makes these tests fail, not pass), and the ``rfc8785``
package checks the JCS one.
"""

from __future__ import annotations

import base64
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

import pytest
import rfc8785
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.edwards import L
from wallet.crypto.signing import SigningKey, b64url, verifying_key_from_raw
from wallet.errors import InvalidInput, InvalidKey, SignatureInvalid
from wallet.wire.canonical import canonical_members

VECTORS = Path(__file__).parent / "fixtures" / "vectors"
ED25519 = json.loads((VECTORS / "rfc8032-ed25519.json").read_text(encoding="utf-8"))["vectors"]
JCS = json.loads((VECTORS / "rfc8785-jcs.json").read_text(encoding="utf-8"))
ED25519_IDS = [vector["name"] for vector in ED25519]


def _parts(vector: dict[str, str]) -> tuple[bytes, bytes, bytes, bytes]:
    return tuple(  # type: ignore[return-value]
        bytes.fromhex(vector[name]) for name in ("secret_key", "public_key", "message", "signature")
    )


def _with_scalar(signature: bytes, scalar: int) -> bytes:
    return signature[:32] + scalar.to_bytes(32, "little")


# ---------------------------------------------------------------------------- RFC 8032


def test_the_five_section_7_1_vectors_are_all_there() -> None:
    assert ED25519_IDS == ["TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)"]
    lengths = [len(bytes.fromhex(vector["message"])) for vector in ED25519]
    assert lengths == [0, 1, 2, 1023, 64]
    assert bytes.fromhex(ED25519[4]["message"]) == hashlib.sha512(b"abc").digest()


@pytest.mark.parametrize("vector", ED25519, ids=ED25519_IDS)
def test_the_transcription_is_what_an_independent_implementation_computes(
    vector: dict[str, str],
) -> None:
    secret, public, message, signature = _parts(vector)
    private = Ed25519PrivateKey.from_private_bytes(secret)
    raw_public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    assert raw_public == public
    assert private.sign(message) == signature


@pytest.mark.parametrize("vector", ED25519, ids=ED25519_IDS)
def test_our_keys_sign_exactly_the_published_signature_and_verify_it(
    vector: dict[str, str],
) -> None:
    secret, public, message, signature = _parts(vector)
    key = SigningKey(secret)
    assert key.verifying_key.raw == public
    assert key.sign_raw(message) == signature
    checked = verifying_key_from_raw(public)
    checked.verify_raw(signature, message)
    # The same signature inside a JWS: sign the vector's message as the signing input.
    assert b64url(key.sign_raw(message)) == b64url(signature)


@pytest.mark.parametrize("vector", ED25519, ids=ED25519_IDS)
def test_any_flipped_bit_is_refused(vector: dict[str, str]) -> None:
    _, public, message, signature = _parts(vector)
    key = verifying_key_from_raw(public)
    for bit in range(len(signature) * 8):
        flipped = bytearray(signature)
        flipped[bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(SignatureInvalid):
            key.verify_raw(bytes(flipped), message)
    for bit in range(0, max(1, len(message) * 8), 61):  # a spread of message bits
        changed = bytearray(message) or bytearray(b"\x00")
        changed[bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(SignatureInvalid):
            key.verify_raw(signature, bytes(changed))
    for bit in range(256):
        other = bytearray(public)
        other[bit // 8] ^= 1 << (bit % 8)
        try:
            changed_key = verifying_key_from_raw(bytes(other))
        except InvalidKey:
            continue  # off the curve or non-canonical: refused on entry, as it must be
        with pytest.raises(SignatureInvalid):
            changed_key.verify_raw(signature, message)


# ---------------------------------------------------------------------------- S < L


@pytest.mark.parametrize("vector", ED25519, ids=ED25519_IDS)
def test_s_plus_l_is_refused_by_our_own_check(vector: dict[str, str]) -> None:
    _, public, message, signature = _parts(vector)
    key = verifying_key_from_raw(public)
    scalar = int.from_bytes(signature[32:], "little")
    assert scalar < L
    for malleated in (scalar + L, scalar + 2 * L, L, 2**256 - 1):
        with pytest.raises(SignatureInvalid, match="group order L"):
            key.verify_raw(_with_scalar(signature, malleated), message)


def test_s_plus_l_is_refused_inside_a_jws() -> None:
    _, public, _, _ = _parts(ED25519[0])
    key = SigningKey(bytes.fromhex(ED25519[0]["secret_key"]))
    token = key.sign_jws(b'{"pay":1}')
    head, payload, encoded = token.split(".")
    signature = base64.urlsafe_b64decode(encoded + "==")
    scalar = int.from_bytes(signature[32:], "little")
    malleated = f"{head}.{payload}.{b64url(_with_scalar(signature, scalar + L))}"
    with pytest.raises(SignatureInvalid, match="group order L"):
        verifying_key_from_raw(public).verify_jws(malleated)
    assert verifying_key_from_raw(public).verify_jws(token)[1] == b'{"pay":1}'


# ---------------------------------------------------------------------------- RFC 8785

JCS_DOCUMENTS = JCS["documents"]


@pytest.mark.parametrize("case", JCS_DOCUMENTS, ids=[case["name"] for case in JCS_DOCUMENTS])
def test_rfc8785_documents(case: dict[str, str]) -> None:
    document = json.loads(case["input"])
    assert rfc8785.dumps(document) == case["expected"].encode("utf-8")  # the reference agrees
    ours = case.get("expected_wallet", case["expected"])
    assert canonical_bytes(document) == ours.encode("utf-8")


def test_the_sorting_example_differs_only_by_the_documented_nfc_step() -> None:
    """U+FB33 is a composition exclusion: the wallet's NFC pass decomposes it; every other key
    is already NFC, so the RFC's order holds for them and the text is otherwise identical."""
    case = JCS_DOCUMENTS[1]
    expected = json.loads(case["expected"])
    ours = json.loads(case["expected_wallet"])
    assert set(expected) - set(ours) == {"\ufb33"}
    assert set(ours) - set(expected) == {"\u05d3\u05bc"}
    assert [key for key in ours if key != "\u05d3\u05bc"] == [
        key for key in expected if key != "\ufb33"
    ]


@pytest.mark.parametrize("case", JCS["numbers"], ids=[case["ieee754"] for case in JCS["numbers"]])
def test_rfc8785_appendix_b_numbers(case: dict[str, str]) -> None:
    value = struct.unpack(">d", bytes.fromhex(case["ieee754"]))[0]
    assert rfc8785.dumps(value) == case["expected"].encode("ascii")
    assert canonical_bytes(value) == case["expected"].encode("ascii")
    assert canonical_bytes({"n": [value]}) == b'{"n":[' + case["expected"].encode() + b"]}"


@pytest.mark.parametrize(
    "case", JCS["number_spellings"], ids=[case["json"] for case in JCS["number_spellings"]]
)
def test_number_spellings_become_one(case: dict[str, str]) -> None:
    assert canonical_bytes(json.loads(case["json"])) == case["expected"].encode("ascii")


@pytest.mark.parametrize(
    "case", JCS["refused_numbers"], ids=[case["name"] for case in JCS["refused_numbers"]]
)
def test_nan_and_infinities_are_refused(case: dict[str, str]) -> None:
    value = struct.unpack(">d", bytes.fromhex(case["ieee754"]))[0]
    for document in (value, [value], {"n": value}):
        with pytest.raises(InvalidInput):
            canonical_bytes(document)
        with pytest.raises(InvalidInput):
            canonical_bytes(document, plain_values=True)


@pytest.mark.parametrize(
    "value",
    [2**53, -(2**53), 2**64, -(2**64), 10**40],
)
def test_integers_beyond_2_to_the_53_are_refused(value: int) -> None:
    for document in (value, [value], {"n": value}, {"a": {"b": [1, value]}}):
        with pytest.raises(InvalidInput):
            canonical_bytes(document)
    assert canonical_bytes([2**53 - 1, -(2**53 - 1)]) == b"[9007199254740991,-9007199254740991]"


def test_the_wire_fast_path_gives_the_rfc_bytes_for_the_sample_strings_and_literals() -> None:
    """The wire fast path (sorted compact JSON, members assembled from canonical parts) on the
    RFC sample without its numbers, which wire documents never hold."""
    sample: dict[str, Any] = json.loads(JCS_DOCUMENTS[0]["input"])
    del sample["numbers"]
    expected = rfc8785.dumps(sample)
    assert (
        expected
        == '{"literals":[null,true,false],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'.encode()
    )
    assert canonical_bytes(sample, plain_values=True) == expected
    members = {name: canonical_bytes(value) for name, value in sample.items()}
    assert canonical_members(members) == expected
