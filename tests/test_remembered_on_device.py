"""remembered_on_device: the unlock screen's key-free peek at the keyring slot."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MemoryKeyring
from wallet.errors import HeaderError
from wallet.keystore import KeyringKeyStore
from wallet.vault.facade import Vault, remembered_on_device


def test_missing_vault_is_not_remembered(tmp_path: Path) -> None:
    assert not remembered_on_device(tmp_path / "nothing-here")


def test_follows_enable_and_disable_keyring(
    vault: Vault, vault_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    assert not remembered_on_device(vault_dir)
    keystore = KeyringKeyStore()
    vault.enable_keyring(keystore)
    assert remembered_on_device(vault_dir)
    vault.disable_keyring(keystore)
    assert not remembered_on_device(vault_dir)


def test_damaged_header_is_reported(vault: Vault, vault_dir: Path) -> None:
    (vault_dir / "vault.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(HeaderError):
        remembered_on_device(vault_dir)
