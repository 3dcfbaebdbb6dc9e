"""The selected offer, as a person weighs it before accepting: what it is, price and delivery,
whether it accepts their terms and loyalty proposal, the data the vendor will ask for and why,
and how its score was made (:class:`wallet.offers.summary.OfferSummary`, read on the vault's
thread by the page)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from ui.widgets.details_grid import DetailsGrid
from wallet.offers.summary import AskedField, OfferSummary, ScorePart


def _tr(text: str, disambiguation: str | None = None, count: int = -1) -> str:
    return QCoreApplication.translate("OfferDetails", text, disambiguation, count)


def money(amount: str, currency: str) -> str:
    """``amount`` (a decimal string) in the locale's format, with its currency code."""
    try:
        value = Decimal(amount)
        exponent = value.as_tuple().exponent
    except InvalidOperation:
        return f"{amount} {currency}"
    if not isinstance(exponent, int):  # not a finite number: shown as written
        return f"{amount} {currency}"
    return QLocale().toCurrencyString(float(value), currency, max(0, -exponent))


def short_date(day: date) -> str:
    """A date in the locale's short format."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def delivery_method_text(method: str) -> str:
    texts = {
        "delivery": _tr("delivered to you"),
        "pickup": _tr("picked up by you"),
        "digital": _tr("sent digitally"),
    }
    return texts.get(method, method)


def _terms_text(state: str) -> str:
    return {
        "accepted": _tr("Accepts your terms"),
        "countered": _tr("Proposes its own terms instead of yours"),
        "not_accepted": _tr("Does not accept your terms"),
        "none_sent": _tr("You sent no terms"),
    }[state]


def _loyalty_text(state: str) -> str:
    return {
        "accepted": _tr("Accepts your loyalty proposal"),
        "not_accepted": _tr("Does not accept your loyalty proposal"),
        "none_sent": _tr("You sent no loyalty proposal"),
    }[state]


def _status_text(status: str) -> str:
    return {
        "chosen": _tr("You accepted this offer"),
        "declined": _tr("Declined: you accepted another offer"),
        "received": _tr("Not decided yet"),
    }[status]


def _asked_text(asked: tuple[AskedField, ...]) -> str:
    if not asked:
        return _tr("Nothing")
    lines = []
    for field in asked:
        need = _tr("required") if field.required else _tr("optional")
        line = _tr("%1 (%2)").replace("%1", field.label).replace("%2", need)
        if field.purpose:
            line = _tr("%1: %2").replace("%1", line).replace("%2", field.purpose)
        lines.append(line)
    return "\n".join(lines)


def _criterion(name: str) -> str:
    return {
        "price": _tr("price"),
        "delivery": _tr("delivery"),
        "loyalty": _tr("loyalty"),
        "history": _tr("history"),
    }[name]


def _score_text(score: float, parts: tuple[ScorePart, ...]) -> str:
    locale = QLocale()
    total = sum(part.weight for part in parts) or 1.0
    pieces = [
        _tr("%1 %2 (counts %3 %)")
        .replace("%1", _criterion(part.name))
        .replace("%2", locale.toString(part.score, "f", 2))
        .replace("%3", locale.toString(round(100 * part.weight / total)))
        for part in parts
        if part.weight > 0
    ]
    return (
        _tr("%1 of 1: %2")
        .replace("%1", locale.toString(score, "f", 2))
        .replace("%2", ", ".join(pieces))
    )


def summary_rows(summary: OfferSummary) -> list[tuple[str, str]]:
    """The label–value rows shown for ``summary``."""
    item = summary.item
    if summary.is_alternative:
        item = _tr("%1 (an alternative to what you asked for)").replace("%1", item)
    price = _tr("%1 for %n", "", summary.quantity).replace(
        "%1", money(summary.price, summary.currency)
    )
    delivery = (
        _tr("%1, by %2")
        .replace("%1", delivery_method_text(summary.delivery_method))
        .replace("%2", short_date(summary.deliver_by))
    )
    rows = [
        (_tr("Vendor"), summary.vendor_name),
        (_tr("Item"), item),
        (_tr("Description"), summary.description),
        *((name, value) for name, value in summary.specs),
        (_tr("Price"), price),
        (_tr("Delivery"), delivery),
        (_tr("Your terms"), _terms_text(summary.terms)),
        (_tr("Loyalty"), _loyalty_text(summary.loyalty)),
        (_tr("Will ask for"), _asked_text(summary.asked)),
    ]
    if summary.score is not None:
        rows.append((_tr("Score"), _score_text(summary.score, summary.score_parts)))
    rows.append((_tr("Decision"), _status_text(summary.status)))
    return [(label, value) for label, value in rows if value]


class OfferDetails(QGroupBox):
    """The selected offer's summary (hidden while no offer is selected)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Selected offer"), parent)
        self.grid = DetailsGrid()
        self.note = QLabel(
            _tr(
                "Accepting tells this vendor yes and the others no. The data above is only "
                "asked for: you choose what to give, and for how long, in the consent that "
                "follows."
            )
        )
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)
        layout.addWidget(self.note)
        self.shown_id: str | None = None
        self.setVisible(False)

    def show_summary(self, summary: OfferSummary) -> None:
        self.shown_id = summary.offer_id
        self.grid.set_rows(summary_rows(summary))
        self.note.setVisible(summary.status == "received")
        self.setVisible(True)

    def clear(self) -> None:
        self.shown_id = None
        self.grid.clear()
        self.setVisible(False)

    def text(self) -> str:
        """What is shown, as lines of ``label: value`` (for tests)."""
        return self.grid.text()
