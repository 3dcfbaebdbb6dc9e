"""The selected consent on the Consents page: what was agreed, its receipt's state, the messages
to its vendor and its history — or a hint to select one.

It only lays out the core's :class:`~wallet.consents.views.ConsentDetails` (read on the vault
worker by the page); its buttons are connected by the page, which acts on the consent selected.
Text from outside (vendor names, service names, field labels) is escaped with
:func:`ui.text.escape_html` wherever it meets markup.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n.consent_summary import SummaryParts, summary_in_words
from ui.i18n.core_texts import (
    field_label,
    kantara_category_label,
    purpose_description,
    purpose_label,
)
from ui.i18n.formats import local_date_time
from ui.models.consents_model import local_day, local_time
from ui.text import escape_html
from ui.widgets.tables import fit_height, small_table
from wallet.consents import ConsentRecord
from wallet.consents.book import KIND_DISCLOSURE, KIND_EXPIRY, KIND_REVOCATION, KIND_UPDATE
from wallet.consents.store import ConsentEvent, ConsentRow
from wallet.consents.views import SIGNED_EVENTS, ConsentDetails
from wallet.outbox.store import OutboxRow

EXPORT_FORMATS = ("jws", "json", "dpv")


def _cell(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(tooltip or text)
    return item


def _aside(text: str) -> str:
    """``text`` in brackets and greyed, after what it qualifies."""
    return f"<span style='color: palette(placeholder-text)'>({escape_html(text)})</span>"


class ConsentDetailsPanel(QStackedWidget):
    """One consent's details above its messages and history; a hint while none is selected.

    Attributes: ``detail_title`` (the vendor's name, plain text), ``details`` (rich text: the
    summary, scope, purposes, dates and the receipt's state), ``revoke_button``, ``renew_button``,
    ``export_button``, ``export_actions`` (format → action of its menu), ``erasure_button``
    (``None`` unless ``with_erasure``), ``deliveries_table``, ``history_table``,
    ``no_selection_label``.
    """

    def __init__(self, *, with_erasure: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build(with_erasure=with_erasure)

    def _build(self, *, with_erasure: bool) -> None:
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
        self.renew_button = QPushButton(self.tr("Re&new…"))
        self.renew_button.setToolTip(
            self.tr(
                "Give the same data for the same purposes and as long again, with a new receipt"
            )
        )
        self.export_button = QPushButton(self.tr("E&xport receipt"))
        menu = QMenu(self.export_button)
        titles = {
            "jws": self.tr("Signed receipt (.jws)…"),
            "json": self.tr("Readable receipt with both signatures (.json)…"),
            "dpv": self.tr("DPV consent record (.json)…"),
        }
        self.export_actions: dict[str, QAction] = {}
        for form in EXPORT_FORMATS:
            self.export_actions[form] = menu.addAction(titles[form])
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
        actions.addWidget(self.renew_button)
        actions.addWidget(self.export_button)
        if with_erasure:
            self.erasure_button = QPushButton(self.tr("Request &erasure…"))
            self.erasure_button.setToolTip(
                self.tr("Write a GDPR Art. 17 erasure request to this vendor, naming what it got")
            )
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
        self._panel = scroll
        self.no_selection_label = QLabel(
            self.tr("Select a consent to see its receipt, scope and history.")
        )
        self.no_selection_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(scroll)
        self.addWidget(self.no_selection_label)
        self.setCurrentWidget(self.no_selection_label)

    def show_nothing(self) -> None:
        """Show the hint to select a consent (what was shown stays until the next details)."""
        self.setCurrentWidget(self.no_selection_label)

    def clear(self) -> None:
        """Forget what was shown (at lock) and show the hint."""
        self.details.clear()
        self.detail_title.clear()
        self.deliveries_table.setRowCount(0)
        self.history_table.setRowCount(0)
        self.show_nothing()

    @staticmethod
    def _summary(details: ConsentDetails) -> str:
        """What was agreed, in the interface's language (the core keeps its English words)."""
        row = details.record.row
        labels = tuple(details.field_labels.get(key, key) for key in row.field_keys)
        parts = SummaryParts(row.field_keys, labels, row.purposes, row.expires_at, row.summary)
        return summary_in_words(details.record.vendor_name, parts)

    def show_details(self, details: ConsentDetails, *, status_text: str) -> None:
        """Show ``details``; ``status_text`` is the consent's status as the list words it."""
        record = details.record
        row = record.row
        labels = details.field_labels
        receipt = record.receipt
        shared = [
            f"{escape_html(field_label(item.key, labels.get(item.key, item.key)))} "
            f"{_aside(kantara_category_label(item.piiCategory))}"
            for item in receipt.vrm.fields
        ]
        purposes = [
            f"<b>{escape_html(purpose_label(purpose.number))}</b> — "
            f"{escape_html(purpose_description(purpose.number))} "
            f"{_aside(purpose.dpv_curie)}"
            for purpose in details.purposes()
        ]
        lines = [
            (self.tr("Status"), self._status_words(details, status_text)),
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
            f"<p{style}><i>{escape_html(self._summary(details))}</i></p>"
            f"<table cellspacing='2'>{table}</table>"
        )
        self._fill_deliveries(details.deliveries)
        self._fill_history(details.events, labels)
        self.setCurrentWidget(self._panel)

    def _status_words(self, details: ConsentDetails, status: str) -> str:
        row = details.record.row
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
                note = self.tr("delivered %1").replace("%1", local_date_time(message.delivered_at))
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
            fields = ", ".join(field_label(key, labels.get(key, key)) for key in event.field_names)
            table.setItem(row, 2, _cell(fields))
            if event.type == "granted":
                detail = ""  # the summary, shown above
            elif event.type in SIGNED_EVENTS:
                detail = self.tr("signed by the vendor's key; kept with the receipt")
            else:
                detail = event.detail
            table.setItem(row, 3, _cell(detail))
        fit_height(table)
