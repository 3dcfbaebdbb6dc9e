"""Intentions: compose one, broadcast it to vendors with live per-vendor progress, and choose
among the offers that come back through the funnel (kept and ranked, alternatives, removed with
the reason).

Broadcasting queues the outbox rows on the vault worker; delivering them is
:func:`ui.delivery.start_delivery` (the delivery cycle on the network loop, database steps on the
vault worker, then the offers taken in). The worker's progress events reach the GUI thread in
batches, one per frame at most; no widget is touched off the GUI thread. Cancelling stops
waiting; undelivered rows stay in the outbox for the next broadcast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.background import while_alive
from ui.delivery import Delivery, ProgressBatch, start_delivery
from ui.dialogs import ask, intention_dialogs
from ui.dialogs.intention_dialogs import IntentionDialog
from ui.network import NetworkRunner
from ui.tasks import VaultRunner
from ui.widgets.busy import BusyIndicator
from ui.widgets.layout import content_or_empty
from ui.widgets.messages import InlineMessage, error_text
from ui.widgets.tables import fit_height, small_table
from wallet.delivery.cycle import DeliveryReport
from wallet.errors import VaultLocked
from wallet.intents import IntentionBook, IntentionDraft, IntentionRecord
from wallet.intents.book import KIND_INTENTION, BroadcastPlan, NoticePlan
from wallet.loyalty.book import LoyaltyBook
from wallet.offers import FunnelView, FunnelWeights, OfferBook, Ranked
from wallet.outbox import Outbox
from wallet.terms.book import TermsBook
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory

WEIGHTS_DEBOUNCE_MS = 300
OPEN = ("draft", "broadcast", "offers_in")
WEIGHT_NAMES = ("price", "delivery", "loyalty", "history")


def status_label(status: str) -> str:
    return status.replace("_", " ")


@dataclass(frozen=True, slots=True)
class _ComposerData:
    proposals: list[tuple[int, str]]
    has_terms: bool


def _composer_data(vault: Vault) -> _ComposerData:
    proposals = [(p.id, p.terms.title) for p in LoyaltyBook(vault).proposals()]
    return _ComposerData(proposals, TermsBook(vault).latest() is not None)


@dataclass(frozen=True, slots=True)
class _Row:
    """One vendor's delivery of the intention, as shown in the progress table."""

    vendor_id: str
    status: str  # queued, delivering, delivered, retrying, failed, disabled, cancelled, dead
    attempts: int
    note: str = ""


def row_status(status: str, attempts: int) -> str:
    """An outbox row's status in the progress table's words."""
    if status == "pending":
        return "retrying" if attempts else "queued"
    if status == "dead":  # set aside after an unexpected problem; the Activity page retries it
        return "not handled: see Activity"
    return status


@dataclass(frozen=True, slots=True)
class _Details:
    record: IntentionRecord
    funnel: FunnelView
    vendor_names: dict[str, str]
    progress: list[_Row]


def _details(vault: Vault, intention_id: str) -> _Details:
    names = {vendor.id: vendor.name for vendor in VendorDirectory(vault).list()}
    funnel = OfferBook(vault).funnel(intention_id)
    progress = [
        _Row(
            row.vendor_id, row_status(row.status, row.attempts), row.attempts, row.last_error or ""
        )
        for row in Outbox(vault).rows(subject=intention_id)
        if row.kind == KIND_INTENTION
    ]
    return _Details(funnel.intention, funnel, names, progress)


