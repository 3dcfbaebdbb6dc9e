"""Light and dark appearance (ui.theme): switched live from Settings, kept in the app's settings,
following the system when asked to, with every text reading at 4.5:1 in both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import MakeWindow
from ui.accessibility import accessible_name
from ui.i18n import language
from ui.icons import icon
from ui.theme import appearance
from ui.theme.contrast import NON_TEXT_CONTRAST, TEXT_CONTRAST, contrast_ratio
from ui.theme.icons import inks_for
from ui.theme.palettes import DARK, LIGHT, is_dark, palette_for
from ui.theme.tones import Tone, tone_colour
from ui.widgets.focus_ring import install_focus_ring
from ui.widgets.layout import secondary
from ui.widgets.messages import InlineMessage

Role = QPalette.ColorRole
# (text, background) of every pair of roles Qt draws text with
TEXT_PAIRS = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),  # secondary texts (ui.widgets.layout.secondary)
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
)
BACKGROUNDS = (Role.Window, Role.Base, Role.AlternateBase)


@pytest.fixture
def app_settings(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[QSettings]:
    """The app's settings in a file of this test; the app's palette is restored after it."""
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(language, "app_settings", lambda: settings)
    before = qapp.palette()
    try:
        yield settings
    finally:
        appearance.use(qapp, appearance.FOLLOW_SYSTEM)
        qapp.setPalette(before)


def _window_colour() -> float:
    return QApplication.palette().color(Role.Window).lightnessF()


def test_switching_to_dark_and_back_repaints_the_app(app_settings: QSettings) -> None:
    appearance.switch_to(DARK)
    assert _window_colour() < 0.3
    assert is_dark(QApplication.palette())
    appearance.switch_to(LIGHT)
    assert _window_colour() > 0.8
    assert not is_dark(QApplication.palette())


def test_the_choice_is_kept_in_the_apps_settings(app_settings: QSettings, tmp_path: Path) -> None:
    appearance.switch_to(DARK)
    reread = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    assert reread.value(appearance.APPEARANCE_KEY) == DARK
    assert appearance.stored_choice() == DARK
    appearance.switch_to(appearance.FOLLOW_SYSTEM)
    assert app_settings.value(appearance.APPEARANCE_KEY) is None
    app_settings.setValue(appearance.APPEARANCE_KEY, "purple")  # edited by hand: ignored
    assert appearance.stored_choice() == appearance.FOLLOW_SYSTEM


def test_the_stored_choice_is_used_at_start(qapp: QApplication, app_settings: QSettings) -> None:
    app_settings.setValue(appearance.APPEARANCE_KEY, DARK)
    assert appearance.use_stored_choice(qapp) == DARK
    assert is_dark(qapp.palette())


@pytest.mark.parametrize("scheme", [LIGHT, DARK])
def test_every_text_reads_at_4_5_to_1(scheme: str) -> None:
    palette = palette_for(scheme)
    for text, background in TEXT_PAIRS:
        ratio = contrast_ratio(palette.color(text), palette.color(background))
        assert ratio >= TEXT_CONTRAST, f"{text.name} on {background.name}: {ratio:.2f}"
    for tone in (Tone.ERROR, Tone.WARNING, Tone.SUCCESS, Tone.MUTED):
        for background in BACKGROUNDS:
            ratio = contrast_ratio(tone_colour(tone, palette), palette.color(background))
            assert ratio >= TEXT_CONTRAST, f"{tone} on {background.name}: {ratio:.2f}"
    held = tone_colour(Tone.HELD_BACKGROUND, palette)
    assert contrast_ratio(palette.color(Role.Text), held) >= TEXT_CONTRAST


@pytest.mark.parametrize("scheme", [LIGHT, DARK])
def test_icons_stand_out_and_a_selected_one_takes_the_selections_text(scheme: str) -> None:
    palette = palette_for(scheme)
    ink, _paper = inks_for(QIcon.Mode.Normal, palette)
    for background in BACKGROUNDS:
        ratio = contrast_ratio(QColor(ink), palette.color(background))
        assert ratio >= NON_TEXT_CONTRAST, f"icon on {background.name}: {ratio:.2f}"
    selected, _ = inks_for(QIcon.Mode.Selected, palette)
    assert selected == palette.color(Role.HighlightedText).name()


def test_an_icon_is_painted_in_the_ink_of_the_appearance_in_use(app_settings: QSettings) -> None:
    home = icon("home")

    def inked() -> set[str]:
        image = home.pixmap(QSize(24, 24)).toImage()
        return {
            image.pixelColor(x, y).name()
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() == 255
        }

    appearance.switch_to(LIGHT)
    light_ink = inks_for(QIcon.Mode.Normal)[0]
    assert inked() == {light_ink}
    appearance.switch_to(DARK)  # the same icon, painted again
    dark_ink = inks_for(QIcon.Mode.Normal)[0]
    assert dark_ink != light_ink
    assert inked() == {dark_ink}


def test_following_the_system_follows_its_colour_scheme(
    qapp: QApplication, app_settings: QSettings
) -> None:
    appearance.switch_to(appearance.FOLLOW_SYSTEM)
    hints = qapp.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert is_dark(qapp.palette())
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not is_dark(qapp.palette())
    appearance.switch_to(LIGHT)  # a picked appearance stays
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark(qapp.palette())


def test_texts_in_style_sheets_and_the_focus_ring_follow_a_switch(
    qtbot: QtBot, app_settings: QSettings
) -> None:
    appearance.switch_to(LIGHT)
    parent = QWidget()
    qtbot.addWidget(parent)
    note = secondary("A secondary text")
    error = InlineMessage(error=True)
    error.show_text("An error")
    edit = QLineEdit()
    layout = QVBoxLayout(parent)
    for widget in (note, error, edit):
        layout.addWidget(widget)
    parent.show()
    ring = install_focus_ring()
    edit.setFocus()
    qtbot.waitUntil(lambda: ring.target is edit and ring.ring is not None, timeout=5_000)

    appearance.switch_to(DARK)
    window = QApplication.palette().color(Role.Window)
    for label in (note, error):
        ratio = contrast_ratio(label.palette().color(Role.WindowText), window)
        assert ratio >= TEXT_CONTRAST, f"{label.text()}: {ratio:.2f}"
    assert error.palette().color(Role.WindowText) == tone_colour(Tone.ERROR)
    qtbot.waitUntil(
        lambda: (
            ring.ring is not None and contrast_ratio(ring.ring.colour, window) >= NON_TEXT_CONTRAST
        ),
        timeout=5_000,
    )


def test_settings_switches_the_appearance_live_without_locking(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, app_settings: QSettings
) -> None:
    window = make_window(tmp_path / "demo", demo=True)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15_000)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.settings.isEnabled(), timeout=10_000)
    workspace.show_page(workspace.pages.indexOf(workspace.settings))
    combo = workspace.settings.desktop.appearance_combo
    assert combo.accessibleName() == "Appearance"
    assert accessible_name(combo)  # what a screen reader says (Qt reads a combo's choice)
    assert accessible_name(workspace.settings.desktop.tray_check) == (
        "Show an icon in the system tray"
    )

    combo.setCurrentIndex(combo.findData(DARK))
    assert is_dark(QApplication.palette())
    assert app_settings.value(appearance.APPEARANCE_KEY) == DARK
    assert window.workspace is workspace and window.runner.is_unlocked  # nothing rebuilt
    combo.setCurrentIndex(combo.findData(appearance.FOLLOW_SYSTEM))
    assert not is_dark(QApplication.palette())  # this test's system is light
    assert app_settings.value(appearance.APPEARANCE_KEY) is None
