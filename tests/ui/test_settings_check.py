"""Settings → *Check vault…*: the integrity check runs on the vault worker, shows its findings."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import MakeWindow, unlock
from ui.main_window import MainWindow
from ui.pages.settings_page import SettingsPage
from wallet.vault.facade import HEADER_FILE, Vault
from wallet.vault.integrity import IntegrityReport


def _settings_page(qtbot: QtBot, make_window: MakeWindow, directory: Path) -> SettingsPage:
    window = make_window(directory)
    unlock(qtbot, window)
    assert window.workspace is not None
    window.workspace.show_page(window.workspace.pages.indexOf(window.workspace.settings))
    return window.workspace.settings


def _check(qtbot: QtBot, page: SettingsPage) -> None:
    window = page.window()
    assert isinstance(window, MainWindow)
    page.check_button.click()
    assert not page.check_button.isEnabled()  # no second check while one runs
    qtbot.waitUntil(lambda: page.check_button.isEnabled() and not window.runner.is_busy)


def test_check_vault_runs_on_the_worker_and_reports_a_healthy_vault(
    qtbot: QtBot,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[str] = []
    real_check = Vault.check_integrity

    def check_and_note_the_thread(vault: Vault) -> IntegrityReport:
        threads.append(threading.current_thread().name)
        return real_check(vault)

    monkeypatch.setattr(Vault, "check_integrity", check_and_note_the_thread)
    page = _settings_page(qtbot, make_window, locked_vault[0])
    _check(qtbot, page)
    assert len(threads) == 1 and threads[0] != threading.main_thread().name
    assert threads[0].startswith("vault")
    assert page.status.text().startswith("All ") and page.status.text().endswith("passed.")
    assert not page.error.isVisible()
    assert "PROBLEM" not in page.check_result.text()
    assert "activity log" in page.check_result.text()


def test_check_vault_names_a_header_edited_while_unlocked(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    directory = locked_vault[0]
    page = _settings_page(qtbot, make_window, directory)
    header = directory / HEADER_FILE
    document = json.loads(header.read_text())
    document["created"] = "2001-01-01T00:00:00Z"
    header.write_text(json.dumps(document))
    _check(qtbot, page)
    assert page.error.isVisible() and "1 problem" in page.error.text()
    assert "PROBLEM  header integrity" in page.check_result.text()
    assert "Restore the vault from a backup" in page.check_result.text()