def _item(text: str, *, data: Any = None, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class IntentionsPage(QWidget):
    """Intentions on the left; the selected one's details, delivery and offers on the right.

    Attributes (for tests): ``list``, ``new_button``, ``last_dialog``, ``details``,
    ``broadcast_button``, ``withdraw_button``, ``export_button``, ``cancel_button``,
    ``progress_table``, ``kept_table``, ``alternatives_box``, ``alternatives_table``,
    ``removed_table``, ``sliders`` (name → QSlider), ``accept_button``, ``consent_button``,
    ``status``, ``error``, ``view`` (the last :class:`FunnelView`), ``delivery`` (the running
    task, or ``None``).

    Signals:
        consent_requested(str): "Give consent…" on a chosen intention; the accepted offer's id.
        delivery_progress(list): a frame's delivery progress events, once they are shown.
    """

    consent_requested = Signal(str)
    delivery_progress = Signal(object)

    def __init__(
        self, runner: VaultRunner, network: NetworkRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._network = network
        self.delivery: Delivery | None = None
        self._delivering_id: str | None = None
        self.view: FunnelView | None = None
        self.last_dialog: IntentionDialog | None = None
        self._records: list[IntentionRecord] = []
        self._names: dict[str, str] = {}
        self._progress_rows: dict[str, int] = {}
        self._weights_timer = QTimer(self)
        self._weights_timer.setSingleShot(True)
        self._weights_timer.setInterval(WEIGHTS_DEBOUNCE_MS)
        self._weights_timer.timeout.connect(self._save_weights)
        self._build()
        runner.locked.connect(self._on_locked)
        if runner.is_unlocked:
            self.reload()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.new_button = QPushButton(self.tr("&New intention…"))
        self.new_button.clicked.connect(self.compose)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(lambda _row: self._on_selected())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.list, 1)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.broadcast_button = QPushButton(self.tr("&Broadcast"))
        self.broadcast_button.setToolTip(
            self.tr("Send the intention to your active vendors that deal in its category")
        )
        self.broadcast_button.clicked.connect(self.broadcast)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop delivering; undelivered copies stay queued for the next broadcast")
        )
        self.cancel_button.clicked.connect(self.cancel_delivery)
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.clicked.connect(self.export)
        self.busy = BusyIndicator()
        self.busy.setMaximumWidth(120)
        actions = QHBoxLayout()
        for widget in (self.broadcast_button, self.cancel_button, self.busy):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.withdraw_button)
        actions.addWidget(self.export_button)

        self.progress_table = small_table(
            [self.tr("Vendor"), self.tr("Status"), self.tr("Attempts"), self.tr("Note")]
        )
        self.progress_box = QGroupBox(self.tr("Delivery"))
        QVBoxLayout(self.progress_box).addWidget(self.progress_table)

        offer_headers = [
            self.tr("#"),
            self.tr("Vendor"),
            self.tr("Item"),
            self.tr("Price"),
            self.tr("Delivered by"),
            self.tr("Score"),
        ]
        self.kept_table = small_table(offer_headers)
        self.alternatives_table = small_table(offer_headers)
        self.removed_table = small_table(
            [self.tr("Vendor"), self.tr("Item"), self.tr("Price"), self.tr("Why removed")]
        )
        for table in (self.kept_table, self.alternatives_table):
            table.itemSelectionChanged.connect(lambda t=table: self._on_offer_selected(t))
            table.doubleClicked.connect(lambda _index: self.accept_selected())
        self.kept_box = QGroupBox(self.tr("Offers (best first)"))
        QVBoxLayout(self.kept_box).addWidget(self.kept_table)
        self.alternatives_box = QGroupBox(self.tr("Alternatives"))
        QVBoxLayout(self.alternatives_box).addWidget(self.alternatives_table)
        self.removed_box = QGroupBox(self.tr("Removed"))
        QVBoxLayout(self.removed_box).addWidget(self.removed_table)

        self.sliders: dict[str, QSlider] = {}
        self._slider_values: dict[str, QLabel] = {}
        weights_box = QGroupBox(self.tr("What matters most"))
        grid = QGridLayout(weights_box)
        titles = {
            "price": self.tr("Price"),
            "delivery": self.tr("Delivery"),
            "loyalty": self.tr("Loyalty"),
            "history": self.tr("History"),
        }
        for column, name in enumerate(WEIGHT_NAMES):
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, 100)
            slider.setSingleStep(5)
            slider.setPageStep(10)
            slider.valueChanged.connect(lambda _v, n=name: self._on_slider(n))
            value = QLabel()
            value.setMinimumWidth(28)
            grid.addWidget(QLabel(titles[name]), 0, column * 2, 1, 2)
            grid.addWidget(slider, 1, column * 2)
            grid.addWidget(value, 1, column * 2 + 1)
            self.sliders[name] = slider
            self._slider_values[name] = value
        self.weights_box = weights_box

        self.accept_button = QPushButton(self.tr("&Accept offer…"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.consent_button = QPushButton(self.tr("Give &consent…"))
        self.consent_button.setToolTip(
            self.tr("Choose which of your data the vendor of the accepted offer may use")
        )
        self.consent_button.clicked.connect(self._request_consent)
        accept_row = QHBoxLayout()
        accept_row.addStretch(1)
        accept_row.addWidget(self.accept_button)
        accept_row.addWidget(self.consent_button)

        self.status = InlineMessage()
        self.error = InlineMessage(error=True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.error)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.progress_box)
        right_layout.addWidget(self.weights_box)
        right_layout.addWidget(self.kept_box)
        right_layout.addLayout(accept_row)
        right_layout.addWidget(self.alternatives_box)
        right_layout.addWidget(self.removed_box)
        right_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(right)

        self.stack, self.empty_label = content_or_empty(
            scroll,
            self.tr(
                "<h3>No intention selected</h3><p>Say what you want, where, by when and for how "
                "much with <i>New intention</i>. Vendors answer with offers; nothing about you "
                "is sent beyond what you write.</p>"
            ),
        )
        self._right = scroll

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([240, 760])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_buttons()

    # ------------------------------------------------------------------ loading

    def reload(self, *, select: str | None = None) -> None:
        """Load the intentions (then select ``select``, or keep the selection)."""

        def show(records: list[IntentionRecord]) -> None:
            chosen = select or self.selected_id()
            self._records = records
            self.list.blockSignals(True)
            self.list.clear()
            row = -1
            for index, record in enumerate(records):
                intention = record.intention
                text = self.tr("%1 — %2").replace("%1", intention.itemOffered.name)
                text = text.replace("%2", status_label(record.status))
                item = QListWidgetItem(text, self.list)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                item.setToolTip(record.id)
                if record.id == chosen:
                    row = index
            self.list.blockSignals(False)
            if row < 0 and records:
                row = 0
            self.list.setCurrentRow(row)
            self._on_selected()
            self._update_buttons()

        self._runner.run(
            lambda vault: IntentionBook(vault).list(),
            on_success=while_alive(self, show),
            on_error=while_alive(self, self._fail),
        )

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def selected_record(self) -> IntentionRecord | None:
        chosen = self.selected_id()
        return next((r for r in self._records if r.id == chosen), None)

    def status_text(self, intention_id: str) -> str:
        """The list's text for ``intention_id`` (for tests)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == intention_id:
                return item.text()
        return ""

    def _on_selected(self) -> None:
        intention_id = self.selected_id()
        if intention_id is None:
            self.view = None
            self.stack.setCurrentWidget(self.empty_label)
            self._update_buttons()
            return
        self.stack.setCurrentWidget(self._right)
        self._load_details(intention_id)

    def _load_details(self, intention_id: str) -> None:
        def show(details: _Details) -> None:
            if self.selected_id() != intention_id:
                return
            self._names = details.vendor_names
            self._show_record(details.record)
            if self._delivering_id != intention_id:
                self._fill_progress(details.progress)
            self._show_funnel(details.funnel)

        self._runner.run(
            lambda vault: _details(vault, intention_id),
            on_success=while_alive(self, show),
            on_error=while_alive(self, self._fail),
        )

    def _show_record(self, record: IntentionRecord) -> None:
        intention = record.intention
        price = intention.priceSpecification
        delivery = intention.delivery
        rows = [
            (self.tr("Item"), intention.itemOffered.name),
            (self.tr("Category"), intention.itemOffered.category),
            (self.tr("Quantity"), str(intention.eligibleQuantity.value)),
            (self.tr("At most"), f"{price.maxPrice} {price.priceCurrency}"),
            (self.tr("Delivery"), delivery.method),
            (self.tr("Where"), " ".join(filter(None, [delivery.region, delivery.postalPrefix]))),
            (self.tr("Deliver by"), str(delivery.deliverBy or "")),
            (self.tr("Valid until"), intention.validThrough),
            (self.tr("Status"), status_label(record.status)),
        ]
        if intention.itemOffered.description:
            rows.insert(2, (self.tr("Description"), intention.itemOffered.description))
        extras = []
        if intention.openToAlternatives:
            extras.append(self.tr("open to alternatives"))
        if intention.terms is not None:
            extras.append(self.tr("your terms attached"))
        if intention.loyaltyProposal is not None:
            extras.append(self.tr("loyalty proposal attached"))
        if extras:
            rows.append((self.tr("Also"), ", ".join(extras)))
        html = "".join(
            f"<tr><td><b>{_escape(label)}</b>&nbsp;&nbsp;</td><td>{_escape(value)}</td></tr>"
            for label, value in rows
            if value
        )
        self.details.setText(f"<table>{html}</table>")

    # ------------------------------------------------------------------ composing

    def compose(self) -> None:
        """Open the composer (with the loyalty proposals and whether terms exist)."""

        def open_dialog(data: _ComposerData) -> None:
            dialog = IntentionDialog(self, proposals=data.proposals, has_terms=data.has_terms)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.create_requested.connect(lambda draft: self._create(dialog, draft))
            self.last_dialog = dialog
            dialog.open()

        self._runner.run(
            _composer_data,
            on_success=while_alive(self, open_dialog),
            on_error=while_alive(self, self._fail),
        )

    def _create(self, dialog: QDialog, draft: IntentionDraft) -> None:
        def created(record: IntentionRecord) -> None:
            if isinstance(dialog, IntentionDialog):
                _when_alive(dialog, dialog.finish)
            self._show_status(
                self.tr("Created your intention for “%1”. Broadcast it to ask vendors.").replace(
                    "%1", record.intention.itemOffered.name
                )
            )
            self.reload(select=record.id)

        def failed(error: Exception) -> None:
            if not isinstance(error, VaultLocked) and isinstance(dialog, IntentionDialog):
                _when_alive(dialog, lambda: dialog.show_error(error_text(error)))

        self._runner.run(
            lambda vault: IntentionBook(vault).create(draft),
            on_success=while_alive(self, created),
            on_error=while_alive(self, failed),
        )

    # ------------------------------------------------------------------ broadcasting

    def broadcast(self) -> None:
        """Queue the intention for its vendors, then deliver on the network loop."""
        record = self.selected_record()
        if record is None or self.delivery is not None:
            return
        intention_id = record.id

        def queued(result: tuple[BroadcastPlan, dict[str, str]]) -> None:
            plan, names = result
            self._names = names
            message = self.tr("Sending to %1 vendor(s)…").replace("%1", str(len(plan.vendor_ids)))
            if plan.already_sent:
                message += " " + self.tr("%1 already had it.").replace(
                    "%1", str(len(plan.already_sent))
                )
            self._show_status(message)
            self.reload(select=intention_id)
            self._deliver(intention_id)

        def plan(vault: Vault) -> tuple[BroadcastPlan, dict[str, str]]:
            result = IntentionBook(vault).broadcast(intention_id)
            return result, {v.id: v.name for v in VendorDirectory(vault).list()}

        self._runner.run(
            plan, on_success=while_alive(self, queued), on_error=while_alive(self, self._fail)
        )

    def _deliver(self, intention_id: str) -> None:
        """Run the delivery cycle on the network loop (:func:`ui.delivery.start_delivery`)."""
        self._delivering_id = intention_id
        self.delivery = start_delivery(
            self._runner,
            self._network,
            owner=self,
            on_success=self._on_delivered,
            on_error=self._on_delivery_failed,
            on_progress=self._on_progress,
        )
        self._load_progress_rows(intention_id)
        self._update_buttons()

    def _load_progress_rows(self, intention_id: str) -> None:
        def show(details: _Details) -> None:
            if self._delivering_id == intention_id and self.selected_id() == intention_id:
                for row in details.progress:
                    if row.vendor_id not in self._progress_rows:
                        self._set_progress(row)

        self._runner.run(
            lambda vault: _details(vault, intention_id),
            on_success=while_alive(self, show),
            on_error=while_alive(self, self._fail),
        )

    def _on_progress(self, batch: ProgressBatch) -> None:
        """One frame's progress events (in order): the last state of each vendor is shown."""
        selected = self.selected_id()
        for progress in batch:
            if progress.kind != KIND_INTENTION or progress.subject != selected:
                continue
            self._set_progress(
                _Row(
                    progress.vendor_id,
                    row_status(progress.status, progress.attempts),
                    progress.attempts,
                    progress.error,
                )
            )
        self.delivery_progress.emit(batch)

    def _fill_progress(self, rows: list[_Row]) -> None:
        self.progress_table.setRowCount(0)
        self._progress_rows.clear()
        for progress in rows:
            self._set_progress(progress)
        fit_height(self.progress_table)
        self.progress_box.setVisible(bool(rows))

    def _set_progress(self, progress: _Row) -> None:
        row = self._progress_rows.get(progress.vendor_id)
        if row is None:
            row = self.progress_table.rowCount()
            self.progress_table.insertRow(row)
            self._progress_rows[progress.vendor_id] = row
        name = self._names.get(progress.vendor_id, progress.vendor_id)
        self.progress_table.setItem(row, 0, _item(name, data=progress.vendor_id))
        self.progress_table.setItem(row, 1, _item(progress.status))
        self.progress_table.setItem(row, 2, _item(str(progress.attempts), align_right=True))
        self.progress_table.setItem(row, 3, _item(progress.note))
        fit_height(self.progress_table)
        self.progress_box.setVisible(True)

    def progress_statuses(self) -> dict[str, str]:
        """Vendor id → the status shown (for tests)."""
        result = {}
        for row in range(self.progress_table.rowCount()):
            vendor = self.progress_table.item(row, 0)
            status = self.progress_table.item(row, 1)
            if vendor is not None and status is not None:
                result[str(vendor.data(Qt.ItemDataRole.UserRole))] = status.text()
        return result

    def cancel_delivery(self) -> None:
        """Stop delivering; pending rows stay in the outbox for the next broadcast."""
        if self.delivery is None:
            return
        self.delivery.cancel()
        self.delivery = None
        intention_id = self._delivering_id
        self._delivering_id = None
        self._show_status(
            self.tr("Delivery stopped. Undelivered copies stay queued; Broadcast sends them.")
        )
        self._update_buttons()
        if intention_id is not None:
            self.reload(select=intention_id)

    def _on_delivered(self, report: DeliveryReport) -> None:
        self.delivery = None
        intention_id = self._delivering_id
        self._delivering_id = None
        summary = report.summary
        message = (
            self.tr("Delivered to %1 vendor(s); %2 new offer(s).")
            .replace("%1", str(summary.delivered))
            .replace("%2", str(len(report.offers.stored)))
        )
        if summary.failed or summary.disabled:
            message += " " + self.tr("%1 could not be reached.").replace(
                "%1", str(summary.failed + summary.disabled)
            )
        if summary.pending:
            message += " " + self.tr("%1 will be retried later.").replace(
                "%1", str(summary.pending)
            )
        self._show_status(message)
        self._update_buttons()
        self.reload(select=intention_id)

    def _on_delivery_failed(self, error: Exception) -> None:
        self.delivery = None
        self._delivering_id = None
        self._update_buttons()
        self._fail(error)

    # ------------------------------------------------------------------ funnel

    def _show_funnel(self, view: FunnelView) -> None:
        self.view = view
        result = view.result
        chosen_id = view.intention.chosen_offer_id
        self._fill_ranked(self.kept_table, result.kept, chosen_id)
        self._fill_ranked(self.alternatives_table, result.alternatives, chosen_id)
        self.removed_table.setRowCount(0)
        for removal in result.removed:
            offer = removal.offer
            row = self.removed_table.rowCount()
            self.removed_table.insertRow(row)
            self.removed_table.setItem(row, 0, _item(offer.seller.name, data=offer.id))
            self.removed_table.setItem(row, 1, _item(offer.itemOffered.name))
            self.removed_table.setItem(
                row, 2, _item(f"{offer.price} {offer.priceCurrency}", align_right=True)
            )
            reason = _item(removal.reason)
            reason.setToolTip(removal.reason)
            self.removed_table.setItem(row, 3, reason)
        fit_height(self.removed_table)
        has_offers = bool(result.kept or result.alternatives or result.removed)
        self.kept_box.setVisible(has_offers)
        self.weights_box.setVisible(bool(result.kept or result.alternatives))
        self.alternatives_box.setVisible(bool(result.alternatives))
        self.removed_box.setVisible(bool(result.removed))
        self._show_weights(view.weights)
        self._update_buttons()

    def _fill_ranked(
        self, table: QTableWidget, ranked: list[Ranked], chosen_id: str | None
    ) -> None:
        selected = self._selected_offer_in(table)
        table.setRowCount(0)
        for index, entry in enumerate(ranked, start=1):
            offer = entry.offer
            row = table.rowCount()
            table.insertRow(row)
            chosen = offer.id == chosen_id
            rank = _item("✓" if chosen else str(index), data=offer.id, align_right=True)
            if chosen:
                rank.setToolTip(self.tr("The offer you accepted"))
            table.setItem(row, 0, rank)
            table.setItem(row, 1, _item(offer.seller.name))
            table.setItem(row, 2, _item(offer.itemOffered.name))
            table.setItem(row, 3, _item(f"{offer.price} {offer.priceCurrency}", align_right=True))
            table.setItem(row, 4, _item(offer.delivery.deliverBy.isoformat()))
            score = _item(f"{entry.score:.2f}", align_right=True)
            score.setToolTip(
                self.tr("price %1 · delivery %2 · loyalty %3 · history %4")
                .replace("%1", f"{entry.price:.2f}")
                .replace("%2", f"{entry.delivery:.2f}")
                .replace("%3", f"{entry.loyalty:.2f}")
                .replace("%4", f"{entry.history:.2f}")
            )
            table.setItem(row, 5, score)
            if chosen:
                for column in range(table.columnCount()):
                    cell = table.item(row, column)
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
            if offer.id == selected:
                table.selectRow(row)
        fit_height(table)

    def ranked_offer_ids(self, *, alternatives: bool = False) -> list[str]:
        """The offer ids in the order shown (for tests)."""
        table = self.alternatives_table if alternatives else self.kept_table
        return [
            str(table.item(row, 0).data(Qt.ItemDataRole.UserRole))
            for row in range(table.rowCount())
        ]

    def removed_reasons(self) -> dict[str, str]:
        """Item name → the reason shown (for tests)."""
        return {
            self.removed_table.item(row, 1).text(): self.removed_table.item(row, 3).text()
            for row in range(self.removed_table.rowCount())
        }

    @staticmethod
    def _selected_offer_in(table: QTableWidget) -> str | None:
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        item = table.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def selected_offer_id(self) -> str | None:
        return self._selected_offer_in(self.kept_table) or self._selected_offer_in(
            self.alternatives_table
        )

    def _on_offer_selected(self, table: QTableWidget) -> None:
        other = self.alternatives_table if table is self.kept_table else self.kept_table
        if table.selectionModel().hasSelection() and other.selectionModel().hasSelection():
            other.blockSignals(True)
            other.clearSelection()
            other.blockSignals(False)
        self._update_buttons()

    # ------------------------------------------------------------------ weights

    def _show_weights(self, weights: FunnelWeights) -> None:
        for name in WEIGHT_NAMES:
            slider = self.sliders[name]
            value = round(getattr(weights, name) * 100)
            if slider.value() != value and not self._weights_timer.isActive():
                slider.blockSignals(True)
                slider.setValue(value)
                slider.blockSignals(False)
            self._slider_values[name].setText(f"{slider.value()}")

    def _on_slider(self, name: str) -> None:
        self._slider_values[name].setText(str(self.sliders[name].value()))
        self._weights_timer.start()  # debounce: save once the user stops moving

    def _save_weights(self) -> None:
        values = {name: self.sliders[name].value() / 100 for name in WEIGHT_NAMES}
        if sum(values.values()) <= 0:
            self.error.show_text(self.tr("At least one criterion must count."))
            return
        weights = FunnelWeights(**values)
        intention_id = self.selected_id()

        def saved(_weights: FunnelWeights) -> None:
            if intention_id is not None and self.selected_id() == intention_id:
                self._load_details(intention_id)

        self._runner.run(
            lambda vault: OfferBook(vault).set_weights(weights),
            on_success=while_alive(self, saved),
            on_error=while_alive(self, self._fail),
        )

    # ------------------------------------------------------------------ deciding

    def accept_selected(self) -> None:
        """Accept the selected offer (after confirming): the intention becomes chosen."""
        offer_id = self.selected_offer_id()
        record = self.selected_record()
        view = self.view
        if offer_id is None or record is None or view is None or record.status not in OPEN:
            return
        ranked = [*view.result.kept, *view.result.alternatives]
        offer = next((entry.offer for entry in ranked if entry.offer.id == offer_id), None)
        if offer is None:
            return
        if not intention_dialogs.confirm_accept(
            self,
            vendor=offer.seller.name,
            item=offer.itemOffered.name,
            price=f"{offer.price} {offer.priceCurrency}",
            deliver_by=offer.delivery.deliverBy.isoformat(),
        ):
            return
        name = offer.seller.name

        def accepted(_result: object) -> None:
            self._show_status(
                self.tr("You accepted %1's offer; the vendors will be told.").replace("%1", name)
            )
            self.reload(select=record.id)
            self._send_notices()

        self._runner.run(
            lambda vault: OfferBook(vault).accept(offer_id),
            on_success=while_alive(self, accepted),
            on_error=while_alive(self, self._fail),
        )

    def _request_consent(self) -> None:
        record = self.selected_record()
        if record is not None and record.chosen_offer_id is not None:
            self.consent_requested.emit(record.chosen_offer_id)

    def _send_notices(self) -> None:
        """Deliver queued notices (decisions, withdrawals) in the background."""
        if self.delivery is not None:
            return
        start_delivery(
            self._runner,
            self._network,
            owner=self,
            on_success=lambda _report: None,
            on_error=self._fail,
        )

    def withdraw(self) -> None:
        record = self.selected_record()
        if record is None or record.status not in OPEN:
            return
        if not intention_dialogs.confirm_withdraw(self, item=record.intention.itemOffered.name):
            return
        if self.delivery is not None and self._delivering_id == record.id:
            self.cancel_delivery()
        intention_id = record.id

        def withdrawn(plan: NoticePlan) -> None:
            message = self.tr("Withdrawn. %1 vendor(s) will be told.").replace(
                "%1", str(len(plan.told))
            )
            self._show_status(message)
            self.reload(select=intention_id)
            self._send_notices()

        self._runner.run(
            lambda vault: IntentionBook(vault).withdraw(intention_id),
            on_success=while_alive(self, withdrawn),
            on_error=while_alive(self, self._fail),
        )

    def export(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        path = ask.pick_save_file(
            self,
            self.tr("Export the signed intention"),
            suggested=Path.home() / "intention.json",
            name_filter=self.tr("JSON files (*.json)"),
        )
        if path is None:
            return
        intention_id = record.id

        def exported(written: Path) -> None:
            self._show_status(self.tr("Exported to %1.").replace("%1", str(written)))

        # The save dialog already asked before replacing an existing file.
        self._runner.run(
            lambda vault: IntentionBook(vault).export(intention_id, path, force=True),
            on_success=while_alive(self, exported),
            on_error=while_alive(self, self._fail),
        )

    # ------------------------------------------------------------------ state

    def _update_buttons(self) -> None:
        record = self.selected_record()
        delivering = self.delivery is not None
        is_open = record is not None and record.status in OPEN
        self.broadcast_button.setEnabled(is_open and not delivering)
        self.broadcast_button.setText(
            self.tr("&Broadcast")
            if record is None or record.status == "draft"
            else self.tr("&Broadcast again")
        )
        self.cancel_button.setVisible(delivering)
        self.busy.set_busy(delivering)
        self.withdraw_button.setEnabled(is_open)
        self.export_button.setEnabled(record is not None)
        can_accept = record is not None and record.status in ("broadcast", "offers_in")
        self.accept_button.setEnabled(can_accept and self.selected_offer_id() is not None)
        self.consent_button.setEnabled(record is not None and record.chosen_offer_id is not None)
        self.new_button.setEnabled(True)

    def _on_locked(self) -> None:
        if self.delivery is not None:
            self.delivery.cancel()
            self.delivery = None
        self._delivering_id = None
        self._weights_timer.stop()
        self._records = []
        self.view = None
        self.list.clear()
        for table in (
            self.progress_table,
            self.kept_table,
            self.alternatives_table,
            self.removed_table,
        ):
            table.setRowCount(0)
        self.details.clear()
        self.stack.setCurrentWidget(self.empty_label)
        self.status.clear()
        self.error.clear()
        self._update_buttons()

    def _show_status(self, text: str) -> None:
        self.error.clear()
        self.status.show_text(text)

    def _fail(self, error: Exception) -> None:
        if isinstance(error, VaultLocked):
            return
        self.status.clear()
        self.error.show_text(error_text(error))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _when_alive(widget: QObject, action: Callable[[], None]) -> None:
    if shiboken6.isValid(widget):
        action()
