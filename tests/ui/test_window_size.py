"""Fits a laptop (issue 14): usable at 1024×640, also with 125 % fonts; never grows by itself;
remembers its size and place (in a QSettings of the test's own, never the user's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import MakeWindow, unlock
from ui.main_window import MainWindow
from ui.tasks import VaultRunner
from ui.window_geometry import GEOMETRY_KEY, is_on_a_screen

LAPTOP = QSize(1024, 640)
WAIT_MS = 20_000


@pytest.fixture
def larger_fonts(qapp: QApplication) -> Iterator[None]:
    """The app's font at 125 %, as a person who chose larger text has it."""
    font = qapp.font()
    larger = qapp.font()
    larger.setPointSizeF(font.pointSizeF() * 1.25)
    qapp.setFont(larger)
    yield
    qapp.setFont(font)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "vrm-wallet.conf"), QSettings.Format.IniFormat)


def _demo_workspace(qtbot: QtBot, make_window: MakeWindow, directory: Path) -> MainWindow:
    window = make_window(directory, demo=True)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=WAIT_MS)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.settings.isEnabled(), timeout=WAIT_MS)
    return window


def _smallest_with_every_page(qtbot: QtBot, window: MainWindow) -> QSize:
    """The smallest size the window can take, over every page shown in turn."""
    workspace = window.workspace
    assert workspace is not None
    smallest = QSize(0, 0)
    for index in range(workspace.pages.count()):
        workspace.show_page(index)
        qtbot.wait(30)  # the page loads what it shows
        smallest = smallest.expandedTo(window.minimumSizeHint()).expandedTo(window.minimumSize())
    return smallest


def test_every_page_fits_a_1024_by_640_screen(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = _demo_workspace(qtbot, make_window, tmp_path / "demo")
    smallest = _smallest_with_every_page(qtbot, window)
    assert smallest.width() <= LAPTOP.width() and smallest.height() <= LAPTOP.height(), smallest


def test_every_page_fits_with_fonts_at_125_percent(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, larger_fonts: None
) -> None:
    window = _demo_workspace(qtbot, make_window, tmp_path / "demo")
    smallest = _smallest_with_every_page(qtbot, window)
    assert smallest.width() <= LAPTOP.width() and smallest.height() <= LAPTOP.height(), smallest


def test_unlocking_does_not_resize_the_window(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    window = make_window(locked_vault[0])
    window.resize(LAPTOP)
    qtbot.waitUntil(lambda: window.size() == LAPTOP)
    unlock(qtbot, window)
    workspace = window.workspace
    assert workspace is not None
    for index in range(workspace.pages.count()):
        workspace.show_page(index)
        qtbot.wait(30)
        assert window.size() == LAPTOP, type(workspace.pages.currentWidget()).__name__


def test_size_and_place_are_remembered_across_runs(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str], settings: QSettings
) -> None:
    first = make_window(locked_vault[0])
    first.remember_geometry(settings)
    first.setGeometry(QRect(QPoint(40, 30), QSize(700, 500)))  # within the test screen
    qtbot.waitUntil(lambda: first.size() == QSize(700, 500))
    place = first.geometry()
    first.close()
    assert settings.value(GEOMETRY_KEY) is not None

    second = make_window(locked_vault[0])
    second.remember_geometry(settings)
    assert second.geometry() == place


def test_a_place_no_screen_shows_is_not_restored(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str], settings: QSettings
) -> None:
    first = make_window(locked_vault[0])
    first.remember_geometry(settings)
    first.move(QPoint(20_000, 20_000))  # on a monitor since unplugged
    first.close()

    second = make_window(locked_vault[0])
    second.remember_geometry(settings)
    assert is_on_a_screen(second.frameGeometry())
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(second.frameGeometry().center())


def test_a_first_run_opens_within_the_screen(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, settings: QSettings
) -> None:
    window = make_window(tmp_path / "new vault", first_run=True)
    window.remember_geometry(settings)  # nothing saved yet: the default
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert screen.contains(window.frameGeometry().center())
    assert window.width() <= screen.width() and window.height() <= screen.height()


def test_the_main_dialogs_fit_with_fonts_at_125_percent(
    qtbot: QtBot, runner: VaultRunner, larger_fonts: None
) -> None:
    from ui.dialogs.change_passphrase import ChangePassphraseDialog
    from ui.dialogs.field_dialog import FieldDialog
    from ui.dialogs.grant_dialog import GrantDialog
    from ui.dialogs.intention_dialogs import IntentionDialog
    from ui.dialogs.request_dialog import RequestDialog

    vendors = [("shop", "Demo Shop")]
    for dialog in (
        GrantDialog(runner, vendors=vendors),
        IntentionDialog(proposals=[(1, "5 % off groceries")], has_terms=True),
        FieldDialog(),
        RequestDialog(runner, vendor_id="shop", vendor_name="Demo Shop"),
        ChangePassphraseDialog(runner),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        smallest = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        assert smallest.width() <= LAPTOP.width(), type(dialog).__name__
        assert smallest.height() <= LAPTOP.height() - 48, type(dialog).__name__  # + title bar
        dialog.reject()
