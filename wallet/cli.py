"""``vrm-wallet-cli``: the vault from a terminal or a script, built on the :class:`Vault` facade.

The vault is found with ``--vault DIR``, else ``VRM_WALLET_HOME``, else the platform data dir.
Secrets come from files or the environment (for scripts) or are asked for on a terminal; without a
terminal the CLI refuses rather than guesses. Exit codes: 0 done, 1 a problem explained on one
``error:`` line, 2 a usage mistake (argparse), 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wallet.activity import ActivityEntry
from wallet.errors import KeyringUnavailable, VaultExists, VaultNotFound, WalletError
from wallet.files import read_bounded
from wallet.keystore import KeyringKeyStore
from wallet.paths import resolve_vault_dir
from wallet.personal_data import (
    PII_CATEGORIES,
    STANDARD_FIELDS,
    FieldSnapshot,
    parse_category,
)
from wallet.settings import VaultSettings
from wallet.vault import Vault, remembered_on_device, vault_exists

PROG = "vrm-wallet-cli"
PASSPHRASE_ENV = "VRM_WALLET_PASSPHRASE"
MASK = "••••••"
MAX_SECRET_FILE_BYTES = 64 * 1024
LIST_VALUE_WIDTH = 48
DEFAULT_LOG_LIMIT = 50
NO_PASSPHRASE = (
    "no passphrase given: use --passphrase-file or VRM_WALLET_PASSPHRASE "
    "(there is no terminal to ask on)"
)
SETTING_HELP = {
    "auto_lock_minutes": "lock after this many idle minutes (0 = never)",
    "lock_on_screen_lock": "lock when the screen locks (true/false)",
    "clipboard_clear_seconds": "clear a copied value from the clipboard after this many seconds",
}
Handler = Callable[[argparse.Namespace], int]


class CliError(WalletError):
    """A problem only the CLI can see (a missing secret, an unconfirmed action); exit code 1."""


# ------------------------------------------------------------------------------ secrets


def strip_one_newline(text: str) -> str:
    """``text`` without one trailing ``\\n`` or ``\\r\\n`` (a passphrase may end in spaces)."""
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith("\n") else text


def read_secret_file(path: str, *, what: str) -> str:
    """The secret in a text file minus one trailing newline; a missing or empty file is an error."""
    try:
        raw = read_bounded(Path(path), max_bytes=MAX_SECRET_FILE_BYTES, what=f"{what} file")
    except FileNotFoundError:
        raise CliError(f"The {what} file {path} does not exist; check the path.") from None
    try:
        text = strip_one_newline(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CliError(f"The {what} file {path} is not UTF-8 text; save it as UTF-8.") from None
    if not text:
        raise CliError(f"The {what} file {path} is empty; put the {what} on its first line.")
    return text


def _stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask_secret(prompt: str) -> str:
    text = getpass.getpass(prompt)
    if not text:
        raise CliError("Nothing was typed, so nothing was done.")
    return text


def _ask_new_secret(prompt: str) -> str:
    """Ask twice, so a typo cannot lock the user out."""
    first = _ask_secret(prompt)
    if _ask_secret("Type it again: ") != first:
        raise CliError("The two passphrases differ, so nothing was changed; please try again.")
    return first


def _passphrase(args: argparse.Namespace, *, prompt: str = "Passphrase: ") -> str:
    """The passphrase from --passphrase-file, else the environment, else a terminal prompt."""
    if args.passphrase_file:
        return read_secret_file(args.passphrase_file, what="passphrase")
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not _stdin_is_terminal():
        raise CliError(NO_PASSPHRASE)
    return _ask_secret(prompt)


def _new_passphrase(args: argparse.Namespace) -> str:
    """A new passphrase from --new-passphrase-file, else typed twice on the terminal."""
    if args.new_passphrase_file:
        return read_secret_file(args.new_passphrase_file, what="new passphrase")
    if not _stdin_is_terminal():
        raise CliError(
            "no new passphrase given: use --new-passphrase-file (there is no terminal to ask on)"
        )
    return _ask_new_secret("New passphrase: ")


def _check_can_confirm(action: str, *, assume_yes: bool) -> None:
    """Refuse early (before any secret is asked for) when a confirmation could not be asked."""
    if not assume_yes and not _stdin_is_terminal():
        raise CliError(
            f"{action} needs confirmation and there is no terminal to ask on; "
            "pass --yes to confirm."
        )


def _confirm(action: str, *, assume_yes: bool) -> None:
    """Go on only if --yes was given or the user answers yes; without a terminal, refuse."""
    _check_can_confirm(action, assume_yes=assume_yes)
    if assume_yes:
        return
    answer = input(f"{action}? [y/N] ").strip().lower()
    if answer not in ("y", "yes"):
        raise CliError("Cancelled; nothing was changed.")


# ------------------------------------------------------------------------ opening the vault


def _vault_dir(args: argparse.Namespace) -> Path:
    """The vault location, absolute so that messages name it unambiguously."""
    return resolve_vault_dir(args.vault).absolute()


def _existing_vault_dir(args: argparse.Namespace) -> Path:
    """The vault directory, checked before any secret is asked for."""
    directory = _vault_dir(args)
    if not vault_exists(directory):
        raise VaultNotFound(
            f"There is no vault in {directory}. Create one with `{PROG} init`, or point --vault "
            "or VRM_WALLET_HOME at an existing vault."
        )
    return directory


def _open_with_keyring(directory: Path) -> Vault:
    try:
        return Vault.open_with_keyring(directory, KeyringKeyStore())
    except KeyringUnavailable as exc:
        raise KeyringUnavailable(
            f"{exc} (--use-keyring failed; run without it to unlock with the passphrase)"
        ) from None


@contextlib.contextmanager
def _unlocked(
    args: argparse.Namespace, *, passphrase: str | None = None, keyring_allowed: bool = True
) -> Iterator[Vault]:
    """An unlocked vault that is locked again however the command ends."""
    directory = _existing_vault_dir(args)
    if args.use_keyring and keyring_allowed and passphrase is None:
        vault = _open_with_keyring(directory)
    else:
        vault = Vault.open_with_passphrase(directory, passphrase or _passphrase(args))
    try:
        yield vault
    finally:
        vault.lock()


# ---------------------------------------------------------------------------------- output


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def _iso(moment: datetime) -> str:
    """Times in JSON: ISO 8601 in UTC."""
    return moment.astimezone(UTC).isoformat()


def _local(moment: datetime) -> str:
    """Times for people: local time to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _one_line(text: str, width: int = LIST_VALUE_WIDTH) -> str:
    """Multi-line or long text squeezed into one table cell."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Left-aligned columns separated by two spaces, headers in capitals."""
    widths = [
        max([len(header), *(len(row[i]) for row in rows)]) for i, header in enumerate(headers)
    ]
    for line in ([h.upper() for h in headers], *rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


def _field_json(field: FieldSnapshot, *, masked: bool) -> dict[str, Any]:
    return {
        "key": field.key,
        "label": field.label,
        "value": None if masked and field.sensitive else field.value,
        "category": field.category,
        "category_label": field.category_label,
        "sensitive": field.sensitive,
        "dpv_iri": field.dpv_iri,
        "created": _iso(field.created),
        "updated": _iso(field.updated),
    }


def _print_field_list(fields: Sequence[FieldSnapshot], *, as_json: bool, empty: str) -> None:
    """A listing: sensitive values are always masked here (``data get`` reveals them)."""
    if as_json:
        _print_json([_field_json(field, masked=True) for field in fields])
        return
    if not fields:
        print(empty)
        return
    rows = [
        (
            f.key,
            _one_line(f.label, 30),
            f.category_label,
            MASK if f.sensitive or f.value is None else _one_line(f.value),
            _local(f.updated),
        )
        for f in fields
    ]
    _print_table(("key", "label", "category", "value", "updated"), rows)


def _entry_json(entry: ActivityEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": _iso(entry.at),
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
    directory = _vault_dir(args)
    if vault_exists(directory):
        raise VaultExists(
            f"{directory} already contains a vault; nothing was changed. Choose another "
            "location with --vault, or use the existing vault."
        )
    if args.passphrase_file or os.environ.get(PASSPHRASE_ENV):
        passphrase = _passphrase(args)
    elif _stdin_is_terminal():
        passphrase = _ask_new_secret("Passphrase for the new vault: ")
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
        _print_json({"directory": str(directory), **secret})
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
    _existing_vault_dir(args)
    current = _passphrase(args, prompt="Current passphrase: ")
    with _unlocked(args, passphrase=current) as vault:
        vault.change_passphrase(current, _new_passphrase(args))
    print("The passphrase was changed; your recovery key still works.")
    return 0


def cmd_data_set(args: argparse.Namespace) -> int:
    """Create or update a field (a VALUE of - is read from standard input)."""
    value = strip_one_newline(sys.stdin.read()) if args.value == "-" else args.value
    with _unlocked(args) as vault:
        changes = vault.set_field(
            args.key, value, label=args.label, category=args.category, sensitive=args.sensitive
        )
    print(f"Saved {args.key}." if changes.fields_changed else f"{args.key} was already like that.")
    return 0


def cmd_data_get(args: argparse.Namespace) -> int:
    """Show one field with its value (the reveal is logged)."""
    with _unlocked(args) as vault:
        field = vault.get_field(args.key)
    if args.json:
        _print_json(_field_json(field, masked=False))
    else:
        print(field.value)
    return 0


def cmd_data_list(args: argparse.Namespace) -> int:
    """List fields in key order, sensitive values masked."""
    category = parse_category(args.category) if args.category else None
    with _unlocked(args) as vault:
        fields = vault.list_fields(category=category)
    _print_field_list(fields, as_json=args.json, empty="No fields yet; add one with `data set`.")
    return 0


def cmd_data_search(args: argparse.Namespace) -> int:
    """Full-text search, best matches first, sensitive values masked."""
    with _unlocked(args) as vault:
        fields = vault.search_fields(args.text)
    _print_field_list(fields, as_json=args.json, empty=f"No field matches {args.text!r}.")
    return 0


def cmd_data_delete(args: argparse.Namespace) -> int:
    """Delete a field and its history, after confirmation."""
    _check_can_confirm(f"Deleting {args.key}", assume_yes=args.yes)
    with _unlocked(args) as vault:
        field = vault.field_info(args.key)
        _confirm(f"Delete {field.key} ({field.label}) and its history", assume_yes=args.yes)
        vault.delete_field(args.key)
    print(f"Deleted {args.key}.")
    return 0


def cmd_data_history(args: argparse.Namespace) -> int:
    """Past values of a field, newest first; a sensitive field's are masked unless --reveal."""
    with _unlocked(args) as vault:
        entries = vault.field_history(args.key)
        sensitive = vault.field_info(args.key).sensitive
        if sensitive and args.reveal:
            vault.get_field(args.key)  # logs the reveal, as `data get` does
    masked = sensitive and not args.reveal
    if args.json:
        _print_json(
            [
                {
                    "value": None if masked else entry.value,
                    "changed": _iso(entry.changed),
                    "sensitive": sensitive,
                }
                for entry in entries
            ]
        )
        return 0
    rows = [
        (_local(entry.changed), MASK if masked else _one_line(entry.value, 72)) for entry in entries
    ]
    _print_table(("changed", "value"), rows)
    return 0


def cmd_data_categories(args: argparse.Namespace) -> int:
    """The 16 Kantara PII categories and their DPV IRIs (no vault needed)."""
    categories = list(PII_CATEGORIES.values())
    if args.json:
        _print_json(
            [
                {"number": c.number, "name": c.name, "label": c.label, "dpv_iri": c.dpv_iri}
                for c in categories
            ]
        )
        return 0
    _print_table(("category", "dpv iri"), [(c.label, c.dpv_iri) for c in categories])
    return 0


def cmd_data_standard_fields(args: argparse.Namespace) -> int:
    """The ready-made fields with their category and DPV IRI (no vault needed)."""
    if args.json:
        _print_json(
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
    _print_table(("key", "label", "category", "sensitive", "dpv iri"), rows)
    return 0


def cmd_log_list(args: argparse.Namespace) -> int:
    """The newest activity log entries (what happened, never the values)."""
    with _unlocked(args) as vault:
        entries = vault.activity_page(limit=args.limit or -1, type_prefix=args.type)
        total = vault.activity_count(type_prefix=args.type)
    if args.json:
        _print_json([_entry_json(entry) for entry in entries])
        return 0
    rows = [
        (
            str(e.seq),
            _local(e.at),
            e.type,
            e.result,
            e.party,
            ", ".join(e.field_names),
            _one_line(e.reason, 60),
        )
        for e in entries
    ]
    _print_table(("seq", "time", "type", "result", "party", "fields", "reason"), rows)
    if len(entries) < total:
        print(f"(the newest {len(entries)} of {total} entries; --limit 0 shows all)")
    return 0


def cmd_log_verify(args: argparse.Namespace) -> int:
    """Check the log's hash chain; exit 1 naming the first bad entry."""
    with _unlocked(args) as vault:
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
    with _unlocked(args) as vault:
        written = vault.backup(target)
    print(f"Backup written to {written}. It opens with this vault's current passphrase or key.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup; an existing vault is moved aside (with --force), never overwritten."""
    directory, backup = _vault_dir(args), Path(args.file)
    if not backup.is_file():
        raise CliError(f"The backup file {backup} does not exist; check the path.")
    replacing = vault_exists(directory)
    _check_restore_target(directory, replacing=replacing, force=args.force)
    if replacing:
        _confirm(f"Replace the vault in {directory} with this backup", assume_yes=args.yes)
    if args.recovery_key_file:
        key = read_secret_file(args.recovery_key_file, what="recovery key")
        result = Vault.restore(backup, directory, recovery_key=key, force=args.force)
    else:
        passphrase = _passphrase(args, prompt="Passphrase of the backup: ")
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
    directory = _existing_vault_dir(args)
    recovery_key = read_secret_file(args.recovery_key_file, what="recovery key")
    new_passphrase = _new_passphrase(args)
    with Vault.reset_passphrase(directory, recovery_key, new_passphrase):
        pass  # unlocked only to rewrite the passphrase slot; locked again on leaving
    print("The passphrase was reset; use the new one from now on. The recovery key still works.")
    return 0


def cmd_keyring_status(args: argparse.Namespace) -> int:
    """Is this vault remembered on this device, and is the OS keyring usable?"""
    directory = _existing_vault_dir(args)
    remembered = remembered_on_device(directory)
    reason = KeyringKeyStore().unavailable_reason()
    if args.json:
        _print_json(
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
    with _unlocked(args) as vault:
        vault.enable_keyring(KeyringKeyStore())
    print("This device now remembers the vault: add --use-keyring to unlock without typing.")
    return 0


def cmd_keyring_disable(args: argparse.Namespace) -> int:
    """Forget the vault on this device and remove its secret from the OS keyring."""
    with _unlocked(args) as vault:
        changes = vault.disable_keyring(KeyringKeyStore())
    if changes.header_changed:
        print("This device no longer remembers the vault.")
    else:
        print("This device did not remember the vault; nothing was changed.")
    return 0


def cmd_settings_show(args: argparse.Namespace) -> int:
    """The vault's settings."""
    with _unlocked(args) as vault:
        current = vault.settings().model_dump()
    if args.json:
        _print_json(current)
        return 0
    rows = [
        (name, json.dumps(value), SETTING_HELP.get(name, "")) for name, value in current.items()
    ]
    _print_table(("setting", "value", "meaning"), rows)
    return 0


def cmd_settings_set(args: argparse.Namespace) -> int:
    """Change one setting (checked before the vault is unlocked)."""
    value = _parse_setting(args.name, args.value)
    with _unlocked(args) as vault:
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


def _non_negative_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{number} is negative")
    return number


def _add_json_flag(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps the global --json (given before the command) when this one is absent.
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")


def _command(
    group: Any, name: str, handler: Handler, *, json_output: bool = False
) -> argparse.ArgumentParser:
    """A sub-command whose help and description come from its handler's docstring."""
    summary = (handler.__doc__ or "").strip().splitlines()[0]
    parser: argparse.ArgumentParser = group.add_parser(name, help=summary, description=summary)
    parser.set_defaults(handler=handler)
    if json_output:
        _add_json_flag(parser)
    return parser


def _command_group(subparsers: Any, name: str, summary: str) -> Any:
    parser = subparsers.add_parser(name, help=summary, description=summary)
    return parser.add_subparsers(dest=f"{name}_command", required=True, metavar="COMMAND")


def _add_vault_commands(commands: Any) -> None:
    init = _command(commands, "init", cmd_init, json_output=True)
    init.add_argument(
        "--recovery-key-file",
        metavar="FILE",
        help="write the recovery key to this new file (mode 0600) instead of printing it",
    )
    init.add_argument(
        "--kdf-target-ms",
        type=_non_negative_int,
        default=500,
        metavar="N",
        help="tune Argon2id to take about N ms here (default 500; 0 = minimum cost)",
    )
    passwd = _command(commands, "passwd", cmd_passwd)
    passwd.add_argument("--new-passphrase-file", metavar="FILE", help="read the new passphrase")
    backup = _command(commands, "backup", cmd_backup)
    backup.add_argument("file", metavar="FILE", help="the backup file to write")
    backup.add_argument("--force", action="store_true", help="replace an existing file")
    restore = _command(commands, "restore", cmd_restore)
    restore.add_argument("file", metavar="FILE", help="the backup file to restore")
    restore.add_argument(
        "--force", action="store_true", help="replace an existing vault (moved aside)"
    )
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.add_argument(
        "--recovery-key-file", metavar="FILE", help="open the backup with its recovery key"
    )
    unlock = _command(commands, "unlock", cmd_unlock)
    unlock.add_argument(
        "--recovery-key-file", metavar="FILE", required=True, help="the vault's recovery key"
    )
    unlock.add_argument("--new-passphrase-file", metavar="FILE", help="read the new passphrase")


def _add_data_commands(commands: Any) -> None:
    data = _command_group(commands, "data", "personal data fields")
    set_ = _command(data, "set", cmd_data_set)
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
    _command(data, "get", cmd_data_get, json_output=True).add_argument("key", metavar="KEY")
    listing = _command(data, "list", cmd_data_list, json_output=True)
    listing.add_argument("--category", metavar="C", help="only this category")
    _command(data, "search", cmd_data_search, json_output=True).add_argument("text", metavar="TEXT")
    delete = _command(data, "delete", cmd_data_delete)
    delete.add_argument("key", metavar="KEY")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    history = _command(data, "history", cmd_data_history, json_output=True)
    history.add_argument("key", metavar="KEY")
    history.add_argument(
        "--reveal", action="store_true", help="show a sensitive field's values (logged)"
    )
    _command(data, "categories", cmd_data_categories, json_output=True)
    _command(data, "standard-fields", cmd_data_standard_fields, json_output=True)


def _add_other_commands(commands: Any) -> None:
    log = _command_group(commands, "log", "the activity log")
    log_list = _command(log, "list", cmd_log_list, json_output=True)
    log_list.add_argument("--type", metavar="PREFIX", help="only types starting with PREFIX")
    log_list.add_argument(
        "--limit",
        type=_non_negative_int,
        default=DEFAULT_LOG_LIMIT,
        metavar="N",
        help=f"at most N entries, newest first (default {DEFAULT_LOG_LIMIT}; 0 = all)",
    )
    _command(log, "verify", cmd_log_verify)
    keyring = _command_group(commands, "keyring", "remember the vault on this device")
    _command(keyring, "status", cmd_keyring_status, json_output=True)
    _command(keyring, "enable", cmd_keyring_enable)
    _command(keyring, "disable", cmd_keyring_disable)
    settings = _command_group(commands, "settings", "the vault's settings")
    _command(settings, "show", cmd_settings_show, json_output=True)
    setting = _command(settings, "set", cmd_settings_set)
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
        return _fail("Cancelled at the prompt; nothing was changed.")
    except WalletError as exc:
        return _fail(str(exc))
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}; check the path and its permissions.")


def _fail(message: str) -> int:
    print(f"error: {' '.join(message.split())}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
