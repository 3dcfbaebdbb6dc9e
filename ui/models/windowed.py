"""A table model over a known, ordered list of row ids whose rows arrive in pages on demand.

A lazy ``fetchMore`` model paints 100 000 rows quickly, but jumping to the end makes it fetch
every row in between (300–500 ms measured here). A windowed model instead asks the core once for
the ordered row ids (cheap: a scan of a small index), so ``rowCount()`` is known from the start
and the scroll bar is true. Rows are fetched a page at a time, only when the view asks for them:
``data()`` on a row whose page is not cached answers a placeholder and queues that page (once);
after the paint, the queued pages go to the vault worker in one call; when they arrive they are
cached (a bounded LRU) and ``dataChanged`` repaints exactly those rows. Jumping to the end
therefore costs one page fetch, wherever the end is. A reload brings the first page (and the
focus row's) with the ids, so the first paint shows real rows.

Each reload starts a new generation: pages requested for an older list of ids are dropped when
they arrive, so a slow answer can never paint stale rows into a newer list.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from ui.tasks import VaultRunner
from ui.widgets.messages import error_text
from wallet.errors import VaultLocked
from wallet.vault.facade import Vault

RowT = TypeVar("RowT")
AnyIndex = QModelIndex | QPersistentModelIndex
PLACEHOLDER = "…"
PAGE_SIZE = 200
MAX_CACHED_PAGES = 50
# data() runs for every role of every visible cell on each paint: compare plain ints there.
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


@dataclass(frozen=True, slots=True)
class RowIds:
    """The skeleton of a table: row ids in display order, and the row to bring into view.

    ``unfiltered_count`` is how many rows there are without any filter, when the loader knows.
    """

    ids: list[int]
    focus_row: int | None = None
    unfiltered_count: int | None = None


RowIdsOperation = Callable[[Vault], RowIds]
RowsOperation = Callable[[Vault, Sequence[int]], Mapping[int, RowT]]
Pages = dict[int, Mapping[int, RowT]]


class WindowedTableModel(QAbstractTableModel, Generic[RowT]):
    """Base for tables over many rows: subclasses say how to load ids and rows and show a row.

    Subclasses implement :meth:`_row_ids_operation`, :meth:`_rows_operation`,
    :meth:`column_titles` and :meth:`_row_data`. The operations run on the vault worker: they
    must only use their arguments, never the model or any widget.

    Signals:
        rows_reset(): a reload finished; ``rowCount()`` and ``focus_row`` are new.
        page_loaded(int): the rows of this page (``page * page_size`` onwards) hold real data.
        load_failed(str): loading the ids or a page failed; the message is for the user.
    """

    rows_reset = Signal()
    page_loaded = Signal(int)
    load_failed = Signal(str)

    def __init__(
        self,
        runner: VaultRunner,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        max_cached_pages: int = MAX_CACHED_PAGES,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._page_size = page_size
        self._max_cached_pages = max_cached_pages
        self._ids: list[int] = []
        self._focus_row: int | None = None
        self._unfiltered_count: int | None = None
        self._pages: OrderedDict[int, list[RowT | None]] = OrderedDict()
        self._requested_pages: set[int] = set()  # queued or on their way
        self._pages_to_fetch: list[int] = []  # queued during the current paint
        self._generation = 0  # bumped at every reset: older page answers are dropped
        self._reload_ticket = 0  # only the newest reload's ids are applied
        self._titles: list[str] | None = None

    # ------------------------------------------------------------------ for subclasses

    def column_titles(self) -> list[str]:
        """The column headers, translated (asked once; see :meth:`retranslate`)."""
        raise NotImplementedError

    def _row_ids_operation(self) -> RowIdsOperation:
        """A worker operation returning the row ids to show, under the current filter."""
        raise NotImplementedError

    def _rows_operation(self) -> RowsOperation[RowT]:
        """A worker operation returning the rows with the given ids (missing ones left out)."""
        raise NotImplementedError

    def _row_data(self, row: RowT, column: int, role: int) -> Any:
        """What ``data()`` answers for a loaded row."""
        raise NotImplementedError

    # ------------------------------------------------------------------ public API

    @property
    def page_size(self) -> int:
        return self._page_size

    @property
    def focus_row(self) -> int | None:
        """The row the last reload was asked to bring into view, if it is in the new rows."""
        return self._focus_row

    @property
    def unfiltered_count(self) -> int | None:
        """How many rows there are without the filter, if the last reload said."""
        return self._unfiltered_count

    def reload(self) -> None:
        """Ask the worker for the row ids again; the current rows stay until they arrive.

        The first page (and the focus row's page) come back with the ids, in the same worker
        call, so the first paint after a reload shows real rows rather than placeholders.
        """
        self._reload_ticket += 1
        ticket = self._reload_ticket
        load_ids, load_rows = self._row_ids_operation(), self._rows_operation()
        page_size = self._page_size

        def load(vault: Vault) -> tuple[RowIds, Pages[RowT]]:
            row_ids = load_ids(vault)
            wanted = {0} if row_ids.focus_row is None else {0, row_ids.focus_row // page_size}
            pages = {
                page: load_rows(vault, row_ids.ids[page * page_size : (page + 1) * page_size])
                for page in sorted(wanted)
                if page * page_size < len(row_ids.ids)
            }
            return row_ids, pages

        self._runner.run(
            load,
            owner=self,  # a model dropped at lock takes no late answers
            on_success=lambda loaded: self._apply_row_ids(ticket, *loaded),
            on_error=self._report_failure,
        )

    def retranslate(self) -> None:
        """Ask for the column titles again (after the language changed)."""
        self._titles = None
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def clear(self) -> None:
        """Forget every row (when the vault locks); answers still on their way are dropped."""
        self._reload_ticket += 1
        self._apply_row_ids(self._reload_ticket, RowIds([]), {})

    def row_id(self, row: int) -> int:
        return self._ids[row]

    def row_of_id(self, row_id: int) -> int | None:
        """The row showing ``row_id``, if it is among the current rows."""
        try:
            return self._ids.index(row_id)
        except ValueError:
            return None

    def loaded_row(self, row: int) -> RowT | None:
        """The row's snapshot if its page is cached (never starts a fetch)."""
        page = self._pages.get(row // self._page_size)
        return None if page is None else page[row % self._page_size]

    def is_row_loaded(self, row: int) -> bool:
        return (row // self._page_size) in self._pages

    def cached_pages(self) -> list[int]:
        """Pages held in the cache, least recently used first."""
        return list(self._pages)

    # ------------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._column_titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY_ROLE
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY_ROLE:
            titles = self._column_titles()
            return titles[section] if 0 <= section < len(titles) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: AnyIndex, role: int = _DISPLAY_ROLE) -> Any:
        row = index.row()  # -1 for an invalid index
        if row < 0 or row >= len(self._ids):
            return None
        page_number, offset = divmod(row, self._page_size)
        page = self._pages.get(page_number)
        if page is None:
            self._request_page(page_number)
            return PLACEHOLDER if role == _DISPLAY_ROLE else None
        self._pages.move_to_end(page_number)
        snapshot = page[offset]
        if snapshot is None:  # gone since the ids were read; a reload is on its way
            return PLACEHOLDER if role == _DISPLAY_ROLE else None
        return self._row_data(snapshot, index.column(), role)

    # ------------------------------------------------------------------ paging machinery

    def _column_titles(self) -> list[str]:
        if self._titles is None:
            self._titles = self.column_titles()
        return self._titles

    def _request_page(self, page: int) -> None:
        """Queue ``page`` for fetching once the current paint is over.

        Fetching from inside a paint would make the worker and the painting GUI thread take turns
        on the GIL for every cell; batching after the paint also makes one round trip (and one
        repaint) of all the pages a jump needs.
        """
        if page in self._requested_pages:
            return
        self._requested_pages.add(page)
        if not self._pages_to_fetch:
            QTimer.singleShot(0, self, self._fetch_queued_pages)
        self._pages_to_fetch.append(page)

    def _fetch_queued_pages(self) -> None:
        generation = self._generation
        wanted = {
            page: tuple(self._ids[page * self._page_size : (page + 1) * self._page_size])
            for page in self._pages_to_fetch
        }
        self._pages_to_fetch = []
        load_rows = self._rows_operation()
        self._runner.run(
            lambda vault: {page: load_rows(vault, ids) for page, ids in wanted.items()},
            owner=self,
            on_success=lambda pages: self._store_pages(generation, wanted, pages),
            on_error=lambda error: self._pages_failed(generation, wanted, error),
        )

    def _store_pages(
        self,
        generation: int,
        wanted: Mapping[int, Sequence[int]],
        pages: Mapping[int, Mapping[int, RowT]],
    ) -> None:
        if generation != self._generation:
            return
        for page, ids in wanted.items():
            self._requested_pages.discard(page)
            self._cache_page(page, ids, pages.get(page, {}))
            first = page * self._page_size
            last = first + len(ids) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
            self.page_loaded.emit(page)

    def _pages_failed(
        self, generation: int, wanted: Mapping[int, Sequence[int]], error: Exception
    ) -> None:
        # Cache the pages as empty so the view does not ask again in a loop; a reload retries.
        self._store_pages(generation, wanted, {})
        self._report_failure(error)

    def _cache_page(self, page: int, ids: Sequence[int], rows: Mapping[int, RowT]) -> None:
        self._pages[page] = [rows.get(row_id) for row_id in ids]
        while len(self._pages) > self._max_cached_pages:
            self._pages.popitem(last=False)

    def _apply_row_ids(self, ticket: int, row_ids: RowIds, pages: Pages[RowT]) -> None:
        if ticket != self._reload_ticket:
            return
        self.beginResetModel()
        self._ids = row_ids.ids
        self._focus_row = row_ids.focus_row
        self._unfiltered_count = row_ids.unfiltered_count
        self._pages.clear()
        self._requested_pages.clear()
        self._pages_to_fetch = []
        self._generation += 1
        for page, rows in pages.items():
            start = page * self._page_size
            self._cache_page(page, self._ids[start : start + self._page_size], rows)
        self.endResetModel()
        self.rows_reset.emit()

    def _report_failure(self, error: Exception) -> None:
        if isinstance(error, VaultLocked):
            return  # the runner announces the lock; the page clears the model then
        self.load_failed.emit(error_text(error))
