"""Shared plumbing of ``vrm-wallet-cli``: secrets, confirmations, the unlocked vault, output.

Each command group lives in its own module of ``wallet/cli/`` and builds on these helpers; nothing
here knows about any particular command.
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
from typing import Any, TypeVar

from wallet.errors import KeyringUnavailable, VaultNotFound, WalletError, command_line_text
from wallet.files import read_bounded
from wallet.keystore import KeyringKeyStore
from wallet.paths import resolve_vault_dir
from wallet.terminal import printable, printable_json
from wallet.vault.facade import Vault, vault_exists

PROG = "vrm-wallet-cli"


PASSPHRASE_ENV = "VRM_WALLET_PASSPHRASE"


MASK = "••••••"


MAX_SECRET_FILE_BYTES = 64 * 1024


LIST_VALUE_WIDTH = 48


# Lines printed for one list that a remote party controls (refusals of one answer, ...).
MAX_PRINTED_LINES = 20


MAX_WAIT_SECONDS = 3600.0


NO_PASSPHRASE = (
    "no passphrase given: use --passphrase-file or VRM_WALLET_PASSPHRASE "
    "(there is no terminal to ask on)"
)


Handler = Callable[[argparse.Namespace], int]


T = TypeVar("T")


class CliError(WalletError):
    """A problem only the CLI can see (a missing secret, an unconfirmed action); exit code 1."""


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


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask_secret(prompt: str) -> str:
    text = getpass.getpass(prompt)
    if not text:
        raise CliError("Nothing was typed, so nothing was done.")
    return text


def ask_new_secret(prompt: str) -> str:
    """Ask twice, so a typo cannot lock the user out."""
    first = ask_secret(prompt)
    if ask_secret("Type it again: ") != first:
        raise CliError("The two passphrases differ, so nothing was changed; please try again.")
    return first


def read_passphrase(args: argparse.Namespace, *, prompt: str = "Passphrase: ") -> str:
    """The passphrase from --passphrase-file, else the environment, else a terminal prompt."""
    if args.passphrase_file:
        return read_secret_file(args.passphrase_file, what="passphrase")
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not stdin_is_terminal():
        raise CliError(NO_PASSPHRASE)
    return ask_secret(prompt)


def read_new_passphrase(args: argparse.Namespace) -> str:
    """A new passphrase from --new-passphrase-file, else typed twice on the terminal."""
    if args.new_passphrase_file:
        return read_secret_file(args.new_passphrase_file, what="new passphrase")
    if not stdin_is_terminal():
        raise CliError(
            "no new passphrase given: use --new-passphrase-file (there is no terminal to ask on)"
        )
    return ask_new_secret("New passphrase: ")


def check_can_confirm(action: str, *, assume_yes: bool) -> None:
    """Refuse early (before any secret is asked for) when a confirmation could not be asked."""
    if not assume_yes and not stdin_is_terminal():
        raise CliError(
            f"{action} needs confirmation and there is no terminal to ask on; "
            "pass --yes to confirm."
        )


def confirm(action: str, *, assume_yes: bool) -> None:
    """Go on only if --yes was given or the user answers yes; without a terminal, refuse."""
    check_can_confirm(action, assume_yes=assume_yes)
    if assume_yes:
        return
    answer = input(f"{printable(action)}? [y/N] ").strip().lower()  # may name a vendor
    if answer not in ("y", "yes"):
        raise CliError("Cancelled; nothing was changed.")


def vault_dir(args: argparse.Namespace) -> Path:
    """The vault location, absolute so that messages name it unambiguously."""
    return resolve_vault_dir(args.vault).absolute()


def existing_vault_dir(args: argparse.Namespace) -> Path:
    """The vault directory, checked before any secret is asked for."""
    directory = vault_dir(args)
    if not vault_exists(directory):
        raise VaultNotFound(
            f"There is no vault in {directory}. Create one with `{PROG} init`, or point --vault "
            "or VRM_WALLET_HOME at an existing vault."
        )
    return directory


def open_with_keyring(directory: Path) -> Vault:
    try:
        return Vault.open_with_keyring(directory, KeyringKeyStore())
    except KeyringUnavailable as exc:
        raise KeyringUnavailable(
            f"{command_line_text(exc)} (--use-keyring failed; run without it to unlock with the "
            "passphrase)"
        ) from None


@contextlib.contextmanager
def unlocked(
    args: argparse.Namespace, *, passphrase: str | None = None, keyring_allowed: bool = True
) -> Iterator[Vault]:
    """An unlocked vault that is locked again however the command ends."""
    directory = existing_vault_dir(args)
    if args.use_keyring and keyring_allowed and passphrase is None:
        vault = open_with_keyring(directory)
    else:
        vault = Vault.open_with_passphrase(directory, passphrase or read_passphrase(args))
    try:
        yield vault
    finally:
        vault.lock()


def print_json(data: object) -> None:
    print(printable_json(json.dumps(data, indent=2, ensure_ascii=False)))


def iso(moment: datetime) -> str:
    """Times in JSON: ISO 8601 in UTC."""
    return moment.astimezone(UTC).isoformat()


def local(moment: datetime) -> str:
    """Times for people: local time to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def one_line(text: str, width: int = LIST_VALUE_WIDTH) -> str:
    """Multi-line or long text squeezed into one table cell."""
    return printable(" ".join(text.split()), max_chars=width)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Left-aligned columns separated by two spaces, headers in capitals; cells made printable."""
    rows = [[printable(cell) for cell in row] for row in rows]
    widths = [
        max([len(header), *(len(row[i]) for row in rows)]) for i, header in enumerate(headers)
    ]
    for line in ([h.upper() for h in headers], *rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


def print_listing(
    items: Sequence[T],
    *,
    as_json: bool,
    to_json: Callable[[T], object],
    empty: str,
    headers: Sequence[str],
    to_row: Callable[[T], Sequence[str]],
) -> None:
    """A list command's output: JSON, a sentence saying there is nothing yet, or a table."""
    if as_json:
        print_json([to_json(item) for item in items])
    elif not items:
        print(empty)
    else:
        print_table(headers, [to_row(item) for item in items])


