"""Consents: every consent given, its receipt, scope and history; revoke, export, erasure.

Every vault call goes through the runner (:class:`~wallet.consents.ConsentBook` on the worker).
Messages to vendors (disclosures, updates, revocation and expiry notices) are queued by the core
in the outbox and delivered here in the background exactly as the Intentions page delivers:
:func:`~wallet.delivery.cycle.deliver_pending_async` on the network loop, with every database
step on the vault worker; it also reads the vendors' signed acknowledgements. A delivery runs
after each grant, revocation or update, on **Send now**, and when the minute check finds
consents that expired or retries that are due.

The table is a window over the consents (:class:`~ui.models.consents_model.ConsentsModel`): a
reload reads only the ordered row ids, and rows come a page at a time as they are painted, so it
stays fast at 100 000 consents. It reloads when the page is first shown, and after any operation
whose :class:`~wallet.changes.Changes` touch what it shows (at once if shown, else when next
shown), so an unlock does not wait for it; asking to open one consent (from the Overview)
reloads at once with that consent's page, then selects it and scrolls to it.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.background import while_alive
from ui.dialogs import ask
from ui.dialogs.grant_dialog import GrantDialog
from ui.dialogs.propagate_dialog import PropagateDialog
from ui.models.consents_model import ConsentColumn, ConsentsModel, local_day, local_time
from ui.network import NetworkRunner, NetworkTask, vault_call_adapter, vault_db_adapter
from ui.pages.base import Page
from ui.tasks import VaultRunner
from ui.text import escape_html
from ui.widgets.busy import BusyIndicator
from ui.widgets.layout import content_or_empty
from ui.widgets.messages import error_text
from ui.widgets.tables import fit_height, small_table, windowed_table_view
from wallet.changes import Changes, Part
from wallet.consents import ConsentBook, ConsentRecord, GrantPlan, NoticeOutcome
from wallet.consents.book import KIND_DISCLOSURE, KIND_EXPIRY, KIND_REVOCATION, KIND_UPDATE
from wallet.consents.store import ConsentEvent, ConsentRow, ConsentStatus
from wallet.consents.views import (
    SIGNED_EVENTS,
    ConsentDetails,
    ConsentLine,
    ExpiryCheck,
    FieldHolders,
    check_expiry,
    consent_details,
    field_holders,
    vendor_choices,
)
from wallet.delivery.cycle import DeliveryReport, deliver_pending_async
from wallet.errors import VaultLocked
from wallet.outbox.store import OutboxRow

try:  # data-subject requests (issue 5, part 8) may not be in this build yet
    from ui.dialogs.request_dialog import RequestDialog
except ImportError:  # pragma: no cover - depends on the core having wallet.consents.requests
    RequestDialog = None  # type: ignore[assignment,misc]

# Short runs: answers (acknowledgements) are read when a run ends, and the minute check
# (EXPIRY_CHECK_MS) starts another run for retries that are due.
DELIVERY_DEADLINE_SECONDS = 20.0
EXPIRY_CHECK_MS = 60_000
SHOWN_PARTS = (Part.CONSENTS, Part.FIELDS, Part.VENDORS, Part.OUTBOX)
STATUS_FILTERS: tuple[ConsentStatus | None, ...] = (None, "active", "expired", "revoked")
EXPORT_FORMATS = ("jws", "json", "dpv")


def pick_directory(parent: QWidget | None, title: str, *, directory: Path) -> Path | None:
    """Ask for a folder; ``None`` if cancelled. Tests monkeypatch it, like :mod:`ui.dialogs.ask`."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(directory))
    return Path(chosen) if chosen else None


# ---------------------------------------------------------------------------- the page


