"""SQL for loyalty memberships, proposals and recorded purchases (tables of schema 2)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from wallet.loyalty.models import (
    Membership,
    MembershipDraft,
    Points,
    Proposal,
    ProposalStatus,
    Purchase,
)
from wallet.storage.connection import Connection
from wallet.wire.loyalty import ProposalTerms

_MEMBERSHIP_COLUMNS = (
    "id, program, vendor, member_number, tier, points_balance, expiry, notes, barcode_type, "
    "barcode_value, created, updated"
)


def _points_text(points: Points | None) -> str | None:
    return None if points is None else str(points)


def _points_value(text: str | None) -> Points | None:
    if text is None:
        return None
    number = Decimal(text)
    return int(number) if number == number.to_integral_value() else number


def _membership(row: Sequence[Any]) -> Membership:
    return Membership(
        id=int(row[0]),
        program=row[1],
        vendor=row[2],
        member_number=row[3],
        tier=row[4],
        points_balance=_points_value(row[5]),
        expiry=date.fromisoformat(row[6]) if row[6] else None,
        notes=row[7],
        barcode_type=row[8],
        barcode_value=row[9],
        created=datetime.fromisoformat(row[10]),
        updated=datetime.fromisoformat(row[11]),
    )


def _membership_values(draft: MembershipDraft) -> tuple[Any, ...]:
    return (
        draft.key,
        draft.program,
        draft.vendor,
        draft.member_number,
        draft.tier,
        _points_text(draft.points_balance),
        draft.expiry.isoformat() if draft.expiry else None,
        draft.notes,
        draft.barcode_type,
        draft.barcode_value,
    )


def insert_membership(connection: Connection, draft: MembershipDraft, now: datetime) -> int:
    cursor = connection.execute(
        "INSERT INTO loyalty_memberships (dedupe_key, program, vendor, member_number, tier, "
        "points_balance, expiry, notes, barcode_type, barcode_value, created, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*_membership_values(draft), now.isoformat(), now.isoformat()),
    )
    return int(cursor.lastrowid)


def update_membership(
    connection: Connection, membership_id: int, draft: MembershipDraft, now: datetime
) -> None:
    connection.execute(
        "UPDATE loyalty_memberships SET dedupe_key = ?, program = ?, vendor = ?, "
        "member_number = ?, tier = ?, points_balance = ?, expiry = ?, notes = ?, "
        "barcode_type = ?, barcode_value = ?, updated = ? WHERE id = ?",
        (*_membership_values(draft), now.isoformat(), membership_id),
    )


def delete_membership(connection: Connection, membership_id: int) -> bool:
    cursor = connection.execute("DELETE FROM loyalty_memberships WHERE id = ?", (membership_id,))
    return bool(cursor.rowcount)


def get_membership(connection: Connection, membership_id: int) -> Membership | None:
    row = connection.execute(
        f"SELECT {_MEMBERSHIP_COLUMNS} FROM loyalty_memberships WHERE id = ?", (membership_id,)
    ).fetchone()
    return None if row is None else _membership(row)


def membership_ids_by_key(connection: Connection) -> dict[str, int]:
    """Every stored membership's duplicate-detection key and id."""
    rows = connection.execute("SELECT dedupe_key, id FROM loyalty_memberships").fetchall()
    return {str(key): int(row_id) for key, row_id in rows}


def list_memberships(connection: Connection) -> list[Membership]:
    rows = connection.execute(
        f"SELECT {_MEMBERSHIP_COLUMNS} FROM loyalty_memberships "
        "ORDER BY program COLLATE NOCASE, vendor COLLATE NOCASE, id"
    ).fetchall()
    return [_membership(row) for row in rows]


# ------------------------------------------------------------------------------ proposals


def _proposal(row: Sequence[Any]) -> Proposal:
    return Proposal(
        id=int(row[0]),
        terms=ProposalTerms.model_validate_json(row[1]),
        status=row[2],
        created=datetime.fromisoformat(row[3]),
        updated=datetime.fromisoformat(row[4]),
    )


def _terms_json(terms: ProposalTerms) -> str:
    return json.dumps(terms.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def insert_proposal(
    connection: Connection, terms: ProposalTerms, status: ProposalStatus, now: datetime
) -> int:
    cursor = connection.execute(
        "INSERT INTO loyalty_proposals (terms, status, created, updated) VALUES (?, ?, ?, ?)",
        (_terms_json(terms), status, now.isoformat(), now.isoformat()),
    )
    return int(cursor.lastrowid)


def update_proposal(
    connection: Connection,
    proposal_id: int,
    terms: ProposalTerms,
    status: ProposalStatus,
    now: datetime,
) -> None:
    connection.execute(
        "UPDATE loyalty_proposals SET terms = ?, status = ?, updated = ? WHERE id = ?",
        (_terms_json(terms), status, now.isoformat(), proposal_id),
    )


def delete_proposal(connection: Connection, proposal_id: int) -> bool:
    cursor = connection.execute("DELETE FROM loyalty_proposals WHERE id = ?", (proposal_id,))
    return bool(cursor.rowcount)


def get_proposal(connection: Connection, proposal_id: int) -> Proposal | None:
    row = connection.execute(
        "SELECT id, terms, status, created, updated FROM loyalty_proposals WHERE id = ?",
        (proposal_id,),
    ).fetchone()
    return None if row is None else _proposal(row)


def list_proposals(connection: Connection) -> list[Proposal]:
    rows = connection.execute(
        "SELECT id, terms, status, created, updated FROM loyalty_proposals ORDER BY id"
    ).fetchall()
    return [_proposal(row) for row in rows]


def insert_purchase(
    connection: Connection,
    proposal_id: int,
    *,
    vendor: str,
    day: date,
    amount: Decimal,
    now: datetime,
) -> int:
    cursor = connection.execute(
        "INSERT INTO loyalty_purchases (proposal_id, vendor, date, amount, recorded) "
        "VALUES (?, ?, ?, ?, ?)",
        (proposal_id, vendor, day.isoformat(), str(amount), now.isoformat()),
    )
    return int(cursor.lastrowid)


def purchases(
    connection: Connection, proposal_id: int, *, start: date | None = None, end: date | None = None
) -> list[Purchase]:
    """A proposal's purchases, oldest first, optionally only those dated ``start``..``end``."""
    rows = connection.execute(
        "SELECT id, proposal_id, vendor, date, amount, recorded FROM loyalty_purchases "
        "WHERE proposal_id = ? AND date >= ? AND date <= ? ORDER BY date, id",
        (
            proposal_id,
            start.isoformat() if start else "0000-01-01",
            end.isoformat() if end else "9999-12-31",
        ),
    ).fetchall()
    return [
        Purchase(
            id=int(row[0]),
            proposal_id=int(row[1]),
            vendor=row[2],
            date=date.fromisoformat(row[3]),
            amount=Decimal(row[4]),
            recorded=datetime.fromisoformat(row[5]),
        )
        for row in rows
    ]
