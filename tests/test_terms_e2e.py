"""MyTerms end to end: the person's terms (a roster agreement with a 30-day retention clause)
travel in an intention to two real kit vendors on 127.0.0.1; one keeps data 30 days and accepts,
one keeps it a year and counters with SD-BASE; the person sees and accepts the counter-offer with
the CLI, and both sides hold the same signed agreement records (`terms agreements --json`)."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

from tests.intent_helpers import add_vendors, create
from tests.test_cli import PASSPHRASE, Cli, cli, fails, home, init, ok  # noqa: F401 (fixtures)
from vendorkit.catalog import Catalog, default_catalog_path
from vendorkit.server import BackgroundVendors, Vendor, VendorApp
from wallet.crypto.signing import generate_signing_key
from wallet.delivery.cycle import deliver_pending
from wallet.intents import IntentionBook
from wallet.offers import OfferBook
from wallet.terms import AgreementRecord, verify_agreement
from wallet.vault.facade import Vault
from wallet.wire import OfferList, parse_wire


def _catalog(*, retention_days: int) -> Catalog:
    data: dict[str, Any] = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    data["acceptedClauses"] = [
        {"id": "CC-RETENTION-DAYS", "atLeast": {"days": retention_days}},
        {"id": "CC-NO-TRACKING"},
    ]
    return Catalog.model_validate(data)


def _server(catalog: Catalog, vendor_id: str, name: str) -> BackgroundVendors:
    vendor = Vendor(index=1, key=generate_signing_key(), name=name, vendor_id=vendor_id, prefix="")
    return BackgroundVendors(VendorApp([vendor], catalog))


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _served_records(server: BackgroundVendors, intention_id: str) -> list[dict[str, Any]]:
    """The vendor's own copies: the records in the offers it serves for the intention."""
    meta = _get(server.metadata_urls[0])
    with urllib.request.urlopen(
        f"{meta['inbox']['offers']}?intention={intention_id}", timeout=10
    ) as response:
        offers = parse_wire(response.read(), OfferList).offers
    records = []
    for entry in offers:
        terms = entry.offer.acceptsTerms or entry.offer.counterTerms
        if terms is not None and terms.record is not None:
            records.append(json.loads(terms.record.model_dump_json()))
    return records


def test_terms_meet_on_the_wire_and_a_counter_offer_is_answered(cli: Cli, home: Path) -> None:  # noqa: F811
    init(cli)
    fails(cli("terms", "compose", "--agreement", "NOPE"), expect="Unknown agreement 'NOPE'")
    roster = json.loads(ok(cli("terms", "roster", "--json", "--lang", "it")))
    assert [a["id"] for a in roster["agreements"]][:3] == ["SD-BASE", "SD-BASE-DP", "PDC-INTENT"]
    composed = json.loads(
        ok(
            cli(
                "terms", "compose", "--agreement", "pdc-intent",
                "--clause", "CC-RETENTION-DAYS=30", "--json",
            )
        )
    )  # fmt: skip
    assert composed["agreement"] == "PDC-INTENT"
    month = _server(_catalog(retention_days=30), "month-shop", "Month Shop")
    year = _server(_catalog(retention_days=365), "year-shop", "Year Shop")
    with month, year:
        published = _get(year.metadata_urls[0])
        assert "PDC-INTENT" in published["acceptedAgreements"]
        limits = {limit["id"]: limit for limit in published["acceptedClauses"]}
        assert limits["CC-RETENTION-DAYS"]["atLeast"] == {"days": 365}
        vault = Vault.open_with_passphrase(home, PASSPHRASE)
        try:
            add_vendors(vault, [month.metadata_urls[0], year.metadata_urls[0]])
            record = create(vault)
            assert record.intention.terms is not None
            assert record.intention.terms.document is not None  # the terms travel whole
            assert record.intention.terms.sha256 == composed["sha256"]
            IntentionBook(vault).broadcast(record.id)
            assert deliver_pending(vault, deadline=30).summary.delivered == 2
        finally:
            vault.lock()
        month_records = _served_records(month, record.id)
        year_records = _served_records(year, record.id)

    assert "No vendor has accepted" not in ok(cli("terms", "agreements"))
    listed = json.loads(ok(cli("terms", "agreements", "--json")))
    by_vendor = {item["vendor"]["id"]: item for item in listed}
    assert set(by_vendor) == {"month-shop", "year-shop"}
    accepted = by_vendor["month-shop"]
    assert accepted["status"] == "in force" and accepted["agreement"] == "PDC-INTENT"
    assert accepted["terms_version"] == 1 and accepted["terms_sha256"] == composed["sha256"]
    assert accepted["record"] in month_records  # both sides hold the same signed record
    verify_agreement(AgreementRecord.model_validate(accepted["record"]))
    assert by_vendor["year-shop"]["status"] == "counter-offer"
    assert by_vendor["year-shop"]["record"] in year_records

    [counter] = json.loads(ok(cli("terms", "counters", "--json")))
    assert counter["vendor"] == "Year Shop" and counter["agreement"] == "SD-BASE"
    assert counter["answer"] is None and counter["text"].startswith("Use my personal data only")
    out = ok(cli("terms", "answer", counter["offer"], "accept"))
    assert "You accepted Year Shop's counter-offer." in out
    fails(cli("terms", "answer", counter["offer"], "decline"), expect="answers are final")
    listed = json.loads(ok(cli("terms", "agreements", "--json")))
    answered = next(item for item in listed if item["vendor"]["id"] == "year-shop")
    assert answered["status"] == "in force" and answered["agreement"] == "SD-BASE"
    assert answered["person"]["answer"] == "accepted" and answered["person"]["signature"]

    vault = Vault.open_with_passphrase(home, PASSPHRASE)
    try:
        view = OfferBook(vault).funnel(record.id)
        sellers = {ranked.offer.seller.id for ranked in view.result.kept + view.result.alternatives}
        assert "year-shop" in sellers  # its counter-offer is accepted: its offers count
    finally:
        vault.lock()
