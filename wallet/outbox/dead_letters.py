"""Messages that could not be delivered, for the person to see, and dead letters to retry.

A *dead letter* is a message the wallet itself could not handle, moved aside so that it stops
nothing else:

* an outbox row with status ``dead``: something unexpected broke while sending, judging or
  recording it (:mod:`wallet.outbox.ledger`);
* a delivered message whose answer (offers, acknowledgements) could not be read: it is marked read,
  so later cycles do not stumble on it again, and noted in ``outbox_read_failures``.

Retrying a dead row queues it again as it was (same ``webhook-id``, so a vendor that did receive
it accepts it once); retrying an unread answer has it read again at the next delivery. Rows that
*failed* (the vendor refused, attempts ran out, the intention was withdrawn) or were *disabled*
(the vendor is gone) are listed too, with their reason, but not retried: sending the same bytes
again would not change the answer, or would reach a vendor the person removed.

Messages about one consent are sent in order (:mod:`wallet.outbox.store`), so a dead letter holds
back the messages queued after it with the same ordering key: they are listed as ``blocked``,
naming the message they wait for, and go once the person retries it (after it) or discards it
(then it is never sent, and they go without it). Nothing skips ahead silently.

Every reason here is the wallet's own short text: no remote text, no personal data.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from wallet.changes import Part
from wallet.errors import InvalidInput, NotFound
from wallet.outbox import store
from wallet.outbox.ledger import failure_event
from wallet.storage.connection import Connection
from wallet.vault.facade import Vault

Reader = Literal["offers", "acknowledgements"]
MAX_LISTED = 1000
MAX_READ_FAILURE_REASON = 200
# Where each reader marks an answer read: forgetting the mark has the answer read again.
_READ_MARKS: dict[str, str] = {
    "offers": "offers_ingested",
    "acknowledgements": "consent_acks_ingested",
}
_NOT_DELIVERED = "('failed', 'disabled', 'dead')"
_COLUMNS = "id, kind, vendor_id, subject, status, attempts, last_error, created"
DISCARDED_REASON = "discarded by you: it was never sent"


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One outbox message as the person sees it (never its body).

    ``state`` is the row's status, ``unreadable`` for a delivered message whose answer could
    not be read, or ``blocked`` for a pending message held back by an earlier dead letter
    (``waits_for``, also set while an earlier message of its ordering key is on its way);
    ``reason`` says why it is not (yet) delivered or read.
    """

    id: int
    kind: str
    vendor_id: str
    subject: str
    state: str
    attempts: int
    reason: str
    created: datetime
    waits_for: int | None = None

    @property
    def retryable(self) -> bool:
        return self.state in ("dead", "unreadable")

    @property
    def discardable(self) -> bool:
        return self.state == "dead"


@dataclass(frozen=True, slots=True)
class RetryResult:
    """What a retry did: rows queued again, and delivered messages whose answer is read again."""

    requeued: tuple[int, ...]
    reread: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.requeued) + len(self.reread)


def mark_unreadable(
    connection: Connection, outbox_id: int, reader: Reader, error: Exception
) -> str:
    """Inside the caller's transaction: the answer to ``outbox_id`` could not be read by
    ``reader``; note why (the kind of error only). Returns the reason noted."""
    reason = f"the wallet could not read the answer ({type(error).__name__}); you can retry it"
    connection.execute(
        f"INSERT OR IGNORE INTO {_READ_MARKS[reader]} (outbox_id) VALUES (?)", (outbox_id,)
    )
    connection.execute(
        "INSERT OR REPLACE INTO outbox_read_failures (outbox_id, reader, reason, at) "
        "VALUES (?, ?, ?, ?)",
        (outbox_id, reader, reason[:MAX_READ_FAILURE_REASON], datetime.now(UTC).isoformat()),
    )
    return reason


