"""The header refuses tampering, weakened KDF parameters and newer formats before decrypting."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from wallet import crypto
from wallet.errors import (
    HeaderError,
    KdfTooCostly,
    UnsupportedVersion,
    WeakKdfParameters,
    WrongPassphrase,
)
from wallet.vault import slots
from wallet.vault.facade import HEADER_FILE, CreatedVault, Vault
from wallet.vault.header import MAX_KDF_WORK, MAX_MEMORY_KIB, parse_header


def _edit_header(vault_dir: Path, edit: Any) -> None:
    path = vault_dir / HEADER_FILE
    document = json.loads(path.read_text())
    edit(document)
    path.write_text(json.dumps(document))


@pytest.fixture
def locked_vault_dir(created: CreatedVault, vault_dir: Path) -> Path:
    created.vault.fields.set("email", "ada@example.org")
    created.vault.lock()
    return vault_dir


@pytest.mark.parametrize(
    ("parameter", "weakened", "message"),
    [
        ("memory_kib", 19 * 1024, "memory"),
        ("iterations", 1, "iterations"),
        ("lanes", 0, "lanes"),
        ("lanes", 17, "lanes"),
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


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "lanes"),
    [
        (4 * 1024 * 1024, 64, 4),  # the old ceiling: about 3 minutes and 4 GiB per attempt
        (64 * 1024 * 1024, 3, 4),  # 64 GiB of memory
        (512 * 1024, 3, 4),  # above the memory ceiling
        (64 * 1024, 65, 4),  # above the pass ceiling
        (256 * 1024, 17, 1),  # each within its bound, but too much work together
        (64 * 1024, 10**40, 4),  # a 41-digit number of passes
    ],
)
def test_costly_kdf_parameters_are_refused_before_deriving(
    locked_vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_kib: int,
    iterations: int,
    lanes: int,
) -> None:
    derivations: list[object] = []
    real_derive = crypto.derive_argon2id

    def counting_derive(*args: Any, **kwargs: Any) -> bytes:
        derivations.append(kwargs.get("cost"))
        return real_derive(*args, **kwargs)

    monkeypatch.setattr(crypto, "derive_argon2id", counting_derive)

    def make_costly(document: dict[str, Any]) -> None:
        kdf = document["slots"][0]["kdf"]
        kdf.update(memory_kib=memory_kib, iterations=iterations, lanes=lanes)

    _edit_header(locked_vault_dir, make_costly)
    with pytest.raises(KdfTooCostly, match="Nothing was tried") as raised:
        Vault.open_with_passphrase(locked_vault_dir, PASSPHRASE)
    assert derivations == []
    assert len(str(raised.value)) < 400 and "\n" not in str(raised.value)


def test_every_calibrated_cost_is_within_the_ceiling(locked_vault_dir: Path) -> None:
    """Real users' headers stay valid: calibration may reach 64 passes at 64 MiB, never more."""
    document = json.loads((locked_vault_dir / HEADER_FILE).read_text())
    kdf = document["slots"][0]["kdf"]
    for iterations in (3, 9, 30, 64):
        kdf.update(memory_kib=64 * 1024, iterations=iterations, lanes=4)
        parse_header(json.dumps(document).encode())
    kdf.update(memory_kib=MAX_MEMORY_KIB, iterations=MAX_KDF_WORK // MAX_MEMORY_KIB, lanes=1)
    parse_header(json.dumps(document).encode())
    slowest = slots.calibrated_cost(target_seconds=1000)
    assert slowest.memory_kib * slowest.iterations <= MAX_KDF_WORK


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
