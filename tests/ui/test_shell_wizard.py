"""The first-run wizard, driven like a user would through the main window."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.ui.conftest import MakeWindow
from ui.dialogs import ask
from ui.main_window import MainWindow
from ui.pages.welcome import WelcomePage
from wallet.vault.facade import Vault, remembered_on_device

STRONG = "correct horse battery staple"
RECOVERY_KEY_PATTERN = re.compile(r"^[A-Z2-7]{5}(-[A-Z2-7]{5}){7}$")


def _wizard(window: MainWindow) -> WelcomePage:
    assert window.welcome_page is not None
    assert window.screens.currentWidget() is window.welcome_page
    return window.welcome_page


def _create(qtbot: QtBot, wizard: WelcomePage, passphrase: str = STRONG) -> None:
    wizard.form.passphrase.setText(passphrase)
    wizard.form.repeat.setText(passphrase)
    assert wizard.next_button.isEnabled()
    wizard.next_button.click()
    assert wizard.busy.is_busy  # the worker derives the key; the window keeps running
    assert not wizard.form.isEnabled()
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 1, timeout=10_000)


def test_happy_path_creates_the_vault_and_shows_the_recovery_key(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    directory = tmp_path / "new-vault"
    window = make_window(directory)
    wizard = _wizard(window)
    _create(qtbot, wizard)

    assert (directory / "vault.json").exists()
    assert (directory / "vault.db").exists()
    shown = wizard.recovery_key_label.text()
    assert RECOVERY_KEY_PATTERN.match(shown)
    pixmap = wizard.qr.pixmap()
    assert not pixmap.isNull()
    zxingcpp = pytest.importorskip("zxingcpp")
    assert [code.text for code in zxingcpp.read_barcodes(pixmap.toImage())] == [shown]

    assert not wizard.finish_button.isEnabled()
    wizard.saved.setChecked(True)
    assert wizard.finish_button.isEnabled()
    wizard.finish_button.click()
    qtbot.waitUntil(lambda: window.workspace is not None)
    assert window.screens.currentWidget() is window.workspace
    assert window.welcome_page is None

    window.lock()
    qtbot.waitUntil(lambda: not window.runner.is_unlocked)
    Vault.open_with_recovery_key(directory, shown).lock()
    Vault.open_with_passphrase(directory, STRONG).lock()


def test_weak_passphrase_needs_acknowledgement(make_window: MakeWindow, tmp_path: Path) -> None:
    wizard = _wizard(make_window(tmp_path / "v"))
    wizard.form.passphrase.setText("password1")
    wizard.form.repeat.setText("password1")
    assert not wizard.next_button.isEnabled()
    assert wizard.form.weak_acknowledged.isVisible()
    wizard.form.weak_acknowledged.setChecked(True)
    assert wizard.next_button.isEnabled()


def test_mismatch_and_short_keep_next_disabled(make_window: MakeWindow, tmp_path: Path) -> None:
    wizard = _wizard(make_window(tmp_path / "v"))
    wizard.form.passphrase.setText(STRONG)
    wizard.form.repeat.setText(STRONG + "!")
    assert not wizard.next_button.isEnabled()
    wizard.form.passphrase.setText("Zq9!")
    wizard.form.repeat.setText("Zq9!")
    assert not wizard.next_button.isEnabled()
    wizard.next_button.click()  # a disabled button does nothing
    assert not (tmp_path / "v").exists()


def test_keyring_option_disabled_with_reason(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, null_keyring: object
) -> None:
    wizard = _wizard(make_window(tmp_path / "v"))
    qtbot.waitUntil(lambda: "null" in wizard.remember_reason.text())
    assert not wizard.remember.isEnabled()


def test_remember_on_this_device(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    directory = tmp_path / "v"
    wizard = _wizard(make_window(directory))
    qtbot.waitUntil(wizard.remember.isEnabled)
    wizard.remember.setChecked(True)
    _create(qtbot, wizard)
    qtbot.waitUntil(lambda: remembered_on_device(directory), timeout=10_000)
    assert memory_keyring.secrets


def test_copy_and_save_the_recovery_key(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = _wizard(make_window(tmp_path / "v"))
    _create(qtbot, wizard)
    key = wizard.recovery_key

    wizard.copy_button.click()
    assert QGuiApplication.clipboard().text() == key

    target = tmp_path / "saved" / "key.txt"
    target.parent.mkdir()
    monkeypatch.setattr(ask, "pick_save_file", lambda *args, **kwargs: target)
    wizard.save_button.click()
    assert key in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert str(target) in wizard.recovery_message.text()


def test_finish_forgets_the_key_on_screen(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(tmp_path / "v")
    wizard = _wizard(window)
    _create(qtbot, wizard)
    wizard.saved.setChecked(True)
    wizard.finish_button.click()
    assert wizard.recovery_key == ""
    assert wizard.recovery_key_label.text() == ""


def test_quitting_before_the_recovery_key_is_saved_asks_first(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(tmp_path / "v")
    assert window.may_quit()  # nothing to lose yet
    wizard = _wizard(window)
    _create(qtbot, wizard)
    questions: list[str] = []
    quits: list[bool] = []

    def refuse(_parent: object, title: str, _text: str, **_options: object) -> bool:
        questions.append(title)
        return False

    monkeypatch.setattr(ask, "confirm", refuse)
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    window.request_quit()
    assert questions == ["Recovery key not saved"] and quits == []  # the user stayed
    wizard.saved.setChecked(True)
    window.request_quit()
    assert questions == ["Recovery key not saved"] and quits == [True]  # saved: no question
