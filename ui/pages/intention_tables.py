"""The Intentions page's tables (delivery progress, offers): rows prepared off the GUI thread,
shown by a model whose data lives in C++, filled a chunk at a time.

A broadcast to 1 000 vendors fills the progress table with 1 000 rows, updates them as answers
arrive, and then shows a funnel of thousands of offers, while the vault and network threads are
busy in Python. Two things would stall the GUI there. A ``QTableWidget`` as tall as its rows,
its columns sized to their contents, measures every row on each change. And a model written in
Python is called back for every cell and role each time a view paints or measures; each call
must take the GIL from a busy thread, which costs up to the interpreter's switch interval (5 ms)
per call. So here the cells are ``QStandardItem``s made by the model in C++ (painting never
enters Python, and no Python wrapper per cell is left for the garbage collector to walk), rows
are plain tuples prepared on the vault's thread, a model of many rows is filled
:data:`CHUNK_ROWS` rows per event-loop turn, an update sets only the cells that changed, with one
``dataChanged`` per batch rather than one per cell and role, and a view is at most
:data:`MAX_VISIBLE_ROWS` rows tall and scrolls beyond, so sizing its columns reads only the rows
on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

MAX_VISIBLE_ROWS = 12
CHUNK_ROWS = 40  # rows made per event-loop turn: a few ms
# A timer, not a zero-delay call (which Qt runs in the same pass of its event queue), so that
# painting and other timers run between two parts of a large update.
NEXT_TURN_MS = 1
FIRST_ROWS = 20  # made at once: what a view shows, so that nothing visible waits a turn
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_DISPLAY = Qt.ItemDataRole.DisplayRole
_KEY = Qt.ItemDataRole.UserRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FONT = Qt.ItemDataRole.FontRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole


@cache
def _bold_font() -> QFont:
    """Made on first use, on the GUI thread: the module may be imported on another
    (:mod:`ui.heap`), where Qt does not promise fonts work."""
    font = QFont()
    font.setBold(True)
    return font


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row as shown: its cells, the id it stands for, tooltips by column, bold or not."""

    cells: tuple[str, ...]
    key: str
    tooltips: dict[int, str] = field(default_factory=dict)
    bold: bool = False


