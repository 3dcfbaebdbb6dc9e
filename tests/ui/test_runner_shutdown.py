"""Work asked for after the app has stopped its vault worker is dropped, never an error; an
unlock that finishes while the app quits shows nothing."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow
from ui.background import BackgroundCalls
from ui.tasks import VaultRunner


def test_work_asked_for_after_shutdown_is_dropped_quietly(qtbot: QtBot) -> None:
    runner = VaultRunner()
    runner.shutdown()
    called: list[object] = []
    errors: list[str] = []
    runner.error.connect(errors.append)

    future = runner.run(lambda vault: "never", on_success=called.append, on_error=called.append)

    assert future.cancelled()
    qtbot.wait(50)  # a queued callback, if any, would arrive now
    assert called == [] and errors == [] and not runner.is_busy


def test_a_background_call_asked_for_after_shutdown_is_dropped_quietly(qtbot: QtBot) -> None:
    calls = BackgroundCalls()
    calls.shutdown()
    called: list[object] = []

    future = calls.call(lambda: "never", on_success=called.append, on_error=called.append)

    assert future.cancelled()
    qtbot.wait(50)  # a queued callback, if any, would arrive now
    assert called == [] and not calls.is_busy


def test_quitting_while_the_vault_unlocks_shows_no_workspace_and_raises_nothing(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    window = make_window(locked_vault[0])
    page = window.unlock_page
    page.passphrase.setText(PASSPHRASE)
    page.unlock_button.click()  # the key derivation runs on the vault's thread
    window.shutdown()  # the app quits meanwhile (SIGTERM, logout): the unlock may still finish
    for _ in range(20):  # its queued "unlocked" would arrive in these turns
        QCoreApplication.processEvents()
        qtbot.wait(10)
    assert window.workspace is None
