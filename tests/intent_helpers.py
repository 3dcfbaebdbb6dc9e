"""Shared set-up for the intention/offer tests: vendor kits on 127.0.0.1 and a ready vault."""

from __future__ import annotations

import asyncio
import json
from datetime import date, timedelta
from typing import Any

from vendorkit.catalog import Catalog, default_catalog_path
from vendorkit.server import BackgroundVendors, VendorApp, make_vendors
from wallet.crypto.signing import generate_signing_key
from wallet.intents import IntentionBook, IntentionDraft, IntentionRecord
from wallet.terms import ClauseChoice
from wallet.terms.book import TermsBook
from wallet.transport import Transport
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory, fetch_metadata

CLAUSES = ["CC-NO-TRACKING"]
# A catalogue item selling shoes in Spain by delivery, in two days (add name and price).
SHOE_ITEM: dict[str, Any] = {
    "category": "shoes",
    "currency": "EUR",
    "leadTimeDays": 2,
    "regions": ["ES"],
    "deliveryMethods": ["delivery"],
}


def funnel_catalog(*, careless: bool = True) -> Catalog:
    """The sample catalogue, accepting our clause, plus items that break the intention."""
    data: dict[str, Any] = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    data["acceptedAgreements"] = [*data["acceptedAgreements"], *CLAUSES]
    base = {**SHOE_ITEM, "acceptsTerms": True, "ignoresIntention": True}
    if careless:
        data["items"] += [
            {**base, "name": "Golden shoes", "price": "900.00"},
            {**base, "name": "Faraway shoes", "price": "60.00", "regions": ["US"]},
            {**base, "name": "Slow shoes", "price": "50.00", "leadTimeDays": 60},
        ]
    return Catalog.model_validate(data)


def serve(count: int, catalog: Catalog | None = None, *, delay: float = 0.0) -> BackgroundVendors:
    catalog = catalog or funnel_catalog()
    keys = [generate_signing_key() for _ in range(count)]
    return BackgroundVendors(VendorApp(make_vendors(keys, catalog), catalog, response_delay=delay))


def add_vendors(vault: Vault, urls: list[str]) -> list[str]:
    async def fetch_all() -> list[Any]:
        async with Transport() as transport:
            return [await fetch_metadata(transport, url) for url in urls]

    directory = VendorDirectory(vault)
    return [directory.add(fetched).vendor.id for fetched in asyncio.run(fetch_all())]


def save_terms(vault: Vault) -> str:
    return TermsBook(vault).compose([ClauseChoice(c) for c in CLAUSES], language="en").sha256


def draft(**changes: Any) -> IntentionDraft:
    values: dict[str, Any] = {
        "item_name": "Trail running shoes",
        "category": "shoes",
        "max_price": "120.00",
        "currency": "EUR",
        "region": "ES-MD",
        "deliver_by": date.today() + timedelta(days=10),
        "delivery_method": "delivery",
        "open_to_alternatives": True,
        "use_terms": True,
    }
    values.update(changes)
    return IntentionDraft.model_validate(values)


def create(vault: Vault, **changes: Any) -> IntentionRecord:
    return IntentionBook(vault).create(draft(**changes))
