"""``vrm-wallet-cli init``, ``passwd`` and ``unlock``: a vault created, its passphrase changed or
reset with the recovery key. ``backup``, ``restore`` and ``check`` live in
:mod:`wallet.cli.vault_files`.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from wallet.cli import vault_files as cli_vault_files
from wallet.cli.support import (
    NO_PASSPHRASE,
    PASSPHRASE_ENV,
    PROG,
    CliError,
    ask_new_secret,
    command,
    existing_vault_dir,
    non_negative_int,
    print_json,
    read_new_passphrase,
    read_passphrase,
    read_secret_file,
    stdin_is_terminal,
    unlocked,
    vault_dir,
)
from wallet.vault.facade import Vault
from wallet.vault.layout import VaultPaths, refuse_existing_vault


def cmd_init(args: argparse.Namespace) -> int:
    """Create a vault and hand over its recovery key (printed, or written to a new file)."""
    directory = vault_dir(args)
    refuse_existing_vault(VaultPaths(directory))
    if args.passphrase_file or os.environ.get(PASSPHRASE_ENV):
        passphrase = read_passphrase(args)
    elif stdin_is_terminal():
        passphrase = ask_new_secret("Passphrase for the new vault: ")
    else:
        raise CliError(NO_PASSPHRASE)
    key_file = _reserve_recovery_key_file(args.recovery_key_file)
    try:
        created = Vault.create(directory, passphrase, kdf_target_seconds=args.kdf_target_ms / 1000)
    except BaseException:
        if key_file is not None:
            os.close(key_file[1])
            key_file[0].unlink(missing_ok=True)
        raise
    created.vault.lock()
    if key_file is not None:
        _write_recovery_key(key_file, created.recovery_key)
    _report_created(args, directory, created.recovery_key, key_file)
    return 0


def _reserve_recovery_key_file(name: str | None) -> tuple[Path, int] | None:
    """Create the recovery key file (0600) before the vault, so a bad path loses nothing."""
    if name is None:
        return None
    path = Path(name)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CliError(
            f"{path} already exists and was left untouched; nothing was created. "
            "Give a new file name for the recovery key."
        ) from None
    except OSError as exc:
        raise CliError(
            f"Cannot create the recovery key file {path}: {exc.strerror}; nothing was created."
        ) from None
    return path, descriptor


def _write_recovery_key(key_file: tuple[Path, int], recovery_key: str) -> None:
    path, descriptor = key_file
    try:
        os.write(descriptor, f"{recovery_key}\n".encode("ascii"))
        os.fsync(descriptor)
    except OSError as exc:
        print(recovery_key)  # the vault exists now: the key must not be lost
        raise CliError(
            f"The vault was created but its recovery key could not be written to {path} "
            f"({exc.strerror}); it is printed above: write it down now."
        ) from None
    finally:
        os.close(descriptor)


def _report_created(
    args: argparse.Namespace, directory: Path, recovery_key: str, key_file: tuple[Path, int] | None
) -> None:
    if args.json:
        secret = (
            {"recovery_key_file": str(key_file[0])} if key_file else {"recovery_key": recovery_key}
        )
        print_json({"directory": str(directory), **secret})
        return
    print(f"Created a vault in {directory}.")
    if key_file is not None:
        print(f"Its recovery key was written to {key_file[0]}: keep it safe, away from this disk.")
        return
    print("Its recovery key is shown only this once. Write it down and keep it somewhere safe:")
    print()
    print(f"    {recovery_key}")
    print()
    print(f"With it you can reset a forgotten passphrase (`{PROG} unlock`) or open a backup.")


def cmd_passwd(args: argparse.Namespace) -> int:
    """Change the passphrase (the current one is needed; the recovery key stays valid)."""
    existing_vault_dir(args)
    current = read_passphrase(args, prompt="Current passphrase: ")
    with unlocked(args, passphrase=current) as vault:
        vault.change_passphrase(current, read_new_passphrase(args))
    print("The passphrase was changed; your recovery key still works.")
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    """Reset a forgotten passphrase with the recovery key."""
    directory = existing_vault_dir(args)
    recovery_key = read_secret_file(args.recovery_key_file, what="recovery key")
    new_passphrase = read_new_passphrase(args)
    with Vault.reset_passphrase(directory, recovery_key, new_passphrase):
        pass  # unlocked only to rewrite the passphrase slot; locked again on leaving
    print("The passphrase was reset; use the new one from now on. The recovery key still works.")
    return 0


def add_commands(commands: Any) -> None:
    """Register ``init``, ``passwd``, ``backup``, ``restore``, ``check`` and ``unlock``."""
    init = command(commands, "init", cmd_init, json_output=True)
    init.add_argument(
        "--recovery-key-file",
        metavar="FILE",
        help="write the recovery key to this new file (mode 0600) instead of printing it",
    )
    init.add_argument(
        "--kdf-target-ms",
        type=non_negative_int,
        default=500,
        metavar="N",
        help="tune Argon2id to take about N ms here (default 500; 0 = minimum cost)",
    )
    passwd = command(commands, "passwd", cmd_passwd)
    passwd.add_argument("--new-passphrase-file", metavar="FILE", help="read the new passphrase")
    cli_vault_files.add_commands(commands)  # backup, restore, check
    unlock = command(commands, "unlock", cmd_unlock)
    unlock.add_argument(
        "--recovery-key-file", metavar="FILE", required=True, help="the vault's recovery key"
    )
    unlock.add_argument("--new-passphrase-file", metavar="FILE", help="read the new passphrase")
