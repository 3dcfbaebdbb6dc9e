"""An intention in words a person reads: its status, and the label–value rows of its details
(dates and money in the locale's format, delivery methods and statuses translated)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from ui.i18n.formats import local_date, local_date_time
from ui.i18n.regions import region_name
from ui.pages.offer_details import delivery_method_text, money
from wallet.intents import IntentionRecord
from wallet.market.store import CastRow


def intention_status_text(status: str) -> str:
    """An intention's status in the person's language."""
    texts = {
        "draft": QCoreApplication.translate("IntentionRecord", "not sent yet"),
        "broadcast": QCoreApplication.translate("IntentionRecord", "sent, waiting for offers"),
        "offers_in": QCoreApplication.translate("IntentionRecord", "offers in"),
        "chosen": QCoreApplication.translate("IntentionRecord", "offer accepted"),
        "expired": QCoreApplication.translate("IntentionRecord", "expired"),
        "withdrawn": QCoreApplication.translate("IntentionRecord", "withdrawn"),
    }
    return texts.get(status, status)


def local_time(timestamp: str) -> str:
    """A UTC timestamp of the wire (``2026-12-14T11:10:13Z``) in local time, locale format."""
    try:
        moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return timestamp
    return local_date_time(moment)


def cast_text(cast: CastRow) -> str:
    """Where an intention was cast on the market, and how it stands there."""
    if cast.withdrawn_at is not None:
        text = QCoreApplication.translate("IntentionRecord", "%1 (withdrawn there)")
        return text.replace("%1", cast.relay)
    read = QCoreApplication.translate("IntentionRecord", "%1 (answers read: %2)")
    return read.replace("%1", cast.relay).replace("%2", QLocale().toString(cast.messages_read))


def record_rows(record: IntentionRecord, casts: Sequence[CastRow] = ()) -> list[tuple[str, str]]:
    """The details of ``record`` (and the relays it was cast on) as (label, value) rows;
    empty values left out."""
    intention = record.intention
    price = intention.priceSpecification
    delivery = intention.delivery
    region = region_name(delivery.region) if delivery.region else None
    where = " ".join(filter(None, [region, delivery.postalPrefix]))
    method = (
        QCoreApplication.translate("IntentionRecord", "any way")
        if delivery.method == "any"
        else delivery_method_text(delivery.method)
    )
    rows = [
        (QCoreApplication.translate("IntentionRecord", "Item"), intention.itemOffered.name),
        (
            QCoreApplication.translate("IntentionRecord", "Description"),
            intention.itemOffered.description,
        ),
        (QCoreApplication.translate("IntentionRecord", "Category"), intention.itemOffered.category),
        (
            QCoreApplication.translate("IntentionRecord", "Quantity"),
            QLocale().toString(intention.eligibleQuantity.value),
        ),
        (
            QCoreApplication.translate("IntentionRecord", "At most"),
            money(str(price.maxPrice), price.priceCurrency),
        ),
        (QCoreApplication.translate("IntentionRecord", "Delivery"), method),
        (QCoreApplication.translate("IntentionRecord", "Where"), where),
        (
            QCoreApplication.translate("IntentionRecord", "Deliver by"),
            local_date(delivery.deliverBy) if delivery.deliverBy else "",
        ),
        (
            QCoreApplication.translate("IntentionRecord", "Valid until"),
            local_time(intention.validThrough),
        ),
        (
            QCoreApplication.translate("IntentionRecord", "Status"),
            intention_status_text(record.status),
        ),
    ]
    extras = []
    if intention.openToAlternatives:
        extras.append(QCoreApplication.translate("IntentionRecord", "open to alternatives"))
    if intention.terms is not None:
        extras.append(QCoreApplication.translate("IntentionRecord", "your terms attached"))
    if intention.loyaltyProposal is not None:
        extras.append(QCoreApplication.translate("IntentionRecord", "loyalty proposal attached"))
    if extras:
        rows.append((QCoreApplication.translate("IntentionRecord", "Also"), ", ".join(extras)))
    if casts:
        label = QCoreApplication.translate("IntentionRecord", "On the market")
        rows.append((label, "\n".join(cast_text(cast) for cast in casts)))
    return [(label, value) for label, value in rows if value]
