"""The selected offer, as a person weighs it before accepting: what it is, price and delivery,
whether it accepts their terms and loyalty proposal, the data the vendor will ask for and why,
and how its score was made (:class:`wallet.offers.summary.OfferSummary`, read on the vault's
thread by the page)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from ui.i18n.core_texts import field_label
from ui.i18n.formats import local_date
from ui.widgets.details_grid import DetailsGrid
from wallet.offers.summary import AskedField, OfferSummary, ScorePart


def money(amount: str, currency: str) -> str:
    """``amount`` (a decimal string) in the locale's format, with its currency code."""
    try:
        value = Decimal(amount)
        exponent = value.as_tuple().exponent
    except InvalidOperation:
        return f"{amount} {currency}"
    if not isinstance(exponent, int):  # not a finite number: shown as written
        return f"{amount} {currency}"
    # Number in the locale's format, then the ISO code: "86.45 EUR", "86,45 EUR" (a currency
    # symbol would hide which of several dollars or crowns it is).
    return f"{QLocale().toString(float(value), 'f', max(0, -exponent))} {currency}"


def delivery_method_text(method: str) -> str:
    texts = {
        "delivery": QCoreApplication.translate("OfferDetails", "delivered to you"),
        "pickup": QCoreApplication.translate("OfferDetails", "picked up by you"),
        "digital": QCoreApplication.translate("OfferDetails", "sent digitally"),
    }
    return texts.get(method, method)


def _terms_text(state: str) -> str:
    return {
        "accepted": QCoreApplication.translate("OfferDetails", "Accepts your terms"),
        "countered": QCoreApplication.translate(
            "OfferDetails", "Proposes its own terms instead of yours"
        ),
        "not_accepted": QCoreApplication.translate("OfferDetails", "Does not accept your terms"),
        "none_sent": QCoreApplication.translate("OfferDetails", "You sent no terms"),
    }[state]


def _loyalty_text(state: str) -> str:
    return {
        "accepted": QCoreApplication.translate("OfferDetails", "Accepts your loyalty proposal"),
        "not_accepted": QCoreApplication.translate(
            "OfferDetails", "Does not accept your loyalty proposal"
        ),
        "none_sent": QCoreApplication.translate("OfferDetails", "You sent no loyalty proposal"),
    }[state]


def _status_text(status: str) -> str:
    return {
        "chosen": QCoreApplication.translate("OfferDetails", "You accepted this offer"),
        "declined": QCoreApplication.translate(
            "OfferDetails", "Declined: you accepted another offer"
        ),
        "received": QCoreApplication.translate("OfferDetails", "Not decided yet"),
    }[status]


def _asked_text(asked: tuple[AskedField, ...]) -> str:
    if not asked:
        return QCoreApplication.translate("OfferDetails", "Nothing")
    lines = []
    for field in asked:
        need = (
            QCoreApplication.translate("OfferDetails", "required")
            if field.required
            else QCoreApplication.translate("OfferDetails", "optional")
        )
        line = (
            QCoreApplication.translate("OfferDetails", "%1 (%2)")
            .replace("%1", field_label(field.key, field.label))
            .replace("%2", need)
        )
        if field.purpose:
            line = (
                QCoreApplication.translate("OfferDetails", "%1: %2")
                .replace("%1", line)
                .replace("%2", field.purpose)
            )
        lines.append(line)
    return "\n".join(lines)


def _criterion(name: str) -> str:
    return {
        "price": QCoreApplication.translate("OfferDetails", "price"),
        "delivery": QCoreApplication.translate("OfferDetails", "delivery"),
        "loyalty": QCoreApplication.translate("OfferDetails", "loyalty"),
        "history": QCoreApplication.translate("OfferDetails", "history"),
    }[name]


def _score_text(score: float, parts: tuple[ScorePart, ...]) -> str:
    locale = QLocale()
    total = sum(part.weight for part in parts) or 1.0
    pieces = [
        QCoreApplication.translate("OfferDetails", "%1 %2 (counts %3 %)")
        .replace("%1", _criterion(part.name))
        .replace("%2", locale.toString(part.score, "f", 2))
        .replace("%3", locale.toString(round(100 * part.weight / total)))
        for part in parts
        if part.weight > 0
    ]
    return (
        QCoreApplication.translate("OfferDetails", "%1 of 1: %2")
        .replace("%1", locale.toString(score, "f", 2))
        .replace("%2", ", ".join(pieces))
    )


