"""Sealed offers (issue 15): our compact JWE (ECDH-ES + A256GCM over X25519) against a stranger's
library (jwcrypto) both ways, and against attackers (bounded parsing, one-line refusals)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jwcrypto import jwe, jwk

from tests.properties import HOSTILE_TEXT, JSON_VALUES, examples
from wallet.crypto.sealing import (
    MAX_SEALED_CHARS,
    SealingKey,
    SealRefused,
    b64url,
    generate_sealing_key,
    open_sealed,
    seal_to,
)

KEY = generate_sealing_key()


def _their_private(key: SealingKey) -> jwk.JWK:
    return jwk.JWK(kty="OKP", crv="X25519", x=key.jwk["x"], d=b64url(key.private))


def _their_seal(key: SealingKey, plaintext: bytes, header: dict[str, Any]) -> str:
    token = jwe.JWE(plaintext, json.dumps(header))
    token.add_recipient(jwk.JWK(**key.jwk))
    return str(token.serialize(compact=True))


def _header_of(token: str) -> dict[str, Any]:
    segment = token.split(".")[0]
    loaded: dict[str, Any] = json.loads(
        __import__("base64").urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    )
    return loaded


def _with_header(token: str, header: dict[str, Any]) -> str:
    parts = token.split(".")
    parts[0] = b64url(json.dumps(header).encode())
    return ".".join(parts)


@pytest.mark.parametrize("party_info", [{}, {"apu": b"vendor-1", "apv": b"urn:uuid:1234"}])
def test_a_stranger_decrypts_what_we_seal(party_info: dict[str, bytes]) -> None:
    token = seal_to(KEY.jwk, b'{"offer": 1}', **party_info)
    opened = jwe.JWE()
    opened.deserialize(token, key=_their_private(KEY))
    assert opened.payload == b'{"offer": 1}'
    header = _header_of(token)
    assert (header["alg"], header["enc"], header["epk"]["crv"]) == ("ECDH-ES", "A256GCM", "X25519")
    assert header["kid"] == KEY.kid


@pytest.mark.parametrize(
    "extra", [{}, {"apu": b64url(b"Alice"), "apv": b64url(b"Bob")}, {"cty": "json"}]
)
def test_we_decrypt_what_a_stranger_seals(extra: dict[str, str]) -> None:
    token = _their_seal(KEY, b"hello market", {"alg": "ECDH-ES", "enc": "A256GCM", **extra})
    opened = open_sealed(KEY.private, token)
    assert opened.plaintext == b"hello market"
    assert opened.apv == (b"Bob" if extra.get("apv") else b"")


def test_another_key_cannot_open_it() -> None:
    token = seal_to(KEY.jwk, b"secret")
    with pytest.raises(SealRefused, match="does not decrypt"):
        open_sealed(generate_sealing_key().private, token)


def test_an_altered_byte_is_refused() -> None:
    parts = seal_to(KEY.jwk, b"secret offer").split(".")
    parts[3] = ("B" if parts[3][0] == "A" else "A") + parts[3][1:]
    with pytest.raises(SealRefused):
        open_sealed(KEY.private, ".".join(parts))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"alg": "ECDH-ES+A256KW"}, "not ECDH-ES with A256GCM"),
        ({"alg": "dir"}, "not ECDH-ES with A256GCM"),
        ({"enc": "A128GCM"}, "not ECDH-ES with A256GCM"),
        ({"zip": "DEF"}, "refused"),
        ({"crit": ["exp"]}, "refused"),
        ({"jku": "http://evil.example/"}, "refused"),
        ({"epk": {"kty": "OKP", "crv": "Ed25519", "x": KEY.jwk["x"]}}, "not an X25519 key"),
        ({"epk": {**KEY.jwk, "d": b64url(KEY.private)}}, "private"),
        ({"epk": {"kty": "OKP", "crv": "X25519", "x": b64url(bytes(32))}}, "weak point"),
        ({"epk": {"kty": "OKP", "crv": "X25519", "x": "AAAA"}}, "not 32 bytes"),
        ({"apv": "!!"}, "base64url"),
        ({"kid": 7}, "short string"),
    ],
)
def test_hostile_headers_are_refused_in_one_line(change: dict[str, Any], reason: str) -> None:
    token = seal_to(KEY.jwk, b"x")
    with pytest.raises(SealRefused, match=reason) as refused:
        open_sealed(KEY.private, _with_header(token, {**_header_of(token), **change}))
    assert "\n" not in str(refused.value)


def test_shape_limits() -> None:
    token = seal_to(KEY.jwk, b"x")
    parts = token.split(".")
    for bad, reason in [
        ("a" * (MAX_SEALED_CHARS + 1), "larger than"),
        (".".join(parts[:4]), "five base64url segments"),
        (".".join([parts[0], "AAAA", *parts[2:]]), "encrypted key"),
        (".".join([*parts[:2], "AAAA", *parts[3:]]), "iv or tag"),
        ('{"repeated":1,"repeated":2}', "five base64url"),
    ]:
        with pytest.raises(SealRefused, match=reason):
            open_sealed(KEY.private, bad)
    repeated = b64url(b'{"alg":"ECDH-ES","alg":"ECDH-ES","enc":"A256GCM"}')
    with pytest.raises(SealRefused, match="repeats"):
        open_sealed(KEY.private, ".".join([repeated, *parts[1:]]))


SEGMENT = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", max_size=60
)


@settings(max_examples=examples(300), deadline=None)
@given(st.one_of(HOSTILE_TEXT, st.lists(SEGMENT, min_size=1, max_size=7).map(".".join)))
def test_any_text_is_opened_or_refused_with_a_reason(text: str) -> None:
    try:
        open_sealed(KEY.private, text)
    except SealRefused as refused:
        assert str(refused) and "\n" not in str(refused)


@settings(max_examples=examples(300), deadline=None)
@given(st.dictionaries(HOSTILE_TEXT, JSON_VALUES, max_size=6), JSON_VALUES)
def test_any_header_is_refused_with_a_reason(header: dict[str, Any], epk: Any) -> None:
    token = seal_to(KEY.jwk, b"x")
    hostile = {**header, "alg": "ECDH-ES", "enc": "A256GCM", "epk": epk}
    try:
        encoded = b64url(json.dumps(hostile).encode("utf-8", "surrogatepass"))
    except (ValueError, UnicodeEncodeError):
        return
    with pytest.raises(SealRefused) as refused:
        open_sealed(KEY.private, ".".join([encoded, *token.split(".")[1:]]))
    assert "\n" not in str(refused.value)
