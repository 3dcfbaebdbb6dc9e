"""Table views: for the windowed models (rows never measured, so 100 000 of them cost nothing),
and small tables shown in full inside a scrolling detail panel."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget, QWidget

ScrollHint = QAbstractItemView.ScrollHint


def windowed_table_view(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    """A read-only, single-row-selection table with fixed row heights and interactive columns.

    Fixed heights mean the view never asks for rows to measure them; never ResizeToContents for
    the same reason (it would read, and fetch, a thousand rows).
    """
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setCornerButtonEnabled(False)
    table.setTabKeyNavigation(False)  # arrows move among rows; Tab leaves the table
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    columns = table.horizontalHeader()
    columns.setHighlightSections(False)
    columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def selected_row(table: QAbstractItemView) -> int | None:
    """The selected row of a single-row-selection table, if one is selected."""
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def select_row(
    table: QAbstractItemView, row: int, *, scroll: ScrollHint = ScrollHint.EnsureVisible
) -> None:
    """Make ``row`` the selected and current row of ``table`` and scroll it into view."""
    index = table.model().index(row, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    table.selectionModel().setCurrentIndex(index, flags | QItemSelectionModel.SelectionFlag.Rows)
    table.scrollTo(index, scroll)


def small_table(headers: list[str], *, selectable: bool = True) -> QTableWidget:
    """A read-only table of a few rows, as tall as its rows (see :func:`fit_height`): the page
    around it scrolls, not the table. ``selectable`` tables select one whole row."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    if selectable:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    else:
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    fit_height(table)
    return table


def fit_height(table: QTableWidget) -> None:
    """Make ``table`` exactly as tall as its rows (and its scroll bar, when one shows)."""
    rows = max(table.rowCount(), 1)
    height = table.horizontalHeader().sizeHint().height()
    height += rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth()
    if table.horizontalScrollBar().isVisible():
        height += table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(height)
