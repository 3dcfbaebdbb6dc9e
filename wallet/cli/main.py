"""``vrm-wallet-cli``: the vault from a terminal or a script, built on the :class:`Vault` facade.

The vault is found with ``--vault DIR``, else ``VRM_WALLET_HOME``, else the platform data dir.
Secrets come from files or the environment (for scripts) or are asked for on a terminal; without a
terminal the CLI refuses rather than guesses. Exit codes: 0 done, 1 a problem explained on one
``error:`` line, 2 a usage mistake (argparse), 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wallet.activity import ActivityEntry
from wallet.cli import consents as cli_consents
from wallet.cli import data as cli_data
from wallet.cli import intents as cli_intents
from wallet.cli import loyalty as cli_loyalty
from wallet.cli import outbox as cli_outbox
from wallet.cli import terms as cli_terms
from wallet.cli import vault_files as cli_vault_files
from wallet.cli import vendors as cli_vendors
from wallet.cli.support import (
    NO_PASSPHRASE,
    PASSPHRASE_ENV,
    PROG,
    CliError,
    Handler,
    ask_new_secret,
    command,
    command_group,
    existing_vault_dir,
    fail,
    iso,
    local,
    non_negative_int,
    one_line,
    print_json,
    print_table,
    read_new_passphrase,
    read_passphrase,
    read_secret_file,
    stdin_is_terminal,
    unlocked,
    vault_dir,
)
from wallet.errors import WalletError, command_line_text
from wallet.keystore import KeyringKeyStore
from wallet.settings import VaultSettings
from wallet.storage.connection import StorageError, translate_error
from wallet.vault.facade import Vault, remembered_on_device
from wallet.vault.layout import VaultPaths, refuse_existing_vault

DEFAULT_LOG_LIMIT = 50
SETTING_HELP = {
    "auto_lock_minutes": "lock after this many idle minutes (0 = never)",
    "lock_on_screen_lock": "lock when the screen locks (true/false)",
    "clipboard_clear_seconds": "clear a copied value from the clipboard after this many seconds",
}


# ---------------------------------------------------------------------------------- output


def _entry_json(entry: ActivityEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": iso(entry.at),
        "type": entry.type,
        "result": entry.result,
        "party": entry.party,
        "field_names": list(entry.field_names),
        "reason": entry.reason,
        "hash": entry.hash,
    }


# -------------------------------------------------------------------------------- commands


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


def cmd_log_list(args: argparse.Namespace) -> int:
    """The newest activity log entries (what happened, never the values)."""
    with unlocked(args) as vault:
        entries = vault.activity_page(limit=args.limit or -1, type_prefix=args.type)
        total = vault.activity_count(type_prefix=args.type)
    if args.json:
        print_json([_entry_json(entry) for entry in entries])
        return 0
    rows = [
        (
            str(e.seq),
            local(e.at),
            e.type,
            e.result,
            e.party,
            ", ".join(e.field_names),
            one_line(e.reason, 60),
        )
        for e in entries
    ]
    print_table(("seq", "time", "type", "result", "party", "fields", "reason"), rows)
    if len(entries) < total:
        print(f"(the newest {len(entries)} of {total} entries; --limit 0 shows all)")
    return 0


def cmd_log_verify(args: argparse.Namespace) -> int:
    """Check the log's hash chain; exit 1 naming the first bad entry."""
    with unlocked(args) as vault:
        report = vault.verify_activity()
    if not report.ok:
        raise CliError(
            f"the activity log failed verification at {report.problem}; the "
            f"{report.checked} entries before it are intact. Keep this vault and a backup as "
            "evidence."
        )
    print(f"OK: {report.checked} entries verified")
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


def cmd_keyring_status(args: argparse.Namespace) -> int:
    """Is this vault remembered on this device, and is the OS keyring usable?"""
    directory = existing_vault_dir(args)
    remembered = remembered_on_device(directory)
    reason = KeyringKeyStore().unavailable_reason()
    if args.json:
        print_json(
            {
                "vault": str(directory),
                "remembered": remembered,
                "keyring_available": reason is None,
                "reason": reason,
            }
        )
        return 0
    print(f"Vault: {directory}")
    print(f"Remembered on this device: {'yes' if remembered else 'no'}")
    print("OS keyring: available" if reason is None else f"OS keyring: unavailable. {reason}")
    return 0


def cmd_keyring_enable(args: argparse.Namespace) -> int:
    """Remember the vault on this device (unlock later with --use-keyring)."""
    with unlocked(args) as vault:
        vault.enable_keyring(KeyringKeyStore())
    print("This device now remembers the vault: add --use-keyring to unlock without typing.")
    return 0


