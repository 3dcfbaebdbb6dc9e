"""SQL for offers (schema 4): verified offers, refused ones, ingested outbox rows, weights."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from wallet.storage.connection import Connection

OfferStatus = Literal["received", "chosen", "declined"]


@dataclass(frozen=True, slots=True)
class OfferRow:
    id: str
    intention_id: str
    vendor_id: str
    signed: str
    status: OfferStatus
    received: datetime


@dataclass(frozen=True, slots=True)
class RejectionRow:
    id: int
    intention_id: str
    vendor_id: str
    offer_id: str
    code: str
    reason: str
    received: datetime


_OFFER_COLUMNS = "id, intention_id, vendor_id, signed, status, received"


def _offer(row: Sequence[Any]) -> OfferRow:
    return OfferRow(row[0], row[1], row[2], row[3], row[4], datetime.fromisoformat(row[5]))


def insert_offer(
    connection: Connection,
    *,
    offer_id: str,
    intention_id: str,
    vendor_id: str,
    signed: str,
    now: datetime,
) -> bool:
    """Store a verified offer; False when an offer with this id is already stored."""
    cursor = connection.execute(
        f"INSERT OR IGNORE INTO offers ({_OFFER_COLUMNS}) VALUES (?, ?, ?, ?, 'received', ?)",
        (offer_id, intention_id, vendor_id, signed, now.isoformat()),
    )
    return int(cursor.rowcount) > 0


def get_offer(connection: Connection, offer_id: str) -> OfferRow | None:
    row = connection.execute(
        f"SELECT {_OFFER_COLUMNS} FROM offers WHERE id = ?", (offer_id,)
    ).fetchone()
    return _offer(row) if row else None


def offers_for(connection: Connection, intention_id: str) -> list[OfferRow]:
    found = connection.execute(
        f"SELECT {_OFFER_COLUMNS} FROM offers WHERE intention_id = ? ORDER BY received, id",
        (intention_id,),
    )
    return [_offer(row) for row in found]


def decide(connection: Connection, intention_id: str, chosen_offer_id: str) -> None:
    """The chosen offer becomes ``chosen``, every other offer for the intention ``declined``."""
    connection.execute(
        "UPDATE offers SET status = CASE WHEN id = ? THEN 'chosen' ELSE 'declined' END "
        "WHERE intention_id = ?",
        (chosen_offer_id, intention_id),
    )


def chosen_counts(connection: Connection) -> dict[str, int]:
    """How many offers of each vendor the consumer has chosen so far (its history)."""
    found = connection.execute(
        "SELECT vendor_id, count(*) FROM offers WHERE status = 'chosen' GROUP BY vendor_id"
    )
    return {row[0]: int(row[1]) for row in found}


def add_rejection(
    connection: Connection,
    *,
    intention_id: str,
    vendor_id: str,
    offer_id: str,
    code: str,
    reason: str,
    now: datetime,
) -> None:
    connection.execute(
        "INSERT INTO offer_rejections (intention_id, vendor_id, offer_id, code, reason, received) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (intention_id, vendor_id, offer_id, code, reason, now.isoformat()),
    )


def rejections_for(connection: Connection, intention_id: str) -> list[RejectionRow]:
    found = connection.execute(
        "SELECT id, intention_id, vendor_id, offer_id, code, reason, received "
        "FROM offer_rejections WHERE intention_id = ? ORDER BY id",
        (intention_id,),
    )
    return [
        RejectionRow(r[0], r[1], r[2], r[3], r[4], r[5], datetime.fromisoformat(r[6]))
        for r in found
    ]


def unread_delivered_ids(connection: Connection) -> list[int]:
    """Outbox ids of delivered intentions whose answers were not read for offers yet (from the
    ``outbox_by_kind`` index: no message body is read to find them)."""
    return [
        int(row[0])
        for row in connection.execute(
            "SELECT id FROM outbox WHERE kind = 'intention' AND status = 'delivered' "
            "AND NOT EXISTS (SELECT 1 FROM offers_ingested WHERE outbox_id = outbox.id) "
            "ORDER BY id"
        )
    ]


def mark_ingested(connection: Connection, outbox_id: int) -> None:
    connection.execute("INSERT OR IGNORE INTO offers_ingested (outbox_id) VALUES (?)", (outbox_id,))


def get_setting(connection: Connection, name: str) -> str | None:
    row = connection.execute("SELECT value FROM funnel_settings WHERE name = ?", (name,)).fetchone()
    return None if row is None else str(row[0])


def set_setting(connection: Connection, name: str, value: str) -> None:
    connection.execute(
        "INSERT INTO funnel_settings (name, value) VALUES (?, ?) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (name, value),
    )


def waiting_offers(connection: Connection) -> list[tuple[str, str, int]]:
    """Open intentions with offers awaiting the person's decision: (intention id, item name,
    how many), most recent intention first."""
    rows = connection.execute(
        "SELECT intentions.id, intentions.item_name, count(*) FROM offers JOIN intentions "
        "ON intentions.id = offers.intention_id WHERE offers.status = 'received' "
        "AND intentions.status IN ('broadcast', 'offers_in') "
        "GROUP BY intentions.id ORDER BY intentions.created DESC, intentions.id"
    ).fetchall()
    return [(str(row[0]), str(row[1]), int(row[2])) for row in rows]
