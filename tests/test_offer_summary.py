"""An offer as a person weighs it before accepting (issue 14, deliverable 5): what it is, price,
delivery, terms and loyalty acceptance, the data the vendor will ask for and why, and how its
score was made; in the core and through ``offers show``."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from tests.intent_helpers import create, save_terms
from tests.test_consents_requests import add_offline_vendor
from tests.wire_helpers import make_offer
from wallet.cli.main import main
from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.intents import IntentionBook
from wallet.offers import OfferBook
from wallet.offers.ingest import ingest_body
from wallet.offers.summary import offer_summary
from wallet.vault.facade import Vault
from wallet.wire import sign_offer, wire_bytes
from wallet.wire.models import OfferList

DELIVER_BY = date.today() + timedelta(days=5)


def _seller(vendor_id: str, key: SigningKey) -> dict[str, Any]:
    jwk = key.verifying_key.jwk
    return {"id": vendor_id, "name": f"Shop {vendor_id}", "publicKey": jwk, "kid": key.kid}


def _offers(vault: Vault) -> tuple[str, str, str]:
    """An intention with the person's terms and two offers from two vendors: one accepting the
    terms and asking for data, one cheaper that does not accept them (removed)."""
    vault.fields.set("postal_address", "12 St James's Square", label="Home address")
    terms = save_terms(vault)
    vendors = {"shoe-shop": generate_signing_key(), "cheap-shop": generate_signing_key()}
    for vendor_id, key in vendors.items():
        add_offline_vendor(vault, vendor_id=vendor_id, name=f"Shop {vendor_id}", key=key)
    intention = create(vault)
    IntentionBook(vault).broadcast(intention.id)
    ids = []
    for vendor_id, price, accepts in (("shoe-shop", "99.00", True), ("cheap-shop", "50.00", False)):
        key = vendors[vendor_id]
        offer = make_offer(
            key,
            intention.id,
            seller=_seller(vendor_id, key),
            price=price,
            areaServed=["ES"],
            acceptsTerms={"sha256": terms} if accepts else None,
            delivery={"method": "delivery", "deliverBy": DELIVER_BY.isoformat(), "leadTimeDays": 3},
            dataRequested=[
                {"field": "postal_address", "required": True, "purpose": "to deliver the shoes"},
                {"field": "email", "required": False},
            ],
        )
        body = wire_bytes(OfferList(offers=[sign_offer(offer, key)]))
        report = ingest_body(vault, vendor_id=vendor_id, intention_id=intention.id, raw=body)
        assert report.stored == [offer.id], report
        ids.append(offer.id)
    return intention.id, ids[0], ids[1]


def test_a_kept_offer_says_what_it_is_what_it_asks_and_how_it_scored(vault: Vault) -> None:
    _intention_id, kept_id, _removed_id = _offers(vault)
    summary = offer_summary(vault, kept_id)
    assert (summary.vendor_name, summary.item) == ("Shop shoe-shop", "Trail running shoes")
    assert (summary.price, summary.currency, summary.deliver_by) == ("99.00", "EUR", DELIVER_BY)
    assert summary.terms == "accepted" and summary.loyalty == "none_sent"
    assert [(a.key, a.label, a.required, a.purpose) for a in summary.asked] == [
        ("postal_address", "Home address", True, "to deliver the shoes"),
        ("email", "email", False, None),  # a field the person does not hold: its key
    ]
    assert summary.status == "received" and summary.removal is None
    # The only kept offer: best on price and delivery; no loyalty proposal, no history yet.
    assert [p.score for p in summary.score_parts] == [1.0, 1.0, 0.0, 0.0]
    assert summary.score == pytest.approx(0.8)
    weights = OfferBook(vault).weights()
    assert [(p.name, p.weight) for p in summary.score_parts] == [
        ("price", weights.price),
        ("delivery", weights.delivery),
        ("loyalty", weights.loyalty),
        ("history", weights.history),
    ]


def test_a_removed_offer_says_why_and_has_no_score(vault: Vault) -> None:
    _intention_id, _kept_id, removed_id = _offers(vault)
    summary = offer_summary(vault, removed_id)
    assert summary.terms == "not_accepted"
    assert summary.removal == "terms_not_accepted"
    assert summary.score is None and summary.score_parts == ()


def test_after_a_choice_the_other_offers_are_declined(vault: Vault) -> None:
    _intention_id, kept_id, removed_id = _offers(vault)
    OfferBook(vault).accept(kept_id)
    assert offer_summary(vault, kept_id).status == "chosen"
    assert offer_summary(vault, removed_id).status == "declined"


def test_offers_show_prints_the_summary_and_its_json(
    vault: Vault,
    vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _intention_id, kept_id, _removed_id = _offers(vault)
    vault.lock()
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    assert main(["--vault", str(vault_dir), "offers", "show", kept_id]) == 0
    text = capsys.readouterr().out
    assert "Trail running shoes from Shop shoe-shop" in text
    assert "Terms: accepts your terms" in text
    assert "  Home address (required): to deliver the shoes" in text
    assert "  email (optional)" in text
    assert "Score: 0.80 (price 1.00 x 0.5, delivery 1.00 x 0.3, loyalty 0.00 x 0.1" in text
    assert main(["--vault", str(vault_dir), "offers", "show", kept_id, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["dataRequested"][0] == {
        "field": "postal_address",
        "label": "Home address",
        "required": True,
        "purpose": "to deliver the shoes",
    }
    assert shown["terms"] == "accepted" and shown["removed"] is None
    assert shown["delivery"]["deliverBy"] == DELIVER_BY.isoformat()
