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

from wallet import cli_consents, cli_intents, cli_loyalty, cli_outbox, cli_terms, cli_vendors
from wallet.activity import ActivityEntry
from wallet.cli_support import (
    MASK,
    NO_PASSPHRASE,
    PASSPHRASE_ENV,
    PROG,
    CliError,
    Handler,
    ask_new_secret,
    check_can_confirm,
    command,
    command_group,
    confirm,
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
    strip_one_newline,
    unlocked,
    vault_dir,
)
from wallet.errors import VaultExists, WalletError
from wallet.keystore import KeyringKeyStore
from wallet.personal_data import (
    PII_CATEGORIES,
    STANDARD_FIELDS,
    FieldSnapshot,
    parse_category,
)
from wallet.settings import VaultSettings
from wallet.vault import Vault, remembered_on_device, vault_exists

DEFAULT_LOG_LIMIT = 50
SETTING_HELP = {
    "auto_lock_minutes": "lock after this many idle minutes (0 = never)",
    "lock_on_screen_lock": "lock when the screen locks (true/false)",
    "clipboard_clear_seconds": "clear a copied value from the clipboard after this many seconds",
}


# ------------------------------------------------------------------------------ secrets


# ------------------------------------------------------------------------ opening the vault


# ---------------------------------------------------------------------------------- output


def _field_json(field: FieldSnapshot, *, masked: bool) -> dict[str, Any]:
    return {
        "key": field.key,
        "label": field.label,
        "value": None if masked and field.sensitive else field.value,
        "category": field.category,
        "category_label": field.category_label,
        "sensitive": field.sensitive,
        "dpv_iri": field.dpv_iri,
        "created": iso(field.created),
        "updated": iso(field.updated),
    }


def _print_field_list(fields: Sequence[FieldSnapshot], *, as_json: bool, empty: str) -> None:
    """A listing: sensitive values are always masked here (``data get`` reveals them)."""
    if as_json:
        print_json([_field_json(field, masked=True) for field in fields])
        return
    if not fields:
        print(empty)
        return
    rows = [
        (
            f.key,
            one_line(f.label, 30),
            f.category_label,
            MASK if f.sensitive or f.value is None else one_line(f.value),
            local(f.updated),
        )
        for f in fields
    ]
    print_table(("key", "label", "category", "value", "updated"), rows)


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
    if vault_exists(directory):
        raise VaultExists(
            f"{directory} already contains a vault; nothing was changed. Choose another "
            "location with --vault, or use the existing vault."
        )
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


def cmd_data_set(args: argparse.Namespace) -> int:
    """Create or update a field (a VALUE of - is read from standard input)."""
    value = strip_one_newline(sys.stdin.read()) if args.value == "-" else args.value
    with unlocked(args) as vault:
        changes = vault.set_field(
            args.key, value, label=args.label, category=args.category, sensitive=args.sensitive
        )
    print(f"Saved {args.key}." if changes.fields_changed else f"{args.key} was already like that.")
    return 0


def cmd_data_get(args: argparse.Namespace) -> int:
    """Show one field with its value (the reveal is logged)."""
    with unlocked(args) as vault:
        field = vault.get_field(args.key)
    if args.json:
        print_json(_field_json(field, masked=False))
    else:
        print(field.value)
    return 0


def cmd_data_list(args: argparse.Namespace) -> int:
    """List fields in key order, sensitive values masked."""
    category = parse_category(args.category) if args.category else None
    with unlocked(args) as vault:
        fields = vault.list_fields(category=category)
    _print_field_list(fields, as_json=args.json, empty="No fields yet; add one with `data set`.")
    return 0


def cmd_data_search(args: argparse.Namespace) -> int:
    """Full-text search, best matches first, sensitive values masked."""
    with unlocked(args) as vault:
        fields = vault.search_fields(args.text)
    _print_field_list(fields, as_json=args.json, empty=f"No field matches {args.text!r}.")
    return 0


def cmd_data_delete(args: argparse.Namespace) -> int:
    """Delete a field and its history, after confirmation."""
    check_can_confirm(f"Deleting {args.key}", assume_yes=args.yes)
    with unlocked(args) as vault:
        field = vault.field_info(args.key)
        confirm(f"Delete {field.key} ({field.label}) and its history", assume_yes=args.yes)
        vault.delete_field(args.key)
    print(f"Deleted {args.key}.")
    return 0


