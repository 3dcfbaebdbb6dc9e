"""Ed25519 identities and signatures: keys, JWKs, RFC 7638 thumbprints and compact JWS.

Keys enter the system only through :func:`verifying_key_from_jwk` / :func:`verifying_key_from_raw`,
which refuse anything but a 32-byte Ed25519 key and the small-order points for which a signature
(R = identity, S = 0) would verify for any message. JWS goes through ``joserfc`` with an explicit
algorithm allow-list: ``Ed25519`` (RFC 9864), and the older ``EdDSA`` name when verifying; never
``none`` or an HMAC algorithm, and never a key taken from the token itself.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from wallet.errors import InvalidKey, SignatureInvalid

SIGNING_ALGORITHM = "Ed25519"
ACCEPTED_ALGORITHMS = ("Ed25519", "EdDSA")
RAW_KEY_BYTES = 32
MAX_TOKEN_BYTES = 1024 * 1024
SIGNATURE_BYTES = 64

# A compact JWS: three runs of the unpadded base64url alphabet joined by dots, nothing else.
_COMPACT_JWS = re.compile(r"([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]*)")

# The small-order points, compared with the sign bit cleared as libsodium does: identity (order
# 1), y = p-1 (order 2), y = 0 (order 4), the two order-8 y values, and the non-canonical p and
# p+1. With sign-bit variants these cover all 8 small-order points in every encoding.
_SMALL_ORDER_Y = frozenset(
    bytes.fromhex(value)
    for value in (
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    )
)


def b64url(data: bytes) -> str:
    """Unpadded base64url, as JOSE writes binary values."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise InvalidKey("The key is not valid base64url.") from exc


def is_small_order(raw: bytes) -> bool:
    """True for an encoding of one of the 8 small-order Ed25519 points."""
    return raw[:31] + bytes([raw[31] & 0x7F]) in _SMALL_ORDER_Y


@lru_cache(maxsize=8192)
def _x_member(raw: bytes) -> str:
    """The JWK ``x`` of a key: written into every receipt and compared on every signature."""
    return b64url(raw)


@lru_cache(maxsize=8192)
def _thumbprint(raw: bytes) -> str:
    jwk = {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}
    members = json.dumps(jwk, sort_keys=True, separators=(",", ":"))
    return b64url(hashlib.sha256(members.encode("ascii")).digest())


@lru_cache(maxsize=4096)
def _public_key(raw: bytes) -> Ed25519PublicKey:
    """The ``cryptography`` key object for ``raw``, decoded once per key.

    Only keys that passed :func:`verifying_key_from_raw` (or came from a :class:`SigningKey`)
    get here.
    """
    return Ed25519PublicKey.from_public_bytes(raw)


@dataclass(frozen=True, slots=True)
class VerifyingKey:
    """An Ed25519 public key that passed every check; verifies raw signatures and JWS."""

    raw: bytes

    @property
    def jwk(self) -> dict[str, str]:
        return {"kty": "OKP", "crv": "Ed25519", "x": _x_member(self.raw)}

    @property
    def kid(self) -> str:
        """The RFC 7638 JWK thumbprint (SHA-256, base64url)."""
        return _thumbprint(self.raw)

    @property
    def fingerprint(self) -> str:
        """The thumbprint in groups of four, for people to compare."""
        kid = self.kid
        return " ".join(kid[i : i + 4] for i in range(0, len(kid), 4))

    def verify_raw(self, signature: bytes, data: bytes) -> None:
        """Raise :class:`SignatureInvalid` unless ``signature`` signs ``data``."""
        try:
            _public_key(self.raw).verify(signature, data)
        except (InvalidSignature, ValueError):
            raise SignatureInvalid("The signature does not match the data and key.") from None

    def verify_jws(self, token: str) -> tuple[dict[str, Any], bytes]:
        """The protected header and payload of a compact JWS signed by this key."""
        encoded_header, encoded_payload, encoded_signature = _compact_parts(token)
        header = _protected_header(encoded_header)
        signature = _b64url_part(encoded_signature, "signature")
        if len(signature) != SIGNATURE_BYTES:
            raise SignatureInvalid("The token's signature is not a 64-byte Ed25519 signature.")
        signing_input = f"{encoded_header}.{encoded_payload}".encode("ascii")
        try:
            _public_key(self.raw).verify(signature, signing_input)
        except (InvalidSignature, ValueError):
            raise SignatureInvalid("The signature does not verify with this key.") from None
        return header, _b64url_part(encoded_payload, "payload")


def unverified_payload(token: str) -> bytes:
    """The payload of a compact JWS, NOT verified: only to learn which key should verify it."""
    return _b64url_part(_compact_parts(token)[1], "payload")


def _compact_parts(token: str) -> tuple[str, str, str]:
    """The encoded header, payload and signature of a token of bounded size and strict shape."""
    if len(token) > MAX_TOKEN_BYTES:
        raise SignatureInvalid("The signed token is too large.")
    match = _COMPACT_JWS.fullmatch(token)
    if match is None:
        raise SignatureInvalid(
            "The token is not a compact JWS (three dot-separated base64url parts)."
        )
    header, payload, signature = match.groups()
    return header, payload, signature


