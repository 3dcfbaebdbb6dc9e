"""Ed25519 keys, thumbprints, compact JWS, small-order keys and JCS canonicalisation."""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping

import pytest
from jwcrypto import jwk as jwcrypto_jwk
from jwcrypto import jws as jwcrypto_jws

from wallet.crypto.canonical import canonical_bytes, canonical_sha256
from wallet.crypto.signing import (
    ACCEPTED_ALGORITHMS,
    b64url,
    generate_signing_key,
    verifying_key_from_jwk,
    verifying_key_from_raw,
)
from wallet.errors import InvalidInput, InvalidKey, SignatureInvalid

SMALL_ORDER_POINTS = [
    "0100000000000000000000000000000000000000000000000000000000000000",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
]


def test_jws_verifies_with_an_independent_jose_library() -> None:
    key = generate_signing_key()
    token = key.sign_jws(b'{"hello":"world"}', header={"typ": "JWT"})
    verifier = jwcrypto_jws.JWS()
    verifier.deserialize(token)
    verifier.verify(jwcrypto_jwk.JWK(**key.verifying_key.jwk), alg="Ed25519")
    assert verifier.payload == b'{"hello":"world"}'
    header, payload = key.verifying_key.verify_jws(token)
    assert header["alg"] == "Ed25519" and header["kid"] == key.kid and header["typ"] == "JWT"
    assert payload == b'{"hello":"world"}'


def test_rfc7638_thumbprint_matches_jwcrypto() -> None:
    key = generate_signing_key().verifying_key
    assert key.kid == jwcrypto_jwk.JWK(**key.jwk).thumbprint()


@pytest.mark.parametrize("position", [0, 1, -1, -10])
def test_any_changed_byte_breaks_the_signature(position: int) -> None:
    key = generate_signing_key()
    token = key.sign_jws(b"payload")
    header, payload, signature = token.split(".")
    raw = bytearray(base64.urlsafe_b64decode(signature + "=="))
    raw[position] ^= 0x01
    with pytest.raises(SignatureInvalid):
        key.verifying_key.verify_jws(f"{header}.{payload}.{b64url(bytes(raw))}")
    other_payload = b64url(b"payloae")
    with pytest.raises(SignatureInvalid):
        key.verifying_key.verify_jws(f"{header}.{other_payload}.{signature}")


def test_a_token_by_another_key_is_refused() -> None:
    key, other = generate_signing_key(), generate_signing_key()
    with pytest.raises(SignatureInvalid, match="does not verify"):
        other.verifying_key.verify_jws(key.sign_jws(b"payload"))
    with pytest.raises(SignatureInvalid, match="three"):
        key.verifying_key.verify_jws("abc")


