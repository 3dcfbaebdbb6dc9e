"""The list half of the Consents page: the consents table, its status filter and its selection.

The table is a window over the consents (:class:`~ui.models.consents_model.ConsentsModel`): a
reload reads only the ordered row ids, and rows come a page at a time as they are painted, so it
stays fast at 100 000 consents. A reload asked for while the list is hidden waits until it is
shown; asking for one consent reloads at once, focused on that consent's page, then selects it
and scrolls to it (showing every status if the filter hides it).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHeaderView, QVBoxLayout, QWidget

from ui.models.consents_model import ConsentColumn, ConsentsModel
from ui.tasks import VaultRunner
from ui.widgets.layout import content_or_empty
from ui.widgets.tables import windowed_table_view
from wallet.consents.store import ConsentStatus

STATUS_FILTERS: tuple[ConsentStatus | None, ...] = (None, "active", "expired", "revoked")


class ConsentList(QWidget):
    """The consents, newest first, of the status chosen in ``status_combo``.

    ``status_combo`` is built here and placed by the page (in its top bar).

    Signals:
        selection_changed(): another row was selected, or the list was reloaded.
        reloaded(): a reload arrived (``model.rowCount()`` is new).
        selected_row_loaded(): the page of rows holding the selected row arrived (it was a
            placeholder until now).
        load_failed(str): the ids or a page of rows could not be read; why.

    Attributes: ``model``, ``table``, ``status_combo``, ``stack`` (the table, or
    ``empty_label`` while there are no consents to show).
    """

    selection_changed = Signal()
    reloaded = Signal()
    selected_row_loaded = Signal()
    load_failed = Signal(str)

    def __init__(self, runner: VaultRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = True  # to be reloaded when next shown
        self._loading = False  # a reload was asked for and its ids have not arrived yet
        self._select_after_load: str | None = None
        self._build(runner)

    def _build(self, runner: VaultRunner) -> None:
        self.status_combo = QComboBox()
        for status, title in zip(
            STATUS_FILTERS,
            (self.tr("All consents"), self.tr("Active"), self.tr("Expired"), self.tr("Revoked")),
            strict=True,
        ):
            self.status_combo.addItem(title, status)
        self.status_combo.setToolTip(self.tr("Show consents with this status only"))
        self.status_combo.currentIndexChanged.connect(lambda _index: self.reload())

        self.model = ConsentsModel(runner, self)
        self.model.rows_reset.connect(self._on_rows_reset)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.load_failed.connect(self._on_load_failed)
        self.table = windowed_table_view(self.model)
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(ConsentColumn.FIELDS, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(ConsentColumn.VENDOR, 190)
        self.table.setColumnWidth(ConsentColumn.STATUS, 110)
        self.table.setColumnWidth(ConsentColumn.GRANTED, 140)
        self.table.setColumnWidth(ConsentColumn.EXPIRES, 100)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.stack, self.empty_label = content_or_empty(
            self.table,
            self.tr(
                "<h3>No consents yet</h3><p>When you accept an offer, choose <i>Give consent…</i> "
                "on the Intentions page, or <i>New consent…</i> here, to let a vendor use the "
                "data it needs, for the purposes and the time you choose.</p>"
            ),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # ------------------------------------------------------------------ loading

    def reload(self, *, select: str | None = None) -> None:
        """Load the list now if it is shown, else when it is next shown; then select ``select``
        (or keep the selection)."""
        if select is not None:
            self._select_after_load = select
        self._stale = True
        if self.isVisible() or self._select_after_load is not None:
            self._load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._load()

    def clear(self) -> None:
        """Forget every row (at lock); the next reload starts afresh."""
        self._stale = True
        self._loading = False
        self._select_after_load = None
        self.model.clear()
        self.stack.setCurrentWidget(self.empty_label)

    def _load(self) -> None:
        """Reload the ids (a newer reload supersedes one on its way), focusing the consent asked
        for, else the selected row (by its row id: it may still be loading)."""
        self._stale = False
        self._loading = True
        self.model.set_status(self.status_combo.currentData())
        asked = self._select_after_load
        row = self.selected_index()
        kept = self.model.row_id(row) if row is not None and asked is None else None
        self.model.reload_focusing(asked, row_id=kept)

    def _on_rows_reset(self) -> None:
        self._loading = False
        asked = self._select_after_load
        self._select_after_load = None
        self.stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty_label)
        focus = self.model.focus_row
        if focus is None and asked is not None and self.model.status is not None:
            # Asked to show a consent the filter hides: show every consent instead.
            self._select_after_load = asked
            self.status_combo.setCurrentIndex(0)  # reloads
            return
        if focus is not None:
            self._select_row(focus)
        else:
            self.selection_changed.emit()
        self.reloaded.emit()

    def _on_selection_changed(self) -> None:
        if self._loading and self._select_after_load is None and self.selected_index() is not None:
            # Chosen while a reload is on its way (its reset would drop the choice): a newer
            # reload, focused on the chosen row, supersedes it.
            self._load()
        self.selection_changed.emit()

    def _on_page_loaded(self, page: int) -> None:
        row = self.selected_index()
        if row is not None and row // self.model.page_size == page:
            self.selected_row_loaded.emit()

    def _on_load_failed(self, text: str) -> None:
        self._loading = False
        self.load_failed.emit(text)

    # ------------------------------------------------------------------ selection

    def show_consent(self, consent_id: str) -> None:
        """Select ``consent_id`` and scroll to it (reloading first unless its row is loaded)."""
        row = -1 if self._stale or self._loading else self.model.row_of(consent_id)
        if row >= 0:
            self._select_row(row)
        else:
            self.reload(select=consent_id)

    def selected_index(self) -> int | None:
        """The selected row's number (loaded or still a placeholder), if one is selected."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
