"""Loyalty at the till, in the core: the number printed is the number encoded; expiry states."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.properties import examples
from tests.test_cli import Cli, cli, home, init, ok  # noqa: F401  (fixtures)
from wallet.errors import InvalidInput
from wallet.loyalty.book import LoyaltyBook, validated
from wallet.loyalty.codes import (
    barcode_problem,
    encoded_value,
    gs1_check_digit,
    gs1_check_verifies,
)
from wallet.loyalty.expiry import expiry_state, local_day
from wallet.loyalty.models import MembershipDraft
from wallet.vault.facade import Vault

DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=1)


def digits(count: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=count, max_size=count)


# ------------------------------------------------------------------------------ check digits


@settings(max_examples=examples(300), deadline=None)
@given(body=digits(12))
def test_any_12_digits_get_a_13th_that_verifies(body: str) -> None:
    full = encoded_value("ean13", body)
    assert len(full) == 13 and full.startswith(body)
    assert gs1_check_verifies(full)
    assert encoded_value("ean13", full) == full  # a full number is encoded as it is


@settings(max_examples=examples(300), deadline=None)
@given(body=digits(12), position=st.integers(0, 12), shift=st.integers(1, 9))
def test_any_single_digit_change_is_detected(body: str, position: int, shift: int) -> None:
    full = body + gs1_check_digit(body)
    changed = full[:position] + str((int(full[position]) + shift) % 10) + full[position + 1 :]
    assert not gs1_check_verifies(changed)
    problem = barcode_problem("ean13", changed)
    assert problem is not None and "check digit" in problem and "\n" not in problem


@settings(max_examples=examples(200), deadline=None)
@given(body=digits(11))
def test_upc_a_bodies_get_their_check_digit(body: str) -> None:
    full = encoded_value("upca", body)
    assert len(full) == 12 and gs1_check_verifies(full)
    # A UPC-A number is an EAN-13 number with a leading zero: the same check digit.
    assert encoded_value("ean13", "0" + body) == "0" + full


def test_known_numbers() -> None:
    assert gs1_check_digit("400638133393") == "1"  # a published EAN-13 example
    assert gs1_check_digit("03600029145") == "2"  # a published UPC-A example
    assert gs1_check_digit("9638507") == "4"  # EAN-8 (not a card type here, same rule)
    assert encoded_value("qr", "BR-1") == "BR-1" and encoded_value("code128", "A 1") == "A 1"
    for kind, value in (("ean13", "12345"), ("ean13", "40063813339x"), ("upca", "1234567890123")):
        with pytest.raises(ValueError, match="digits"):
            encoded_value(kind, value)
    with pytest.raises(ValueError):
        gs1_check_digit("")


def test_a_card_prints_what_its_code_encodes() -> None:
    card = MembershipDraft(program="Fresh Mart", member_number="400638133393", barcode_type="ean13")
    assert card.code_value == "4006381333931"
    assert card.member_number == "400638133393"  # what the person typed is kept as typed
    qr = MembershipDraft(program="Bean", member_number="BR-1", barcode_value="X-9")
    assert qr.code_value == "X-9"


def test_a_wrong_check_digit_is_refused_on_save_and_import(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as refused:
        validated(
            MembershipDraft,
            {"program": "P", "member_number": "4006381333932", "barcode_type": "ean13"},
        )
    message = str(refused.value)
    assert "\n" not in message and message.startswith("Not saved:")
    assert "4006381333932 has a wrong check digit (its last digit would be 1)" in message
    source = tmp_path / "cards.csv"
    source.write_text(
        "program,member_number,barcode_type\n"
        "Fresh Mart,4006381333932,ean13\n"
        "Fresh Mart,400638133393,ean13\n"
        "Corner Shop,03600029145,upca\n"
    )
    book = LoyaltyBook(vault)
    preview = book.preview(source)
    assert [(r.row, "wrong check digit" in r.reason) for r in preview.rejected] == [(2, True)]
    book.import_rows(preview)
    assert sorted(m.code_value for m in book.memberships()) == ["036000291452", "4006381333931"]


# ------------------------------------------------------------------------------ expiry


def test_expiry_states_around_the_lead_time() -> None:
    today = date(2026, 12, 7)
    states = {
        offset: expiry_state(today + timedelta(days=offset), today=today, lead_days=7).state
        for offset in (-1, 0, 7, 8)
    }
    assert states == {-1: "expired", 0: "expiring", 7: "expiring", 8: "valid"}
    never = expiry_state(None, today=today, lead_days=7)
    assert (never.state, never.days_left) == ("valid", None)
    assert expiry_state(date(2026, 12, 1), today=today, lead_days=30).days_left == -6
    with pytest.raises(ValueError):
        expiry_state(today, today=today, lead_days=-1)


def test_the_book_uses_the_reminders_lead_time_and_an_injected_clock(vault: Vault) -> None:
    book = LoyaltyBook(vault)
    for number, day in (("A", date(2026, 12, 6)), ("B", date(2026, 12, 20)), ("C", None)):
        book.add(MembershipDraft(program="P", member_number=number, expiry=day))
    noon = datetime(2026, 12, 7, 12).astimezone()  # local noon: the same local day anywhere
    assert local_day(noon) == date(2026, 12, 7)
    vault.update_settings(reminder_lead_days=7)
    states = {m.member_number: e.state for m, e in book.memberships_with_expiry(now=noon)}
    assert states == {"A": "expired", "B": "valid", "C": "valid"}
    vault.update_settings(reminder_lead_days=14)
    assert book.expiry_lead_days() == 14
    card_b = next(m for m in book.memberships() if m.member_number == "B")
    assert book.expiry(card_b, now=noon).state == "expiring"
    assert book.expiry(card_b, now=noon + timedelta(days=14)).state == "expired"


def test_cli_lists_expiry_state_and_the_encoded_number(cli: Cli) -> None:  # noqa: F811
    init(cli)
    old = ("--program", "Old Club", "--vendor", "O", "--member-number", "OC-1")
    ok(cli("loyalty", "add", *old, "--expiry", "2020-01-31"))
    fresh = ("--program", "Fresh Mart", "--vendor", "F", "--member-number", "400638133393")
    ok(cli("loyalty", "add", *fresh, "--barcode-type", "ean13"))
    listed = {m["program"]: m for m in json.loads(ok(cli("loyalty", "list", "--json")))}
    assert listed["Old Club"]["expiry_state"] == "expired"
    assert listed["Fresh Mart"]["expiry_state"] == "valid"
    assert listed["Fresh Mart"]["barcode_text"] == "4006381333931"
    assert "2020-01-31 (expired)" in ok(cli("loyalty", "list"))
    shown = ok(cli("loyalty", "show", str(listed["Fresh Mart"]["id"])))
    assert "ean13: 4006381333931" in shown
