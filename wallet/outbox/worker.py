"""The transactional outbox and its delivery worker.

**Enqueue inside the caller's transaction.** A feature writes its own rows (say, an intention) and
calls :func:`enqueue` with the same connection inside ``with vault.write() as connection:``, so
the intention and its outbox rows commit together or not at all. Each row holds the exact body
bytes, the id of the key that signs it and a ``webhook_id`` (a UUID, reused on every retry: the
receiver's idempotency key).

**The worker never touches the database itself.** The vault's connection belongs to one thread
(DESIGN §4), while deliveries are awaited on an asyncio loop that may run elsewhere. So
:class:`DeliveryWorker` does all database work through a :data:`DbRunner` given by the caller: an
async callable that runs a plain function *on the vault's thread* and returns its result. The
desktop app passes one that submits to its vault executor; the CLI and the tests use
:func:`inline_runner`, which runs the function right away on the loop's own thread (which then
must be the vault's thread). The ``sign(kid)`` callable that turns a key id into a
:class:`~wallet.crypto.signing.SigningKey` is also called through the runner, because keys live
in the vault. The network side goes through :class:`~wallet.transport.Transport` only.

**One cycle** (:meth:`DeliveryWorker.run_once`): in one database call, take a batch of due rows
(128 by default) and mark them ``delivering`` (rows of vendors the directory disabled become
``disabled`` without a request); sign the batch's Standard Webhooks headers on a worker thread
(signature over ``id.timestamp.body``, timestamp = the claim; a row that then waited more than
:data:`RESIGN_AFTER_SECONDS` is signed again when sent); POST each, concurrently up to the
transport's limit, claiming and signing the next batch while two batches are still to be sent;
record the outcomes a batch at a time, each
batch in one transaction:

* 2xx → ``delivered``, keeping the (capped) response body for the caller;
* 410 → ``disabled``, and the vendor is marked disabled in the directory;
* 408, 429, 5xx, timeouts and connection failures → ``pending`` again, the next attempt after
  ``Retry-After`` if the vendor sent one, else after exponential backoff with full jitter
  (``random() * min(cap, base * 2 ** (attempts - 1))``, base 1 s, cap 10 min), until
  ``max_attempts`` (8) attempts have been made → ``failed``;
* any other status, a URL that is not allowed, or a row that cannot be signed (its key is gone
  from the vault, or its id is not a valid webhook id) → ``failed`` at once, with the reason;
* anything unexpected while sending, judging or recording one row (a bug, or an answer no rule
  above foresaw) → ``dead``: a dead letter, kept with a short reason for the person to see and
  retry (:mod:`wallet.outbox.dead_letters`), while the cycle goes on with the other rows.

**Order.** Messages that share an ``ordering_key`` (the consent books use the consent's id) go
out one after the other, in the order they were queued: a message is not claimed while an earlier
one of its key is pending (waiting for a retry included), being sent, or a dead letter. A dead
letter thus holds the later ones back until the person retries it (they follow it) or discards it
(they go); one that failed for good or was disabled holds nothing back. The rule lives in the
query that finds due rows (:mod:`wallet.outbox.store`), so it holds across restarts and between
workers; messages of different keys, and those with no key, still go out concurrently.

**Leases.** Several processes may deliver the same vault at once (the desktop app and the CLI).
A worker claims rows under a lease: its own random ``lease_owner`` id and a ``lease_until`` time
(the transport's request timeout plus :data:`LEASE_MARGIN_SECONDS` from now, renewed every third
of that while requests are in flight). Another worker neither takes up a row whose lease runs,
nor sends the later rows of its key; and a worker records an outcome only for a row it still
holds. A row whose lease ran out (its process was killed) goes back to ``pending``, at the start
of :meth:`DeliveryWorker.run` and at each claim, and is sent again with the same ``webhook-id``,
so an idempotent receiver accepts each message exactly once; a waiting run wakes when a lease
runs out.

``last_error`` is a short status or failure kind; response bodies of failures are not kept, so
no vendor-supplied text or personal data ends up there.
Final outcomes are written to the activity log (vendor id and message kind, never the body):
the deliveries of one recorded batch as one ``delivery.batch`` entry with counts per kind, each
failed or disabled row as its own entry.

:meth:`DeliveryWorker.run` can be bounded in real time (``time_limit``, what ``--wait N`` means):
at the limit, requests still in flight are cancelled and their rows stay ``delivering``, with
their lease given up, for the next run (of any process), so nothing is lost. The database side
(claiming, recording, dead letters) is :class:`~wallet.outbox.ledger.Outbox`; retry timing and
``Retry-After`` are in :mod:`wallet.outbox.retry`.

Progress is reported per item through ``on_progress`` (called on the loop's thread) so a UI can
show live per-vendor status.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from wallet.crypto.signing import SigningKey
from wallet.errors import WalletError
from wallet.outbox import store
from wallet.outbox.ledger import DeliveryOutcome, Outbox, dead_reason, outcome_of
from wallet.outbox.retry import RetryPolicy, parse_retry_after
from wallet.outbox.store import OutboxRow
from wallet.storage.connection import Connection
from wallet.transport import TRANSIENT_FAILURES, HttpResult, Transport, check_url
from wallet.webhooks import webhook_headers

T = TypeVar("T")
DbRunner = Callable[[Callable[[], T]], Awaitable[T]]
Clock = Callable[[], float]
Random = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
ProgressStatus = Literal["delivering", "delivered", "retrying", "failed", "disabled", "dead"]
# A row's signing key: None when it is gone from the vault, the error when loading it broke.
Key = SigningKey | Exception | None
DEFAULT_BATCH = 128  # rows claimed, and outcomes recorded, per database call
RETRY_STATUSES = frozenset({408, 429})
# How much longer than one request a lease runs: room for the database work around it.
LEASE_MARGIN_SECONDS = 15.0
# A row is signed when claimed; if it then waited longer than this to be sent (a slow batch
# ahead of it), it is signed again, so its timestamp stays well within receivers' tolerance
# (Standard Webhooks: 5 minutes).
RESIGN_AFTER_SECONDS = 60.0
# The next batch is claimed (and signed) while this many batches are still to be sent, so
# claiming and signing it is done before the requests in flight run out.
AHEAD = 2
SIGN_OFF_LOOP_MIN = 16  # fewer rows are signed right away: a thread hop would cost more


async def inline_runner(work: Callable[[], T]) -> T:
    """A :data:`DbRunner` for code whose event loop runs on the vault's own thread."""
    return work()


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """A message to enqueue: ``body`` is sent byte for byte, signed by key ``signing_kid``."""

    kind: str
    vendor_id: str
    url: str
    body: bytes
    signing_kid: str
    subject: str = ""
    webhook_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    # Messages with the same non-empty key are delivered one after the other, in queued order.
    ordering_key: str = ""


