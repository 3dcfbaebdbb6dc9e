"""Schema migrations: past vaults open, newer ones are refused, a failed step changes nothing."""

from __future__ import annotations

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
from wallet.storage import migrations
from wallet.storage.migrations import LATEST_VERSION, Migration, migrate, schema_version
from wallet.vault import Vault

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("version", range(1, LATEST_VERSION + 1))
def test_fixture_vault_of_every_past_version_opens(version: int, tmp_path: Path) -> None:
    copy = tmp_path / f"vault-v{version}"
    shutil.copytree(FIXTURES / f"vault-v{version}", copy)
    with Vault.open_with_passphrase(copy, FIXTURE_PASSPHRASE) as vault:
        assert schema_version(vault._db) == LATEST_VERSION
        for key, value in FIXTURE_FIELDS.items():
            assert vault.get_field(key).value == value
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


def _check_schema_2_content(vault: Vault) -> None:
    from wallet.loyalty.book import LoyaltyBook
    from wallet.terms.book import TermsBook
    from wallet.terms.signing import verify_signed_terms

    latest = TermsBook(vault).latest()
    assert latest is not None
    verify_signed_terms(latest.signed())
    cards = [(card.program, card.member_number) for card in LoyaltyBook(vault).memberships()]
    assert cards == [FIXTURE_CARD]