def _cell(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(tooltip or text)
    return item


def _aside(text: str) -> str:
    """``text`` in brackets and greyed, after what it qualifies."""
    return f"<span style='color: palette(placeholder-text)'>({escape_html(text)})</span>"


class ConsentsPage(Page):
    """The consents table above the selected consent's details, receipt state and history.

    Signals:
        consent_granted(str): a consent was given through this page's grant dialog; its id.

    Attributes (for tests): ``model``, ``table``, ``status_combo``, ``stack``, ``empty_label``,
    ``new_button``, ``send_button``, ``busy``, ``export_all_button``, ``details``,
    ``detail_stack``, ``revoke_button``, ``export_button``, ``export_actions`` (format → action),
    ``erasure_button`` (``None`` without data-subject requests in the core), ``deliveries_table``,
    ``history_table``, ``status``, ``error``, ``last_dialog`` (the last dialog opened),
    ``delivery`` (the running delivery, or ``None``), ``shown`` (the :class:`ConsentDetails`
    shown), ``expiry_timer``.
    """

    consent_granted = Signal(str)

    def __init__(
        self, runner: VaultRunner, network: NetworkRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self._network = network
        self.delivery: NetworkTask | None = None
        self._deliver_again = False
        self._stale = True  # the list is to be reloaded when the page is next shown
        self._loading = False  # a reload was asked for and its ids have not arrived yet
        self._select_after_load: str | None = None
        self._details_for: str | None = None  # the consent whose details were last asked for
        self.shown: ConsentDetails | None = None
        self.last_dialog: QDialog | None = None
        self._dialogs: set[QDialog] = set()
        self.expiry_timer = QTimer(self)
        self.expiry_timer.setInterval(EXPIRY_CHECK_MS)
        self.expiry_timer.timeout.connect(self.check_expiry)
        self._build()
        runner.locked.connect(self._on_locked)
        runner.changed.connect(self._on_vault_changed)
        if runner.is_unlocked:
            self.expiry_timer.start()
            self.check_expiry()
            self.reload()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.status_combo = QComboBox()
        for status, title in zip(
            STATUS_FILTERS,
            (self.tr("All consents"), self.tr("Active"), self.tr("Expired"), self.tr("Revoked")),
            strict=True,
        ):
            self.status_combo.addItem(title, status)
        self.status_combo.setToolTip(self.tr("Show consents with this status only"))
        self.status_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.new_button = QPushButton(self.tr("&New consent…"))
        self.new_button.setToolTip(self.tr("Give a vendor from your directory a consent"))
        self.new_button.clicked.connect(self.new_consent)
        self.send_button = QPushButton(self.tr("&Send now"))
        self.send_button.setToolTip(
            self.tr("Deliver the messages waiting for vendors (data, updates, revocations)")
        )
        self.send_button.clicked.connect(self.send_now)
        self.busy = BusyIndicator()
        self.busy.setMaximumWidth(100)
        self.export_all_button = QPushButton(self.tr("Export &all…"))
        self.export_all_button.setToolTip(
            self.tr("Every receipt as signed .jws, readable .json and DPV .json, into a folder")
        )
        self.export_all_button.clicked.connect(self.export_all)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.status_combo)
        top.addStretch(1)
        top.addWidget(self.busy)
        top.addWidget(self.send_button)
        top.addWidget(self.export_all_button)
        top.addWidget(self.new_button)

        self.model = ConsentsModel(self._runner, self)
        self.model.rows_reset.connect(self._on_rows_reset)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.load_failed.connect(self._list_failed)
        self.table = windowed_table_view(self.model)
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(ConsentColumn.FIELDS, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(ConsentColumn.VENDOR, 190)
        self.table.setColumnWidth(ConsentColumn.STATUS, 110)
        self.table.setColumnWidth(ConsentColumn.GRANTED, 140)
        self.table.setColumnWidth(ConsentColumn.EXPIRES, 100)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        self.stack, self.empty_label = content_or_empty(
            self.table,
            self.tr(
                "<h3>No consents yet</h3><p>When you accept an offer, choose <i>Give consent…</i> "
                "on the Intentions page, or <i>New consent…</i> here, to let a vendor use the "
                "data it needs, for the purposes and the time you choose.</p>"
            ),
        )

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self._build_details())
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)
        self._update_buttons()

    def _build_details(self) -> QWidget:
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.revoke_button = QPushButton(self.tr("&Revoke…"))
        self.revoke_button.setToolTip(
            self.tr("End this consent; the vendor gets a signed notice to delete your data")
        )
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.export_button = QPushButton(self.tr("E&xport receipt"))
        menu = QMenu(self.export_button)
        titles = {
            "jws": self.tr("Signed receipt (.jws)…"),
            "json": self.tr("Readable receipt with both signatures (.json)…"),
            "dpv": self.tr("DPV consent record (.json)…"),
        }
        self.export_actions: dict[str, QAction] = {}
        for form in EXPORT_FORMATS:
            action = menu.addAction(titles[form])
            action.triggered.connect(lambda _checked=False, f=form: self.export_selected(f))
            self.export_actions[form] = action
        self.export_button.setMenu(menu)
        self.erasure_button: QPushButton | None = None
        self.detail_title = QLabel()
        font = self.detail_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.detail_title.setFont(font)
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        actions = QHBoxLayout()
        actions.addWidget(self.detail_title, 1)
        actions.addWidget(self.revoke_button)
        actions.addWidget(self.export_button)
        if RequestDialog is not None:
            self.erasure_button = QPushButton(self.tr("Request &erasure…"))
            self.erasure_button.setToolTip(
                self.tr("Write a GDPR Art. 17 erasure request to this vendor, naming what it got")
            )
            self.erasure_button.clicked.connect(self.request_erasure)
            actions.addWidget(self.erasure_button)

        self.deliveries_table = small_table(
            [self.tr("Message"), self.tr("State"), self.tr("Attempts"), self.tr("Note")],
            selectable=False,
        )
        deliveries_box = QGroupBox(self.tr("Messages to the vendor"))
        QVBoxLayout(deliveries_box).addWidget(self.deliveries_table)
        self.history_table = small_table(
            [self.tr("When"), self.tr("What happened"), self.tr("Fields"), self.tr("Detail")],
            selectable=False,
        )
        history_box = QGroupBox(self.tr("History"))
        QVBoxLayout(history_box).addWidget(self.history_table)

        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.addLayout(actions)
        panel_layout.addWidget(self.details)
        panel_layout.addWidget(deliveries_box)
        panel_layout.addWidget(history_box)
        panel_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(panel)
        self._detail_panel = scroll
        self.no_selection_label = QLabel(
            self.tr("Select a consent to see its receipt, scope and history.")
        )
        self.no_selection_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(scroll)
        self.detail_stack.addWidget(self.no_selection_label)
        self.detail_stack.setCurrentWidget(self.no_selection_label)
        return self.detail_stack

    # ------------------------------------------------------------------ loading the list

    def reload(self, *, select: str | None = None) -> None:
        """Load the list now if the page is shown, else when it is next shown; then select
        ``select`` (or keep the selection)."""
        if select is not None:
            self._select_after_load = select
        self._stale = True
        if self.isVisible() or self._select_after_load is not None:
            self._load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load(self) -> None:
        """Reload the ids (a newer reload supersedes one on its way), focusing the consent asked
        for, else the selected row (by its row id: it may still be loading)."""
        self._stale = False
        self._loading = True
        self.model.set_status(self.status_combo.currentData())
        asked = self._select_after_load
        rows = self.table.selectionModel().selectedRows()
        kept = self.model.row_id(rows[0].row()) if rows and asked is None else None
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
            self._on_selected()
        self._update_buttons()

    def _on_page_loaded(self, page: int) -> None:
        """The selected row may have been a placeholder: show its details now it is here."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() // self.model.page_size != page:
            return
        consent_id = self.selected_id()
        if consent_id is not None and consent_id != self._details_for:
            self._on_selected()

    def _list_failed(self, text: str) -> None:
        self._loading = False
        self._show_error_text(text)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def show_consent(self, consent_id: str) -> None:
        """Select ``consent_id`` and scroll to it (reloading first unless its row is loaded),
        and show its details."""
        row = -1 if self._stale or self._loading else self.model.row_of(consent_id)
        if row >= 0:
            self._select_row(row)
        else:
            self.reload(select=consent_id)

    def selected_id(self) -> str | None:
        row = self.selected_row()
        return None if row is None else row.id

    def selected_row(self) -> ConsentRow | None:
        line = self.selected_line()
        return None if line is None else line.row

    def selected_line(self) -> ConsentLine | None:
        """The selected consent: its row if its page is loaded, else the details shown for it
        (its page may have left the cache while the table was scrolled far away)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        line = self.model.line(row)
        if line is not None:
            return line
        shown = self.shown
        if shown is not None and shown.row_id == self.model.row_id(row):
            return shown.line()
        return None  # a placeholder: its page is on its way (see _on_page_loaded)

    # ------------------------------------------------------------------ details

    def _on_selected(self) -> None:
        self._update_buttons()
        consent_id = self.selected_id()
        self._details_for = consent_id
        if consent_id is None:
            rows = self.table.selectionModel().selectedRows()
            if rows:  # a row still loading: its details follow its page (_on_page_loaded)
                self.model.fetch_row(rows[0].row())
            self.shown = None
            self.detail_stack.setCurrentWidget(self.no_selection_label)
            return
        self._load_details(consent_id)

    def _load_details(self, consent_id: str) -> None:
        def show(details: ConsentDetails) -> None:
            if self.selected_id() == consent_id:
                self._show_details(details)

        self.run(
            lambda vault: consent_details(vault, consent_id),
            on_success=show,
        )

    def _show_details(self, details: ConsentDetails) -> None:
        self.shown = details
        record = details.record
        row = record.row
        labels = details.field_labels
        receipt = record.receipt
        shared = [
            f"{escape_html(labels.get(item.key, item.key))} {_aside(item.piiCategory)}"
            for item in receipt.vrm.fields
        ]
        purposes = [
            f"<b>{escape_html(purpose.label)}</b> — {escape_html(purpose.description)} "
            f"{_aside(purpose.dpv_curie)}"
            for purpose in details.purposes()
        ]
        lines = [
            (self.tr("Status"), self._status_words(details)),
            (self.tr("Shared"), "<br>".join(shared)),
            (self.tr("Purposes"), "<br>".join(purposes)),
            (self.tr("Given"), escape_html(local_time(row.granted_at))),
            (self.tr("Until"), escape_html(local_day(row.expires_at))),
            (self.tr("For"), escape_html(receipt.services[0].service)),
            (self.tr("Passed on to"), escape_html(", ".join(details.third_parties()))),
            (self.tr("Receipt"), self._receipt_words(record)),
            (self.tr("Vendor's signature"), self._acknowledgement_words(row)),
            (self.tr("Termination receipt"), self._termination_words(details)),
        ]
        table = "".join(
            f"<tr><td style='padding-right: 12px; white-space: nowrap'><b>{escape_html(label)}"
            f"</b></td><td>{value}</td></tr>"
            for label, value in lines
            if value
        )
        self.detail_title.setText(record.vendor_name)
        # What was agreed, in the words shown before confirming (greyed once it has ended).
        style = "" if row.status == "active" else " style='color: palette(placeholder-text)'"
        self.details.setText(
            f"<p{style}><i>{escape_html(row.summary)}</i></p><table cellspacing='2'>{table}</table>"
        )
        self._fill_deliveries(details.deliveries)
        self._fill_history(details.events, labels)
        self.detail_stack.setCurrentWidget(self._detail_panel)
        self._update_buttons()

    def _status_words(self, details: ConsentDetails) -> str:
        row = details.record.row
        status = self.model.status_text(row)
        if row.status == "active":
            days = details.days_left(now=int(time.time()))
            more = self.tr("%1 (ends in %2 days)").replace("%1", status).replace("%2", str(days))
            return escape_html(more)
        when = local_time(row.ended_at) if row.ended_at is not None else ""
        return escape_html(self.tr("%1 on %2").replace("%1", status).replace("%2", when))

    def _receipt_words(self, record: ConsentRecord) -> str:
        kid = record.row.kid
        text = self.tr("%1, signed with your key for this vendor (%2…)")
        return escape_html(text.replace("%1", record.id).replace("%2", kid[:12]))

    def _acknowledgement_words(self, row: ConsentRow) -> str:
        if row.countersignature is not None and row.acknowledged_at is not None:
            text = self.tr("✓ Countersigned by the vendor on %1")
            return (
                "<span style='color: #2e7d32'>"
                + escape_html(text.replace("%1", local_time(row.acknowledged_at)))
                + "</span>"
            )
        if row.status != "active":
            return escape_html(
                self.tr("None: the consent ended before the vendor countersigned it")
            )
        return escape_html(
            self.tr("Waiting for the vendor (it has not countersigned the receipt yet)")
        )

    def _termination_words(self, details: ConsentDetails) -> str:
        termination = details.termination()
        if termination is None:
            return ""
        if termination.received_at is not None:
            text = self.tr("✓ Received on %1: the vendor confirmed it deleted your data")
            return (
                "<span style='color: #2e7d32'>"
                + escape_html(text.replace("%1", local_time(termination.received_at)))
                + "</span>"
            )
        if not termination.asked:  # the core says why (no data sent, no address)
            return escape_html(self.tr("None: %1").replace("%1", termination.not_asked_reason))
        return escape_html(self.tr("Waiting for the vendor to confirm it deleted your data"))

    def _fill_deliveries(self, deliveries: list[OutboxRow]) -> None:
        kinds = {
            KIND_DISCLOSURE: self.tr("Your data, with the receipt"),
            KIND_UPDATE: self.tr("Updated value"),
            KIND_REVOCATION: self.tr("Revocation notice"),
            KIND_EXPIRY: self.tr("Expiry notice"),
        }
        table = self.deliveries_table
        table.setRowCount(0)
        for message in deliveries:
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, _cell(kinds.get(message.kind, message.kind)))
            table.setItem(row, 1, _cell(self._delivery_state(message)))
            attempts = _cell(str(message.attempts))
            attempts.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, 2, attempts)
            note = message.last_error
            if message.status == "delivered" and message.delivered_at is not None:
                note = self.tr("delivered %1").replace(
                    "%1", message.delivered_at.astimezone().strftime("%Y-%m-%d %H:%M")
                )
            table.setItem(row, 3, _cell(note))
        fit_height(table)

    def _delivery_state(self, message: OutboxRow) -> str:
        if message.status == "pending":
            return self.tr("retrying") if message.attempts else self.tr("queued")
        names = {
            "delivering": self.tr("delivering"),
            "delivered": self.tr("delivered"),
            "failed": self.tr("not delivered"),
            "disabled": self.tr("vendor disabled"),
        }
        return names.get(message.status, message.status)

    def _fill_history(self, events: list[ConsentEvent], labels: dict[str, str]) -> None:
        words = {
            "granted": self.tr("Consent given"),
            "acknowledged": self.tr("Vendor countersigned the receipt"),
            "update_queued": self.tr("New value queued for the vendor"),
            "update_acknowledged": self.tr("Vendor confirmed the new value"),
            "revoked": self.tr("Revoked"),
            "expired": self.tr("Expired"),
            "terminated": self.tr("Vendor confirmed deleting your data"),
            "answer_refused": self.tr("Vendor's answer refused"),
        }
        table = self.history_table
        table.setRowCount(0)
        for event in events:
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, _cell(local_time(event.at)))
            table.setItem(row, 1, _cell(words.get(event.type, event.type.replace("_", " "))))
            fields = ", ".join(labels.get(key, key) for key in event.field_names)
            table.setItem(row, 2, _cell(fields))
            if event.type == "granted":
                detail = ""  # the summary, shown above
            elif event.type in SIGNED_EVENTS:
                detail = self.tr("signed by the vendor's key; kept with the receipt")
            else:
                detail = event.detail
            table.setItem(row, 3, _cell(detail))
        fit_height(table)

    # ------------------------------------------------------------------ granting

    def new_consent(self) -> None:
        """Open the grant dialog with a choice of the vendors in the directory."""

        def open_dialog(vendors: list[tuple[str, str]]) -> None:
            if not vendors:
                self._show_error_text(
                    self.tr("Your vendor directory is empty: add a vendor on the Vendors page.")
                )
                return
            self._open_grant_dialog(GrantDialog(self._runner, self, vendors=vendors))

        self.run(
            vendor_choices,
            on_success=open_dialog,
        )

    def grant_for_offer(self, offer_id: str) -> None:
        """Open the grant dialog for the vendor of an accepted offer (from the Intentions page)."""

        def open_dialog(plan: GrantPlan) -> None:
            self._open_grant_dialog(GrantDialog(self._runner, self, plan=plan))

        self.run(
            lambda vault: ConsentBook(vault).plan_from_offer(offer_id),
            on_success=open_dialog,
            on_error=self._fail_loudly,
        )

    def _open_grant_dialog(self, dialog: GrantDialog) -> None:
        dialog.granted.connect(while_alive(self, self._on_granted))
        self._open(dialog)

    def _on_granted(self, record: ConsentRecord) -> None:
        self.show_status(
            self.tr(
                "You gave %1 a consent. Your data is on its way, with the signed receipt."
            ).replace("%1", record.vendor_name)
        )
        self.reload(select=record.id)
        self.consent_granted.emit(record.id)
        self.send_now()

    # ------------------------------------------------------------------ revoking

    def revoke_selected(self) -> None:
        line = self.selected_line()
        if line is None or line.row.status != "active":
            return
        row = line.row
        vendor = self.model.vendor_name(row.vendor_id)
        fields = line.fields_text
        if not ask.confirm(
            self,
            self.tr("Revoke consent"),
            self.tr(
                "Revoke the consent you gave %1 for %2? They are sent a signed notice to stop "
                "using your data and delete it, and get no updates from now on. The consent "
                "stays here, marked revoked, with its receipt."
            )
            .replace("%1", vendor)
            .replace("%2", fields),
            action=self.tr("Revoke"),
        ):
            return
        consent_id = row.id

        def revoked(outcome: NoticeOutcome) -> None:
            if outcome.queued:
                message = self.tr("Revoked. %1 is being sent a signed revocation notice.")
            else:
                message = self.tr("Revoked. No notice to %1: %2.").replace("%2", outcome.reason)
            self.show_status(message.replace("%1", vendor))
            self.reload(select=consent_id)
            if outcome.queued:
                self.send_now()

        self.run(
            lambda vault: ConsentBook(vault).revoke(consent_id),
            on_success=revoked,
        )

    # ------------------------------------------------------------------ updates

    def propose_update(self, field_key: str) -> None:
        """After ``field_key`` was saved: offer to send its new value to the vendors holding it
        under an active consent (nothing is sent unless the person confirms)."""

        def ask_holders(question: FieldHolders) -> None:
            if not question.holders:
                return
            scopes = {
                consent_id: f"{local_time(held.granted_at)}: {', '.join(held.field_labels)}"
                for consent_id, held in question.consents.items()
            }
            dialog = PropagateDialog(
                self,
                field_key=question.key,
                label=question.label,
                holders=question.holders,
                scopes=scopes,
            )
            dialog.accepted.connect(
                lambda: self._propagate(question.key, question.label, dialog.chosen_consent_ids())
            )
            self._open(dialog)

        self.run(
            lambda vault: field_holders(vault, field_key),
            on_success=ask_holders,
        )

    def _propagate(self, key: str, label: str, consent_ids: list[str]) -> None:
        if not consent_ids:
            return

        def queued(outcomes: list[NoticeOutcome]) -> None:
            sent = [o for o in outcomes if o.queued]
            skipped = [o for o in outcomes if not o.queued]
            self.show_status(
                self.tr("Your new %1 is on its way to %2 vendor(s).")
                .replace("%1", label)
                .replace("%2", str(len(sent)))
            )
            if skipped:
                reasons = "\n".join(
                    f"{self.model.vendor_name(o.vendor_id)}: {o.reason}" for o in skipped
                )
                ask.inform(
                    self.window(),
                    self.tr("Not sent to every vendor"),
                    self.tr("These vendors were not sent the new value:\n%1").replace(
                        "%1", reasons
                    ),
                )
            if sent:
                self.send_now()

        self.run(
            lambda vault: ConsentBook(vault).propagate(key, consent_ids),
            on_success=queued,
            on_error=self._fail_loudly,
        )

    # ------------------------------------------------------------------ expiry and delivery

    def check_expiry(self) -> None:
        """End consents past their expiry (vendors are told) and retry due messages."""

        def checked(result: ExpiryCheck) -> None:
            if result.expired:
                self.show_status(
                    self.tr("%1 consent(s) expired; their vendors are being told.").replace(
                        "%1", str(len(result.expired))
                    )
                )
            if result.expired or result.retries_due:
                self.send_now()

        self.run(check_expiry, on_success=checked)

    def send_now(self) -> None:
        """Deliver the queued messages in the background, then read the vendors' answers."""
        if self.delivery is not None:
            self._deliver_again = True  # what was just queued may have missed this run
            return
        network = self._network
        run_db = vault_db_adapter(self._runner)
        run_vault = vault_call_adapter(self._runner)

        async def deliver() -> DeliveryReport:
            vault = await run_vault(lambda opened: opened)
            return await deliver_pending_async(
                vault,
                deadline=DELIVERY_DEADLINE_SECONDS,
                run_db=run_db,
                transport=await network.transport(),
            )

        self.delivery = network.submit(
            deliver,
            on_success=while_alive(self, self._on_delivered),
            on_error=while_alive(self, self._on_delivery_failed),
        )
        self._update_buttons()

    def _on_delivered(self, report: DeliveryReport) -> None:
        self.delivery = None
        summary = report.summary
        answers = report.acknowledgements
        if summary.delivered or summary.failed or summary.disabled or summary.pending:
            message = self.tr("Delivered %1 message(s).").replace("%1", str(summary.delivered))
            if answers.accepted:
                message += " " + self.tr("%1 signed answer(s) from vendors.").replace(
                    "%1", str(len(answers.accepted))
                )
            if summary.pending:
                message += " " + self.tr(
                    "%1 waiting: the vendor could not be reached; they are retried later."
                ).replace("%1", str(summary.pending))
            if summary.failed or summary.disabled:
                message += " " + self.tr("%1 could not be delivered.").replace(
                    "%1", str(summary.failed + summary.disabled)
                )
            self.show_status(message)
        if answers.refused:
            reasons = "; ".join(reason for _consent, reason in answers.refused[:3])
            self.error.show_text(
                self.tr("A vendor's answer was refused: %1").replace("%1", reasons)
            )
        self._update_buttons()
        # What the delivery changed reaches runner.changed with the next vault operation (its
        # steps ran outside the runner's operations): this reload is that operation.
        self.reload()
        if self._deliver_again:
            self._deliver_again = False
            self.send_now()

    def _on_delivery_failed(self, error: Exception) -> None:
        self.delivery = None
        self._deliver_again = False
        self._update_buttons()
        self.show_error(error)

    # ------------------------------------------------------------------ export

    def export_selected(self, form: str) -> None:
        row = self.selected_row()
        if row is None:
            return
        suffix, name_filter = {
            "jws": (".jws", self.tr("Signed receipts (*.jws)")),
            "json": (".json", self.tr("JSON files (*.json)")),
            "dpv": (".dpv.json", self.tr("JSON files (*.json)")),
        }[form]
        path = ask.pick_save_file(
            self,
            self.tr("Export the consent receipt"),
            suggested=Path.home() / f"consent-{row.id}{suffix}",
            name_filter=name_filter,
        )
        if path is None:
            return
        consent_id = row.id

        def exported(written: Path) -> None:
            self.show_status(self.tr("Exported to %1.").replace("%1", str(written)))

        self.run(
            lambda vault: ConsentBook(vault).export_receipt(consent_id, path, format=form),
            on_success=exported,
        )

    def export_all(self) -> None:
        directory = pick_directory(
            self, self.tr("Export every consent receipt into"), directory=Path.home()
        )
        if directory is None:
            return

        def exported(written: list[Path]) -> None:
            self.show_status(
                self.tr("Exported %1 consent(s) to %2 (.jws, .json and .dpv.json each).")
                .replace("%1", str(len(written) // 3))
                .replace("%2", str(directory))
            )

        self.run(
            lambda vault: ConsentBook(vault).export_all(directory),
            on_success=exported,
        )

    # ------------------------------------------------------------------ erasure

    def request_erasure(self) -> None:
        row = self.selected_row()
        if row is None or RequestDialog is None:
            return
        dialog = RequestDialog(
            self._runner,
            self,
            vendor_id=row.vendor_id,
            vendor_name=self.model.vendor_name(row.vendor_id),
            kind="erasure",
        )
        self._open(dialog)

    # ------------------------------------------------------------------ state

    def _open(self, dialog: QDialog) -> None:
        """Show ``dialog`` without blocking; it is closed if the vault locks meanwhile."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs.add(dialog)
        dialog.finished.connect(lambda _result: self._dialogs.discard(dialog))
        self.last_dialog = dialog
        dialog.open()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.revoke_button.setEnabled(row is not None and row.status == "active")
        self.export_button.setEnabled(row is not None)
        if self.erasure_button is not None:
            self.erasure_button.setEnabled(row is not None)
        self.export_all_button.setEnabled(self.model.rowCount() > 0)
        delivering = self.delivery is not None
        self.send_button.setEnabled(not delivering)
        self.busy.set_busy(delivering)

    def _on_vault_changed(self, changes: Changes) -> None:
        """Reload (now if shown, else when next shown) when what the page shows changed: the
        consents, their fields' labels, the vendors' names, or the messages to vendors."""
        if changes.touches(*SHOWN_PARTS):
            self.reload()

    def _on_locked(self) -> None:
        self.expiry_timer.stop()
        if self.delivery is not None:
            self.delivery.cancel()
            self.delivery = None
        for dialog in list(self._dialogs):
            dialog.reject()
        self._stale = True
        self._loading = False
        self._select_after_load = None
        self.shown = None
        self._details_for = None
        self.model.clear()
        self.details.clear()
        self.detail_title.clear()
        self.deliveries_table.setRowCount(0)
        self.history_table.setRowCount(0)
        self.detail_stack.setCurrentWidget(self.no_selection_label)
        self.stack.setCurrentWidget(self.empty_label)
        self.clear_messages()
        self._update_buttons()

    def _show_error_text(self, text: str) -> None:
        self.status.clear()
        self.error.show_text(text)

    def _fail_loudly(self, error: Exception) -> None:
        """An error the person may not see on this page (they are on another one): ask."""
        if isinstance(error, VaultLocked):
            return
        self.show_error(error)
        ask.inform(self.window(), self.tr("Consent"), error_text(error))
