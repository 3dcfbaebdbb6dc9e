"""The only home of ``cryptography``: key derivation, AEAD key wrapping, MACs and randomness.

Everything else in the core calls these functions, so the algorithms and their parameters are
reviewed in one place.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16


class AuthenticationFailed(Exception):
    """An AEAD tag or MAC did not verify: wrong key or altered bytes (internal, never shown)."""


@dataclass(frozen=True, slots=True)
class Argon2Cost:
    """Argon2id cost parameters: memory in KiB, passes over memory, and parallel lanes."""

    memory_kib: int
    iterations: int
    lanes: int


def random_bytes(count: int) -> bytes:
    """Cryptographically secure random bytes from the OS."""
    return os.urandom(count)


def normalize_passphrase(passphrase: str) -> bytes:
    """UTF-8 bytes of the NFC form, so the same passphrase typed on any keyboard derives alike."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_argon2id(passphrase: str, *, salt: bytes, cost: Argon2Cost) -> bytes:
    """A 256-bit key derived from a passphrase with Argon2id (RFC 9106)."""
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=cost.iterations,
        lanes=cost.lanes,
        memory_cost=cost.memory_kib,
    )
    return kdf.derive(normalize_passphrase(passphrase))


def time_argon2id(cost: Argon2Cost) -> float:
    """Seconds one Argon2id derivation with ``cost`` takes on this machine (for calibration)."""
    started = time.perf_counter()
    derive_argon2id("calibration", salt=bytes(SALT_BYTES), cost=cost)
    return time.perf_counter() - started


def derive_hkdf(secret: bytes, *, info: bytes, salt: bytes | None = None) -> bytes:
    """A 256-bit subkey of a high-entropy secret (HKDF-SHA256); ``info`` separates its uses."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(secret)


def seal(key: bytes, plaintext: bytes, *, associated_data: bytes) -> tuple[bytes, bytes]:
    """AES-256-GCM encryption under a fresh nonce; returns (nonce, ciphertext)."""
    nonce = random_bytes(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, associated_data)


def unseal(key: bytes, nonce: bytes, ciphertext: bytes, *, associated_data: bytes) -> bytes:
    """Decrypt what :func:`seal` produced; raises :class:`AuthenticationFailed` on any mismatch."""
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, associated_data)
    except (InvalidTag, ValueError) as exc:
        raise AuthenticationFailed from exc


def mac(key: bytes, data: bytes) -> bytes:
    """HMAC-SHA256 of ``data``."""
    return hmac.new(key, data, hashlib.sha256).digest()


def verify_mac(key: bytes, data: bytes, expected: bytes) -> None:
    """Raise :class:`AuthenticationFailed` unless ``expected`` is the MAC (constant time)."""
    if not hmac.compare_digest(mac(key, data), expected):
        raise AuthenticationFailed


def sha256_hex(data: bytes) -> str:
    """Lower-case hex SHA-256 digest."""
    return hashlib.sha256(data).hexdigest()
