"""The consents' errors carry no command-line syntax (the desktop app shows them as they are); the
command the CLI adds is a separate hint, and the CLI's text is what it always was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from tests.intent_helpers import create
from tests.test_consents_requests import VENDOR_ID, add_offline_vendor, fill
from tests.wire_helpers import make_offer
from wallet.consents import ConsentBook, GrantRequest
from wallet.consents.requests import DataRequestBook
from wallet.crypto.signing import generate_signing_key
from wallet.errors import WalletError, command_line_text
from wallet.intents import IntentionBook
from wallet.offers.ingest import ingest_body
from wallet.vault.facade import Vault
from wallet.wire import sign_offer, wire_bytes
from wallet.wire.models import OfferList


def _refusal(action: Callable[[], object]) -> WalletError:
    with pytest.raises(WalletError) as caught:
        action()
    error = caught.value
    assert "`" not in str(error), "command syntax in a message every front end shows"
    return error


def _offer_not_accepted(vault: Vault) -> str:
    """An offer the vendor made and the person has not accepted."""
    vendor_key = generate_signing_key()
    add_offline_vendor(vault, vendor_id="offer-shop", key=vendor_key)
    intention = create(vault, use_terms=False)
    IntentionBook(vault).broadcast(intention.id)
    offer = make_offer(
        vendor_key,
        intention.id,
        seller={
            "id": "offer-shop",
            "name": "Fixture Books",
            "publicKey": vendor_key.verifying_key.jwk,
            "kid": vendor_key.kid,
        },
        areaServed=["ES"],
        acceptsTerms=None,
        delivery={
            "method": "delivery",
            "deliverBy": (date.today() + timedelta(days=5)).isoformat(),
            "leadTimeDays": 3,
        },
    )
    body = wire_bytes(OfferList(offers=[sign_offer(offer, vendor_key)]))
    report = ingest_body(vault, vendor_id="offer-shop", intention_id=intention.id, raw=body)
    assert report.stored == [offer.id], report
    return offer.id


def test_consent_book_errors_name_the_command_only_on_the_command_line(vault: Vault) -> None:
    fill(vault)
    add_offline_vendor(vault)
    book = ConsentBook(vault)
    expected = {
        lambda: book.get("nope"): "There is no consent 'nope'; `consent list` shows them.",
        lambda: book.revoke("nope"): "There is no consent 'nope'; `consent list` shows them.",
        lambda: book.plan_for_vendor("nobody"): (
            "There is no vendor 'nobody'; `vendor list` shows them."
        ),
        lambda: book.grant(
            GrantRequest(vendor_id="nobody", field_keys=("email",), purposes=(2,))
        ): "There is no vendor 'nobody'; `vendor list` shows them.",
        lambda: book.plan_from_offer("no-offer"): (
            "There is no offer 'no-offer'; `offers list ID` shows them."
        ),
    }
    for action, cli_text in expected.items():
        error = _refusal(action)
        assert command_line_text(error) == cli_text
        assert str(error) == cli_text.split(";")[0] + "."

    offer_id = _offer_not_accepted(vault)
    error = _refusal(lambda: book.plan_from_offer(offer_id))
    assert str(error) == (
        "Consent is given to the vendor of an accepted offer; accept this offer first or grant "
        "directly to the vendor."
    )
    assert command_line_text(error) == (
        "Consent is given to the vendor of an accepted offer; accept this offer first "
        "(`offers accept OFFER_ID`) or grant directly to the vendor."
    )


def test_request_errors_name_the_command_only_on_the_command_line(vault: Vault) -> None:
    fill(vault)
    add_offline_vendor(vault)
    book = DataRequestBook(vault)
    error = _refusal(lambda: book.create("nobody", "access"))
    assert str(error) == "There is no vendor 'nobody'."
    assert command_line_text(error) == "There is no vendor 'nobody'; `vendor list` shows them."

    error = _refusal(lambda: book.get("nope"))
    assert command_line_text(error) == "There is no request 'nope'; `request list` shows them."

    error = _refusal(lambda: book.create(VENDOR_ID, "erasure"))
    never = (
        "You have never given Fixture Books a consent, so this wallet has no data to name for "
        "erasure. Ask what they hold first"
    )
    assert str(error) == f"{never}, with an access request."
    assert command_line_text(error) == f"{never}: `request access {VENDOR_ID}`."
