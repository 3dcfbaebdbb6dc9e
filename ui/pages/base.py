"""What every page of the main window shares: a status line, an error line, and running vault
work on its behalf (Vorta's ``BaseTab``)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from ui.tasks import VaultRunner
from ui.widgets.messages import InlineMessage, error_text
from wallet.errors import VaultLocked
from wallet.vault.facade import Vault

T = TypeVar("T")


class Page(QWidget):
    """A page that runs vault operations and shows their outcome in two inline messages.

    Attributes: ``status`` (what just happened, plain text) and ``error`` (what went wrong, in
    red); a page places them in its layout where they belong.
    """

    def __init__(self, runner: VaultRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.status = InlineMessage()
        self.error = InlineMessage(error=True)

    def run(
        self,
        operation: Callable[[Vault], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> Future[T]:
        """Run ``operation`` on the vault's thread for this page (see :meth:`VaultRunner.run`):
        callbacks are dropped if the page is gone, and failures are shown on it by default."""
        return self._runner.run(operation, owner=self, on_success=on_success, on_error=on_error)

    def show_status(self, text: str) -> None:
        """Say what just happened (and clear an earlier error)."""
        self.error.clear()
        self.status.show_text(text)

    def show_error(self, error: Exception) -> None:
        """Say what went wrong. A locked vault says nothing: the app is switching to unlock."""
        if isinstance(error, VaultLocked):
            return
        self.status.clear()
        self.error.show_text(error_text(error))

    def clear_messages(self) -> None:
        self.status.clear()
        self.error.clear()
