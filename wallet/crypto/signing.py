"""Ed25519 identities and signatures: keys, JWKs, RFC 7638 thumbprints and compact JWS.

Keys enter the system only through :func:`verifying_key_from_jwk` / :func:`verifying_key_from_raw`,
which refuse anything but a canonical 32-byte encoding of an Ed25519 point of large order
(:func:`wallet.crypto.edwards.public_key_problem`: off-curve bytes, non-canonical encodings and the
8 small-order points, for which a signature (R = identity, S = 0) would verify for any message).
The verify methods check the key again (cached per key), so a :class:`VerifyingKey` built from
raw bytes cannot verify either, and refuse a signature whose S is not below the group order L.

Compact JWS is verified here with an explicit allow-list: ``alg`` ``Ed25519`` (RFC 9864) or the
older ``EdDSA`` name; never ``none``, HMAC, RSA or ECDSA; never a key named by the token itself
(``jwk``, ``jku``, ``x5u``, ``x5c``...) and a ``kid`` only if it is the verifying key's own
thumbprint; no extension we would have to understand (``crit``, ``b64``).
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

from wallet.crypto.edwards import public_key_problem, signature_scalar_in_range
from wallet.errors import InvalidKey, SignatureInvalid

SIGNING_ALGORITHM = "Ed25519"
ACCEPTED_ALGORITHMS = ("Ed25519", "EdDSA")
RAW_KEY_BYTES = 32
MAX_TOKEN_BYTES = 1024 * 1024
SIGNATURE_BYTES = 64

# A compact JWS: three runs of the unpadded base64url alphabet joined by dots, nothing else.
_COMPACT_JWS = re.compile(r"([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]*)")
_B64URL = re.compile(r"[A-Za-z0-9_-]*")

# Header members that name a key or certificate: the verifying key never comes from the token.
_KEY_FROM_TOKEN_MEMBERS = ("jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256")
# Members that change what is signed or ask us to understand an extension; or that belong to JWE.
_UNSUPPORTED_MEMBERS = ("crit", "b64", "zip", "enc")


def _quoted(value: Any, *, limit: int = 40) -> str:
    """A value from a token or key, quoted and cut short, for an error message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def b64url(data: bytes) -> str:
    """Unpadded base64url, as JOSE writes binary values."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Strict unpadded base64url: the alphabet only, and the one spelling :func:`b64url` writes
    (so two spellings of ``x`` cannot name the same key)."""
    if not isinstance(text, str) or _B64URL.fullmatch(text) is None:
        raise InvalidKey("The key is not valid base64url.")
    try:
        decoded = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, binascii.Error):
        raise InvalidKey("The key is not valid base64url.") from None
    if b64url(decoded) != text:
        raise InvalidKey("The key is not canonical base64url (its last character has stray bits).")
    return decoded


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
    """The ``cryptography`` key object for ``raw``, made once per key after the point checks.

    Raises :class:`SignatureInvalid` with the reason for a key :func:`public_key_problem` refuses
    (the library itself would load it, and verify forgeries with a small-order one).
    """
    problem = public_key_problem(raw)
    if problem is not None:
        raise SignatureInvalid(f"The verifying key is refused: {problem}")
    return Ed25519PublicKey.from_public_bytes(raw)


