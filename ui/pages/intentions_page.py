"""Intentions: compose one, broadcast it to vendors with live per-vendor progress, and choose
among the offers that come back through the funnel (kept and ranked, alternatives, removed with
the reason; :mod:`ui.pages.intention_offers`).

Broadcasting queues the outbox rows on the vault worker; :func:`ui.delivery.start_delivery`
delivers them. Progress reaches the GUI thread in batches, at most one per frame, and updates
only its rows; table rows are prepared on the vault worker (:mod:`ui.pages.intention_tables`).
Cancelling stops waiting; undelivered rows stay in the outbox for the next broadcast. The page
refreshes when intentions, offers or the outbox changed (``runner.changed``), once after its
own delivery rather than during it.
"""

from __future__ import annotations

import shiboken6
from pydantic import ValidationError
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.delivery import Delivery, ProgressBatch, start_delivery
from ui.dialogs import intention_dialogs
from ui.dialogs.intention_dialogs import IntentionDialog
from ui.i18n.formats import local_date
from ui.market.choices import BroadcastChoices
from ui.market.link import market_link
from ui.network import NetworkRunner
from ui.pages.base import Page
from ui.pages.intention_export import export_intention
from ui.pages.intention_offers import OffersPanel
from ui.pages.intention_progress import DeliveryProgress, ShownIntention, prepare_shown
from ui.pages.intention_record import intention_status_text, record_rows
from ui.pages.intention_tables import NEXT_TURN_MS
from ui.pages.offer_details import money
from ui.tasks import VaultRunner
from ui.widgets.busy import BusyIndicator
from ui.widgets.details_grid import DetailsGrid
from ui.widgets.layout import content_or_empty
from ui.widgets.messages import error_text
from wallet.changes import Changes, Part
from wallet.delivery.cycle import DeliveryReport
from wallet.errors import VaultLocked
from wallet.intents import IntentionBook, IntentionDraft, IntentionRecord
from wallet.intents.book import BroadcastPlan, NoticePlan
from wallet.intents.status import accepts_offers, is_open, was_broadcast
from wallet.intents.views import ComposerChoices, composer_choices
from wallet.offers import FunnelWeights, OfferBook
from wallet.offers.summary import OfferSummary, offer_summary
from wallet.offers.views import vendor_names
from wallet.vault.facade import Vault
from wallet.wire.models import Offer


