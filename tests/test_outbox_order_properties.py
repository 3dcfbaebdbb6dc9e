"""Random interleavings of queueing, claiming, answers, retries, dead letters, discards and
restarts against the outbox's real SQL: a message is claimed only when every message queued
before it with the same ordering key was delivered or given up, and then it is (liveness); rows
with no key, or of other keys, are never held back by it."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.properties import examples
from wallet.outbox import OutboxMessage, enqueue
from wallet.outbox import store as outbox_store
from wallet.outbox.dead_letters import DISCARDED_REASON, _retry
from wallet.storage.connection import Connection, open_encrypted
from wallet.storage.migrations import migrate

KEYS = ("", "consent-a", "consent-b")
HOLDS_BACK = frozenset({"pending", "delivering", "dead"})
ANSWERS = ("delivered", "retry now", "retry later", "failed", "dead")

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("queue"), st.sampled_from(KEYS)),
        st.tuples(st.just("claim")),
        st.tuples(st.just("answer"), st.integers(0, 50), st.sampled_from(ANSWERS)),
        st.tuples(st.sampled_from(["tick", "restart"])),
        st.tuples(st.sampled_from(["retry dead", "discard dead"]), st.integers(0, 50)),
    ),
    min_size=4,
    max_size=80,
)


@dataclass
class ModelRow:
    key: str
    status: str = "pending"
    due_at: float = 0.0


class Interleaving:
    """The real outbox SQL on a fresh database, and a plain model of what it should do."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.now = time.time() + 3600  # after the real clock, which a retried dead letter gets
        self.rows: dict[int, ModelRow] = {}
        self.sent: list[int] = []

    def may_go(self, item_id: int) -> bool:
        row = self.rows[item_id]
        if row.status != "pending" or row.due_at > self.now:
            return False
        return not row.key or not any(
            other.key == row.key and other.status in HOLDS_BACK
            for other_id, other in self.rows.items()
            if other_id < item_id
        )

    def step(self, step: tuple[Any, ...]) -> None:
        getattr(self, "do_" + step[0].replace(" ", "_"))(*step[1:])

    def do_queue(self, key: str) -> None:
        message = OutboxMessage(
            kind="consent.update" if key else "intention",
            vendor_id="vendor",
            url="http://127.0.0.1:9/inbox",
            body=f"message {len(self.rows)}".encode(),
            signing_kid="kid",
            subject=key or "broadcast",
            ordering_key=key,
        )
        [item_id] = enqueue(self.connection, [message], now=self.now)
        self.rows[item_id] = ModelRow(key, due_at=self.now)

    def do_claim(self) -> None:
        claimed = [row.id for row in outbox_store.due(self.connection, self.now, limit=1000)]
        assert set(claimed) == {i for i in self.rows if self.may_go(i)}
        for item_id in claimed:  # everything before it with its key is over
            key = self.rows[item_id].key
            assert all(
                other.status in ("delivered", "failed")
                for other_id, other in self.rows.items()
                if key and other.key == key and other_id < item_id
            )
        outbox_store.mark_delivering(self.connection, claimed)
        for item_id in claimed:
            self.rows[item_id].status = "delivering"
        self.sent.extend(claimed)

    def _pick(self, index: int, status: str) -> int | None:
        chosen = [i for i, row in sorted(self.rows.items()) if row.status == status]
        return chosen[index % len(chosen)] if chosen else None

    def do_answer(self, index: int, answer: str) -> None:
        item_id = self._pick(index, "delivering")
        if item_id is None:
            return
        row = self.rows[item_id]
        if answer == "dead":
            outbox_store.mark_dead(self.connection, item_id, "broken")
            row.status = "dead"
            return
        status = "pending" if answer.startswith("retry") else answer
        row.due_at = self.now + (5.0 if answer == "retry later" else 0.0)
        outbox_store.finish_many(
            self.connection,
            [(item_id, status, 1, row.due_at, answer, None, None)],  # type: ignore[list-item]
        )
        row.status = status

    def do_tick(self) -> None:
        self.now += 10.0

    def do_restart(self) -> None:
        outbox_store.resume(self.connection)  # a killed run's rows are pending again
        for row in self.rows.values():
            if row.status == "delivering":
                row.status = "pending"

    def do_retry_dead(self, index: int) -> None:
        item_id = self._pick(index, "dead")
        if item_id is not None:
            _retry(self.connection, [item_id], [], {})
            retried = outbox_store.get(self.connection, item_id)
            assert retried is not None and retried.next_attempt_at <= self.now  # due at once
            self.rows[item_id].status, self.rows[item_id].due_at = (
                "pending",
                retried.next_attempt_at,
            )

    def do_discard_dead(self, index: int) -> None:
        item_id = self._pick(index, "dead")
        if item_id is not None:
            assert outbox_store.discard_dead(self.connection, item_id, DISCARDED_REASON)
            self.rows[item_id].status = "failed"

    def check_database(self) -> None:
        stored = {row.id: row.status for row in outbox_store.rows(self.connection)}
        assert stored == {item_id: row.status for item_id, row in self.rows.items()}
        expected_next = min(
            (row.due_at for i, row in self.rows.items() if self._unblocked_pending(i)),
            default=None,
        )
        assert outbox_store.next_due_at(self.connection) == expected_next

    def _unblocked_pending(self, item_id: int) -> bool:
        saved, self.now = self.now, float("inf")
        try:
            return self.may_go(item_id)
        finally:
            self.now = saved


@settings(max_examples=examples(300))
@given(steps=STEPS)
def test_random_interleavings_keep_each_keys_order_and_never_stall_the_others(
    steps: list[tuple[Any, ...]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        connection = open_encrypted(Path(folder) / "outbox.db", b"k" * 32)
        try:
            migrate(connection)
            run = Interleaving(connection)
            for step in [*steps, ("tick",), ("claim",)]:
                run.step(step)
                run.check_database()
            for key in {row.key for row in run.rows.values() if row.key}:  # sent in queued order
                mine = [i for i in run.sent if run.rows[i].key == key]
                assert mine == sorted(mine)
        finally:
            connection.close()
