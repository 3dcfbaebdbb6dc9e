"""SQL for consents (the ``consents``, ``consent_fields``, ``consent_events`` tables of schema 5).

Times are Unix seconds (integers): they are compared with the receipt's own epoch times.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from wallet.storage.connection import Connection

ConsentStatus = Literal["active", "expired", "revoked"]

_COLUMNS = (
    "id, vendor_id, offer_id, kid, status, granted_at, expires_at, ended_at, purposes, summary, "
    "receipt_jws, countersignature, acknowledged_at, termination, terminated_at"
)


@dataclass(frozen=True, slots=True)
class ConsentRow:
    """One consent as stored (the receipt JWS is the signed source of truth)."""

    id: str
    vendor_id: str
    offer_id: str | None
    kid: str
    status: ConsentStatus
    granted_at: int
    expires_at: int
    ended_at: int | None
    purposes: tuple[int, ...]
    summary: str
    receipt_jws: str
    countersignature: str | None
    acknowledged_at: int | None
    termination: str | None
    terminated_at: int | None
    field_keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ConsentEvent:
    """One step in a consent's history (granted, disclosed, acknowledged, updated, ...)."""

    id: int
    consent_id: str
    at: int
    type: str
    field_names: tuple[str, ...]
    detail: str


def _row(row: Sequence[Any], field_keys: Sequence[str] = ()) -> ConsentRow:
    return ConsentRow(
        id=row[0],
        vendor_id=row[1],
        offer_id=row[2],
        kid=row[3],
        status=row[4],
        granted_at=int(row[5]),
        expires_at=int(row[6]),
        ended_at=None if row[7] is None else int(row[7]),
        purposes=tuple(json.loads(row[8])),
        summary=row[9],
        receipt_jws=row[10],
        countersignature=row[11],
        acknowledged_at=None if row[12] is None else int(row[12]),
        termination=row[13],
        terminated_at=None if row[14] is None else int(row[14]),
        field_keys=tuple(field_keys),
    )


def insert(
    connection: Connection,
    *,
    consent_id: str,
    vendor_id: str,
    offer_id: str | None,
    kid: str,
    granted_at: int,
    expires_at: int,
    purposes: Sequence[int],
    summary: str,
    receipt_jws: str,
    field_keys: Sequence[str],
) -> None:
    connection.execute(
        "INSERT INTO consents (id, vendor_id, offer_id, kid, status, granted_at, expires_at, "
        "purposes, summary, receipt_jws) VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)",
        (
            consent_id,
            vendor_id,
            offer_id,
            kid,
            granted_at,
            expires_at,
            json.dumps(list(purposes)),
            summary,
            receipt_jws,
        ),
    )
    if field_keys:  # one statement for all the fields: consents are issued in bulk
        rows = ", ".join("(?, ?, ?, 1)" for _ in field_keys)
        connection.execute(
            f"INSERT INTO consent_fields (consent_id, field_key, vendor_id, active) VALUES {rows}",
            [value for key in field_keys for value in (consent_id, key, vendor_id)],
        )


def _fields_of(connection: Connection, consent_ids: Sequence[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {consent_id: [] for consent_id in consent_ids}
    for start in range(0, len(consent_ids), 500):
        chunk = consent_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for consent_id, key in connection.execute(
            f"SELECT consent_id, field_key FROM consent_fields WHERE consent_id IN ({marks}) "
            "ORDER BY consent_id, field_key",
            tuple(chunk),
        ):
            found[consent_id].append(key)
    return found


def get(connection: Connection, consent_id: str) -> ConsentRow | None:
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM consents WHERE id = ?", (consent_id,)
    ).fetchone()
    if row is None:
        return None
    return _row(row, _fields_of(connection, [consent_id])[consent_id])


def all_consents(
    connection: Connection,
    *,
    vendor_id: str | None = None,
    status: ConsentStatus | None = None,
) -> list[ConsentRow]:
    """Consents newest first, optionally of one vendor and/or one status."""
    clauses, params = [], []
    if vendor_id is not None:
        clauses.append("vendor_id = ?")
        params.append(vendor_id)
    if status is not None:
        clauses.append("status = ?")
        params.append(status)
    where = f"WHERE {' AND '.join(clauses)} " if clauses else ""
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM consents {where}ORDER BY granted_at DESC, id DESC", tuple(params)
    ).fetchall()
    fields = _fields_of(connection, [row[0] for row in rows])
    return [_row(row, fields[row[0]]) for row in rows]


