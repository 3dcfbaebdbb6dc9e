"""Reminders (issue 16, deliverable 4): what needs attention at a moment, with the clock moved
forward: consents and loyalty cards about to end or ended, offers waiting, messages that keep
failing, vendors that have not confirmed the end of a revoked consent; and ``reminders``."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.test_consents_requests import VENDOR_ID, add_offline_vendor, fill
from tests.test_offer_summary import _offers
from wallet.cli.main import main
from wallet.consents import ConsentBook, GrantRequest
from wallet.consents.records import KIND_DISCLOSURE
from wallet.errors import InvalidInput
from wallet.loyalty.book import LoyaltyBook
from wallet.loyalty.models import MembershipDraft
from wallet.offers import OfferBook
from wallet.reminders import (
    CONFIRMATION_GRACE_DAYS,
    FAILING_ATTEMPTS,
    due_reminders,
    mark_told,
    untold,
)
from wallet.reminders.notified import NOTIFIED_SETTING
from wallet.storage import settings_store
from wallet.vault.facade import Vault

NOW = datetime.now(UTC)


def _grant(vault: Vault, *, days: int) -> str:
    request = GrantRequest(vendor_id=VENDOR_ID, field_keys=("email",), purposes=(2,), days=days)
    return ConsentBook(vault).grant(request, now=int(NOW.timestamp())).id


def _kinds(vault: Vault, *, at: datetime, lead_days: int = 7) -> dict[str, str]:
    return {r.subject: r.kind for r in due_reminders(vault, lead_days=lead_days, now=at)}


def test_a_consent_is_due_within_the_lead_time_and_gone_once_it_ended(vault: Vault) -> None:
    fill(vault)
    add_offline_vendor(vault)
    consent_id = _grant(vault, days=30)
    assert consent_id not in _kinds(vault, at=NOW)
    assert consent_id not in _kinds(vault, at=NOW + timedelta(days=22))
    soon = due_reminders(vault, lead_days=7, now=NOW + timedelta(days=24))
    reminder = next(r for r in soon if r.subject == consent_id)
    assert reminder.kind == "consent_expiring" and reminder.name == "Fixture Books"
    assert reminder.when == (NOW + timedelta(days=30)).date()
    # a longer lead time reminds earlier
    assert _kinds(vault, at=NOW + timedelta(days=15), lead_days=20)[consent_id] == (
        "consent_expiring"
    )


def test_cards_about_to_end_and_ended(vault: Vault) -> None:
    today = NOW.date()
    book = LoyaltyBook(vault)
    soon = book.add(
        MembershipDraft(program="Book Club", member_number="A-1", expiry=today + timedelta(5))
    )
    later = book.add(
        MembershipDraft(program="Shoe Club", member_number="B-2", expiry=today + timedelta(60))
    )
    book.add(MembershipDraft(program="Forever", member_number="C-3"))
    kinds = _kinds(vault, at=NOW)
    assert kinds == {str(soon.id): "card_expiring"}
    kinds = _kinds(vault, at=NOW + timedelta(days=56))
    assert kinds == {str(soon.id): "card_expired", str(later.id): "card_expiring"}
    first = due_reminders(vault, lead_days=7, now=NOW + timedelta(days=56))[0]
    assert first.kind == "card_expired" and first.name == "Book Club"  # the most urgent first


def test_offers_waiting_for_a_decision_until_one_is_accepted(vault: Vault) -> None:
    intention_id, kept_id, _removed = _offers(vault)
    waiting = [r for r in due_reminders(vault, lead_days=7) if r.kind == "offers_waiting"]
    assert [(r.subject, r.name, r.count) for r in waiting] == [
        (intention_id, "Trail running shoes", 2)
    ]
    OfferBook(vault).accept(kept_id)
    assert not [r for r in due_reminders(vault, lead_days=7) if r.kind == "offers_waiting"]


def test_messages_that_keep_failing_and_ends_nobody_confirmed(vault: Vault) -> None:
    fill(vault)
    add_offline_vendor(vault)
    consent_id = _grant(vault, days=30)
    assert "delivery_failing" not in _kinds(vault, at=NOW).values()
    with vault.write() as connection:  # as after that many failed attempts (nobody listens)
        connection.execute("UPDATE outbox SET attempts = ?", (FAILING_ATTEMPTS,))
    failing = [r for r in due_reminders(vault, lead_days=7) if r.kind == "delivery_failing"]
    assert [(r.subject, r.name, r.count) for r in failing] == [(VENDOR_ID, "Fixture Books", 1)]

    ConsentBook(vault).revoke(consent_id, now=int(NOW.timestamp()))
    assert "end_unconfirmed" not in _kinds(vault, at=NOW).values()
    later = NOW + timedelta(days=CONFIRMATION_GRACE_DAYS, hours=1)
    assert _kinds(vault, at=later)[consent_id] == "end_unconfirmed"


def test_the_key_changes_only_when_the_reminder_says_something_new(vault: Vault) -> None:
    intention_id, _kept, _removed = _offers(vault)
    (first,) = [r for r in due_reminders(vault, lead_days=7) if r.kind == "offers_waiting"]
    (again,) = [r for r in due_reminders(vault, lead_days=7) if r.kind == "offers_waiting"]
    assert first.key == again.key == f"offers_waiting:{intention_id}:2"


def test_reminders_command_prints_and_lists_json(
    vault: Vault,
    vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fill(vault)
    add_offline_vendor(vault)
    _grant(vault, days=3)
    vault.lock()
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    assert main(["--vault", str(vault_dir), "reminders"]) == 0
    ends = (NOW + timedelta(days=3)).date().isoformat()
    assert f"- Your consent to Fixture Books ends on {ends}." in capsys.readouterr().out
    assert main(["--vault", str(vault_dir), "reminders", "--json", "--lead-days", "1"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--vault", str(vault_dir), "reminders", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["kind"] == "consent_expiring" and listed["when"] == ends
    with pytest.raises(SystemExit):
        main(["--vault", str(vault_dir), "reminders", "--lead-days", "0"])
    assert "from 1 to 90" in capsys.readouterr().err


def test_an_empty_vault_needs_nothing(vault: Vault) -> None:
    assert due_reminders(vault, lead_days=90, now=NOW + timedelta(days=3650)) == []


def test_each_reminder_is_told_once_and_forgotten_once_resolved(vault: Vault) -> None:
    intention_id, kept_id, _removed = _offers(vault)
    due = due_reminders(vault, lead_days=7)
    assert untold(vault, due) == due and len(due) == 1
    mark_told(vault, told=due, due=due)
    assert untold(vault, due_reminders(vault, lead_days=7)) == []
    assert vault.settings().reminder_lead_days == 7  # the stored keys are no setting
    # Something new to say (another offer) is told again; a resolved reminder is forgotten.
    fill(vault)
    add_offline_vendor(vault)
    consent_id = _grant(vault, days=2)
    fresh = untold(vault, due_reminders(vault, lead_days=7))
    assert [r.subject for r in fresh] == [consent_id]
    OfferBook(vault).accept(kept_id)
    now_due = due_reminders(vault, lead_days=7)
    mark_told(vault, told=fresh, due=now_due)
    assert settings_store.load(vault.reader)[NOTIFIED_SETTING] == [fresh[0].key]
    assert intention_id not in {r.subject for r in now_due}


def test_renewing_gives_a_new_receipt_for_the_same_scope_and_stops_the_reminder(
    vault: Vault,
) -> None:
    fill(vault)
    add_offline_vendor(vault)
    old_id = _grant(vault, days=30)
    later = NOW + timedelta(days=25)
    assert _kinds(vault, at=later)[old_id] == "consent_expiring"
    book = ConsentBook(vault)
    renewed = book.renew(old_id, now=int(later.timestamp()))
    old = book.get(old_id)
    assert renewed.id != old_id and renewed.status == "active" and old.status == "active"
    assert renewed.row.vendor_id == old.row.vendor_id
    assert renewed.field_keys == old.field_keys and renewed.row.purposes == old.row.purposes
    assert renewed.row.expires_at - renewed.row.granted_at == 30 * 86_400
    assert renewed.row.receipt_jws != old.row.receipt_jws  # a new signed receipt
    disclosures = [row for row in book.deliveries(renewed.id) if row.kind == KIND_DISCLOSURE]
    assert len(disclosures) == 1  # the new consent's disclosure is queued
    assert old_id not in _kinds(vault, at=later)  # covered by the renewal
    book.revoke(renewed.id, now=int(later.timestamp()))
    assert _kinds(vault, at=later)[old_id] == "consent_expiring"  # no longer covered


def test_only_an_active_consent_can_be_renewed(vault: Vault) -> None:
    fill(vault)
    add_offline_vendor(vault)
    consent_id = _grant(vault, days=30)
    ConsentBook(vault).revoke(consent_id)
    with pytest.raises(InvalidInput, match="only an active consent can be renewed"):
        ConsentBook(vault).renew(consent_id)


def test_consent_renew_command(
    vault: Vault,
    vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fill(vault)
    add_offline_vendor(vault)
    old_id = _grant(vault, days=3)
    vault.lock()
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    assert main(["--vault", str(vault_dir), "consent", "renew", old_id, "--yes"]) == 0
    captured = capsys.readouterr()
    new_id = captured.out.strip()
    assert new_id and new_id != old_id
    assert "Renewed for Fixture Books until" in captured.err
    assert "queued; it is sent by `consent deliver`" in captured.err
    # A 3-day consent renewed for 3 days: the new one ends soon too, the old one is covered.
    assert main(["--vault", str(vault_dir), "reminders", "--json"]) == 0
    assert [r["subject"] for r in json.loads(capsys.readouterr().out)] == [new_id]
