"""The one home of JWE: sealing a document to an X25519 key (compact JWE, ECDH-ES + A256GCM).

An intention cast to the open market carries a fresh X25519 public key (``sealingKey``); a vendor
encrypts its signed offer to it, so neither the relay nor competing vendors can read the offer.
The format is standard JOSE that any JOSE library writes and reads (RFC 7516 compact
serialisation, RFC 7518 §4.6 direct key agreement, RFC 8037 for X25519 keys):

``BASE64URL(header) . "" . BASE64URL(iv) . BASE64URL(ciphertext) . BASE64URL(tag)``

with the protected header ``{"alg": "ECDH-ES", "enc": "A256GCM", "epk": {"kty": "OKP", "crv":
"X25519", "x": …}}`` (and optionally ``kid``, ``apu``, ``apv``, ``typ``, ``cty``). The content key
is the Concat KDF (SHA-256) of the shared secret with AlgorithmID ``"A256GCM"``, PartyUInfo and
PartyVInfo the decoded ``apu``/``apv`` (empty when absent) and SuppPubInfo 256; the additional
authenticated data is the ASCII of the encoded header.

**Bounds** (a hostile message fails alone, with a one-line reason, :class:`SealRefused`): at most
:data:`MAX_SEALED_CHARS` characters; exactly five segments of strict base64url with the second
empty; a header of at most :data:`MAX_HEADER_BYTES` bytes, a JSON object with no repeated member,
only the members above (``zip``, ``crit``, ``jku``, ``jwk``, ``x5u``... are refused), ``alg``
``ECDH-ES`` and ``enc`` ``A256GCM`` exactly; an ``epk`` that is an X25519 public key only (no
``d``) whose shared secret is not all zero (a small-order point); a 12-byte iv and a 16-byte tag.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import struct
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.concatkdf import ConcatKDFHash
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from wallet.crypto import random_bytes
from wallet.errors import WalletError

KEY_ALGORITHM = "ECDH-ES"
CONTENT_ALGORITHM = "A256GCM"
CURVE = "X25519"
X25519_BYTES = 32
IV_BYTES = 12
TAG_BYTES = 16
CONTENT_KEY_BITS = 256
MAX_SEALED_CHARS = 512 * 1024  # a 256 KiB document, base64url-encoded, with room to spare
MAX_HEADER_BYTES = 2048
MAX_PARTY_INFO_BYTES = 256
ALLOWED_HEADER_MEMBERS = frozenset({"alg", "enc", "epk", "kid", "apu", "apv", "typ", "cty"})
_SEGMENT = r"[A-Za-z0-9_-]*"
_COMPACT_JWE = re.compile(rf"({_SEGMENT})\.({_SEGMENT})\.({_SEGMENT})\.({_SEGMENT})\.({_SEGMENT})")
_B64URL = re.compile(r"[A-Za-z0-9_-]*")


class SealRefused(WalletError):
    """A sealed message is malformed, oversized, uses another algorithm or does not decrypt."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _decode(text: str, what: str) -> bytes:
    """Strict unpadded base64url (one spelling only), or :class:`SealRefused`."""
    if not isinstance(text, str) or _B64URL.fullmatch(text) is None or len(text) % 4 == 1:
        raise SealRefused(f"The sealed message's {what} is not base64url.")
    try:
        decoded = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, binascii.Error):
        raise SealRefused(f"The sealed message's {what} is not base64url.") from None
    if b64url(decoded) != text:
        raise SealRefused(f"The sealed message's {what} is not canonical base64url.")
    return decoded


def public_jwk(raw: bytes) -> dict[str, str]:
    """The RFC 8037 public JWK of an X25519 key."""
    return {"kty": "OKP", "crv": CURVE, "x": b64url(raw)}


def thumbprint(raw: bytes) -> str:
    """RFC 7638 thumbprint of an X25519 public key."""
    members = json.dumps(public_jwk(raw), sort_keys=True, separators=(",", ":"))
    return b64url(hashlib.sha256(members.encode("ascii")).digest())