@pytest.mark.parametrize("point", SMALL_ORDER_POINTS)
def test_small_order_keys_are_refused(point: str) -> None:
    raw = bytes.fromhex(point)
    with pytest.raises(InvalidKey, match="small-order"):
        verifying_key_from_raw(raw)
    with pytest.raises(InvalidKey, match="small-order"):
        verifying_key_from_jwk({"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)})


@pytest.mark.parametrize(
    ("jwk", "message"),
    [
        ({"kty": "OKP", "crv": "Ed25519", "x": b64url(b"\x01" * 31)}, "32 bytes"),
        ({"kty": "OKP", "crv": "Ed25519", "x": b64url(b"\x01" * 33)}, "32 bytes"),
        ({"kty": "EC", "crv": "P-256", "x": "AA"}, "Only Ed25519"),
        ({"kty": "OKP", "crv": "Ed25519"}, "no public key"),
        ({"kty": "OKP", "crv": "Ed25519", "x": "AA", "d": "AA"}, "private key"),
    ],
)
def test_malformed_keys_are_refused(jwk: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidKey, match=message):
        verifying_key_from_jwk(jwk)


def test_canonical_form_ignores_key_order_whitespace_and_unicode_form() -> None:
    composed = {"name": "Caf\u00e9", "n": 1.0, "z": [1, {"b": 2, "a": 1}]}
    decomposed = json.loads('{ "z": [1, {"a": 1, "b": 2}], "n": 1, "name": "Cafe\\u0301" }')
    assert canonical_bytes(composed) == canonical_bytes(decomposed)
    assert canonical_bytes(composed) == '{"n":1,"name":"Café","z":[1,{"a":1,"b":2}]}'.encode()
    assert canonical_sha256(composed) == canonical_sha256(decomposed)
    with pytest.raises(InvalidInput):
        canonical_bytes({"too_big": 2**60})


def test_vault_keeps_its_signing_keys_encrypted_across_unlocks(tmp_path: object) -> None:
    from pathlib import Path

    from tests.conftest import PASSPHRASE
    from wallet.errors import NotFound
    from wallet.vault.facade import Vault

    directory = Path(str(tmp_path)) / "vault"
    with Vault.create(directory, PASSPHRASE, kdf_target_seconds=0).vault as vault:
        with vault.write() as connection:
            first = vault.new_signing_key(connection, purpose="terms")
            second = vault.new_signing_key(connection, purpose="terms")
        assert vault.latest_signing_key("intention") is None
    with Vault.open_with_passphrase(directory, PASSPHRASE) as vault:
        assert vault.signing_key(first.kid).seed == first.seed
        latest = vault.latest_signing_key("terms")
        assert latest is not None and latest.kid in {first.kid, second.kid}
        with pytest.raises(NotFound):
            vault.signing_key("no-such-kid")
    for path in directory.iterdir():
        assert first.seed not in path.read_bytes()


def test_canonical_fast_path_matches_rfc8785_byte_for_byte() -> None:
    """The json.dumps fast path gives exactly the rfc8785 bytes, and falls back when it must."""
    import random

    import rfc8785

    from wallet.crypto.canonical import _nfc

    alphabet = ['"', "\\", "\x00", "\x1f", "\x7f", "\b", "\t", "\n", "é", "e\u0301", "\u2028"]
    alphabet += ["\ue000", "\U0001f600", "a", "Z", "0", " ", "/", "<"]
    rng = random.Random(8785)

    def text() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 6)))

    def value(depth: int) -> object:
        choice = rng.randrange(8 if depth < 4 else 5)
        if choice == 0:
            return text()
        if choice == 1:
            return rng.choice([0, -1, 1, 2**53 - 1, -(2**53) + 1, 123456789])
        if choice == 2:
            return rng.choice([True, False, None])
        if choice == 3:
            return rng.choice([1.0, 0.5, -2.25, 1e21, 1e-7])  # floats: the rfc8785 path
        if choice == 4:
            return "plain ascii"
        if choice == 5:
            return [value(depth + 1) for _ in range(rng.randrange(4))]
        keys = ["a", "B", "b", "aa", "", "z1"] + ([text()] if rng.random() < 0.3 else [])
        return {rng.choice(keys): value(depth + 1) for _ in range(rng.randrange(5))}

    for _ in range(3000):
        document = value(0)
        assert canonical_bytes(document) == rfc8785.dumps(_nfc(document)), document
    for refused in ({"n": 2**53}, {"n": -(2**53)}, [float("nan")], {"s": "\ud800"}):
        with pytest.raises(InvalidInput):
            canonical_bytes(refused)


def _token(header: Mapping[str, object], payload: bytes, key: object) -> str:
    """A compact JWS with any header, signed by ``key`` over its real signing input."""
    encoded = f"{b64url(json.dumps(header).encode())}.{b64url(payload)}"
    return f"{encoded}.{b64url(key.sign_raw(encoded.encode()))}"  # type: ignore[attr-defined]


def test_a_token_made_by_an_independent_jose_library_verifies() -> None:
    key = generate_signing_key()
    signer = jwcrypto_jws.JWS(b'{"made":"elsewhere"}')
    private = jwcrypto_jwk.JWK.from_pyca(key._private)
    signer.add_signature(private, alg="Ed25519", protected={"alg": "Ed25519", "kid": key.kid})
    header, payload = key.verifying_key.verify_jws(signer.serialize(compact=True))
    assert header == {"alg": "Ed25519", "kid": key.kid}
    assert payload == b'{"made":"elsewhere"}'


OTHER_KEY = generate_signing_key()
NOT_ALLOWED = "is not allowed; only Ed25519"
OWN_KEY = "names its own key"
EXTENSIONS = "JWS extensions"

