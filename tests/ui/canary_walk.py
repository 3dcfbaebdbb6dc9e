"""Finding a canary anywhere the desktop app could show or hold it: every widget, every model.

:func:`find_canary` walks every live ``QWidget`` of the application (texts, placeholders, titles,
tooltips, status tips, accessible names, actions, item lists) and every live
``QAbstractItemModel`` (those of item views and combo boxes, those parented to any object of the
application, and those only Python holds), reading every row, column, child row, role and header
section, and returns where the canary was found. Values that are not text (row snapshots kept in
a role, say) are searched through their ``repr``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# Qt's own roles (Display … StatusTip … Accessible…) and plenty of user roles.
ROLES = (*range(0, 16), *range(Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 40))
HEADER_ROLES = (*range(0, 5),)
MAX_CHILD_DEPTH = 4


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return repr(value)


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    yield "windowTitle", widget.windowTitle()
    yield "toolTip", widget.toolTip()
    yield "statusTip", widget.statusTip()
    yield "whatsThis", widget.whatsThis()
    yield "accessibleName", widget.accessibleName()
    yield "accessibleDescription", widget.accessibleDescription()
    for action in widget.actions():
        yield "action", f"{action.text()} {action.toolTip()} {action.statusTip()}"
    if isinstance(widget, QLineEdit):
        yield "text", widget.text()
        yield "placeholder", widget.placeholderText()
    if isinstance(widget, QTextEdit):
        yield "text", widget.toPlainText()
        yield "html", widget.toHtml()
    if isinstance(widget, QPlainTextEdit):
        yield "text", widget.toPlainText()
    if isinstance(widget, QLabel):
        yield "text", widget.text()
    if isinstance(widget, QMessageBox):
        yield "text", f"{widget.text()} {widget.informativeText()} {widget.detailedText()}"
    if isinstance(widget, QAbstractButton):
        yield "text", widget.text()
    if isinstance(widget, QAbstractSpinBox):
        yield "text", widget.text()
    if isinstance(widget, QComboBox):
        yield "text", widget.currentText()
        for row in range(widget.count()):
            yield "item", f"{widget.itemText(row)} {_text(widget.itemData(row))}"
    if isinstance(widget, QGroupBox):
        yield "title", widget.title()
    if isinstance(widget, QProgressBar):
        yield "text", widget.text()
    if isinstance(widget, QTabWidget | QTabBar):
        for tab in range(widget.count()):
            yield "tab", f"{widget.tabText(tab)} {widget.tabToolTip(tab)}"


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    if isinstance(model, QAbstractListModel):  # its columnCount is private in PySide
        return 1
    return max(1, model.columnCount(parent))


def _cells(model: QAbstractItemModel, parent: QModelIndex, depth: int) -> Iterator[str]:
    flat = isinstance(model, QAbstractListModel | QAbstractTableModel)  # no child rows
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            if not index.isValid():
                continue
            for role in ROLES:
                yield _text(model.data(index, role))
            if not flat and depth < MAX_CHILD_DEPTH and model.hasChildren(index):
                yield from _cells(model, index, depth + 1)


def model_texts(model: QAbstractItemModel) -> Iterator[str]:
    """Every cell of ``model`` in every role, child rows included, and its header sections."""
    yield from _cells(model, QModelIndex(), 0)
    for orientation, count in (
        (Qt.Orientation.Horizontal, _columns(model, QModelIndex())),
        (Qt.Orientation.Vertical, model.rowCount()),
    ):
        for section in range(count):
            for role in HEADER_ROLES:
                yield _text(model.headerData(section, orientation, role))


def live_models(app: QApplication) -> list[QAbstractItemModel]:
    """Every model still alive: of views and combos, parented anywhere, or held by Python only."""
    gc.collect()  # first: collecting may delete models only Python held
    found: dict[int, QAbstractItemModel] = {}

    def keep(model: QAbstractItemModel | None) -> None:
        if model is not None and shiboken6.isValid(model):
            found[id(model)] = model

    for widget in app.allWidgets():
        if isinstance(widget, QAbstractItemView | QComboBox):
            keep(widget.model())
        for child in widget.findChildren(QAbstractItemModel):
            keep(child)
    for child in app.findChildren(QAbstractItemModel):
        keep(child)
    for thing in gc.get_objects():
        if isinstance(thing, QAbstractItemModel):
            keep(thing)
    return list(found.values())


def _describe(thing: QObject) -> str:
    """The object's class, after those of its ancestors that belong to the app (``ui.*``)."""
    names = [type(thing).__qualname__]
    parent = thing.parent()
    while parent is not None:
        if type(parent).__module__.startswith("ui."):
            names.append(type(parent).__qualname__)
        parent = parent.parent()
    name = thing.objectName()
    return " < ".join(names) + (f" {name!r}" if name else "")


def _around(text: str, start: int) -> str:
    """The text around a find (whole texts can be long), on one line."""
    return repr(text[max(0, start - 60) : start + 100])


def find_canary(app: QApplication, canary: str) -> list[str]:
    """Where ``canary`` (case-insensitive) shows in any live widget or model, one line each."""
    needle = canary.casefold()
    places: list[str] = []
    for widget in app.allWidgets():
        if not shiboken6.isValid(widget):
            continue
        for what, text in _widget_texts(widget):
            start = text.casefold().find(needle)
            if start >= 0:
                places.append(f"{_describe(widget)} {what}: {_around(text, start)}")
    for model in live_models(app):
        if not shiboken6.isValid(model):
            continue
        finds = {
            _around(text, start)
            for text in model_texts(model)
            if (start := text.casefold().find(needle)) >= 0
        }
        places.extend(f"{_describe(model)} data: {found}" for found in sorted(finds))
    return places


WORKSPACE_MODULES = ("ui.pages", "ui.models", "ui.dialogs", "ui.main_window")


def surviving_workspace_objects(*, keep: tuple[str, ...] = ("ui.pages.unlock",)) -> list[str]:
    """Python objects of pages, models and dialogs (and the workspace) still alive, even if Qt
    deleted their C++ side (a Python attribute could still hold rows); those of ``keep`` aside."""
    gc.collect()
    found = []
    for thing in gc.get_objects():
        if not isinstance(thing, QObject) or type(thing).__name__ == "MainWindow":
            continue
        module = type(thing).__module__
        if module.startswith(WORKSPACE_MODULES) and not module.startswith(keep):
            found.append(f"{module}.{type(thing).__qualname__}")
    return found
