"""Errors and check findings of the vault, its storage and personal data carry no command syntax
in what the desktop app shows; ``command_line_text`` (and ``describe(..., command_line=True)``)
give the CLI exactly what it printed before."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from tests.conftest import PASSPHRASE
from wallet.errors import (
    DatabaseError,
    InvalidInput,
    VaultExists,
    VaultNotFound,
    WalletError,
    command_line_text,
)
from wallet.personal_data import FieldInput, parse_category
from wallet.storage.connection import translate_error
from wallet.vault import unlocking
from wallet.vault.binding import check_database_file
from wallet.vault.facade import DATABASE_FILE, HEADER_FILE, CreatedVault, Vault
from wallet.vault.integrity import check_vault, describe
from wallet.vault.layout import VaultPaths, load_header, refuse_existing_vault

RESTORE_CLI = "Nothing was changed; restore the vault from a backup (`vrm-wallet-cli restore`)."


def no_command_syntax(text: str) -> None:
    assert "`" not in text and "--" not in text and "vrm-wallet-cli" not in text, text


def test_an_unknown_category() -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_category("nope")
    no_command_syntax(str(raised.value))
    assert command_line_text(raised.value) == (
        "Unknown category 'nope'. Use a number 1-16 or a name such as 'Contact'; "
        "`vrm-wallet-cli data categories` lists them."
    )


def test_an_import_with_an_unknown_category(vault: Vault) -> None:
    with pytest.raises(InvalidInput) as raised:
        vault.fields.import_many([FieldInput("email", "a@example.org", category="nope")])
    no_command_syntax(str(raised.value))
    assert command_line_text(raised.value) == (
        "Field 'email': Unknown category 'nope'. Use a number 1-16 or a name such as 'Contact'; "
        "`vrm-wallet-cli data categories` lists them. Nothing was imported."
    )


def test_a_folder_that_already_holds_a_vault(created: CreatedVault, vault_dir: Path) -> None:
    with pytest.raises(VaultExists) as raised:
        refuse_existing_vault(VaultPaths(vault_dir))
    no_command_syntax(str(raised.value))
    assert command_line_text(raised.value) == (
        f"{vault_dir} already contains a vault; nothing was changed. Choose another location "
        "(--vault), or use, restore or remove that vault."
    )


def test_no_vault_and_a_headerless_database(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path)
    with pytest.raises(VaultNotFound) as raised:
        load_header(paths)
    no_command_syntax(str(raised.value))
    assert command_line_text(raised.value) == (
        f"There is no vault in {tmp_path}. Create one with `vrm-wallet-cli init` or choose "
        "another location."
    )
    (tmp_path / DATABASE_FILE).write_bytes(b"x" * 8192)
    with pytest.raises(VaultNotFound) as raised:
        load_header(paths)
    no_command_syntax(str(raised.value))
    assert command_line_text(raised.value) == (
        f"{tmp_path} holds a vault database but its header ({HEADER_FILE}) is missing, so the "
        "vault cannot be opened. Restore the vault from a backup (into another folder, or with "
        "--force, which moves this one aside), or put the header back."
    )
    with pytest.raises(VaultExists) as refused:
        refuse_existing_vault(paths)
    no_command_syntax(str(refused.value))
    assert (
        command_line_text(refused.value)
        == f"{command_line_text(raised.value)} Nothing was changed."
    )


def test_a_restore_over_a_vault(created: CreatedVault, vault_dir: Path, tmp_path: Path) -> None:
    backup = created.vault.backup(tmp_path / "wallet.vrmbackup")
    created.vault.lock()
    with pytest.raises(VaultExists) as raised:
        Vault.restore(backup, vault_dir, passphrase=PASSPHRASE)
    no_command_syntax(str(raised.value))
    assert command_line_text(raised.value) == (
        f"A vault already exists in {vault_dir}. Restoring would replace it; confirm with "
        "--force (the current vault is moved aside, not deleted)."
    )


def test_a_missing_database(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_FILE
    with pytest.raises(DatabaseError) as raised:
        check_database_file(database)
    no_command_syntax(str(raised.value))
    assert command_line_text(raised.value) == (
        f"The vault database {database} is missing: the header is here but your data is not. "
        f"{RESTORE_CLI}"
    )


def _storage_error(message: str, code: int) -> Exception:
    error = sqlcipher3.DatabaseError(message)
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            11,
            "The vault database is damaged (database disk image is malformed). Nothing was "
            "changed. Run `vrm-wallet-cli check` to see what is damaged, and restore the vault "
            "from a backup if it finds problems.",
        ),
        (
            10,
            "The disk reported an error while VRM Wallet used the vault (database disk image is "
            "malformed): the change was not saved. Check the disk, then run `vrm-wallet-cli "
            "check`.",
        ),
    ],
)
def test_storage_failures(code: int, expected: str) -> None:
    error: WalletError = translate_error(_storage_error("database disk image is malformed", code))
    no_command_syntax(str(error))
    assert command_line_text(error) == expected


def test_the_check_report(created: CreatedVault, vault_dir: Path) -> None:
    created.vault.lock()
    (vault_dir / DATABASE_FILE).unlink()
    report = check_vault(vault_dir, lambda paths: unlocking.with_passphrase(paths, PASSPHRASE))
    plain, command_line = list(describe(report)), list(describe(report, command_line=True))
    for line in plain:
        no_command_syntax(line)
    database = vault_dir / DATABASE_FILE
    assert (
        f"PROBLEM  database file: The vault database {database} is missing: the header is here "
        f"but your data is not. {RESTORE_CLI}"
    ) in command_line
    assert (
        "         → Restore the vault from a backup (`vrm-wallet-cli restore`); keep this copy as "
        "evidence."
    ) in command_line
    assert "         → Restore the vault from a backup; keep this copy as evidence." in plain
