"""The consumer's intentions: what, how, where, when and for how much, signed by a fresh key.

Sending them (and everything else that leaves the wallet) is :mod:`wallet.delivery`; the offers
that come back are :mod:`wallet.offers`.
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
