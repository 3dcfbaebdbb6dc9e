"""Consents: every consent given, its receipt, scope and history; revoke, export, erasure.

The page joins two parts of its own, the list of consents (:mod:`ui.pages.consent_list`) above
the selected consent's details (:mod:`ui.pages.consent_details`), and acts on them: grant,
revoke, send a field's new value, export, ask for erasure. What it shows is read by the core
(:mod:`wallet.consents.views`) through the runner, on the vault worker.

Messages to vendors (disclosures, updates, revocation and expiry notices) are queued by the core
in the outbox and delivered here in the background with :func:`ui.delivery.start_delivery`,
which also reads the vendors' signed acknowledgements. A delivery runs after each grant,
revocation or update, on **Send now**, and when the minute check finds consents that expired or
retries that are due.

The list reloads when the page is first shown, and after any operation whose
:class:`~wallet.changes.Changes` touch what it shows (at once if shown, else when next shown),
so an unlock does not wait for it; the delivery's own changes come the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.background import while_alive
from ui.delivery import Delivery, start_delivery
from ui.dialogs import ask
from ui.dialogs.grant_dialog import GrantDialog
from ui.dialogs.propagate_dialog import PropagateDialog
from ui.models.consents_model import local_time
from ui.network import NetworkRunner
from ui.pages.base import Page
from ui.pages.consent_details import ConsentDetailsPanel
from ui.pages.consent_list import ConsentList
from ui.pages.consent_renewal import ask_and_renew
from ui.tasks import VaultRunner
from ui.widgets.busy import BusyIndicator
from ui.widgets.messages import error_text
from wallet.changes import Changes, Part
from wallet.consents import ConsentBook, ConsentRecord, GrantPlan, NoticeOutcome
from wallet.consents.store import ConsentRow
from wallet.consents.views import (
    ConsentDetails,
    ConsentLine,
    ExpiryCheck,
    FieldHolders,
    check_expiry,
    consent_details,
    field_holders,
    vendor_choices,
)
from wallet.delivery.cycle import DeliveryReport
from wallet.errors import VaultLocked

try:  # data-subject requests (issue 5, part 8) may not be in this build yet
    from ui.dialogs.request_dialog import RequestDialog
except ImportError:  # pragma: no cover - depends on the core having wallet.consents.requests
    RequestDialog = None  # type: ignore[assignment,misc]

# Short runs: answers (acknowledgements) are read when a run ends, and the minute check
# (EXPIRY_CHECK_MS) starts another run for retries that are due.
DELIVERY_DEADLINE_SECONDS = 20.0
EXPIRY_CHECK_MS = 60_000
SHOWN_PARTS = (Part.CONSENTS, Part.FIELDS, Part.VENDORS, Part.OUTBOX)


def pick_directory(parent: QWidget | None, title: str, *, directory: Path) -> Path | None:
    """Ask for a folder; ``None`` if cancelled. Tests monkeypatch it, like :mod:`ui.dialogs.ask`."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(directory))
    return Path(chosen) if chosen else None


# ---------------------------------------------------------------------------- the page


