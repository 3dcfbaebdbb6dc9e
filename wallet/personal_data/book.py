"""The person's fields: create, change, read, search and delete them (``vault.fields``).

:class:`PersonalData` is bound to one open vault, the way Anki's collection exposes
``col.decks``: the vault hands it what it needs through :class:`VaultAccess` (its reading
connection, one write transaction, the activity log and the change log), so this package never
imports the vault. Mutations log what they did (field names, never values) in the same
transaction and return the :class:`~wallet.changes.Changes` they made.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Literal, Protocol

from wallet import activity
from wallet.activity import ActivityEntry, ActivityEvent
from wallet.changes import NO_CHANGES, Changes, Part
from wallet.errors import InvalidInput, NotFound, command_line_text
from wallet.personal_data import (
    FieldInput,
    FieldSnapshot,
    HistoryEntry,
    default_label,
    parse_category,
    standard_field,
    store,
    validate_key,
    validate_label,
    validate_value,
)
from wallet.personal_data.labels import field_labels
from wallet.personal_data.store import FieldQuery
from wallet.storage.connection import Connection

# An import of more fields than this is logged with their number instead of their names.
MAX_NAMED_IMPORTED_FIELDS = 100


class VaultAccess(Protocol):
    """What the fields need of an open vault (:class:`wallet.vault.facade.Vault` provides it)."""

    @property
    def reader(self) -> Connection: ...

    def write(self) -> AbstractContextManager[Connection]: ...

    def record(self, connection: Connection, event: ActivityEvent) -> ActivityEntry: ...

    def note_changed(self, *parts: Part, field_keys: tuple[str, ...] = ()) -> None: ...


class PersonalData:
    """The fields of one open vault; same thread rules as the vault."""

    def __init__(self, vault: VaultAccess) -> None:
        self._vault = vault

    def _changed(self, *field_keys: str) -> Changes:
        """Note the fields (and their log entry) as changed, and return that."""
        self._vault.note_changed(Part.FIELDS, Part.ACTIVITY, field_keys=field_keys)
        return Changes.of(Part.FIELDS, Part.ACTIVITY, field_keys=field_keys)

    # ------------------------------------------------------------------------- changes

    def set(
        self,
        key: str,
        value: str,
        *,
        label: str | None = None,
        category: str | int | None = None,
        sensitive: bool | None = None,
    ) -> Changes:
        """Create or update a field; options left ``None`` keep their current or default value."""
        validate_key(key)
        existing = store.get(self._vault.reader, key)
        item = FieldInput(key, value, label=label, category=category, sensitive=sensitive)
        snapshot = _field_snapshot(item, existing, datetime.now(UTC))
        if existing is not None and _editable_parts(snapshot) == _editable_parts(existing):
            return NO_CHANGES
        event_type = activity.FIELD_CREATED if existing is None else activity.FIELD_UPDATED
        with self._vault.write() as connection:
            _store_field(connection, snapshot, existing)
            self._vault.record(connection, ActivityEvent(event_type, field_names=(key,)))
        return self._changed(key)

    def import_many(self, items: Iterable[FieldInput]) -> Changes:
        """Create or update many fields in one transaction, logged as one ``data.imported`` entry.

        Each field follows :meth:`set`'s rules; one invalid field refuses the whole import and
        nothing is changed. The entry names the fields when there are at most
        :data:`MAX_NAMED_IMPORTED_FIELDS` of them, otherwise only how many there were.
        """
        now = datetime.now(UTC)
        stored: dict[str, None] = {}  # keys in order, without repeats
        with self._vault.write() as connection:
            for item in items:
                try:
                    validate_key(item.key)
                    existing = store.get(connection, item.key)
                    snapshot = _field_snapshot(item, existing, now)
                except InvalidInput as exc:
                    refused, cli_refused = str(exc), command_line_text(exc)
                    raise InvalidInput(
                        f"Field {item.key!r}: {refused} Nothing was imported.",
                        cli_text=f"Field {item.key!r}: {cli_refused} Nothing was imported.",
                    ) from None
                if existing is None or _editable_parts(snapshot) != _editable_parts(existing):
                    _store_field(connection, snapshot, existing)
                    stored[item.key] = None
            if not stored:
                return NO_CHANGES
            named = tuple(stored) if len(stored) <= MAX_NAMED_IMPORTED_FIELDS else ()
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.FIELDS_IMPORTED, field_names=named, reason=f"{len(stored)} fields"
                ),
            )
        return self._changed(*named)

    def delete(self, key: str) -> Changes:
        """Delete a field and its value history."""
        with self._vault.write() as connection:
            if not store.delete(connection, key):
                raise NotFound(f"There is no field {key!r}.")
            self._vault.record(
                connection, ActivityEvent(activity.FIELD_DELETED, field_names=(key,))
            )
        return self._changed(key)

    # --------------------------------------------------------------------------- reads

    def get(
        self, key: str, *, purpose: Literal["reveal", "copy", "edit"] = "reveal"
    ) -> FieldSnapshot:
        """A field with its value; revealing or copying is logged (the name, not the value)."""
        snapshot = store.get(self._vault.reader, key)
        if snapshot is None:
            raise NotFound(f"There is no field {key!r}.")
        if purpose != "edit":
            event_type = activity.FIELD_REVEALED if purpose == "reveal" else activity.FIELD_COPIED
            with self._vault.write() as connection:
                self._vault.record(connection, ActivityEvent(event_type, field_names=(key,)))
        return snapshot

    def info(self, key: str) -> FieldSnapshot:
        """A field's label, category and dates without its value (nothing to log)."""
        snapshot = store.get(self._vault.reader, key)
        if snapshot is None:
            raise NotFound(f"There is no field {key!r}.")
        return dataclasses.replace(snapshot, value=None)

    def labels(self, keys: Iterable[str]) -> dict[str, str]:
        """The label of each field by key; a deleted field keeps its key (see :mod:`.labels`)."""
        return field_labels(self._vault.reader, keys)

    def count(self, *, category: int | None = None, search: str | None = None) -> int:
        return store.count(self._vault.reader, FieldQuery(category, search))

    def listing(
        self,
        *,
        category: int | None = None,
        search: str | None = None,
        offset: int = 0,
        limit: int = -1,
    ) -> list[FieldSnapshot]:
        """Fields in key order; sensitive values are ``None`` (use :meth:`get`)."""
        query = FieldQuery(category, search)
        return store.page(self._vault.reader, offset=offset, limit=limit, query=query)

    def row_ids(self, *, category: int | None = None, search: str | None = None) -> list[int]:
        """Row ids in display order, for views that fetch pages of rows on demand."""
        return store.ordered_ids(self._vault.reader, FieldQuery(category, search))

    def row_id_of(self, key: str) -> int | None:
        """The row id of the field ``key`` (to bring it into view in a windowed table)."""
        return store.row_id_of(self._vault.reader, key)

    def by_row_ids(self, row_ids: Sequence[int]) -> dict[int, FieldSnapshot]:
        return store.rows_by_ids(self._vault.reader, row_ids)

    def search(self, text: str, *, limit: int = 100) -> list[FieldSnapshot]:
        """Full-text search over keys, labels and values, best matches first."""
        return store.search(self._vault.reader, text, limit=limit)

    def history(self, key: str) -> list[HistoryEntry]:
        if store.get(self._vault.reader, key) is None:
            raise NotFound(f"There is no field {key!r}.")
        return store.history(self._vault.reader, key)


