"""The unlock screen: passphrase, this device's keyring, or the recovery key with a new passphrase.

Every unlock goes through :meth:`VaultRunner.open`, so key derivation (and loading the vault's
modules, which this screen does not import: it is the first window) runs on the vault's worker
and the window stays responsive; a busy indicator shows meanwhile. Errors appear in red under the
field, which is cleared and focused again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.background import BackgroundCalls
from ui.tasks import VaultRunner
from ui.widgets.busy import BusyIndicator
from ui.widgets.layout import centred_card, fit_stack_to_current, heading, secondary
from ui.widgets.messages import InlineMessage, error_text
from ui.widgets.password_field import PasswordField
from wallet.vault.layout import remembered_on_device

if TYPE_CHECKING:  # the vault (crypto, database) loads on the vault worker, when unlocking
    from PySide6.QtGui import QPaintEvent  # (PySide6 builds each type it is asked for)

    from wallet.vault.facade import Vault


class UnlockPage(QWidget):
    """Unlocks the vault in ``vault_dir``; the runner's ``unlocked`` signal says when it worked.

    Attributes (for tests and the main window):
        passphrase, unlock_button, keyring_button, error: the passphrase mode.
        recovery_key, new_passphrase, reset_button, recovery_error: the recovery mode, built
            when first shown (its strength meter and passphrase rules load then).
        busy: the indicator shown while a key is derived.
    """

    def __init__(
        self,
        runner: VaultRunner,
        background: BackgroundCalls,
        *,
        vault_dir: Path,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._background = background
        self._vault_dir = vault_dir
        self._demo_passphrase = demo_passphrase
        self._painted = False  # see paintEvent
        self._check_keyring_slot_when_painted = False
        self.notice = InlineMessage()
        self.busy = BusyIndicator()
        self.modes = QStackedWidget()
        self.modes.addWidget(self._build_passphrase_mode())
        self._recovery_mode: QWidget | None = None  # built on first use: see set_recovery_mode
        fit_stack_to_current(self.modes)
        card = QFrame()
        layout = QVBoxLayout(card)
        layout.addWidget(heading(self.tr("Unlock your vault")))
        layout.addWidget(secondary(self.tr("Vault: %1").replace("%1", str(vault_dir))))
        layout.addSpacing(8)
        layout.addWidget(self.notice)
        layout.addWidget(self.modes)
        layout.addWidget(self.busy)
        centred_card(card, self)

    # ------------------------------------------------------------------ building

    def _build_passphrase_mode(self) -> QWidget:
        mode = QWidget()
        self.passphrase = PasswordField(placeholder=self.tr("Your passphrase"))
        self.passphrase.returnPressed.connect(self.unlock_with_passphrase)
        self.error = InlineMessage(error=True)
        self.demo_hint = InlineMessage()
        if self._demo_passphrase:
            self.demo_hint.show_text(
                self.tr("This is the demo vault. Its passphrase is: %1").replace(
                    "%1", self._demo_passphrase
                )
            )
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock_with_passphrase)
        self.keyring_button = QPushButton(self.tr("Unlock with this device's keyring"))
        self.keyring_button.clicked.connect(self.unlock_with_keyring)
        self.keyring_button.setVisible(False)
        self.use_recovery_button = QPushButton(self.tr("Forgot your passphrase? Use recovery key"))
        self.use_recovery_button.setFlat(True)
        self.use_recovery_button.clicked.connect(lambda: self.set_recovery_mode(True))
        self.use_recovery_button.setVisible(not self._demo_passphrase)  # nobody has its key
        buttons = QHBoxLayout()
        buttons.addWidget(self.keyring_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        # Left-aligned by a stretch beside it, not Qt.AlignmentFlag.AlignLeft: the first access
        # to PySide6's Qt namespace builds all its enums (~20 ms of the first window).
        recovery_row = QHBoxLayout()
        recovery_row.addWidget(self.use_recovery_button)
        recovery_row.addStretch(1)
        layout = QVBoxLayout(mode)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Passphrase:"))
        label.setBuddy(self.passphrase)
        self.passphrase.line_edit.setAccessibleName(self.tr("Passphrase"))
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        layout.addWidget(self.demo_hint)
        layout.addLayout(buttons)
        layout.addLayout(recovery_row)
        layout.addStretch(1)
        # Tab: passphrase, Show, Unlock, then the other ways in (the layout puts them first).
        QWidget.setTabOrder(self.passphrase.toggle, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.keyring_button)
        QWidget.setTabOrder(self.keyring_button, self.use_recovery_button)
        return mode

    def _build_recovery_mode(self) -> QWidget:
        from PySide6.QtGui import QFontDatabase

        from ui.widgets.new_passphrase import NewPassphraseForm

        mode = QWidget()
        explanation = QLabel(
            self.tr(
                "Type the recovery key you saved when you created the vault, then choose a new "
                "passphrase. Your data stays as it is."
            )
        )
        explanation.setWordWrap(True)
        self.recovery_key = QLineEdit()
        self.recovery_key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recovery_key.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.recovery_key.setMaxLength(200)
        self.new_passphrase = NewPassphraseForm()
        self.recovery_error = InlineMessage(error=True)
        self.reset_button = QPushButton(self.tr("Set new passphrase and unlock"))
        self.reset_button.setEnabled(False)
        self.reset_button.clicked.connect(self.reset_with_recovery_key)
        self.recovery_key.textChanged.connect(self._update_reset_button)
        self.new_passphrase.validity_changed.connect(self._update_reset_button)
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.set_recovery_mode(False))
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        self.new_passphrase.add_leading_row(self.tr("Recovery key:"), self.recovery_key)
        layout = QVBoxLayout(mode)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(explanation)
        layout.addWidget(self.new_passphrase)
        layout.addWidget(self.recovery_error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.new_passphrase.repeat.returnPressed.connect(self.reset_with_recovery_key)
        from ui.accessibility import prepare_for_keyboard
        from ui.widgets.strength_meter import load_the_estimator

        prepare_for_keyboard(mode)
        self._background.call(  # its meter then rates the first keystroke without a stall
            load_the_estimator, on_success=lambda _none: None, on_error=lambda _error: None
        )
        return mode

    # ------------------------------------------------------------------ state

    def refresh(self) -> None:
        """Back to the passphrase mode, emptied; check whether the keyring button applies."""
        self.set_recovery_mode(False)
        self.passphrase.clear()
        self.error.clear()
        self.keyring_button.setVisible(False)
        if self._painted:
            self._check_keyring_slot()
        else:  # the first window: once it is painted (see paintEvent)
            self._check_keyring_slot_when_painted = True
        self.passphrase.setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Reading the header loads pydantic (~50 ms) on the background thread; while the first
        # window is built it would hold the interpreter (one lock) the GUI thread needs.
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._check_keyring_slot_when_painted:
                QTimer.singleShot(0, self._check_keyring_slot)

    def _check_keyring_slot(self) -> None:
        """Show the keyring button if the vault has a keyring slot (read on the background)."""
        self._check_keyring_slot_when_painted = False
        directory = self._vault_dir
        self._background.call(
            lambda: remembered_on_device(directory),
            on_success=self.keyring_button.setVisible,
            on_error=lambda _error: self.keyring_button.setVisible(False),
            owner=self,
        )

    def show_notice(self, text: str) -> None:
        """Tell the user something above the form (why the vault locked, a restore result)."""
        self.notice.show_text(text)

    def show_error(self, text: str) -> None:
        """Show an error under the passphrase field."""
        self.error.show_text(text)

    def set_busy(self, busy: bool) -> None:
        """Disable the form and show the indicator while something runs."""
        self.busy.set_busy(busy)
        self.modes.setEnabled(not busy)

    def set_recovery_mode(self, enabled: bool) -> None:
        """Switch between the passphrase form and the recovery-key form."""
        if enabled and self._recovery_mode is None:
            self._recovery_mode = self._build_recovery_mode()
            self.modes.addWidget(self._recovery_mode)
        self.modes.setCurrentIndex(1 if enabled else 0)
        if self._recovery_mode is not None:
            self.recovery_key.clear()
            self.new_passphrase.clear()
            self.recovery_error.clear()
        (self.recovery_key if enabled else self.passphrase).setFocus()

    def _update_reset_button(self) -> None:
        ready = bool(self.recovery_key.text().strip()) and self.new_passphrase.is_acceptable()
        self.reset_button.setEnabled(ready)

    # ------------------------------------------------------------------ unlocking

    def unlock_with_passphrase(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            self._passphrase_failed(self.tr("Type your passphrase first."))
            return
        directory = self._vault_dir

        def open_vault() -> Vault:
            from wallet.vault.facade import Vault

            return Vault.open_with_passphrase(directory, passphrase)

        self._start(open_vault, self._on_failed)

    def unlock_with_keyring(self) -> None:
        directory = self._vault_dir

        def open_vault() -> Vault:
            from wallet.keystore import KeyringKeyStore
            from wallet.vault.facade import Vault

            return Vault.open_with_keyring(directory, KeyringKeyStore())

        self._start(open_vault, self._on_failed)

    def reset_with_recovery_key(self) -> None:
        if not self.reset_button.isEnabled():
            return
        directory = self._vault_dir
        recovery_key = self.recovery_key.text()
        new_passphrase = self.new_passphrase.text()

        def open_vault() -> Vault:
            from wallet.vault.facade import Vault

            return Vault.reset_passphrase(directory, recovery_key, new_passphrase)

        self._start(open_vault, self._on_reset_failed)

    def _start(self, opener: Callable[[], Vault], on_error: Callable[[Exception], None]) -> None:
        self.error.clear()
        if self._recovery_mode is not None:
            self.recovery_error.clear()
        self.notice.clear()
        self.set_busy(True)
        self._runner.open(opener, on_success=self._on_unlocked, on_error=on_error)

    def _on_unlocked(self, _vault: Vault) -> None:
        self.set_busy(False)
        self.passphrase.clear()
        self.set_recovery_mode(False)

    def _on_failed(self, error: Exception) -> None:
        self.set_busy(False)
        self._passphrase_failed(error_text(error))

    def _passphrase_failed(self, message: str) -> None:
        self.error.show_text(message)
        self.passphrase.clear()
        self.passphrase.setFocus()

    def _on_reset_failed(self, error: Exception) -> None:
        self.set_busy(False)
        self.recovery_error.show_text(error_text(error))
        self.recovery_key.selectAll()
        self.recovery_key.setFocus()