class ConsentsPage(Page):
    """The consents table above the selected consent's details, receipt state and history.

    Signals:
        consent_granted(str): a consent was given through this page's grant dialog; its id.

    Attributes (for tests): ``list`` (the :class:`ConsentList`) and its ``model``, ``table``,
    ``status_combo``, ``stack``, ``empty_label``; ``new_button``, ``send_button``, ``busy``,
    ``export_all_button``; ``detail_stack`` (the :class:`ConsentDetailsPanel`) and its
    ``details``, ``detail_title``, ``revoke_button``, ``export_button``, ``export_actions``
    (format → action), ``erasure_button`` (``None`` without data-subject requests in the core),
    ``deliveries_table``, ``history_table``; ``status``, ``error``, ``last_dialog`` (the last
    dialog opened), ``delivery`` (the running :class:`~ui.delivery.Delivery`, or ``None``),
    ``shown`` (the :class:`ConsentDetails` shown), ``expiry_timer``.
    """

    consent_granted = Signal(str)

    def __init__(
        self, runner: VaultRunner, network: NetworkRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self._network = network
        self.delivery: Delivery | None = None
        self._deliver_again = False
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
        self.list = ConsentList(self._runner)
        self.list.selection_changed.connect(self._on_selected)
        self.list.reloaded.connect(self._update_buttons)
        self.list.selected_row_loaded.connect(self._on_selected_row_loaded)
        self.list.load_failed.connect(self._show_error_text)
        # The list's parts, under the names the page has always given them.
        self.model, self.table = self.list.model, self.list.table
        self.stack, self.empty_label = self.list.stack, self.list.empty_label
        self.status_combo = self.list.status_combo
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.status_combo)
        top.addStretch(1)
        top.addWidget(self.busy)
        top.addWidget(self.send_button)
        top.addWidget(self.export_all_button)
        top.addWidget(self.new_button)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.list)
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

    def _build_details(self) -> ConsentDetailsPanel:
        panel = ConsentDetailsPanel(with_erasure=RequestDialog is not None)
        panel.revoke_button.clicked.connect(self.revoke_selected)
        panel.renew_button.clicked.connect(lambda: ask_and_renew(self))
        for form, action in panel.export_actions.items():
            action.triggered.connect(lambda _checked=False, f=form: self.export_selected(f))
        if panel.erasure_button is not None:
            panel.erasure_button.clicked.connect(self.request_erasure)
        # The panel's parts, under the names the page has always given them.
        self.detail_stack = panel
        self.details, self.detail_title = panel.details, panel.detail_title
        self.revoke_button, self.export_button = panel.revoke_button, panel.export_button
        self.export_actions, self.erasure_button = panel.export_actions, panel.erasure_button
        self.deliveries_table, self.history_table = panel.deliveries_table, panel.history_table
        return panel

    # ------------------------------------------------------------------ the list

    def reload(self, *, select: str | None = None) -> None:
        """Load the list now if the page is shown, else when it is next shown; then select
        ``select`` (or keep the selection)."""
        self.list.reload(select=select)

    def show_consent(self, consent_id: str) -> None:
        """Select ``consent_id`` and scroll to it (reloading first unless its row is loaded),
        and show its details."""
        self.list.show_consent(consent_id)

    def selected_id(self) -> str | None:
        row = self.selected_row()
        return None if row is None else row.id

    def selected_row(self) -> ConsentRow | None:
        line = self.selected_line()
        return None if line is None else line.row

    def selected_line(self) -> ConsentLine | None:
        """The selected consent: its row if its page is loaded, else the details shown for it
        (its page may have left the cache while the table was scrolled far away)."""
        row = self.list.selected_index()
        if row is None:
            return None
        line = self.model.line(row)
        if line is not None:
            return line
        shown = self.shown
        if shown is not None and shown.row_id == self.model.row_id(row):
            return shown.line()
        return None  # a placeholder: its page is on its way (see _on_selected_row_loaded)

    # ------------------------------------------------------------------ details

    def _on_selected(self) -> None:
        self._update_buttons()
        consent_id = self.selected_id()
        self._details_for = consent_id
        if consent_id is None:
            row = self.list.selected_index()
            if row is not None:  # still loading: its details follow (_on_selected_row_loaded)
                self.model.fetch_row(row)
            self.shown = None
            self.detail_stack.show_nothing()
            return
        self._load_details(consent_id)

    def _on_selected_row_loaded(self) -> None:
        """The selected row was a placeholder: show its details now it is here."""
        consent_id = self.selected_id()
        if consent_id is not None and consent_id != self._details_for:
            self._on_selected()

    def _load_details(self, consent_id: str) -> None:
        def show(details: ConsentDetails) -> None:
            if self.selected_id() == consent_id:
                self._show_details(details)

        self.run(lambda vault: consent_details(vault, consent_id), on_success=show)

    def _show_details(self, details: ConsentDetails) -> None:
        self.shown = details
        self.detail_stack.show_details(
            details, status_text=self.model.status_text(details.record.row)
        )
        self._update_buttons()

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
                self.tr("Your new %1 is on its way to %n vendor(s).", "", len(sent)).replace(
                    "%1", label
                )
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
                    self.tr(
                        "%n consent(s) expired; their vendors are being told.",
                        "",
                        len(result.expired),
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
        self.delivery = start_delivery(
            self._runner,
            self._network,
            owner=self,
            on_success=self._on_delivered,
            on_error=self._on_delivery_failed,
            deadline=DELIVERY_DEADLINE_SECONDS,
        )
        self._update_buttons()

    def _on_delivered(self, report: DeliveryReport) -> None:
        self.delivery = None
        summary = report.summary
        answers = report.acknowledgements
        if summary.delivered or summary.failed or summary.disabled or summary.pending:
            message = self.tr("Delivered %n message(s).", "", summary.delivered)
            if answers.accepted:
                message += " " + self.tr(
                    "%n signed answer(s) from vendors.", "", len(answers.accepted)
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
                self.tr(
                    "Exported %n consent(s) to %1 (.jws, .json and .dpv.json each).",
                    "",
                    len(written) // 3,
                ).replace("%1", str(directory))
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
        self.detail_stack.renew_button.setEnabled(row is not None and row.status == "active")
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
        self.shown = None
        self._details_for = None
        self.list.clear()
        self.detail_stack.clear()
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
