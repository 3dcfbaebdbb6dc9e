"""Key slots: wrap the vault's data key for one way of unlocking, and unwrap it again.

Each slot derives a key-encryption key from its secret (Argon2id for a passphrase, HKDF for the
high-entropy recovery key and keyring secret) and seals the data key with AES-256-GCM, binding the
vault id, slot type and derivation parameters as associated data so a slot cannot be moved to
another vault or have its parameters swapped.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from wallet import crypto
from wallet.crypto import Argon2Cost
from wallet.errors import InvalidInput
from wallet.vault.header import (
    DEFAULT_ARGON2,
    MAX_ITERATIONS,
    Argon2idKdf,
    HkdfKdf,
    KeyringSlot,
    PassphraseSlot,
    RecoverySlot,
    VaultHeader,
    now_utc,
    slot_associated_data,
)
from wallet.vault.passphrase_strength import MIN_PASSPHRASE_LENGTH

S = TypeVar("S", PassphraseSlot, RecoverySlot, KeyringSlot)
RECOVERY_INFO = b"vrm-wallet recovery slot v1"
KEYRING_INFO = b"vrm-wallet keyring slot v1"
# 1Password learned that "never ask for the master password" makes people forget it; a device
# secret therefore stops working after this long without the passphrase being typed.
KEYRING_PASSPHRASE_INTERVAL = timedelta(days=14)


@dataclass(frozen=True, slots=True)
class Unwrapped:
    """A data key and how long its slot's key derivation took (for the benchmarks)."""

    data_key: bytes
    kdf_seconds: float


def check_passphrase_acceptable(passphrase: str) -> None:
    """Refuse passphrases too short to protect anything (strength is shown separately)."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInput(
            f"The passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters; "
            "a few random words are easy to remember and hard to guess."
        )


def calibrated_cost(*, target_seconds: float) -> Argon2Cost:
    """Argon2id cost that takes about ``target_seconds`` here, never below the defaults."""
    if target_seconds <= 0:
        return DEFAULT_ARGON2
    measured = crypto.time_argon2id(DEFAULT_ARGON2)
    if measured >= target_seconds:
        return DEFAULT_ARGON2
    scaled = math.floor(DEFAULT_ARGON2.iterations * target_seconds / measured)
    iterations = max(DEFAULT_ARGON2.iterations, min(MAX_ITERATIONS, scaled))
    return Argon2Cost(DEFAULT_ARGON2.memory_kib, iterations, DEFAULT_ARGON2.lanes)


def make_passphrase_slot(
    vault_id: str, data_key: bytes, passphrase: str, *, cost: Argon2Cost
) -> PassphraseSlot:
    check_passphrase_acceptable(passphrase)
    kdf = Argon2idKdf(
        memory_kib=cost.memory_kib,
        iterations=cost.iterations,
        lanes=cost.lanes,
        salt=crypto.random_bytes(crypto.SALT_BYTES),
    )
    draft = PassphraseSlot(kdf=kdf, nonce=b"", wrapped_key=b"", created=now_utc())
    kek = crypto.derive_argon2id(passphrase, salt=kdf.salt, cost=kdf.cost)
    return _seal_into(draft, vault_id, kek, data_key)


def with_new_passphrase(header: VaultHeader, data_key: bytes, passphrase: str) -> VaultHeader:
    """``header`` with a new passphrase slot (first), at the same Argon2id cost as the old one."""
    current = header.slot("passphrase")
    cost = current.kdf.cost if isinstance(current, PassphraseSlot) else None
    new_slot = make_passphrase_slot(
        header.vault_id, data_key, passphrase, cost=cost or calibrated_cost(target_seconds=0)
    )
    others = tuple(s for s in header.slots if s.type != "passphrase")
    return header.model_copy(update={"slots": (new_slot, *others)})


def make_recovery_slot(vault_id: str, data_key: bytes, secret: bytes) -> RecoverySlot:
    kdf = HkdfKdf(salt=crypto.random_bytes(crypto.SALT_BYTES))
    draft = RecoverySlot(kdf=kdf, nonce=b"", wrapped_key=b"", created=now_utc())
    kek = crypto.derive_hkdf(secret, salt=kdf.salt, info=RECOVERY_INFO)
    return _seal_into(draft, vault_id, kek, data_key)


def make_keyring_slot(
    vault_id: str, data_key: bytes, secret: bytes, *, service: str, username: str
) -> KeyringSlot:
    kdf = HkdfKdf(salt=crypto.random_bytes(crypto.SALT_BYTES))
    draft = KeyringSlot(
        kdf=kdf,
        nonce=b"",
        wrapped_key=b"",
        created=now_utc(),
        keyring_service=service,
        keyring_username=username,
        passphrase_required_after=now_utc() + KEYRING_PASSPHRASE_INTERVAL,
    )
    kek = crypto.derive_hkdf(secret, salt=kdf.salt, info=KEYRING_INFO)
    return _seal_into(draft, vault_id, kek, data_key)


def _seal_into(draft: S, vault_id: str, kek: bytes, data_key: bytes) -> S:
    nonce, wrapped = crypto.seal(
        kek, data_key, associated_data=slot_associated_data(vault_id, draft)
    )
    return draft.model_copy(update={"nonce": nonce, "wrapped_key": wrapped})


def open_passphrase_slot(vault_id: str, slot: PassphraseSlot, passphrase: str) -> Unwrapped:
    """Raises :class:`wallet.crypto.AuthenticationFailed` if the passphrase is wrong."""
    started = time.perf_counter()
    kek = crypto.derive_argon2id(passphrase, salt=slot.kdf.salt, cost=slot.kdf.cost)
    kdf_seconds = time.perf_counter() - started
    return Unwrapped(_unseal(slot, vault_id, kek), kdf_seconds)


def open_recovery_slot(vault_id: str, slot: RecoverySlot, secret: bytes) -> Unwrapped:
    started = time.perf_counter()
    kek = crypto.derive_hkdf(secret, salt=slot.kdf.salt, info=RECOVERY_INFO)
    return Unwrapped(_unseal(slot, vault_id, kek), time.perf_counter() - started)


def open_keyring_slot(vault_id: str, slot: KeyringSlot, secret: bytes) -> Unwrapped:
    started = time.perf_counter()
    kek = crypto.derive_hkdf(secret, salt=slot.kdf.salt, info=KEYRING_INFO)
    return Unwrapped(_unseal(slot, vault_id, kek), time.perf_counter() - started)


def _unseal(slot: PassphraseSlot | RecoverySlot | KeyringSlot, vault_id: str, kek: bytes) -> bytes:
    return crypto.unseal(
        kek, slot.nonce, slot.wrapped_key, associated_data=slot_associated_data(vault_id, slot)
    )


def keyring_passphrase_due(slot: KeyringSlot, *, now: datetime | None = None) -> bool:
    """True when the passphrase must be typed again before the keyring may unlock."""
    return (now or now_utc()) >= slot.passphrase_required_after
