"""Keyring slot ("remember on this device"): in-memory backend and the real Secret Service."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import pytest

from tests.conftest import PASSPHRASE, MemoryKeyring
from wallet import activity
from wallet.errors import KeyringUnavailable
from wallet.keystore import SERVICE, KeyringKeyStore
from wallet.vault import slots
from wallet.vault.facade import HEADER_FILE, Vault
from wallet.vault.header import KeyringSlot, now_utc, read_header


def test_enable_unlock_disable_with_memory_backend(
    vault: Vault, vault_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = KeyringKeyStore()
    vault.fields.set("email", "ada@example.org")
    vault.enable_keyring(store)
    assert vault.keyring_enabled()
    assert (SERVICE, vault.vault_id) in memory_keyring.secrets
    vault.lock()

    with Vault.open_with_keyring(vault_dir, store) as reopened:
        assert reopened.fields.get("email").value == "ada@example.org"
        assert reopened.activity_page(type_prefix="vault.unlocked")[0].reason == "keyring"
        reopened.disable_keyring(store)
        assert not reopened.keyring_enabled()
    assert memory_keyring.secrets == {}
    with pytest.raises(KeyringUnavailable, match="not remembered"):
        Vault.open_with_keyring(vault_dir, store)


def test_secret_missing_or_wrong_in_keyring(
    vault: Vault, vault_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = KeyringKeyStore()
    vault.enable_keyring(store)
    vault.lock()
    memory_keyring.secrets[(SERVICE, vault.vault_id)] = "AAAA" * 11
    with pytest.raises(KeyringUnavailable, match="does not open this vault"):
        Vault.open_with_keyring(vault_dir, store)
    memory_keyring.secrets.clear()
    with pytest.raises(KeyringUnavailable, match="no longer holds"):
        Vault.open_with_keyring(vault_dir, store)
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:
        failed = reopened.activity_page(type_prefix=activity.VAULT_UNLOCK_FAILED)
        assert len(failed) == 2 and all(e.reason.startswith("keyring") for e in failed)


def test_passphrase_is_asked_again_after_the_interval(
    vault: Vault, vault_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    vault.enable_keyring(KeyringKeyStore())
    vault.lock()
    slot = read_header(vault_dir / HEADER_FILE).slot("keyring")
    assert isinstance(slot, KeyringSlot)
    assert not slots.keyring_passphrase_due(slot)
    later = now_utc() + slots.KEYRING_PASSPHRASE_INTERVAL + timedelta(minutes=1)
    assert slots.keyring_passphrase_due(slot, now=later)

    document = json.loads((vault_dir / HEADER_FILE).read_text())
    document["slots"][-1]["passphrase_required_after"] = "2020-01-01T00:00:00Z"
    (vault_dir / HEADER_FILE).write_text(json.dumps(document))
    with pytest.raises(KeyringUnavailable, match="type it now"):
        Vault.open_with_keyring(vault_dir, KeyringKeyStore())


def test_passphrase_unlock_renews_the_keyring_deadline(
    vault: Vault, vault_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    vault.enable_keyring(KeyringKeyStore())
    first = read_header(vault_dir / HEADER_FILE).slot("keyring")
    vault.lock()
    Vault.open_with_passphrase(vault_dir, PASSPHRASE).lock()
    renewed = read_header(vault_dir / HEADER_FILE).slot("keyring")
    assert isinstance(first, KeyringSlot) and isinstance(renewed, KeyringSlot)
    assert renewed.passphrase_required_after >= first.passphrase_required_after


class PlaintextKeyring(keyring.backend.KeyringBackend):
    """Stands for keyrings.alt's file backend, which must never be used."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise AssertionError("must not be read")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("must not be written")

    def delete_password(self, service: str, username: str) -> None:
        raise AssertionError("must not be touched")


@pytest.mark.parametrize(
    ("backend", "message"),
    [
        (keyring.backends.fail.Keyring(), "No OS keyring was found"),
        (keyring.backends.null.Keyring(), "disabled"),
        (PlaintextKeyring(), "without real protection"),
    ],
)
def test_insecure_backends_make_the_option_unavailable(
    vault: Vault, backend: keyring.backend.KeyringBackend, message: str
) -> None:
    store = KeyringKeyStore(backend=backend)
    reason = store.unavailable_reason()
    assert reason is not None and message in reason
    with pytest.raises(KeyringUnavailable, match=message):
        vault.enable_keyring(store)
    assert not vault.keyring_enabled()
    failed = vault.activity_page(type_prefix=activity.KEYRING_ENABLED)[0]
    assert failed.result == activity.NOT_COMPLETED


def _secret_service_backend() -> keyring.backend.KeyringBackend:
    try:
        from keyring.backends.SecretService import Keyring as SecretServiceKeyring
    except ImportError as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"keyring's Secret Service backend cannot be imported: {exc}")
    try:
        SecretServiceKeyring.priority  # noqa: B018 - raises when no service is reachable
    except Exception as exc:
        pytest.skip(
            f"no Secret Service on this session bus ({exc}); run under .ci/with-secret-service"
        )
    backend = SecretServiceKeyring()
    try:
        backend.set_password("vrm-wallet-test", "probe", "x")
        backend.delete_password("vrm-wallet-test", "probe")
    except Exception as exc:
        pytest.skip(f"the Secret Service is locked or refuses writes ({exc})")
    return backend


@pytest.mark.secret_service
def test_real_secret_service(vault: Vault, vault_dir: Path) -> None:
    store = KeyringKeyStore(backend=_secret_service_backend())
    assert store.unavailable_reason() is None
    vault.fields.set("email", "ada@example.org")
    vault.enable_keyring(store)
    vault.lock()
    with Vault.open_with_keyring(vault_dir, store) as reopened:
        assert reopened.fields.get("email").value == "ada@example.org"
        reopened.disable_keyring(store)
    assert store.load(SERVICE, vault.vault_id) is None
