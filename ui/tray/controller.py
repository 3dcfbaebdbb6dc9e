"""The system tray icon: shown only when the person turned it on in Settings and the desktop has
a tray (``QSystemTrayIcon.isSystemTrayAvailable``).

Its menu opens the window, locks the vault (only while it is unlocked: the window's own Lock
action is triggered, the one behind Ctrl+L, looked up then as a change of language builds it
anew) and quits. Its tooltip says whether the vault is
locked and, while it is open, how many reminders are due, as the home page's reminder watch
(:class:`~ui.reminders.watch.ReminderWatch`) last found them; names stay behind the lock.

With the icon shown, closing the window hides it and the app keeps running, as KeePassXC does
with its tray option: reminders keep coming while the vault is open, and the vault still locks
by itself (the idle timer runs on, as no input reaches a hidden window; the screen lock too).
Quit (the tray's, or the window's menu) ends the app and locks the vault. Without the icon,
closing the window quits, as before. Nothing here takes part in locking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from ui.icons import APP_ICON, icon
from ui.tray.setting import tray_setting, wanted

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def tray_available() -> bool:
    """Whether the desktop shows a system tray (tests without one replace this)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


class TrayMenu(QMenu):
    """The icon's menu: Open, Lock now, Quit; its texts follow the interface's language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_action = QAction(self)
        self.lock_action = QAction(self)
        self.quit_action = QAction(self)
        self.addAction(self.open_action)
        self.addAction(self.lock_action)
        self.addSeparator()
        self.addAction(self.quit_action)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts in the interface's language."""
        self.open_action.setText(self.tr("Open VRM Wallet"))
        self.lock_action.setText(self.tr("Lock now"))
        self.quit_action.setText(self.tr("Quit"))


class TrayController(QObject):
    """Shows, updates and hides the tray icon of ``window``.

    Attributes (for tests): ``menu`` (the :class:`TrayMenu`, whose actions work with or without
    the icon), ``icon`` (the ``QSystemTrayIcon`` while shown, else ``None``), ``due`` (the
    number of reminders due, 0 while locked), ``tooltip`` (the icon's text).
    """

    def __init__(self, window: MainWindow, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._watched_workspace: QWidget | None = None
        self._told_still_running = False
        self.icon: QSystemTrayIcon | None = None
        self.due = 0
        self.tooltip = ""
        self.menu = TrayMenu(window)
        self.menu.open_action.triggered.connect(self.open_window)
        self.menu.lock_action.triggered.connect(self.lock_now)
        self.menu.quit_action.triggered.connect(window.request_quit)
        window.screens.currentChanged.connect(self._on_screen_changed)
        window.runner.locked.connect(self._refresh_state)
        window.installEventFilter(self)  # its language changes, its hiding
        tray_setting().changed.connect(self.set_wanted)
        self._refresh_state()
        self.set_wanted(wanted())

    # ------------------------------------------------------------------ showing

    def set_wanted(self, on: bool) -> None:
        """Show the icon if ``on`` and the desktop has a tray; else remove it."""
        app = QApplication.instance()
        shown = on and tray_available()
        if shown and self.icon is None:
            self.icon = QSystemTrayIcon(icon(APP_ICON), self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._on_activated)
            self.icon.setToolTip(self.tooltip)
            self.icon.show()
        elif not shown and self.icon is not None:
            self.icon.hide()
            self.icon.deleteLater()
            self.icon = None
        if isinstance(app, QApplication):
            # With the icon, closing the window leaves the app running in the tray.
            app.setQuitOnLastWindowClosed(not shown)

    def open_window(self) -> None:
        """Show the window in front (from the tray, where it may have been hidden)."""
        window = self._window
        window.show()
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    def lock_now(self) -> None:
        """Lock as Ctrl+L does: through the window's Lock action (disabled while locked)."""
        self._window.lock_action.trigger()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:  # a left click
            self.open_window()

    # ------------------------------------------------------------------ state

    def _unlocked(self) -> bool:
        """The window shows its workspace exactly while the vault is open."""
        return self._window.workspace is not None

    def _refresh_state(self) -> None:
        unlocked = self._unlocked()
        self.menu.lock_action.setEnabled(unlocked)
        self.menu.lock_action.setVisible(unlocked)
        if not unlocked:
            self.due = 0
            self._watched_workspace = None
        self._update_tooltip()

    def _on_screen_changed(self, _index: int) -> None:
        """The workspace is shown (after unlocking, or built again in a new language): follow
        its reminder watch."""
        workspace = self._window.workspace
        if workspace is not None and workspace is not self._watched_workspace:
            self._watched_workspace = workspace
            workspace.reminders.checked.connect(self._on_reminders_checked)
            self.due = len(workspace.reminders.due)
        self._refresh_state()

    def _on_reminders_checked(self, due: list[object]) -> None:
        self.due = len(due)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        if not self._unlocked():
            self.tooltip = self.tr("VRM Wallet: locked")
        elif self.due:
            self.tooltip = self.tr("VRM Wallet: %n reminder(s) due", "", self.due)
        else:
            self.tooltip = self.tr("VRM Wallet: nothing due")
        if self.icon is not None:
            self.icon.setToolTip(self.tooltip)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window's language changed: so do the tooltip and menu. The window was hidden while
        the icon shows: say once that the app runs on."""
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.menu.retranslate()
            self._update_tooltip()
        elif (
            kind == QEvent.Type.Hide
            and self.icon is not None
            and not self._told_still_running
            and shiboken6.isValid(self.icon)
            and self.icon.supportsMessages()
        ):
            self._told_still_running = True
            self.icon.showMessage(
                self.tr("VRM Wallet is still running"),
                self.tr(
                    "Open it or quit it from its icon in the tray. The vault locks by itself "
                    "as set in Settings."
                ),
                icon(APP_ICON),
            )
        return False