class IntentionsPage(Page):
    """Intentions on the left; the selected one's details, delivery and offers on the right.

    Attributes (for tests): ``list``, ``new_button``, ``last_dialog``, ``details``,
    ``broadcast_button``, ``withdraw_button``, ``export_button``, ``cancel_button``,
    ``progress_table``, ``offers`` (the :class:`OffersPanel`) and its ``kept_table``,
    ``alternatives_box``, ``alternatives_table``, ``removed_table``, ``sliders`` (name →
    QSlider), ``accept_button``, ``consent_button``; ``status``, ``error``, ``delivery`` (the
    running delivery, or ``None``).

    Signals:
        consent_requested(str): "Give consent…" on a chosen intention; the accepted offer's id.
        delivery_progress(list): a frame's delivery progress events, once they are shown.
    """

    consent_requested = Signal(str)
    delivery_progress = Signal(object)

    def __init__(
        self, runner: VaultRunner, network: NetworkRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self._network = network
        self._link = market_link(runner, network)  # the one relay connection, shared
        self._link.cast_finished.connect(self._on_cast)
        self._link.offers_arrived.connect(self._on_market_offers)
        self.delivery: Delivery | None = None
        self._delivering_id: str | None = None
        self._stale = False  # something changed during our delivery: refresh after it
        self._details_generation = 0
        self._shown_id: str | None = None  # the intention whose details are shown
        self.last_dialog: IntentionDialog | None = None
        self._records: list[IntentionRecord] = []
        self._names: dict[str, str] = {}
        self._build()
        runner.locked.connect(self._on_locked)
        runner.changed.connect(self._on_changed)
        if runner.is_unlocked:
            self.reload()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.new_button = QPushButton(self.tr("&New intention…"))
        self.new_button.clicked.connect(self.compose)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Your intentions"))
        self.list.currentRowChanged.connect(lambda _row: self._on_selected())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.list, 1)

        self.details = DetailsGrid()

        self.progress_box = DeliveryProgress()
        self.progress_table = self.progress_box.table

        self.offers = OffersPanel()
        self.offers.weights_chosen.connect(self._save_weights)
        self.offers.accept_requested.connect(self.accept_selected)
        self.offers.consent_requested.connect(self._request_consent)
        self.offers.selection_changed.connect(self._update_buttons)
        self.offers.selection_changed.connect(self._load_offer_summary)
        panel = self.offers  # its parts, under the names the page always had
        self.kept_table, self.alternatives_table = panel.kept_table, panel.alternatives_table
        self.removed_table, self.kept_box = panel.removed_table, panel.kept_box
        self.alternatives_box, self.removed_box = panel.alternatives_box, panel.removed_box
        self.weights_box, self.sliders = panel.weights_box, panel.sliders
        self.accept_button, self.consent_button = panel.accept_button, panel.consent_button

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addLayout(self._build_actions())
        self.choices = BroadcastChoices(self._link)
        self.choices.changed.connect(self._update_buttons)
        right_layout.addWidget(self.choices)
        right_layout.addWidget(self.error)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.progress_box)
        right_layout.addWidget(self.offers)
        right_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(right)
        scroll.setAccessibleName(self.tr("The intention chosen"))

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

    def _build_actions(self) -> QHBoxLayout:
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
        return actions

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
                text = self.tr("%1 — %2").replace("%1", record.intention.itemOffered.name)
                text = text.replace("%2", intention_status_text(record.status))
                item = QListWidgetItem(text, self.list)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                item.setToolTip(record.id)
                if record.id == chosen:
                    row = index
            if row < 0 and records:
                row = 0
            self.list.setCurrentRow(row)
            self.list.blockSignals(False)
            self._on_selected()  # once: a read of thousands of offers costs the vault ~100 ms
            self._update_buttons()

        self.run(lambda vault: IntentionBook(vault).list(), on_success=show)

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(Part.INTENTIONS, Part.OFFERS, Part.OUTBOX):
            return
        if self.delivery is not None:
            self._stale = True  # our delivery's rows change all the time: refresh once after
            return
        self.reload()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def selected_record(self) -> IntentionRecord | None:
        chosen = self.selected_id()
        return next((r for r in self._records if r.id == chosen), None)

    def status_text(self, intention_id: str) -> str:
        """The list's text for ``intention_id`` (for tests)."""
        items = (self.list.item(row) for row in range(self.list.count()))
        found = (i.text() for i in items if i.data(Qt.ItemDataRole.UserRole) == intention_id)
        return next(found, "")

    def _on_selected(self) -> None:
        intention_id = self.selected_id()
        if intention_id != self._shown_id:  # what was said of another intention is stale
            self._shown_id = intention_id
            self.clear_messages()
        if intention_id is None:
            self.stack.setCurrentWidget(self.empty_label)
            self._update_buttons()
            return
        self.stack.setCurrentWidget(self._right)
        self._load_details(intention_id)

    def _load_details(self, intention_id: str) -> None:
        """Read and show the details; only the latest read is shown (thousands of offers take
        a while to show, and an older read is stale)."""
        self._details_generation += 1
        generation = self._details_generation
        texts = self.offers.texts

        def current() -> bool:
            return generation == self._details_generation and self.selected_id() == intention_id

        def show(shown: ShownIntention) -> None:
            if not current():
                return
            self._names = shown.names
            self._show_record(shown)
            if self._delivering_id != intention_id:
                self.progress_box.show_rows(shown.progress)
            self._update_buttons()
            # The offers at the next turn: laying out and painting the record, the progress and
            # thousands of offers in one turn would hold the window for more than a frame.
            QTimer.singleShot(NEXT_TURN_MS, self, lambda: show_offers(shown))

        def show_offers(shown: ShownIntention) -> None:
            if current():
                self.offers.show_offers(shown.offers, weights=shown.weights)
                self._update_buttons()
                if self.offers.details.shown_id is not None:  # its decision may have changed
                    self._load_offer_summary()

        self.run(lambda vault: prepare_shown(vault, intention_id, texts), on_success=show)

    def _show_record(self, shown: ShownIntention) -> None:
        self.details.set_rows(record_rows(shown.record, shown.casts))

    # ------------------------------------------------------------------ composing

    def compose(self) -> None:
        """Open the composer (with the loyalty proposals and whether terms exist)."""

        def open_dialog(choices: ComposerChoices) -> None:
            dialog = IntentionDialog(self, proposals=choices.proposals, has_terms=choices.has_terms)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.create_requested.connect(lambda draft: self._create(dialog, draft))
            self.last_dialog = dialog
            dialog.open()

        self.run(composer_choices, on_success=open_dialog)

    def _create(self, dialog: IntentionDialog, draft: IntentionDraft) -> None:
        def created(record: IntentionRecord) -> None:
            if shiboken6.isValid(dialog):
                dialog.finish()
            self.show_status(
                self.tr("Created your intention for “%1”. Broadcast it to ask vendors.").replace(
                    "%1", record.intention.itemOffered.name
                )
            )
            self.reload(select=record.id)

        def failed(error: Exception) -> None:
            if not isinstance(error, VaultLocked) and shiboken6.isValid(dialog):
                dialog.show_error(error_text(error))

        self.run(
            lambda vault: IntentionBook(vault).create(draft), on_success=created, on_error=failed
        )

    # ------------------------------------------------------------------ broadcasting

    def broadcast(self) -> None:
        """Send the intention where the person chose: cast it to the market (on the relay
        connection, :mod:`ui.market.link`), queue it for its vendors and deliver on the network
        loop, or both."""
        record = self.selected_record()
        to_vendors, to_market = self.choices.chosen()
        if record is None or self.delivery is not None or not (to_vendors or to_market):
            return
        intention_id = record.id
        if to_market:
            self._link.cast(intention_id)
            self.show_status(self.tr("Casting it to the market…"))
        if not to_vendors:
            return

        def queued(result: tuple[BroadcastPlan, dict[str, str]]) -> None:
            plan, names = result
            self._names = names
            message = self.tr("Sending to %n vendor(s)…", "", len(plan.vendor_ids))
            if plan.already_sent:
                message += " " + self.tr("%1 already had it.").replace(
                    "%1", str(len(plan.already_sent))
                )
            self.show_status(message)
            self._deliver(intention_id)

        def plan(vault: Vault) -> tuple[BroadcastPlan, dict[str, str]]:
            return IntentionBook(vault).broadcast(intention_id), vendor_names(vault)

        self.run(plan, on_success=queued)

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
        self._stale = True  # the broadcast itself changed the list: refresh after delivering
        self._load_progress_rows(intention_id)
        self._update_buttons()

    def _load_progress_rows(self, intention_id: str) -> None:
        """Show every queued row; rows the progress events reached first are left as they are."""
        texts = self.offers.texts

        def show(shown: ShownIntention) -> None:
            if self._delivering_id != intention_id or self.selected_id() != intention_id:
                return
            self._show_record(shown)
            self.progress_box.add_missing(shown.progress)

        self.run(lambda vault: prepare_shown(vault, intention_id, texts), on_success=show)

    def _on_progress(self, batch: ProgressBatch) -> None:
        """One frame's progress events (in order): each vendor's row shows its last state."""
        self.progress_box.apply(batch, intention_id=self.selected_id(), names=self._names)
        self.delivery_progress.emit(batch)

    def progress_statuses(self) -> dict[str, str]:
        """Vendor id → the status shown (for tests)."""
        return self.progress_box.statuses()

    def cancel_delivery(self) -> None:
        """Stop delivering; pending rows stay in the outbox for the next broadcast."""
        if self.delivery is None:
            return
        self.delivery.cancel()
        self._delivery_ended()
        self.show_status(
            self.tr("Delivery stopped. Undelivered copies stay queued; Broadcast sends them.")
        )

    def _delivery_ended(self) -> None:
        self.delivery = None
        intention_id = self._delivering_id
        self._delivering_id = None
        self._update_buttons()
        if self._stale:
            self._stale = False
            self.reload(select=intention_id)

    def _on_delivered(self, report: DeliveryReport) -> None:
        summary = report.summary
        message = self.tr("Delivered to %n vendor(s).", "", summary.delivered)
        message += " " + self.tr("%n new offer(s).", "", len(report.offers.stored))
        if summary.failed or summary.disabled:
            message += " " + self.tr("%1 could not be reached.").replace(
                "%1", str(summary.failed + summary.disabled)
            )
        if summary.pending:
            message += " " + self.tr("%1 will be retried later.").replace(
                "%1", str(summary.pending)
            )
        self.show_status(message)
        self._delivery_ended()

    def _on_delivery_failed(self, error: Exception) -> None:
        self._delivery_ended()
        self.show_error(error)

    def _on_cast(self, intention_id: str, error: Exception | None) -> None:
        if isinstance(error, VaultLocked):
            return
        if error is not None:
            self.show_error(error)
        elif intention_id == self.selected_id():
            self.show_status(self.tr("Cast to the market. Offers appear here as they arrive."))

    def _on_market_offers(self, intention_id: str, count: int) -> None:
        if intention_id == self.selected_id() and self.delivery is None:
            self.show_status(self.tr("%n new offer(s) from the market.", "", count))

    # ------------------------------------------------------------------ funnel

    def ranked_offer_ids(self, *, alternatives: bool = False) -> list[str]:
        """The offer ids in the order shown (for tests)."""
        return self.offers.ranked_offer_ids(alternatives=alternatives)

    def removed_reasons(self) -> dict[str, str]:
        """Item name → the reason shown (for tests)."""
        return self.offers.removed_reasons()

    def _save_weights(self, values: dict[str, float]) -> None:
        try:
            weights = FunnelWeights(**values)
        except ValidationError:  # the core's rule: at least one weight above 0
            self.error.show_text(self.tr("At least one criterion must count."))
            return
        self.run(lambda vault: OfferBook(vault).set_weights(weights))

    # ------------------------------------------------------------------ deciding

    def accept_selected(self) -> None:
        """Accept the selected offer (after confirming): the intention becomes chosen."""
        offer_id = self.offers.selected_offer_id()
        record = self.selected_record()
        if offer_id is None or record is None or not is_open(record.status):
            return
        # The page keeps only the rows it shows (thousands of offers as models would make
        # every full garbage collection slower): the offer to confirm is read again.
        self.run(lambda vault: OfferBook(vault).get(offer_id).offer, on_success=self._confirm)

    def _confirm(self, offer: Offer) -> None:
        if offer.id != self.offers.selected_offer_id():
            return  # another offer was selected meanwhile
        if not intention_dialogs.confirm_accept(
            self,
            vendor=offer.seller.name,
            item=offer.itemOffered.name,
            price=money(offer.price, offer.priceCurrency),
            deliver_by=local_date(offer.delivery.deliverBy),
        ):
            return
        name = offer.seller.name
        offer_id = offer.id

        def accepted(_result: object) -> None:
            self.show_status(
                self.tr("You accepted %1's offer; the vendors will be told.").replace("%1", name)
            )
            self._send_notices()

        self.run(lambda vault: OfferBook(vault).accept(offer_id), on_success=accepted)

    def _load_offer_summary(self) -> None:
        """Show what the selected offer is and asks for (read on the vault's thread)."""
        offer_id = self.offers.selected_offer_id()
        if offer_id is None:
            self.offers.details.clear()
            return

        def show(summary: OfferSummary) -> None:
            if self.offers.selected_offer_id() == offer_id:
                self.offers.details.show_summary(summary)

        self.run(lambda vault: offer_summary(vault, offer_id), on_success=show)

    def _request_consent(self) -> None:
        record = self.selected_record()
        if record is not None and record.chosen_offer_id is not None:
            self.consent_requested.emit(record.chosen_offer_id)

    def _send_notices(self) -> None:
        """Deliver queued notices (decisions, withdrawals) in the background."""
        if self.delivery is None:
            start_delivery(self._runner, self._network, owner=self, on_success=lambda _r: None)

    def withdraw(self) -> None:
        record = self.selected_record()
        if record is None or not is_open(record.status):
            return
        if not intention_dialogs.confirm_withdraw(self, item=record.intention.itemOffered.name):
            return
        if self.delivery is not None and self._delivering_id == record.id:
            self.cancel_delivery()
        intention_id = record.id

        def withdrawn(plan: NoticePlan) -> None:
            message = self.tr("Withdrawn. %n vendor(s) will be told.", "", len(plan.told))
            self.show_status(message)
            self._send_notices()
            self._link.wake()  # the relay is told too, when it was cast there

        self.run(lambda vault: IntentionBook(vault).withdraw(intention_id), on_success=withdrawn)

    def export(self) -> None:
        record = self.selected_record()
        if record is not None:
            export_intention(self, record.id)

    # ------------------------------------------------------------------ state

    def _update_buttons(self) -> None:
        record = self.selected_record()
        delivering = self.delivery is not None
        status = None if record is None else record.status
        open_now = status is not None and is_open(status)
        chosen = any(self.choices.chosen())
        self.broadcast_button.setEnabled(open_now and not delivering and chosen)
        self.broadcast_button.setText(
            self.tr("&Broadcast again")
            if status is not None and was_broadcast(status)
            else self.tr("&Broadcast")
        )
        self.cancel_button.setVisible(delivering)
        self.busy.set_busy(delivering)
        self.withdraw_button.setEnabled(open_now)
        self.export_button.setEnabled(record is not None)
        can_accept = status is not None and accepts_offers(status)
        self.accept_button.setEnabled(can_accept and self.offers.selected_offer_id() is not None)
        self.consent_button.setEnabled(record is not None and record.chosen_offer_id is not None)
        self.new_button.setEnabled(True)

    def _on_locked(self) -> None:
        if self.delivery is not None:
            self.delivery.cancel()
            self.delivery = None
        self._delivering_id = None
        self._stale = False
        self._details_generation += 1  # reads still on their way are not shown
        self._records = []
        self.list.clear()
        self.progress_box.clear()
        self.offers.clear()
        self.details.clear()
        self.stack.setCurrentWidget(self.empty_label)
        self.clear_messages()
        self._update_buttons()
