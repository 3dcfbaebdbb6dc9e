"""Where an intention stands, in words, and what can still be done with it.

One rule for the core, the CLI and the desktop app: which statuses are still open (the intention
can be broadcast or withdrawn), which take an accepted offer, and the words for a status and for
an intention's delivery to one vendor.
"""

from __future__ import annotations

from wallet.i18n import QT_TRANSLATE_NOOP
from wallet.intents.store import OPEN_STATUSES, IntentionStatus

# While vendors may still answer, one of their offers can be accepted (not before broadcasting).
ACCEPTING_STATUSES: tuple[IntentionStatus, ...] = ("broadcast", "offers_in")


def is_open(status: str) -> bool:
    """A draft or an intention still collecting offers: it can be broadcast or withdrawn."""
    return status in OPEN_STATUSES


def accepts_offers(status: str) -> bool:
    """Whether an offer for an intention in ``status`` can be accepted now."""
    return status in ACCEPTING_STATUSES


def was_broadcast(status: str) -> bool:
    """Whether the intention left the wallet already (broadcasting again reaches new vendors)."""
    return status != "draft"


def status_text(status: str) -> str:
    """An intention's status in words ("offers_in" reads "offers in")."""
    return status.replace("_", " ")


# The words of a delivery progress view, marked for the desktop app's translation.
DELIVERY_WORDS = {
    "queued": QT_TRANSLATE_NOOP("DeliveryStatus", "queued"),
    "retrying": QT_TRANSLATE_NOOP("DeliveryStatus", "retrying"),
    "delivering": QT_TRANSLATE_NOOP("DeliveryStatus", "delivering"),
    "delivered": QT_TRANSLATE_NOOP("DeliveryStatus", "delivered"),
    "failed": QT_TRANSLATE_NOOP("DeliveryStatus", "failed"),
    "disabled": QT_TRANSLATE_NOOP("DeliveryStatus", "disabled"),
    "dead": QT_TRANSLATE_NOOP("DeliveryStatus", "not handled: see Activity"),
}


def delivery_status_text(status: str, attempts: int) -> str:
    """An outbox row's status in the words of a delivery progress view."""
    if status == "pending":
        status = "retrying" if attempts else "queued"
    # "dead": set aside after an unexpected problem; the Activity page retries it
    return DELIVERY_WORDS.get(status, status)
