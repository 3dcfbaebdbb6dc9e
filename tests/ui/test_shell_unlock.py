"""The unlock screen: passphrase, recovery key with a new passphrase, this device's keyring."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE, MemoryKeyring
from tests.ui.conftest import MakeWindow, unlock
from wallet.keystore import KeyringKeyStore
from wallet.vault.facade import Vault

NEW_PASSPHRASE = "violet tractor under seven moons"


def test_wrong_passphrase_is_shown_inline_then_the_right_one_unlocks(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    directory, _key = locked_vault
    window = make_window(directory)
    page = window.unlock_page
    assert window.screens.currentWidget() is page

    page.passphrase.setText("not the passphrase")
    page.unlock_button.click()
    assert page.busy.is_busy
    assert not page.modes.isEnabled()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10_000)
    assert "wrong" in page.error.text()
    assert page.passphrase.text() == ""
    assert page.modes.isEnabled()
    assert window.workspace is None

    unlock(qtbot, window)
    assert window.screens.currentWidget() is window.workspace
    assert window.lock_action.isEnabled()


def test_empty_passphrase_asks_for_one(
    make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    window = make_window(locked_vault[0])
    window.unlock_page.unlock_button.click()
    assert window.unlock_page.error.isVisible()
    assert not window.runner.is_busy


def test_recovery_key_sets_a_new_passphrase(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    directory, recovery_key = locked_vault
    window = make_window(directory)
    page = window.unlock_page
    page.use_recovery_button.click()
    assert page.modes.currentIndex() == 1

    page.recovery_key.setText(recovery_key.lower())  # typed loosely: still accepted
    page.new_passphrase.passphrase.setText(NEW_PASSPHRASE)
    assert not page.reset_button.isEnabled()
    page.new_passphrase.repeat.setText(NEW_PASSPHRASE)
    assert page.reset_button.isEnabled()
    page.reset_button.click()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)

    window.lock()
    qtbot.waitUntil(lambda: not window.runner.is_unlocked)
    Vault.open_with_passphrase(directory, NEW_PASSPHRASE).lock()


def test_wrong_recovery_key_is_shown_inline(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    window = make_window(locked_vault[0])
    page = window.unlock_page
    page.use_recovery_button.click()
    page.recovery_key.setText("AAAAA-AAAAA")
    page.new_passphrase.passphrase.setText(NEW_PASSPHRASE)
    page.new_passphrase.repeat.setText(NEW_PASSPHRASE)
    page.reset_button.click()
    qtbot.waitUntil(lambda: page.recovery_error.isVisible(), timeout=10_000)
    assert "8 groups" in page.recovery_error.text()
    assert window.workspace is None
    page.set_recovery_mode(False)
    assert page.modes.currentIndex() == 0


def test_keyring_button_only_when_remembered(
    qtbot: QtBot,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    memory_keyring: MemoryKeyring,
) -> None:
    directory, _key = locked_vault
    window = make_window(directory)
    page = window.unlock_page
    qtbot.waitUntil(lambda: not window.background.is_busy)
    assert page.keyring_button.isHidden()

    with Vault.open_with_passphrase(directory, PASSPHRASE) as vault:
        vault.enable_keyring(KeyringKeyStore())
    page.refresh()
    qtbot.waitUntil(lambda: page.keyring_button.isVisible())
    page.keyring_button.click()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)


def test_keyring_failure_is_shown_inline(
    qtbot: QtBot,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    memory_keyring: MemoryKeyring,
) -> None:
    directory, _key = locked_vault
    with Vault.open_with_passphrase(directory, PASSPHRASE) as vault:
        vault.enable_keyring(KeyringKeyStore())
    memory_keyring.secrets.clear()  # the OS keyring lost the secret
    window = make_window(directory)
    page = window.unlock_page
    qtbot.waitUntil(lambda: page.keyring_button.isVisible())
    page.keyring_button.click()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10_000)
    assert "keyring" in page.error.text()