def cmd_data_history(args: argparse.Namespace) -> int:
    """Past values of a field, newest first; a sensitive field's are masked unless --reveal."""
    with unlocked(args) as vault:
        entries = vault.field_history(args.key)
        sensitive = vault.field_info(args.key).sensitive
        if sensitive and args.reveal:
            vault.get_field(args.key)  # logs the reveal, as `data get` does
    masked = sensitive and not args.reveal
    if args.json:
        print_json(
            [
                {
                    "value": None if masked else entry.value,
                    "changed": iso(entry.changed),
                    "sensitive": sensitive,
                }
                for entry in entries
            ]
        )
        return 0
    rows = [
        (local(entry.changed), MASK if masked else one_line(entry.value, 72)) for entry in entries
    ]
    print_table(("changed", "value"), rows)
    return 0


def cmd_data_categories(args: argparse.Namespace) -> int:
    """The 16 Kantara PII categories and their DPV IRIs (no vault needed)."""
    categories = list(PII_CATEGORIES.values())
    if args.json:
        print_json(
            [
                {"number": c.number, "name": c.name, "label": c.label, "dpv_iri": c.dpv_iri}
                for c in categories
            ]
        )
        return 0
    print_table(("category", "dpv iri"), [(c.label, c.dpv_iri) for c in categories])
    return 0


def cmd_data_standard_fields(args: argparse.Namespace) -> int:
    """The ready-made fields with their category and DPV IRI (no vault needed)."""
    if args.json:
        print_json(
            [
                {
                    "key": f.key,
                    "label": f.label,
                    "category": f.category,
                    "category_label": PII_CATEGORIES[f.category].label,
                    "sensitive": f.sensitive,
                    "dpv_iri": f.dpv_iri,
                }
                for f in STANDARD_FIELDS
            ]
        )
        return 0
    rows = [
        (f.key, f.label, PII_CATEGORIES[f.category].label, "yes" if f.sensitive else "", f.dpv_iri)
        for f in STANDARD_FIELDS
    ]
    print_table(("key", "label", "category", "sensitive", "dpv iri"), rows)
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
    unlock = command(commands, "unlock", cmd_unlock)
    unlock.add_argument(
        "--recovery-key-file", metavar="FILE", required=True, help="the vault's recovery key"
    )
    unlock.add_argument("--new-passphrase-file", metavar="FILE", help="read the new passphrase")


def _add_data_commands(commands: Any) -> None:
    data = command_group(commands, "data", "personal data fields")
    set_ = command(data, "set", cmd_data_set)
    set_.add_argument("key", metavar="KEY")
    set_.add_argument("value", metavar="VALUE", help="the value, or - to read standard input")
    set_.add_argument("--category", metavar="C", help="number or name (see `data categories`)")
    set_.add_argument(
        "--sensitive",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="mask the value in listings",
    )
    set_.add_argument("--label", metavar="L", help="the label shown for the field")
    command(data, "get", cmd_data_get, json_output=True).add_argument("key", metavar="KEY")
    listing = command(data, "list", cmd_data_list, json_output=True)
    listing.add_argument("--category", metavar="C", help="only this category")
    command(data, "search", cmd_data_search, json_output=True).add_argument("text", metavar="TEXT")
    delete = command(data, "delete", cmd_data_delete)
    delete.add_argument("key", metavar="KEY")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    history = command(data, "history", cmd_data_history, json_output=True)
    history.add_argument("key", metavar="KEY")
    history.add_argument(
        "--reveal", action="store_true", help="show a sensitive field's values (logged)"
    )
    command(data, "categories", cmd_data_categories, json_output=True)
    command(data, "standard-fields", cmd_data_standard_fields, json_output=True)


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
    _add_data_commands(commands)
    _add_other_commands(commands)
    cli_loyalty.add_commands(commands)
    cli_terms.add_commands(commands)
    cli_vendors.add_commands(commands)
    cli_intents.add_commands(commands)
    cli_consents.add_commands(commands)
    cli_outbox.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; problems become a one-line ``error:`` message and exit code 1."""
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except EOFError:  # Ctrl-D at a prompt
        return fail("Cancelled at the prompt; nothing was changed.")
    except WalletError as exc:
        return fail(str(exc))
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        return fail(f"{exc.strerror or exc}{where}; check the path and its permissions.")


if __name__ == "__main__":
    sys.exit(main())
