"""SQL for the activity log: append inside the caller's transaction, page through, verify."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
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
# Bounds the bound parameters of one page fetch, far below SQLite's limit.
MAX_SEQS_PER_QUERY = 5_000


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


def ordered_seqs(
    connection: Connection,
    *,
    newest_first: bool = True,
    type_prefix: str | None = None,
    text: str | None = None,
) -> list[int]:
    """Entry numbers in display order: the cheap skeleton a windowed table model pages over."""
    where, params = _filter_sql(type_prefix, text)
    # Without a text filter, (type, seq) holds all we need: scanning that small index avoids
    # decrypting every page of the table, and sorting 100 000 ints in Python is quick.
    source = "activity" if text else "activity INDEXED BY activity_by_type"
    seqs = [int(row[0]) for row in connection.execute(f"SELECT seq FROM {source}{where}", params)]
    seqs.sort(reverse=newest_first)
    return seqs


def entries_by_seqs(connection: Connection, seqs: Sequence[int]) -> dict[int, ActivityEntry]:
    """The entries with the given numbers (missing numbers are simply absent)."""
    found: dict[int, ActivityEntry] = {}
    for start in range(0, len(seqs), MAX_SEQS_PER_QUERY):
        chunk = list(seqs[start : start + MAX_SEQS_PER_QUERY])
        marks = ",".join("?" * len(chunk))
        for row in connection.execute(
            f"SELECT {_COLUMNS} FROM activity WHERE seq IN ({marks})", chunk
        ):
            entry = _row_to_entry(row)
            found[entry.seq] = entry
    return found


def _all_in_order(connection: Connection) -> Iterator[ActivityEntry]:
    for row in connection.execute(f"SELECT {_COLUMNS} FROM activity ORDER BY seq"):
        yield _row_to_entry(row)


def verify(connection: Connection, *, genesis: str) -> VerifyReport:
    # seq is hashed into each entry, so rows swapped in place show up as edits or broken links.
    return verify_chain(_all_in_order(connection), genesis=genesis, head=head(connection))
