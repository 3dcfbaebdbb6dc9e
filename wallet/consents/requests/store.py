"""SQL for data-subject requests (the ``data_requests`` table of schema 5).

A row keeps the signed document as JSON (the source of truth, rendered again when read), and the
vendor, kind, language, field keys and receipt ids beside it for listing and for the log.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from wallet.storage.connection import Connection


@dataclass(frozen=True, slots=True)
class StoredRequest:
    """A stored request as read back: its signed JSON and when it was made (Unix seconds)."""

    signed_json: str
    created: int


def insert(
    connection: Connection,
    *,
    request_id: str,
    vendor_id: str,
    kind: str,
    language: str,
    created: int,
    field_keys: Sequence[str],
    receipt_ids: Sequence[str],
    signed: object,
) -> None:
    """Store one request (inside the caller's transaction); ``signed`` is its wire form."""
    connection.execute(
        "INSERT INTO data_requests (id, vendor_id, kind, language, created, field_names, "
        "receipt_ids, signed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            request_id,
            vendor_id,
            kind,
            language,
            created,
            json.dumps(list(field_keys)),
            json.dumps(list(receipt_ids)),
            json.dumps(signed, ensure_ascii=False, separators=(",", ":")),
        ),
    )


def all_requests(connection: Connection, *, vendor_id: str | None = None) -> list[StoredRequest]:
    """Stored requests, newest first (optionally to one vendor)."""
    where, params = ("WHERE vendor_id = ? ", (vendor_id,)) if vendor_id else ("", ())
    rows = connection.execute(
        f"SELECT signed, created FROM data_requests {where}ORDER BY created DESC, id",
        params,
    ).fetchall()
    return [StoredRequest(str(row[0]), int(row[1])) for row in rows]


def get(connection: Connection, request_id: str) -> StoredRequest | None:
    row = connection.execute(
        "SELECT signed, created FROM data_requests WHERE id = ?", (request_id,)
    ).fetchone()
    return None if row is None else StoredRequest(str(row[0]), int(row[1]))
