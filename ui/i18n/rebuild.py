"""The main window in a new language, without a restart and without locking.

Qt retranslates its own widgets when the translators change (a ``LanguageChange`` event), but our
texts are set once, when a widget is built. So when the language changes the window builds its
screens again: the unlocked workspace (the vault stays open; the same page is shown, and a terms
draft on My terms is carried over), the unlock screen, and the menu. Building again, rather than
each widget retranslating itself, leaves no text behind in the old language and no code path
that only a language change runs.

A dialog may be open when the language changes (nothing in the app does that, as the language is
picked on the Settings page behind its window-modal dialogs, but a translator may be installed
by other code): what is typed there must not be lost, so the rebuild waits until it closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMenu

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from wallet.terms.compose import ClauseChoice


class LanguageFollower(QObject):
    """Rebuilds ``window``'s screens after each change of language (one rebuild for the
    several ``LanguageChange`` events of one switch)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._pending = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._window
            and event.type() == QEvent.Type.LanguageChange
            and not self._pending
        ):
            self._pending = True
            QTimer.singleShot(0, self, self._rebuild)  # once every translator is in place
        return False

    def _rebuild(self) -> None:
        if not self._window.isVisible():  # closed: the app is quitting
            self._pending = False
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            dialog.finished.connect(lambda _result: QTimer.singleShot(0, self, self._rebuild))
            return
        self._pending = False
        rebuild_in_language(self._window)


def follow_language_changes(window: MainWindow) -> LanguageFollower:
    """Make ``window`` rebuild its screens whenever the language changes."""
    return LanguageFollower(window)


def rebuild_in_language(window: MainWindow) -> None:
    """Build ``window``'s title, menu, unlock screen and workspace again in the current language."""
    window.setWindowTitle(
        QCoreApplication.translate("MainWindow", "VRM Wallet (demo)")
        if window.demo
        else QCoreApplication.translate("MainWindow", "VRM Wallet")
    )
    _rebuild_menu(window)
    _rebuild_unlock_page(window)
    _rebuild_workspace(window)


def _rebuild_menu(window: MainWindow) -> None:
    menu_bar = window.menuBar()
    old_menus = [menu for action in menu_bar.actions() if isinstance(menu := action.menu(), QMenu)]
    old_actions = [action for menu in old_menus for action in menu.actions()]
    old_shortcuts = window.shortcuts
    menu_bar.clear()
    for old in (*old_actions, *old_menus, old_shortcuts):
        old.deleteLater()  # their shortcuts would be ambiguous with the new actions'
    window._build_menu()
    unlocked = window.workspace is not None
    window.lock_action.setEnabled(unlocked)
    window.shortcuts.set_enabled(unlocked)


def _rebuild_unlock_page(window: MainWindow) -> None:
    from ui.pages.unlock import UnlockPage

    old = window.unlock_page
    demo_passphrase = None
    if window.demo:
        from vendorkit.demo import DEMO_PASSPHRASE

        demo_passphrase = DEMO_PASSPHRASE
    new = UnlockPage(
        window.runner,
        window.background,
        vault_dir=window.vault_dir,
        demo_passphrase=demo_passphrase,
    )
    shown = window.screens.currentWidget() is old
    window.screens.insertWidget(window.screens.indexOf(old), new)
    window.unlock_page = new
    if shown:
        window.screens.setCurrentWidget(new)
        new.refresh()
    window.screens.removeWidget(old)
    old.deleteLater()


def _rebuild_workspace(window: MainWindow) -> None:
    workspace = window.workspace
    if workspace is None:
        return
    row = workspace.sidebar.currentRow()
    draft: tuple[list[ClauseChoice], str | None] = (
        workspace.terms.choices(),
        workspace.terms.agreement(),
    )
    settings_shown = workspace.pages.currentWidget() is workspace.settings
    window._drop_workspace()
    window._show_workspace()
    rebuilt = window.workspace
    if rebuilt is None:
        return
    rebuilt.show_page(row)
    if draft[0] or draft[1]:
        rebuilt.terms.load_choices(*draft)
    if settings_shown:
        rebuilt.settings.language_combo.setFocus()
