"""The interface in Spanish and Italian, switched live in Settings (issue 14.1).

The language is picked on the Settings page of an unlocked demo vault: the window builds its
screens again in that language while the vault stays open on the same page, Qt's own dialog
buttons follow, and dates are written the locale's way. The catalogues are the real ones
(``resources/translations/*.qm``, compiled here when ``make translations`` has not run).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QRadioButton,
    QStyle,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.test_i18n_catalogue import read_messages
from tests.ui.conftest import MakeWindow
from tests.ui.language_and_fonts import (
    FONT_SCALES,
    LANGUAGES,
    LAPTOP,
    fonts_at,
    main_dialogs,
    offer_details_panel,
    speaking,
)
from ui.i18n import language
from ui.i18n.rebuild import follow_language_changes
from ui.i18n.update import TRANSLATIONS, build_catalogues
from ui.main_window import MainWindow, Workspace
from ui.tasks import VaultRunner


@pytest.fixture
def app_settings(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[QSettings]:
    """The app's settings in a file of this test; the language in use is restored after it."""
    build_catalogues()
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(language, "app_settings", lambda: settings)
    before, translated = QLocale(), bool(language.installed())
    try:
        yield settings
    finally:
        language.use(qapp, before)
        if not translated:  # as before the test: no catalogue (English plurals included)
            language.remove_all(qapp)
        for _ in range(3):  # the windows rebuild now, while their workers still run
            QApplication.processEvents()


def _demo_on_settings(qtbot: QtBot, make_window: MakeWindow, directory: Path) -> MainWindow:
    window = make_window(directory, demo=True)
    follow_language_changes(window)  # as ui.app.create_main_window does
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15_000)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.settings.isEnabled(), timeout=10_000)
    workspace.show_page(workspace.pages.indexOf(workspace.settings))
    return window


def _switch(qtbot: QtBot, window: MainWindow, code: str) -> Workspace:
    """Pick ``code`` in Settings; the rebuilt workspace once its settings are shown."""
    old = window.workspace
    assert old is not None
    combo = old.settings.language_combo
    combo.setCurrentIndex(combo.findData(code))
    qtbot.waitUntil(lambda: window.workspace not in (None, old), timeout=10_000)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.settings.isEnabled(), timeout=10_000)
    return workspace


def test_switching_language_rebuilds_the_window_in_it_without_locking(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, app_settings: QSettings
) -> None:
    window = _demo_on_settings(qtbot, make_window, tmp_path / "demo")
    workspace = _switch(qtbot, window, "it")
    assert window.runner.is_unlocked
    assert workspace.pages.currentWidget() is workspace.settings  # the same page
    assert workspace.settings.language_combo.currentData() == "it"
    assert workspace.sidebar.item(1).text() == "I miei dati"
    assert window.menuBar().actions()[0].text() != "&Vault"
    assert window.unlock_page.unlock_button.text() != "Unlock"
    assert app_settings.value(language.LANGUAGE_KEY) == "it"
    assert QLocale().language() == QLocale.Language.Italian
    assert "dicembre" in QLocale().toString(QDate(2026, 12, 14), QLocale.FormatType.LongFormat)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annulla"

    workspace = _switch(qtbot, window, "en")
    assert workspace.sidebar.item(1).text() == "My data"
    assert window.runner.is_unlocked
    assert QCoreApplication.translate("Workspace", "My data") == "My data"


def test_following_the_system_forgets_the_choice(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, app_settings: QSettings
) -> None:
    window = _demo_on_settings(qtbot, make_window, tmp_path / "demo")
    _switch(qtbot, window, "es")
    assert app_settings.value(language.LANGUAGE_KEY) == "es"
    _switch(qtbot, window, language.FOLLOW_SYSTEM)
    assert app_settings.value(language.LANGUAGE_KEY) is None
    assert language.stored_choice() == language.FOLLOW_SYSTEM


def test_a_picked_language_keeps_the_systems_country_when_it_speaks_it() -> None:
    mexico = QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)
    assert language.locale_for("es", system=mexico) == mexico
    assert language.locale_for("it", system=mexico).language() == QLocale.Language.Italian
    assert language.locale_for("", system=mexico) == mexico
    bare = language.locale_for("", system=QLocale.c())
    assert bare.language() == QLocale.Language.English
    assert language.current_language(QLocale("it_CH")).name == "Italiano"
    assert language.current_language(QLocale("de_DE")).code == "en"