def enqueue(
    connection: Connection, messages: Iterable[OutboxMessage], *, now: float | None = None
) -> list[int]:
    """Add messages inside the caller's write transaction; returns their outbox ids.

    URLs are checked here (HTTPS unless loopback), so a bad one rolls the caller's change back
    instead of failing later.
    """
    due_at = time.time() if now is None else now
    ids = []
    body_ids: dict[bytes, int] = {}  # a broadcast queues one body for every vendor
    for message in messages:
        check_url(message.url)
        body_id = body_ids.get(message.body)
        if body_id is None:
            body_id = body_ids[message.body] = store.body_id(connection, message.body)
        ids.append(
            store.insert(
                connection,
                webhook_id=message.webhook_id,
                kind=message.kind,
                subject=message.subject,
                vendor_id=message.vendor_id,
                url=message.url,
                body_id=body_id,
                signing_kid=message.signing_kid,
                next_attempt_at=due_at,
                ordering_key=message.ordering_key,
            )
        )
    return ids


def due(connection: Connection, now: float, *, limit: int = DEFAULT_BATCH) -> list[OutboxRow]:
    """Pending messages whose next attempt is due at ``now`` (epoch seconds)."""
    return store.due(connection, now, limit=limit)


@dataclass(frozen=True, slots=True)
class DeliveryProgress:
    """A live update for one message, for a per-vendor status view."""

    item_id: int
    vendor_id: str
    kind: str
    subject: str
    status: ProgressStatus
    attempts: int
    error: str = ""
    next_attempt_at: float | None = None


