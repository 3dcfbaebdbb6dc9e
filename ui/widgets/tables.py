"""Views for the windowed table models: rows are never measured, so 100 000 of them cost nothing."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


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
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    columns = table.horizontalHeader()
    columns.setHighlightSections(False)
    columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table
