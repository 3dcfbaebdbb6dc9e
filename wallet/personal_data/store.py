"""SQL for personal-data fields, their value history and their FTS5 index."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from wallet.personal_data import FieldSnapshot, HistoryEntry
from wallet.storage.connection import Connection

_TOKEN = re.compile(r"\w+", re.UNICODE)
_MASKED_COLUMNS = (
    "key, label, CASE WHEN sensitive THEN NULL ELSE value END, category, sensitive, created, "
    "updated"
)
_FULL_COLUMNS = "key, label, value, category, sensitive, created, updated"
# SQLite's default limit on bound parameters is far above this; it bounds one page fetch.
MAX_IDS_PER_QUERY = 5_000


@dataclass(frozen=True, slots=True)
class FieldQuery:
    """Which fields a listing shows: optionally one category, optionally matching a search."""

    category: int | None = None
    search: str | None = None


def fts_expression(text: str) -> str | None:
    """An FTS5 query matching every word of ``text`` as a prefix; ``None`` if it has no words.

    Each token is quoted, so user input can never be read as FTS5 query syntax.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def _snapshot(row: Sequence[object]) -> FieldSnapshot:
    key, label, value, category, sensitive, created, updated = row
    return FieldSnapshot(
        key=str(key),
        label=str(label),
        value=None if value is None else str(value),
        category=int(str(category)),
        sensitive=bool(sensitive),
        created=datetime.fromisoformat(str(created)),
        updated=datetime.fromisoformat(str(updated)),
    )


def _where(query: FieldQuery) -> tuple[str, list[object]] | None:
    """The WHERE clause for a query, or ``None`` when the search can match nothing."""
    clauses: list[str] = []
    params: list[object] = []
    if query.category is not None:
        clauses.append("category = ?")
        params.append(query.category)
    if query.search is not None and query.search.strip():
        expression = fts_expression(query.search)
        if expression is None:
            return None
        clauses.append("id IN (SELECT rowid FROM fields_fts WHERE fields_fts MATCH ?)")
        params.append(expression)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def get(connection: Connection, key: str) -> FieldSnapshot | None:
    row = connection.execute(f"SELECT {_FULL_COLUMNS} FROM fields WHERE key = ?", (key,)).fetchone()
    return _snapshot(row) if row else None


def insert(connection: Connection, field: FieldSnapshot) -> None:
    assert field.value is not None
    connection.execute(
        f"INSERT INTO fields ({_FULL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            field.key,
            field.label,
            field.value,
            field.category,
            int(field.sensitive),
            field.created.isoformat(),
            field.updated.isoformat(),
        ),
    )
    add_history(connection, field.key, field.value, field.updated)


def update(connection: Connection, field: FieldSnapshot, *, value_changed: bool) -> None:
    assert field.value is not None
    connection.execute(
        "UPDATE fields SET label = ?, value = ?, category = ?, sensitive = ?, updated = ? "
        "WHERE key = ?",
        (
            field.label,
            field.value,
            field.category,
            int(field.sensitive),
            field.updated.isoformat(),
            field.key,
        ),
    )
    if value_changed:
        add_history(connection, field.key, field.value, field.updated)


def add_history(connection: Connection, key: str, value: str, changed: datetime) -> None:
    connection.execute(
        "INSERT INTO field_history (field_key, value, changed) VALUES (?, ?, ?)",
        (key, value, changed.isoformat()),
    )


def delete(connection: Connection, key: str) -> bool:
    """Delete a field and its history (deleting means the values are gone)."""
    cursor = connection.execute("DELETE FROM fields WHERE key = ?", (key,))
    connection.execute("DELETE FROM field_history WHERE field_key = ?", (key,))
    return bool(cursor.rowcount)


def history(connection: Connection, key: str) -> list[HistoryEntry]:
    rows = connection.execute(
        "SELECT value, changed FROM field_history WHERE field_key = ? ORDER BY id DESC", (key,)
    )
    return [
        HistoryEntry(str(value), datetime.fromisoformat(str(changed))) for value, changed in rows
    ]


def count(connection: Connection, query: FieldQuery = FieldQuery()) -> int:
    where = _where(query)
    if where is None:
        return 0
    clause, params = where
    # INDEXED BY the small category index: counting through it avoids decrypting every row page.
    sql = f"SELECT count(*) FROM fields INDEXED BY fields_by_category{clause}"
    return int(connection.execute(sql, params).fetchone()[0])


def ordered_ids(connection: Connection, query: FieldQuery = FieldQuery()) -> list[int]:
    """Row ids in display order (by key): the cheap skeleton a windowed table model pages over."""
    where = _where(query)
    if where is None:
        return []
    clause, params = where
    return [
        int(row[0])
        for row in connection.execute(f"SELECT id FROM fields{clause} ORDER BY key", params)
    ]


def row_id_of(connection: Connection, key: str) -> int | None:
    """The row id of the field ``key`` (to bring it into view in a windowed table)."""
    row = connection.execute("SELECT id FROM fields WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else None


def rows_by_ids(connection: Connection, ids: Sequence[int]) -> dict[int, FieldSnapshot]:
    """Snapshots (sensitive values masked) for the given row ids."""
    found: dict[int, FieldSnapshot] = {}
    for start in range(0, len(ids), MAX_IDS_PER_QUERY):
        chunk = list(ids[start : start + MAX_IDS_PER_QUERY])
        marks = ",".join("?" * len(chunk))
        for row in connection.execute(
            f"SELECT id, {_MASKED_COLUMNS} FROM fields WHERE id IN ({marks})", chunk
        ):
            found[int(row[0])] = _snapshot(row[1:])
    return found


def page(
    connection: Connection, *, offset: int, limit: int, query: FieldQuery = FieldQuery()
) -> list[FieldSnapshot]:
    """A page of snapshots (sensitive values masked) in key order."""
    where = _where(query)
    if where is None:
        return []
    clause, params = where
    rows = connection.execute(
        f"SELECT {_MASKED_COLUMNS} FROM fields{clause} ORDER BY key LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [_snapshot(row) for row in rows]


def search(connection: Connection, text: str, *, limit: int = 100) -> list[FieldSnapshot]:
    """Best matches first (BM25), sensitive values masked."""
    expression = fts_expression(text)
    if expression is None:
        return []
    rows = connection.execute(
        "SELECT f.key, f.label, CASE WHEN f.sensitive THEN NULL ELSE f.value END, f.category, "
        "f.sensitive, f.created, f.updated FROM ("
        # Rank inside the index first: only the best rows are then read (and decrypted).
        "  SELECT rowid, rank FROM fields_fts WHERE fields_fts MATCH ? ORDER BY rank LIMIT ?"
        ") AS hits JOIN fields AS f ON f.id = hits.rowid ORDER BY hits.rank",
        (expression, limit),
    )
    return [_snapshot(row) for row in rows]
