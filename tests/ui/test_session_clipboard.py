"""The clipboard loses what the app put there after the delay, at a lock and when the app quits,
but only if it still holds it: what the user copied since survives all three (issue 11, item 9).

Copies are made the way a person makes them (My data's Copy, the erasure letter's Copy) in the
whole window; quitting runs the real application (``ui.app.run``) in a child process, which quits
on SIGTERM as at logout.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.ui.canary_vault import CANARY, WAIT_MS, open_canary_window, select_sensitive_field
from tests.ui.conftest import MakeWindow
from ui import clipboard
from ui.dialogs.request_dialog import RequestDialog
from ui.main_window import MainWindow
from ui.pages import my_data

USERS_OWN = "what the user copied since"
SECRET = f"allergic to {CANARY}"  # the sensitive field's value


@pytest.fixture
def window(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    return open_canary_window(qtbot, make_window, tmp_path)


def _copy_the_sensitive_field(qtbot: QtBot, window: MainWindow) -> None:
    select_sensitive_field(qtbot, window).copy_action.trigger()
    qtbot.waitUntil(lambda: clipboard.holds_our_copy(SECRET), timeout=WAIT_MS)


def _lock(qtbot: QtBot, window: MainWindow) -> None:
    window.lock_action.trigger()
    qtbot.waitUntil(lambda: window.workspace is None and not window.runner.is_busy, timeout=WAIT_MS)


def test_the_delay_clears_our_copy_only(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(my_data, "CLEAR_CLIPBOARD_AFTER_SECONDS", 1)
    board = QGuiApplication.clipboard()
    ended = clipboard.secret_clipboard().delay_ended
    _copy_the_sensitive_field(qtbot, window)
    with qtbot.waitSignal(ended, timeout=WAIT_MS) as cleared:
        pass
    assert cleared.args == [True]
    assert board.text() == ""

    for users_own in (USERS_OWN, SECRET):  # the same text, copied by the user from elsewhere
        _copy_the_sensitive_field(qtbot, window)
        board.setText(users_own)
        with qtbot.waitSignal(ended, timeout=WAIT_MS) as kept:
            pass
        assert kept.args == [False]
        assert board.text() == users_own


@pytest.mark.parametrize("copied_since", [None, USERS_OWN])
def test_a_lock_clears_our_copy_only(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    copied_since: str | None,
) -> None:
    monkeypatch.setattr(my_data, "CLEAR_CLIPBOARD_AFTER_SECONDS", 0)  # only the lock clears it
    board = QGuiApplication.clipboard()
    _copy_the_sensitive_field(qtbot, window)
    if copied_since is not None:
        board.setText(copied_since)
    _lock(qtbot, window)
    assert board.text() == (copied_since or "")


def test_the_erasure_letter_is_copied_as_a_secret(qtbot: QtBot, window: MainWindow) -> None:
    window.runner.run(lambda vault: vault.update_settings(clipboard_clear_seconds=45))
    guard = clipboard.secret_clipboard()
    qtbot.waitUntil(lambda: guard.clear_after_seconds == 45, timeout=WAIT_MS)  # the window's
    workspace = window.workspace
    assert workspace is not None
    consents = workspace.consents
    workspace.show_page(workspace.pages.indexOf(consents))
    qtbot.waitUntil(lambda: consents.model.rowCount() == 1, timeout=WAIT_MS)
    consents.table.selectRow(0)
    if consents.erasure_button is None:
        pytest.skip("this build has no data-subject requests")
    consents.erasure_button.click()
    dialog = consents.last_dialog
    assert isinstance(dialog, RequestDialog)
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.record is not None, timeout=WAIT_MS)
    assert dialog.record is not None
    letter = dialog.record.text()
    dialog.copy_button.click()
    assert clipboard.holds_our_copy(letter)
    assert "cleared in 45 s" in dialog.note.text()
    _lock(qtbot, window)
    assert QGuiApplication.clipboard().text() == ""


# The real application, quitting on SIGTERM (as at logout) with our copy on the clipboard, and
# perhaps the user's own copied since; it prints what the clipboard holds after it quit.
QUIT_SCRIPT = """
import os, signal, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from ui import app as app_module, clipboard

application = QApplication([sys.argv[0]])

def copy_then_quit():
    clipboard.copy_secret("secret-at-quit", clear_after_seconds=0)
    if len(sys.argv) > 2:
        QGuiApplication.clipboard().setText(sys.argv[2])
    os.kill(os.getpid(), signal.SIGTERM)

QTimer.singleShot(0, copy_then_quit)
status = app_module.run(application, app_module.Options(vault_dir=Path(sys.argv[1]), demo=False))
print(repr(QGuiApplication.clipboard().text()))
QGuiApplication.clipboard().clear()
sys.exit(status)
"""


@pytest.mark.parametrize("copied_since", [None, USERS_OWN])
def test_quitting_clears_our_copy_only(tmp_path: Path, copied_since: str | None) -> None:
    arguments = [sys.executable, "-c", QUIT_SCRIPT, str(tmp_path / "no-vault")]
    if copied_since is not None:
        arguments.append(copied_since)
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        arguments, capture_output=True, text=True, timeout=60, env=environment, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == repr(copied_since or "")
