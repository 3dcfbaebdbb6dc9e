"""By keyboard alone (issue 14): Tab leaves text boxes and grids, Enter submits the first-run
form, shortcuts for lock, search and a new intention, a visible focus ring, a logical tab order."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import MakeWindow, unlock
from ui.dialogs.intention_dialogs import IntentionDialog
from ui.main_window import Workspace
from ui.pages.welcome import WelcomePage
from ui.widgets.focus_ring import MIN_CONTRAST, contrast_ratio, install_focus_ring, ring_colour

STRONG_PASSPHRASE = "correct horse battery staple orbit"
WAIT_MS = 10_000


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=WAIT_MS)


def _workspace(qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]) -> Workspace:
    window = make_window(locked_vault[0])
    unlock(qtbot, window)
    assert window.workspace is not None
    return window.workspace


def _tab_chain(start: QWidget, count: int) -> list[QWidget]:
    """The next ``count`` widgets Tab would reach from ``start`` (visible, enabled, tabbable)."""
    chain: list[QWidget] = []
    widget = start
    while len(chain) < count:
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        policy = widget.focusPolicy()
        tabbable = policy.value & Qt.FocusPolicy.TabFocus.value
        if tabbable and widget.isVisible() and widget.isEnabled() and widget.focusProxy() is None:
            chain.append(widget)
    return chain


def test_tab_in_the_description_moves_on_instead_of_typing_a_tab(qtbot: QtBot) -> None:
    dialog = IntentionDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _focus(qtbot, dialog.description_edit)
    qtbot.keyClicks(dialog.description_edit, "Blue")
    qtbot.keyClick(dialog.description_edit, Qt.Key.Key_Tab)
    assert dialog.description_edit.toPlainText() == "Blue"
    assert not dialog.description_edit.hasFocus()
    # Every multi-line box of the dialogs does the same.
    for edit in dialog.findChildren(QPlainTextEdit):
        assert edit.tabChangesFocus()


def test_tab_leaves_the_overview_grid(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    workspace = _workspace(qtbot, make_window, locked_vault)
    overview = workspace.overview
    workspace.show_page(workspace.pages.indexOf(overview))
    qtbot.waitUntil(lambda: overview.loaded is not None, timeout=WAIT_MS)
    overview.stack.setCurrentWidget(overview.table)  # as it is when a vendor holds data
    assert not overview.table.tabKeyNavigation()
    _focus(qtbot, overview.table)
    qtbot.keyClick(overview.table, Qt.Key.Key_Tab)
    assert not overview.table.hasFocus()
    for table in workspace.findChildren(QTableView):
        assert not table.tabKeyNavigation(), table


def _welcome_page(make_window: MakeWindow, tmp_path: Path) -> WelcomePage:
    page = make_window(tmp_path / "new vault", first_run=True).welcome_page
    assert page is not None
    return page


def test_enter_in_repeat_it_creates_the_vault(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    page = _welcome_page(make_window, tmp_path)
    _focus(qtbot, page.form.passphrase.line_edit)
    page.form.passphrase.setText(STRONG_PASSPHRASE)
    qtbot.keyClick(page.form.passphrase.line_edit, Qt.Key.Key_Return)
    assert page.form.repeat.line_edit.hasFocus()  # Enter in the first goes on to the second
    page.form.repeat.setText(STRONG_PASSPHRASE)
    qtbot.waitUntil(page.next_button.isEnabled, timeout=WAIT_MS)
    qtbot.keyClick(page.form.repeat.line_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 1, timeout=WAIT_MS)


def test_enter_before_the_passphrase_is_acceptable_does_nothing(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    page = _welcome_page(make_window, tmp_path)
    page.form.passphrase.setText(STRONG_PASSPHRASE)
    page.form.repeat.setText("something else entirely")
    qtbot.keyClick(page.form.repeat.line_edit, Qt.Key.Key_Return)
    assert page.steps.currentIndex() == 0 and not page.busy.isVisible()


def test_shortcuts_find_and_new_intention_are_on_the_menu(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    window = make_window(locked_vault[0])
    shortcuts = window.shortcuts
    menu_actions = window.menuBar().actions()[0].menu().actions()
    for action, keys in (
        (window.lock_action, "Ctrl+L"),
        (shortcuts.find_action, "Ctrl+F"),
        (shortcuts.new_intention_action, "Ctrl+N"),
    ):
        assert action.shortcut() == QKeySequence(keys)
        assert action in menu_actions  # a menu shows its shortcut beside it
        assert not action.isEnabled()  # nothing to lock, find or create while locked
    unlock(qtbot, window)
    workspace = window.workspace
    assert workspace is not None and shortcuts.find_action.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)

    # Tooltips name the keys too.
    assert workspace.activity.search_edit.toolTip().endswith("(Ctrl+F)")
    assert workspace.consents.status_combo.toolTip().endswith("(Ctrl+F)")
    assert workspace.intentions.new_button.toolTip().endswith("(Ctrl+N)")
    workspace.show_page(workspace.pages.indexOf(workspace.activity))
    shortcuts.find_action.trigger()
    qtbot.waitUntil(workspace.activity.search_edit.hasFocus, timeout=WAIT_MS)
    workspace.show_page(workspace.pages.indexOf(workspace.consents))
    shortcuts.find_action.trigger()  # no search there: its filter
    qtbot.waitUntil(workspace.consents.status_combo.hasFocus, timeout=WAIT_MS)
    workspace.show_page(workspace.pages.indexOf(workspace.vendors))
    shortcuts.find_action.trigger()  # no search there: said in the status bar
    assert window.statusBar().currentMessage() == "This page has no search or filter."

    shortcuts.new_intention_action.trigger()
    assert workspace.pages.currentWidget() is workspace.intentions
    qtbot.waitUntil(
        lambda: isinstance(workspace.intentions.last_dialog, IntentionDialog), timeout=WAIT_MS
    )
    workspace.intentions.last_dialog.reject()


def test_the_focus_ring_follows_the_focus_in_a_colour_that_stands_out(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    window = make_window(locked_vault[0])
    ring = install_focus_ring()
    assert install_focus_ring() is ring  # one for the whole app
    for widget in (window.unlock_page.unlock_button, window.unlock_page.passphrase.line_edit):
        _focus(qtbot, widget)
        qtbot.waitUntil(lambda: ring.ring is not None and ring.ring.isVisible(), timeout=WAIT_MS)
        assert ring.target is widget and ring.ring is not None
        around = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert ring.ring.geometry().contains(around)  # just outside the control, all round
        assert not ring.ring.mask().contains(around.center() - ring.ring.pos())
        background = widget.palette().color(QPalette.ColorRole.Window)
        assert contrast_ratio(ring_colour(widget.palette()), background) >= MIN_CONTRAST


def test_the_ring_colour_stands_out_in_light_dark_and_faint_palettes() -> None:
    light = QPalette(QColor("#efefef"))
    light.setColor(QPalette.ColorRole.Highlight, QColor("#308cc6"))
    dark = QPalette(QColor("#353535"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#ffffff"))
    dark.setColor(QPalette.ColorRole.Highlight, QColor("#2a82da"))
    faint = QPalette(QColor("#ffffff"))
    faint.setColor(QPalette.ColorRole.WindowText, QColor("#000000"))
    faint.setColor(QPalette.ColorRole.Highlight, QColor("#cfe8fc"))  # too pale on white
    for palette in (light, dark, faint, QApplication.palette()):
        background = palette.color(QPalette.ColorRole.Window)
        assert contrast_ratio(ring_colour(palette), background) >= MIN_CONTRAST
    assert ring_colour(faint) == QColor("#000000")
    assert round(contrast_ratio(QColor("black"), QColor("white")), 1) == 21.0


def test_tab_order_of_the_unlock_screen(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    window = make_window(locked_vault[0])
    page = window.unlock_page
    chain = _tab_chain(page.passphrase.line_edit, 3)
    assert chain[:3] == [page.passphrase.toggle, page.unlock_button, page.use_recovery_button]


def test_tab_order_of_the_workspace_goes_sidebar_page_lock(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    workspace = _workspace(qtbot, make_window, locked_vault)
    page = workspace.pages.currentWidget()  # the first page: Home
    chain = _tab_chain(workspace.sidebar, 200)
    in_page = [page.isAncestorOf(widget) for widget in chain]
    lock = chain.index(workspace.lock_button)
    assert all(in_page[:lock]) and lock > 0  # the whole page, then Lock


def test_tab_order_of_the_first_run_form(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    page = _welcome_page(make_window, tmp_path)
    page.form.passphrase.setText(STRONG_PASSPHRASE)
    page.form.repeat.setText(STRONG_PASSPHRASE)
    qtbot.waitUntil(page.next_button.isEnabled, timeout=WAIT_MS)
    form = page.form
    chain = _tab_chain(form.passphrase.line_edit, 4)
    assert chain[:3] == [form.passphrase.toggle, form.repeat.line_edit, form.repeat.toggle]
    rest = _tab_chain(form.repeat.toggle, 3)
    assert page.next_button in rest  # then (the keyring box when it applies) Create vault
