"""Overview: who holds what at a glance, and the counts around it.

One worker call reads the core's :func:`~wallet.consents.views.holdings_overview` (a few
indexed scans, and the fields' labels); the matrix is a
:class:`~ui.models.holdings_model.HoldingsModel` that works out each cell when it is painted, in
a view whose rows and columns are never measured, so a vault with 1 000 vendors and 50 000
consents opens as fast as a small one. The page loads when it is first shown, and again after
any operation whose :class:`~wallet.changes.Changes` touch what it counts (at once if shown, else
when next shown).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.holdings_model import HoldingRole, HoldingsModel
from ui.pages.base import Page
from ui.tasks import VaultRunner
from ui.widgets.layout import content_or_empty
from wallet.changes import Changes, Part
from wallet.consents.views import OverviewData, holdings_overview

FIELD_COLUMN_WIDTH = 112
VENDOR_HEADER_WIDTH = 200
# Everything the matrix and the counts are made of: consents (and the vendors' names and fields'
# labels they show), messages waiting for vendors, and the offers on open intentions.
SHOWN_PARTS = (Part.CONSENTS, Part.FIELDS, Part.VENDORS, Part.OUTBOX, Part.INTENTIONS, Part.OFFERS)
COUNT_NAMES = ("active", "expiring", "expired", "revoked", "pending", "offers")


class _Count(QFrame):
    """A number over its caption."""

    def __init__(self, caption: str, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setToolTip(tooltip)
        self.number = QLabel("–")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label = QLabel(caption)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.number)
        layout.addWidget(label)


class OverviewPage(Page):
    """Counts (active, expiring, expired, revoked, pending deliveries, open offers) above the
    vendors × fields matrix of active consents; clicking a held cell asks to open its consent.

    Signals:
        consent_activated(str): the user clicked a held cell; the consent's id.

    Attributes (for tests): ``model``, ``table``, ``counts`` (name → the QLabel with the
    number: ``active``, ``expiring``, ``expired``, ``revoked``, ``pending``, ``offers``),
    ``stack``, ``empty_label``, ``error``, ``loaded`` (the last :class:`OverviewData`).
    """

    consent_activated = Signal(str)

    def __init__(self, runner: VaultRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._stale = True
        self._loading = False
        self.loaded: OverviewData | None = None
        self._build()
        runner.locked.connect(self._on_locked)
        runner.changed.connect(self._on_vault_changed)
        if runner.is_unlocked:
            self.reload()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "Who holds which of your data under a consent you gave. Click a ✓ to open the "
                "consent, to see its receipt or revoke it."
            )
        )
        intro.setWordWrap(True)
        captions = {
            "active": (self.tr("Active consents"), self.tr("Consents in force now")),
            "expiring": (
                self.tr("Expiring within 7 days"),
                self.tr("Active consents that end in the next 7 days"),
            ),
            "expired": (self.tr("Expired"), self.tr("Consents that reached their end date")),
            "revoked": (self.tr("Revoked"), self.tr("Consents you took back")),
            "pending": (
                self.tr("Waiting to be delivered"),
                self.tr("Messages to vendors not delivered yet (they are retried)"),
            ),
            "offers": (
                self.tr("Open offers"),
                self.tr("Offers on your open intentions that you have not decided on"),
            ),
        }
        self.counts: dict[str, QLabel] = {}
        counts_row = QHBoxLayout()
        for name in COUNT_NAMES:
            caption, tooltip = captions[name]
            card = _Count(caption, tooltip)
            self.counts[name] = card.number
            counts_row.addWidget(card, 1)

        self.model = HoldingsModel(self)
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setCornerButtonEnabled(False)
        table.setMouseTracking(True)
        table.setTabKeyNavigation(False)  # arrows move among cells; Tab leaves the grid
        table.setAccessibleName(self.tr("Vendors and the fields they hold"))
        # Fixed sizes: the view never measures rows or columns (never ResizeToContents, which
        # would read every cell of a 1 000 × 50 matrix).
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        rows.setFixedWidth(VENDOR_HEADER_WIDTH)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        columns = table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        columns.setDefaultSectionSize(FIELD_COLUMN_WIDTH)
        columns.setHighlightSections(False)
        table.clicked.connect(self._open_cell)
        table.activated.connect(self._open_cell)
        self.table = table

        self.stack, self.empty_label = content_or_empty(
            self.table,
            self.tr(
                "<h3>No vendor holds your data</h3><p>When you give a vendor a consent (from an "
                "accepted offer on <i>Intentions</i>, or on <i>Consents</i>), the fields it may "
                "use appear here, one row per vendor.</p>"
            ),
        )

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(counts_row)
        layout.addWidget(self.error)
        layout.addWidget(self.stack, 1)

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Load the counts and the matrix now if the page is shown, else when it is next shown."""
        self._stale = True
        if self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._load()

    def _on_vault_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWN_PARTS):
            self.reload()

    def _load(self) -> None:
        if self._loading:
            return  # the answer on its way is followed by another load if still stale
        self._stale = False
        self._loading = True
        self.run(holdings_overview, on_success=self._show, on_error=self._load_failed)

    def _show(self, data: OverviewData) -> None:
        self._loading = False
        self.loaded = data
        overview = data.overview
        self.error.clear()
        self.model.set_overview(overview, data.field_labels)
        numbers = {
            **{name: overview.counts.get(name, 0) for name in COUNT_NAMES[:4]},
            "pending": overview.pending_deliveries,
            "offers": overview.open_offers,
        }
        for name, label in self.counts.items():
            label.setText(str(numbers[name]))
        self.stack.setCurrentWidget(self.table if overview.vendors else self.empty_label)
        if self._stale and self.isVisible():
            self._load()

    def _load_failed(self, error: Exception) -> None:
        self._loading = False
        self.show_error(error)

    def _on_locked(self) -> None:
        self.loaded = None
        self._stale = True
        self.model.clear()
        for label in self.counts.values():
            label.setText("–")
        self.stack.setCurrentWidget(self.empty_label)
        self.error.clear()

    # ------------------------------------------------------------------ opening

    def _open_cell(self, index: QModelIndex | QPersistentModelIndex) -> None:
        consent_id = self.model.data(index, HoldingRole.CONSENT_ID)
        if consent_id:
            self.consent_activated.emit(str(consent_id))
