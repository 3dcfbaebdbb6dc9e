"""The test vector of a sealed offer (docs/test-vectors/sealed-offer.json; protocol §12).

A vendor on a relay seals its answer (an ``OfferList``) to the intention's ``sealingKey`` as a
compact JWE, ECDH-ES + A256GCM over X25519. Everything is fixed here (the recipient key, the
ephemeral key and the iv come from published sentences), so another implementation can check
each step: the shared secret, the Concat KDF's content key, the encoded header (the additional
authenticated data), the ciphertext and tag, and the compact JWE. The bad variants each break
one rule and carry the wallet's verdict (``malformed``: refused before or at decryption;
``wrong_intention``: sealed for another intention).
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from vendorkit.vector_answers import offer_cases
from vendorkit.vector_documents import Setting, VectorKeys
from wallet.crypto.sealing import SealingKey, b64url, derived_keys, seal_to, x25519_public_from_jwk

RECIPIENT_SENTENCE = b"vrm-wallet test vector: the intention's X25519 sealing key"
EPHEMERAL_SENTENCE = b"vrm-wallet test vector: the vendor's ephemeral X25519 key"
IV_SENTENCE = b"vrm-wallet test vector: the iv"
WARNING = (
    "TEST ONLY. The private keys and the iv are public (SHA-256 of sentences in "
    "vendorkit/vector_sealing.py); a real sealer uses a fresh ephemeral key and a random iv."
)


def _seed(sentence: bytes) -> bytes:
    return hashlib.sha256(sentence).digest()


def _segments(token: str) -> list[str]:
    return token.split(".")


def _with_header(token: str, changes: dict[str, Any]) -> str:
    parts = _segments(token)
    header = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
    parts[0] = b64url(json.dumps({**header, **changes}, separators=(",", ":")).encode())
    return ".".join(parts)


def sealed_offer_vector(setting: Setting, keys: VectorKeys) -> dict[str, Any]:
    """The content of ``sealed-offer.json``."""
    recipient = SealingKey(_seed(RECIPIENT_SENTENCE))
    ephemeral = SealingKey(_seed(EPHEMERAL_SENTENCE))
    iv = _seed(IV_SENTENCE)[:12]
    plaintext = offer_cases(setting, keys)[0].body
    vendor_id, intention_id = setting.vendor_id, setting.urn("intention")
    apu, apv = vendor_id.encode(), intention_id.encode()
    token = seal_to(
        recipient.jwk, plaintext, apu=apu, apv=apv, vector_ephemeral=ephemeral.private, vector_iv=iv
    )
    shared, content_key = derived_keys(
        ephemeral.private, x25519_public_from_jwk(recipient.jwk), apu=apu, apv=apv
    )
    header, _, iv_text, ciphertext, tag = _segments(token)
    assert iv_text == b64url(iv)
    other = setting.urn("intention-minimal").encode()
    flipped = _segments(token)
    flipped[4] = ("B" if tag[0] == "A" else "A") + tag[1:]
    bad = [
        (
            "other-alg",
            "alg ECDH-ES+A256KW",
            _with_header(token, {"alg": "ECDH-ES+A256KW"}),
            "malformed",
        ),
        ("zip", "asks to decompress (zip)", _with_header(token, {"zip": "DEF"}), "malformed"),
        (
            "small-order-epk",
            "the ephemeral key is the all-zero X25519 point",
            _with_header(token, {"epk": {"kty": "OKP", "crv": "X25519", "x": b64url(bytes(32))}}),
            "malformed",
        ),
        ("altered-tag", "one character of the tag changed", ".".join(flipped), "malformed"),
        (
            "other-intention",
            "sealed (apv) for another intention of the same person",
            seal_to(
                recipient.jwk,
                plaintext,
                apu=apu,
                apv=other,
                vector_ephemeral=ephemeral.private,
                vector_iv=iv,
            ),
            "wrong_intention",
        ),
    ]
    return {
        "document": "sealed-offer",
        "format": "compact JWE (RFC 7516), alg ECDH-ES, enc A256GCM, X25519 (RFC 8037)",
        "direction": "vendor -> relay -> wallet: vrm.offers.<uuid> (docs/protocol.md §12)",
        "warning": WARNING,
        "recipient": {
            "privateJwk": {**recipient.jwk, "d": b64url(recipient.private)},
            "publicJwk": recipient.jwk,
            "kid": recipient.kid,
        },
        "ephemeral": {
            "privateJwk": {**ephemeral.jwk, "d": b64url(ephemeral.private)},
            "publicJwk": ephemeral.jwk,
        },
        "apu": vendor_id,
        "apv": intention_id,
        "plaintext": plaintext.decode("utf-8"),
        "sharedSecretHex": shared.hex(),
        "contentKeyHex": content_key.hex(),
        "protectedHeader": json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4))),
        "encodedHeader": header,
        "ivHex": iv.hex(),
        "ciphertext": ciphertext,
        "tag": tag,
        "jwe": token,
        "bad": [
            {"name": name, "description": description, "jwe": jwe, "expect": {"verdict": verdict}}
            for name, description, jwe, verdict in bad
        ],
    }