# Every header we refuse, each in a token signed by the verifying key itself over its real signing
# input: the header alone is the reason. "EdDSA with the wrong key type" can only come with a key
# the token names (refused here) or a JWK that is not Ed25519 (refused on entry, table below).
REFUSED_HEADERS: list[tuple[str, dict[str, object], str]] = [
    ("alg none", {"alg": "none"}, NOT_ALLOWED),
    ("alg None", {"alg": "None"}, NOT_ALLOWED),
    ("alg HS256", {"alg": "HS256"}, NOT_ALLOWED),
    ("alg HS512", {"alg": "HS512"}, NOT_ALLOWED),
    ("alg RS256", {"alg": "RS256"}, NOT_ALLOWED),
    ("alg PS256", {"alg": "PS256"}, NOT_ALLOWED),
    ("alg ES256", {"alg": "ES256"}, NOT_ALLOWED),
    ("alg ES256K", {"alg": "ES256K"}, NOT_ALLOWED),
    ("alg Ed448", {"alg": "Ed448"}, NOT_ALLOWED),
    ("alg lower case", {"alg": "ed25519"}, NOT_ALLOWED),
    ("alg with a space", {"alg": "EdDSA "}, NOT_ALLOWED),
    ("alg as a list", {"alg": ["Ed25519"]}, NOT_ALLOWED),
    ("alg null", {"alg": None}, NOT_ALLOWED),
    ("alg missing", {"kid": "no algorithm"}, NOT_ALLOWED),
    ("embedded jwk", {"alg": "Ed25519", "jwk": OTHER_KEY.verifying_key.jwk}, OWN_KEY),
    (
        "EdDSA with an embedded EC key",
        {"alg": "EdDSA", "jwk": {"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"}},
        OWN_KEY,
    ),
    ("jku", {"alg": "Ed25519", "jku": "https://attacker.example/keys.json"}, OWN_KEY),
    ("x5u", {"alg": "Ed25519", "x5u": "https://attacker.example/cert.pem"}, OWN_KEY),
    ("x5c", {"alg": "Ed25519", "x5c": ["MIIB"]}, OWN_KEY),
    ("x5t", {"alg": "Ed25519", "x5t": "AAAA"}, OWN_KEY),
    ("x5t#S256", {"alg": "Ed25519", "x5t#S256": "AAAA"}, OWN_KEY),
    ("kid of another key", {"alg": "Ed25519", "kid": OTHER_KEY.kid}, "kid names another key"),
    ("kid as a URL", {"alg": "EdDSA", "kid": "https://attacker.example/k"}, "kid names another"),
    ("kid as a list", {"alg": "Ed25519", "kid": ["x"]}, "kid names another key"),
    ("crit", {"alg": "Ed25519", "crit": ["exp"], "exp": 1}, EXTENSIONS),
    ("b64 false", {"alg": "Ed25519", "b64": False, "crit": ["b64"]}, EXTENSIONS),
    ("b64 false without crit", {"alg": "Ed25519", "b64": False}, EXTENSIONS),
    ("zip", {"alg": "Ed25519", "zip": "DEF"}, EXTENSIONS),
    ("enc", {"alg": "Ed25519", "enc": "A256GCM"}, EXTENSIONS),
]


@pytest.mark.parametrize(
    ("header", "message"),
    [case[1:] for case in REFUSED_HEADERS],
    ids=[case[0] for case in REFUSED_HEADERS],
)
def test_only_plain_ed25519_jws_is_accepted(header: dict[str, object], message: str) -> None:
    key = generate_signing_key()
    with pytest.raises(SignatureInvalid, match=message):
        key.verifying_key.verify_jws(_token(header, b"payload", key))
    encoded = b64url(json.dumps(header).encode())
    with pytest.raises(SignatureInvalid):
        key.verifying_key.verify_jws(f"{encoded}.{b64url(b'payload')}.")  # unsigned, too


@pytest.mark.parametrize("algorithm", ["Ed25519", "EdDSA"])
def test_the_two_names_of_ed25519_are_accepted(algorithm: str) -> None:
    key = generate_signing_key()
    for header in ({"alg": algorithm}, {"alg": algorithm, "kid": key.kid, "typ": "JWT"}):
        assert key.verifying_key.verify_jws(_token(header, b"payload", key))[1] == b"payload"


def test_hmac_with_the_public_key_as_secret_is_refused() -> None:
    """The classic confusion: HS256 "signed" with the verifier's public key as the HMAC secret."""
    import hashlib
    import hmac

    key = generate_signing_key()
    for secret in (key.verifying_key.raw, key.verifying_key.jwk["x"].encode()):
        header = b64url(json.dumps({"alg": "HS256"}).encode())
        signing_input = f"{header}.{b64url(b'payload')}"
        tag = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
        with pytest.raises(SignatureInvalid, match=NOT_ALLOWED):
            key.verifying_key.verify_jws(f"{signing_input}.{b64url(tag)}")


