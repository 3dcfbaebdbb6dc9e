"""The Intentions page's Delivery box: one row per vendor the intention was queued for, updated
as the delivery worker's progress arrives (a frame's events at a time, only their rows); and
everything the page shows about one intention, prepared on the vault's thread
(:func:`prepare_shown`)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QTableView, QVBoxLayout, QWidget

from ui.delivery import ProgressBatch
from ui.pages.intention_offers import OfferRows, OfferTexts, offer_rows
from ui.pages.intention_tables import RowsModel, TableRow, rows_view
from wallet.intents.book import KIND_INTENTION
from wallet.intents.models import IntentionRecord
from wallet.intents.status import delivery_status_text
from wallet.intents.views import IntentionDelivery
from wallet.market import relay_casts
from wallet.market.store import CastRow
from wallet.offers import FunnelWeights
from wallet.offers.views import intention_details
from wallet.vault.facade import Vault


def progress_row(delivery: IntentionDelivery, names: dict[str, str]) -> TableRow:
    """One vendor's delivery as a row (keyed by vendor id; prepared on any thread)."""
    name = names.get(delivery.vendor_id, delivery.vendor_id)
    status = QCoreApplication.translate("DeliveryStatus", delivery.status)  # wallet.intents.status
    cells = (name, status, str(delivery.attempts), delivery.note)
    return TableRow(cells, delivery.vendor_id)


@dataclass(frozen=True, slots=True)
class ShownIntention:
    """What the page shows about one intention, every table row prepared (on the vault's
    thread: thousands of rows must not cost the GUI a frame).

    It holds rows, not the offers: the funnel's thousands of parsed offers are made and freed
    on the vault's thread (freeing them where the GUI drops its reference took a frame).
    """

    record: IntentionRecord
    weights: FunnelWeights
    names: dict[str, str]
    progress: list[TableRow]
    offers: OfferRows
    casts: list[CastRow]  # the relays it was cast on


def prepare_shown(vault: Vault, intention_id: str, texts: OfferTexts) -> ShownIntention:
    details = intention_details(vault, intention_id)
    names = details.vendor_names
    return ShownIntention(
        details.record,
        details.funnel.weights,
        names,
        [progress_row(delivery, names) for delivery in details.deliveries],
        offer_rows(details.funnel, texts),
        relay_casts(vault, intention_id),
    )


class DeliveryProgress(QGroupBox):
    """Per-vendor delivery of one intention. Attributes: ``model``, ``table``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Delivery"), parent)
        self.model = RowsModel(
            [self.tr("Vendor"), self.tr("Status"), self.tr("Attempts"), self.tr("Note")],
            right_aligned=(2,),
            parent=self,
        )
        self.table: QTableView = rows_view(self.model)
        QVBoxLayout(self).addWidget(self.table)

    def show_rows(self, rows: list[TableRow]) -> None:
        """Show these rows instead (hidden when there are none)."""
        self.model.set_rows(rows)
        self.setVisible(bool(rows))

    def add_missing(self, rows: list[TableRow]) -> None:
        """Add the rows not shown yet; rows that progress reached first keep their state."""
        self.model.put_rows(row for row in rows if self.model.position(row.key) is None)
        self.setVisible(self.model.rowCount() > 0)

    def apply(
        self, batch: ProgressBatch, *, intention_id: str | None, names: dict[str, str]
    ) -> None:
        """Show the events of ``batch`` about ``intention_id``: each vendor's last state."""
        rows = [
            progress_row(
                IntentionDelivery(
                    event.vendor_id,
                    delivery_status_text(event.status, event.attempts),
                    event.attempts,
                    event.error,
                ),
                names,
            )
            for event in batch
            if event.kind == KIND_INTENTION and event.subject == intention_id
        ]
        if rows:
            self.model.put_rows(rows)
            self.setVisible(True)

    def statuses(self) -> dict[str, str]:
        """Vendor id → the status shown."""
        return {row.key: row.cells[1] for row in self.model.rows()}

    def clear(self) -> None:
        self.model.clear_rows()