def _editable_parts(snapshot: FieldSnapshot) -> tuple[str, str | None, int, bool]:
    return snapshot.label, snapshot.value, snapshot.category, snapshot.sensitive


def _field_snapshot(
    item: FieldInput, existing: FieldSnapshot | None, now: datetime
) -> FieldSnapshot:
    """The field as it will be stored: validated, with defaults or current values filled in."""
    validate_value(item.value)
    standard = standard_field(item.key)
    if item.label is not None:
        label = validate_label(item.label)
    else:
        label = existing.label if existing else default_label(item.key)
    if item.category is not None:
        category = parse_category(item.category)
    else:
        category = existing.category if existing else (standard.category if standard else 1)
    if item.sensitive is not None:
        sensitive = item.sensitive
    else:
        sensitive = existing.sensitive if existing else bool(standard and standard.sensitive)
    return FieldSnapshot(
        key=item.key,
        label=label,
        value=item.value,
        category=category,
        sensitive=sensitive,
        created=existing.created if existing else now,
        updated=now,
    )


def _store_field(
    connection: Connection, snapshot: FieldSnapshot, existing: FieldSnapshot | None
) -> None:
    if existing is None:
        store.insert(connection, snapshot)
    else:
        store.update(connection, snapshot, value_changed=existing.value != snapshot.value)
