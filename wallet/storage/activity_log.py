"""SQL for the activity log: append inside the caller's transaction, page through, verify."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from wallet.activity import (
    ActivityEntry,
    ActivityEvent,
    VerifyReport,
    entry_hash,
    format_timestamp,
    verify_chain,
)
from wallet.storage.connection import Connection

_COLUMNS = "seq, at, type, result, party, field_names, reason, prev_hash, hash"


def _row_to_entry(row: tuple[object, ...]) -> ActivityEntry:
    seq, at, type_, result, party, names, reason, prev_hash, hash_ = row
    return ActivityEntry(
        seq=int(str(seq)),
        at=datetime.fromisoformat(str(at)),
        type=str(type_),
        result=str(result),
        party=str(party),
        field_names=tuple(json.loads(str(names))),
        reason=str(reason),
        prev_hash=str(prev_hash),
        hash=str(hash_),
    )


def head(connection: Connection) -> tuple[int, str] | None:
    row = connection.execute("SELECT seq, hash FROM activity_head WHERE id = 1").fetchone()
    return (int(row[0]), str(row[1])) if row else None


def append(connection: Connection, event: ActivityEvent, *, genesis: str) -> ActivityEntry:
    """Append ``event``; the caller holds a write transaction so entry and head move together."""
    current = head(connection)
    seq, prev_hash = (current[0] + 1, current[1]) if current else (1, genesis)
    at = format_timestamp(event.at)
    names = sorted(set(event.field_names))
    digest = entry_hash(
        seq=seq,
        at=at,
        type=event.type,
        result=event.result,
        party=event.party,
        field_names=names,
        reason=event.reason,
        prev_hash=prev_hash,
    )
    connection.execute(
        f"INSERT INTO activity ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            seq,
            at,
            event.type,
            event.result,
            event.party,
            json.dumps(names),
            event.reason,
            prev_hash,
            digest,
        ),
    )
    connection.execute(
        "INSERT INTO activity_head (id, seq, hash) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
        (seq, digest),
    )
    return _row_to_entry(
        (
            seq,
            at,
            event.type,
            event.result,
            event.party,
            json.dumps(names),
            event.reason,
            prev_hash,
            digest,
        )
    )


def _filter_sql(type_prefix: str | None, text: str | None) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if type_prefix:
        clauses.append("type LIKE ? ESCAPE '\\'")
        escaped = type_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(escaped + "%")
    if text:
        clauses.append("(type LIKE ? OR party LIKE ? OR field_names LIKE ? OR reason LIKE ?)")
        pattern = f"%{text}%"
        params.extend([pattern] * 4)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def count(
    connection: Connection, *, type_prefix: str | None = None, text: str | None = None
) -> int:
    where, params = _filter_sql(type_prefix, text)
    return int(connection.execute(f"SELECT count(*) FROM activity{where}", params).fetchone()[0])


def page(
    connection: Connection,
    *,
    offset: int,
    limit: int,
    newest_first: bool = True,
    type_prefix: str | None = None,
    text: str | None = None,
) -> list[ActivityEntry]:
    where, params = _filter_sql(type_prefix, text)
    order = "DESC" if newest_first else "ASC"
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM activity{where} ORDER BY seq {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [_row_to_entry(row) for row in rows]


def _all_in_order(connection: Connection) -> Iterator[ActivityEntry]:
    for row in connection.execute(f"SELECT {_COLUMNS} FROM activity ORDER BY seq"):
        yield _row_to_entry(row)


def verify(connection: Connection, *, genesis: str) -> VerifyReport:
    # seq is hashed into each entry, so rows swapped in place show up as edits or broken links.
    return verify_chain(_all_in_order(connection), genesis=genesis, head=head(connection))
