"""SQL for where intentions were cast on a relay (the ``relay_casts`` table of schema 10)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wallet.storage.connection import Connection

_COLUMNS = (
    "intention_id, relay, subject, sequence, cast_at, withdrawn_at, offers_read_to, "
    "messages_read, refused"
)


@dataclass(frozen=True, slots=True)
class CastRow:
    """One intention cast on one relay: where, when, and how far its offers were read."""

    intention_id: str
    relay: str
    subject: str
    sequence: int
    cast_at: datetime
    withdrawn_at: datetime | None
    offers_read_to: int
    messages_read: int
    refused: int


def _row(row: Sequence[Any]) -> CastRow:
    return CastRow(
        intention_id=row[0],
        relay=row[1],
        subject=row[2],
        sequence=int(row[3]),
        cast_at=datetime.fromisoformat(row[4]),
        withdrawn_at=datetime.fromisoformat(row[5]) if row[5] else None,
        offers_read_to=int(row[6]),
        messages_read=int(row[7]),
        refused=int(row[8]),
    )


def record_cast(
    connection: Connection,
    *,
    intention_id: str,
    relay: str,
    subject: str,
    sequence: int,
    now: datetime,
) -> None:
    """Keep (or refresh, when cast again) where the intention was cast."""
    connection.execute(
        f"INSERT INTO relay_casts ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, NULL, 0, 0, 0) "
        "ON CONFLICT (intention_id, relay) DO UPDATE SET subject = excluded.subject, "
        "sequence = excluded.sequence",
        (intention_id, relay, subject, sequence, now.isoformat()),
    )


def casts_of(connection: Connection, intention_id: str) -> list[CastRow]:
    found = connection.execute(
        f"SELECT {_COLUMNS} FROM relay_casts WHERE intention_id = ? ORDER BY cast_at, relay",
        (intention_id,),
    )
    return [_row(row) for row in found]


def get_cast(connection: Connection, intention_id: str, relay: str) -> CastRow | None:
    found = connection.execute(
        f"SELECT {_COLUMNS} FROM relay_casts WHERE intention_id = ? AND relay = ?",
        (intention_id, relay),
    ).fetchone()
    return _row(found) if found else None


def mark_withdrawn(connection: Connection, intention_id: str, relay: str, now: datetime) -> None:
    connection.execute(
        "UPDATE relay_casts SET withdrawn_at = ? WHERE intention_id = ? AND relay = ?",
        (now.isoformat(), intention_id, relay),
    )


def note_read(
    connection: Connection,
    intention_id: str,
    relay: str,
    *,
    sequence: int,
    refused: bool,
) -> None:
    """One more offers message read (up to stream ``sequence``), refused or not."""
    connection.execute(
        "UPDATE relay_casts SET offers_read_to = max(offers_read_to, ?), "
        "messages_read = messages_read + 1, refused = refused + ? "
        "WHERE intention_id = ? AND relay = ?",
        (sequence, int(refused), intention_id, relay),
    )


def offers_held(connection: Connection, intention_id: str, vendor_id: str) -> tuple[int, int]:
    """Offers stored for the intention: from ``vendor_id``, and from everyone (the caps)."""
    found = connection.execute(
        "SELECT count(*) FILTER (WHERE vendor_id = ?), count(*) FROM offers WHERE intention_id = ?",
        (vendor_id, intention_id),
    ).fetchone()
    return int(found[0]), int(found[1])


def followed_on(connection: Connection, relay: str, statuses: Sequence[str]) -> list[str]:
    """Intentions cast on ``relay``, not withdrawn there, whose status is one of ``statuses``
    (those whose offers are still worth reading), oldest cast first."""
    marks = ", ".join("?" for _ in statuses)
    found = connection.execute(
        "SELECT c.intention_id FROM relay_casts c JOIN intentions i ON i.id = c.intention_id "
        f"WHERE c.relay = ? AND c.withdrawn_at IS NULL AND i.status IN ({marks}) "
        "ORDER BY c.cast_at",
        (relay, *statuses),
    )
    return [str(row[0]) for row in found]


def withdrawals_due(connection: Connection, relay: str) -> list[str]:
    """Intentions withdrawn by the person whose withdrawal has not reached ``relay`` yet."""
    found = connection.execute(
        "SELECT c.intention_id FROM relay_casts c JOIN intentions i ON i.id = c.intention_id "
        "WHERE c.relay = ? AND c.withdrawn_at IS NULL AND i.status = 'withdrawn' "
        "ORDER BY c.cast_at",
        (relay,),
    )
    return [str(row[0]) for row in found]


def documents_fetched(connection: Connection, intention_id: str, relay: str) -> int:
    """Metadata documents fetched so far while reading the intention's offers on ``relay``."""
    found = connection.execute(
        "SELECT documents_fetched FROM relay_casts WHERE intention_id = ? AND relay = ?",
        (intention_id, relay),
    ).fetchone()
    return int(found[0]) if found else 0


def note_document_fetched(connection: Connection, intention_id: str, relay: str) -> None:
    connection.execute(
        "UPDATE relay_casts SET documents_fetched = documents_fetched + 1 "
        "WHERE intention_id = ? AND relay = ?",
        (intention_id, relay),
    )
