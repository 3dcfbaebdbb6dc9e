"""The only home of ``keyring``: secrets kept by the OS for "remember on this device".

A keyring that is missing, disabled or stores secrets in plain files is reported as unavailable
with the reason, never used: a plaintext fallback would silently defeat the vault's encryption.
"""

from __future__ import annotations

import base64
import binascii
from typing import Protocol

import keyring
import keyring.backend
import keyring.errors

from wallet.i18n import QT_TRANSLATE_NOOP

SERVICE = "vrm-wallet"


class KeyStore(Protocol):
    """Where a device secret can be kept, keyed by (service, username)."""

    def unavailable_reason(self) -> str | None:
        """``None`` when usable, else a sentence saying why not."""

    def store(self, service: str, username: str, secret: bytes) -> None: ...

    def load(self, service: str, username: str) -> bytes | None: ...

    def delete(self, service: str, username: str) -> None: ...


class KeyStoreError(Exception):
    """The keyring refused an operation; the message says why (internal, re-raised by the vault)."""


_NO_KEYRING = QT_TRANSLATE_NOOP(
    "CoreError",
    "No OS keyring was found. Install and unlock a Secret Service (GNOME Keyring or KWallet) "
    "to use this option.",
)


def _insecure_reason(backend: keyring.backend.KeyringBackend) -> str | None:
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith("keyring.backends.fail"):
        return _NO_KEYRING
    if module.startswith("keyring.backends.null"):
        return QT_TRANSLATE_NOOP(
            "CoreError", "The OS keyring is disabled for this program (null keyring backend)."
        )
    if module.startswith("keyrings.alt") or "plaintext" in name.lower():
        return (
            f"The only keyring available ({module}.{name}) keeps secrets in a file without "
            "real protection, so VRM Wallet will not use it."
        )
    if module.startswith("keyring.backends.chainer"):
        inner = list(getattr(backend, "backends", []))
        reasons = [_insecure_reason(candidate) for candidate in inner]
        usable = [r for r in reasons if r is None]
        if not usable:
            return reasons[0] if reasons else _NO_KEYRING
    return None


class KeyringKeyStore:
    """A :class:`KeyStore` on the ``keyring`` library (the OS keyring, or any backend given)."""

    def __init__(self, *, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def unavailable_reason(self) -> str | None:
        try:
            return _insecure_reason(self.backend)
        except Exception as exc:  # a broken backend must disable the option, not crash the app
            return f"The OS keyring could not be used: {exc}."

    def store(self, service: str, username: str, secret: bytes) -> None:
        try:
            self.backend.set_password(service, username, base64.b64encode(secret).decode("ascii"))
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(_failure("refused to store the secret", exc)) from exc

    def load(self, service: str, username: str) -> bytes | None:
        try:
            text = self.backend.get_password(service, username)
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(_failure("could not be read", exc)) from exc
        if text is None:
            return None
        try:
            return base64.b64decode(text.encode("ascii"), validate=True)
        except (ValueError, binascii.Error, UnicodeEncodeError):
            return None

    def delete(self, service: str, username: str) -> None:
        try:
            self.backend.delete_password(service, username)
        except keyring.errors.PasswordDeleteError:
            pass  # already gone: the goal is reached
        except keyring.errors.KeyringError as exc:
            raise KeyStoreError(_failure("could not delete the secret", exc)) from exc


def _failure(what: str, exc: keyring.errors.KeyringError) -> str:
    """One line saying what the keyring failed to do, why, and (where we know) what helps."""
    detail = " ".join(str(exc).split())[:200] or type(exc).__name__
    if isinstance(exc, keyring.errors.KeyringLocked):
        hint = " Unlock the keyring (for example by logging in to the desktop) and try again."
    elif isinstance(exc, keyring.errors.NoKeyringError):
        hint = " " + _NO_KEYRING
    elif isinstance(exc, keyring.errors.InitError):
        hint = " The keyring service could not be started; check that it is installed and running."
    else:
        hint = ""
    return f"The OS keyring {what} ({detail}).{hint}"