def due_to_expire(connection: Connection, now: int) -> list[str]:
    return [
        row[0]
        for row in connection.execute(
            "SELECT id FROM consents WHERE status = 'active' AND expires_at <= ? ORDER BY id",
            (now,),
        )
    ]


def end(connection: Connection, consent_id: str, status: ConsentStatus, at: int) -> bool:
    """Move an active consent to ``status`` (expired/revoked); False if it was not active."""
    cursor = connection.execute(
        "UPDATE consents SET status = ?, ended_at = ? WHERE id = ? AND status = 'active'",
        (status, at, consent_id),
    )
    if cursor.rowcount == 0:
        return False
    connection.execute("UPDATE consent_fields SET active = 0 WHERE consent_id = ?", (consent_id,))
    return True


def set_acknowledged(
    connection: Connection, consent_id: str, countersignature: str, at: int
) -> None:
    connection.execute(
        "UPDATE consents SET countersignature = ?, acknowledged_at = ? WHERE id = ?",
        (countersignature, at, consent_id),
    )


def set_terminated(connection: Connection, consent_id: str, termination: str, at: int) -> None:
    connection.execute(
        "UPDATE consents SET termination = ?, terminated_at = ? WHERE id = ?",
        (termination, at, consent_id),
    )


def add_event(
    connection: Connection,
    consent_id: str,
    *,
    at: int,
    type: str,
    field_names: Sequence[str] = (),
    detail: str = "",
) -> None:
    connection.execute(
        "INSERT INTO consent_events (consent_id, at, type, field_names, detail) "
        "VALUES (?, ?, ?, ?, ?)",
        (consent_id, at, type, json.dumps(list(field_names)), detail),
    )


def events(connection: Connection, consent_id: str) -> list[ConsentEvent]:
    return [
        ConsentEvent(int(row[0]), row[1], int(row[2]), row[3], tuple(json.loads(row[4])), row[5])
        for row in connection.execute(
            "SELECT id, consent_id, at, type, field_names, detail FROM consent_events "
            "WHERE consent_id = ? ORDER BY id",
            (consent_id,),
        )
    ]


def active_holders(connection: Connection, field_key: str) -> list[tuple[str, str]]:
    """(consent id, vendor id) of every active consent whose scope holds ``field_key``."""
    return [
        (row[0], row[1])
        for row in connection.execute(
            "SELECT consent_id, vendor_id FROM consent_fields WHERE field_key = ? AND active = 1 "
            "ORDER BY vendor_id, consent_id",
            (field_key,),
        )
    ]


def holdings_matrix(connection: Connection) -> list[tuple[str, str, int, str]]:
    """(vendor id, field key, active consents, one of them) for every vendor x field cell held
    under an active consent: the ``consent_holdings`` table its triggers keep current."""
    return [
        (row[0], row[1], int(row[2]), row[3])
        for row in connection.execute(
            "SELECT vendor_id, field_key, active_count, consent_id FROM consent_holdings"
        )
    ]


def _status_clause(status: ConsentStatus | None) -> tuple[str, tuple[str, ...]]:
    return ("WHERE status = ? ", (status,)) if status is not None else ("", ())


def count(connection: Connection, *, status: ConsentStatus | None = None) -> int:
    where, params = _status_clause(status)
    return int(connection.execute(f"SELECT count(*) FROM consents {where}", params).fetchone()[0])


def ordered_row_ids(connection: Connection, *, status: ConsentStatus | None = None) -> list[int]:
    """Row ids newest first (an index scan: the windowed table's skeleton)."""
    where, params = _status_clause(status)
    return [
        int(row[0])
        for row in connection.execute(
            f"SELECT rowid FROM consents {where}ORDER BY granted_at DESC, id DESC", params
        )
    ]


