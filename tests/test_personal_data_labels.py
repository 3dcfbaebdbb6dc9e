"""How fields are named and found for people: labels for keys, keys for labels, rows for keys."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.properties import examples
from wallet.errors import InvalidInput
from wallet.personal_data import MAX_KEY_LENGTH, validate_key
from wallet.personal_data.labels import suggested_key
from wallet.vault.facade import Vault


def test_keys_are_suggested_from_labels() -> None:
    assert suggested_key("  Library card № 2 ") == "library_card_2"
    assert suggested_key("Shoe size (EU)") == "shoe_size_eu"
    assert suggested_key("v1.2-beta") == "v1.2-beta"
    assert suggested_key("__.Loyalty--") == "loyalty"
    assert suggested_key("€ ¥ £") == ""


@settings(max_examples=examples(300))
@given(st.text(max_size=MAX_KEY_LENGTH))
def test_a_suggested_key_is_valid_or_empty(label: str) -> None:
    key = suggested_key(label)
    if key and len(key) <= MAX_KEY_LENGTH:
        assert validate_key(key) == key
    else:
        with pytest.raises(InvalidInput):
            validate_key(key)


def test_fields_are_named_by_their_labels_and_deleted_ones_by_their_key(vault: Vault) -> None:
    vault.fields.set("email", "ada@example.org")
    vault.fields.set("library_card", "L-42", label="Library card")
    vault.fields.set("shoe_size", "38")
    vault.fields.delete("shoe_size")
    labels = vault.fields.labels(["library_card", "shoe_size", "email", "library_card"])
    assert labels == {
        "library_card": "Library card",
        "shoe_size": "shoe_size",
        "email": "Email address",
    }
    assert list(labels) == ["library_card", "shoe_size", "email"]
    assert vault.fields.labels([]) == {}


def test_naming_fields_logs_nothing(vault: Vault) -> None:
    vault.fields.set("email", "ada@example.org")
    before = vault.activity_page()
    vault.take_changes()
    vault.fields.labels(["email", "gone"])
    assert vault.activity_page() == before
    assert not vault.take_changes()


def test_a_field_is_found_in_a_listing_by_its_row_id(vault: Vault) -> None:
    for key in ("email", "phone", "shoe_size"):
        vault.fields.set(key, "value of " + key)
    listing = vault.fields.row_ids()
    found = vault.fields.row_id_of("phone")
    assert found is not None and listing.index(found) == 1
    assert vault.fields.by_row_ids([found])[found].key == "phone"
    assert found not in vault.fields.row_ids(search="email")
    assert vault.fields.row_id_of("no_such_field") is None
