"""The application shell: command line, window screens, demo mode, locking and auto-lock."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock
from ui import app as app_module
from ui.i18n import language
from ui.main_window import MainWindow, Workspace
from ui.tasks import VaultRunner
from vendorkit.demo import DEMO_PASSPHRASE, default_demo_dir
from wallet.vault.facade import Vault


def test_options_default_to_the_configured_vault(tmp_path: Path) -> None:
    options, rest = app_module.parse_options([])
    assert options.vault_dir == tmp_path / "home-vault"  # VRM_WALLET_HOME from the fixtures
    assert not options.demo
    assert rest == []


def test_options_vault_demo_and_qt_arguments(tmp_path: Path) -> None:
    options, rest = app_module.parse_options(["--vault", str(tmp_path / "x"), "-platform", "xcb"])
    assert options.vault_dir == tmp_path / "x"
    assert rest == ["-platform", "xcb"]
    demo, _ = app_module.parse_options(["--demo"])
    assert demo.demo and demo.vault_dir == default_demo_dir()
    chosen, _ = app_module.parse_options(["--demo", "--vault", str(tmp_path / "d")])
    assert chosen.vault_dir == tmp_path / "d"


def test_create_main_window_picks_wizard_or_unlock(
    qtbot: QtBot, runner: VaultRunner, tmp_path: Path, locked_vault: tuple[Path, str]
) -> None:
    first = app_module.create_main_window(app_module.Options(tmp_path / "none", False), runner)
    qtbot.addWidget(first)
    assert first.screens.currentWidget() is first.welcome_page
    assert first.windowTitle() == "VRM Wallet"
    existing = app_module.create_main_window(app_module.Options(locked_vault[0], False), runner)
    qtbot.addWidget(existing)
    assert existing.welcome_page is None
    assert existing.screens.currentWidget() is existing.unlock_page
    for window in (first, existing):
        window.background.shutdown()


def test_configure_application_sets_style_names_and_icon(qapp: QApplication) -> None:
    app_module.configure_application(qapp)
    try:
        assert qapp.style().name().lower() == "fusion"
        assert qapp.applicationName() == "VRM Wallet"
        assert not qapp.windowIcon().isNull()
    finally:
        language.remove_all(qapp)  # the system's catalogues stay out of the later tests


def test_translations_are_loaded_when_present(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease"
    )
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    source = tmp_path / "vrm-wallet_fr.ts"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="fr">'
        "<context><name>MainWindow</name><message><source>VRM Wallet</source>"
        "<translation>Portefeuille VRM</translation></message></context></TS>",
        encoding="utf-8",
    )
    subprocess.run([lrelease, str(source)], check=True, capture_output=True)
    monkeypatch.setattr(app_module, "TRANSLATIONS_DIR", tmp_path)
    installed = app_module.install_translators(qapp, locale=QLocale(QLocale.Language.French))
    try:
        assert installed
        assert QCoreApplication.translate("MainWindow", "VRM Wallet") == "Portefeuille VRM"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_demo_opens_without_typing_and_locks(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(tmp_path / "demo", demo=True)
    assert "(demo)" in window.windowTitle()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)

    window.lock_action.trigger()
    qtbot.waitUntil(lambda: window.workspace is None)
    page = window.unlock_page
    assert window.screens.currentWidget() is page
    assert DEMO_PASSPHRASE in page.demo_hint.text()
    unlock(qtbot, window, DEMO_PASSPHRASE)


def test_lock_returns_to_unlock_and_drops_the_pages(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    window = make_window(locked_vault[0])
    unlock(qtbot, window)
    workspace = window.workspace
    assert workspace is not None
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+L")

    workspace.lock_button.click()
    qtbot.waitUntil(lambda: window.findChildren(Workspace) == [], timeout=10_000)
    assert window.workspace is None
    assert window.screens.currentWidget() is window.unlock_page
    assert not window.runner.is_unlocked
    assert not window.lock_action.isEnabled()
    assert not window.autolock.is_active


def test_auto_lock_after_idle(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    directory, _key = locked_vault
    with Vault.open_with_passphrase(directory, PASSPHRASE) as vault:
        vault.update_settings(auto_lock_minutes=1)
    window = make_window(directory, ms_per_minute=300)  # "1 minute" lasts 300 ms here
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.autolock.idle_timer_running)
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5_000)
    assert "without use" in window.unlock_page.notice.text()


def test_never_auto_lock_when_zero(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    directory, _key = locked_vault
    with Vault.open_with_passphrase(directory, PASSPHRASE) as vault:
        vault.update_settings(auto_lock_minutes=0)
    window = make_window(directory, ms_per_minute=1)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.runner.is_busy)
    assert window.autolock.is_active
    assert not window.autolock.idle_timer_running


def test_runner_errors_show_in_the_status_bar(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    window = make_window(locked_vault[0])
    unlock(qtbot, window)
    window.runner.run(lambda vault: vault.fields.get("no-such-field"))
    qtbot.waitUntil(lambda: window.status_error.isVisible())
    assert "no-such-field" in window.status_error.text()


def test_busy_indicator_follows_the_runner(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    window = make_window(locked_vault[0])
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.unlock_button.click()
    assert window.busy.is_busy
    qtbot.waitUntil(lambda: not window.runner.is_busy and not window.background.is_busy)
    assert not window.busy.is_busy


def test_shutdown_locks_the_vault(
    qtbot: QtBot, locked_vault: tuple[Path, str], tmp_path: Path
) -> None:
    runner = VaultRunner()
    window = MainWindow(runner, vault_dir=locked_vault[0], first_run=False, kdf_target_seconds=0)
    qtbot.addWidget(window)
    unlock(qtbot, window)
    vault_holder: list[Vault] = []
    runner.run(vault_holder.append)
    qtbot.waitUntil(lambda: bool(vault_holder))
    window.shutdown()
    assert vault_holder[0].is_locked