def rows_by_row_ids(connection: Connection, row_ids: Sequence[int]) -> dict[int, ConsentRow]:
    """The consents with these row ids (one page of a windowed table), with their fields."""
    found: dict[int, ConsentRow] = {}
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = connection.execute(
            f"SELECT rowid, {_COLUMNS} FROM consents WHERE rowid IN ({marks})", tuple(chunk)
        ).fetchall()
        fields = _fields_of(connection, [row[1] for row in rows])
        for row in rows:
            found[int(row[0])] = _row(row[1:], fields[row[1]])
    return found


def status_counts(connection: Connection, *, expiring_before: int) -> dict[str, int]:
    """How many consents are active, expiring (active, ending before the given time), expired
    and revoked."""
    counts = {"active": 0, "expiring": 0, "expired": 0, "revoked": 0}
    for status, number in connection.execute(
        "SELECT status, count(*) FROM consents GROUP BY status"
    ):
        counts[str(status)] = int(number)
    counts["expiring"] = int(
        connection.execute(
            "SELECT count(*) FROM consents WHERE status = 'active' AND expires_at < ?",
            (expiring_before,),
        ).fetchone()[0]
    )
    return counts


def pending_deliveries(connection: Connection) -> int:
    """How many outbox messages (of any kind) wait to be delivered or are being delivered."""
    return int(
        connection.execute(
            "SELECT count(*) FROM outbox WHERE status IN ('pending', 'delivering')"
        ).fetchone()[0]
    )


def open_offers(connection: Connection) -> int:
    """How many received offers answer an intention that is still open."""
    return int(
        connection.execute(
            "SELECT count(*) FROM offers JOIN intentions "
            "ON intentions.id = offers.intention_id WHERE offers.status = 'received' "
            "AND intentions.status IN ('broadcast', 'offers_in')"
        ).fetchone()[0]
    )


def unread_delivered_ids(connection: Connection, kinds: Sequence[str]) -> list[int]:
    """Outbox ids of delivered ``kinds`` messages whose answer was not read yet.

    Answered from the ``outbox_by_kind`` index and ``consent_acks_ingested`` alone: the
    message bodies (many thousands after a while) are not read to find the few new ones.
    """
    marks = ", ".join("?" for _ in kinds)
    return [
        int(row[0])
        for row in connection.execute(
            f"SELECT id FROM outbox WHERE kind IN ({marks}) AND status = 'delivered' "
            "AND NOT EXISTS (SELECT 1 FROM consent_acks_ingested WHERE outbox_id = outbox.id) "
            "ORDER BY id",
            tuple(kinds),
        )
    ]


def mark_ack_ingested(connection: Connection, outbox_id: int) -> None:
    connection.execute(
        "INSERT OR IGNORE INTO consent_acks_ingested (outbox_id) VALUES (?)", (outbox_id,)
    )


def vendor_names(connection: Connection) -> dict[str, str]:
    """Every directory vendor's name by id (without parsing their metadata)."""
    return {row[0]: row[1] for row in connection.execute("SELECT id, name FROM vendors")}


def row_id_of(connection: Connection, consent_id: str) -> int | None:
    row = connection.execute("SELECT rowid FROM consents WHERE id = ?", (consent_id,)).fetchone()
    return None if row is None else int(row[0])


def ending_before(connection: Connection, before: int) -> list[ConsentRow]:
    """Active consents that end before ``before`` (Unix seconds), soonest first."""
    return _rows_where(
        connection, "status = 'active' AND expires_at < ? ORDER BY expires_at, id", before
    )


def unconfirmed_revocations(connection: Connection, revoked_before: int) -> list[ConsentRow]:
    """Consents revoked before ``revoked_before`` whose vendor has not confirmed the end (no
    termination receipt yet), oldest first."""
    return _rows_where(
        connection,
        "status = 'revoked' AND termination IS NULL AND ended_at < ? ORDER BY ended_at, id",
        revoked_before,
    )


def _rows_where(connection: Connection, condition: str, moment: int) -> list[ConsentRow]:
    ids = [
        str(row[0])
        for row in connection.execute(f"SELECT id FROM consents WHERE {condition}", (moment,))
    ]
    found = (get(connection, consent_id) for consent_id in ids)
    return [row for row in found if row is not None]
