"""The Settings page: saved settings, keyring toggle, passphrase change, backup and restore."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backends.null
import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE, MemoryKeyring
from tests.ui.conftest import MakeWindow, unlock
from ui.dialogs import ask
from ui.main_window import MainWindow
from ui.pages.settings_page import SettingsPage
from wallet.keystore import KeyringKeyStore
from wallet.vault.facade import Vault, remembered_on_device

NEW_PASSPHRASE = "violet tractor under seven moons"


def _settings_page(qtbot: QtBot, make_window: MakeWindow, directory: Path) -> SettingsPage:
    window = make_window(directory)
    unlock(qtbot, window)
    assert window.workspace is not None
    window.workspace.show_page(window.workspace.pages.indexOf(window.workspace.settings))
    return window.workspace.settings


def _lock(qtbot: QtBot, page: SettingsPage) -> MainWindow:
    window = page.window()
    assert isinstance(window, MainWindow)
    window.lock()
    qtbot.waitUntil(lambda: not window.runner.is_unlocked and not window.runner.is_busy)
    return window


def test_settings_changes_are_saved_in_the_vault(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    directory, _key = locked_vault
    page = _settings_page(qtbot, make_window, directory)
    window = page.window()
    assert isinstance(window, MainWindow)
    page.auto_lock_minutes.setValue(42)
    page.clipboard_seconds.setValue(17)
    page.reminder_days.setValue(21)
    if page.lock_on_screen_lock.isEnabled():
        page.lock_on_screen_lock.setChecked(False)
    qtbot.waitUntil(lambda: not window.runner.is_busy)
    assert page.status.text() == "Settings saved."
    assert not page.error.isVisible()
    assert window.autolock.idle_timer_running  # re-configured from the saved settings

    _lock(qtbot, page)
    with Vault.open_with_passphrase(directory, PASSPHRASE) as vault:
        settings = vault.settings()
    assert settings.auto_lock_minutes == 42
    assert settings.clipboard_clear_seconds == 17
    assert settings.reminder_lead_days == 21


def test_zero_minutes_reads_never(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    page = _settings_page(qtbot, make_window, locked_vault[0])
    page.auto_lock_minutes.setValue(0)
    assert page.auto_lock_minutes.text() == "Never"


def test_screen_lock_option_explains_why_it_is_disabled(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    page = _settings_page(qtbot, make_window, locked_vault[0])
    window = page.window()
    assert isinstance(window, MainWindow)
    reason = window.autolock.watcher.unavailable_reason()
    assert page.lock_on_screen_lock.isEnabled() == (reason is None)
    if reason:
        assert page.screen_lock_reason.text() == reason


def test_remember_on_this_device_toggle(
    qtbot: QtBot,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    memory_keyring: MemoryKeyring,
) -> None:
    directory, _key = locked_vault
    page = _settings_page(qtbot, make_window, directory)
    qtbot.waitUntil(page.remember.isEnabled)
    page.remember.setChecked(True)
    qtbot.waitUntil(lambda: remembered_on_device(directory), timeout=10_000)
    assert memory_keyring.secrets
    page.remember.setChecked(False)
    qtbot.waitUntil(lambda: not remembered_on_device(directory), timeout=10_000)
    # The secret is deleted on the worker just after the header is rewritten.
    qtbot.waitUntil(lambda: not memory_keyring.secrets, timeout=10_000)


def test_remember_disabled_with_the_reason(
    qtbot: QtBot,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    null_keyring: object,
) -> None:
    page = _settings_page(qtbot, make_window, locked_vault[0])
    qtbot.waitUntil(lambda: "null" in page.remember_reason.text())
    assert not page.remember.isEnabled()


def test_change_passphrase(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    directory, _key = locked_vault
    page = _settings_page(qtbot, make_window, directory)
    page.change_passphrase_button.click()
    dialog = page.passphrase_dialog
    assert dialog is not None and dialog.isVisible()

    dialog.current.setText("wrong current passphrase")
    dialog.form.passphrase.setText(NEW_PASSPHRASE)
    dialog.form.repeat.setText(NEW_PASSPHRASE)
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.current.text() == ""
    assert dialog.isVisible()

    dialog.current.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.change_button.click()
    assert "changed" in page.status.text()

    _lock(qtbot, page)
    Vault.open_with_passphrase(directory, NEW_PASSPHRASE).lock()


def test_backup_then_restore(
    qtbot: QtBot,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory, _key = locked_vault
    page = _settings_page(qtbot, make_window, directory)
    window = page.window()
    assert isinstance(window, MainWindow)
    backup = tmp_path / "backups" / "vault-backup.zip"
    monkeypatch.setattr(ask, "pick_save_file", lambda *args, **kwargs: backup)
    page.backup_button.click()
    qtbot.waitUntil(lambda: "saved to" in page.status.text(), timeout=10_000)
    assert str(backup) in page.status.text()
    assert backup.exists()

    # A change made after the backup, which restoring must take back.
    window.runner.run(lambda vault: vault.fields.set("email", "after-backup@example.org"))
    qtbot.waitUntil(lambda: not window.runner.is_busy)

    confirmations: list[str] = []
    monkeypatch.setattr(ask, "pick_open_file", lambda *args, **kwargs: backup)
    monkeypatch.setattr(ask, "ask_secret", lambda *args, **kwargs: PASSPHRASE)
    monkeypatch.setattr(
        ask, "confirm", lambda parent, title, text, **kwargs: confirmations.append(text) or True
    )
    page.restore_button.click()
    assert "moved aside" in confirmations[0] and "vault.replaced-" in confirmations[0]
    unlock_page = window.unlock_page
    qtbot.waitUntil(lambda: "was restored" in unlock_page.notice.text(), timeout=10_000)
    assert window.workspace is None
    assert not unlock_page.busy.is_busy
    moved = list(directory.parent.glob("vault.replaced-*"))
    assert len(moved) == 1 and str(moved[0]) in unlock_page.notice.text()

    unlock(qtbot, window)
    fetched: list[int] = []
    window.runner.run(lambda vault: vault.fields.count(), on_success=fetched.append)
    qtbot.waitUntil(lambda: bool(fetched))
    assert fetched == [0]


def test_restore_cancelled_keeps_the_vault_open(
    qtbot: QtBot,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _settings_page(qtbot, make_window, locked_vault[0])
    monkeypatch.setattr(ask, "pick_open_file", lambda *args, **kwargs: tmp_path / "b.zip")
    monkeypatch.setattr(ask, "ask_secret", lambda *args, **kwargs: PASSPHRASE)
    monkeypatch.setattr(ask, "confirm", lambda *args, **kwargs: False)
    page.restore_button.click()
    window = page.window()
    assert isinstance(window, MainWindow)
    assert window.runner.is_unlocked
    assert window.workspace is not None


def test_restore_failure_leaves_the_vault_in_place(
    qtbot: QtBot,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory, _key = locked_vault
    page = _settings_page(qtbot, make_window, directory)
    window = page.window()
    assert isinstance(window, MainWindow)
    not_a_backup = tmp_path / "not-a-backup.zip"
    not_a_backup.write_bytes(b"nope")
    monkeypatch.setattr(ask, "pick_open_file", lambda *args, **kwargs: not_a_backup)
    monkeypatch.setattr(ask, "ask_secret", lambda *args, **kwargs: PASSPHRASE)
    monkeypatch.setattr(ask, "confirm", lambda *args, **kwargs: True)
    page.restore_button.click()
    unlock_page = window.unlock_page
    qtbot.waitUntil(lambda: unlock_page.error.isVisible(), timeout=10_000)
    assert "not restored" in unlock_page.error.text()
    assert not list(directory.parent.glob("vault.replaced-*"))
    unlock(qtbot, window)


def test_remembered_vault_can_be_forgotten_without_a_keyring(
    qtbot: QtBot,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    memory_keyring: MemoryKeyring,
) -> None:
    directory, _key = locked_vault
    with Vault.open_with_passphrase(directory, PASSPHRASE) as vault:
        vault.enable_keyring(KeyringKeyStore())
    keyring.set_keyring(keyring.backends.null.Keyring())  # restored by memory_keyring
    page = _settings_page(qtbot, make_window, directory)
    qtbot.waitUntil(lambda: "null" in page.remember_reason.text())
    assert page.remember.isChecked() and page.remember.isEnabled()
    page.remember.setChecked(False)
    qtbot.waitUntil(lambda: not remembered_on_device(directory), timeout=10_000)
    # The header changes on the worker before the page hears back: wait for the page too.
    qtbot.waitUntil(lambda: not page.remember.isEnabled(), timeout=10_000)
