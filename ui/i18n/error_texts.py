"""Core errors in the interface's language.

The core raises English errors (the command line prints them). An error made with
``wallet.errors.Worded.worded`` keeps its English template, marked for translation in the
``CoreError`` context where it is raised, and the values filled in: it is shown sentence for
sentence in the person's language. Any other core error is shown by what its kind means
(:data:`KIND_TEXTS`), in plain words, never in English beside a translated interface.

It imports only Qt and the core's errors: the first window shows errors.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wallet.errors import ERROR_CONTEXT, WalletError, Worded, fill
from wallet.i18n import QT_TRANSLATE_NOOP


def core_text(text: str) -> str:
    """A fixed text the core marked ``QT_TRANSLATE_NOOP("CoreError", ...)`` (a reason it returns
    rather than raises, such as why the keyring cannot be used), translated; another as it is."""
    return QCoreApplication.translate(ERROR_CONTEXT, text)


def worded_error_text(error: BaseException) -> str | None:
    """A worded core error (``wallet.errors.Worded.worded``) in the interface's language: its
    template translated, then filled with its values, each translated when it is itself a marked
    core text (a reason such as "not a number"); None for an error without a template."""
    template = getattr(error, "template", "")
    if not isinstance(error, Worded) or not template:
        return None
    params = {
        name: QCoreApplication.translate(ERROR_CONTEXT, value)
        for name, value in error.params.items()
    }
    return fill(QCoreApplication.translate(ERROR_CONTEXT, template), params)


KIND_CONTEXT = "CoreErrorKind"
# What each kind of core error means, in plain words, for an error without a worded message;
# the first kind in an error's class hierarchy that is listed here speaks for it. By class name:
# the first window shows errors, and the transport's module (aiohttp) is not loaded yet.
KIND_TEXTS: dict[str, str] = {
    "VaultNotFound": QT_TRANSLATE_NOOP("CoreErrorKind", "There is no vault here."),
    "VaultExists": QT_TRANSLATE_NOOP("CoreErrorKind", "A vault already exists there."),
    "VaultLocked": QT_TRANSLATE_NOOP("CoreErrorKind", "The vault is locked; unlock it first."),
    "WrongPassphrase": QT_TRANSLATE_NOOP(
        "CoreErrorKind", "The passphrase does not open this vault."
    ),
    "WrongRecoveryKey": QT_TRANSLATE_NOOP(
        "CoreErrorKind", "The recovery key does not open this vault, or has a typo."
    ),
    "HeaderError": QT_TRANSLATE_NOOP(
        "CoreErrorKind", "The vault's header cannot be read, or asks for unsafe settings."
    ),
    "UnsupportedVersion": QT_TRANSLATE_NOOP(
        "CoreErrorKind", "This vault was written by a newer version of VRM Wallet."
    ),
    "DatabaseError": QT_TRANSLATE_NOOP(
        "CoreErrorKind", "The vault's database is damaged; restore it from a backup."
    ),
    "DiskFull": QT_TRANSLATE_NOOP(
        "CoreErrorKind", "The disk is full: nothing was saved. Free some space and try again."
    ),
    "KeyringUnavailable": QT_TRANSLATE_NOOP(
        "CoreErrorKind", "This computer's secure keyring is not available."
    ),
    "InvalidInput": QT_TRANSLATE_NOOP(
        "CoreErrorKind", "This value is not accepted; check what you typed."
    ),
    "NotFound": QT_TRANSLATE_NOOP("CoreErrorKind", "That item no longer exists."),
    "BackupError": QT_TRANSLATE_NOOP(
        "CoreErrorKind", "This backup file cannot be used: it is missing, damaged or not a backup."
    ),
    "InvalidKey": QT_TRANSLATE_NOOP("CoreErrorKind", "A vendor's public key is not valid."),
    "SignatureInvalid": QT_TRANSLATE_NOOP(
        "CoreErrorKind", "A signature does not match: the message was not accepted."
    ),
    "TransportFailure": QT_TRANSLATE_NOOP(
        "CoreErrorKind", "The vendor could not be reached, or its answer was not usable."
    ),
    "WalletError": QT_TRANSLATE_NOOP("CoreErrorKind", "That could not be done."),
}


def error_kind_text(error: WalletError) -> str:
    """What a core error without a worded message means, in the interface's language; its own
    English message while the interface speaks English (it says more than its kind does)."""
    names = (kind.__name__ for kind in type(error).__mro__)
    source = next(KIND_TEXTS[name] for name in names if name in KIND_TEXTS)
    text = QCoreApplication.translate(KIND_CONTEXT, source)
    return str(error) if text == source else text
