"""The grant dialog: which fields a vendor may use, why, for how long, said in plain words first.

It starts from a :class:`~wallet.consents.GrantPlan` (from an accepted offer, or for a vendor the
person picks in the dialog). Fields the offer needs are checked and cannot be unchecked; optional
ones are shown with the vendor's reason, unchecked (privacy by default); fields the vault does not
hold are flagged. Every change asks the core, on the vault worker, for the
plain-language summary of exactly what would be granted (:meth:`ConsentBook.summary`, which
checks the request as :meth:`~wallet.consents.ConsentBook.grant` would); **Give consent** is
enabled only while the summary shown is the one of the current choices. Confirming grants on the
worker and closes the dialog; an error keeps it open with every choice intact.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import prepare_for_keyboard
from ui.i18n.consent_summary import SummaryParts, grant_summary_parts, summary_in_words
from ui.i18n.core_texts import (
    field_label,
    kantara_category_label,
    purpose_description,
    purpose_label,
)
from ui.tasks import VaultRunner
from ui.text import escape_html
from ui.theme.tones import Tone, tone_colour
from ui.widgets.layout import size_for_screen
from ui.widgets.messages import InlineMessage, error_text
from wallet.consents import ConsentBook, ConsentRecord, GrantPlan, GrantRequest, PlannedField
from wallet.consents.book import DEFAULT_DAYS, MAX_DAYS
from wallet.consents.purposes import PURPOSES, THIRD_PARTY_PURPOSES
from wallet.errors import VaultLocked

SUMMARY_DEBOUNCE_MS = 200
MISSING_COLOUR = Tone.ERROR
SUMMARY_STYLE = (
    "QFrame#summary { background: palette(alternate-base); border: 1px solid palette(mid); "
    "border-radius: 4px; }"
)

_KEY_ROLE = int(Qt.ItemDataRole.UserRole)


class GrantDialog(QDialog):
    """Give a vendor a consent: fields, purposes, period, and the summary before confirming.

    Pass ``plan`` (from :meth:`ConsentBook.plan_from_offer`), or ``vendors`` as ``(id, name)``
    pairs to let the person choose one (its plan is then loaded on the worker).

    Signals:
        granted(ConsentRecord): the consent was given (the dialog then closes).

    Attributes (for tests): ``plan``, ``vendor_combo`` (only with ``vendors``), ``heading``,
    ``problem``, ``fields_tree``, ``purposes_tree``, ``days_spin``, ``until_edit``,
    ``third_party_edit``, ``summary_label``, ``error``, ``confirm_button``, ``summary_for``
    (the request the summary shown describes, or ``None``).
    """

    granted = Signal(object)

    def __init__(
        self,
        runner: VaultRunner,
        parent: QWidget | None = None,
        *,
        plan: GrantPlan | None = None,
        vendors: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.plan: GrantPlan | None = None
        self.summary_for: GrantRequest | None = None
        self._granting = False
        self._summary_timer = QTimer(self, singleShot=True, interval=SUMMARY_DEBOUNCE_MS)
        self._summary_timer.timeout.connect(self._ask_summary)
        self.setWindowTitle(self.tr("Give consent"))
        self._build(vendors)
        # A comfortable size where there is room; on a small screen the trees scroll instead.
        self.resize(size_for_screen(self, QSize(760, 720)))
        if plan is not None:
            self.set_plan(plan)
        self._update_confirm()

    # ------------------------------------------------------------------ building

    def _build(self, vendors: Sequence[tuple[str, str]]) -> None:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.vendor_combo: QComboBox | None = None
        vendor_row = None
        if vendors:
            self.vendor_combo = QComboBox()
            self.vendor_combo.addItem(self.tr("Choose a vendor…"), None)
            for vendor_id, name in vendors:
                self.vendor_combo.addItem(f"{name} ({vendor_id})", vendor_id)
            self.vendor_combo.currentIndexChanged.connect(self._vendor_chosen)
            vendor_row = QFormLayout()
            vendor_row.addRow(self.tr("&Vendor:"), self.vendor_combo)
        self.problem = InlineMessage(error=True)

        self.fields_tree = QTreeWidget()
        self.fields_tree.setHeaderLabels(
            [self.tr("Field"), self.tr("Category"), self.tr("Why they ask")]
        )
        self.fields_tree.setRootIsDecorated(False)
        self.fields_tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.fields_tree.setUniformRowHeights(True)
        self.fields_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.fields_tree.header().setStretchLastSection(True)
        self.fields_tree.setColumnWidth(0, 230)
        self.fields_tree.setColumnWidth(1, 150)
        self.fields_tree.itemChanged.connect(lambda _item, _column: self._changed())
        fields_box = QGroupBox(self.tr("What they may use"))
        QVBoxLayout(fields_box).addWidget(self.fields_tree)

        self.purposes_tree = QTreeWidget()
        self.purposes_tree.setHeaderLabels([self.tr("Purpose"), self.tr("In plain words")])
        self.purposes_tree.setRootIsDecorated(False)
        self.purposes_tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.purposes_tree.setUniformRowHeights(True)
        self.purposes_tree.setColumnWidth(0, 290)
        for number, purpose in PURPOSES.items():
            item = QTreeWidgetItem([purpose_label(number), purpose_description(number)])
            item.setData(0, _KEY_ROLE, number)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            tooltip = self.tr("Kantara purpose category %1; W3C DPV: %2")
            item.setToolTip(0, tooltip.replace("%1", purpose.label).replace("%2", purpose.dpv_iri))
            item.setToolTip(1, purpose.dpv_curie)
            self.purposes_tree.addTopLevelItem(item)
        self.purposes_tree.itemChanged.connect(lambda _item, _column: self._changed())
        self.third_party_edit = QLineEdit()
        self.third_party_edit.setPlaceholderText(self.tr("e.g. Parcel Express Ltd"))
        self.third_party_edit.setMaxLength(200)
        self.third_party_edit.textChanged.connect(lambda _text: self._changed())
        self._third_party_row = QWidget()
        third_party_layout = QHBoxLayout(self._third_party_row)
        third_party_layout.setContentsMargins(0, 0, 0, 0)
        third_party_layout.addWidget(QLabel(self.tr("Passed on to (name them if you know):")))
        third_party_layout.addWidget(self.third_party_edit, 1)
        self._third_party_row.setVisible(False)
        purposes_box = QGroupBox(self.tr("What for"))
        purposes_layout = QVBoxLayout(purposes_box)
        purposes_layout.addWidget(self.purposes_tree)
        purposes_layout.addWidget(self._third_party_row)

        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, MAX_DAYS)
        self.days_spin.setValue(DEFAULT_DAYS)
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.valueChanged.connect(self._days_changed)
        self.days_spin.setAccessibleName(self.tr("Days"))
        self.until_edit = QDateEdit()
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        today = date.today()
        self.until_edit.setDateRange(
            _qdate(today + timedelta(days=1)), _qdate(today + timedelta(days=MAX_DAYS))
        )
        self.until_edit.dateChanged.connect(self._until_changed)
        self.until_edit.setAccessibleName(self.tr("Until"))
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("For")))
        period.addWidget(self.days_spin)
        period.addWidget(QLabel(self.tr("until")))
        period.addWidget(self.until_edit)
        period.addStretch(1)
        period_box = QGroupBox(self.tr("For how long"))
        period_box.setLayout(period)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary_title = QLabel(self.tr("<b>In plain words</b>"))
        summary_frame = QFrame()
        summary_frame.setObjectName("summary")
        summary_frame.setStyleSheet(SUMMARY_STYLE)
        summary_layout = QVBoxLayout(summary_frame)
        summary_layout.addWidget(summary_title)
        summary_layout.addWidget(self.summary_label)

        self.error = InlineMessage(error=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = QPushButton(self.tr("&Give consent"))
        self.confirm_button.setDefault(True)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        if vendor_row is not None:
            layout.addLayout(vendor_row)
        layout.addWidget(self.problem)
        layout.addWidget(fields_box, 3)
        layout.addWidget(purposes_box, 3)
        layout.addWidget(period_box)
        layout.addWidget(summary_frame)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._days_changed(self.days_spin.value())
        self._show_heading()
        prepare_for_keyboard(self)  # Tab leaves text boxes; every control has a name

    # ------------------------------------------------------------------ the plan

    def set_plan(self, plan: GrantPlan) -> None:
        """Show ``plan``; fields chosen in a previous plan stay chosen where they can be."""
        previous = set(self.request().field_keys) if self.plan is not None else set()
        self.plan = plan
        self.fields_tree.blockSignals(True)
        self.fields_tree.clear()
        for planned in plan.fields:
            self.fields_tree.addTopLevelItem(self._field_item(planned, previous))
        self.fields_tree.blockSignals(False)
        self.purposes_tree.blockSignals(True)
        for row in range(self.purposes_tree.topLevelItemCount()):
            item = self.purposes_tree.topLevelItem(row)
            chosen = item.data(0, _KEY_ROLE) in plan.purposes
            item.setCheckState(0, Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.purposes_tree.blockSignals(False)
        self.days_spin.setValue(plan.days)
        self._show_heading()
        self._show_problem()
        self._changed()

    def _field_item(self, planned: PlannedField, previous: set[str]) -> QTreeWidgetItem:
        label = field_label(planned.key, planned.label)
        category = kantara_category_label(planned.category_label)
        item = QTreeWidgetItem([label, category, self._why(planned)])
        item.setData(0, _KEY_ROLE, planned.key)
        item.setToolTip(0, planned.key)
        if not planned.present:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            missing = (
                self.tr("Needed, but not in your vault: add it on My data first")
                if planned.required
                else self.tr("Not in your vault")
            )
            item.setText(2, missing + (f" ({planned.reason})" if planned.reason else ""))
            for column in range(3):
                item.setForeground(column, QBrush(tone_colour(MISSING_COLOUR)))
            return item
        if planned.required:
            # Checked and locked; the text keeps the normal colour so it reads as chosen.
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setCheckState(0, Qt.CheckState.Checked)
            text = QBrush(self.palette().color(QPalette.ColorRole.Text))
            for column in range(3):
                item.setForeground(column, text)
            item.setToolTip(2, self.tr("The offer cannot be fulfilled without it"))
            return item
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        # Privacy by default: an optional field starts unticked (the core plans it so), unless
        # the person ticked it before choosing another vendor.
        chosen = planned.selected or planned.key in previous
        item.setCheckState(0, Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        if planned.asked:
            item.setToolTip(2, self.tr("Optional: the offer can be fulfilled without it"))
        return item

    def _why(self, planned: PlannedField) -> str:
        """Why the vendor asks for a field, in the vendor's words, and whether it must have it."""
        reason = planned.reason
        if planned.required:
            label = (
                self.tr("Needed for the offer: %1") if reason else self.tr("Needed for the offer")
            )
        elif planned.asked:
            label = self.tr("Optional: %1") if reason else self.tr("Optional (no reason given)")
        else:
            return ""
        return label.replace("%1", reason)

    def _show_heading(self) -> None:
        plan = self.plan
        if plan is None:
            self.heading.setText(
                self.tr("<h3>Give a vendor a consent</h3><p>Choose the vendor first.</p>")
            )
            return
        html = self.tr("<h3>Give %1 a consent</h3>").replace("%1", escape_html(plan.vendor_name))
        if plan.item_name:
            html += (
                "<p>"
                + self.tr("For the offer you accepted: %1").replace(
                    "%1", escape_html(plan.item_name)
                )
                + "</p>"
            )
        html += (
            "<p>"
            + self.tr(
                "Only the fields you tick are sent, for the purposes you tick, until the end date. "
                "You can revoke it at any time."
            )
            + "</p>"
        )
        self.heading.setText(html)

    def _show_problem(self) -> None:
        plan = self.plan
        if plan is None:
            self.problem.clear()
            return
        messages = []
        if plan.problem:
            messages.append(plan.problem)
        missing = [f.label for f in plan.fields if f.required and not f.present]
        if missing:
            messages.append(
                self.tr(
                    "The offer needs %1, which your vault does not hold. Add it on My data, "
                    "then give the consent again."
                ).replace("%1", ", ".join(missing))
            )
        self.problem.show_text("\n".join(messages))

    def _vendor_chosen(self, _index: int) -> None:
        combo = self.vendor_combo
        vendor_id = combo.currentData() if combo is not None else None
        if vendor_id is None:
            return
        self.summary_for = None
        self._update_confirm()
        self._runner.run(
            lambda vault: ConsentBook(vault).plan_for_vendor(vendor_id),
            owner=self,
            on_success=self._plan_loaded,
        )

    def _plan_loaded(self, plan: GrantPlan) -> None:
        combo = self.vendor_combo
        if combo is not None and combo.currentData() != plan.vendor_id:
            return  # another vendor was chosen meanwhile
        self.set_plan(plan)

    # ------------------------------------------------------------------ the request

    def request(self) -> GrantRequest:
        """What the dialog would grant now."""
        plan = self.plan
        assert plan is not None
        keys = []
        for row in range(self.fields_tree.topLevelItemCount()):
            item = self.fields_tree.topLevelItem(row)
            if item.checkState(0) == Qt.CheckState.Checked:
                keys.append(str(item.data(0, _KEY_ROLE)))
        third_party = self.third_party_edit.text().strip() if self._third_party_wanted() else ""
        return GrantRequest(
            vendor_id=plan.vendor_id,
            field_keys=tuple(keys),
            purposes=self._purposes(),
            days=self.days_spin.value(),
            offer_id=plan.offer_id,
            third_party_name=third_party or None,
        )

    def _purposes(self) -> tuple[int, ...]:
        chosen = []
        for row in range(self.purposes_tree.topLevelItemCount()):
            item = self.purposes_tree.topLevelItem(row)
            if item.checkState(0) == Qt.CheckState.Checked:
                chosen.append(int(item.data(0, _KEY_ROLE)))
        return tuple(chosen)

    def _third_party_wanted(self) -> bool:
        return any(number in THIRD_PARTY_PURPOSES for number in self._purposes())

    # ------------------------------------------------------------------ period

    def _days_changed(self, days: int) -> None:
        self.until_edit.blockSignals(True)
        self.until_edit.setDate(_qdate(date.today() + timedelta(days=days)))
        self.until_edit.blockSignals(False)
        self._changed()

    def _until_changed(self, chosen: QDate) -> None:
        days = chosen.toPython().toordinal() - date.today().toordinal()
        self.days_spin.blockSignals(True)
        self.days_spin.setValue(max(1, min(MAX_DAYS, days)))
        self.days_spin.blockSignals(False)
        self._changed()

    # ------------------------------------------------------------------ summary

    def _changed(self) -> None:
        """Something changed: the summary shown no longer holds until the new one arrives."""
        self._third_party_row.setVisible(self._third_party_wanted())
        self.summary_for = None
        self.summary_label.setEnabled(False)
        self._update_confirm()
        if self.plan is not None:
            self._summary_timer.start()

    def _ask_summary(self) -> None:
        if self.plan is None:
            return
        request = self.request()
        if not request.field_keys:
            self._show_summary_problem(self.tr("Tick at least one field to share."))
            return
        if not request.purposes:
            self._show_summary_problem(self.tr("Tick at least one purpose."))
            return

        def shown(parts: SummaryParts) -> None:
            if self.plan is None or self.request() != request:
                return  # changed meanwhile: a newer summary is on its way
            self.summary_label.setText(summary_in_words(self.plan.vendor_name, parts))
            self.summary_label.setEnabled(True)
            self.summary_for = request
            self._update_confirm()

        def refused(error: Exception) -> None:
            if self.plan is not None and self.request() == request:
                self._show_summary_problem(error_text(error))

        self._runner.run(
            lambda vault: grant_summary_parts(vault, request),
            owner=self,
            on_success=shown,
            on_error=refused,
        )

    def _show_summary_problem(self, text: str) -> None:
        self.summary_for = None
        self.summary_label.setText(text)
        self.summary_label.setEnabled(True)
        self._update_confirm()

    def _update_confirm(self) -> None:
        ready = (
            self.plan is not None
            and not self._granting
            and self.summary_for is not None
            and self.summary_for == self.request()
        )
        self.confirm_button.setEnabled(ready)
        if self.plan is None:
            self.summary_label.setText(self.tr("Choose a vendor to see what you would agree to."))

    # ------------------------------------------------------------------ confirming

    def confirm(self) -> None:
        """Grant exactly what the summary says, on the worker; close when done."""
        request = self.summary_for
        if request is None or self.plan is None or request != self.request() or self._granting:
            return
        self._granting = True
        self.error.clear()
        self._update_confirm()

        def done(record: ConsentRecord) -> None:
            self._granting = False
            self.granted.emit(record)
            self.accept()

        self._runner.run(
            lambda vault: ConsentBook(vault).grant(request), owner=self, on_success=done
        )

    def show_error(self, error: Exception) -> None:
        """An operation failed (the runner's default for this dialog): say why, keep every
        choice, and let the person try again."""
        self._granting = False
        if not isinstance(error, VaultLocked):
            self.error.show_text(error_text(error))
        self._update_confirm()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
