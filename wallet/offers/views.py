"""An intention as a front end shows it: the record, the funnel over its offers, the names of
the vendors in the directory and its delivery to each of them, read in one go."""

from __future__ import annotations

from dataclasses import dataclass

from wallet.intents.models import IntentionRecord
from wallet.intents.views import IntentionDelivery, deliveries
from wallet.offers.book import FunnelView, OfferBook
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store


@dataclass(frozen=True, slots=True)
class IntentionDetails:
    record: IntentionRecord
    funnel: FunnelView
    vendor_names: dict[str, str]  # vendor id -> name, for every vendor in the directory
    deliveries: list[IntentionDelivery]


def vendor_names(vault: Vault) -> dict[str, str]:
    """Vendor id -> name, for every vendor in the directory."""
    return vendor_store.names(vault.reader)


def intention_details(vault: Vault, intention_id: str) -> IntentionDetails:
    funnel = OfferBook(vault).funnel(intention_id)
    return IntentionDetails(
        funnel.intention, funnel, vendor_names(vault), deliveries(vault, intention_id)
    )