@dataclass(slots=True)
class RunSummary:
    """Counts of final outcomes in one :meth:`DeliveryWorker.run`, and what is still pending.

    ``dead`` counts dead letters: messages the wallet itself could not handle, kept for the
    person to retry (``vrm-wallet-cli outbox list --failed``).
    """

    delivered: int = 0
    failed: int = 0
    disabled: int = 0
    retried: int = 0
    resumed: int = 0
    pending: int = 0
    dead: int = 0

    def count(self, outcomes: Iterable[DeliveryOutcome]) -> None:
        """Add ``outcomes`` to the counts (a retry counts each time it is scheduled)."""
        for outcome in outcomes:
            if outcome.status == "pending":
                self.retried += 1
            elif outcome.status == "delivered":
                self.delivered += 1
            elif outcome.status == "failed":
                self.failed += 1
            elif outcome.status == "disabled":
                self.disabled += 1
            elif outcome.status == "dead":
                self.dead += 1


# Headers signed when their row was claimed: (the signing time, the headers).
_Signed = tuple[float, dict[str, str]]


def _signing(row: OutboxRow, now: float) -> dict[str, Any]:
    return {"message_id": row.webhook_id, "body": row.body, "timestamp": int(now)}


def _sign_batch(rows: list[OutboxRow], keys: dict[str, Key], now: float) -> dict[int, _Signed]:
    """The Standard Webhooks headers of every row whose key is at hand, signed at ``now``; a row
    that cannot be signed is left out (it is tried again, and fails, when it is sent)."""
    signed: dict[int, _Signed] = {}
    for row in rows:
        key = keys.get(row.signing_kid)
        if isinstance(key, SigningKey):
            try:
                signed[row.id] = (now, webhook_headers(key, **_signing(row, now)))
            except ValueError:  # an id that cannot be signed: its row fails when sent
                continue
    return signed


async def _signed_off_the_loop(
    rows: list[OutboxRow], keys: dict[str, Key], now: float
) -> dict[int, _Signed]:
    """:func:`_sign_batch` on a worker thread: signing (Ed25519 over each body) releases the
    GIL, so a batch is signed on another core while the loop keeps its requests moving. Keys
    are immutable and the rows plain values: nothing of the vault is touched there."""
    if len(rows) < SIGN_OFF_LOOP_MIN:
        return _sign_batch(rows, keys, now)
    return await asyncio.get_running_loop().run_in_executor(None, _sign_batch, rows, keys, now)


class _Unsendable(Exception):
    """A row that cannot be signed for sending; it fails with this reason."""


