"""What a front end shows about intentions besides the records: the intention's delivery to
each vendor, and the choices the composer offers (the rules for statuses are
:mod:`wallet.intents.status`)."""

from __future__ import annotations

import builtins
from dataclasses import dataclass

from wallet.intents.book import KIND_INTENTION
from wallet.intents.status import delivery_status_text
from wallet.loyalty.book import LoyaltyBook
from wallet.outbox import store as outbox_store
from wallet.terms.book import TermsBook
from wallet.vault.facade import Vault


@dataclass(frozen=True, slots=True)
class IntentionDelivery:
    """The intention's delivery to one vendor."""

    vendor_id: str
    status: str  # queued, delivering, delivered, retrying, failed, disabled, cancelled, ...
    attempts: int
    note: str = ""


def deliveries(vault: Vault, intention_id: str) -> builtins.list[IntentionDelivery]:
    """The intention's delivery to each vendor it was queued for, oldest first."""
    return [
        IntentionDelivery(
            row.vendor_id,
            delivery_status_text(row.status, row.attempts),
            row.attempts,
            row.last_error or "",
        )
        for row in outbox_store.rows(vault.reader, subject=intention_id)
        if row.kind == KIND_INTENTION
    ]


@dataclass(frozen=True, slots=True)
class ComposerChoices:
    """What a new intention can carry: the loyalty proposals (id, title); saved terms or not."""

    proposals: builtins.list[tuple[int, str]]
    has_terms: bool


def composer_choices(vault: Vault) -> ComposerChoices:
    proposals = [(p.id, p.terms.title) for p in LoyaltyBook(vault).proposals()]
    return ComposerChoices(proposals, TermsBook(vault).latest() is not None)