def cmd_keyring_disable(args: argparse.Namespace) -> int:
    """Forget the vault on this device and remove its secret from the OS keyring."""
    with unlocked(args) as vault:
        changes = vault.disable_keyring(KeyringKeyStore())
    if changes.header_changed:
        print("This device no longer remembers the vault.")
    else:
        print("This device did not remember the vault; nothing was changed.")
    return 0


def cmd_settings_show(args: argparse.Namespace) -> int:
    """The vault's settings."""
    with unlocked(args) as vault:
        current = vault.settings().model_dump()
    if args.json:
        print_json(current)
        return 0
    rows = [
        (name, json.dumps(value), SETTING_HELP.get(name, "")) for name, value in current.items()
    ]
    print_table(("setting", "value", "meaning"), rows)
    return 0


def cmd_settings_set(args: argparse.Namespace) -> int:
    """Change one setting (checked before the vault is unlocked)."""
    value = _parse_setting(args.name, args.value)
    with unlocked(args) as vault:
        vault.update_settings(**{args.name: value})
    print(f"{args.name} = {json.dumps(value)}")
    return 0


def _parse_setting(name: str, text: str) -> Any:
    try:
        checked = VaultSettings.model_validate({name: text})
    except ValidationError as exc:
        problem = exc.errors()[0]["msg"]
        raise CliError(
            f"{text!r} is not a valid {name}: {problem} ({SETTING_HELP[name]})."
        ) from None
    return getattr(checked, name)


# ---------------------------------------------------------------------------------- parser


def _add_vault_commands(commands: Any) -> None:
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


def _add_other_commands(commands: Any) -> None:
    log = command_group(commands, "log", "the activity log")
    log_list = command(log, "list", cmd_log_list, json_output=True)
    log_list.add_argument("--type", metavar="PREFIX", help="only types starting with PREFIX")
    log_list.add_argument(
        "--limit",
        type=non_negative_int,
        default=DEFAULT_LOG_LIMIT,
        metavar="N",
        help=f"at most N entries, newest first (default {DEFAULT_LOG_LIMIT}; 0 = all)",
    )
    command(log, "verify", cmd_log_verify)
    keyring = command_group(commands, "keyring", "remember the vault on this device")
    command(keyring, "status", cmd_keyring_status, json_output=True)
    command(keyring, "enable", cmd_keyring_enable)
    command(keyring, "disable", cmd_keyring_disable)
    settings = command_group(commands, "settings", "the vault's settings")
    command(settings, "show", cmd_settings_show, json_output=True)
    setting = command(settings, "set", cmd_settings_set)
    setting.add_argument("name", metavar="NAME", choices=sorted(SETTING_HELP))
    setting.add_argument("value", metavar="VALUE")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: global options, then a command (some in groups)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="VRM Wallet: your encrypted personal-data vault, from the command line.",
        epilog=f"Passphrase: from --passphrase-file, else {PASSPHRASE_ENV}, else a prompt.",
    )
    parser.add_argument("--vault", metavar="DIR", help="the vault directory (else VRM_WALLET_HOME)")
    parser.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE")
    parser.add_argument("--json", action="store_true", help="print JSON where a command lists")
    parser.add_argument(
        "--use-keyring", action="store_true", help="unlock with the secret in the OS keyring"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_vault_commands(commands)
    cli_data.add_commands(commands)
    _add_other_commands(commands)
    cli_loyalty.add_commands(commands)
    cli_terms.add_commands(commands)
    cli_vendors.add_commands(commands)
    cli_intents.add_commands(commands)
    cli_consents.add_commands(commands)
    cli_outbox.add_commands(commands)
    return parser


def _refuse_undecodable_arguments(args: argparse.Namespace) -> None:
    """Refuse arguments holding bytes that are not UTF-8 (Python keeps them as lone surrogates,
    which nothing can store or send)."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and not _is_utf8(item):
                option = name.replace("_", "-")
                raise CliError(
                    f"the command line holds bytes that are not UTF-8 text (in {option}); VRM "
                    "Wallet keeps only UTF-8 text. Convert it and try again; nothing was changed."
                )


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; problems become a one-line ``error:`` message and exit code 1."""
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        _refuse_undecodable_arguments(args)
        return handler(args)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except EOFError:  # Ctrl-D at a prompt
        return fail("Cancelled at the prompt; nothing was changed.")
    except WalletError as exc:
        return fail(command_line_text(exc))
    except StorageError as exc:  # a damaged page met by a feature's read
        return fail(str(translate_error(exc, failed="the command did not finish")))
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        return fail(f"{exc.strerror or exc}{where}; check the path and its permissions.")


if __name__ == "__main__":
    sys.exit(main())
