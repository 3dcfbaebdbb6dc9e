"""An intention in words a person reads: its status, and the label–value rows of its details
(dates and money in the locale's format, delivery methods and statuses translated)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from ui.pages.offer_details import delivery_method_text, money, short_date
from wallet.intents import IntentionRecord


def _tr(text: str) -> str:
    return QCoreApplication.translate("IntentionRecord", text)


def intention_status_text(status: str) -> str:
    """An intention's status in the person's language."""
    texts = {
        "draft": _tr("not sent yet"),
        "broadcast": _tr("sent, waiting for offers"),
        "offers_in": _tr("offers in"),
        "chosen": _tr("offer accepted"),
        "expired": _tr("expired"),
        "withdrawn": _tr("withdrawn"),
    }
    return texts.get(status, status)


def local_time(timestamp: str) -> str:
    """A UTC timestamp of the wire (``2026-12-14T11:10:13Z``) in local time, locale format."""
    try:
        moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return timestamp
    shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


def record_rows(record: IntentionRecord) -> list[tuple[str, str]]:
    """The details of ``record`` as (label, value) rows; empty values left out."""
    intention = record.intention
    price = intention.priceSpecification
    delivery = intention.delivery
    where = " ".join(filter(None, [delivery.region, delivery.postalPrefix]))
    method = _tr("any way") if delivery.method == "any" else delivery_method_text(delivery.method)
    rows = [
        (_tr("Item"), intention.itemOffered.name),
        (_tr("Description"), intention.itemOffered.description),
        (_tr("Category"), intention.itemOffered.category),
        (_tr("Quantity"), QLocale().toString(intention.eligibleQuantity.value)),
        (_tr("At most"), money(str(price.maxPrice), price.priceCurrency)),
        (_tr("Delivery"), method),
        (_tr("Where"), where),
        (_tr("Deliver by"), short_date(delivery.deliverBy) if delivery.deliverBy else ""),
        (_tr("Valid until"), local_time(intention.validThrough)),
        (_tr("Status"), intention_status_text(record.status)),
    ]
    extras = []
    if intention.openToAlternatives:
        extras.append(_tr("open to alternatives"))
    if intention.terms is not None:
        extras.append(_tr("your terms attached"))
    if intention.loyaltyProposal is not None:
        extras.append(_tr("loyalty proposal attached"))
    if extras:
        rows.append((_tr("Also"), ", ".join(extras)))
    return [(label, value) for label, value in rows if value]
