"""The consumer's intentions: what, how, where, when and for how much, signed by a fresh key.

Delivery and offer ingestion live in :mod:`wallet.intents.delivery` (imported on its own, since
it needs the offers package).
"""

from wallet.intents.book import BroadcastPlan, IntentionBook, NoticePlan
from wallet.intents.models import IntentionDraft, IntentionRecord
from wallet.intents.store import IntentionStatus

__all__ = [
    "BroadcastPlan",
    "IntentionBook",
    "IntentionDraft",
    "IntentionRecord",
    "IntentionStatus",
    "NoticePlan",
]
