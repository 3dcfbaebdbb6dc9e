"""The Intentions page's tables (delivery progress, offers): a small model of prepared rows and a
view that stays cheap with thousands of them.

A broadcast to 1 000 vendors fills the progress table with 1 000 rows and then updates them as
answers arrive; the funnel may show thousands of offers. A ``QTableWidget`` as tall as its rows,
its columns sized to their contents, measures every row again on each change (tens of ms per
update at 1 000 rows). Here rows are plain tuples prepared once; an update replaces one row and
repaints it (``dataChanged``), and a view is at most :data:`MAX_VISIBLE_ROWS` rows tall and
scrolls beyond, so sizing its columns reads only the rows on screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

MAX_VISIBLE_ROWS = 12
AnyIndex = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_BOLD = QFont()
_BOLD.setBold(True)


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row as shown: its cells, the id it stands for, tooltips by column, bold or not."""

    cells: tuple[str, ...]
    key: str
    tooltips: dict[int, str] = field(default_factory=dict)
    bold: bool = False


class RowsModel(QAbstractTableModel):
    """Read-only rows with a key each; replaced whole, or updated one row at a time by key."""

    def __init__(
        self,
        headers: list[str],
        *,
        right_aligned: Iterable[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._right = frozenset(right_aligned)
        self._rows: list[TableRow] = []
        self._positions: dict[str, int] = {}

    # ------------------------------------------------------------------ reading

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.UserRole:
            return row.key
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltips.get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._right:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and row.bold:
            return _BOLD
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def keys(self) -> list[str]:
        return [row.key for row in self._rows]

    def rows(self) -> list[TableRow]:
        return list(self._rows)

    def position(self, key: str) -> int | None:
        return self._positions.get(key)

    # ------------------------------------------------------------------ changing

    def set_rows(self, rows: list[TableRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._positions = {row.key: number for number, row in enumerate(self._rows)}
        self.endResetModel()

    def put_rows(self, rows: Iterable[TableRow]) -> None:
        """Replace the rows with these keys and append the new ones (one signal per run)."""
        added: list[TableRow] = []
        changed: list[int] = []
        latest = {row.key: row for row in rows}  # a key given twice: its last row counts
        for row in latest.values():
            number = self._positions.get(row.key)
            if number is None:
                self._positions[row.key] = len(self._rows) + len(added)
                added.append(row)
            else:
                self._rows[number] = row
                changed.append(number)
        if changed:
            last = len(self._headers) - 1
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()

    def clear(self) -> None:
        self.set_rows([])


def rows_view(model: RowsModel, *, selectable: bool = True) -> QTableView:
    """A read-only view of ``model`` as tall as its rows up to :data:`MAX_VISIBLE_ROWS`, then
    scrolling; ``selectable`` views select one whole row."""
    view = QTableView()
    view.setModel(model)
    if selectable:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    else:
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setCornerButtonEnabled(False)
    rows = view.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(0)  # size columns by the rows on screen only
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
        signal.connect(lambda *_args, v=view: fit_rows(v))
    fit_rows(view)
    return view


def fit_rows(view: QTableView) -> None:
    """Make ``view`` as tall as its rows, at most :data:`MAX_VISIBLE_ROWS` of them."""
    count = view.model().rowCount()
    shown = min(max(count, 1), MAX_VISIBLE_ROWS)
    height = view.horizontalHeader().sizeHint().height()
    height += shown * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth()
    if view.horizontalScrollBar().isVisible():
        height += view.horizontalScrollBar().sizeHint().height()
    policy = (
        Qt.ScrollBarPolicy.ScrollBarAsNeeded
        if count > MAX_VISIBLE_ROWS
        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    )
    view.setVerticalScrollBarPolicy(policy)
    view.setFixedHeight(height)


def selected_key(view: QTableView) -> str | None:
    """The key of the selected row, or ``None``."""
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    return str(rows[0].data(Qt.ItemDataRole.UserRole))


def select_key(view: QTableView, key: str | None) -> None:
    model = view.model()
    if key is None or not isinstance(model, RowsModel):
        return
    number = model.position(key)
    if number is not None:
        view.selectRow(number)
