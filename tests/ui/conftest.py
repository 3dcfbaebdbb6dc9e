"""Fixtures for the desktop app's tests: offscreen Qt, a vault runner, windows, keyrings.

``QT_QPA_PLATFORM`` is set before any QApplication exists (pytest-qt creates it lazily), so the
tests run without a display; a developer can still override it to watch them on a real screen.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import keyring.backends.null
import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.conftest import PASSPHRASE
from ui.tasks import VaultRunner
from wallet.vault.facade import Vault

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _clipboard_emptied(qapp: object) -> Iterator[None]:
    """Empty the clipboard after each test.

    PySide6 6.12 crashes at interpreter exit when mime data created in Python is still on the
    clipboard (reproduced with a 6-line script); the app avoids it by clearing its secrets when it
    quits, and the tests, whose QApplication never quits, by this fixture.
    """
    yield
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()


@pytest.fixture(autouse=True)
def _untranslated_afterwards(qapp: QCoreApplication) -> Iterator[None]:
    """Remove the catalogues a test installed (a window following the language, Settings, the
    i18n tests): the next test reads the source texts, whatever ran before it."""
    yield
    from ui.i18n import language

    language.remove_all(qapp)


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[VaultRunner]:
    """A vault runner whose worker is locked and stopped when the test ends."""
    vault_runner = VaultRunner()
    try:
        yield vault_runner
    finally:
        vault_runner.shutdown()


@pytest.fixture
def null_keyring() -> Iterator[keyring.backends.null.Keyring]:
    """Makes the OS keyring the null backend, which the core reports as unavailable."""
    previous = keyring.get_keyring()
    backend = keyring.backends.null.Keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def locked_vault(tmp_path: Path) -> tuple[Path, str]:
    """A vault (fast KDF) created and locked again: its directory and recovery key."""
    directory = tmp_path / "vault"
    created = Vault.create(directory, PASSPHRASE, kdf_target_seconds=0)
    created.vault.lock()
    return directory, created.recovery_key


MakeWindow = Callable[..., "MainWindow"]


@pytest.fixture
def make_window(qtbot: QtBot, runner: VaultRunner) -> Iterator[MakeWindow]:
    """Builds and shows a :class:`MainWindow` on ``runner`` (fast KDF, injectable auto-lock)."""
    from ui.autolock import AutoLock
    from ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make(
        vault_dir: Path,
        *,
        first_run: bool | None = None,
        demo: bool = False,
        ms_per_minute: int = 60_000,
    ) -> MainWindow:
        window = MainWindow(
            runner,
            vault_dir=vault_dir,
            first_run=not (vault_dir / "vault.json").exists() if first_run is None else first_run,
            demo=demo,
            kdf_target_seconds=0,
            autolock=AutoLock(ms_per_minute=ms_per_minute),
        )
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.autolock.stop()
        window.background.shutdown()
        window.network.shutdown()


def unlock(qtbot: QtBot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    """Type ``passphrase`` on the unlock screen and wait for the workspace."""
    page = window.unlock_page
    page.passphrase.setText(passphrase)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.settings.isEnabled(), timeout=10_000)
