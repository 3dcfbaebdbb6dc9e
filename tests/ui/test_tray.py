"""The optional tray icon (ui.tray): off by default, shown only when turned on and the desktop has
a tray; its menu opens, locks (only while unlocked) and quits; its tooltip counts the reminders
due. Locking never depends on it: Ctrl+L and the idle timer lock with it on and off.

The offscreen platform has no tray, so the tests that need one shown replace
``ui.tray.controller.tray_available``; everything else is the real controller, window and vault.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock
from ui.i18n import language
from ui.main_window import MainWindow
from ui.tray import controller as tray_controller
from ui.tray import setting as tray_setting
from ui.tray.controller import TrayController
from wallet.vault.facade import Vault

WAIT_MS = 15_000


@pytest.fixture
def app_settings(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[QSettings]:
    """The app's settings in a file of this test; closing the last window quits again after."""
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(language, "app_settings", lambda: settings)
    try:
        yield settings
    finally:
        qapp.setQuitOnLastWindowClosed(True)


@pytest.fixture
def with_a_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desktop with a system tray (the offscreen platform has none)."""
    monkeypatch.setattr(tray_controller, "tray_available", lambda: True)


@pytest.fixture(params=[False, True], ids=["no tray", "tray"])
def tray_on(request: pytest.FixtureRequest, app_settings: QSettings, with_a_tray: None) -> bool:
    """The tray icon turned off, then on, on a desktop with a tray."""
    on = bool(request.param)
    tray_setting.switch(on)
    return on


def _tray(window: MainWindow) -> TrayController:
    return TrayController(window, parent=window)  # as ui.app.create_main_window does


def test_off_by_default_and_never_shown_without_a_tray(
    qapp: QApplication,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    app_settings: QSettings,
) -> None:
    tray = _tray(make_window(locked_vault[0]))
    assert tray.icon is None
    assert not tray_setting.wanted()
    tray_setting.switch(True)  # this desktop has no tray: kept, not shown
    assert tray_setting.wanted()
    assert tray.icon is None
    assert qapp.quitOnLastWindowClosed()


def test_turned_on_it_shows_and_closing_the_window_keeps_the_app(
    qapp: QApplication,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    app_settings: QSettings,
    with_a_tray: None,
) -> None:
    tray = _tray(make_window(locked_vault[0]))
    assert tray.icon is None  # off by default
    tray_setting.switch(True)
    assert tray.icon is not None and tray.icon.contextMenu() is tray.menu
    assert tray.icon.toolTip() == "VRM Wallet: locked"
    assert not qapp.quitOnLastWindowClosed()
    assert app_settings.value(tray_setting.TRAY_KEY) in (True, "true")

    tray_setting.switch(False)
    assert tray.icon is None
    assert qapp.quitOnLastWindowClosed()
    assert app_settings.value(tray_setting.TRAY_KEY) is None


def test_the_menu_locks_only_while_unlocked_and_opens_the_window(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str], app_settings: QSettings
) -> None:
    window = make_window(locked_vault[0])
    tray = _tray(window)
    lock = tray.menu.lock_action
    assert not lock.isVisible() and not lock.isEnabled()
    assert tray.tooltip == "VRM Wallet: locked"
    unlock(qtbot, window)
    assert lock.isVisible() and lock.isEnabled()
    lock.trigger()
    qtbot.waitUntil(lambda: window.workspace is None, timeout=WAIT_MS)
    assert not window.runner.is_unlocked
    assert not lock.isVisible()
    assert tray.tooltip == "VRM Wallet: locked"

    window.hide()
    tray.menu.open_action.trigger()
    assert window.isVisible()


def test_the_tooltip_counts_the_reminders_due(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, app_settings: QSettings
) -> None:
    window = make_window(tmp_path / "demo", demo=True)
    tray = _tray(window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=WAIT_MS)
    workspace = window.workspace
    assert workspace is not None
    with qtbot.waitSignal(workspace.reminders.checked, timeout=WAIT_MS) as checked:
        workspace.reminders.check_now()
    due = len(checked.args[0])
    assert due >= 1  # the demo's loyalty card that ends soon
    assert tray.due == due
    assert tray.tooltip == f"VRM Wallet: {due} reminder(s) due"
    window.lock()
    qtbot.waitUntil(lambda: window.workspace is None, timeout=WAIT_MS)
    assert tray.due == 0 and tray.tooltip == "VRM Wallet: locked"  # no count behind the lock


def test_ctrl_l_locks_with_and_without_the_tray(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str], tray_on: bool
) -> None:
    window = make_window(locked_vault[0])
    tray = _tray(window)
    assert (tray.icon is not None) is tray_on
    unlock(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    workspace = window.workspace
    assert workspace is not None
    qtbot.keyClick(workspace.sidebar, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.workspace is None, timeout=WAIT_MS)
    assert not window.runner.is_unlocked


def test_the_idle_timer_locks_with_and_without_the_tray(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str], tray_on: bool
) -> None:
    directory, _key = locked_vault
    with Vault.open_with_passphrase(directory, PASSPHRASE) as vault:
        vault.update_settings(auto_lock_minutes=1)
    window = make_window(directory, ms_per_minute=400)  # "1 minute" lasts 400 ms here
    tray = _tray(window)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.autolock.idle_timer_running, timeout=WAIT_MS)
    if tray_on:
        window.close()  # into the tray: the app runs on, hidden
        assert not window.isVisible() and tray.icon is not None
    qtbot.waitUntil(lambda: window.workspace is None, timeout=WAIT_MS)
    assert not window.runner.is_unlocked
    assert "without use" in window.unlock_page.notice.text()
