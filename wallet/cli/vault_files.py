"""``vrm-wallet-cli backup``, ``restore`` and ``check``: the vault's files, copied and inspected.

``check`` runs every integrity check (:mod:`wallet.vault.integrity`) without changing the vault: it
only unwraps the data key and reads the database. It prints one line per check and what to do
about each problem, and exits 0 when everything is fine, 1 otherwise.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wallet.cli.support import (
    CliError,
    command,
    confirm,
    existing_vault_dir,
    fail,
    print_json,
    read_passphrase,
    read_secret_file,
    unlocked,
    vault_dir,
)
from wallet.errors import VaultExists
from wallet.keystore import KeyringKeyStore
from wallet.terminal import printable
from wallet.vault import unlocking
from wallet.vault.facade import Vault, vault_exists
from wallet.vault.integrity import IntegrityReport, check_vault, describe
from wallet.vault.layout import VaultPaths


def cmd_backup(args: argparse.Namespace) -> int:
    """Write an encrypted backup that opens with the passphrase or the recovery key."""
    target = Path(args.file)
    if target.exists() and not args.force:
        raise CliError(
            f"{target} already exists; choose another name, or pass --force to replace it."
        )
    with unlocked(args) as vault:
        written = vault.backup(target)
    print(f"Backup written to {written}. It opens with this vault's current passphrase or key.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup; an existing vault is moved aside (with --force), never overwritten."""
    directory, backup = vault_dir(args), Path(args.file)
    if not backup.is_file():
        raise CliError(f"The backup file {backup} does not exist; check the path.")
    replacing = vault_exists(directory)
    _check_restore_target(directory, replacing=replacing, force=args.force)
    if replacing:
        confirm(f"Replace the vault in {directory} with this backup", assume_yes=args.yes)
    if args.recovery_key_file:
        key = read_secret_file(args.recovery_key_file, what="recovery key")
        result = Vault.restore(backup, directory, recovery_key=key, force=args.force)
    else:
        passphrase = read_passphrase(args, prompt="Passphrase of the backup: ")
        result = Vault.restore(backup, directory, passphrase=passphrase, force=args.force)
    print(f"Restored the backup into {result.directory}.")
    if result.replaced_moved_to is not None:
        what = "The previous vault" if replacing else f"The previous directory {directory}"
        print(
            f"{what} was moved to {result.replaced_moved_to}; delete it when you no longer need it."
        )
    return 0


def _check_restore_target(directory: Path, *, replacing: bool, force: bool) -> None:
    if replacing and not force:
        raise VaultExists(
            f"A vault already exists in {directory}; nothing was changed. To replace it, pass "
            "--force (the current vault is moved aside, not deleted)."
        )
    if not replacing and directory.is_dir() and any(directory.iterdir()):
        raise CliError(
            f"{directory} is not empty and holds no vault; nothing was changed. Restore into a "
            "new directory with --vault."
        )


def cmd_check(args: argparse.Namespace) -> int:
    """Check the vault's files and database for damage; exit 1 if anything is wrong."""
    report = check_vault(existing_vault_dir(args), _key_source(args))
    if args.json:
        print_json(_report_json(report))
    else:
        print(f"Vault: {printable(report.directory)}")
        for line in describe(report, command_line=True):
            print(printable(line))
    if report.ok:
        if not args.json:
            print(f"All {len(report.findings)} checks passed.")
        return 0
    problems = len(report.problems)
    return fail(
        f"the check found {problems} problem(s) in {report.directory}; see what to do above."
    )


def _key_source(args: argparse.Namespace) -> Callable[[VaultPaths], unlocking.SlotKey]:
    """Unwraps the data key the way the command line was told to (asked only when needed)."""
    if args.recovery_key_file:
        key = read_secret_file(args.recovery_key_file, what="recovery key")
        return lambda paths: unlocking.with_recovery_key(paths, key)
    if args.use_keyring:
        return lambda paths: unlocking.with_keyring(paths, KeyringKeyStore())
    return lambda paths: unlocking.with_passphrase(paths, read_passphrase(args))


def _report_json(report: IntegrityReport) -> dict[str, Any]:
    return {
        "vault": str(report.directory),
        "ok": report.ok,
        "findings": [
            {"check": f.check, "ok": f.ok, "message": f.message, "advice": f.advice}
            for f in (finding.on_command_line() for finding in report.findings)
        ],
    }


def add_commands(commands: Any) -> None:
    """Register ``backup``, ``restore`` and ``check``."""
    backup = command(commands, "backup", cmd_backup)
    backup.add_argument("file", metavar="FILE", help="the backup file to write")
    backup.add_argument("--force", action="store_true", help="replace an existing file")
    restore = command(commands, "restore", cmd_restore)
    restore.add_argument("file", metavar="FILE", help="the backup file to restore")
    restore.add_argument(
        "--force", action="store_true", help="replace an existing vault (moved aside)"
    )
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.add_argument(
        "--recovery-key-file", metavar="FILE", help="open the backup with its recovery key"
    )
    check = command(commands, "check", cmd_check, json_output=True)
    check.add_argument(
        "--recovery-key-file", metavar="FILE", help="open the vault with its recovery key"
    )