def _vendor_rows(summary: OfferSummary) -> list[tuple[str, str]]:
    """The vendor; one met on the market, outside the directory, is said so, with the
    fingerprint of the key that signed the offer (the key accepting would pin)."""
    label = QCoreApplication.translate("OfferDetails", "Vendor")
    if summary.vendor_pinned:
        return [(label, summary.vendor_name)]
    met = QCoreApplication.translate(
        "OfferDetails", "%1 — not in your directory (met on the market)"
    )
    return [
        (label, met.replace("%1", summary.vendor_name)),
        (
            QCoreApplication.translate("OfferDetails", "Key fingerprint"),
            summary.vendor_fingerprint or "",
        ),
    ]


def summary_rows(summary: OfferSummary) -> list[tuple[str, str]]:
    """The label–value rows shown for ``summary``."""
    item = summary.item
    if summary.is_alternative:
        item = QCoreApplication.translate(
            "OfferDetails", "%1 (an alternative to what you asked for)"
        ).replace("%1", item)
    price = money(summary.price, summary.currency)
    if summary.quantity != 1:
        price = (
            QCoreApplication.translate("OfferDetails", "%1 (quantity: %2)")
            .replace("%1", price)
            .replace("%2", QLocale().toString(summary.quantity))
        )
    delivery = (
        QCoreApplication.translate("OfferDetails", "%1, by %2")
        .replace("%1", delivery_method_text(summary.delivery_method))
        .replace("%2", local_date(summary.deliver_by))
    )
    rows = [
        *_vendor_rows(summary),
        (QCoreApplication.translate("OfferDetails", "Item"), item),
        (QCoreApplication.translate("OfferDetails", "Description"), summary.description),
        *((name, value) for name, value in summary.specs),
        (QCoreApplication.translate("OfferDetails", "Price"), price),
        (QCoreApplication.translate("OfferDetails", "Delivery"), delivery),
        (QCoreApplication.translate("OfferDetails", "Your terms"), _terms_text(summary.terms)),
        (QCoreApplication.translate("OfferDetails", "Loyalty"), _loyalty_text(summary.loyalty)),
        (QCoreApplication.translate("OfferDetails", "Will ask for"), _asked_text(summary.asked)),
    ]
    if summary.score is not None:
        rows.append(
            (
                QCoreApplication.translate("OfferDetails", "Score"),
                _score_text(summary.score, summary.score_parts),
            )
        )
    rows.append(
        (QCoreApplication.translate("OfferDetails", "Decision"), _status_text(summary.status))
    )
    return [(label, value) for label, value in rows if value]


class OfferDetails(QGroupBox):
    """The selected offer's summary (hidden while no offer is selected)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("OfferDetails", "Selected offer"), parent)
        self.grid = DetailsGrid()
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)
        layout.addWidget(self.note)
        self.shown_id: str | None = None
        self.setVisible(False)

    def show_summary(self, summary: OfferSummary) -> None:
        self.shown_id = summary.offer_id
        self.grid.set_rows(summary_rows(summary))
        note = QCoreApplication.translate(
            "OfferDetails",
            "Accepting tells this vendor yes and the others no. The data above is only "
            "asked for: you choose what to give, and for how long, in the consent that "
            "follows.",
        )
        if not summary.vendor_pinned:
            note += " " + QCoreApplication.translate(
                "OfferDetails",
                "Accepting also adds this vendor to your directory with the key above; check "
                "its fingerprint with the vendor if you can.",
            )
        self.note.setText(note)
        self.note.setVisible(summary.status == "received")
        self.setVisible(True)

    def clear(self) -> None:
        self.shown_id = None
        self.grid.clear()
        self.setVisible(False)

    def text(self) -> str:
        """What is shown, as lines of ``label: value`` (for tests)."""
        return self.grid.text()
