"""SQL for the transactional outbox (the ``outbox`` table of schema 3, slimmed in schema 6).

A row holds where a message goes and how its delivery stands. The body it sends lives in
``outbox_bodies``, stored once however many rows send it (a broadcast sends one body to every
vendor), and the response kept for a delivered row lives in ``outbox_responses``: claiming and
finishing a thousand rows then rewrites a few dozen small pages, not every body again.

**Order.** Rows that share a non-empty ``ordering_key`` (a consent's id, for its disclosure,
updates and end notice) are sent one after the other, in the order they were queued (their ids):
a row is not due while an earlier row of its key is pending (a retry included), being sent, or a
dead letter. Rows with no key (a broadcast's) go out concurrently. The rule is in the SQL that
finds due rows, so it holds across restarts and across processes sharing the vault.

**Leases** (schema 9). A row being sent is ``delivering`` with a lease: ``lease_owner`` (the id of
the worker sending it) and ``lease_until`` (epoch seconds; the worker renews it while the request
is in flight). Only a row whose lease has run out, or whose owner asks, goes back to ``pending``
(:func:`resume`), and a worker records an outcome only for rows it still holds (:func:`held_by`):
two processes delivering the same vault never reset, resend or overtake each other's messages,
while a killed process's rows are taken up again once its lease runs out.

Times that drive scheduling (``next_attempt_at``) are epoch seconds from the worker's clock, so a
test can inject one; ``created`` and ``delivered_at`` are ISO 8601 UTC for people.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from wallet.errors import DatabaseError
from wallet.storage.connection import Connection

Status = Literal["pending", "delivering", "delivered", "failed", "disabled", "dead"]
FINAL_STATUSES: frozenset[str] = frozenset({"delivered", "failed", "disabled"})
# Not delivered and not given up on: cancelling a vendor or a subject closes these too, so a dead
# letter (``dead``: the wallet could not handle it; the person may retry it) is never sent to a
# vendor that was removed, or about an intention that was withdrawn.
_UNDELIVERED = "('pending', 'delivering', 'dead')"
# A row waits while an earlier row of its ordering key is in one of these states (a message that
# failed for good or was disabled holds nothing back: it will never be sent).
_HOLDS_BACK = _UNDELIVERED
# True for a row ``o`` that no earlier row of its ordering key holds back.
_NOT_HELD_BACK = (
    "(o.ordering_key = '' OR NOT EXISTS (SELECT 1 FROM outbox e "
    "WHERE e.ordering_key = o.ordering_key AND e.id < o.id "
    f"AND e.status IN {_HOLDS_BACK}))"
)

_SELECT = (
    "SELECT o.id, o.webhook_id, o.kind, o.subject, o.vendor_id, o.url, b.body, o.signing_kid, "
    "o.status, o.attempts, o.next_attempt_at, o.last_error, o.response_status, r.body, "
    "o.created, o.delivered_at, o.ordering_key FROM outbox o "
    "JOIN outbox_bodies b ON b.id = o.body_id "
    "LEFT JOIN outbox_responses r ON r.outbox_id = o.id"
)


@dataclass(frozen=True, slots=True)
class OutboxRow:
    """One message to deliver and where its delivery stands."""

    id: int
    webhook_id: str
    kind: str
    subject: str
    vendor_id: str
    url: str
    body: bytes
    signing_kid: str
    status: Status
    attempts: int
    next_attempt_at: float
    last_error: str
    response_status: int | None
    response_body: bytes | None
    created: datetime
    delivered_at: datetime | None
    ordering_key: str = ""


def _row(row: Sequence[Any]) -> OutboxRow:
    return OutboxRow(
        id=int(row[0]),
        webhook_id=row[1],
        kind=row[2],
        subject=row[3],
        vendor_id=row[4],
        url=row[5],
        body=bytes(row[6]),
        signing_kid=row[7],
        status=row[8],
        attempts=int(row[9]),
        next_attempt_at=float(row[10]),
        last_error=row[11],
        response_status=None if row[12] is None else int(row[12]),
        response_body=None if row[13] is None else bytes(row[13]),
        created=datetime.fromisoformat(row[14]),
        delivered_at=datetime.fromisoformat(row[15]) if row[15] else None,
        ordering_key=row[16],
    )


def body_id(connection: Connection, body: bytes) -> int:
    """The id of ``body`` in ``outbox_bodies``, stored there first if it is new."""
    digest = hashlib.sha256(body).hexdigest()
    found = connection.execute(
        "SELECT id, body FROM outbox_bodies WHERE sha256 = ?", (digest,)
    ).fetchone()
    if found is not None:
        if bytes(found[1]) != body:  # only a tampered database; never send the wrong body
            raise DatabaseError(
                "The vault's stored copy of a message to send does not match its hash: the "
                "database was altered. Nothing was queued."
            )
        return int(found[0])
    cursor = connection.execute(
        "INSERT INTO outbox_bodies (sha256, body) VALUES (?, ?)", (digest, body)
    )
    return int(cursor.lastrowid)


def insert(
    connection: Connection,
    *,
    webhook_id: str,
    kind: str,
    subject: str,
    vendor_id: str,
    url: str,
    body_id: int,
    signing_kid: str,
    next_attempt_at: float,
    ordering_key: str = "",
) -> int:
    """A pending row sending the stored body ``body_id`` (see :func:`body_id`), after every
    earlier row of ``ordering_key`` (if not empty)."""
    cursor = connection.execute(
        "INSERT INTO outbox (webhook_id, kind, subject, vendor_id, url, body_id, signing_kid, "
        "status, next_attempt_at, created, ordering_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
        (
            webhook_id,
            kind,
            subject,
            vendor_id,
            url,
            body_id,
            signing_kid,
            next_attempt_at,
            datetime.now(UTC).isoformat(),
            ordering_key,
        ),
    )
    return int(cursor.lastrowid)


def get(connection: Connection, item_id: int) -> OutboxRow | None:
    row = connection.execute(f"{_SELECT} WHERE o.id = ?", (item_id,)).fetchone()
    return _row(row) if row else None


def rows(connection: Connection, *, subject: str | None = None) -> list[OutboxRow]:
    if subject is None:
        found = connection.execute(f"{_SELECT} ORDER BY o.id")
    else:
        found = connection.execute(f"{_SELECT} WHERE o.subject = ? ORDER BY o.id", (subject,))
    return [_row(row) for row in found]


def due(connection: Connection, now: float, *, limit: int = 100) -> list[OutboxRow]:
    """Pending rows whose next attempt is due and that no earlier row of their ordering key
    holds back, oldest schedule first."""
    found = connection.execute(
        f"{_SELECT} WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND {_NOT_HELD_BACK} "
        "ORDER BY o.next_attempt_at, o.id LIMIT ?",
        (now, limit),
    )
    return [_row(row) for row in found]


def due_ids(connection: Connection, now: float, *, limit: int = 100) -> list[int]:
    """The ids :func:`due` would return, read from the index alone (no row is decoded)."""
    found = connection.execute(
        "SELECT o.id FROM outbox o WHERE o.status = 'pending' AND o.next_attempt_at <= ? "
        f"AND {_NOT_HELD_BACK} ORDER BY o.next_attempt_at, o.id LIMIT ?",
        (now, limit),
    )
    return [int(row[0]) for row in found]


def next_due_at(connection: Connection, *, leases: bool = False) -> float | None:
    """When the earliest pending row that nothing holds back becomes due (None when there is
    none: nothing is pending, or every pending row waits behind an earlier one).

    With ``leases``, also when the earliest lease of a row being sent runs out (a worker waiting
    for another's rows wakes then to take them up if their owner is gone)."""
    value = connection.execute(
        "SELECT min(o.next_attempt_at) FROM outbox o "
        f"WHERE o.status = 'pending' AND {_NOT_HELD_BACK}"
    ).fetchone()[0]
    if leases:
        lease = connection.execute(
            "SELECT min(lease_until) FROM outbox WHERE status = 'delivering'"
        ).fetchone()[0]
        if lease is not None and (value is None or lease < value):
            value = lease
    return None if value is None else float(value)


def held_back(connection: Connection, ids: Sequence[int]) -> dict[int, tuple[int, str]]:
    """For each pending row of ``ids`` that an earlier row of its ordering key holds back: the
    earliest such row (the one the others wait for) and its status."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    found = connection.execute(
        "SELECT o.id, e.id, e.status FROM outbox o JOIN outbox e "
        "ON e.ordering_key = o.ordering_key AND e.id < o.id "
        f"WHERE o.id IN ({marks}) AND o.status = 'pending' AND o.ordering_key != '' "
        f"AND e.status IN {_HOLDS_BACK} ORDER BY e.id DESC",
        tuple(ids),
    )
    return {int(row[0]): (int(row[1]), str(row[2])) for row in found}  # the earliest wins


def blocked_ids(connection: Connection, *, limit: int) -> list[int]:
    """Pending rows held back by a dead letter queued before them with the same ordering key,
    newest first: they wait until the person retries or discards it."""
    found = connection.execute(
        "SELECT o.id FROM outbox o WHERE o.status = 'pending' AND o.ordering_key != '' "
        "AND EXISTS (SELECT 1 FROM outbox e WHERE e.ordering_key = o.ordering_key "
        "AND e.id < o.id AND e.status = 'dead') ORDER BY o.id DESC LIMIT ?",
        (limit,),
    )
    return [int(row[0]) for row in found]


def pending_count(connection: Connection) -> int:
    """How many messages wait for a later attempt (counted on the index, no body read): pending
    ones, and those a run stopped at its time limit left ``delivering`` (the next run resumes
    them)."""
    return int(
        connection.execute(
            "SELECT count(*) FROM outbox WHERE status IN ('pending', 'delivering')"
        ).fetchone()[0]
    )


def mark_delivering(
    connection: Connection, ids: Sequence[int], *, owner: str = "", until: float = 0.0
) -> None:
    """Rows ``ids`` are being sent by worker ``owner``, which holds them until ``until``."""
    connection.executemany(
        "UPDATE outbox SET status = 'delivering', lease_owner = ?, lease_until = ? "
        "WHERE id = ? AND status = 'pending'",
        [(owner, until, item_id) for item_id in ids],
    )


def held_by(connection: Connection, ids: Sequence[int], owner: str) -> set[int]:
    """Those of ``ids`` that worker ``owner`` is still sending (its lease was not taken over)."""
    if not ids:
        return set()
    marks = ", ".join("?" for _ in ids)
    found = connection.execute(
        f"SELECT id FROM outbox WHERE id IN ({marks}) AND status = 'delivering' "
        "AND lease_owner = ?",
        (*ids, owner),
    )
    return {int(row[0]) for row in found}


def renew_leases(connection: Connection, owner: str, until: float) -> int:
    """Worker ``owner`` still sends its rows: their lease runs until ``until``."""
    cursor = connection.execute(
        "UPDATE outbox SET lease_until = ? WHERE status = 'delivering' AND lease_owner = ?",
        (until, owner),
    )
    return int(cursor.rowcount)


def release_leases(connection: Connection, owner: str) -> int:
    """Worker ``owner`` stopped sending its rows (their requests were cancelled): they stay
    ``delivering``, but any worker may take them up at once."""
    cursor = connection.execute(
        "UPDATE outbox SET lease_owner = '', lease_until = 0 "
        "WHERE status = 'delivering' AND lease_owner = ?",
        (owner,),
    )
    return int(cursor.rowcount)


def finish_many(
    connection: Connection,
    outcomes: Sequence[tuple[int, Status, int, float, str, int | None, bytes | None]],
) -> None:
    """Record attempts in one ``executemany``: (id, status, attempts, next_attempt_at,
    last_error, response_status, response_body) each.

    A response body is kept only with a final status (a delivered row), so it is written once.
    """
    now = datetime.now(UTC).isoformat()
    connection.executemany(
        "UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, "
        "response_status = ?, delivered_at = ? WHERE id = ?",
        [
            (
                status,
                attempts,
                next_at,
                error,
                response_status,
                now if status == "delivered" else None,
                item_id,
            )
            for item_id, status, attempts, next_at, error, response_status, _ in outcomes
        ],
    )
    kept = [
        (item_id, body)
        for item_id, status, _, _, _, _, body in outcomes
        if body is not None and status in FINAL_STATUSES
    ]
    if kept:
        connection.executemany(
            "INSERT OR REPLACE INTO outbox_responses (outbox_id, body) VALUES (?, ?)", kept
        )


def mark_dead(connection: Connection, item_id: int, reason: str) -> None:
    """Row ``item_id`` becomes a dead letter: not sent again until the person retries it."""
    connection.execute(
        "UPDATE outbox SET status = 'dead', last_error = ? WHERE id = ?", (reason, item_id)
    )


def discard_dead(connection: Connection, item_id: int, reason: str) -> bool:
    """Dead letter ``item_id`` is given up (``failed`` with ``reason``): never sent, and no
    longer holding back the messages queued after it. False if it is not a dead letter."""
    cursor = connection.execute(
        "UPDATE outbox SET status = 'failed', last_error = ? WHERE id = ? AND status = 'dead'",
        (reason, item_id),
    )
    return bool(cursor.rowcount)


def resume(connection: Connection, *, now: float | None = None, owner: str | None = None) -> int:
    """Rows left ``delivering`` go back to ``pending``; returns how many.

    Without ``now``, every such row (only for a vault no worker is delivering). With ``now``,
    the rows whose lease ran out by then (their worker died or gave them up), and those of
    ``owner`` if given (a worker taking up what an earlier run of its own left)."""
    values: tuple[float | str, ...] = ()
    if now is None:
        condition = ""
    elif owner is None:
        condition, values = " AND lease_until <= ?", (now,)
    else:
        condition, values = " AND (lease_until <= ? OR lease_owner = ?)", (now, owner)
    cursor = connection.execute(
        "UPDATE outbox SET status = 'pending', lease_owner = '', lease_until = 0 "
        f"WHERE status = 'delivering'{condition}",
        values,
    )
    return int(cursor.rowcount)


def any_abandoned(connection: Connection, now: float, owner: str) -> bool:
    """Whether :func:`resume_abandoned` would take any row up (a read: no write transaction)."""
    return (
        connection.execute(
            "SELECT 1 FROM outbox WHERE status = 'delivering' AND lease_until <= ? "
            "AND lease_owner != ? LIMIT 1",
            (now, owner),
        ).fetchone()
        is not None
    )


def resume_abandoned(connection: Connection, now: float, owner: str) -> int:
    """Rows of other workers whose lease ran out by ``now`` go back to ``pending`` (``owner``'s
    own rows are in flight with it); returns how many."""
    cursor = connection.execute(
        "UPDATE outbox SET status = 'pending', lease_owner = '', lease_until = 0 "
        "WHERE status = 'delivering' AND lease_until <= ? AND lease_owner != ?",
        (now, owner),
    )
    return int(cursor.rowcount)


def disable_for_vendor(connection: Connection, vendor_id: str, reason: str) -> int:
    """Undelivered rows of a vendor whose endpoint is gone become ``disabled``."""
    cursor = connection.execute(
        "UPDATE outbox SET status = 'disabled', last_error = ? "
        f"WHERE vendor_id = ? AND status IN {_UNDELIVERED}",
        (reason, vendor_id),
    )
    return int(cursor.rowcount)


def cancel_for_vendor(connection: Connection, vendor_id: str, reason: str) -> int:
    """Undelivered rows of a removed vendor become ``failed`` with ``reason``."""
    cursor = connection.execute(
        "UPDATE outbox SET status = 'failed', last_error = ? "
        f"WHERE vendor_id = ? AND status IN {_UNDELIVERED}",
        (reason, vendor_id),
    )
    return int(cursor.rowcount)


def disabled_vendor_ids(connection: Connection, vendor_ids: Sequence[str]) -> set[str]:
    """Those of ``vendor_ids`` that the directory marks disabled."""
    if not vendor_ids:
        return set()
    marks = ", ".join("?" for _ in vendor_ids)
    found = connection.execute(
        f"SELECT id FROM vendors WHERE status = 'disabled' AND id IN ({marks})", tuple(vendor_ids)
    )
    return {row[0] for row in found}


def disable_vendor_endpoint(
    connection: Connection, vendor_id: str, reason: str, now: datetime
) -> bool:
    """Mark the vendor whose endpoint answered 410 Gone disabled in the directory's table.

    The outbox reads the directory's table to learn which endpoints are disabled
    (:func:`disabled_vendor_ids`) and writes this one mark to it, rather than importing the
    vendors package, which builds on the outbox. False if there is no such vendor or it was
    disabled already.
    """
    cursor = connection.execute(
        "UPDATE vendors SET status = 'disabled', status_reason = ?, updated = ? "
        "WHERE id = ? AND status != 'disabled'",
        (reason, now.isoformat(), vendor_id),
    )
    return bool(cursor.rowcount)


def cancel_for_subject(
    connection: Connection, subject: str, kind: str, reason: str, *, in_flight: bool = True
) -> int:
    """Undelivered ``kind`` rows about ``subject`` (a withdrawn intention...) become ``failed``.

    With ``in_flight=False`` a row being sent is left to finish: it may reach the vendor anyway,
    and it keeps holding back the later rows of its ordering key until it does or fails.
    """
    statuses = _UNDELIVERED if in_flight else "('pending', 'dead')"
    cursor = connection.execute(
        "UPDATE outbox SET status = 'failed', last_error = ? "
        f"WHERE subject = ? AND kind = ? AND status IN {statuses}",
        (reason, subject, kind),
    )
    return int(cursor.rowcount)


def struggling_vendors(connection: Connection, *, min_attempts: int) -> list[tuple[str, int]]:
    """Vendors with messages that keep failing: still to deliver after at least
    ``min_attempts`` attempts, or set aside (dead); (vendor id, how many), most first."""
    rows = connection.execute(
        "SELECT vendor_id, count(*) FROM outbox WHERE (status IN ('pending', 'delivering') "
        "AND attempts >= ?) OR status = 'dead' "
        "GROUP BY vendor_id ORDER BY count(*) DESC, vendor_id",
        (min_attempts,),
    ).fetchall()
    return [(str(row[0]), int(row[1])) for row in rows]