class DeliveryWorker:
    """Delivers due outbox rows; see the module docstring for the threading contract."""

    def __init__(
        self,
        outbox: Outbox,
        transport: Transport,
        sign: Callable[[str], SigningKey],
        *,
        run_db: DbRunner[object] = inline_runner,
        policy: RetryPolicy | None = None,
        clock: Clock = time.time,
        rand: Random = random.random,
        on_progress: Callable[[DeliveryProgress], None] | None = None,
        batch: int = DEFAULT_BATCH,
        lease_seconds: float | None = None,
    ) -> None:
        """``lease_seconds``: how long a claimed row stays this worker's without a renewal
        (default: the transport's request timeout plus :data:`LEASE_MARGIN_SECONDS`)."""
        if lease_seconds is not None and lease_seconds <= 0:
            raise ValueError("lease_seconds must be > 0")
        self._outbox = outbox
        self._transport = transport
        self._sign = sign
        self._run_db = run_db
        self.policy = policy or RetryPolicy()
        self._clock = clock
        self._rand = rand
        self._on_progress = on_progress
        self._batch = batch
        self.lease_owner = uuid.uuid4().hex  # who holds the rows this worker claims
        self._taken_up = 0  # rows of stopped workers this one took up after its run started
        self.lease_seconds = (
            transport.timeout + LEASE_MARGIN_SECONDS if lease_seconds is None else lease_seconds
        )

    async def _db(self, work: Callable[[], T]) -> T:
        return await self._run_db(work)  # type: ignore[return-value]

    def _emit(self, outcome: DeliveryOutcome) -> None:
        if self._on_progress is None:
            return
        status: ProgressStatus = "retrying" if outcome.status == "pending" else outcome.status
        self._on_progress(
            DeliveryProgress(
                item_id=outcome.item_id,
                vendor_id=outcome.vendor_id,
                kind=outcome.kind,
                subject=outcome.subject,
                status=status,
                attempts=outcome.attempts,
                error=outcome.error,
                next_attempt_at=outcome.next_attempt_at if outcome.status == "pending" else None,
            )
        )

    def _claim(self, now: float) -> tuple[list[OutboxRow], list[DeliveryOutcome], dict[str, Key]]:
        self._taken_up += self._outbox.take_up_abandoned(now, self.lease_owner)
        claimed, skipped = self._outbox.claim(
            now, self._batch, owner=self.lease_owner, lease_until=now + self.lease_seconds
        )
        keys: dict[str, Key] = {}
        for kid in {row.signing_kid for row in claimed}:
            try:
                keys[kid] = self._sign(kid)
            except WalletError:  # gone from the vault: its rows fail
                keys[kid] = None
            except Exception as exc:  # a fault of ours: its rows become dead letters
                keys[kid] = exc
        return claimed, skipped, keys

    def _dead(self, row: OutboxRow, error: Exception) -> DeliveryOutcome:
        """``row`` as a dead letter: something unexpected broke while sending or judging it."""
        outcome = outcome_of(
            row, "dead", row.attempts + 1, self._clock(), dead_reason("send", error)
        )
        with contextlib.suppress(Exception):  # the progress view may be what broke
            self._emit(outcome)
        return outcome

    async def run_once(self) -> list[DeliveryOutcome]:
        """One cycle: deliver the rows that are due, until none is; returns their outcomes.

        Rows are claimed ``batch`` at a time, the next batch as soon as fewer than ``batch``
        requests are left, so the transport always has work queued; outcomes are recorded
        ``batch`` at a time as they come in. Each database call thus overlaps requests in flight
        instead of holding the whole broadcast up at its start and at its end. If the cycle is
        interrupted, the outcomes that came in are still recorded; rows whose request did not
        finish stay ``delivering``, and the next :meth:`run` resumes them. Anything unexpected
        while sending, judging or recording one row makes that row a dead letter (``dead``) and
        the cycle goes on.
        """
        results: list[DeliveryOutcome] = []
        await self._cycle(results)
        return results

    async def _cycle(self, results: list[DeliveryOutcome]) -> None:
        """:meth:`run_once`, adding each outcome to ``results`` as it is known.

        The cycle's own task wakes only when it has something to do (claim the next batch,
        record a batch of outcomes, or finish), not at every answer: with a thousand requests
        in flight, a wake-up per answer cost as much as the requests' own work."""
        wake = asyncio.Event()
        tasks: set[asyncio.Task[None]] = set()
        unrecorded: list[DeliveryOutcome] = []
        in_flight = 0
        more_due = True
        unstarted = False

        def busy() -> bool:
            """Whether the cycle has work to do now (else it waits to be woken)."""
            return (
                (more_due and in_flight < AHEAD * self._batch)
                or len(unrecorded) >= self._batch
                or not in_flight
            )

        async def deliver(row: OutboxRow, key: Key, signed: _Signed | None) -> None:
            nonlocal in_flight
            try:
                outcome = await self._deliver(row, key, signed)
            except Exception as exc:  # this row's fault alone (a vendor's or ours)
                outcome = self._dead(row, exc)
            unrecorded.append(outcome)
            results.append(outcome)
            in_flight -= 1
            if busy():
                wake.set()

        try:
            while True:
                if more_due and in_flight < AHEAD * self._batch:
                    claimed, skipped, keys = await self._db(lambda: self._claim(self._clock()))
                    more_due = len(claimed) + len(skipped) == self._batch
                    for outcome in skipped:
                        self._emit(outcome)
                    results.extend(skipped)
                    unstarted = bool(claimed)  # claimed, not sent yet: released if stopped
                    signed = await _signed_off_the_loop(claimed, keys, self._clock())
                    unstarted = False
                    for row in claimed:
                        key = keys.get(row.signing_kid)
                        task = asyncio.create_task(deliver(row, key, signed.get(row.id)))
                        tasks.add(task)
                        task.add_done_callback(tasks.discard)
                    in_flight += len(claimed)
                    continue
                if len(unrecorded) >= self._batch or (unrecorded and not in_flight):
                    await self._record(unrecorded, results)
                    continue
                if not in_flight:
                    return
                wake.clear()
                if not busy():
                    await self._woken(wake)
        finally:
            for task in tasks:
                task.cancel()  # their rows stay `delivering` until the next run resumes them
            if unrecorded:
                await self._record(unrecorded, results)
            if tasks or unstarted:  # no request of ours is in flight: any worker may resume them
                await self._db(lambda: self._outbox.release_leases(self.lease_owner))

    async def _woken(self, wake: asyncio.Event) -> None:
        """Wait until ``wake`` is set, renewing this worker's leases while it waits."""
        while True:
            try:
                async with asyncio.timeout(self.lease_seconds / 3):
                    await wake.wait()
                return
            except TimeoutError:
                await self._db(self._renew_leases)

    def _renew_leases(self) -> int:
        return self._outbox.renew_leases(self.lease_owner, self._clock() + self.lease_seconds)

    async def _record(
        self, outcomes: list[DeliveryOutcome], results: list[DeliveryOutcome]
    ) -> None:
        """Record ``outcomes`` in one transaction and empty the list; an outcome that could not
        be recorded (its row is now a dead letter) replaces the one in ``results``, and one of a
        row another worker took over leaves ``results``."""
        batch = list(outcomes)
        outcomes.clear()
        finished = self._clock()
        replaced = await self._db(
            lambda: self._outbox.record(batch, finished, owner=self.lease_owner)
        )
        if replaced:
            by_id = {outcome.item_id: outcome for outcome in replaced}
            kept = [by_id.get(outcome.item_id, outcome) for outcome in results]
            # a row another worker took over is its outcome, not ours
            results[:] = [outcome for outcome in kept if outcome.status != "delivering"]
            for outcome in replaced:
                if outcome.status == "dead":
                    with contextlib.suppress(Exception):
                        self._emit(outcome)

    async def run(
        self,
        *,
        deadline: float | None = None,
        time_limit: float | None = None,
        sleep: Sleep = asyncio.sleep,
        max_idle_sleep: float = 5.0,
    ) -> RunSummary:
        """Resume interrupted rows, then deliver until nothing is pending (or ``deadline``).

        ``deadline`` is a clock time after which it returns once no retry is due before it
        (later retries stay pending for the next run). ``time_limit`` (seconds of real time) ends
        the run however far it got: requests in flight are cancelled, their rows stay
        ``delivering`` and the next run resumes them; outcomes already in are recorded.
        ``sleep`` is injectable so tests never sleep.
        """
        now = self._clock()
        summary = RunSummary(
            resumed=await self._db(lambda: self._outbox.resume(now=now, owner=self.lease_owner))
        )
        taken_before = self._taken_up
        outcomes: list[DeliveryOutcome] = []
        timer = asyncio.timeout(time_limit)
        try:
            async with timer:
                summary.pending = await self._until_idle(outcomes, deadline, sleep, max_idle_sleep)
        except TimeoutError:
            if not timer.expired():
                raise
            summary.pending = await self._db(self._outbox.pending_count)
        summary.resumed += self._taken_up - taken_before
        summary.count(outcomes)
        return summary

    async def _until_idle(
        self,
        outcomes: list[DeliveryOutcome],
        deadline: float | None,
        sleep: Sleep,
        max_idle_sleep: float,
    ) -> int:
        """Cycles until nothing is pending, or nothing is due before ``deadline``; returns how
        many messages are left pending."""
        while True:
            before = len(outcomes)
            await self._cycle(outcomes)
            if len(outcomes) > before:
                continue
            next_at = await self._db(self._outbox.next_wake_at)
            if next_at is None:  # nothing pending, or all of it waits behind a dead letter
                return await self._db(self._outbox.pending_count)
            now = self._clock()
            if deadline is not None and next_at > deadline:
                return await self._db(self._outbox.pending_count)
            await sleep(max(0.0, min(next_at - now, max_idle_sleep)))

    async def _deliver(self, row: OutboxRow, key: Key, signed: _Signed | None) -> DeliveryOutcome:
        if isinstance(key, Exception):
            raise key
        attempts = row.attempts + 1
        now = self._clock()
        if self._on_progress is not None:
            self._on_progress(
                DeliveryProgress(
                    row.id, row.vendor_id, row.kind, row.subject, "delivering", attempts
                )
            )
        try:
            if key is None:
                raise _Unsendable("the signing key is not in the vault")
            if signed is None or not 0 <= now - signed[0] <= RESIGN_AFTER_SECONDS:
                signed = (now, webhook_headers(key, **_signing(row, now)))
        except (_Unsendable, ValueError) as exc:  # ValueError: an id that cannot be signed
            outcome = outcome_of(row, "failed", attempts, now, str(exc))
        else:
            result = await self._transport.post(row.url, row.body, signed[1])
            outcome = self._judge(row, attempts, result)
        self._emit(outcome)
        return outcome

    def _judge(self, row: OutboxRow, attempts: int, result: HttpResult) -> DeliveryOutcome:
        now = self._clock()
        status = result.status
        if 200 <= status < 300:
            note = "" if result.failure is None else f"accepted; {result.message}"
            return outcome_of(row, "delivered", attempts, now, note, result, keep_body=True)
        if status == 410:
            return outcome_of(
                row, "disabled", attempts, now, "HTTP 410: the endpoint is gone", result
            )
        transient = (
            status in RETRY_STATUSES
            or 500 <= status < 600
            or (status == 0 and result.failure in TRANSIENT_FAILURES)
        )
        reason = f"HTTP {status}" if status else result.message
        if not transient:
            if status:
                reason = f"HTTP {status}: refused by the vendor"
            return outcome_of(row, "failed", attempts, now, reason, result)
        if attempts >= self.policy.max_attempts:
            return outcome_of(
                row,
                "failed",
                attempts,
                now,
                f"{reason} (gave up after {attempts} attempts)",
                result,
            )
        wait = parse_retry_after(result.headers.get("retry-after"), now)
        if wait is None:
            wait = self.policy.backoff(attempts, self._rand())
        else:
            wait = min(wait, self.policy.max_retry_after_seconds)
        return outcome_of(row, "pending", attempts, now + wait, reason, result)
