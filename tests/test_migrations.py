"""Schema migrations: past vaults open, newer ones are refused, a failed step changes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.fixtures.make_fixture_vault import (
    FIXTURE_CARD,
    FIXTURE_FIELDS,
    FIXTURE_INTENTION_ITEM,
    FIXTURE_PASSPHRASE,
    FIXTURE_VENDOR_ID,
)
from wallet.errors import UnsupportedVersion
from wallet.outbox import store as outbox_store
from wallet.storage import migrations
from wallet.storage.connection import open_encrypted
from wallet.storage.migrations import LATEST_VERSION, Migration, migrate, schema_version
from wallet.vault.facade import Vault

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("version", range(1, LATEST_VERSION + 1))
def test_fixture_vault_of_every_past_version_opens(version: int, tmp_path: Path) -> None:
    copy = tmp_path / f"vault-v{version}"
    shutil.copytree(FIXTURES / f"vault-v{version}", copy)
    with Vault.open_with_passphrase(copy, FIXTURE_PASSPHRASE) as vault:
        assert schema_version(vault._db) == LATEST_VERSION
        for key, value in FIXTURE_FIELDS.items():
            assert vault.fields.get(key).value == value
        assert vault.verify_activity().ok
        assert vault.integrity_problems() == []
        if version >= 2:
            _check_schema_2_content(vault)
        if version >= 3:
            from wallet.vendors.directory import VendorDirectory

            vendor_ids = [row.id for row in VendorDirectory(vault).list()]
            assert FIXTURE_VENDOR_ID in vendor_ids
            assert len(vendor_ids) == (2 if version >= 5 else 1)
        if version >= 4:
            from wallet.intents.book import IntentionBook

            intentions = IntentionBook(vault).list()
            assert [i.intention.itemOffered.name for i in intentions] == [FIXTURE_INTENTION_ITEM]
        if version >= 5:
            from wallet.consents import ConsentBook
            from wallet.wire.consent_signing import verify_receipt

            consents = ConsentBook(vault).list()
            assert [c.field_keys for c in consents] == [("email",)]
            assert verify_receipt(consents[0].row.receipt_jws)[0].vrm.vendor == "fixture-books"
            queued, *later = ConsentBook(vault).deliveries(consents[0].id)
            assert len(later) == (1 if version >= 8 else 0)  # schema 8's fixture: an update
            assert queued.status == "pending" and json.loads(queued.body)["disclosure"]
        if version >= 6:
            from wallet.outbox import Outbox

            sent = [row for row in Outbox(vault).rows() if row.kind == "intention"]
            assert {row.vendor_id for row in sent} == {FIXTURE_VENDOR_ID, "fixture-books"}
            assert sent[0].body == sent[1].body and json.loads(sent[0].body)["intention"]
        if version >= 5:  # schema 8 keys a consent's messages by its id (older rows: backfilled)
            from wallet.outbox import Outbox

            consent_rows = [row for row in Outbox(vault).rows() if row.kind.startswith("consent.")]
            assert {row.ordering_key for row in consent_rows} == {consents[0].id}
        if version >= 8:  # the update waits behind the undelivered disclosure
            [update] = [row for row in Outbox(vault).rows() if row.kind == "consent.update"]
            assert update.status == "pending"
            assert update.id not in outbox_store.due_ids(vault.reader, update.next_attempt_at)
    recovery_key = (copy / "recovery-key.txt").read_text().strip()
    Vault.open_with_recovery_key(copy, recovery_key).lock()


def test_vault_with_newer_schema_is_refused_unchanged(vault: Vault, vault_dir: Path) -> None:
    vault._db.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    vault.lock()
    before = (vault_dir / "vault.db").read_bytes()
    with pytest.raises(UnsupportedVersion, match="newer version of VRM Wallet"):
        Vault.open_with_passphrase(vault_dir, PASSPHRASE)
    assert (vault_dir / "vault.db").read_bytes() == before


def test_failed_migration_rolls_back_entirely(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    def half_done(connection: object) -> None:
        connection.execute("CREATE TABLE half_done (x)")  # type: ignore[attr-defined]
        raise RuntimeError("interrupted")

    broken = Migration(LATEST_VERSION + 1, "fails half-way", half_done)
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, broken))
    monkeypatch.setattr(migrations, "LATEST_VERSION", LATEST_VERSION + 1)
    with pytest.raises(RuntimeError):
        migrate(vault._db)
    assert schema_version(vault._db) == LATEST_VERSION
    tables = {row[0] for row in vault._db.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables


def test_schema_6_moves_each_outbox_body_once_and_keeps_responses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connection = open_encrypted(tmp_path / "plain.db", b"k" * 32)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:5])
    monkeypatch.setattr(migrations, "LATEST_VERSION", 5)
    migrate(connection)
    broadcast, other = b'{"intention":"x"}', b'{"disclosure":"y"}'
    rows = [
        ("w1", "intention", broadcast, "delivered", 200, b'{"offers":[]}'),
        ("w2", "intention", broadcast, "pending", None, None),
        ("w3", "disclosure", other, "failed", 400, None),
    ]
    for webhook_id, kind, body, status, response_status, response in rows:
        connection.execute(
            "INSERT INTO outbox (webhook_id, kind, subject, vendor_id, url, body, signing_kid, "
            "status, next_attempt_at, response_status, response_body, created) "
            "VALUES (?, ?, 's', 'v', 'http://127.0.0.1/', ?, 'k', ?, 1.5, ?, ?, '2026-01-01')",
            (webhook_id, kind, body, status, response_status, response),
        )
    monkeypatch.undo()
    assert migrate(connection) == list(range(6, LATEST_VERSION + 1))
    moved = outbox_store.rows(connection)
    assert [
        (r.webhook_id, r.kind, r.body, r.status, r.response_status, r.response_body) for r in moved
    ] == rows
    assert connection.execute("SELECT count(*) FROM outbox_bodies").fetchone()[0] == 2
    indexes = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    assert {"outbox_due", "outbox_by_subject", "outbox_by_kind"} <= indexes
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()


def _check_schema_2_content(vault: Vault) -> None:
    from wallet.loyalty.book import LoyaltyBook
    from wallet.terms.book import TermsBook
    from wallet.terms.signing import verify_signed_terms

    latest = TermsBook(vault).latest()
    assert latest is not None
    verify_signed_terms(latest.signed())
    cards = [(card.program, card.member_number) for card in LoyaltyBook(vault).memberships()]
    assert cards == [FIXTURE_CARD]
