"""Two processes delivering one vault (issue 13, deliverable 6): leases on messages in flight.

The desktop app and ``vrm-wallet-cli outbox deliver`` may deliver the same vault at once. Here two
workers hold two connections to one SQLCipher file in ``tmp_path`` and send to the real vendor kit
on 127.0.0.1, which holds the first disclosure of a consent until the test releases it (see
:class:`tests.test_outbox_order.VendorLog`). A second worker's run neither resends nor overtakes
the first's message in flight; when the first worker stops for good (its lease runs out without
a renewal), the second takes the message up and sends it once, then the update after it; the
first worker's late answer does not overwrite the second's record. A hypothesis test drives
claims, answers, renewals, deaths and clock ticks of several workers against the real SQL.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE
from tests.intent_helpers import add_vendors, serve
from tests.properties import examples
from tests.test_outbox_order import (
    EMAIL,
    WAIT_SECONDS,
    VendorLog,
    _grant,
    _queue_update,
    _received,
    _rows,
)
from vendorkit.server import BackgroundVendors
from wallet.consents.records import KIND_DISCLOSURE, KIND_UPDATE
from wallet.delivery.cycle import deliver_pending_async
from wallet.outbox import DeliveryWorker, Outbox, OutboxMessage, enqueue
from wallet.outbox import store as outbox_store
from wallet.storage.connection import Connection, open_encrypted
from wallet.storage.migrations import migrate
from wallet.transport import Transport
from wallet.vault.facade import Vault

T = TypeVar("T")


@pytest.fixture
def log() -> VendorLog:
    return VendorLog()


@pytest.fixture
def kit(log: VendorLog) -> Iterator[BackgroundVendors]:
    server = serve(1)
    server.vendor_app.app.middlewares.append(log.middleware)
    with server:
        yield server


@pytest.fixture
def vendor_id(vault: Vault, kit: BackgroundVendors) -> str:
    vault.fields.set("email", EMAIL)
    [added] = add_vendors(vault, kit.metadata_urls)
    return added


@pytest.fixture
def second(vault: Vault, vault_dir: Path) -> Iterator[Vault]:
    """The same vault file opened a second time, as another process would."""
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as other:
        yield other


def _arrivals_of(log: VendorLog, webhook_id: str) -> int:
    return sum(1 for arrival in log.arrivals if arrival.webhook_id == webhook_id)


def test_a_second_process_neither_resends_nor_overtakes_a_message_in_flight(
    vault: Vault, second: Vault, vendor_id: str, log: VendorLog
) -> None:
    consent_id = _grant(vault, vendor_id)
    _queue_update(vault, consent_id)
    disclosure, update = _rows(vault, consent_id)
    log.special, log.first = consent_id, "hold"

    async def scenario() -> None:
        first = asyncio.create_task(deliver_pending_async(vault, deadline=WAIT_SECONDS))
        assert await asyncio.to_thread(log.held.wait, WAIT_SECONDS)
        async with Transport() as transport:
            other = DeliveryWorker(Outbox(second), transport, second.signing_key)
            summary = await other.run(deadline=time.time())  # nothing of its own is due
        assert (summary.resumed, summary.delivered, summary.pending) == (0, 0, 2)
        in_flight = Outbox(second).get(disclosure.id)
        assert in_flight is not None and in_flight.status == "delivering"
        assert _arrivals_of(log, disclosure.webhook_id) == 1
        assert _arrivals_of(log, update.webhook_id) == 0  # not sent past the one in flight
        log.release.set()
        report = await first
        assert report.summary.delivered == 2

    asyncio.run(scenario())
    assert _received(vault, log, consent_id) == [(KIND_DISCLOSURE, 200), (KIND_UPDATE, 200)]
    assert [_arrivals_of(log, row.webhook_id) for row in (disclosure, update)] == [1, 1]
    assert {row.status for row in _rows(second, consent_id)} == {"delivered"}


class Freezer:
    """A ``run_db`` for a worker that stops for good, as a killed process does: once
    ``frozen``, its database calls (renewing its lease, recording) wait until ``thawed``."""

    def __init__(self) -> None:
        self.frozen = False
        self.thawed = asyncio.Event()

    async def __call__(self, work: Callable[[], T]) -> T:
        if self.frozen:
            await asyncio.wait_for(self.thawed.wait(), WAIT_SECONDS)
        return work()


async def _until(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)


def test_a_stopped_workers_message_is_taken_up_once_after_its_lease_runs_out(
    vault: Vault, second: Vault, vendor_id: str, log: VendorLog
) -> None:
    consent_id = _grant(vault, vendor_id)
    _queue_update(vault, consent_id)
    disclosure, update = _rows(vault, consent_id)
    log.special, log.first = consent_id, "hold"
    freezer = Freezer()

    async def scenario() -> None:
        first = asyncio.create_task(
            deliver_pending_async(vault, deadline=WAIT_SECONDS, run_db=freezer, lease_seconds=0.6)
        )
        assert await asyncio.to_thread(log.held.wait, WAIT_SECONDS)
        freezer.frozen = True  # the first worker stops: no renewal, no answer recorded
        async with Transport() as transport:
            other = DeliveryWorker(Outbox(second), transport, second.signing_key)
            summary = await other.run(deadline=time.time() + WAIT_SECONDS)
        assert (summary.delivered, summary.pending) == (2, 0)
        assert _arrivals_of(log, disclosure.webhook_id) == 2  # the first's, and the resend
        assert _arrivals_of(log, update.webhook_id) == 1
        resent, sent_update = log.arrivals[1:]
        assert resent.webhook_id == disclosure.webhook_id
        assert sent_update.webhook_id == update.webhook_id
        assert sent_update.arrived >= resent.answered  # in order, after the resent disclosure
        log.release.set()
        await _until(lambda: log.arrivals[0].answered > 0, "the first worker's late answer")
        freezer.frozen = False
        freezer.thawed.set()
        late = await first
        assert late.summary.delivered == 0  # its answer was not its to record any more

    asyncio.run(scenario())
    recorded = {row.kind: (row.status, row.attempts) for row in _rows(vault, consent_id)}
    assert recorded == {KIND_DISCLOSURE: ("delivered", 1), KIND_UPDATE: ("delivered", 1)}


def test_a_run_that_reaches_its_time_limit_gives_its_leases_up(
    vault: Vault, second: Vault, vendor_id: str, log: VendorLog
) -> None:
    consent_id = _grant(vault, vendor_id)
    [disclosure] = _rows(vault, consent_id)
    log.special, log.first = consent_id, "hold"

    async def scenario() -> None:
        async with Transport() as transport:
            first = DeliveryWorker(Outbox(vault), transport, vault.signing_key)
            stopping = asyncio.create_task(first.run(time_limit=WAIT_SECONDS))
            assert await asyncio.to_thread(log.held.wait, WAIT_SECONDS)
            stopping.cancel()  # as the time limit does
            with pytest.raises(asyncio.CancelledError):
                await stopping
        left = Outbox(second).get(disclosure.id)
        assert left is not None and left.status == "delivering"
        log.release.set()
        report = await deliver_pending_async(second, deadline=WAIT_SECONDS)
        assert (report.summary.resumed, report.summary.delivered) == (1, 1)

    asyncio.run(scenario())


# ---------------------------------------------------------------- random interleavings

LEASE = 30.0
WORKERS = ("w1", "w2", "w3")
ANSWERS = ("delivered", "retry", "failed")
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("queue"), st.sampled_from(("", "consent-a", "consent-b"))),
        st.tuples(st.sampled_from(["claim", "renew", "die"]), st.sampled_from(WORKERS)),
        st.tuples(
            st.just("answer"),
            st.sampled_from(WORKERS),
            st.integers(0, 20),
            st.sampled_from(ANSWERS),
        ),
        st.tuples(st.just("tick"), st.sampled_from((1.0, 10.0, 40.0))),
    ),
    min_size=4,
    max_size=60,
)


@dataclass
class Worker:
    """One delivering process: its lease id, and the rows it is sending (as far as it knows)."""

    owner: str
    alive: bool = True
    sending: list[int] = field(default_factory=list)


@dataclass
class Leases:
    """Several workers claiming, answering and renewing through the real SQL, as
    :class:`~wallet.outbox.ledger.Outbox` does, on one database."""

    connection: Connection
    now: float = field(default_factory=lambda: time.time() + 3600)
    workers: dict[str, Worker] = field(default_factory=dict)
    keys: dict[int, str] = field(default_factory=dict)
    sends: list[tuple[int, str]] = field(default_factory=list)

    def worker(self, name: str) -> Worker:
        """``name``'s worker; a dead one is followed by a new process with a new lease id."""
        current = self.workers.get(name)
        if current is None or not current.alive:
            current = self.workers[name] = Worker(f"{name}-{len(self.sends)}-{self.now}")
            outbox_store.resume(self.connection, now=self.now, owner=current.owner)  # run()
        return current

    def step(self, step: tuple[Any, ...]) -> None:
        getattr(self, "do_" + step[0])(*step[1:])

    def do_queue(self, key: str) -> None:
        message = OutboxMessage(
            kind="consent.update",
            vendor_id="vendor",
            url="http://127.0.0.1:9/inbox",
            body=f"message {len(self.keys)}".encode(),
            signing_kid="kid",
            subject=key or "broadcast",
            ordering_key=key,
        )
        [item_id] = enqueue(self.connection, [message], now=self.now)
        self.keys[item_id] = key

    def do_claim(self, name: str) -> None:
        worker = self.worker(name)
        before = self._leases()
        outbox_store.resume_abandoned(self.connection, self.now, worker.owner)
        claimed = [row.id for row in outbox_store.due(self.connection, self.now, limit=100)]
        outbox_store.mark_delivering(
            self.connection, claimed, owner=worker.owner, until=self.now + LEASE
        )
        for item_id in claimed:  # only a row nobody holds a running lease on is sent again
            holder, until = before.get(item_id, ("", 0.0))
            assert not holder or until <= self.now, "a leased row was taken over"
            self._assert_earlier_of_its_key_are_over(item_id)
            worker.sending.append(item_id)
            self.sends.append((item_id, worker.owner))

    def do_renew(self, name: str) -> None:
        worker = self.workers.get(name)
        if worker is not None and worker.alive:
            outbox_store.renew_leases(self.connection, worker.owner, self.now + LEASE)

    def do_die(self, name: str) -> None:
        if name in self.workers:
            self.workers[name].alive = False

    def do_answer(self, name: str, index: int, answer: str) -> None:
        worker = self.workers.get(name)
        if worker is None or not worker.alive or not worker.sending:
            return
        item_id = worker.sending.pop(index % len(worker.sending))
        before = outbox_store.get(self.connection, item_id)
        assert before is not None
        if item_id not in outbox_store.held_by(self.connection, [item_id], worker.owner):
            assert (before.status, self._leases().get(item_id, ("",))[0]) != (
                "delivering",
                worker.owner,
            )
            return  # another worker took it over: its outcome is not this one's to write
        status = "pending" if answer == "retry" else answer
        outbox_store.finish_many(
            self.connection,
            [(item_id, status, before.attempts + 1, self.now, answer, None, None)],  # type: ignore[list-item]
        )

    def do_tick(self, seconds: float) -> None:
        self.now += seconds

    def _leases(self) -> dict[int, tuple[str, float]]:
        found = self.connection.execute(
            "SELECT id, lease_owner, lease_until FROM outbox WHERE status = 'delivering'"
        )
        return {int(row[0]): (str(row[1]), float(row[2])) for row in found}

    def _assert_earlier_of_its_key_are_over(self, item_id: int) -> None:
        key = self.keys[item_id]
        if not key:
            return
        statuses = {row.id: row.status for row in outbox_store.rows(self.connection)}
        earlier = [i for i, k in self.keys.items() if k == key and i < item_id]
        assert all(statuses[i] in ("delivered", "failed") for i in earlier)


@settings(max_examples=examples(200), deadline=None)
@given(steps=STEPS)
def test_random_interleavings_of_workers_never_take_over_a_running_lease(
    steps: list[tuple[Any, ...]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        connection = open_encrypted(Path(folder) / "outbox.db", b"k" * 32)
        try:
            migrate(connection)
            run = Leases(connection)
            for step in [*steps, ("tick", LEASE + 1), ("claim", "w1")]:
                run.step(step)
            # liveness: once every lease ran out, whatever is due and not held back was claimed
            assert outbox_store.due_ids(connection, run.now) == []
        finally:
            connection.close()