def _b64url_part(encoded: str, what: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except (ValueError, binascii.Error):
        raise SignatureInvalid(f"The token's {what} is not valid base64url.") from None


def _unique_members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    members: dict[str, Any] = {}
    for name, value in pairs:
        if name in members:
            raise SignatureInvalid(f"The token's header repeats {name!r}.")
        members[name] = value
    return members


def _protected_header(encoded: str) -> dict[str, Any]:
    """The checked protected header: a JSON object naming an allowed algorithm, nothing we
    would have to understand (``crit``) and no unencoded payload (``b64``)."""
    try:
        header = json.loads(_b64url_part(encoded, "header"), object_pairs_hook=_unique_members)
    except ValueError as exc:
        if isinstance(exc, SignatureInvalid):
            raise
        raise SignatureInvalid("The token's header is not valid base64url JSON.") from None
    if not isinstance(header, dict):
        raise SignatureInvalid("The token's header is not a JSON object.")
    algorithm = header.get("alg")
    if algorithm not in ACCEPTED_ALGORITHMS:
        raise SignatureInvalid(
            f"The token's algorithm {algorithm!r} is not allowed; only Ed25519 signatures "
            "are accepted."
        )
    if "crit" in header or "b64" in header:
        raise SignatureInvalid(
            "The token asks for JWS extensions (crit or b64) that are not supported."
        )
    return header


@dataclass(frozen=True, slots=True)
class SigningKey:
    """An Ed25519 private key (its 32-byte seed) and what it signs.

    The key object and public key are derived once per instance: deriving them costs a scalar
    multiplication, which dominated signing many webhooks or offers with the same key.
    """

    seed: bytes
    _private: Ed25519PrivateKey = field(init=False, repr=False, compare=False)
    _verifying: VerifyingKey = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        private = Ed25519PrivateKey.from_private_bytes(self.seed)
        public = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        object.__setattr__(self, "_private", private)
        object.__setattr__(self, "_verifying", VerifyingKey(public))

    @property
    def verifying_key(self) -> VerifyingKey:
        return self._verifying

    @property
    def kid(self) -> str:
        return self._verifying.kid

    def sign_raw(self, data: bytes) -> bytes:
        return self._private.sign(data)

    def sign_jws(self, payload: bytes, *, header: Mapping[str, Any] | None = None) -> str:
        """A compact JWS over ``payload`` with ``alg: Ed25519`` and this key's ``kid``."""
        extra = tuple(sorted((header or {}).items()))
        try:
            encoded_header = _encoded_header(self.kid, extra)
        except TypeError:  # a header value that cannot be a cache key (a list, a dict)
            encoded_header = _encoded_header.__wrapped__(self.kid, extra)
        signing_input = f"{encoded_header}.{b64url(payload)}"
        signature = self._private.sign(signing_input.encode("ascii"))
        return f"{signing_input}.{b64url(signature)}"


@lru_cache(maxsize=1024)
def _encoded_header(kid: str, extra: tuple[tuple[str, Any], ...]) -> str:
    """The encoded protected header: ``extra`` members, then ``alg`` and ``kid`` (which win).

    Cached: a key signs many tokens with the same header (receipts, offers, notices).
    """
    header = {**dict(extra), "alg": SIGNING_ALGORITHM, "kid": kid}
    return b64url(json.dumps(header, separators=(",", ":")).encode("ascii"))


def generate_signing_key() -> SigningKey:
    """A fresh random Ed25519 key."""
    private = Ed25519PrivateKey.generate()
    seed = private.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return SigningKey(seed)


def verifying_key_from_raw(raw: bytes) -> VerifyingKey:
    """Check raw public-key bytes: 32 bytes, a valid point, not of small order."""
    if len(raw) != RAW_KEY_BYTES:
        raise InvalidKey(f"An Ed25519 public key is 32 bytes; this one is {len(raw)}.")
    if is_small_order(raw):
        raise InvalidKey(
            "This key is a small-order Ed25519 point: signatures made 'by' it can be forged, so "
            "it is refused."
        )
    try:
        _public_key(raw)  # decodes the point (cached: a vendor sees one key many times)
    except ValueError:
        raise InvalidKey("These bytes are not a valid Ed25519 public key.") from None
    return VerifyingKey(raw)


def verifying_key_from_jwk(jwk: Mapping[str, Any]) -> VerifyingKey:
    """Check a public JWK (``kty: OKP``, ``crv: Ed25519``, ``x``); private members are refused."""
    if not isinstance(jwk, Mapping):
        raise InvalidKey("A JWK must be a JSON object.")
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
        raise InvalidKey("Only Ed25519 keys are accepted (a JWK with kty OKP and crv Ed25519).")
    if "d" in jwk:
        raise InvalidKey("This JWK contains a private key; share only the public part.")
    x = jwk.get("x")
    if not isinstance(x, str):
        raise InvalidKey("The JWK has no public key value ('x').")
    return verifying_key_from_raw(b64url_decode(x))
