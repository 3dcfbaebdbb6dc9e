"""The header refuses tampering, weakened KDF parameters and newer formats before decrypting."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from wallet.errors import HeaderError, UnsupportedVersion, WeakKdfParameters, WrongPassphrase
from wallet.vault import HEADER_FILE, CreatedVault, Vault


def _edit_header(vault_dir: Path, edit: Any) -> None:
    path = vault_dir / HEADER_FILE
    document = json.loads(path.read_text())
    edit(document)
    path.write_text(json.dumps(document))


@pytest.fixture
def locked_vault_dir(created: CreatedVault, vault_dir: Path) -> Path:
    created.vault.set_field("email", "ada@example.org")
    created.vault.lock()
    return vault_dir


@pytest.mark.parametrize(
    ("parameter", "weakened", "message"),
    [
        ("memory_kib", 19 * 1024, "memory"),
        ("iterations", 1, "iterations"),
        ("lanes", 0, "lanes"),
        ("memory_kib", 64 * 1024 * 1024, "memory"),  # a header that would exhaust memory
        ("salt", base64.b64encode(b"short").decode(), "salt"),
    ],
)
def test_weakened_kdf_parameters_are_refused_before_deriving(
    locked_vault_dir: Path, parameter: str, weakened: object, message: str
) -> None:
    def weaken(document: dict[str, Any]) -> None:
        document["slots"][0]["kdf"][parameter] = weakened

    _edit_header(locked_vault_dir, weaken)
    with pytest.raises(WeakKdfParameters, match=message):
        Vault.open_with_passphrase(locked_vault_dir, PASSPHRASE)


def test_tampered_header_field_is_detected(locked_vault_dir: Path) -> None:
    def tamper(document: dict[str, Any]) -> None:
        document["created"] = "2001-01-01T00:00:00Z"

    _edit_header(locked_vault_dir, tamper)
    with pytest.raises(HeaderError, match="modified outside VRM Wallet"):
        Vault.open_with_passphrase(locked_vault_dir, PASSPHRASE)


def test_tampered_slot_parameters_do_not_open(locked_vault_dir: Path) -> None:
    def raise_iterations(document: dict[str, Any]) -> None:
        document["slots"][0]["kdf"]["iterations"] = 4  # still above the floor

    _edit_header(locked_vault_dir, raise_iterations)
    with pytest.raises(WrongPassphrase):
        Vault.open_with_passphrase(locked_vault_dir, PASSPHRASE)


def test_removed_slot_is_detected_by_the_mac(created: CreatedVault, locked_vault_dir: Path) -> None:
    def drop_passphrase_slot(document: dict[str, Any]) -> None:
        document["slots"] = document["slots"][1:]

    _edit_header(locked_vault_dir, drop_passphrase_slot)
    with pytest.raises(HeaderError, match="modified outside VRM Wallet"):
        Vault.open_with_recovery_key(locked_vault_dir, created.recovery_key)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        (b"[]", "not a VRM Wallet vault header"),
        (b'{"format": "vrm-wallet-vault"}', "no format version"),
        (b'{"format": "vrm-wallet-vault", "format_version": 1, "extra": 1}', "damaged"),
        (b" " * (65 * 1024), "larger than"),
    ],
)
def test_damaged_headers_get_specific_messages(
    locked_vault_dir: Path, content: bytes, message: str
) -> None:
    (locked_vault_dir / HEADER_FILE).write_bytes(content)
    with pytest.raises(Exception, match=message) as raised:
        Vault.open_with_passphrase(locked_vault_dir, PASSPHRASE)
    assert raised.type.__module__ == "wallet.errors"


def test_header_from_a_newer_version_is_refused(locked_vault_dir: Path) -> None:
    def bump(document: dict[str, Any]) -> None:
        document["format_version"] = 2
        document["new_thing"] = {"unknown": True}

    _edit_header(locked_vault_dir, bump)
    with pytest.raises(UnsupportedVersion, match="newer version of VRM Wallet"):
        Vault.open_with_passphrase(locked_vault_dir, PASSPHRASE)


def test_header_written_atomically_leaves_no_temp_files(vault: Vault, vault_dir: Path) -> None:
    vault.change_passphrase(PASSPHRASE, "another long passphrase")
    assert sorted(p.name for p in vault_dir.iterdir() if p.name.startswith(".")) == []


def test_database_swapped_for_another_vaults_is_refused(tmp_path: Path) -> None:
    first = Vault.create(tmp_path / "one", PASSPHRASE, kdf_target_seconds=0)
    second = Vault.create(tmp_path / "two", PASSPHRASE, kdf_target_seconds=0)
    first.vault.lock()
    second.vault.lock()
    (tmp_path / "one" / "vault.db").write_bytes((tmp_path / "two" / "vault.db").read_bytes())
    with pytest.raises(Exception, match="does not belong to this header"):
        Vault.open_with_passphrase(tmp_path / "one", PASSPHRASE)
