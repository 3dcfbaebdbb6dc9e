"""Dialogs of the Intentions page: the composer, and the questions it asks before acting.

The composer never touches the vault: it builds an :class:`~wallet.intents.IntentionDraft` (the
core's model checks every field) and emits it; the page creates the intention on the vault worker
and then calls :meth:`IntentionDialog.finish` or :meth:`IntentionDialog.show_error`, so nothing
typed is lost to an error. The confirmations are module functions that tests monkeypatch.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from pydantic import ValidationError
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import prepare_for_keyboard
from ui.dialogs import ask
from ui.widgets.messages import InlineMessage
from wallet.intents import IntentionDraft
from wallet.intents.models import MAX_VALID_DAYS
from wallet.wire.models import DELIVERY_METHODS

# The ISO 4217 codes offered in the composer (the most traded currencies first).
CURRENCIES: tuple[str, ...] = (
    "EUR", "USD", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK",
    "PLN", "CZK", "HUF", "RON", "BGN", "ISK", "TRY", "ILS", "INR", "KRW", "SGD", "HKD",
    "TWD", "THB", "MYR", "IDR", "PHP", "VND", "ZAR", "NGN", "KES", "EGP", "MAD", "AED",
    "SAR", "QAR", "BRL", "MXN", "ARS", "CLP", "COP", "PEN", "UYU", "UAH",
)  # fmt: skip

# Each text is translated when shown (context "IntentionChecks"); pyside6-lupdate finds them
# through QT_TRANSLATE_NOOP below.
FIELD_LABELS = {
    "item_name": QT_TRANSLATE_NOOP("IntentionChecks", "item"),
    "category": QT_TRANSLATE_NOOP("IntentionChecks", "category"),
    "description": QT_TRANSLATE_NOOP("IntentionChecks", "description"),
    "quantity": QT_TRANSLATE_NOOP("IntentionChecks", "quantity"),
    "max_price": QT_TRANSLATE_NOOP("IntentionChecks", "maximum price"),
    "currency": QT_TRANSLATE_NOOP("IntentionChecks", "currency"),
    "region": QT_TRANSLATE_NOOP("IntentionChecks", "region"),
    "postal_prefix": QT_TRANSLATE_NOOP("IntentionChecks", "postal prefix"),
    "deliver_by": QT_TRANSLATE_NOOP("IntentionChecks", "deliver by"),
    "delivery_method": QT_TRANSLATE_NOOP("IntentionChecks", "delivery method"),
    "valid_days": QT_TRANSLATE_NOOP("IntentionChecks", "valid for (days)"),
}
FRIENDLY = {
    "string_too_short": QT_TRANSLATE_NOOP("IntentionChecks", "must not be empty"),
    "string_too_long": QT_TRANSLATE_NOOP("IntentionChecks", "is too long"),
    "string_pattern_mismatch": QT_TRANSLATE_NOOP("IntentionChecks", "is not in the expected form"),
    "literal_error": QT_TRANSLATE_NOOP("IntentionChecks", "is not one of the choices"),
    "greater_than_equal": QT_TRANSLATE_NOOP("IntentionChecks", "is too small"),
    "less_than_equal": QT_TRANSLATE_NOOP("IntentionChecks", "is too large"),
    "too_long": QT_TRANSLATE_NOOP("IntentionChecks", "has too many entries"),
}
OTHERWISE = QT_TRANSLATE_NOOP("IntentionChecks", "is not valid")
PATTERN_HINTS = {
    "max_price": QT_TRANSLATE_NOOP("IntentionChecks", "write a number such as 120 or 119.95"),
    "currency": QT_TRANSLATE_NOOP(
        "IntentionChecks", "use a three-letter ISO 4217 code such as EUR"
    ),
    "region": QT_TRANSLATE_NOOP("IntentionChecks", "use a coarse region such as ES or ES-MD"),
    "postal_prefix": QT_TRANSLATE_NOOP(
        "IntentionChecks", "at most the first 3 letters or digits of a postal code"
    ),
}


def _translated(text: str) -> str:
    return QCoreApplication.translate("IntentionChecks", text)


def validation_messages(error: ValidationError) -> list[str]:
    """Every problem of a draft in the interface's words ("maximum price: write a number such
    as 120…"); pydantic's own English messages are never shown."""
    messages = []
    for problem in error.errors():
        field = ".".join(str(part) for part in problem["loc"])
        if problem["type"] == "string_pattern_mismatch" and field in PATTERN_HINTS:
            text = PATTERN_HINTS[field]
        else:
            text = FRIENDLY.get(problem["type"], OTHERWISE)
        label = _translated(FIELD_LABELS[field]) if field in FIELD_LABELS else field
        messages.append(f"{label}: {_translated(text)}")
    return messages


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class IntentionDialog(QDialog):
    """Compose a new intention. Signals: ``create_requested(IntentionDraft)``.

    ``proposals`` are ``(id, title)`` pairs of loyalty proposals that may be attached.
    """

    create_requested = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        proposals: Sequence[tuple[int, str]] = (),
        has_terms: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New intention"))
        self.item_edit = QLineEdit()
        self.item_edit.setPlaceholderText(self.tr("e.g. Trail running shoes"))
        self.category_edit = QLineEdit()
        self.category_edit.setPlaceholderText(self.tr("e.g. shoes"))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(self.tr("Size, colour, anything that matters"))
        self.description_edit.setFixedHeight(60)
        self.quantity_spin = QSpinBox()
        self.quantity_spin.setRange(1, 1_000_000)
        self.price_edit = QLineEdit()
        self.price_edit.setPlaceholderText(self.tr("e.g. 120.00"))
        self.currency_combo = QComboBox()
        self.currency_combo.addItems(CURRENCIES)
        self.currency_combo.setAccessibleName(self.tr("Currency"))
        price_row = QHBoxLayout()
        price_row.addWidget(self.price_edit, 1)
        price_row.addWidget(self.currency_combo)
        self.region_edit = QLineEdit()
        self.region_edit.setPlaceholderText(self.tr("optional, e.g. ES or ES-MD"))
        self.postal_edit = QLineEdit()
        self.postal_edit.setMaxLength(3)
        self.postal_edit.setPlaceholderText(self.tr("optional, at most 3 characters"))
        self.deliver_by_check = QCheckBox(self.tr("by"))
        self.deliver_by_edit = QDateEdit()
        self.deliver_by_edit.setCalendarPopup(True)
        soon = date.today() + timedelta(days=14)
        self.deliver_by_edit.setDate(QDate(soon.year, soon.month, soon.day))
        self.deliver_by_edit.setMinimumDate(QDate.currentDate())
        self.deliver_by_edit.setEnabled(False)
        self.deliver_by_edit.setAccessibleName(self.tr("Deliver by"))
        self.deliver_by_check.toggled.connect(self.deliver_by_edit.setEnabled)
        deliver_row = QHBoxLayout()
        deliver_row.addWidget(self.deliver_by_check)
        deliver_row.addWidget(self.deliver_by_edit, 1)
        self.method_combo = QComboBox()
        labels = {
            "any": self.tr("Any"),
            "delivery": self.tr("Delivery"),
            "pickup": self.tr("Pick-up"),
            "digital": self.tr("Digital"),
        }
        for method in ("any", *(m for m in DELIVERY_METHODS if m != "any")):
            self.method_combo.addItem(labels[method], method)
        self.valid_spin = QSpinBox()
        self.valid_spin.setRange(1, MAX_VALID_DAYS)
        self.valid_spin.setValue(7)
        self.valid_spin.setSuffix(self.tr(" days"))
        self.alternatives_check = QCheckBox(self.tr("Open to alternatives"))
        self.terms_check = QCheckBox(self.tr("Attach my latest terms"))
        self.terms_check.setChecked(has_terms)
        self.proposal_combo = QComboBox()
        self.proposal_combo.addItem(self.tr("None"), None)
        for proposal_id, title in proposals:
            self.proposal_combo.addItem(title, proposal_id)

        form = QFormLayout()
        form.addRow(self.tr("&Item:"), self.item_edit)
        form.addRow(self.tr("&Category:"), self.category_edit)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow(self.tr("&Quantity:"), self.quantity_spin)
        # A row of two fields: the label's buddy is the price (Alt+M), and the "&" no literal.
        price_label = QLabel(self.tr("&Maximum price:"))
        price_label.setBuddy(self.price_edit)
        form.addRow(price_label, price_row)
        form.addRow(self.tr("&Region:"), self.region_edit)
        form.addRow(self.tr("&Postal prefix:"), self.postal_edit)
        form.addRow(self.tr("Deliver:"), deliver_row)
        form.addRow(self.tr("Delivery &method:"), self.method_combo)
        form.addRow(self.tr("&Valid for:"), self.valid_spin)
        form.addRow("", self.alternatives_check)
        form.addRow("", self.terms_check)
        form.addRow(self.tr("&Loyalty proposal:"), self.proposal_combo)

        self.error_label = InlineMessage(error=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.description_edit.setTabChangesFocus(True)  # Tab goes on to the next field
        prepare_for_keyboard(self)  # Tab leaves text boxes; every control has a name

    def draft(self) -> IntentionDraft:
        """The draft as typed; raises :class:`ValueError` with every problem in words."""
        values = {
            "item_name": self.item_edit.text().strip(),
            "category": self.category_edit.text().strip(),
            "description": self.description_edit.toPlainText().strip(),
            "quantity": self.quantity_spin.value(),
            "max_price": self.price_edit.text().strip().replace(",", "."),
            "currency": self.currency_combo.currentText(),
            "region": self.region_edit.text().strip() or None,
            "postal_prefix": self.postal_edit.text().strip() or None,
            "deliver_by": (
                _pydate(self.deliver_by_edit.date()) if self.deliver_by_check.isChecked() else None
            ),
            "delivery_method": self.method_combo.currentData(),
            "valid_days": self.valid_spin.value(),
            "open_to_alternatives": self.alternatives_check.isChecked(),
            "use_terms": self.terms_check.isChecked(),
            "loyalty_proposal_id": self.proposal_combo.currentData(),
        }
        try:
            return IntentionDraft.model_validate(values)
        except ValidationError as exc:
            raise ValueError("\n".join(validation_messages(exc))) from None

    def show_error(self, message: str) -> None:
        self.error_label.show_text(message)
        self.ok_button.setEnabled(True)

    def finish(self) -> None:
        super().accept()

    def accept(self) -> None:
        self.error_label.clear()
        try:
            draft = self.draft()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.ok_button.setEnabled(False)
        self.create_requested.emit(draft)


def confirm_withdraw(parent: QWidget | None, *, item: str) -> bool:
    return ask.confirm(
        parent,
        QCoreApplication.translate("intention_dialogs", "Withdraw intention"),
        QCoreApplication.translate(
            "intention_dialogs",
            "Withdraw your intention for “%1”? Copies not yet delivered are cancelled, and "
            "vendors that received it are told it is withdrawn.",
        ).replace("%1", item),
        action=QCoreApplication.translate("intention_dialogs", "Withdraw"),
    )


def confirm_accept(
    parent: QWidget | None, *, vendor: str, item: str, price: str, deliver_by: str
) -> bool:
    """Ask before accepting an offer (the vendor is told; the others are declined)."""
    return ask.confirm(
        parent,
        QCoreApplication.translate("intention_dialogs", "Accept offer"),
        QCoreApplication.translate(
            "intention_dialogs",
            "Accept %1's offer of “%2” for %3, delivered by %4? The vendor is told you accept "
            "it, and the other vendors that their offers were declined.",
        )
        .replace("%1", vendor)
        .replace("%2", item)
        .replace("%3", price)
        .replace("%4", deliver_by),
        action=QCoreApplication.translate("intention_dialogs", "Accept"),
    )
