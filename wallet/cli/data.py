"""``vrm-wallet-cli data``: personal data fields from a terminal or a script.

Values come from the command line, standard input or a prompt; a sensitive value only from the
last two (the command line is visible to every user through ``ps`` and stays in shell history).
Listings mask sensitive values; ``data get`` reveals one and the reveal is logged.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from wallet.cli.support import (
    MASK,
    PROG,
    CliError,
    ask_secret,
    check_can_confirm,
    command,
    command_group,
    confirm,
    iso,
    local,
    one_line,
    print_json,
    print_table,
    stdin_is_terminal,
    strip_one_newline,
    unlocked,
)
from wallet.errors import NotFound
from wallet.personal_data import PII_CATEGORIES, STANDARD_FIELDS, FieldSnapshot, parse_category
from wallet.vault.facade import Vault

# A field value is at most 10 000 characters; four bytes each in UTF-8, plus a newline.
MAX_VALUE_BYTES = 40_004


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


def cmd_data_set(args: argparse.Namespace) -> int:
    """Create or update a field (without VALUE, or with -, it is read from standard input)."""
    value = _field_value(args)
    with unlocked(args) as vault:
        if args.value not in (None, "-") and args.sensitive is None:
            _refuse_argv_value_for_sensitive_field(vault, args.key)
        changes = vault.fields.set(
            args.key, value, label=args.label, category=args.category, sensitive=args.sensitive
        )
    print(f"Saved {args.key}." if changes.fields_changed else f"{args.key} was already like that.")
    return 0


def _refuse_argv_value_for_sensitive_field(vault: Vault, key: str) -> None:
    """A field already marked sensitive keeps the rule of ``--sensitive``: no value on argv."""
    try:
        sensitive = vault.fields.info(key).sensitive
    except NotFound:
        return
    if sensitive:
        raise CliError(
            f"{key} is a sensitive field, so its value is never taken from the command line "
            f"(other users can read it with ps). Leave VALUE out: `{PROG} data set {key}` then "
            "type it at the prompt, or pipe it in on standard input. Nothing was changed."
        )


def _field_value(args: argparse.Namespace) -> str:
    """The value to store: from the command line, else standard input, else a prompt.

    A sensitive value never comes from the command line: every user can read it there (``ps``,
    ``/proc``) and the shell keeps it in its history.
    """
    if args.value not in (None, "-"):
        if args.sensitive:
            raise CliError(
                "a sensitive value is never taken from the command line, where other users can "
                f"read it (ps) and the shell history keeps it. Leave VALUE out: `{PROG} data set "
                f"{args.key} --sensitive` then type it at the prompt, or pipe it in on standard "
                "input. Nothing was changed."
            )
        return str(args.value)
    if args.value == "-" or not stdin_is_terminal():
        return _value_from_stdin()
    if args.sensitive:
        return ask_secret_value(f"Value of {args.key} (not shown): ")
    return input(f"Value of {args.key}: ")


def _value_from_stdin() -> str:
    """Standard input minus one trailing newline, bounded, and strictly UTF-8."""
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
    if stream is None:  # a text stream put in place of stdin (an embedding program, a test)
        raw = sys.stdin.read(MAX_VALUE_BYTES + 1).encode("utf-8", "surrogateescape")
    else:
        raw = stream.read(MAX_VALUE_BYTES + 1)
    if len(raw) > MAX_VALUE_BYTES:
        raise CliError(
            f"the value on standard input is longer than {MAX_VALUE_BYTES} bytes; a field holds "
            "at most 10000 characters. Nothing was changed."
        )
    try:
        return strip_one_newline(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CliError(
            "the value on standard input is not UTF-8 text; convert it (for example with "
            "iconv) and try again. Nothing was changed."
        ) from None


def ask_secret_value(prompt: str) -> str:
    """A value typed twice without echo, so a typo cannot go unseen."""
    first = ask_secret(prompt)
    if ask_secret("Type it again: ") != first:
        raise CliError("The two values differ, so nothing was changed; please try again.")
    return first


def cmd_data_get(args: argparse.Namespace) -> int:
    """Show one field with its value (the reveal is logged)."""
    with unlocked(args) as vault:
        field = vault.fields.get(args.key)
    if args.json:
        print_json(_field_json(field, masked=False))
    else:
        print(field.value)
    return 0


def cmd_data_list(args: argparse.Namespace) -> int:
    """List fields in key order, sensitive values masked."""
    category = parse_category(args.category) if args.category else None
    with unlocked(args) as vault:
        fields = vault.fields.listing(category=category)
    _print_field_list(fields, as_json=args.json, empty="No fields yet; add one with `data set`.")
    return 0


def cmd_data_search(args: argparse.Namespace) -> int:
    """Full-text search, best matches first, sensitive values masked."""
    with unlocked(args) as vault:
        fields = vault.fields.search(args.text)
    _print_field_list(fields, as_json=args.json, empty=f"No field matches {args.text!r}.")
    return 0


def cmd_data_delete(args: argparse.Namespace) -> int:
    """Delete a field and its history, after confirmation."""
    check_can_confirm(f"Deleting {args.key}", assume_yes=args.yes)
    with unlocked(args) as vault:
        field = vault.fields.info(args.key)
        confirm(f"Delete {field.key} ({field.label}) and its history", assume_yes=args.yes)
        vault.fields.delete(args.key)
    print(f"Deleted {args.key}.")
    return 0


def cmd_data_history(args: argparse.Namespace) -> int:
    """Past values of a field, newest first; a sensitive field's are masked unless --reveal."""
    with unlocked(args) as vault:
        entries = vault.fields.history(args.key)
        sensitive = vault.fields.info(args.key).sensitive
        if sensitive and args.reveal:
            vault.fields.get(args.key)  # logs the reveal, as `data get` does
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


def add_commands(commands: Any) -> None:
    """Register the ``data`` group."""
    data = command_group(commands, "data", "personal data fields")
    set_ = command(data, "set", cmd_data_set)
    set_.add_argument("key", metavar="KEY")
    set_.add_argument(
        "value",
        metavar="VALUE",
        nargs="?",
        help="the value; leave it out (or give -) to read standard input or be asked",
    )
    set_.add_argument("--category", metavar="C", help="number or name (see `data categories`)")
    set_.add_argument(
        "--sensitive",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="mask the value in listings; its value is read from standard input or a prompt",
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