@pytest.mark.parametrize(
    ("jwk", "message"),
    [
        ({"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"}, "Only Ed25519"),
        ({"kty": "RSA", "n": "AQAB", "e": "AQAB"}, "Only Ed25519"),
        ({"kty": "oct", "k": "c2VjcmV0"}, "Only Ed25519"),
        ({"kty": "OKP", "crv": "X25519", "x": "A" * 43}, "Only Ed25519"),
        ({"kty": "OKP", "crv": "Ed448", "x": "A" * 57}, "Only Ed25519"),
        ({"kty": "OKP", "crv": "Ed25519", "x": "VALID", "alg": "HS256"}, "algorithm 'HS256'"),
        ({"kty": "OKP", "crv": "Ed25519", "x": "VALID", "alg": "ES256"}, "algorithm 'ES256'"),
        ({"kty": "OKP", "crv": "Ed25519", "x": "VALID", "use": "enc"}, "not for signatures"),
    ],
)
def test_keys_of_other_types_or_algorithms_are_refused(jwk: dict[str, str], message: str) -> None:
    valid = generate_signing_key().verifying_key
    jwk = {name: valid.jwk["x"] if value == "VALID" else value for name, value in jwk.items()}
    with pytest.raises(InvalidKey, match=message):
        verifying_key_from_jwk(jwk)
    for algorithm in ACCEPTED_ALGORITHMS:
        assert verifying_key_from_jwk({**valid.jwk, "alg": algorithm, "use": "sig"}) == valid


def test_malformed_compact_tokens_are_refused_with_the_reason() -> None:
    key = generate_signing_key()
    good = key.sign_jws(b"payload")
    header, payload, signature = good.split(".")
    repeated = b64url(b'{"alg":"Ed25519","alg":"none"}')
    cases = {
        f"{header}.{payload}.{signature}.": "three dot-separated",
        f"{header}.{payload}+.{signature}": "three dot-separated",  # not the base64url alphabet
        f"{header}.{payload}.{signature}=": "three dot-separated",  # padding is not allowed
        f"{header}.{payload}.{signature[:-4]}": "64-byte",
        f"{b64url(b'[1]')}.{payload}.{signature}": "not a JSON object",
        f"{b64url(b'{oops')}.{payload}.{signature}": "not valid base64url JSON",
        f"{repeated}.{payload}.{signature}": "repeats 'alg'",
        f"{header}.{payload}.{signature[:-1]}": "not valid base64url",  # 4n+1 characters
    }
    for token, message in cases.items():
        with pytest.raises(SignatureInvalid, match=message):
            key.verifying_key.verify_jws(token)
    assert key.verifying_key.verify_jws(good)[1] == b"payload"


def test_headers_with_any_json_values_are_signed_and_read_back() -> None:
    key = generate_signing_key()
    for extra in ({}, {"typ": "JWT"}, {"tags": ["a", "b"], "typ": "x"}, {"alg": "none"}):
        header, payload = key.verifying_key.verify_jws(key.sign_jws(b"p", header=extra))
        assert header == {**extra, "alg": "Ed25519", "kid": key.kid}
        assert payload == b"p"


def test_the_unverified_payload_is_read_only_from_a_well_formed_token() -> None:
    from wallet.crypto.signing import unverified_payload

    key = generate_signing_key()
    assert unverified_payload(key.sign_jws(b"who signed me?")) == b"who signed me?"
    for token in ("abc", "a.b", "a.b+c.d", "a.b.c.d", "a.bbbbb.c"):
        with pytest.raises(SignatureInvalid):
            unverified_payload(token)


def test_a_signature_has_one_spelling_only() -> None:
    """The signature part is outside the signing input: base64url with stray bits in its last
    character would decode to the same signature and verify as a second, different token."""
    key = generate_signing_key()
    token = key.sign_jws(b"payload")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    index = alphabet.index(token[-1])
    for stray in range(1, 4):  # 86 characters carry 516 bits: the last 4 bits must be 0
        respelled = token[:-1] + alphabet[index + stray]
        with pytest.raises(SignatureInvalid, match="canonical base64url"):
            key.verifying_key.verify_jws(respelled)
    assert key.verifying_key.verify_jws(token)[1] == b"payload"
