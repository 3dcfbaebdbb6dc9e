"""Keyboard shortcuts of the unlocked workspace, on the Vault menu (where they are shown).

Lock (Ctrl+L) lives with the main window, which has it from the start; these two need a vault:

- **New intention** (Ctrl+N): shows Intentions and opens its composer.
- **Find on this page** (Ctrl+F): puts the focus in the shown page's search field (a page's
  ``search_edit``) or, without one, its filter (``status_combo``), or says in the status bar
  that the page has neither.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QWidget

from ui.accessibility import accessible_name

if TYPE_CHECKING:
    from ui.main_window import Workspace

NEW_INTENTION_SHORTCUT = "Ctrl+N"
FIND_SHORTCUT = "Ctrl+F"
NO_SEARCH_MESSAGE_MS = 4000
FIND_FIELDS = ("search_edit", "status_combo")  # page attributes, the first found wins


class WorkspaceShortcuts(QObject):
    """The workspace's shortcut actions for ``window``; ``workspace`` returns the one shown.

    Attributes: ``new_intention_action``, ``find_action``, ``actions`` (both, in menu order).
    """

    def __init__(self, window: QMainWindow, *, workspace: Callable[[], Workspace | None]) -> None:
        super().__init__(window)
        self._window = window
        self._workspace = workspace
        self.new_intention_action = self._action(
            self.tr("&New intention…"), NEW_INTENTION_SHORTCUT, self.new_intention
        )
        self.find_action = self._action(self.tr("&Find on this page"), FIND_SHORTCUT, self.find)
        self.actions = [self.new_intention_action, self.find_action]

    def _action(self, text: str, shortcut: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._window)
        # setShortcuts([one]): see MainWindow._build_menu (no Qt namespace at the first window).
        action.setShortcuts([QKeySequence(shortcut)])
        action.setEnabled(False)
        action.triggered.connect(slot)
        return action

    def set_enabled(self, enabled: bool) -> None:
        """Enable the actions while a vault is unlocked (and name the keys in the tooltips of
        what they reach, the workspace being new)."""
        for action in self.actions:
            action.setEnabled(enabled)
        workspace = self._workspace() if enabled else None
        if workspace is None:
            return
        _tell_shortcut(workspace.intentions.new_button, NEW_INTENTION_SHORTCUT)
        for index in range(workspace.pages.count()):
            field = _find_field(workspace.pages.widget(index))
            if field is not None:
                _tell_shortcut(field, FIND_SHORTCUT)

    def new_intention(self) -> None:
        """Show Intentions and open its composer."""
        workspace = self._workspace()
        if workspace is not None:
            workspace.compose_intention()

    def find(self) -> None:
        """Focus the shown page's search field, or say there is none."""
        workspace = self._workspace()
        field = _find_field(workspace.pages.currentWidget() if workspace is not None else None)
        if field is None:
            self._window.statusBar().showMessage(
                self.tr("This page has no search or filter."), NO_SEARCH_MESSAGE_MS
            )
            return
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.selectAll()


def _find_field(page: QWidget | None) -> QWidget | None:
    """The search field of ``page``, else its filter (what Ctrl+F reaches), if it has one."""
    fields = (getattr(page, name, None) for name in FIND_FIELDS)
    return next((found for found in fields if isinstance(found, QWidget)), None)


def _tell_shortcut(widget: QWidget, shortcut: str) -> None:
    """Add the keys that reach ``widget`` to its tooltip ("Add field… (Ctrl+N)")."""
    keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
    tooltip = widget.toolTip() or accessible_name(widget)
    if keys not in tooltip:
        text = QCoreApplication.translate("WorkspaceShortcuts", "%1 (%2)")
        widget.setToolTip(text.replace("%1", tooltip).replace("%2", keys) if tooltip else keys)
