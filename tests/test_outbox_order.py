"""Messages about one consent reach the vendor in the order they were queued (issue 13).

The real vendor kit on 127.0.0.1 writes down when each POST arrived and when it was answered, and
answers the first disclosure of one consent slowly, with a 503, or not until the test says so:
the disclosure, its update and the revocation still arrive in that order, each after the one
before was answered, while another consent's messages go out at once. A dead letter holds back
the messages after it until it is retried or discarded, and the order survives a restart (it is
read from the database). No HTTP mocks, no sleeps: waits are on events, with timeouts.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.typedefs import Handler

from tests.conftest import PASSPHRASE
from tests.intent_helpers import add_vendors, serve
from vendorkit.server import BackgroundVendors
from wallet.consents import ConsentBook, GrantRequest
from wallet.consents.records import KIND_DISCLOSURE, KIND_REVOCATION, KIND_UPDATE
from wallet.crypto.signing import SigningKey
from wallet.delivery.cycle import deliver_pending, deliver_pending_async
from wallet.outbox import DeadLetters, DeliveryWorker, Outbox, OutboxRow
from wallet.outbox import store as outbox_store
from wallet.transport import Transport
from wallet.vault.facade import Vault
from wallet.webhooks import HEADER_ID

WAIT_SECONDS = 15.0  # the longest any event is waited for; a pass never comes near it
SLOW_SECONDS = 0.5  # how much longer a slow answer is kept back (see VendorLog)
EMAIL, NEW_EMAIL = "ada@example.org", "ada@new.example"


@dataclass
class Arrival:
    """One POST as the vendor saw it."""

    webhook_id: str
    consent_id: str
    arrived: float
    answered: float = 0.0
    status: int = 0


def _consent_of(body: bytes) -> str:
    """The consent a disclosure, update or notice is about (``consentReceiptID``)."""
    try:
        document = json.loads(body)
    except ValueError:
        return ""
    for value in document.values() if isinstance(document, dict) else ():
        if isinstance(value, dict) and isinstance(value.get("consentReceiptID"), str):
            return str(value["consentReceiptID"])
    return ""


@dataclass
class VendorLog:
    """A middleware for the kit: records every POST, and treats the first message of consent
    ``special`` as ``first`` says: ``503`` (answered 503, Retry-After 0), ``slow`` (answered
    once a message of another consent has arrived meanwhile) or ``hold`` (answered once the test
    sets ``release``).

    ``slow`` then keeps the answer back :data:`SLOW_SECONDS` more, or until another message of
    the same consent arrives: a wallet that sends in order never sends one meanwhile, so the
    wait only costs time; one that does not is caught (``same_arrived_while_held``).
    """

    special: str = ""
    first: str = ""
    arrivals: list[Arrival] = field(default_factory=list)
    held: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    other_arrived_while_held: bool = False
    same_arrived_while_held: bool = False
    _other: asyncio.Event | None = None
    _same: asyncio.Event | None = None

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.method != "POST":
            return await handler(request)
        consent_id = _consent_of(await request.read())
        arrival = Arrival(request.headers.get(HEADER_ID, ""), consent_id, time.monotonic())
        first = self.first and consent_id == self.special
        first = first and not any(a.consent_id == consent_id for a in self.arrivals)
        self.arrivals.append(arrival)
        if self._other is None or self._same is None:
            self._other, self._same = asyncio.Event(), asyncio.Event()  # on the vendor's loop
        (self._same if consent_id == self.special else self._other).set()
        if first and self.first == "503":
            arrival.status, arrival.answered = 503, time.monotonic()
            return web.Response(status=503, headers={"Retry-After": "0"})
        if first:
            self.held.set()
            self._same.clear()
            if self.first == "slow":
                await asyncio.wait_for(self._other.wait(), WAIT_SECONDS)
                self.other_arrived_while_held = True
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._same.wait(), SLOW_SECONDS)
                self.same_arrived_while_held = self._same.is_set()
            else:
                await asyncio.to_thread(self.release.wait, WAIT_SECONDS)
        response = await handler(request)
        arrival.status, arrival.answered = response.status, time.monotonic()
        return response


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


def _grant(vault: Vault, vendor_id: str) -> str:
    request = GrantRequest(vendor_id=vendor_id, field_keys=("email",), purposes=(2,), days=30)
    return ConsentBook(vault).grant(request).id


def _queue_update(vault: Vault, consent_id: str) -> None:
    vault.fields.set("email", NEW_EMAIL)
    [outcome] = ConsentBook(vault).propagate("email", [consent_id])
    assert outcome.queued


def _rows(vault: Vault, consent_id: str) -> list[OutboxRow]:
    return ConsentBook(vault).deliveries(consent_id)


def _received(vault: Vault, log: VendorLog, consent_id: str) -> list[tuple[str, int]]:
    """What the vendor got about ``consent_id``, in arrival order: (outbox kind, status)."""
    kinds = {row.webhook_id: row.kind for row in Outbox(vault).rows()}
    return [(kinds[a.webhook_id], a.status) for a in log.arrivals if a.consent_id == consent_id]


def _assert_each_after_the_last_answer(log: VendorLog, consent_id: str) -> None:
    """Every message about ``consent_id`` arrived after the one before it was answered."""
    mine = [a for a in log.arrivals if a.consent_id == consent_id]
    for before, after in itertools.pairwise(mine):
        assert before.answered and after.arrived >= before.answered


@pytest.mark.parametrize("first", ["slow", "503"])
def test_disclosure_update_and_revocation_arrive_in_order_while_other_consents_go_at_once(
    vault: Vault, vendor_id: str, log: VendorLog, first: str
) -> None:
    consent_id = _grant(vault, vendor_id)
    other_id = _grant(vault, vendor_id)  # same vendor, another consent: not held back
    _queue_update(vault, consent_id)
    log.special, log.first = consent_id, first
    deliver_pending(vault, deadline=WAIT_SECONDS)
    assert ConsentBook(vault).revoke(consent_id).queued
    deliver_pending(vault, deadline=WAIT_SECONDS)

    retried = [(KIND_DISCLOSURE, 503)] if first == "503" else []
    assert _received(vault, log, consent_id) == [
        *retried,
        (KIND_DISCLOSURE, 200),
        (KIND_UPDATE, 200),
        (KIND_REVOCATION, 200),
    ]
    _assert_each_after_the_last_answer(log, consent_id)
    assert _received(vault, log, other_id) == [(KIND_DISCLOSURE, 200)]
    if first == "slow":  # the other consent's disclosure went while this one's was unanswered
        assert log.other_arrived_while_held and not log.same_arrived_while_held
    assert {row.status for row in _rows(vault, consent_id)} == {"delivered"}


def test_a_notice_waits_for_the_disclosure_in_flight_even_for_a_second_worker(
    vault: Vault, vendor_id: str, log: VendorLog
) -> None:
    consent_id = _grant(vault, vendor_id)
    _queue_update(vault, consent_id)
    log.special, log.first = consent_id, "hold"

    async def scenario() -> int:
        first_run = asyncio.create_task(deliver_pending_async(vault, deadline=WAIT_SECONDS))
        assert await asyncio.to_thread(log.held.wait, WAIT_SECONDS)
        # Revoked while the disclosure is at the vendor: it may arrive, so the vendor is told.
        assert ConsentBook(vault).revoke(consent_id).queued
        async with Transport() as transport:  # another worker, as a second process would run
            second = DeliveryWorker(Outbox(vault), transport, vault.signing_key)
            claimed_meanwhile = len(await second.run_once())
        log.release.set()
        await first_run
        await deliver_pending_async(vault, deadline=WAIT_SECONDS)
        return claimed_meanwhile

    assert asyncio.run(scenario()) == 0
    assert _received(vault, log, consent_id) == [(KIND_DISCLOSURE, 200), (KIND_REVOCATION, 200)]
    _assert_each_after_the_last_answer(log, consent_id)
    statuses = {row.kind: (row.status, row.last_error) for row in _rows(vault, consent_id)}
    assert statuses[KIND_UPDATE] == ("failed", "the consent was revoked")  # never sent
    assert statuses[KIND_DISCLOSURE][0] == statuses[KIND_REVOCATION][0] == "delivered"


class _BrokenKey:
    """A signing key that fails in a way no vendor can cause: its message becomes a dead letter."""

    def sign_raw(self, data: bytes) -> bytes:
        raise RuntimeError("signing broke")


@pytest.mark.parametrize("choice", ["retry", "discard"])
def test_a_dead_letter_holds_back_the_later_messages_until_retried_or_discarded(
    vault: Vault, vendor_id: str, log: VendorLog, choice: str
) -> None:
    consent_id = _grant(vault, vendor_id)
    _queue_update(vault, consent_id)

    async def broken_run() -> None:
        def broken(kid: str) -> SigningKey:
            return _BrokenKey()  # type: ignore[return-value]

        async with Transport() as transport:
            worker = DeliveryWorker(Outbox(vault), transport, broken)
            started = time.monotonic()
            summary = await worker.run(deadline=time.time() + WAIT_SECONDS)
            # it returns at once: the update waits for the person, not for a retry time
            assert time.monotonic() - started < WAIT_SECONDS / 2
            assert (summary.dead, summary.pending) == (1, 1)

    asyncio.run(broken_run())
    disclosure, update = _rows(vault, consent_id)
    assert (disclosure.status, update.status, update.attempts) == ("dead", "pending", 0)
    assert log.arrivals == []
    letters = DeadLetters(vault)
    listed = {entry.id: entry for entry in letters.list(not_delivered=True)}
    assert listed[update.id].state == "blocked" and listed[update.id].waits_for == disclosure.id
    assert f"message {disclosure.id}" in listed[update.id].reason
    assert listed[disclosure.id].discardable and not listed[update.id].discardable
    assert deliver_pending(vault, deadline=WAIT_SECONDS).summary.pending == 1  # still blocked
    assert log.arrivals == []

    if choice == "retry":
        letters.retry([disclosure.id])
        deliver_pending(vault, deadline=WAIT_SECONDS)
        assert _received(vault, log, consent_id) == [(KIND_DISCLOSURE, 200), (KIND_UPDATE, 200)]
        _assert_each_after_the_last_answer(log, consent_id)
    else:  # given up: never sent; the update goes, and the vendor answers what it must
        assert letters.discard([disclosure.id]) == (disclosure.id,)
        deliver_pending(vault, deadline=WAIT_SECONDS)
        assert _received(vault, log, consent_id) == [(KIND_UPDATE, 404)]
        assert Outbox(vault).get(disclosure.id).status == "failed"  # type: ignore[union-attr]


def test_the_order_survives_a_restart_in_the_middle_of_a_delivery(
    vault: Vault, vault_dir: Path, kit: BackgroundVendors, log: VendorLog
) -> None:
    vault.fields.set("email", EMAIL)
    [vendor] = add_vendors(vault, kit.metadata_urls)
    consent_id = _grant(vault, vendor)
    _queue_update(vault, consent_id)
    disclosure, update = _rows(vault, consent_id)
    claimed, _ = Outbox(vault).claim(time.time(), 100)  # then the process dies mid-request
    assert [row.id for row in claimed] == [disclosure.id]
    vault.lock()

    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:
        assert update.id not in outbox_store.due_ids(reopened.reader, time.time() + 60)
        report = deliver_pending(reopened, deadline=WAIT_SECONDS)
        assert report.summary.resumed == 1
        assert _received(reopened, log, consent_id) == [
            (KIND_DISCLOSURE, 200),
            (KIND_UPDATE, 200),
        ]
        _assert_each_after_the_last_answer(log, consent_id)
