"""The first-run wizard: choose a passphrase, create the vault, save the recovery key.

Step 1 asks for the passphrase twice with a live strength meter; weak ones must be acknowledged.
Creating the vault (key derivation, database) runs on the vault worker behind a busy indicator.
Step 2 shows the recovery key once, as text and as a QR code, with Copy and Save buttons; Finish
stays disabled until the user ticks "I have saved my recovery key".
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.background import BackgroundCalls, while_alive
from ui.i18n.error_texts import core_text
from ui.tasks import VaultRunner
from ui.widgets.busy import BusyIndicator
from ui.widgets.layout import centred_card, fit_stack_to_current, heading, secondary
from ui.widgets.messages import InlineMessage, error_text
from ui.widgets.new_passphrase import NewPassphraseForm
from ui.widgets.strength_meter import load_the_estimator
from wallet.errors import WalletError

if TYPE_CHECKING:  # the vault loads on the vault worker, when the vault is created
    from PySide6.QtGui import QPaintEvent  # (PySide6 builds each type it is asked for)

    from wallet.vault.facade import Vault

RECOVERY_KEY_FILE_NAME = "vrm-wallet-recovery-key.txt"


class WelcomePage(QWidget):
    """Creates a vault in ``vault_dir``; emits ``finished`` once the recovery key is saved.

    The vault is open (in the runner) from the moment it is created; the main window waits for
    ``finished`` before showing the workspace.

    Attributes (for tests): ``form``, ``remember``, ``remember_reason``, ``next_button``,
    ``busy``, ``error`` on the first step; ``recovery_key_label``, ``qr``, ``copy_button``,
    ``save_button``, ``saved``, ``finish_button``, ``recovery_message`` on the second.
    """

    finished = Signal()

    def __init__(
        self,
        runner: VaultRunner,
        background: BackgroundCalls,
        *,
        vault_dir: Path,
        kdf_target_seconds: float = 0.5,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._background = background
        self._vault_dir = vault_dir
        self._kdf_target_seconds = kdf_target_seconds
        self._recovery_key = ""
        self.steps = QStackedWidget()
        self.steps.addWidget(self._build_passphrase_step())
        self._recovery_step: QWidget | None = None  # step 2, built when the vault exists
        fit_stack_to_current(self.steps)
        centred_card(self.steps, self, width=560)
        self._painted = False  # see paintEvent

    def paintEvent(self, event: QPaintEvent) -> None:
        # Once the first frame is painted: loading the keyring library and zxcvbn on the
        # background thread would hold the interpreter (one lock) while the window is built.
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_frame)

    def _after_first_frame(self) -> None:
        # The estimator first: a person may type before the keyring has answered. Should it
        # fail to load, the first rating says so as it did before.
        self._background.call(
            load_the_estimator, on_success=lambda _none: None, on_error=lambda _error: None
        )
        self._probe_keyring()

    @property
    def recovery_key_unconfirmed(self) -> bool:
        """True while the recovery key is shown but "I have saved it" is not yet ticked."""
        return self.steps.currentIndex() == 1 and not self.saved.isChecked()

    @property
    def recovery_key(self) -> str:
        """The recovery key shown on step 2 (empty before creation and after Finish)."""
        return self._recovery_key

    # ------------------------------------------------------------------ step 1

    def _build_passphrase_step(self) -> QWidget:
        step = QFrame()
        self.form = NewPassphraseForm(first_label=self.tr("Passphrase:"))
        self.form.validity_changed.connect(self._update_next_button)
        self.remember = QCheckBox(self.tr("Remember on this device (OS keyring)"))
        self.remember.setEnabled(False)
        self.remember_reason = secondary(self.tr("Checking the OS keyring…"))
        self.error = InlineMessage(error=True)
        self.busy = BusyIndicator()
        self.next_button = QPushButton(self.tr("Create vault"))
        self.next_button.setDefault(True)
        self.next_button.setEnabled(False)
        self.next_button.clicked.connect(self.create_vault)
        # Enter: in the first entry goes on to the second; in the second, creates the vault
        # (a page has no default button: that is a dialog's).
        self.form.passphrase.returnPressed.connect(self.form.repeat.setFocus)
        self.form.repeat.returnPressed.connect(self._submit)
        self.form.passphrase.line_edit.setAccessibleName(self.tr("Passphrase"))
        self.form.repeat.line_edit.setAccessibleName(self.tr("Repeat the passphrase"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(step)
        layout.addWidget(heading(self.tr("Welcome to VRM Wallet")))
        layout.addWidget(
            secondary(
                self.tr(
                    "Your personal data stays in an encrypted vault on this computer. Choose a "
                    "passphrase to lock it: a few random words are easy to remember and hard to "
                    "guess. Nobody can reset it for you, so the next step gives you a recovery key."
                )
            )
        )
        layout.addWidget(secondary(self.tr("Vault: %1").replace("%1", str(self._vault_dir))))
        layout.addSpacing(8)
        layout.addWidget(self.form)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_reason)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        return step

    def _probe_keyring(self) -> None:
        self._background.call(
            _keyring_unavailable_reason,
            on_success=self._show_keyring_availability,
            on_error=lambda error: self._show_keyring_availability(error_text(error)),
            owner=self,
        )

    def _show_keyring_availability(self, reason: str | None) -> None:
        self.remember.setEnabled(reason is None)
        if reason is None:
            self.remember_reason.setText(
                self.tr("Unlock without typing the passphrase; it is still asked now and then.")
            )
        else:
            self.remember.setChecked(False)
            self.remember_reason.setText(core_text(reason))

    def _update_next_button(self) -> None:
        self.next_button.setEnabled(self.form.is_acceptable() and not self.busy.is_busy)

    def _submit(self) -> None:
        if self.next_button.isEnabled():
            self.create_vault()

    def create_vault(self) -> None:
        """Create the vault on the worker with the chosen passphrase."""
        if not self.form.is_acceptable():
            return
        directory, passphrase = self._vault_dir, self.form.text()
        kdf_seconds, holder = self._kdf_target_seconds, _RecoveryKeyHolder()

        def create() -> Vault:  # runs on the vault worker: no widgets here
            from wallet.vault.facade import Vault

            created = Vault.create(directory, passphrase, kdf_target_seconds=kdf_seconds)
            holder.recovery_key = created.recovery_key
            return created.vault

        self._set_creating(True)
        self._runner.open(
            create,
            on_success=while_alive(self, lambda _vault: self._on_created(holder.recovery_key)),
            on_error=while_alive(self, self._on_create_failed),
        )

    def _set_creating(self, creating: bool) -> None:
        self.error.clear()
        self.busy.set_busy(creating)
        self.form.setEnabled(not creating)
        self.remember.setEnabled(not creating and self.remember.isEnabled())
        self._update_next_button()

    def _on_create_failed(self, error: Exception) -> None:
        self._set_creating(False)
        self._probe_keyring()
        self.error.show_text(error_text(error))

    def _on_created(self, recovery_key: str) -> None:
        self.busy.set_busy(False)
        remember = self.remember.isChecked()
        self.form.clear()
        self._show_recovery_key(recovery_key)
        if remember:
            self._remember_on_device()

    def _remember_on_device(self) -> None:
        from wallet.keystore import KeyringKeyStore

        self._runner.run(
            lambda vault: vault.enable_keyring(KeyringKeyStore()),
            on_error=while_alive(self, self._on_remember_failed),
        )

    def _on_remember_failed(self, error: Exception) -> None:
        message = self.tr("This device could not remember the vault: %1")
        self.recovery_message.show_text(message.replace("%1", error_text(error)))

    # ------------------------------------------------------------------ step 2

    def _build_recovery_step(self) -> QWidget:
        # Loaded with step 2: PySide6 builds the Qt namespace's enums on its first use (~20 ms),
        # which the first window does without.
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QFontDatabase

        from ui.widgets.qr import QrCodeLabel  # segno loads with step 2, not at launch

        step = QFrame()
        self.recovery_key_label = QLabel()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.recovery_key_label.setFont(font)
        self.recovery_key_label.setWordWrap(True)
        self.recovery_key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recovery_key_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.recovery_key_label.setMargin(10)
        self.recovery_key_label.setStyleSheet("background: palette(base);")
        self.recovery_key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.recovery_key_label.setAccessibleName(self.tr("Recovery key"))
        self.qr = QrCodeLabel(scale=5)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy_recovery_key)
        self.save_button = QPushButton(self.tr("Save to file…"))
        self.save_button.clicked.connect(self.save_recovery_key)
        self.recovery_message = InlineMessage()
        self.saved = QCheckBox(self.tr("I have saved my recovery key"))
        self.finish_button = QPushButton(self.tr("Finish"))
        self.finish_button.setEnabled(False)
        self.saved.toggled.connect(self.finish_button.setEnabled)
        self.finish_button.clicked.connect(self.finish)
        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        finish_row = QHBoxLayout()
        finish_row.addWidget(self.saved)
        finish_row.addStretch(1)
        finish_row.addWidget(self.finish_button)
        layout = QVBoxLayout(step)
        layout.addWidget(heading(self.tr("Save your recovery key")))
        layout.addWidget(
            secondary(
                self.tr(
                    "If you forget your passphrase, this key is the only way back into your "
                    "vault. Print it, write it down or save it somewhere safe, away from this "
                    "computer. It is shown only now."
                )
            )
        )
        layout.addWidget(self.recovery_key_label)
        layout.addLayout(actions)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.recovery_message)
        layout.addLayout(finish_row)
        return step

    def _show_recovery_key(self, recovery_key: str) -> None:
        if self._recovery_step is None:
            self._recovery_step = self._build_recovery_step()
            self.steps.addWidget(self._recovery_step)
        self._recovery_key = recovery_key
        self.recovery_key_label.setText(recovery_key)
        self.qr.set_text(recovery_key)
        self.steps.setCurrentIndex(1)
        self.saved.setFocus()

    def copy_recovery_key(self) -> None:
        from ui import clipboard
        from wallet.settings import VaultSettings

        seconds = VaultSettings().clipboard_clear_seconds
        clipboard.copy_secret(self._recovery_key, clear_after_seconds=seconds)
        self.recovery_message.show_text(
            self.tr("Copied. The clipboard will be cleared in %1 seconds.").replace(
                "%1", str(seconds)
            )
        )

    def save_recovery_key(self) -> None:
        from ui.dialogs import ask

        target = ask.pick_save_file(
            self,
            self.tr("Save the recovery key"),
            suggested=Path.home() / RECOVERY_KEY_FILE_NAME,
            name_filter=self.tr("Text files (*.txt);;All files (*)"),
        )
        if target is None:
            return
        from wallet.files import atomic_write_bytes

        try:
            atomic_write_bytes(target, self._recovery_key_document().encode("utf-8"))
        except WalletError as error:
            self.recovery_message.show_text(error_text(error))
            return
        self.recovery_message.show_text(
            self.tr("Saved to %1 (readable only by you).").replace("%1", str(target))
        )

    def _recovery_key_document(self) -> str:
        today = datetime.now().astimezone().strftime("%Y-%m-%d")
        lines = (
            self.tr("VRM Wallet recovery key"),
            self.tr("Vault: %1").replace("%1", str(self._vault_dir)),
            self.tr("Created: %1").replace("%1", today),
            "",
            self._recovery_key,
            "",
            self.tr("Keep this safe: it unlocks your vault if you forget your passphrase."),
        )
        return "\n".join(lines) + "\n"

    def finish(self) -> None:
        """Forget the recovery key on screen and hand over to the main window."""
        if not self.saved.isChecked():
            return
        self._recovery_key = ""
        self.recovery_key_label.clear()
        self.qr.set_text("")
        self.finished.emit()


class _RecoveryKeyHolder:
    """Carries the recovery key from the worker (written) to the GUI thread (read after)."""

    recovery_key: str = ""


def _keyring_unavailable_reason() -> str | None:
    """Why this device's keyring cannot remember the vault, or ``None`` (on a worker thread)."""
    from wallet.keystore import KeyringKeyStore

    return KeyringKeyStore().unavailable_reason()
