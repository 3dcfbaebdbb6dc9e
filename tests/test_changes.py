"""Every mutation says what changed: the vault collects it and ``perform`` returns it."""

from __future__ import annotations

from wallet.changes import NO_CHANGES, Changes, Part
from wallet.vault.facade import Vault


def test_changes_combine_and_answer_what_they_touch() -> None:
    both = Changes.of(Part.FIELDS, field_keys=("email",)) | Changes.of(Part.CONSENTS)
    assert both.parts == {Part.FIELDS, Part.CONSENTS}
    assert both.field_keys == ("email",)
    assert both.touches(Part.CONSENTS, Part.OFFERS) and not both.touches(Part.TERMS)
    assert both.fields_changed and not both.settings_changed
    assert not NO_CHANGES and both


def test_perform_returns_the_value_and_everything_the_operation_changed(vault: Vault) -> None:
    vault.take_changes()  # what unlocking logged

    def operation(v: Vault) -> str:
        v.fields.set("email", "ada@example.org")
        v.update_settings(auto_lock_minutes=7)
        return "done"

    outcome = vault.perform(operation)
    assert outcome.value == "done"
    assert outcome.changes.parts == {Part.FIELDS, Part.SETTINGS, Part.ACTIVITY}
    assert outcome.changes.field_keys == ("email",)
    assert vault.perform(lambda v: v.settings).changes == NO_CHANGES  # a read changes nothing


def test_an_unchanged_value_notes_nothing(vault: Vault) -> None:
    vault.fields.set("email", "ada@example.org")
    vault.take_changes()
    assert vault.fields.set("email", "ada@example.org") == NO_CHANGES
    assert vault.take_changes() == NO_CHANGES


def test_feature_books_note_their_parts_on_the_vault(vault: Vault) -> None:
    vault.take_changes()
    vault.note_changed(Part.VENDORS)
    vault.note_changed(Part.OUTBOX)
    assert vault.take_changes().parts == {Part.VENDORS, Part.OUTBOX}
    assert vault.take_changes() == NO_CHANGES
