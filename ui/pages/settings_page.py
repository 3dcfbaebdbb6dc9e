"""The Settings page: the interface's language, appearance and tray icon, locking, clipboard,
this device's keyring, passphrase, backup, restore and the vault's integrity check.

Every change is saved at once through the vault runner (``vault.update_settings``); the runner's
``changed`` signal then lets the main window re-read the settings (auto-lock) and this page show
what was stored. The language is this computer's, not the vault's: it is kept in the app's
settings (:mod:`ui.i18n.language`) and used at once, the window rebuilding its screens in it;
so are the appearance and the tray icon (:mod:`ui.pages.settings_desktop`).
Restoring replaces
the vault, so the page only gathers the answers and asks the main window to do it while locked.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.background import BackgroundCalls
from ui.dialogs import ask
from ui.dialogs.change_passphrase import ChangePassphraseDialog
from ui.i18n import language
from ui.i18n.error_texts import core_text
from ui.market.relay_setting import RelayGroup
from ui.pages.base import Page
from ui.pages.settings_desktop import DesktopGroup
from ui.tasks import VaultRunner
from ui.widgets.layout import heading, secondary
from ui.widgets.messages import InlineMessage, error_text
from wallet.changes import Changes, Part
from wallet.keystore import KeyringKeyStore
from wallet.settings import VaultSettings, setting_range
from wallet.vault.facade import Vault
from wallet.vault.integrity import IntegrityReport, describe


class SettingsPage(Page):
    """Shows and changes the vault's settings.

    ``screen_lock_unavailable_reason`` (from the auto-lock's D-Bus watcher) disables the "lock
    on screen lock" option with its reason when the screen lock cannot be noticed.

    Signals:
        restore_requested(Path, str): restore this backup, opened with this passphrase.

    Attributes (for tests): ``language_combo``, ``desktop`` (appearance and tray icon:
    :class:`~ui.pages.settings_desktop.DesktopGroup`), ``auto_lock_minutes``,
    ``lock_on_screen_lock``, ``screen_lock_reason``, ``clipboard_seconds``, ``reminder_days``,
    ``remember``, ``remember_reason``,
    ``change_passphrase_button``, ``backup_button``, ``restore_button``, ``check_button``,
    ``check_result`` (the last check's findings), ``status``, ``error``,
    ``passphrase_dialog`` (the open change-passphrase dialog, if any).
    """

    restore_requested = Signal(Path, str)

    def __init__(
        self,
        runner: VaultRunner,
        background: BackgroundCalls,
        *,
        vault_dir: Path,
        screen_lock_unavailable_reason: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._background = background
        self._vault_dir = vault_dir
        self._screen_lock_reason = screen_lock_unavailable_reason
        self._filling = False
        self._keyring_reason: str | None = None
        self._keyring_checked = False  # the keyring probe has not answered yet
        self.passphrase_dialog: ChangePassphraseDialog | None = None
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(heading(self.tr("Settings")))
        layout.addWidget(self._build_language_group())
        self.desktop = DesktopGroup()
        layout.addWidget(self.desktop)
        layout.addWidget(self._build_locking_group())
        layout.addWidget(RelayGroup(runner))  # the market relay (ui.market.relay_setting)
        layout.addWidget(self._build_device_group())
        layout.addWidget(self._build_passphrase_group())
        layout.addWidget(self._build_backup_group())
        layout.addWidget(self._build_check_group())
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)
        content.setMaximumWidth(720)
        self._scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setEnabled(False)  # until the settings are loaded
        runner.changed.connect(self._on_vault_changed)

    # ------------------------------------------------------------------ building

    def _build_language_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Language"))
        self.language_combo = QComboBox()
        system = language.current_language(language.locale_for(language.FOLLOW_SYSTEM))
        self.language_combo.addItem(
            self.tr("Same as the system (%1)").replace("%1", system.name), language.FOLLOW_SYSTEM
        )
        for offered in language.LANGUAGES:  # each named in its own language
            self.language_combo.addItem(offered.name, offered.code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(language.stored_choice()))
        )
        self.language_combo.currentIndexChanged.connect(self._choose_language)
        form = QFormLayout(group)
        form.addRow(self.tr("Language of the interface:"), self.language_combo)
        return group

    def _build_locking_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Locking and clipboard"))
        self.auto_lock_minutes = QSpinBox()
        self.auto_lock_minutes.setRange(*setting_range("auto_lock_minutes"))
        self.auto_lock_minutes.setSpecialValueText(self.tr("Never"))
        self.auto_lock_minutes.setSuffix(self.tr(" min"))
        self.auto_lock_minutes.setKeyboardTracking(False)  # save the number, not each keystroke
        self.auto_lock_minutes.valueChanged.connect(
            lambda minutes: self._save(auto_lock_minutes=minutes)
        )
        self.lock_on_screen_lock = QCheckBox(self.tr("Lock when the screen locks"))
        self.lock_on_screen_lock.toggled.connect(
            lambda checked: self._save(lock_on_screen_lock=checked)
        )
        self.screen_lock_reason = secondary(self._screen_lock_reason or "")
        self.screen_lock_reason.setVisible(bool(self._screen_lock_reason))
        if self._screen_lock_reason:
            self.lock_on_screen_lock.setEnabled(False)
        self.clipboard_seconds = QSpinBox()
        self.clipboard_seconds.setRange(*setting_range("clipboard_clear_seconds"))
        self.clipboard_seconds.setSuffix(self.tr(" s"))
        self.clipboard_seconds.setKeyboardTracking(False)
        self.clipboard_seconds.valueChanged.connect(
            lambda seconds: self._save(clipboard_clear_seconds=seconds)
        )
        self.reminder_days = QSpinBox()
        self.reminder_days.setRange(*setting_range("reminder_lead_days"))
        self.reminder_days.setSuffix(self.tr(" days"))
        self.reminder_days.setKeyboardTracking(False)
        self.reminder_days.valueChanged.connect(lambda days: self._save(reminder_lead_days=days))
        for spin_box in (self.auto_lock_minutes, self.clipboard_seconds, self.reminder_days):
            spin_box.setMinimumWidth(110)
            spin_box.setMaximumWidth(140)
        form = QFormLayout(group)
        # A field goes under its label where both do not fit side by side (long Spanish labels
        # at 125 % fonts left the check box too narrow for its text).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Lock after this long without use:"), self.auto_lock_minutes)
        form.addRow("", self.lock_on_screen_lock)
        form.addRow("", self.screen_lock_reason)
        form.addRow(self.tr("Clear copied values after:"), self.clipboard_seconds)
        form.addRow(self.tr("Remind me before a consent or card ends:"), self.reminder_days)
        return group

    def _build_device_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("This device"))
        self.remember = QCheckBox(self.tr("Remember on this device (unlock with the OS keyring)"))
        self.remember.setEnabled(False)
        self.remember.toggled.connect(self._set_remembered)
        self.remember_reason = secondary(self.tr("Checking the OS keyring…"))
        layout = QVBoxLayout(group)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_reason)
        return group

    def _build_passphrase_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Passphrase"))
        self.change_passphrase_button = QPushButton(self.tr("Change passphrase…"))
        self.change_passphrase_button.clicked.connect(self.open_change_passphrase)
        layout = QHBoxLayout(group)
        layout.addWidget(self.change_passphrase_button)
        layout.addStretch(1)
        return group

    def _build_backup_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Backup"))
        self.backup_button = QPushButton(self.tr("Back up…"))
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton(self.tr("Restore from backup…"))
        self.restore_button.clicked.connect(self.restore)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(group)
        layout.addWidget(
            secondary(
                self.tr(
                    "A backup is encrypted like the vault and opens with the same passphrase or "
                    "recovery key. Keep one away from this computer."
                )
            )
        )
        layout.addLayout(buttons)
        return group

    def _build_check_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Vault health"))
        self.check_button = QPushButton(self.tr("Check vault…"))
        self.check_button.clicked.connect(self.check_vault)
        self.check_result = InlineMessage()
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(group)
        layout.addWidget(
            secondary(
                self.tr(
                    "Reads every page of the vault and checks the header, the database, the "
                    "activity log and the outbox, without changing anything."
                )
            )
        )
        layout.addLayout(buttons)
        layout.addWidget(self.check_result)
        return group

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the settings and the keyring state from the vault, and the keyring's health."""
        self._load()
        self._background.call(
            lambda: KeyringKeyStore().unavailable_reason(),
            on_success=self._show_keyring_availability,
            on_error=lambda error: self._show_keyring_availability(error_text(error)),
            owner=self,
        )

    def _load(self) -> None:
        self.run(lambda vault: (vault.settings(), vault.keyring_enabled()), on_success=self._show)

    def _on_vault_changed(self, changes: Changes) -> None:
        if changes.touches(Part.SETTINGS, Part.HEADER):
            self._load()  # queued after the change on the vault's thread: reads what it stored

    def _show(self, loaded: tuple[VaultSettings, bool]) -> None:
        settings, remembered = loaded
        self._filling = True
        try:
            self.auto_lock_minutes.setValue(settings.auto_lock_minutes)
            self.lock_on_screen_lock.setChecked(settings.lock_on_screen_lock)
            self.clipboard_seconds.setValue(settings.clipboard_clear_seconds)
            self.reminder_days.setValue(settings.reminder_lead_days)
            self.remember.setChecked(remembered)
        finally:
            self._filling = False
        self._update_remember_enabled()
        self.setEnabled(True)

    def _update_remember_enabled(self) -> None:
        # Without a usable keyring the option can still be turned off, never on.
        usable = self._keyring_reason is None and self._keyring_checked
        self.remember.setEnabled(usable or self.remember.isChecked())

    def _show_keyring_availability(self, reason: str | None) -> None:
        self._keyring_reason = reason
        self._keyring_checked = True
        self._update_remember_enabled()
        if reason is None:
            self.remember_reason.setText(
                self.tr(
                    "Unlock without typing the passphrase. You are still asked for it every "
                    "two weeks so you do not forget it."
                )
            )
        else:
            self.remember_reason.setText(core_text(reason))

    # ------------------------------------------------------------------ changing

    def _choose_language(self, index: int) -> None:
        """Keep the language picked and use it now: Qt tells every window, and the main window
        builds its screens again in it (ui.i18n.rebuild), this page included."""
        code = self.language_combo.itemData(index)
        language.switch_to(code if isinstance(code, str) else language.FOLLOW_SYSTEM)

    def _save(self, **changes: Any) -> None:
        if self._filling:
            return
        self.error.clear()
        self.run(
            lambda vault: vault.update_settings(**changes),
            on_success=lambda _changes: self.status.show_text(self.tr("Settings saved.")),
            on_error=self._on_save_failed,
        )

    def _on_save_failed(self, error: Exception) -> None:
        self.show_error(error)
        self.reload()  # show what is really stored

    def _set_remembered(self, remember: bool) -> None:
        if self._filling:
            return
        self.error.clear()

        def apply(vault: Vault) -> Changes:
            keystore = KeyringKeyStore()
            return vault.enable_keyring(keystore) if remember else vault.disable_keyring(keystore)

        message = (
            self.tr("This device now remembers the vault.")
            if remember
            else self.tr("This device no longer remembers the vault.")
        )
        self.run(
            apply,
            on_success=lambda _changes: self._on_remembered_changed(message),
            on_error=self._on_save_failed,
        )

    def _on_remembered_changed(self, message: str) -> None:
        self.status.show_text(message)
        self._update_remember_enabled()

    def open_change_passphrase(self) -> None:
        """Open the change-passphrase dialog (window-modal, non-blocking)."""
        self.passphrase_dialog = ChangePassphraseDialog(self._runner, self)
        self.passphrase_dialog.accepted.connect(
            lambda: self.status.show_text(self.tr("Your passphrase was changed."))
        )
        self.passphrase_dialog.finished.connect(self._forget_passphrase_dialog)
        self.passphrase_dialog.open()

    def _forget_passphrase_dialog(self) -> None:
        if self.passphrase_dialog is not None:
            self.passphrase_dialog.deleteLater()
            self.passphrase_dialog = None

    def back_up(self) -> None:
        """Ask where to write a backup, then write it on the vault worker."""
        stamp = datetime.now().astimezone().strftime("%Y-%m-%d")
        target = ask.pick_save_file(
            self,
            self.tr("Back up the vault"),
            suggested=Path.home() / f"vrm-wallet-backup-{stamp}.zip",
            name_filter=self._backup_filter(),
        )
        if target is None:
            return
        self.show_status(self.tr("Writing the backup…"))
        self.run(
            lambda vault: vault.backup(target),
            on_success=lambda written: self.status.show_text(
                self.tr("Backup saved to %1").replace("%1", str(written))
            ),
        )

    def _backup_filter(self) -> str:
        return self.tr("VRM Wallet backup (*.zip);;All files (*)")

    def restore(self) -> None:
        """Gather the backup, its passphrase and the user's confirmation; then ask for it."""
        backup = ask.pick_open_file(
            self,
            self.tr("Restore a backup"),
            directory=Path.home(),
            name_filter=self._backup_filter(),
        )
        if backup is None:
            return
        passphrase = ask.ask_secret(
            self,
            self.tr("Restore a backup"),
            self.tr("Passphrase of the backup %1:").replace("%1", backup.name),
        )
        if passphrase is None:
            return
        if ask.confirm(
            self,
            self.tr("Replace the current vault?"),
            self._restore_warning(),
            action=self.tr("Lock and restore"),
        ):
            self.restore_requested.emit(backup, passphrase)

    def _restore_warning(self) -> str:
        directory = self._vault_dir
        aside = directory.with_name(f"{directory.name}.replaced-<date>-<time>")
        return self.tr(
            "The vault will be locked, and the backup restored in its place.\n\n"
            "The current vault is not deleted: it will be moved aside to\n%1\n\n"
            "Then unlock with the backup's passphrase."
        ).replace("%1", str(aside))

    def check_vault(self) -> None:
        """Run every integrity check on the vault worker and show what they found."""
        self.check_result.clear()
        self.check_button.setEnabled(False)
        self.show_status(self.tr("Checking the vault…"))
        self.run(
            lambda vault: vault.check_integrity(),
            on_success=self._show_check,
            on_error=self._on_check_failed,
        )

    def _show_check(self, report: IntegrityReport) -> None:
        self.check_button.setEnabled(True)
        self.check_result.show_text("\n".join(describe(report)))
        # the findings sit at the bottom of a long page: bring the verdict into view once laid out
        verdict = self.status if report.ok else self.error
        QTimer.singleShot(0, self, lambda: self._scroll.ensureWidgetVisible(verdict))
        if report.ok:
            self.status.show_text(
                self.tr("All %1 checks passed.").replace("%1", str(len(report.findings)))
            )
            return
        self.status.clear()
        self.error.show_text(
            self.tr(
                "The check found %n problem(s); the list above says what to do.",
                "",
                len(report.problems),
            )
        )

    def _on_check_failed(self, error: Exception) -> None:
        self.check_button.setEnabled(True)
        self.show_error(error)
