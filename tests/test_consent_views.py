"""What the consent screens and commands show (wallet.consents.views), read from a real vault:
labels that survive a deleted field, the list and its focus, one consent's details and what
became of its data once ended, who holds a field, the overview and the minute check."""

from __future__ import annotations

import time

import pytest

from tests.test_consents import DAY, NOW, VENDOR, add_vendor, grant
from wallet.consents import ConsentBook, GrantRequest
from wallet.consents.views import (
    ConsentLine,
    check_expiry,
    consent_details,
    consent_lines,
    consent_listing,
    expiring_soon,
    field_holders,
    field_labels,
    holdings_overview,
    vendor_choices,
)
from wallet.delivery.cycle import deliver_pending
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory


@pytest.fixture
def shop(vault: Vault) -> Vault:
    vault.fields.set("email", "ada@example.org", label="Email address")
    vault.fields.set("postal_address", "12 St James's Square", label="Postal address")
    vault.fields.set("phone", "+44 20 7946 0000", label="Phone")
    add_vendor(vault)
    return vault


def test_field_labels_keep_the_key_of_a_deleted_field(shop: Vault) -> None:
    shop.fields.set("shoe_size", "38", label="Shoe size")
    shop.fields.delete("shoe_size")
    labels = field_labels(shop, ["email", "shoe_size", "email"])
    assert labels == {"email": "Email address", "shoe_size": "shoe_size"}


def test_listing_is_newest_first_focuses_and_ends_what_is_past_its_expiry(shop: Vault) -> None:
    now = int(time.time())
    old = grant(shop, "email", days=1, now=now - 2 * DAY)
    first = grant(shop, "email", "postal_address", now=now - 10)
    second = grant(shop, "phone", now=now)
    book = ConsentBook(shop)
    row_ids = [book.row_id_of(c.id) for c in (second, first, old)]

    listing = consent_listing(shop, focus_id=first.id)
    assert listing.row_ids == row_ids and listing.focus_row == 1
    assert listing.vendor_names == {VENDOR: f"Shop {VENDOR}"}
    assert abs(listing.now - time.time()) < 60
    assert book.get(old.id).status == "expired"  # ended by the listing itself

    active = consent_listing(shop, status="active", focus_id=old.id)
    assert active.row_ids == row_ids[:2] and active.focus_row is None  # hidden by the filter
    by_row = consent_listing(shop, focus_row_id=row_ids[2])
    assert by_row.focus_row == 2

    lines = consent_lines(shop, row_ids[:2])
    assert lines[row_ids[1]] == ConsentLine(
        book.get(first.id).row, ("Email address", "Postal address")
    )
    assert lines[row_ids[1]].fields_text == "Email address, Postal address"
    assert lines[row_ids[0]].field_labels == ("Phone",)


def test_expiring_soon_is_an_active_consent_ending_within_a_week(shop: Vault) -> None:
    row = grant(shop, "email", days=30, now=NOW).row
    assert not expiring_soon(row, now=NOW)
    assert not expiring_soon(row, now=row.expires_at - 7 * DAY)
    assert expiring_soon(row, now=row.expires_at - 7 * DAY + 1)
    ConsentBook(shop).revoke(row.id)
    ended = ConsentBook(shop).get(row.id).row
    assert not expiring_soon(ended, now=row.expires_at - DAY)


def test_details_name_labels_purposes_third_parties_and_days_left(shop: Vault) -> None:
    request = GrantRequest(
        vendor_id=VENDOR,
        field_keys=("postal_address",),
        purposes=(3, 8),
        days=10,
        third_party_name="Parcel Co",
    )
    record = ConsentBook(shop).grant(request)
    details = consent_details(shop, record.id)
    assert details.record == ConsentBook(shop).get(record.id)
    assert [event.type for event in details.events] == ["granted"]
    assert [row.kind for row in details.deliveries] == ["consent.disclosure"]
    assert details.label("postal_address") == "Postal address"
    assert details.label("unknown") == "unknown"
    assert details.row_id == ConsentBook(shop).row_id_of(record.id)
    assert details.line().field_labels == ("Postal address",)
    assert [purpose.number for purpose in details.purposes()] == [3, 8]
    assert details.third_parties() == ["Parcel Co"]
    granted = record.row.granted_at
    assert details.days_left(now=granted) == 10
    assert details.days_left(now=granted + 3 * DAY + 1) == 6
    assert details.days_left(now=granted + 11 * DAY) == 0
    assert details.termination() is None  # active: nothing to say yet


