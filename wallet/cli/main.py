"""``vrm-wallet-cli``: the vault from a terminal or a script, built on the :class:`Vault` facade.

The vault is found with ``--vault DIR``, else ``VRM_WALLET_HOME``, else the platform data dir.
Secrets come from files or the environment (for scripts) or are asked for on a terminal; without a
terminal the CLI refuses rather than guesses. Exit codes: 0 done, 1 a problem explained on one
``error:`` line, 2 a usage mistake (argparse), 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from wallet.cli import consents as cli_consents
from wallet.cli import data as cli_data
from wallet.cli import intents as cli_intents
from wallet.cli import keyring as cli_keyring
from wallet.cli import log as cli_log
from wallet.cli import loyalty as cli_loyalty
from wallet.cli import outbox as cli_outbox
from wallet.cli import reminders as cli_reminders
from wallet.cli import settings as cli_settings
from wallet.cli import terms as cli_terms
from wallet.cli import vault as cli_vault
from wallet.cli import vendors as cli_vendors
from wallet.cli.support import PASSPHRASE_ENV, PROG, CliError, Handler, fail
from wallet.errors import WalletError, command_line_text
from wallet.storage.connection import StorageError, translate_error


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
    cli_vault.add_commands(commands)  # init, passwd, backup, restore, check, unlock
    cli_data.add_commands(commands)
    cli_log.add_commands(commands)
    cli_keyring.add_commands(commands)
    cli_settings.add_commands(commands)
    cli_reminders.add_commands(commands)
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
        return fail(command_line_text(translate_error(exc, failed="the command did not finish")))
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        return fail(f"{exc.strerror or exc}{where}; check the path and its permissions.")


if __name__ == "__main__":
    sys.exit(main())
