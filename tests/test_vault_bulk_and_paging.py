"""Bulk import of fields and the activity log's id skeleton for windowed views."""

from __future__ import annotations

import pytest

from wallet import activity
from wallet.errors import InvalidInput
from wallet.personal_data import FieldInput
from wallet.personal_data.book import MAX_NAMED_IMPORTED_FIELDS
from wallet.vault.facade import Vault


def _log_types(vault: Vault) -> list[str]:
    return [entry.type for entry in vault.activity_page(newest_first=False)]


def test_import_creates_and_updates_in_one_logged_step(vault: Vault) -> None:
    vault.fields.set("email", "old@example.org")
    before = vault.activity_count()
    changes = vault.fields.import_many(
        [
            FieldInput("email", "new@example.org"),
            FieldInput("passport_number", "X123", label="Passport", category=8, sensitive=True),
            FieldInput("given_name", "Ada"),
        ]
    )
    assert changes.fields_changed
    assert set(changes.field_keys) == {"email", "passport_number", "given_name"}
    assert vault.activity_count() == before + 1
    entry = vault.activity_page(limit=1)[0]
    assert entry.type == activity.FIELDS_IMPORTED
    assert entry.reason == "3 fields"
    assert entry.field_names == ("email", "given_name", "passport_number")
    assert vault.fields.get("email", purpose="edit").value == "new@example.org"
    assert [h.value for h in vault.fields.history("email")] == [
        "new@example.org",
        "old@example.org",
    ]
    passport = vault.fields.get("passport_number", purpose="edit")
    assert (passport.label, passport.category, passport.sensitive) == ("Passport", 8, True)
    given = vault.fields.get("given_name", purpose="edit")
    assert (given.label, given.category) == ("Given name", 1)  # the standard field's defaults


def test_import_refuses_everything_on_one_bad_field(vault: Vault) -> None:
    before = vault.activity_count()
    with pytest.raises(InvalidInput, match=r"'Bad Key'.*Nothing was imported"):
        vault.fields.import_many([FieldInput("fine", "value"), FieldInput("Bad Key", "value")])
    assert vault.fields.count() == 0
    assert vault.activity_count() == before


def test_large_imports_log_the_number_not_the_names(vault: Vault) -> None:
    count = MAX_NAMED_IMPORTED_FIELDS + 1
    changes = vault.fields.import_many(FieldInput(f"f{n:04d}", "v") for n in range(count))
    assert changes.fields_changed and changes.field_keys == ()
    entry = vault.activity_page(limit=1)[0]
    assert entry.field_names == () and entry.reason == f"{count} fields"
    assert vault.fields.count() == count


def test_unchanged_import_logs_nothing(vault: Vault) -> None:
    vault.fields.set("email", "a@example.org")
    before = vault.activity_count()
    changes = vault.fields.import_many([FieldInput("email", "a@example.org")])
    assert not changes.fields_changed and not changes.activity_changed
    assert vault.activity_count() == before


def test_activity_seqs_order_filter_and_fetch(vault: Vault) -> None:
    vault.fields.set("email", "a@example.org")
    vault.update_settings(auto_lock_minutes=10)
    vault.fields.get("email", purpose="reveal")
    types = _log_types(vault)
    newest_first = vault.activity_seqs()
    assert newest_first == sorted(newest_first, reverse=True)
    assert len(newest_first) == len(types)
    assert vault.activity_seqs(newest_first=False) == sorted(newest_first)
    data_seqs = vault.activity_seqs(type_prefix="data.")
    entries = vault.activity_by_seqs(data_seqs)
    assert [entries[seq].type for seq in data_seqs] == ["data.revealed", "data.created"]
    assert vault.activity_seqs(text="auto_lock") == [
        seq for seq in newest_first if vault.activity_by_seqs([seq])[seq].type == "settings.changed"
    ]
    assert vault.activity_by_seqs([10_000]) == {}
