"""Dialogs of the Loyalty page: a card, a proposal, a purchase, and the import wizard.

None of them touches the vault. Each emits what the user entered, already checked by the core's
models; the page saves it on the vault worker with the dialog as owner, so the dialog closes
(:meth:`finish`) or shows what went wrong (:meth:`show_error`) and nothing typed is lost to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n.core_texts import proposal_status_name
from ui.i18n.error_texts import worded_error_text
from ui.widgets.messages import InlineMessage, error_text
from wallet.errors import VaultLocked
from wallet.loyalty.book import ImportPreview
from wallet.loyalty.codes import encoded_value
from wallet.loyalty.models import (
    BARCODE_TYPES,
    MEMBERSHIP_FIELDS,
    PROPOSAL_STATUSES,
    Membership,
    Proposal,
    ProposalStatus,
)
from wallet.loyalty.proposal_form import proposal_terms_from_form, reward_takes_value
from wallet.loyalty.values import FIELD_LABELS, RowRejected, draft_from_texts
from wallet.wire.loyalty import REWARD_KINDS


def _error_message(error: Exception | str) -> str | None:
    """What a dialog says about ``error``; None for a locked vault (the dialog is closing)."""
    if isinstance(error, VaultLocked):
        return None
    return error if isinstance(error, str) else error_text(error)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class _SavingDialog(QDialog):
    """A dialog whose OK button asks the page to save; it stays open until :meth:`finish`."""

    def __init__(self, parent: QWidget | None, ok_text: str) -> None:
        super().__init__(parent)
        self.error_label = InlineMessage(error=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def show_error(self, error: Exception | str) -> None:
        """Say what is wrong (a check of what was typed, or the save that failed)."""
        message = _error_message(error)
        if message is None:
            return
        self.error_label.show_text(message)
        self.ok_button.setEnabled(True)

    def finish(self) -> None:
        super().accept()

    def accept(self) -> None:
        self.error_label.clear()
        try:
            value = self.value()
        except (RowRejected, ValueError) as exc:
            self.show_error(worded_error_text(exc) or str(exc))
            return
        self.ok_button.setEnabled(False)
        self.emit_value(value)

    def value(self) -> Any:
        raise NotImplementedError

    def emit_value(self, value: Any) -> None:
        raise NotImplementedError


class MembershipDialog(_SavingDialog):
    """Add or edit a card. Signals: ``save_requested(MembershipDraft)``."""

    save_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, existing: Membership | None = None):
        super().__init__(parent, self.tr("Save"))
        self.setWindowTitle(self.tr("Edit card") if existing else self.tr("Add card"))
        self.setMinimumWidth(420)
        self.program_edit = QLineEdit()
        self.vendor_edit = QLineEdit()
        self.number_edit = QLineEdit()
        self.tier_edit = QLineEdit()
        self.points_edit = QLineEdit()
        self.expiry_edit = QLineEdit()
        self.expiry_edit.setPlaceholderText(self.tr("YYYY-MM-DD, or empty"))
        self.barcode_type_combo = QComboBox()
        for kind in BARCODE_TYPES:
            self.barcode_type_combo.addItem(kind.upper() if kind != "qr" else "QR", kind)
        self.barcode_value_edit = QLineEdit()
        self.barcode_value_edit.setPlaceholderText(self.tr("empty: the member number"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(60)
        form = QFormLayout()
        form.addRow(self.tr("&Program:"), self.program_edit)
        form.addRow(self.tr("&Vendor:"), self.vendor_edit)
        form.addRow(self.tr("&Member number:"), self.number_edit)
        form.addRow(self.tr("&Tier:"), self.tier_edit)
        form.addRow(self.tr("P&oints:"), self.points_edit)
        form.addRow(self.tr("&Expiry:"), self.expiry_edit)
        form.addRow(self.tr("&Barcode type:"), self.barcode_type_combo)
        form.addRow(self.tr("Barcode &value:"), self.barcode_value_edit)
        self.encoded_label = QLabel()  # what the code will encode, as the card will print it
        self.encoded_label.setTextFormat(Qt.TextFormat.PlainText)
        self.encoded_label.setWordWrap(True)
        form.addRow("", self.encoded_label)
        form.addRow(self.tr("&Notes:"), self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if existing is not None:
            self.program_edit.setText(existing.program)
            self.vendor_edit.setText(existing.vendor)
            self.number_edit.setText(existing.member_number)
            self.tier_edit.setText(existing.tier)
            points = existing.points_balance
            self.points_edit.setText("" if points is None else str(points))
            self.expiry_edit.setText(existing.expiry.isoformat() if existing.expiry else "")
            self.barcode_type_combo.setCurrentIndex(BARCODE_TYPES.index(existing.barcode_type))
            self.barcode_value_edit.setText(existing.barcode_value)
            self.notes_edit.setPlainText(existing.notes)
        for edit in (self.number_edit, self.barcode_value_edit):
            edit.textChanged.connect(self._show_encoded)
        self.barcode_type_combo.currentIndexChanged.connect(self._show_encoded)
        self._show_encoded()

    def _show_encoded(self) -> None:
        """Say what the code will encode (an EAN-13 typed with 12 digits gets its 13th); a
        number it cannot encode says nothing here: saving says why."""
        kind = str(self.barcode_type_combo.currentData())
        typed = self.barcode_value_edit.text().strip() or self.number_edit.text().strip()
        try:
            encoded = encoded_value(kind, typed) if typed else ""
        except ValueError:
            encoded = ""
        if encoded:
            self.encoded_label.setText(self.tr("The code will read: %1").replace("%1", encoded))
        else:
            self.encoded_label.clear()

    def value(self) -> Any:
        return draft_from_texts(
            {
                "program": self.program_edit.text(),
                "vendor": self.vendor_edit.text(),
                "member_number": self.number_edit.text(),
                "tier": self.tier_edit.text(),
                "points_balance": self.points_edit.text(),
                "expiry": self.expiry_edit.text(),
                "notes": self.notes_edit.toPlainText(),
                "barcode_type": str(self.barcode_type_combo.currentData()),
                "barcode_value": self.barcode_value_edit.text(),
            }
        )

    def emit_value(self, value: Any) -> None:
        self.save_requested.emit(value)


class ProposalDialog(_SavingDialog):
    """Write or edit a loyalty proposal. Signals: ``save_requested((ProposalTerms, status))``."""

    save_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, existing: Proposal | None = None):
        super().__init__(parent, self.tr("Save"))
        self.setWindowTitle(self.tr("Edit proposal") if existing else self.tr("New proposal"))
        self.setMinimumWidth(440)
        self.title_edit = QLineEdit()
        self.vendor_edit = QLineEdit()
        self.vendor_edit.setPlaceholderText(self.tr("empty: whichever vendor accepts"))
        self.category_edit = QLineEdit()
        self.commitment_combo = QComboBox()
        self.commitment_combo.addItem(self.tr("Number of purchases"), "purchases")
        self.commitment_combo.addItem(self.tr("Amount spent"), "amount")
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 100_000)
        self.count_spin.setValue(12)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("500.00")
        self.currency_edit = QLineEdit("EUR")
        self.currency_edit.setMaxLength(3)
        self.period_combo = QComboBox()
        self.period_combo.addItem(self.tr("Per year"), "year")
        self.period_combo.addItem(self.tr("Over the whole validity"), "validity")
        self.reward_combo = QComboBox()
        reward_names = {
            "percent_discount": self.tr("Percent discount"),
            "free_delivery": self.tr("Free delivery"),
            "price_match": self.tr("Price match"),
            "points_multiplier": self.tr("Points multiplier"),
        }
        for kind in REWARD_KINDS:
            self.reward_combo.addItem(reward_names[kind], kind)
        self.reward_value_edit = QLineEdit()
        self.reward_value_edit.setPlaceholderText(self.tr("e.g. 5 (%) or 2 (×)"))
        today = date.today()
        self.valid_from_edit = QDateEdit(_qdate(today))
        self.valid_until_edit = QDateEdit(_qdate(today.replace(year=today.year + 1)))
        for edit in (self.valid_from_edit, self.valid_until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.status_combo = QComboBox()
        for status in PROPOSAL_STATUSES:
            self.status_combo.addItem(proposal_status_name(status), status)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Vendor:"), self.vendor_edit)
        form.addRow(self.tr("&Category:"), self.category_edit)
        form.addRow(self.tr("I commit to:"), self.commitment_combo)
        form.addRow(self.tr("Purchases:"), self.count_spin)
        form.addRow(self.tr("Amount:"), self.amount_edit)
        form.addRow(self.tr("Currency:"), self.currency_edit)
        form.addRow(self.tr("&Period:"), self.period_combo)
        form.addRow(self.tr("In return for:"), self.reward_combo)
        form.addRow(self.tr("Reward value:"), self.reward_value_edit)
        form.addRow(self.tr("Valid &from:"), self.valid_from_edit)
        form.addRow(self.tr("Valid &until:"), self.valid_until_edit)
        form.addRow(self.tr("&Status:"), self.status_combo)
        self._form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.commitment_combo.currentIndexChanged.connect(self._update_visibility)
        self.reward_combo.currentIndexChanged.connect(self._update_visibility)
        if existing is not None:
            self._show_existing(existing)
        self._update_visibility()

    def _show_existing(self, existing: Proposal) -> None:
        terms = existing.terms
        self.title_edit.setText(terms.title)
        self.vendor_edit.setText(terms.vendor)
        self.category_edit.setText(terms.category)
        commitment = terms.commitment
        self.commitment_combo.setCurrentIndex(self.commitment_combo.findData(commitment.kind))
        if commitment.kind == "purchases":
            self.count_spin.setValue(commitment.count)
        else:
            self.amount_edit.setText(str(commitment.amount))
            self.currency_edit.setText(commitment.currency)
        self.period_combo.setCurrentIndex(self.period_combo.findData(terms.period))
        self.reward_combo.setCurrentIndex(self.reward_combo.findData(terms.reward.kind))
        value = terms.reward.value
        self.reward_value_edit.setText("" if value is None else str(value))
        self.valid_from_edit.setDate(_qdate(terms.valid_from))
        self.valid_until_edit.setDate(_qdate(terms.valid_until))
        self.status_combo.setCurrentIndex(self.status_combo.findData(existing.status))

    def _update_visibility(self) -> None:
        by_amount = self.commitment_combo.currentData() == "amount"
        self._form.setRowVisible(self.count_spin, not by_amount)
        self._form.setRowVisible(self.amount_edit, by_amount)
        self._form.setRowVisible(self.currency_edit, by_amount)
        valued = reward_takes_value(self.reward_combo.currentData())
        self._form.setRowVisible(self.reward_value_edit, valued)

    def value(self) -> Any:
        terms = proposal_terms_from_form(
            title=self.title_edit.text(),
            vendor=self.vendor_edit.text(),
            category=self.category_edit.text(),
            by_amount=self.commitment_combo.currentData() == "amount",
            count=self.count_spin.value(),
            amount=self.amount_edit.text(),
            currency=self.currency_edit.text(),
            period=str(self.period_combo.currentData()),
            reward_kind=str(self.reward_combo.currentData()),
            reward_value=self.reward_value_edit.text(),
            valid_from=_pydate(self.valid_from_edit.date()),
            valid_until=_pydate(self.valid_until_edit.date()),
        )
        status: ProposalStatus = self.status_combo.currentData()
        return terms, status

    def emit_value(self, value: Any) -> None:
        self.save_requested.emit(value)


class PurchaseDialog(_SavingDialog):
    """Record a purchase. Signals: ``record_requested((vendor, Decimal amount, date))``."""

    record_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, vendor: str = "") -> None:
        super().__init__(parent, self.tr("Record"))
        self.setWindowTitle(self.tr("Record purchase"))
        self.vendor_edit = QLineEdit(vendor)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("12.50")
        self.date_edit = QDateEdit(_qdate(date.today()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        form = QFormLayout()
        form.addRow(self.tr("&Vendor:"), self.vendor_edit)
        form.addRow(self.tr("&Amount:"), self.amount_edit)
        form.addRow(self.tr("&Date:"), self.date_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def value(self) -> Any:
        vendor = self.vendor_edit.text().strip()
        if not vendor:
            raise ValueError(self.tr("Name the vendor."))
        try:
            amount = Decimal(self.amount_edit.text().strip() or "0")
        except InvalidOperation:
            raise ValueError(self.tr("Write the amount like 12.50.")) from None
        return vendor, amount, _pydate(self.date_edit.date())

    def emit_value(self, value: Any) -> None:
        self.record_requested.emit(value)


class ImportDialog(QDialog):
    """The import wizard's preview: the column mapping (editable), good and rejected rows.

    Signals:
        remap_requested(dict): the user changed the mapping; answer with :meth:`set_preview`.
        import_requested(ImportPreview): import the good rows; then :meth:`finish`.
    """

    remap_requested = Signal(object)
    import_requested = Signal(object)

    def __init__(self, parent: QWidget | None, preview: ImportPreview) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import loyalty cards"))
        self.resize(640, 520)
        self.preview = preview
        self.source_label = QLabel()
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Field")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().hide()
        self.good_label = QLabel()
        self.rejected_table = QTableWidget(0, 3)
        self.rejected_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Card"), self.tr("Why it is left out")]
        )
        self.rejected_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.rejected_table.verticalHeader().hide()
        for table in (self.mapping_table, self.rejected_table):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.error_label = InlineMessage(error=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.mapping_label = QLabel(self.tr("Which field each column holds:"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.good_label)
        layout.addWidget(self.rejected_table, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.mapping_combos: dict[str, QComboBox] = {}
        self._stale = False  # the mapping changed and no new preview has come back yet
        self.set_preview(preview)

    def set_preview(self, preview: ImportPreview) -> None:
        """Show ``preview`` (a first one, or one after a mapping change)."""
        self.preview = preview
        self._stale = False
        self.error_label.clear()
        self.source_label.setText(
            self.tr("File: %1 (%2)")
            .replace("%1", preview.source.name)
            .replace("%2", preview.format)
        )
        self._show_mapping(preview.mapping)
        self.good_label.setText(
            self.tr("%1 cards can be imported; %2 rows are left out:")
            .replace("%1", str(len(preview.good)))
            .replace("%2", str(len(preview.rejected)))
        )
        self.rejected_table.setRowCount(len(preview.rejected))
        for row, rejected in enumerate(preview.rejected):
            for column, text in enumerate((str(rejected.row), rejected.summary, rejected.reason)):
                self.rejected_table.setItem(row, column, QTableWidgetItem(text))
        self.import_button.setText(self.tr("Import %1 cards").replace("%1", str(len(preview.good))))
        self.import_button.setEnabled(bool(preview.good))

    def _show_mapping(self, mapping: Sequence[tuple[str, str | None]]) -> None:
        visible = bool(mapping)
        self.mapping_label.setVisible(visible)
        self.mapping_table.setVisible(visible)
        self.mapping_combos = {}
        self.mapping_table.setRowCount(len(mapping))
        for row, (column, name) in enumerate(mapping):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(column))
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), None)
            for field in MEMBERSHIP_FIELDS:
                combo.addItem(FIELD_LABELS[field], field)
            combo.setCurrentIndex(max(0, combo.findData(name)) if name else 0)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_combos[column] = combo
            self.mapping_table.setCellWidget(row, 1, combo)

    def mapping(self) -> dict[str, str | None]:
        return {column: combo.currentData() for column, combo in self.mapping_combos.items()}

    def _mapping_changed(self) -> None:
        self._stale = True
        self.import_button.setEnabled(False)
        self.remap_requested.emit(self.mapping())

    def show_error(self, error: Exception | str) -> None:
        """Say why a new mapping or the import was refused."""
        message = _error_message(error)
        if message is None:
            return
        self.error_label.show_text(message)
        # After a refused mapping the shown preview no longer matches the combos: no import.
        self.import_button.setEnabled(bool(self.preview.good) and not self._stale)

    def finish(self) -> None:
        super().accept()

    def accept(self) -> None:
        self.import_button.setEnabled(False)
        self.import_requested.emit(self.preview)