class DeadLetters:
    """The outbox as the person sees it, and retrying dead letters (on the vault's thread)."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def list(self, *, not_delivered: bool = False, limit: int = MAX_LISTED) -> list[OutboxEntry]:
        """Outbox messages newest first (at most ``limit``); with ``not_delivered``, only those
        that failed, were disabled or are dead letters (rows and unread answers)."""
        reader = self._vault.reader
        unread = _unreadable(reader, limit)
        if not_delivered:
            found = reader.execute(
                f"SELECT {_COLUMNS} FROM outbox WHERE status IN {_NOT_DELIVERED} "
                "ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
            found += [row for row in _rows_by_id(reader, sorted(unread)) if row[4] == "delivered"]
            found += _rows_by_id(reader, store.blocked_ids(reader, limit=limit))
        else:
            found = reader.execute(
                f"SELECT {_COLUMNS} FROM outbox ORDER BY id DESC LIMIT ?", (limit,)
            ).fetchall()
        waiting = store.held_back(reader, [int(row[0]) for row in found if row[4] == "pending"])
        entries = {
            int(row[0]): _entry(row, unread.get(int(row[0])), waiting.get(int(row[0])))
            for row in found
        }
        return sorted(entries.values(), key=lambda entry: entry.id, reverse=True)[:limit]

    def retry(self, ids: Sequence[int]) -> RetryResult:
        """Queue the dead letters ``ids`` again; refuses (changing nothing) if one is unknown or
        is not a dead letter."""
        with self._vault.write() as connection:
            unread = _unreadable(connection, None)
            for entry in _known_entries(connection, ids, unread):
                if not entry.retryable:
                    raise InvalidInput(
                        f"Message {entry.id} is {entry.state}, not a message the wallet could "
                        "not handle, so it is not retried: sending it again would not change the "
                        "outcome. Nothing was changed."
                    )
            dead = [item_id for item_id in ids if item_id not in unread]
            return self._retried(_retry(connection, dead, [i for i in ids if i in unread], unread))

    def retry_all(self) -> RetryResult:
        """Queue every dead letter again."""
        with self._vault.write() as connection:
            unread = _unreadable(connection, None)
            dead = [
                int(row[0])
                for row in connection.execute("SELECT id FROM outbox WHERE status = 'dead'")
            ]
            return self._retried(_retry(connection, dead, sorted(unread), unread))

    def discard(self, ids: Sequence[int]) -> tuple[int, ...]:
        """Give up the dead letters ``ids``: never sent, they stop holding back the messages
        queued after them. Refuses (changing nothing) if one is unknown or not a dead letter."""
        with self._vault.write() as connection:
            entries = _known_entries(connection, ids, {})
            for entry in entries:
                if not entry.discardable:
                    raise InvalidInput(
                        f"Message {entry.id} is {entry.state}, not a message the wallet could "
                        "not handle, so it cannot be discarded. Nothing was changed."
                    )
            discarded = []
            for entry in entries:
                if store.discard_dead(connection, entry.id, DISCARDED_REASON):
                    discarded.append(entry.id)
                    event = failure_event("failed", entry.vendor_id, entry.kind, DISCARDED_REASON)
                    self._vault.record(connection, event)
            if discarded:
                self._vault.note_changed(Part.OUTBOX)
            return tuple(discarded)

    def _retried(self, result: RetryResult) -> RetryResult:
        if result.count:
            self._vault.note_changed(Part.OUTBOX)
        return result


def _retry(
    connection: Connection,
    dead_ids: Sequence[int],
    unread_ids: Sequence[int],
    unread: dict[int, tuple[str, str]],
) -> RetryResult:
    """Dead rows pending again (due now, a fresh count of attempts); unread answers forgotten as
    read, so the next delivery reads them."""
    now = time.time()
    requeued = [
        item_id
        for item_id in dead_ids
        if connection.execute(
            "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, "
            "last_error = '' WHERE id = ? AND status = 'dead'",
            (now, item_id),
        ).rowcount
    ]
    for item_id in unread_ids:
        reader, _reason = unread[item_id]
        connection.execute("DELETE FROM outbox_read_failures WHERE outbox_id = ?", (item_id,))
        connection.execute(f"DELETE FROM {_READ_MARKS[reader]} WHERE outbox_id = ?", (item_id,))
    return RetryResult(tuple(requeued), tuple(unread_ids))


def _unreadable(connection: Connection, limit: int | None) -> dict[int, tuple[str, str]]:
    """Outbox ids whose answer could not be read: (reader, reason) each, newest first."""
    found = connection.execute(
        "SELECT outbox_id, reader, reason FROM outbox_read_failures ORDER BY outbox_id DESC "
        "LIMIT ?",
        (-1 if limit is None else limit,),
    )
    return {int(row[0]): (str(row[1]), str(row[2])) for row in found}


def _known_entries(
    connection: Connection, ids: Sequence[int], unread: dict[int, tuple[str, str]]
) -> list[OutboxEntry]:
    """The entries ``ids`` (each once, in that order); refuses an id that is not in the outbox."""
    rows = {int(row[0]): row for row in _rows_by_id(connection, ids)}
    for item_id in ids:
        if item_id not in rows:
            raise NotFound(
                f"There is no outbox message {item_id}.", cli_hint="`outbox list` shows them."
            )
    return [_entry(rows[item_id], unread.get(item_id)) for item_id in dict.fromkeys(ids)]


def _rows_by_id(connection: Connection, ids: Sequence[int]) -> list[Any]:
    return [
        row
        for item_id in ids
        for row in connection.execute(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (item_id,))
    ]


def _entry(
    row: Sequence[Any], unread: tuple[str, str] | None, waiting: tuple[int, str] | None = None
) -> OutboxEntry:
    state, reason = str(row[4]), str(row[6])
    if unread is not None and state == "delivered":
        state, reason = "unreadable", unread[1]
    if waiting is not None:
        earlier, earlier_status = waiting
        if earlier_status == "dead":
            state = "blocked"
            reason = (
                f"waits for message {earlier}, which the wallet could not handle: "
                "retry or discard that one and this one follows"
            )
        else:
            reason = f"waits for message {earlier}, queued before it, to be delivered first"
    return OutboxEntry(
        id=int(row[0]),
        kind=str(row[1]),
        vendor_id=str(row[2]),
        subject=str(row[3]),
        state=state,
        attempts=int(row[5]),
        reason=reason,
        created=datetime.fromisoformat(str(row[7])),
        waits_for=None if waiting is None else waiting[0],
    )