def wait_seconds(text: str) -> float:
    """A ``--wait`` value: seconds from 0 to an hour (not NaN, not infinite)."""
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 <= seconds <= MAX_WAIT_SECONDS:  # false for NaN too
        raise argparse.ArgumentTypeError(f"{text} is not from 0 to {MAX_WAIT_SECONDS:.0f} seconds")
    return seconds


def print_capped(lines: Sequence[str], *, more: str, limit: int = MAX_PRINTED_LINES) -> None:
    """The first ``limit`` of ``lines`` (made printable), then ``more`` with ``{count}`` of the
    rest: an answer with thousands of refusals prints a screenful, not thousands of lines."""
    for line in lines[:limit]:
        print(printable(line))
    if len(lines) > limit:
        print(more.format(count=f"{len(lines) - limit:,}".replace(",", " ")))


def non_negative_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{number} is negative")
    return number


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps the global --json (given before the command) when this one is absent.
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")


def command(
    group: Any, name: str, handler: Handler, *, json_output: bool = False
) -> argparse.ArgumentParser:
    """A sub-command whose help and description come from its handler's docstring."""
    summary = (handler.__doc__ or "").strip().splitlines()[0]
    parser: argparse.ArgumentParser = group.add_parser(name, help=summary, description=summary)
    parser.set_defaults(handler=handler)
    if json_output:
        add_json_flag(parser)
    return parser


def command_group(subparsers: Any, name: str, summary: str) -> Any:
    parser = subparsers.add_parser(name, help=summary, description=summary)
    return parser.add_subparsers(dest=f"{name}command", required=True, metavar="COMMAND")


def fail(message: str) -> int:
    print(f"error: {printable(' '.join(message.split()))}", file=sys.stderr)
    return 1
