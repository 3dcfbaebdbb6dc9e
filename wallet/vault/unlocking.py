"""Unwrapping the data key from one of the header's slots, and the record of failed attempts.

This is the half of unlocking that needs no database: read the header, pick the slot, derive the
key-encryption key and unwrap the data key. A failed attempt is remembered outside the database
(which cannot be opened without the key) and moved into the activity log at the next unlock.
The vault facade opens the database afterwards; ``vrm-wallet-cli check`` uses only this half and
then inspects the database read-only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from wallet import activity, crypto
from wallet.activity import ActivityEvent
from wallet.errors import HeaderError, KeyringUnavailable, WrongPassphrase, WrongRecoveryKey
from wallet.files import append_line_durably
from wallet.i18n import QT_TRANSLATE_NOOP
from wallet.keystore import KeyStore, KeyStoreError
from wallet.vault import slots
from wallet.vault.header import KeyringSlot, PassphraseSlot, RecoverySlot, VaultHeader, now_utc
from wallet.vault.layout import VaultPaths, load_header
from wallet.vault.recovery import parse_recovery_key

MAX_PENDING_EVENTS = 1_000
UnlockMethod = Literal["passphrase", "recovery key", "keyring"]


@dataclass(frozen=True, slots=True)
class SlotKey:
    """A data key unwrapped from a slot of ``header`` (its MAC is not checked yet)."""

    header: VaultHeader
    unwrapped: slots.Unwrapped
    method: UnlockMethod


def with_passphrase(paths: VaultPaths, passphrase: str) -> SlotKey:
    """The data key from the passphrase slot; a wrong passphrase is recorded and refused."""
    header = load_header(paths)
    slot = header.slot("passphrase")
    if not isinstance(slot, PassphraseSlot):
        raise HeaderError("The vault header has no passphrase slot; it is damaged.")
    try:
        unwrapped = slots.open_passphrase_slot(header.vault_id, slot, passphrase)
    except crypto.AuthenticationFailed:
        record_failed_unlock(paths, method="passphrase", reason="wrong passphrase")
        raise WrongPassphrase.worded(
            QT_TRANSLATE_NOOP(
                "CoreError",
                "The passphrase is wrong. Nothing was changed; check Caps Lock and the keyboard "
                "layout, or use your recovery key.",
            )
        ) from None
    return SlotKey(header, unwrapped, "passphrase")


def with_recovery_key(paths: VaultPaths, recovery_key: str) -> SlotKey:
    """The data key from the recovery slot; a wrong or mistyped key is recorded and refused."""
    header = load_header(paths)
    slot = header.slot("recovery")
    if not isinstance(slot, RecoverySlot):
        raise HeaderError("The vault header has no recovery slot; it is damaged.")
    try:
        secret = parse_recovery_key(recovery_key)
        unwrapped = slots.open_recovery_slot(header.vault_id, slot, secret)
    except WrongRecoveryKey as exc:
        record_failed_unlock(paths, method="recovery key", reason="malformed recovery key")
        raise exc from None
    except crypto.AuthenticationFailed:
        record_failed_unlock(paths, method="recovery key", reason="wrong recovery key")
        raise WrongRecoveryKey.worded(
            QT_TRANSLATE_NOOP(
                "CoreError", "This recovery key does not belong to this vault. Nothing was changed."
            )
        ) from None
    return SlotKey(header, unwrapped, "recovery key")


def with_keyring(paths: VaultPaths, keystore: KeyStore) -> SlotKey:
    """The data key from the keyring slot, with the secret the OS keyring keeps for it."""
    header = load_header(paths)
    slot = header.slot("keyring")
    if not isinstance(slot, KeyringSlot):
        raise KeyringUnavailable("This vault is not remembered on this device.")
    if slots.keyring_passphrase_due(slot):
        raise KeyringUnavailable(
            "It has been a while since you typed your passphrase. Please type it now so you "
            "keep remembering it; this device will remember the vault again afterwards."
        )
    reason = keystore.unavailable_reason()
    if reason:
        raise KeyringUnavailable(reason)
    try:
        secret = keystore.load(slot.keyring_service, slot.keyring_username)
    except KeyStoreError as exc:
        raise KeyringUnavailable(f"{exc} Unlock with your passphrase.") from None
    if secret is None:
        record_failed_unlock(paths, method="keyring", reason="secret missing from keyring")
        raise KeyringUnavailable(
            "The OS keyring no longer holds this vault's secret. Unlock with your passphrase."
        )
    try:
        unwrapped = slots.open_keyring_slot(header.vault_id, slot, secret)
    except crypto.AuthenticationFailed:
        record_failed_unlock(paths, method="keyring", reason="keyring secret does not match")
        raise KeyringUnavailable(
            "The secret in the OS keyring does not open this vault. Unlock with your "
            "passphrase, then turn 'remember on this device' off and on again."
        ) from None
    return SlotKey(header, unwrapped, "keyring")


def record_failed_unlock(paths: VaultPaths, *, method: UnlockMethod, reason: str) -> None:
    """Remember a failed unlock outside the database (which cannot be opened without the key).

    Only the time, method and reason are written, never what was typed; the next successful
    unlock moves these into the activity log.
    """
    try:
        if paths.pending.exists() and paths.pending.stat().st_size > MAX_PENDING_EVENTS * 256:
            return  # someone is hammering the vault: keep the file bounded
        line = json.dumps({"at": now_utc().isoformat(), "method": method, "reason": reason})
        append_line_durably(paths.pending, line)
    except OSError:
        pass  # failing to record a failure must not hide the failure itself


def read_pending_events(paths: VaultPaths) -> list[ActivityEvent]:
    try:
        lines = paths.pending.read_text(encoding="utf-8").splitlines()[:MAX_PENDING_EVENTS]
    except (FileNotFoundError, OSError, UnicodeDecodeError):
        return []
    events = []
    for line in lines:
        try:
            record = json.loads(line)
            at = datetime.fromisoformat(str(record["at"]))
            method = str(record["method"])[:40]
            reason = str(record["reason"])[:200]
        except (ValueError, KeyError, TypeError):
            continue  # a torn or forged line is not worth failing an unlock over
        events.append(
            ActivityEvent(
                activity.VAULT_UNLOCK_FAILED,
                result=activity.NOT_COMPLETED,
                reason=f"{method}: {reason}",
                at=at if at.tzinfo else at.replace(tzinfo=UTC),
            )
        )
    return events
