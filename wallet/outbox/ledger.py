"""The database side of delivery: claiming due rows and recording what each attempt led to.

:class:`Outbox` is bound to one vault and runs on the vault's thread (the worker calls it through
its ``run_db``). Claiming and recording are one transaction per batch, the fast path. A batch that
cannot be claimed or recorded because of ONE row (a stored row that no longer reads back, an
outcome whose recording raises) must not stop every later cycle, so only then the batch is taken
apart: each row is handled alone, and the row that still fails becomes a *dead letter* (status
``dead``, a short reason naming no remote text) that the person can see and retry
(:mod:`wallet.outbox.dead_letters`). A failure that is not one row's (the vault locked, the disk
full) fails the lone rows too and is raised as it was.

A worker claims rows under a lease (its ``owner`` id and a time the lease runs until; see
:mod:`wallet.outbox.store`) and records outcomes only for the rows it still holds: an outcome of a
row another worker took over (its lease ran out) is not written over that worker's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.errors import VaultLocked
from wallet.outbox import store
from wallet.outbox.store import OutboxRow, Status
from wallet.storage.connection import Connection
from wallet.transport import HttpResult
from wallet.vault.facade import Vault

MAX_ERROR_CHARS = 200


@dataclass(frozen=True, slots=True)
class DeliveryOutcome:
    """What one attempt led to (``status`` is the row's new status)."""

    item_id: int
    webhook_id: str
    vendor_id: str
    kind: str
    subject: str
    status: Status
    attempts: int
    next_attempt_at: float
    error: str = ""
    response_status: int | None = None
    response_body: bytes | None = None


def outcome_of(
    row: OutboxRow,
    status: Status,
    attempts: int,
    next_attempt_at: float,
    error: str = "",
    result: HttpResult | None = None,
    keep_body: bool = False,
) -> DeliveryOutcome:
    """The outcome of an attempt at ``row`` (``error`` cut to :data:`MAX_ERROR_CHARS`)."""
    return DeliveryOutcome(
        item_id=row.id,
        webhook_id=row.webhook_id,
        vendor_id=row.vendor_id,
        kind=row.kind,
        subject=row.subject,
        status=status,
        attempts=attempts,
        next_attempt_at=next_attempt_at,
        error=error[:MAX_ERROR_CHARS],
        response_status=(result.status or None) if result else None,
        response_body=result.body if (result and keep_body) else None,
    )


def dead_reason(stage: str, error: BaseException) -> str:
    """A dead letter's reason: what the wallet was doing and the kind of error, never its text
    (which may quote what a vendor sent)."""
    return f"the wallet could not {stage} this message ({type(error).__name__}); you can retry it"


class Outbox:
    """The database side of delivery, bound to one vault: call only on the vault's thread."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def rows(self, *, subject: str | None = None) -> list[OutboxRow]:
        return store.rows(self._vault.reader, subject=subject)

    def get(self, item_id: int) -> OutboxRow | None:
        return store.get(self._vault.reader, item_id)

    def next_due_at(self) -> float | None:
        return store.next_due_at(self._vault.reader)

    def pending_count(self) -> int:
        return store.pending_count(self._vault.reader)

    def next_wake_at(self) -> float | None:
        """When a waiting worker has something to do: a pending row falls due, or the lease of
        a row being sent runs out (see :func:`wallet.outbox.store.next_due_at`)."""
        return store.next_due_at(self._vault.reader, leases=True)

    def resume(self, *, now: float | None = None, owner: str | None = None) -> int:
        """Rows a stopped run left ``delivering`` are pending again; returns how many.

        With ``now``, only those whose lease ran out, and ``owner``'s own (see
        :func:`wallet.outbox.store.resume`); without, all of them."""
        with self._vault.write() as connection:
            resumed = store.resume(connection, now=now, owner=owner)
            if resumed:
                self._vault.note_changed(Part.OUTBOX)
            return resumed

    def take_up_abandoned(self, now: float, owner: str) -> int:
        """Rows of other workers whose lease ran out by ``now`` (their worker is gone) are
        pending again, for ``owner`` to claim; returns how many."""
        if not store.any_abandoned(self._vault.reader, now, owner):
            return 0  # the usual case: no write transaction for nothing
        with self._vault.write() as connection:
            taken = store.resume_abandoned(connection, now, owner)
            if taken:
                self._vault.note_changed(Part.OUTBOX)
            return taken

    def renew_leases(self, owner: str, until: float) -> int:
        """Worker ``owner`` still sends its rows: they stay its own until ``until``."""
        with self._vault.write() as connection:
            return store.renew_leases(connection, owner, until)

    def release_leases(self, owner: str) -> int:
        """Worker ``owner`` no longer sends its rows: any worker may take them up now."""
        with self._vault.write() as connection:
            return store.release_leases(connection, owner)

    # ------------------------------------------------------------------ claiming

    def claim(
        self, now: float, limit: int, *, owner: str = "", lease_until: float = 0.0
    ) -> tuple[list[OutboxRow], list[DeliveryOutcome]]:
        """Due rows, now ``delivering`` under ``owner``'s lease until ``lease_until``; rows of
        disabled vendors are closed as ``disabled``.

        A due row that cannot be read back becomes a dead letter, and the others are claimed.
        """
        try:
            return self._claim(now, limit, owner, lease_until)
        except VaultLocked:
            raise
        except Exception:
            if not self._bury_unreadable_due_rows(now, limit):
                raise  # not one row's fault
            return self._claim(now, limit, owner, lease_until)

    def _claim(
        self, now: float, limit: int, owner: str, lease_until: float
    ) -> tuple[list[OutboxRow], list[DeliveryOutcome]]:
        with self._vault.write() as connection:
            rows = store.due(connection, now, limit=limit)
            gone = store.disabled_vendor_ids(connection, sorted({row.vendor_id for row in rows}))
            skipped = [
                outcome_of(row, "disabled", row.attempts, now, "the vendor's endpoint is disabled")
                for row in rows
                if row.vendor_id in gone
            ]
            claimed = [row for row in rows if row.vendor_id not in gone]
            store.mark_delivering(
                connection, [row.id for row in claimed], owner=owner, until=lease_until
            )
            self._record(connection, skipped, now)
            if rows:
                self._vault.note_changed(Part.OUTBOX)
        return claimed, skipped

    def _bury_unreadable_due_rows(self, now: float, limit: int) -> int:
        """Dead-letter the due rows that do not read back; returns how many there were."""
        buried = 0
        for item_id in store.due_ids(self._vault.reader, now, limit=limit):
            try:
                store.get(self._vault.reader, item_id)
            except VaultLocked:
                raise
            except Exception as exc:
                self._bury(item_id, "", "", dead_reason("read", exc))
                buried += 1
        return buried

    # ------------------------------------------------------------------ recording

    def record(
        self, outcomes: Sequence[DeliveryOutcome], now: float, *, owner: str | None = None
    ) -> list[DeliveryOutcome]:
        """Store the outcomes of one batch in one transaction (with the activity log).

        With ``owner``, only outcomes of rows that worker still holds are stored. Returns those
        that were not stored as given: each one that could not be recorded, as the dead letter
        it became (only if recording it raised), and each of a row another worker took over,
        with status ``delivering`` (that worker's outcome will be recorded instead).
        """
        lost: list[DeliveryOutcome] = []
        try:
            with self._vault.write() as connection:
                kept = outcomes
                if owner is not None:
                    held = store.held_by(connection, [o.item_id for o in outcomes], owner)
                    kept = [outcome for outcome in outcomes if outcome.item_id in held]
                    lost = [
                        replace(o, status="delivering") for o in outcomes if o.item_id not in held
                    ]
                self._record(connection, kept, now)
        except VaultLocked:
            raise
        except Exception as exc:
            if len(outcomes) == 1:
                return [self._bury_outcome(outcomes[0], exc)]
            return [
                replaced
                for outcome in outcomes
                for replaced in self.record([outcome], now, owner=owner)
            ]
        return lost

    def _bury_outcome(self, outcome: DeliveryOutcome, error: BaseException) -> DeliveryOutcome:
        reason = dead_reason("record the answer to", error)
        self._bury(outcome.item_id, outcome.vendor_id, outcome.kind, reason)
        return replace(
            outcome, status="dead", error=reason, response_status=None, response_body=None
        )

    def _bury(self, item_id: int, vendor_id: str, kind: str, reason: str) -> None:
        """Make row ``item_id`` a dead letter with ``reason``, in its own transaction."""
        with self._vault.write() as connection:
            store.mark_dead(connection, item_id, reason)
            self._vault.record(connection, failure_event("dead", vendor_id, kind, reason))
            self._vault.note_changed(Part.OUTBOX)

    def _record(
        self, connection: Connection, outcomes: Sequence[DeliveryOutcome], now: float
    ) -> None:
        moment = datetime.fromtimestamp(now, UTC)
        if outcomes:
            self._vault.note_changed(Part.OUTBOX)
        store.finish_many(
            connection,
            [
                (
                    outcome.item_id,
                    outcome.status,
                    outcome.attempts,
                    outcome.next_attempt_at,
                    outcome.error,
                    outcome.response_status,
                    outcome.response_body,
                )
                for outcome in outcomes
            ],
        )
        delivered: Counter[str] = Counter()
        delivered_to: set[str] = set()
        for outcome in outcomes:
            if outcome.status == "pending":
                continue
            if outcome.status == "delivered":
                delivered[outcome.kind] += 1
                delivered_to.add(outcome.vendor_id)
                continue
            if outcome.status == "disabled" and outcome.response_status == 410:
                self._disable_vendor(connection, outcome, moment)
            # failures stay one entry per row: each names its vendor and reason
            self._vault.record(
                connection,
                failure_event(outcome.status, outcome.vendor_id, outcome.kind, outcome.error),
            )
        if delivered:
            # one entry per cycle for the deliveries: counts per kind, never a body
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.DELIVERY_BATCH,
                    party=(
                        next(iter(delivered_to))
                        if len(delivered_to) == 1
                        else f"{len(delivered_to)} vendors"
                    ),
                    field_names=tuple(sorted(delivered)),
                    reason=", ".join(
                        f"{kind}: {count} delivered" for kind, count in sorted(delivered.items())
                    ),
                ),
            )

    def _disable_vendor(
        self, connection: Connection, outcome: DeliveryOutcome, moment: datetime
    ) -> None:
        store.disable_for_vendor(connection, outcome.vendor_id, outcome.error)
        if store.disable_vendor_endpoint(connection, outcome.vendor_id, outcome.error, moment):
            self._vault.note_changed(Part.VENDORS)
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.VENDOR_DISABLED,
                    result=activity.NOT_COMPLETED,
                    party=outcome.vendor_id,
                    reason="the vendor answered 410 Gone",
                ),
            )


def failure_event(status: Status, vendor_id: str, kind: str, error: str) -> ActivityEvent:
    """The log entry of a row that was not delivered (dead letters log as failed deliveries)."""
    return ActivityEvent(
        activity.DELIVERY_DISABLED if status == "disabled" else activity.DELIVERY_FAILED,
        result=activity.NOT_COMPLETED,
        party=vendor_id or activity.SELF_PARTY,
        field_names=(kind,) if kind else (),
        reason=f"{kind}: {error}" if kind and error else (kind or error),
    )
