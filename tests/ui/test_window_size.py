"""Fits a laptop (issue 14): usable at 1024×640 in English, Spanish and Italian, also with 125 %
fonts; never grows by itself; remembers its size and place (in a QSettings of the test's own,
never the user's).

The window's minimum size is measured on every page of the demo vault (which has data on every
page) in each language, at the app's font size and at 125 % of it: none may exceed 1024×640. At
125 % fonts nothing needed more either, so no larger allowance is made for them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import MakeWindow, unlock
from tests.ui.language_and_fonts import (
    FONT_SCALES,
    LANGUAGES,
    LAPTOP,
    TITLE_BAR,
    fonts_at,
    main_dialogs,
    speaking,
)
from ui.main_window import MainWindow
from ui.tasks import VaultRunner
from ui.window_geometry import GEOMETRY_KEY, is_on_a_screen

WAIT_MS = 20_000


@pytest.fixture
def larger_fonts(qapp: QApplication) -> Iterator[None]:
    """The app's font at 125 %."""
    with fonts_at(qapp, 1.25):
        yield


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


def _pages_too_big(qtbot: QtBot, window: MainWindow) -> list[str]:
    """The pages (each shown in turn, every tab of a page with tabs) on which the window cannot
    be made as small as :data:`LAPTOP`, with the smallest size it can take there."""
    workspace = window.workspace
    assert workspace is not None
    too_big = []
    for index in range(workspace.pages.count()):
        workspace.show_page(index)
        qtbot.wait(30)  # the page loads what it shows
        page = workspace.pages.currentWidget()
        assert page is not None
        for tabs in [None, *page.findChildren(QTabWidget)]:
            for tab in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(tab)
                smallest = window.minimumSizeHint().expandedTo(window.minimumSize())
                if smallest.width() > LAPTOP.width() or smallest.height() > LAPTOP.height():
                    where = f"{type(page).__name__}" + (f" tab {tab}" if tabs is not None else "")
                    too_big.append(f"{where}: {smallest.width()}×{smallest.height()}")
    return too_big


@pytest.mark.parametrize("scale", FONT_SCALES)
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_fits_a_1024_by_640_screen(
    qtbot: QtBot,
    qapp: QApplication,
    make_window: MakeWindow,
    tmp_path: Path,
    code: str,
    scale: float,
) -> None:
    with speaking(qapp, code), fonts_at(qapp, scale):
        window = _demo_workspace(qtbot, make_window, tmp_path / "demo")
        assert window.workspace is not None
        speaks_english = window.workspace.sidebar.item(1).text() == "My data"
        assert speaks_english == (code == "en")  # the language is the one measured
        too_big = _pages_too_big(qtbot, window)
    assert too_big == [], "\n".join(too_big)


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


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_main_dialogs_fit_with_fonts_at_125_percent(
    qtbot: QtBot, qapp: QApplication, runner: VaultRunner, larger_fonts: None, code: str
) -> None:
    with speaking(qapp, code):
        dialogs = main_dialogs(runner)
    assert (dialogs[0].windowTitle() == "Give consent") == (code == "en")  # in that language
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        name = type(dialog).__name__
        smallest = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        assert smallest.width() <= LAPTOP.width(), (name, smallest)
        assert smallest.height() <= LAPTOP.height() - TITLE_BAR, (name, smallest)
        dialog.close()


def test_a_clause_title_wraps_and_ticks_its_clause_when_clicked(
    qtbot: QtBot, runner: VaultRunner
) -> None:
    from PySide6.QtCore import Qt

    from ui.accessibility import accessible_name
    from ui.pages.terms_page import TermsPage

    page = TermsPage(runner)
    qtbot.addWidget(page)
    page.show()
    row = page.clause_rows["CC-RETENTION-DAYS"]
    assert row.check.text() == "" and row.title.wordWrap()  # a long title cannot widen the page
    assert accessible_name(row.check) == row.title.text() == "Retention limit"
    qtbot.mouseClick(row.title, Qt.MouseButton.LeftButton)
    assert row.check.isChecked() and row.editors["days"].isEnabled()
    assert page.focusWidget() is row.check  # where Space and Tab go on from
    qtbot.keyClick(row.check, Qt.Key.Key_Space)  # the keyboard still ticks the box itself
    assert not row.check.isChecked()
    page.language_combo.setCurrentIndex(page.language_combo.findData("es"))
    assert accessible_name(row.check) == row.title.text() != "Retention limit"


def test_the_free_text_list_takes_room_only_once_it_lists_a_clause(
    qtbot: QtBot, runner: VaultRunner
) -> None:
    from ui.pages.terms_page import TermsPage

    page = TermsPage(runner)
    qtbot.addWidget(page)
    page.show()
    assert not page.free_text_list.isVisible()  # the clauses above have its room
    assert not page.remove_free_text_button.isEnabled()
    page.free_text_edit.setText("Write to me in Spanish")
    page.add_free_text_button.click()
    assert page.free_text_list.isVisible() and page.remove_free_text_button.isEnabled()
    page.free_text_list.setCurrentRow(0)
    page.remove_free_text_button.click()
    assert not page.free_text_list.isVisible()