def x25519_public_from_jwk(jwk: Any) -> bytes:
    """The 32 raw bytes of an X25519 public JWK, checked (no private member, right curve)."""
    if not isinstance(jwk, dict) or set(jwk) - {"kty", "crv", "x", "kid", "use", "alg"}:
        raise SealRefused("The key is not an X25519 public JWK (unexpected or private members).")
    if jwk.get("kty") != "OKP" or jwk.get("crv") != CURVE:
        raise SealRefused("The key is not an X25519 key (kty OKP, crv X25519).")
    raw = _decode(jwk.get("x", ""), "key") if isinstance(jwk.get("x"), str) else b""
    if len(raw) != X25519_BYTES:
        raise SealRefused("The X25519 key is not 32 bytes.")
    return raw


@dataclass(frozen=True, slots=True)
class SealingKey:
    """A fresh X25519 key pair an intention's offers are sealed to (the private part stays in
    the vault beside the intention's signing key)."""

    private: bytes

    @property
    def public_raw(self) -> bytes:
        key = X25519PrivateKey.from_private_bytes(self.private)
        return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def jwk(self) -> dict[str, str]:
        return public_jwk(self.public_raw)

    @property
    def kid(self) -> str:
        return thumbprint(self.public_raw)


def generate_sealing_key() -> SealingKey:
    private = X25519PrivateKey.generate()
    return SealingKey(private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))


def _content_key(shared: bytes, *, apu: bytes, apv: bytes) -> bytes:
    """RFC 7518 §4.6.2: Concat KDF, AlgorithmID = ``enc`` (direct key agreement)."""

    def counted(data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + data

    other_info = (
        counted(CONTENT_ALGORITHM.encode("ascii"))
        + counted(apu)
        + counted(apv)
        + struct.pack(">I", CONTENT_KEY_BITS)
    )
    kdf = ConcatKDFHash(algorithm=hashes.SHA256(), length=32, otherinfo=other_info)
    return kdf.derive(shared)


def _shared_secret(private: X25519PrivateKey, public_raw: bytes) -> bytes:
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(public_raw))
    except ValueError:  # OpenSSL refuses a small-order point (the secret would be all zero)
        raise SealRefused("The key agreement failed: the ephemeral key is a weak point.") from None
    if shared == bytes(len(shared)):
        raise SealRefused("The key agreement failed: the ephemeral key is a weak point.")
    return shared


def derived_keys(
    private: bytes, public_raw: bytes, *, apu: bytes, apv: bytes
) -> tuple[bytes, bytes]:
    """The X25519 shared secret of ``private`` and ``public_raw`` and the content key derived
    from it (what the test vectors publish, so other implementations can check each step)."""
    shared = _shared_secret(X25519PrivateKey.from_private_bytes(private), public_raw)
    return shared, _content_key(shared, apu=apu, apv=apv)


def seal_to(
    recipient_jwk: dict[str, Any],
    plaintext: bytes,
    *,
    apu: bytes = b"",
    apv: bytes = b"",
    content_type: str | None = None,
    vector_ephemeral: bytes | None = None,
    vector_iv: bytes | None = None,
) -> str:
    """``plaintext`` as a compact JWE (ECDH-ES, A256GCM) only the holder of the private half of
    ``recipient_jwk`` can read; ``apu``/``apv`` (PartyUInfo/PartyVInfo) go into the header and the
    KDF when not empty. ``vector_ephemeral`` and ``vector_iv`` fix what is otherwise fresh and
    random: for the published test vectors only (a repeated ephemeral key or iv breaks secrecy)."""
    recipient = x25519_public_from_jwk(recipient_jwk)
    ephemeral = (
        X25519PrivateKey.generate()
        if vector_ephemeral is None
        else X25519PrivateKey.from_private_bytes(vector_ephemeral)
    )
    epk = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    header: dict[str, Any] = {
        "alg": KEY_ALGORITHM,
        "enc": CONTENT_ALGORITHM,
        "epk": public_jwk(epk),
        "kid": thumbprint(recipient),
    }
    if apu:
        header["apu"] = b64url(apu)
    if apv:
        header["apv"] = b64url(apv)
    if content_type:
        header["cty"] = content_type
    encoded = b64url(json.dumps(header, separators=(",", ":")).encode("ascii"))
    key = _content_key(_shared_secret(ephemeral, recipient), apu=apu, apv=apv)
    iv = random_bytes(IV_BYTES) if vector_iv is None else vector_iv
    sealed = AESGCM(key).encrypt(iv, plaintext, encoded.encode("ascii"))
    ciphertext, tag = sealed[:-TAG_BYTES], sealed[-TAG_BYTES:]
    return ".".join((encoded, "", b64url(iv), b64url(ciphertext), b64url(tag)))


