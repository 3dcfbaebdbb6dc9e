"""Copying secrets and personal data to the clipboard so that they do not linger there.

The copied data carries the ``x-kde-passwordManagerHint: secret`` format, which clipboard managers
(Klipper and others) honour by not recording it in their history, as KeePassXC does. The clipboard
is cleared after a delay (the vault's setting, or the one given), when the vault locks and when
the app quits, but each time only if it still holds what we put there: the user may have copied
something else in the meantime, and that must not be wiped. "What we put there" means our text
*with* our hint, so the same text copied by the user from elsewhere is left alone too.

Every copy of a secret or of personal data goes through :func:`copy_secret`.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from wallet.settings import VaultSettings

PASSWORD_MANAGER_HINT_FORMAT = "x-kde-passwordManagerHint"
SECRET_HINT = b"secret"
_CLIPBOARD = QClipboard.Mode.Clipboard


def secret_mime_data(text: str) -> QMimeData:
    """Return mime data holding ``text`` and the hint that it is a secret."""
    mime = QMimeData()
    mime.setText(text)
    mime.setData(PASSWORD_MANAGER_HINT_FORMAT, SECRET_HINT)
    return mime


def holds_our_copy(text: str) -> bool:
    """Whether the clipboard still holds ``text`` as we put it there (with our hint)."""
    mime = QGuiApplication.clipboard().mimeData(_CLIPBOARD)
    return (
        bool(text)
        and mime is not None
        and mime.hasFormat(PASSWORD_MANAGER_HINT_FORMAT)
        and mime.text() == text
    )


class SecretClipboard(QObject):
    """The application's copies of secrets: what was copied last, and the delays running.

    ``clear_after_seconds`` is the delay used when a copy names none; the main window sets it
    from the vault's settings.

    Signals:
        delay_ended(bool): a copy's delay ran out; true if that cleared the clipboard (false if
            the user had copied something else since).
    """

    delay_ended = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clear_after_seconds = VaultSettings().clipboard_clear_seconds
        self._last_copied: str | None = None

    def copy(self, text: str, *, clear_after_seconds: int | None = None) -> int:
        """Put ``text`` on the clipboard, marked secret; returns the delay before it is cleared.

        A delay of 0 or less keeps it there until something else replaces it, the vault locks or
        the app quits.
        """
        seconds = self.clear_after_seconds if clear_after_seconds is None else clear_after_seconds
        QGuiApplication.clipboard().setMimeData(secret_mime_data(text), _CLIPBOARD)
        self._last_copied = text
        if seconds > 0:
            QTimer.singleShot(seconds * 1000, self, lambda: self._end_delay(text))
        return seconds

    def clear_copied(self) -> None:
        """Clear the clipboard now if it still holds the last secret copied (lock, quit)."""
        if self._last_copied is not None:
            clear_if_unchanged(self._last_copied)
            self._last_copied = None

    def _end_delay(self, text: str) -> None:
        self.delay_ended.emit(clear_if_unchanged(text))


def secret_clipboard() -> SecretClipboard:
    """The application's :class:`SecretClipboard` (made on first use, owned by the app)."""
    global _instance
    if _instance is None or not shiboken6.isValid(_instance):
        _instance = SecretClipboard(QGuiApplication.instance())
    return _instance


_instance: SecretClipboard | None = None


def copy_secret(text: str, *, clear_after_seconds: int | None = None) -> int:
    """:meth:`SecretClipboard.copy` on the application's clipboard."""
    return secret_clipboard().copy(text, clear_after_seconds=clear_after_seconds)


def clear_if_unchanged(text: str) -> bool:
    """Clear the clipboard if it still holds our copy of ``text``; true if it did."""
    if not holds_our_copy(text):
        return False
    QGuiApplication.clipboard().clear(_CLIPBOARD)
    return True


def clear_copied_secrets() -> None:
    """Clear the clipboard now if it still holds the last secret copied (lock, quit)."""
    secret_clipboard().clear_copied()
