"""Every consent mutation says what it changed (``vault.take_changes()``): the consents, and the
outbox when it queues or cancels messages; reads change nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import test_properties_acks
from tests.test_consents import NOW, VENDOR, add_vendor
from tests.test_consents_requests import VENDOR_ID, add_offline_vendor
from tests.test_properties_acks import Answered, acknowledgement, signed
from wallet.changes import NO_CHANGES, Part
from wallet.consents import ConsentBook, GrantRequest, acks
from wallet.consents.book import DAY_SECONDS, KIND_DISCLOSURE
from wallet.consents.requests import DataRequestBook
from wallet.crypto.signing import generate_signing_key
from wallet.outbox import Outbox
from wallet.vault.facade import Vault
from wallet.wire.consent_signing import verify_receipt

CONSENTS_AND_OUTBOX = {Part.CONSENTS, Part.OUTBOX, Part.ACTIVITY}


@pytest.fixture
def book(vault: Vault) -> ConsentBook:
    vault.fields.set("email", "ada@example.org")
    vault.fields.set("phone", "+39 06 1234")
    add_vendor(vault)
    vault.take_changes()  # the setup's own changes
    return ConsentBook(vault)


def _grant(book: ConsentBook, *, days: int = 30) -> str:
    request = GrantRequest(vendor_id=VENDOR, field_keys=("email",), purposes=(2,), days=days)
    return book.grant(request, now=NOW).id


def test_a_grant_notes_the_consents_and_the_queued_disclosure(
    vault: Vault, book: ConsentBook
) -> None:
    _grant(book)
    assert vault.take_changes().parts == CONSENTS_AND_OUTBOX
    request = GrantRequest(vendor_id=VENDOR, field_keys=("phone",), purposes=(2,))
    book.grant_many([request, request], now=NOW)
    assert vault.take_changes().parts == CONSENTS_AND_OUTBOX


def test_revoking_and_expiring_note_the_consents_and_the_outbox(
    vault: Vault, book: ConsentBook
) -> None:
    revoked = _grant(book)
    expiring = _grant(book, days=1)
    vault.take_changes()
    book.revoke(revoked, now=NOW + 60)
    assert vault.take_changes().parts == CONSENTS_AND_OUTBOX
    (ended,) = book.expire_due(now=NOW + 2 * DAY_SECONDS)
    assert ended.consent_id == expiring
    assert vault.take_changes().parts == CONSENTS_AND_OUTBOX


def test_reads_and_a_propagation_with_nothing_to_send_note_nothing(
    vault: Vault, book: ConsentBook
) -> None:
    consent_id = _grant(book, days=3650)
    book.revoke(consent_id)
    vault.take_changes()
    book.list()
    book.get(consent_id)
    book.history(consent_id)
    book.overview()
    book.rows()
    book.holders("email")
    book.plan_for_vendor(VENDOR)
    assert book.propagate("email", [consent_id])[0].queued is False
    assert vault.take_changes() == NO_CHANGES


def test_a_propagated_update_notes_the_consents_and_the_outbox(
    vault: Vault, book: ConsentBook
) -> None:
    _grant(book, days=3650)
    vault.fields.set("email", "ada@example.com")
    vault.take_changes()
    (outcome,) = book.propagate("email")
    assert outcome.queued
    assert vault.take_changes().parts == CONSENTS_AND_OUTBOX


def test_an_export_only_logs(vault: Vault, book: ConsentBook, tmp_path: Path) -> None:
    consent_id = _grant(book, days=3650)
    vault.take_changes()
    book.export_receipt(consent_id, tmp_path / "receipt.jws")
    assert vault.take_changes().parts == {Part.ACTIVITY}


def test_a_data_subject_request_notes_the_consents(vault: Vault) -> None:
    vault.fields.set("email", "ada@example.org")
    add_offline_vendor(vault)
    vault.take_changes()
    DataRequestBook(vault).create(VENDOR_ID, "access")
    assert vault.take_changes().parts == {Part.CONSENTS, Part.ACTIVITY}


@pytest.fixture
def answered(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> Answered:
    """A consent to a vendor whose key the test holds, its disclosure already answered; from
    then on, what reading an answer changes is all that ``take_changes`` returns (recording the
    answer as delivered changes the outbox)."""

    def ingest_alone(vault: Vault, **options: Any) -> acks.AckReport:
        vault.take_changes()
        return acks.ingest_acknowledgements(vault, **options)

    key = generate_signing_key()
    vault.fields.set("email", "ada@example.org")
    add_offline_vendor(vault, key=key)
    record = ConsentBook(vault).grant(
        GrantRequest(vendor_id=VENDOR_ID, field_keys=("email",), purposes=(2,))
    )
    (row,) = Outbox(vault).rows(subject=record.id)
    _, canonical, _ = verify_receipt(record.row.receipt_jws)
    setup = Answered(vault, record.id, key, canonical, row.url)
    setup.answer(row.kind, b"")
    monkeypatch.setattr(test_properties_acks, "ingest_acknowledgements", ingest_alone)
    return setup


def test_reading_an_answer_notes_the_consents(answered: Answered) -> None:
    vault = answered.vault
    document = acknowledgement(answered, KIND_DISCLOSURE)
    report = answered.answer(KIND_DISCLOSURE, signed(document, answered.key))
    assert report.accepted and not report.refused
    assert vault.take_changes().parts == {Part.CONSENTS, Part.ACTIVITY}

    report = answered.answer(KIND_DISCLOSURE, b'{"not": "an acknowledgement"}')
    assert report.refused and not report.accepted
    assert vault.take_changes().parts == {Part.CONSENTS, Part.ACTIVITY}


def test_an_answer_set_aside_notes_the_consents_and_the_outbox(
    answered: Answered, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("a fault in reading this answer")

    monkeypatch.setattr(acks, "_check", broken)
    report = answered.answer(KIND_DISCLOSURE, b"{}")
    assert report.unreadable == 1
    assert answered.vault.take_changes().parts == CONSENTS_AND_OUTBOX