def test_termination_says_why_a_vendor_was_not_asked_to_delete(shop: Vault) -> None:
    record = grant(shop, "email")
    ConsentBook(shop).revoke(record.id)  # before anything was sent
    termination = consent_details(shop, record.id).termination()
    assert termination is not None and not termination.asked
    assert termination.received_at is None
    assert termination.not_asked_reason == (
        "the data never left the vault, so there is nothing to delete"
    )


def test_termination_waits_for_the_vendor_once_it_was_asked(shop: Vault) -> None:
    record = grant(shop, "email", now=int(time.time()))
    assert deliver_pending(shop, deadline=3, timeout=2).summary.delivered == 0  # tried
    assert ConsentBook(shop).revoke(record.id).queued
    termination = consent_details(shop, record.id).termination()
    assert termination is not None and termination.asked
    assert termination.received_at is None and termination.not_asked_reason == ""


def test_termination_names_the_vendor_that_left_the_directory(shop: Vault) -> None:
    record = grant(shop, "email", now=int(time.time()))
    deliver_pending(shop, deadline=3, timeout=2)
    VendorDirectory(shop).remove(VENDOR)
    ConsentBook(shop).revoke(record.id)
    termination = consent_details(shop, record.id).termination()
    assert termination is not None and not termination.asked
    assert termination.not_asked_reason == "the vendor is no longer in your directory"


def test_field_holders_tell_consents_of_one_vendor_apart(shop: Vault) -> None:
    first = grant(shop, "email", now=NOW)
    second = grant(shop, "email", "phone", now=NOW + 60)
    grant(shop, "phone", now=NOW + 120)
    held = field_holders(shop, "email")
    assert held.key == "email" and held.label == "Email address"
    assert sorted(h.consent_id for h in held.holders) == sorted([first.id, second.id])
    assert {h.vendor_name for h in held.holders} == {f"Shop {VENDOR}"}
    assert held.consents[first.id].field_labels == ("Email address",)
    assert held.consents[second.id].field_labels == ("Email address", "Phone")
    assert held.consents[second.id].granted_at == second.row.granted_at

    nobody = field_holders(shop, "postal_address")
    assert nobody.holders == [] and nobody.consents == {} and nobody.label == "postal_address"


def test_overview_carries_the_labels_of_the_fields_it_names(shop: Vault) -> None:
    grant(shop, "email", "phone", now=int(time.time()))
    shop.fields.delete("phone")  # the vendor still holds it
    data = holdings_overview(shop)
    assert set(data.overview.field_keys) == {"email", "phone"}
    assert data.field_labels == {"email": "Email address", "phone": "phone"}
    assert data.overview.counts.get("active") == 1


def test_the_minute_check_ends_consents_and_says_when_retries_are_due(shop: Vault) -> None:
    now = int(time.time())
    assert check_expiry(shop).expired == [] and not check_expiry(shop).retries_due
    ended = grant(shop, "email", days=1, now=now - 2 * DAY)
    check = check_expiry(shop)
    assert [outcome.consent_id for outcome in check.expired] == [ended.id]
    assert ConsentBook(shop).get(ended.id).status == "expired"
    assert check_expiry(shop).expired == []  # once

    grant(shop, "phone", now=now)
    assert check_expiry(shop).retries_due  # a new disclosure is due at once
    deliver_pending(shop, deadline=3, timeout=2)  # refused: retried later, not now
    assert not check_expiry(shop).retries_due


def test_vendor_choices_are_the_directory(shop: Vault) -> None:
    add_vendor(shop, "other-shop")
    assert sorted(vendor_choices(shop)) == [
        (VENDOR, f"Shop {VENDOR}"),
        ("other-shop", "Shop other-shop"),
    ]
