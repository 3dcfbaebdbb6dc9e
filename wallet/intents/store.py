"""SQL for the consumer's intentions (the ``intentions`` table of schema 4)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from wallet.storage.connection import Connection

IntentionStatus = Literal["draft", "broadcast", "offers_in", "chosen", "expired", "withdrawn"]
OPEN_STATUSES: tuple[IntentionStatus, ...] = ("draft", "broadcast", "offers_in")
_COLUMNS = (
    "id, status, kid, item_name, category, signed, valid_through, created, updated, "
    "broadcast_at, chosen_offer_id"
)


@dataclass(frozen=True, slots=True)
class IntentionRow:
    id: str
    status: IntentionStatus
    kid: str
    item_name: str
    category: str
    signed: str
    valid_through: str
    created: datetime
    updated: datetime
    broadcast_at: datetime | None
    chosen_offer_id: str | None


def _row(row: Sequence[Any]) -> IntentionRow:
    return IntentionRow(
        id=row[0],
        status=row[1],
        kid=row[2],
        item_name=row[3],
        category=row[4],
        signed=row[5],
        valid_through=row[6],
        created=datetime.fromisoformat(row[7]),
        updated=datetime.fromisoformat(row[8]),
        broadcast_at=datetime.fromisoformat(row[9]) if row[9] else None,
        chosen_offer_id=row[10],
    )


def insert(
    connection: Connection,
    *,
    intention_id: str,
    kid: str,
    item_name: str,
    category: str,
    signed: str,
    valid_through: str,
    now: datetime,
) -> None:
    connection.execute(
        f"INSERT INTO intentions ({_COLUMNS}) VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
        (
            intention_id,
            kid,
            item_name,
            category,
            signed,
            valid_through,
            now.isoformat(),
            now.isoformat(),
        ),
    )


def get(connection: Connection, intention_id: str) -> IntentionRow | None:
    found = connection.execute(f"SELECT {_COLUMNS} FROM intentions WHERE id = ?", (intention_id,))
    row = found.fetchone()
    return _row(row) if row else None


def all_intentions(connection: Connection) -> list[IntentionRow]:
    found = connection.execute(f"SELECT {_COLUMNS} FROM intentions ORDER BY created DESC, id")
    return [_row(row) for row in found]


def set_status(
    connection: Connection,
    intention_id: str,
    status: IntentionStatus,
    now: datetime,
    *,
    only_from: Sequence[IntentionStatus] | None = None,
    broadcast: bool = False,
    chosen_offer_id: str | None = None,
) -> bool:
    """Move to ``status`` (only from ``only_from`` when given); True if the row changed."""
    sql = (
        "UPDATE intentions SET status = ?, updated = ?, "
        "broadcast_at = CASE WHEN ? THEN coalesce(broadcast_at, ?) ELSE broadcast_at END, "
        "chosen_offer_id = coalesce(?, chosen_offer_id) WHERE id = ?"
    )
    params: list[Any] = [
        status,
        now.isoformat(),
        int(broadcast),
        now.isoformat(),
        chosen_offer_id,
        intention_id,
    ]
    if only_from is not None:
        sql += f" AND status IN ({', '.join('?' for _ in only_from)})"
        params.extend(only_from)
    return int(connection.execute(sql, tuple(params)).rowcount) > 0


def due_to_expire(connection: Connection, now_utc: str) -> list[str]:
    """Open intentions whose ``validThrough`` (a ``...Z`` timestamp) is not after ``now_utc``."""
    found = connection.execute(
        "SELECT id FROM intentions WHERE status IN ('draft', 'broadcast', 'offers_in') "
        "AND valid_through <= ?",
        (now_utc,),
    )
    return [row[0] for row in found]