class RowsModel(QStandardItemModel):
    """Read-only rows with a key each (``UserRole`` of every cell); replaced whole, or updated
    by key. :meth:`rows` and :meth:`keys` answer at once; the items may follow a few turns of
    the event loop later (:data:`CHUNK_ROWS` at a time).

    Signals:
        resized(int): rows were added or removed (once per chunk, not once per row), or a
            cell's text grew; the first row concerned.
    """

    resized = Signal(int)

    def __init__(
        self,
        headers: list[str],
        *,
        right_aligned: Iterable[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self._right = frozenset(right_aligned)
        self._rows: list[TableRow] = []
        self._positions: dict[str, int] = {}
        # Cells are made by the model itself, in C++, from this prototype: a QStandardItem
        # made in Python would keep a Python wrapper (tracked by the garbage collector, and
        # never freed when the model deletes its item) per cell.
        prototype = QStandardItem()
        prototype.setFlags(_FLAGS)
        self.setItemPrototype(prototype)
        self._fill = QTimer(self)
        self._fill.setSingleShot(True)
        self._fill.setInterval(NEXT_TURN_MS)
        self._fill.timeout.connect(self._fill_chunk)

    # ------------------------------------------------------------------ reading

    def keys(self) -> list[str]:
        return [row.key for row in self._rows]

    def rows(self) -> list[TableRow]:
        return list(self._rows)

    def position(self, key: str) -> int | None:
        return self._positions.get(key)

    @property
    def filled(self) -> bool:
        """Whether every row has its items (else filling goes on at the next turns)."""
        return self.rowCount() == len(self._rows)

    # ------------------------------------------------------------------ changing

    def set_rows(self, rows: list[TableRow]) -> None:
        """Show ``rows`` instead: the first chunk now, the rest over the next turns. The same
        keys in the same order only update the cells that changed."""
        if self.filled and len(rows) == len(self._rows) and self._same_keys(rows):
            self.put_rows(rows)
            return
        self._fill.stop()
        self._rows = list(rows)
        self._positions = {row.key: number for number, row in enumerate(self._rows)}
        self.setRowCount(0)
        self._fill_chunk(FIRST_ROWS)

    def put_rows(self, rows: Iterable[TableRow]) -> None:
        """Replace the rows with these keys and append the new ones."""
        latest = {row.key: row for row in rows}  # a key given twice: its last row counts
        changed: list[tuple[int, TableRow, TableRow]] = []
        for row in latest.values():
            number = self._positions.get(row.key)
            if number is None:
                self._positions[row.key] = len(self._rows)
                self._rows.append(row)
                continue
            if number < self.rowCount() and row != self._rows[number]:
                changed.append((number, row, self._rows[number]))
            self._rows[number] = row
        if changed:
            with self._quietly(min(c[0] for c in changed), max(c[0] for c in changed)):
                for number, row, old in changed:
                    self._update_cells(number, row, old)
            longer = [number for number, row, old in changed if _grew(row, old)]
            if longer:  # a cell's text grew: its column may need widening to stay readable
                self.resized.emit(min(longer))
        if not self.filled and not self._fill.isActive():
            self._fill_chunk(FIRST_ROWS)

    def _same_keys(self, rows: list[TableRow]) -> bool:
        return all(row.key == shown.key for row, shown in zip(rows, self._rows, strict=True))

    def clear_rows(self) -> None:
        self.set_rows([])

    def _fill_chunk(self, count: int = CHUNK_ROWS) -> None:
        start = self.rowCount()
        chunk = self._rows[start : start + count]
        if chunk:
            self.insertRows(start, len(chunk))
            with self._quietly(start, start + len(chunk) - 1):
                for number, row in enumerate(chunk, start=start):
                    self._set_cells(number, row)
        if not self.filled:
            self._fill.start()
        self.resized.emit(start)

    @contextmanager
    def _quietly(self, first: int, last: int) -> Iterator[None]:
        """Set cells of rows ``first`` to ``last`` without a signal per cell and role (each
        makes the views look at the model: thousands of them cost frames), then tell the views
        once."""
        self.blockSignals(True)
        try:
            yield
        finally:
            self.blockSignals(False)
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _set_cells(self, number: int, row: TableRow) -> None:
        """Every role of new row ``number``'s cells; the model makes the cells, in C++, from
        its prototype."""
        font = _bold_font() if row.bold else None
        for column, text in enumerate(row.cells):
            roles: dict[int, Any] = {_DISPLAY: text, _KEY: row.key, _FONT: font}
            roles[_TOOLTIP] = row.tooltips.get(column) or None
            if column in self._right:
                roles[_ALIGNMENT] = _RIGHT
            self.setItemData(self.index(number, column), roles)

    def _update_cells(self, number: int, row: TableRow, old: TableRow) -> None:
        """The roles of row ``number``'s cells that differ from ``old`` (through its items:
        asking for an index lets other threads take the GIL, for up to 5 ms each time)."""
        font = _bold_font() if row.bold else None
        for column, text in enumerate(row.cells):
            tip = row.tooltips.get(column) or None
            changed: dict[int, Any] = {}
            if text != old.cells[column]:
                changed[_DISPLAY] = text
            if tip != (old.tooltips.get(column) or None):
                changed[_TOOLTIP] = tip
            if row.key != old.key:
                changed[_KEY] = row.key
            if row.bold != old.bold:
                changed[_FONT] = font
            if changed:  # an item only when needed: each call may wait for the GIL
                item = self.item(number, column)
                for role, value in changed.items():
                    item.setData(value, role)


def _grew(row: TableRow, old: TableRow) -> bool:
    """Whether a cell of ``row`` holds a longer text than the same cell of ``old``."""
    return any(len(new) > len(was) for new, was in zip(row.cells, old.cells, strict=False))


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
    # Columns are sized to their contents when rows come or go, not on every change of a cell
    # (ResizeToContents would measure the rows on screen again for each progress update).
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(0)  # size columns by the rows on screen only
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    model.resized.connect(lambda first, v=view: fit_rows(v, first_changed=first))
    fit_rows(view)
    return view


def fit_rows(view: QTableView, *, first_changed: int = 0) -> None:
    """Make ``view`` as tall as its rows, at most :data:`MAX_VISIBLE_ROWS` of them, and its
    columns as wide as the rows on screen need (measured again only when rows from
    ``first_changed`` on can be on screen: rows added below it change no width)."""
    if first_changed <= _last_row_on_screen(view):
        view.resizeColumnsToContents()
    model = view.model()
    count = len(model.keys()) if isinstance(model, RowsModel) else model.rowCount()
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


def _last_row_on_screen(view: QTableView) -> int:
    """The last row the view can show at its scroll position (a row past the end if the view
    has room for more rows than it has)."""
    last = view.rowAt(view.viewport().height() - 1)
    return last if last >= 0 else view.model().rowCount()


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
