"""Changing the passphrase: the current one, then the new one twice with a strength meter."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import prepare_for_keyboard
from ui.tasks import VaultRunner
from ui.widgets.busy import BusyIndicator
from ui.widgets.messages import InlineMessage, error_text
from ui.widgets.new_passphrase import NewPassphraseForm
from ui.widgets.password_field import PasswordField
from wallet.changes import Changes


class ChangePassphraseDialog(QDialog):
    """Checks the current passphrase and sets a new one, on the vault worker.

    Open it with :meth:`open` (window-modal, non-blocking). It accepts itself once the change
    succeeded; a wrong current passphrase is shown inline and the field is cleared.

    Attributes (for tests): ``current``, ``form``, ``buttons``, ``change_button``, ``error``,
    ``busy``.
    """

    def __init__(self, runner: VaultRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setWindowTitle(self.tr("Change passphrase"))
        self.current = PasswordField()
        self.form = NewPassphraseForm()
        self.error = InlineMessage(error=True)
        self.busy = BusyIndicator()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.change_button = self.buttons.addButton(
            self.tr("Change passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.change_button.setEnabled(False)
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        self.current.textChanged.connect(self._update_button)
        self.form.validity_changed.connect(self._update_button)
        self.form.add_leading_row(self.tr("Current passphrase:"), self.current)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        prepare_for_keyboard(self)  # Tab leaves text boxes; every control has a name

    def _update_button(self) -> None:
        ready = bool(self.current.text()) and self.form.is_acceptable()
        self.change_button.setEnabled(ready and not self.busy.is_busy)

    def change(self) -> None:
        """Run the change on the worker."""
        if not self.change_button.isEnabled():
            return
        current, new = self.current.text(), self.form.text()
        self._set_busy(True)
        self._runner.run(
            lambda vault: vault.change_passphrase(current, new),
            owner=self,
            on_success=self._on_changed,
            on_error=self._on_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.set_busy(busy)
        self.current.setEnabled(not busy)
        self.form.setEnabled(not busy)
        self._update_button()

    def _on_changed(self, _changes: Changes) -> None:
        self._set_busy(False)
        self.current.clear()
        self.form.clear()
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.error.show_text(error_text(error))
        self.current.clear()
        self.current.setFocus()