def _verify(raw: bytes, signature: bytes, data: bytes, *, mismatch: str) -> None:
    """Raise :class:`SignatureInvalid` unless ``signature`` by key ``raw`` signs ``data``.

    S < L is checked here rather than left to the library: a signature with S + L in place of S
    is the same signature spelled twice (malleability), so only the canonical one is accepted.
    """
    key = _public_key(raw)
    if len(signature) != SIGNATURE_BYTES:
        raise SignatureInvalid("The signature is not a 64-byte Ed25519 signature.")
    if not signature_scalar_in_range(signature):
        raise SignatureInvalid(
            "The signature's S is not below the group order L (a malleated copy of a signature); "
            "it is refused."
        )
    try:
        key.verify(signature, data)
    except InvalidSignature:
        raise SignatureInvalid(mismatch) from None


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

    def require_usable(self) -> None:
        """Raise :class:`SignatureInvalid` with the reason if this key may not verify anything
        (a key built from raw bytes around :func:`verifying_key_from_raw`); cached per key."""
        _public_key(self.raw)

    def verify_raw(self, signature: bytes, data: bytes) -> None:
        """Raise :class:`SignatureInvalid` unless ``signature`` signs ``data``."""
        _verify(
            self.raw, signature, data, mismatch="The signature does not match the data and key."
        )

    def verify_jws(self, token: str) -> tuple[dict[str, Any], bytes]:
        """The protected header and payload of a compact JWS signed by this key."""
        encoded_header, encoded_payload, encoded_signature = _compact_parts(token)
        header = _protected_header(encoded_header)
        signature = _b64url_part(encoded_signature, "signature")
        if len(signature) != SIGNATURE_BYTES:
            raise SignatureInvalid("The token's signature is not a 64-byte Ed25519 signature.")
        if b64url(signature) != encoded_signature:  # the signing input does not cover this part
            raise SignatureInvalid(
                "The token's signature is not canonical base64url (stray bits in its last "
                "character); a second spelling of a signature is refused."
            )
        signing_input = f"{encoded_header}.{encoded_payload}".encode("ascii")
        _verify(
            self.raw,
            signature,
            signing_input,
            mismatch="The signature does not verify with this key.",
        )
        kid = header.get("kid")
        if kid is not None and kid != self.kid:  # signed by this key, yet naming another one
            raise SignatureInvalid(
                "The token's kid names another key than the one that signed it; it is refused."
            )
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
            raise SignatureInvalid(f"The token's header repeats {_quoted(name)}.")
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
            f"The token's algorithm {_quoted(algorithm)} is not allowed; only Ed25519 signatures "
            "are accepted."
        )
    unsupported = [name for name in _UNSUPPORTED_MEMBERS if name in header]
    if unsupported:
        raise SignatureInvalid(
            f"The token asks for JWS extensions ({', '.join(unsupported)}) that are not "
            "supported (crit or b64, or JWE members); it is refused."
        )
    named_keys = [name for name in _KEY_FROM_TOKEN_MEMBERS if name in header]
    if named_keys:
        raise SignatureInvalid(
            f"The token names its own key ({', '.join(named_keys)}); keys are never taken from "
            "a token, so it is refused."
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
    """Check raw public-key bytes: 32 bytes, canonical, on the curve, not of small order.

    The check is cached per key: a vendor's or a consent's key is seen many times.
    """
    raw = bytes(raw)
    problem = public_key_problem(raw)
    if problem is not None:
        raise InvalidKey(problem)
    return VerifyingKey(raw)


def verifying_key_from_jwk(jwk: Mapping[str, Any]) -> VerifyingKey:
    """Check a public JWK (``kty: OKP``, ``crv: Ed25519``, ``x``); private members are refused."""
    if not isinstance(jwk, Mapping):
        raise InvalidKey("A JWK must be a JSON object.")
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
        raise InvalidKey("Only Ed25519 keys are accepted (a JWK with kty OKP and crv Ed25519).")
    if "d" in jwk:
        raise InvalidKey("This JWK contains a private key; share only the public part.")
    if "alg" in jwk and jwk["alg"] not in ACCEPTED_ALGORITHMS:
        raise InvalidKey(
            f"This JWK is for algorithm {_quoted(jwk['alg'])}; only Ed25519 (EdDSA) keys are "
            "accepted."
        )
    if "use" in jwk and jwk["use"] != "sig":
        raise InvalidKey("This JWK is not for signatures ('use' is not 'sig').")
    x = jwk.get("x")
    if not isinstance(x, str):
        raise InvalidKey("The JWK has no public key value ('x').")
    return verifying_key_from_raw(b64url_decode(x))
