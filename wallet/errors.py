"""One exception tree for the whole core.

Every error a user can cause derives from :class:`WalletError` and carries a message that says
what happened and what to do, in words that fit every front end. A hint that names a command
(``offers list ID``) is a separate ``cli_hint`` that only the CLI prints, after the message
(:func:`command_line_text`).

The core speaks English; the desktop app speaks the person's language. An error made with
:meth:`Worded.worded` keeps the English text it was made from (its ``template``, marked at the
raise site with ``wallet.i18n.QT_TRANSLATE_NOOP("CoreError", ...)``) and the values filled in
(``params``), so the app can show the same sentence translated (``ui.i18n.core_texts``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple, Self, TypeVar

ERROR_CONTEXT = "CoreError"  # the translation context of the templates of worded errors
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(template: str, params: Mapping[str, str]) -> str:
    """``template`` with each ``{name}`` replaced by ``params[name]``, in one pass (a value
    cannot bring placeholders of its own, unlike a replace per name or ``str.format``)."""
    return _PLACEHOLDER.sub(lambda found: params.get(found[1], found[0]), template)


class Worded(Exception):
    """An exception whose message may come from a marked English template and its values.

    ``template`` is empty for an error made with a plain message; ``params`` are the values,
    as text, that fill the template's ``{name}`` placeholders.
    """

    template: str = ""
    params: Mapping[str, str] = MappingProxyType({})

    @classmethod
    def worded(cls, template: str, /, **params: object) -> Self:
        """An error saying ``template`` filled with ``params``; the app translates it.

        ``template`` must be a literal marked ``QT_TRANSLATE_NOOP("CoreError", ...)`` where the
        error is raised (so that it reaches the translation sources).
        """
        values = {name: str(value) for name, value in params.items()}
        error = cls(fill(template, values))
        error.template = template
        error.params = MappingProxyType(values)
        return error


class WalletError(Worded):
    """Base of every error the core raises on purpose.

    ``cli_hint``: what to type at the command line about it ("`vendor list` shows them"), kept
    out of the message so that the desktop app never shows command syntax. ``cli_text``: the
    whole message as the CLI says it, where the command sits inside a sentence (it replaces
    message and hint).
    """

    def __init__(self, *args: object, cli_hint: str = "", cli_text: str = "") -> None:
        super().__init__(*args)
        self.cli_hint = cli_hint
        self.cli_text = cli_text

    def hinted(self, cli_hint: str) -> Self:
        """This error, with ``cli_hint`` for the command line (see :class:`WalletError`)."""
        self.cli_hint = cli_hint
        return self


def command_line_text(error: BaseException) -> str:
    """``error`` as the CLI says it: the message, then its command-line hint if it has one."""
    whole = getattr(error, "cli_text", "")
    if whole:
        return str(whole)
    message = str(error)
    hint = getattr(error, "cli_hint", "")
    if not hint:
        return message
    return f"{message.rstrip().rstrip('.')}; {hint}"


E = TypeVar("E", bound=WalletError)


class Wording(NamedTuple):
    """A text as every front end says it (``plain``), and as the CLI says it, naming a command."""

    plain: str
    command_line: str

    def error(self, kind: type[E], *, before: str = "", after: str = "") -> E:
        """A ``kind`` error saying ``before``, this text, then ``after`` (``cli_text`` too)."""
        plain = f"{before}{self.plain}{after}"
        return kind(plain, cli_text=f"{before}{self.command_line}{after}")


class VaultNotFound(WalletError):
    """There is no vault at the given location."""


class VaultExists(WalletError):
    """A vault already exists where a new one (or a restore) would go."""


class VaultLocked(WalletError):
    """An operation needs an unlocked vault."""


class WrongPassphrase(WalletError):
    """The passphrase does not open this vault."""


class WrongRecoveryKey(WalletError):
    """The recovery key does not open this vault, or has a typo."""


class HeaderError(WalletError):
    """The vault header is unreadable, tampered with, or uses unsafe parameters."""


class WeakKdfParameters(HeaderError):
    """The header asks for key-derivation parameters below our minimums (a downgrade attempt)."""


class KdfTooCostly(HeaderError):
    """The header asks for more key-derivation work than one unlock attempt may cost (hostile)."""


class UnsupportedVersion(WalletError):
    """The vault was written by a newer version of VRM Wallet."""


class DatabaseError(WalletError):
    """The encrypted database is damaged or does not match its header."""


class DiskFull(WalletError):
    """The disk (or a quota or file-size limit) is full; the message says what was not written."""


class KeyringUnavailable(WalletError):
    """No secure OS keyring is available, so the "remember on this device" option cannot work."""


class InvalidInput(WalletError):
    """A value given by the user is not acceptable (bad key, empty value, unknown category...)."""


class NotFound(WalletError):
    """The requested item does not exist."""


class BackupError(WalletError):
    """A backup file is missing, damaged or not a VRM Wallet backup."""


class InvalidKey(WalletError):
    """A public key is malformed, not Ed25519, or a small-order (forgeable) point."""


class SignatureInvalid(WalletError):
    """A signature does not verify, uses a forbidden algorithm, or the token is malformed."""
