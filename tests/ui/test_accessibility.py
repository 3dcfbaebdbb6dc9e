"""An accessible name on every control (issue 14), as a screen reader reads it through QAccessible.

Walks every visible control that Tab can reach: the unlock and first-run screens, each page of
the unlocked demo vault (which has data on every page), and the main dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import MakeWindow
from tests.ui.language_and_fonts import main_dialogs
from ui.accessibility import accessible_name, seen_name, takes_keyboard_focus
from ui.tasks import VaultRunner

WAIT_MS = 20_000


def _unnamed(root: QWidget) -> list[str]:
    """The visible, focusable controls under ``root`` that have no accessible name."""
    return [
        f"{type(widget).__name__} in {type(widget.parentWidget()).__name__}"
        for widget in root.findChildren(QWidget)
        if widget.isVisible() and takes_keyboard_focus(widget) and not accessible_name(widget)
    ]


def test_every_control_of_every_page_has_a_name(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(tmp_path / "demo", demo=True)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=WAIT_MS)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.settings.isEnabled(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: workspace.my_data.model.rowCount() > 0, timeout=WAIT_MS)
    checked = 0
    for index in range(workspace.pages.count()):
        workspace.show_page(index)
        qtbot.wait(50)  # let the page load what it shows
        assert _unnamed(window) == [], type(workspace.pages.widget(index)).__name__
        checked += sum(takes_keyboard_focus(w) for w in window.findChildren(QWidget))
    assert checked > 100


def test_the_unlock_and_first_run_screens_name_every_control(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str], tmp_path: Path
) -> None:
    window = make_window(locked_vault[0])
    assert _unnamed(window) == []
    assert accessible_name(window.unlock_page.passphrase.line_edit) == "Passphrase"
    window.unlock_page.set_recovery_mode(True)
    assert _unnamed(window) == []
    first_run = make_window(tmp_path / "new vault", first_run=True)
    assert _unnamed(first_run) == []


def test_the_main_dialogs_name_every_control(qtbot: QtBot, runner: VaultRunner) -> None:
    dialogs = main_dialogs(runner)
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert _unnamed(dialog) == [], type(dialog).__name__
        dialog.reject()


def test_a_name_comes_from_the_words_beside_a_control(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    caption, table = QLabel("Saved &versions:"), QTableView()
    paragraph, edit = QLabel("A long explanation " * 10), QLineEdit()
    edit.setPlaceholderText("Search names…")
    for widget in (caption, table, paragraph, edit):
        layout.addWidget(widget)
    assert seen_name(table) == "Saved versions"  # no mnemonic, no colon
    assert seen_name(edit) == "Search names…"  # a paragraph is no caption: the placeholder


def test_a_derived_name_follows_the_words_when_they_change(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout

    from ui.accessibility import prepare_control

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    caption, versions = QLabel("Saved versions"), QListWidget()
    layout.addWidget(caption)
    layout.addWidget(versions)
    prepare_control(versions)
    assert accessible_name(versions) == "Saved versions"
    caption.setText("Versiones guardadas")  # the language switched
    prepare_control(versions, focused=True)
    assert accessible_name(versions) == "Versiones guardadas"
    versions.setAccessibleName("Mine")  # a name set by the page is left alone
    versions.setProperty("vrmDerivedNameFallback", None)
    prepare_control(versions)
    assert accessible_name(versions) == "Mine"
