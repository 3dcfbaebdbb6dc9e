"""Remembering the vault on this device: the keyring slot and its secret in the OS keyring.

The secret lives in the keyring (Secret Service); the header holds a slot it opens. Both change
together: a secret whose slot could not be saved is taken back, and a slot is removed before its
secret so that a secret the keyring refuses to delete opens nothing. The header is written by the
caller's ``save`` (:meth:`wallet.vault.facade.Vault`'s, which seals it with the data key).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from wallet import crypto
from wallet.errors import KeyringUnavailable
from wallet.keystore import SERVICE as KEYRING_SERVICE
from wallet.keystore import KeyStore, KeyStoreError
from wallet.vault import slots
from wallet.vault.header import KeyringSlot, VaultHeader, now_utc

SaveHeader = Callable[[VaultHeader], None]


def remember(header: VaultHeader, data_key: bytes, keystore: KeyStore, save: SaveHeader) -> None:
    """Store a fresh secret in the keyring and save a header with a keyring slot it opens."""
    secret = crypto.random_bytes(crypto.KEY_BYTES)
    username = header.vault_id
    try:
        keystore.store(KEYRING_SERVICE, username, secret)
    except KeyStoreError as exc:
        raise KeyringUnavailable(f"{exc} Nothing was changed.") from None
    new_slot = slots.make_keyring_slot(
        header.vault_id, data_key, secret, service=KEYRING_SERVICE, username=username
    )
    others = tuple(s for s in header.slots if s.type != "keyring")
    try:
        save(header.model_copy(update={"slots": (*others, new_slot)}))
    except BaseException:
        with contextlib.suppress(KeyStoreError):  # a secret that opens nothing: take it back
            keystore.delete(KEYRING_SERVICE, username)
        raise


def forget(header: VaultHeader, keystore: KeyStore, save: SaveHeader) -> str | None:
    """Remove the keyring slot, then its secret; ``None`` if there was no slot.

    Returns why the keyring kept the secret ("" if it did not) for the activity log.
    """
    slot = header.slot("keyring")
    if not isinstance(slot, KeyringSlot):
        return None
    save(header.model_copy(update={"slots": tuple(s for s in header.slots if s.type != "keyring")}))
    try:
        keystore.delete(slot.keyring_service, slot.keyring_username)
    except KeyStoreError as exc:
        # The slot is gone, so the secret left in the keyring opens nothing any more.
        return f"the keyring kept its now useless secret: {exc}"[:200]
    return ""


def renewed_after_passphrase(header: VaultHeader) -> VaultHeader | None:
    """The header with the keyring slot's passphrase deadline moved on; ``None`` if no slot."""
    slot = header.slot("keyring")
    if not isinstance(slot, KeyringSlot):
        return None
    deadline = now_utc() + slots.KEYRING_PASSPHRASE_INTERVAL
    renewed = slot.model_copy(update={"passphrase_required_after": deadline})
    return header.model_copy(
        update={"slots": tuple(renewed if s.type == "keyring" else s for s in header.slots)}
    )
