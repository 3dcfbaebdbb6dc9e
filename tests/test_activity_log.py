"""The activity log's hash chain: intact logs verify; edits, deletions and reorderings are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from wallet import activity
from wallet.activity import ActivityEvent
from wallet.vault.facade import Vault


@pytest.fixture
def logged_vault(vault: Vault) -> Vault:
    for index in range(5):
        vault.fields.set(f"field{index}", f"value {index}")
    return vault  # entries: 1 created, 2..6 data.created


def _sql(vault: Vault, statement: str, *params: object) -> None:
    # Tests reach past the facade on purpose: they play an attacker editing the database.
    vault._db.execute(statement, params)


def test_intact_log_verifies_and_logs_the_check(logged_vault: Vault) -> None:
    report = logged_vault.verify_activity()
    assert report.ok and report.checked == 6 and report.first_bad_seq is None
    assert logged_vault.activity_page()[0].type == activity.LOG_VERIFIED
    assert logged_vault.verify_activity().checked == 7


def test_edited_entry_is_named(logged_vault: Vault) -> None:
    _sql(logged_vault, "UPDATE activity SET field_names = '[\"other\"]' WHERE seq = 3")
    report = logged_vault.verify_activity()
    assert not report.ok
    assert report.first_bad_seq == 3
    assert "edited" in report.problem


def test_edited_entry_with_recomputed_hash_breaks_the_next_link(logged_vault: Vault) -> None:
    entry = logged_vault.activity_page(newest_first=False)[2]
    forged = activity.entry_hash(
        seq=entry.seq,
        at=activity.format_timestamp(entry.at),
        type="vault.locked",
        result=entry.result,
        party=entry.party,
        field_names=entry.field_names,
        reason=entry.reason,
        prev_hash=entry.prev_hash,
    )
    _sql(logged_vault, "UPDATE activity SET type = 'vault.locked', hash = ? WHERE seq = 3", forged)
    report = logged_vault.verify_activity()
    assert (report.ok, report.first_bad_seq) == (False, 4)
    assert "link" in report.problem


def test_deleted_entry_in_the_middle_is_named(logged_vault: Vault) -> None:
    _sql(logged_vault, "DELETE FROM activity WHERE seq = 4")
    report = logged_vault.verify_activity()
    assert (report.ok, report.first_bad_seq) == (False, 5)
    assert "deleted or reordered" in report.problem


def test_entries_removed_from_the_end_are_detected(logged_vault: Vault) -> None:
    _sql(logged_vault, "DELETE FROM activity WHERE seq >= 5")
    report = logged_vault.verify_activity()
    assert (report.ok, report.first_bad_seq) == (False, 5)
    assert "removed from the end" in report.problem


def test_reordered_entries_are_detected(logged_vault: Vault) -> None:
    _sql(logged_vault, "UPDATE activity SET seq = -1 WHERE seq = 3")
    _sql(logged_vault, "UPDATE activity SET seq = 3 WHERE seq = 4")
    _sql(logged_vault, "UPDATE activity SET seq = 4 WHERE seq = -1")
    report = logged_vault.verify_activity()
    assert (report.ok, report.first_bad_seq) == (False, 3)


def test_chain_survives_lock_and_unlock(logged_vault: Vault, vault_dir: Path) -> None:
    logged_vault.lock()
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:
        assert reopened.verify_activity().ok


def test_chains_are_bound_to_their_vault(tmp_path: Path) -> None:
    assert activity.genesis_hash("a") != activity.genesis_hash("b")


def test_field_values_cannot_be_logged_by_construction() -> None:
    event = ActivityEvent(activity.FIELD_UPDATED, field_names=("email",))
    assert "value" not in ActivityEvent.__slots__
    assert event.field_names == ("email",)


def test_search_and_filters(logged_vault: Vault) -> None:
    assert logged_vault.activity_count(text="field3") == 1
    assert logged_vault.activity_count(type_prefix="vault.") == 1
    assert logged_vault.activity_count(type_prefix="data_") == 0  # '_' is not a wildcard
    page = logged_vault.activity_page(offset=1, limit=2)
    assert [entry.seq for entry in page] == [5, 4]
