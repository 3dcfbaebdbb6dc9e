"""Every mutation of the vendor directory, the terms, the loyalty book and the outbox notes what it
changed on the vault (``Part.VENDORS``, ``TERMS``, ``LOYALTY``, ``OUTBOX``), so that the desktop's
views refresh from ``runner.changed``; reads and no-ops note nothing of theirs."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from tests.test_terms import compose
from tests.test_vendor_entries import URL, metadata
from wallet.changes import Part
from wallet.crypto.signing import generate_signing_key
from wallet.loyalty.book import LoyaltyBook
from wallet.loyalty.models import MembershipDraft
from wallet.loyalty.proposal_form import proposal_terms_from_form
from wallet.outbox import DeadLetters, Outbox, OutboxMessage, enqueue
from wallet.outbox.ledger import outcome_of
from wallet.terms import TermsBook, sign_agreement
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory, parse_metadata


def parts(vault: Vault, operation: Callable[[Vault], Any]) -> set[Part]:
    """The parts ``operation`` noted, activity left out (the vault notes that one itself)."""
    vault.take_changes()
    return set(vault.perform(operation).changes.parts) - {Part.ACTIVITY}


# ---------------------------------------------------------------------------- vendors


def test_vendor_directory_mutations_note_vendors(vault: Vault, tmp_path: Path) -> None:
    key, new_key = generate_signing_key(), generate_signing_key()
    first = parse_metadata(metadata("acme", key), url=URL)
    assert parts(vault, lambda v: VendorDirectory(v).add(first)) == {Part.VENDORS}
    assert parts(vault, lambda v: VendorDirectory(v).add(first)) == set()  # unchanged
    changed = parse_metadata(metadata("acme", new_key), url=URL)
    assert parts(vault, lambda v: VendorDirectory(v).add(changed)) == {Part.VENDORS}
    assert parts(vault, lambda v: VendorDirectory(v).approve_key_change("acme")) == {Part.VENDORS}
    listing = tmp_path / "vendors.json"
    assert parts(vault, lambda v: VendorDirectory(v).export_file(listing)) == set()
    assert parts(vault, lambda v: VendorDirectory(v).entries()) == set()
    assert parts(vault, lambda v: VendorDirectory(v).remove("acme")) == {Part.VENDORS}
    assert parts(vault, lambda v: VendorDirectory(v).import_file(listing)) == {Part.VENDORS}
    assert parts(vault, lambda v: VendorDirectory(v).import_file(listing)) == set()


def test_removing_a_vendor_with_undelivered_messages_notes_the_outbox(vault: Vault) -> None:
    key = generate_signing_key()
    VendorDirectory(vault).add(parse_metadata(metadata("acme", key), url=URL))
    queue(vault, "acme")
    assert parts(vault, lambda v: VendorDirectory(v).remove("acme")) == {
        Part.VENDORS,
        Part.OUTBOX,
    }


# ---------------------------------------------------------------------------- terms


def test_saving_terms_and_storing_an_agreement_note_terms(vault: Vault, tmp_path: Path) -> None:
    assert parts(vault, lambda v: compose(TermsBook(v))) == {Part.TERMS}
    assert parts(vault, lambda v: TermsBook(v).export_to_file(tmp_path / "t.json")) == set()
    latest = TermsBook(vault).latest()
    assert latest is not None
    record = sign_agreement(
        generate_signing_key(), terms_sha256=latest.sha256, vendor_id="acme", vendor_name="ACME"
    )
    assert parts(vault, lambda v: TermsBook(v).store_agreement(record)) == {Part.TERMS}
    assert parts(vault, lambda v: TermsBook(v).store_agreement(record)) == set()  # kept already


# ---------------------------------------------------------------------------- loyalty


def card(number: str) -> MembershipDraft:
    return MembershipDraft.model_validate(
        {"program": "Fresh Rewards", "vendor": "Fresh Mart", "member_number": number}
    )


def test_loyalty_mutations_note_loyalty(vault: Vault, tmp_path: Path) -> None:
    added = LoyaltyBook(vault).add(card("1234"))
    assert parts(vault, lambda v: LoyaltyBook(v).add(card("5678"))) == {Part.LOYALTY}
    edited = card("1234").model_copy(update={"tier": "Gold"})
    assert parts(vault, lambda v: LoyaltyBook(v).update(added.id, edited)) == {Part.LOYALTY}
    assert parts(vault, lambda v: LoyaltyBook(v).update(added.id, edited)) == set()  # the same
    export = tmp_path / "cards.csv"
    assert parts(vault, lambda v: LoyaltyBook(v).export(export)) == set()
    assert parts(vault, lambda v: LoyaltyBook(v).delete(added.id)) == {Part.LOYALTY}
    preview = LoyaltyBook(vault).preview(export)
    assert parts(vault, lambda v: LoyaltyBook(v).import_rows(preview)) == {Part.LOYALTY}
    again = LoyaltyBook(vault).preview(export)  # every row is a duplicate now
    assert parts(vault, lambda v: LoyaltyBook(v).import_rows(again)) == set()


def test_proposal_mutations_note_loyalty(vault: Vault) -> None:
    terms = proposal_terms_from_form(
        title="Weekly groceries",
        vendor="Fresh Mart",
        category="groceries",
        by_amount=False,
        count=12,
        amount="",
        currency="EUR",
        period="year",
        reward_kind="free_delivery",
        reward_value="",
        valid_from=date(2026, 3, 1),
        valid_until=date(2027, 3, 1),
    )
    proposal = LoyaltyBook(vault).add_proposal(terms)
    assert parts(vault, lambda v: LoyaltyBook(v).add_proposal(terms)) == {Part.LOYALTY}
    assert parts(
        vault, lambda v: LoyaltyBook(v).update_proposal(proposal.id, terms, status="active")
    ) == {Part.LOYALTY}
    assert parts(
        vault,
        lambda v: LoyaltyBook(v).record_purchase(
            proposal.id, vendor="Fresh Mart", amount="12.50", day=date(2026, 4, 1)
        ),
    ) == {Part.LOYALTY}
    assert parts(vault, lambda v: LoyaltyBook(v).proposals_with_progress()) == set()
    assert parts(vault, lambda v: LoyaltyBook(v).delete_proposal(proposal.id)) == {Part.LOYALTY}


# ---------------------------------------------------------------------------- outbox


def queue(vault: Vault, vendor_id: str) -> int:
    with vault.write() as connection:
        key = vault.new_signing_key(connection, purpose="test")
        [item_id] = enqueue(
            connection,
            [
                OutboxMessage(
                    kind="intention",
                    vendor_id=vendor_id,
                    url="http://127.0.0.1:9/inbox",
                    body=b'{"intention":"x"}',
                    signing_kid=key.kid,
                    subject="urn:uuid:test",
                )
            ],
        )
    return item_id


def test_claiming_recording_and_retrying_note_the_outbox(vault: Vault) -> None:
    queue(vault, "acme")
    now = time.time() + 1
    assert parts(vault, lambda v: Outbox(v).claim(now, 10)) == {Part.OUTBOX}
    assert parts(vault, lambda v: Outbox(v).claim(now, 10)) == set()  # nothing due
    assert parts(vault, lambda v: Outbox(v).resume()) == {Part.OUTBOX}
    [row], _ = Outbox(vault).claim(now, 10)
    dead = outcome_of(row, "dead", 1, now, "the wallet could not judge this message")
    assert parts(vault, lambda v: Outbox(v).record([dead], now)) == {Part.OUTBOX}
    assert parts(vault, lambda v: DeadLetters(v).list()) == set()
    assert parts(vault, lambda v: DeadLetters(v).retry([row.id])) == {Part.OUTBOX}
    assert parts(vault, lambda v: DeadLetters(v).retry_all()) == set()  # no dead letter left


def test_a_vendor_gone_for_good_notes_the_outbox_and_the_directory(vault: Vault) -> None:
    key = generate_signing_key()
    VendorDirectory(vault).add(parse_metadata(metadata("acme", key), url=URL))
    queue(vault, "acme")
    now = time.time() + 1
    [row], _ = Outbox(vault).claim(now, 10)
    gone = replace(
        outcome_of(row, "disabled", 1, now, "the vendor answered 410 Gone"), response_status=410
    )
    assert parts(vault, lambda v: Outbox(v).record([gone], now)) == {Part.OUTBOX, Part.VENDORS}
    assert VendorDirectory(vault).get("acme").status == "disabled"
