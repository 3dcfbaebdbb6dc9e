"""docs/test-vectors/sealed-offer.json checked by hand (raw X25519, a Concat KDF written here,
AES-GCM) and by a stranger's library (jwcrypto), and the wallet's verdicts on its bad variants."""

from __future__ import annotations

import base64
import hashlib
import json
import struct
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from jwcrypto import jwe, jwk

from vendorkit.vectors import DEFAULT_DIRECTORY
from wallet.crypto.sealing import SealRefused, open_sealed

VECTOR: dict[str, Any] = json.loads(
    (DEFAULT_DIRECTORY / "sealed-offer.json").read_text(encoding="utf-8")
)


def _decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _counted(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def test_each_step_by_hand() -> None:
    recipient = X25519PrivateKey.from_private_bytes(_decode(VECTOR["recipient"]["privateJwk"]["d"]))
    epk = _decode(VECTOR["protectedHeader"]["epk"]["x"])
    assert epk == _decode(VECTOR["ephemeral"]["publicJwk"]["x"])
    shared = recipient.exchange(X25519PublicKey.from_public_bytes(epk))
    assert shared.hex() == VECTOR["sharedSecretHex"]
    other_info = (
        _counted(b"A256GCM")
        + _counted(VECTOR["apu"].encode())
        + _counted(VECTOR["apv"].encode())
        + struct.pack(">I", 256)
    )
    content_key = hashlib.sha256(struct.pack(">I", 1) + shared + other_info).digest()
    assert content_key.hex() == VECTOR["contentKeyHex"]
    header = VECTOR["encodedHeader"]
    plaintext = AESGCM(content_key).decrypt(
        bytes.fromhex(VECTOR["ivHex"]),
        _decode(VECTOR["ciphertext"]) + _decode(VECTOR["tag"]),
        header.encode("ascii"),
    )
    assert plaintext.decode() == VECTOR["plaintext"]
    assert VECTOR["jwe"] == ".".join(
        [header, "", base64.urlsafe_b64encode(bytes.fromhex(VECTOR["ivHex"])).rstrip(b"=").decode(),
         VECTOR["ciphertext"], VECTOR["tag"]]
    )  # fmt: skip


def test_a_stranger_and_the_wallet_open_the_good_vector() -> None:
    token = jwe.JWE()
    token.deserialize(VECTOR["jwe"], key=jwk.JWK(**VECTOR["recipient"]["privateJwk"]))
    assert token.payload.decode() == VECTOR["plaintext"]
    opened = open_sealed(_decode(VECTOR["recipient"]["privateJwk"]["d"]), VECTOR["jwe"])
    assert (opened.apu.decode(), opened.apv.decode()) == (VECTOR["apu"], VECTOR["apv"])
    assert json.loads(opened.plaintext)["offers"]


@pytest.mark.parametrize("case", VECTOR["bad"], ids=lambda case: case["name"])
def test_the_bad_variants_get_their_verdict(case: dict[str, Any]) -> None:
    private = _decode(VECTOR["recipient"]["privateJwk"]["d"])
    if case["expect"]["verdict"] == "malformed":
        with pytest.raises(SealRefused):
            open_sealed(private, case["jwe"])
    else:
        assert case["expect"]["verdict"] == "wrong_intention"
        assert open_sealed(private, case["jwe"]).apv.decode() != VECTOR["apv"]