@dataclass(frozen=True, slots=True)
class Opened:
    """A decrypted JWE: the plaintext and the checked protected header."""

    plaintext: bytes
    header: dict[str, Any]
    apu: bytes
    apv: bytes


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    members: dict[str, Any] = {}
    for name, value in pairs:
        if name in members:
            raise SealRefused("The sealed message's header repeats a member.")
        members[name] = value
    return members


def _header(encoded: str) -> dict[str, Any]:
    if len(encoded) > MAX_HEADER_BYTES * 4 // 3 + 4:
        raise SealRefused("The sealed message's header is too large.")
    raw = _decode(encoded, "header")
    try:
        header = json.loads(raw.decode("utf-8"), object_pairs_hook=_unique)
    except SealRefused:
        raise
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise SealRefused("The sealed message's header is not JSON.") from None
    if not isinstance(header, dict):
        raise SealRefused("The sealed message's header is not a JSON object.")
    unknown = sorted(set(header) - ALLOWED_HEADER_MEMBERS)
    if unknown:
        shown = ", ".join(repr(name)[:30] for name in unknown[:3])
        raise SealRefused(f"The sealed message's header has members that are refused ({shown}).")
    if header.get("alg") != KEY_ALGORITHM or header.get("enc") != CONTENT_ALGORITHM:
        raise SealRefused("The sealed message is not ECDH-ES with A256GCM; it is refused.")
    for name in ("kid", "typ", "cty"):
        if name in header and (not isinstance(header[name], str) or len(header[name]) > 100):
            raise SealRefused(f"The sealed message's {name!r} is not a short string.")
    return header


def _party_info(header: dict[str, Any], name: str) -> bytes:
    if name not in header:
        return b""
    value = header[name]
    if not isinstance(value, str) or len(value) > MAX_PARTY_INFO_BYTES * 4 // 3 + 4:
        raise SealRefused(f"The sealed message's {name!r} is not short base64url.")
    return _decode(value, name)


def open_sealed(private: bytes, token: Any) -> Opened:
    """Decrypt a compact JWE sealed to the X25519 key ``private`` (see the bounds above)."""
    if not isinstance(token, str):
        raise SealRefused("The sealed message is not text.")
    if len(token) > MAX_SEALED_CHARS:
        raise SealRefused(f"The sealed message is larger than {MAX_SEALED_CHARS:,} characters.")
    match = _COMPACT_JWE.fullmatch(token)
    if match is None:
        raise SealRefused("The sealed message is not a compact JWE (five base64url segments).")
    encoded, encrypted_key, iv_text, ciphertext_text, tag_text = match.groups()
    if encrypted_key:
        raise SealRefused("The sealed message carries an encrypted key; ECDH-ES uses none.")
    header = _header(encoded)
    epk = x25519_public_from_jwk(header.get("epk"))
    apu, apv = _party_info(header, "apu"), _party_info(header, "apv")
    iv, tag = _decode(iv_text, "iv"), _decode(tag_text, "tag")
    if len(iv) != IV_BYTES or len(tag) != TAG_BYTES:
        raise SealRefused("The sealed message's iv or tag has the wrong length.")
    ciphertext = _decode(ciphertext_text, "ciphertext")
    recipient = X25519PrivateKey.from_private_bytes(private)
    key = _content_key(_shared_secret(recipient, epk), apu=apu, apv=apv)
    try:
        plaintext = AESGCM(key).decrypt(iv, ciphertext + tag, encoded.encode("ascii"))
    except InvalidTag:
        raise SealRefused(
            "The sealed message does not decrypt with this intention's key (altered, or sealed "
            "to another key)."
        ) from None
    return Opened(plaintext, header, apu, apv)