def _translated_sources(code: str) -> set[str]:
    """The English texts that ``code``'s catalogue translates into something else: shown as
    they are, they are English left behind."""
    path = TRANSLATIONS / f"vrm-wallet_{code}.ts"
    return {
        message.source
        for message in read_messages(path)
        if not message.unfinished and any(t and t != message.source for t in message.translations)
    }


def _visible_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """The visible labels' and buttons' plain texts under ``root``."""
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
            text = widget.text()
            if text and not ("<" in text and ">" in text):  # rich text: laid out otherwise
                yield widget, text
        elif isinstance(widget, QAbstractButton) and widget.text():
            yield widget, widget.text()


def _clipped(widget: QWidget, text: str) -> bool:
    """True if ``text`` is wider than ``widget`` can show (labels that wrap are never)."""
    if isinstance(widget, QLabel) and widget.wordWrap():
        return False
    shown = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    width = max(widget.fontMetrics().horizontalAdvance(line) for line in shown.splitlines() or [""])
    if isinstance(widget, QAbstractButton):
        if not widget.icon().isNull():
            width += widget.iconSize().width()
        if isinstance(widget, QCheckBox | QRadioButton):
            width += widget.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    return width > widget.contentsRect().width()


def _walk_pages(qtbot: QtBot, window: MainWindow) -> Iterator[QWidget]:
    workspace = window.workspace
    assert workspace is not None
    for row in range(workspace.sidebar.count()):
        workspace.show_page(row)
        qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=10_000)
        QApplication.processEvents()
        page = workspace.pages.currentWidget()
        assert page is not None
        yield page


@pytest.mark.parametrize("code", ["es", "it"])
def test_the_main_pages_show_no_english_left_behind(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, app_settings: QSettings, code: str
) -> None:
    window = _demo_on_settings(qtbot, make_window, tmp_path / "demo")
    _switch(qtbot, window, code)
    english = _translated_sources(code)
    left = [
        f"{type(page).__name__}: {text!r}"
        for page in _walk_pages(qtbot, window)
        for _widget, text in _visible_texts(page)
        if text in english
    ]
    menus = window.menuBar().actions()
    submenus = [menu for action in menus if isinstance(menu := action.menu(), QMenu)]
    actions = [*menus, *(action for menu in submenus for action in menu.actions())]
    left += [f"menu: {action.text()!r}" for action in actions if action.text() in english]
    assert left == [], "\n".join(left)


@pytest.mark.parametrize("scale", FONT_SCALES)
@pytest.mark.parametrize("code", LANGUAGES)
def test_no_label_or_button_is_clipped_on_a_laptop_screen(
    qtbot: QtBot,
    qapp: QApplication,
    make_window: MakeWindow,
    tmp_path: Path,
    app_settings: QSettings,
    code: str,
    scale: float,
) -> None:
    with fonts_at(qapp, scale):
        window = _demo_on_settings(qtbot, make_window, tmp_path / "demo")
        window.resize(LAPTOP)
        qtbot.waitUntil(lambda: window.size() == LAPTOP)
        if code != "en":
            _switch(qtbot, window, code)
        clipped = [
            f"{type(page).__name__}: {text!r} ({type(widget).__name__}, {widget.width()} px)"
            for page in _walk_pages(qtbot, window)
            for widget, text in _visible_texts(page)
            if _clipped(widget, text)
        ]
        assert window.size() == LAPTOP  # neither the language nor a page made it grow
    assert clipped == [], "\n".join(clipped)


@pytest.mark.parametrize("scale", FONT_SCALES)
@pytest.mark.parametrize("code", LANGUAGES)
def test_no_label_or_button_of_a_dialog_is_clipped(
    qtbot: QtBot, qapp: QApplication, runner: VaultRunner, code: str, scale: float
) -> None:
    """The consent (grant) dialog, the intention composer, the other main dialogs and the
    selected offer's details, at the size they open at, in each language and font size."""
    with fonts_at(qapp, scale):
        with speaking(qapp, code):
            dialogs = [*main_dialogs(runner), offer_details_panel()]
        clipped = []
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            QApplication.processEvents()
            clipped += [
                f"{type(dialog).__name__}: {text!r} ({type(widget).__name__}, {widget.width()} px)"
                for widget, text in _visible_texts(dialog)
                if _clipped(widget, text)
            ]
            dialog.close()
    assert clipped == [], "\n".join(clipped)
