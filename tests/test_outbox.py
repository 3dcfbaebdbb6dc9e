"""Outbox delivery against real HTTP servers on 127.0.0.1, with an injected clock and jitter."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestServer

from tests.webhook_servers import Receiver, closed_port, receiver_app
from wallet import activity
from wallet.crypto.signing import SigningKey
from wallet.errors import DatabaseError, InvalidInput
from wallet.outbox import (
    DeliveryProgress,
    DeliveryWorker,
    Outbox,
    OutboxMessage,
    RetryPolicy,
    enqueue,
    parse_retry_after,
)
from wallet.outbox import store as outbox_store
from wallet.transport import Transport
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store
from wallet.webhooks import webhook_headers


class FakeClock:
    """Epoch seconds that move only when the worker "sleeps"."""

    def __init__(self) -> None:
        self.now = float(int(time.time()))
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _key(vault: Vault) -> SigningKey:
    with vault.write() as connection:
        return vault.new_signing_key(connection, purpose="test")


def _enqueue(vault: Vault, key: SigningKey, base: str, names: list[str], now: float) -> list[int]:
    with vault.write() as connection:
        return enqueue(
            connection,
            [
                OutboxMessage(
                    kind="intention",
                    vendor_id=f"vendor-{name}",
                    url=f"{base}/hooks/{name}",
                    body=b'{"intention":"' + name.encode() + b'"}',
                    signing_kid=key.kid,
                    subject="urn:uuid:test",
                )
                for name in names
            ],
            now=now,
        )


def _run(
    vault: Vault,
    receiver: Receiver,
    scenario: Callable[[str, Transport], Awaitable[Any]],
    *,
    timeout: float = 5.0,
) -> Any:
    async def main() -> Any:
        server = TestServer(receiver_app(receiver), host="127.0.0.1")
        await server.start_server()
        try:
            async with Transport(timeout=timeout, concurrency=8) as transport:
                return await scenario(str(server.make_url("")).rstrip("/"), transport)
        finally:
            await server.close()

    return asyncio.run(main())


def _worker(vault: Vault, transport: Transport, clock: FakeClock, **kwargs: Any) -> DeliveryWorker:
    return DeliveryWorker(
        Outbox(vault), transport, vault.signing_key, clock=clock, rand=lambda: 0.5, **kwargs
    )


def test_delivers_retries_and_classifies_every_outcome(vault: Vault) -> None:
    key = _key(vault)
    clock = FakeClock()
    receiver = Receiver(key.verifying_key, clock, slow_seconds=2.0)
    receiver.script = {
        "flaky": [(500, {}, b"")],
        "throttle": [(429, {"Retry-After": "7"}, b"")],
        "gone": [(410, {}, b"")],
        "bad": [(400, {}, b"no thanks")],
    }
    progress: list[DeliveryProgress] = []
    names = ["ok", "flaky", "throttle", "gone", "bad", "slow"]

    async def scenario(base: str, transport: Transport) -> Any:
        with vault.write() as connection:
            for name in names:
                vendor_store.upsert(
                    connection,
                    metadata={
                        "id": f"vendor-{name}",
                        "name": name,
                        "inbox": {"intentions": f"{base}/hooks/{name}", "offers": base},
                        "publicKey": {},
                        "contact": "x@example.org",
                        "policyUrl": base,
                    },
                    metadata_url=base,
                    kid="k",
                    status="active",
                    now=vault_now(),
                )
        ids = _enqueue(vault, key, base, names, clock.now)
        worker = _worker(vault, transport, clock, on_progress=progress.append)
        first = {o.vendor_id: o for o in await worker.run_once()}
        assert first["vendor-ok"].status == "delivered"
        assert first["vendor-ok"].response_body == b'{"ok":true}'
        assert first["vendor-flaky"].status == "pending"
        assert first["vendor-flaky"].error == "HTTP 500"
        # full jitter: rand 0.5 * min(600, 1 * 2**0) after the first failure
        assert first["vendor-flaky"].next_attempt_at == clock.now + 0.5
        assert first["vendor-throttle"].next_attempt_at == clock.now + 7  # Retry-After wins
        assert first["vendor-gone"].status == "disabled"
        assert first["vendor-bad"].status == "failed"
        assert first["vendor-bad"].error == "HTTP 400: refused by the vendor"
        assert first["vendor-slow"].status == "pending"
        assert "no answer within" in first["vendor-slow"].error
        summary = await worker.run(sleep=clock.sleep)
        return ids, summary

    ids, summary = _run(vault, receiver, scenario, timeout=0.3)
    # the slow vendor is retried until it gives up; flaky and throttle got through
    rows = {row.vendor_id: row for row in Outbox(vault).rows()}
    assert rows["vendor-ok"].status == "delivered" and rows["vendor-ok"].attempts == 1
    assert rows["vendor-flaky"].status == "delivered" and rows["vendor-flaky"].attempts == 2
    assert rows["vendor-throttle"].status == "delivered"
    assert rows["vendor-gone"].status == "disabled"
    assert rows["vendor-bad"].status == "failed" and rows["vendor-bad"].attempts == 1
    assert rows["vendor-slow"].status == "failed" and rows["vendor-slow"].attempts == 8
    assert "gave up after 8 attempts" in rows["vendor-slow"].last_error
    assert rows["vendor-bad"].response_body is None  # a refusal's text is not kept
    assert vendor_store.get(vault.reader, "vendor-gone").status == "disabled"  # type: ignore[union-attr]
    # same webhook-id on every attempt, every signature verified on the receiving side
    assert receiver.bad_signatures == 0
    assert len(set(receiver.ids_seen["flaky"])) == 1 and len(receiver.ids_seen["flaky"]) == 2
    assert len(set(receiver.ids_seen["slow"])) == 1 and len(receiver.ids_seen["slow"]) == 8
    assert summary.delivered == 2 and summary.failed == 1
    # backoff of the slow vendor: 0.5 * 2**(n-1) for n = 1..7 (then it gave up); sleeps follow it
    slow_waits = [0.5 * 2 ** (n - 1) for n in range(1, 8)]
    assert sum(clock.sleeps) == pytest.approx(sum(slow_waits))
    statuses = {(p.vendor_id, p.status) for p in progress}
    assert ("vendor-ok", "delivering") in statuses and ("vendor-ok", "delivered") in statuses
    assert ("vendor-flaky", "retrying") in statuses and ("vendor-gone", "disabled") in statuses
    types = [entry.type for entry in vault.activity_page()]
    assert activity.DELIVERY_BATCH in types and activity.VENDOR_DISABLED in types
    assert activity.DELIVERY_DELIVERED not in types  # deliveries: one entry per cycle
    assert activity.DELIVERY_FAILED in types  # failures: one entry per row
    assert len(ids) == 6


def vault_now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def test_backoff_schedule_is_exponential_capped_and_jittered() -> None:
    policy = RetryPolicy()
    assert [policy.backoff(n, 1.0) for n in range(1, 12)] == [
        1,
        2,
        4,
        8,
        16,
        32,
        64,
        128,
        256,
        512,
        600,
    ]
    assert policy.backoff(3, 0.0) == 0.0
    assert policy.backoff(3, 0.25) == 1.0


def test_retry_after_seconds_and_http_date() -> None:
    now = 1_750_000_000.0
    assert parse_retry_after("120", now) == 120.0
    assert parse_retry_after("Sun, 15 Jun 2025 15:07:00 GMT", now) == 20.0
    assert parse_retry_after("Sun, 15 Jun 2025 15:00:00 GMT", now) == 0.0  # in the past
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_refused_connection_is_retried_then_fails(vault: Vault) -> None:
    key = _key(vault)
    clock = FakeClock()
    port = closed_port()

    async def main() -> Any:
        _enqueue(vault, key, f"http://127.0.0.1:{port}", ["nobody"], clock.now)
        async with Transport(timeout=2) as transport:
            worker = _worker(vault, transport, clock, policy=RetryPolicy(max_attempts=3))
            return await worker.run(sleep=clock.sleep)

    summary = asyncio.run(main())
    (row,) = Outbox(vault).rows()
    assert row.status == "failed" and row.attempts == 3
    assert "refused" in row.last_error
    assert summary.failed == 1
    assert clock.sleeps == [0.5, 1.0]


def test_oversize_response_is_capped(vault: Vault) -> None:
    key = _key(vault)
    clock = FakeClock()
    receiver = Receiver(key.verifying_key, clock)
    receiver.script = {"big": [(200, {}, b"x" * 300_000)], "bigerror": [(503, {}, b"y" * 300_000)]}

    async def scenario(base: str, transport: Transport) -> Any:
        _enqueue(vault, key, base, ["big", "bigerror"], clock.now)
        return await _worker(vault, transport, clock).run_once()

    outcomes = {o.vendor_id: o for o in _run(vault, receiver, scenario)}
    assert outcomes["vendor-big"].status == "delivered"
    assert outcomes["vendor-big"].response_body == b""
    assert "larger than the 256 KiB" in outcomes["vendor-big"].error
    assert outcomes["vendor-bigerror"].status == "pending"


def test_killed_mid_delivery_resumes_and_delivers_exactly_once(vault: Vault) -> None:
    key = _key(vault)
    clock = FakeClock()
    receiver = Receiver(key.verifying_key, clock)
    names = [f"v{i}" for i in range(5)]

    async def scenario(base: str, transport: Transport) -> Any:
        _enqueue(vault, key, base, names, clock.now)
        # A first process claimed every row and got two of them through, then was killed
        # before it could record anything: all five rows are left "delivering".
        claimed, _ = Outbox(vault).claim(clock.now, 100)
        for row in claimed[:2]:
            result = await transport.post(
                row.url,
                row.body,
                webhook_headers(
                    key, message_id=row.webhook_id, body=row.body, timestamp=int(clock.now)
                ),
            )
            assert result.ok
        assert {r.status for r in Outbox(vault).rows()} == {"delivering"}
        # the restarted worker resumes them
        return await _worker(vault, transport, clock).run(sleep=clock.sleep)

    summary = _run(vault, receiver, scenario)
    assert summary.resumed == 5 and summary.delivered == 5
    assert {r.status for r in Outbox(vault).rows()} == {"delivered"}
    for name in names:
        assert len(receiver.accepted[name]) == 1  # exactly one accepted delivery per vendor
    assert receiver.hits["v0"] == 2 and receiver.hits["v4"] == 1  # the resent one was deduped


def test_a_cycle_claims_and_records_batch_after_batch_while_requests_fly(vault: Vault) -> None:
    key = _key(vault)
    clock = FakeClock()
    receiver = Receiver(key.verifying_key, clock)
    names = [f"v{i}" for i in range(23)]
    claims: list[int] = []
    records: list[int] = []

    class CountingOutbox(Outbox):
        def claim(self, now: float, limit: int, **lease: Any) -> Any:
            claimed, skipped = super().claim(now, limit, **lease)
            claims.append(len(claimed))
            return claimed, skipped

        def record(self, outcomes: Any, now: float, **lease: Any) -> Any:
            records.append(len(outcomes))
            return super().record(outcomes, now, **lease)

    async def scenario(base: str, transport: Transport) -> Any:
        _enqueue(vault, key, base, names, clock.now)
        worker = DeliveryWorker(
            CountingOutbox(vault), transport, vault.signing_key, clock=clock, batch=5
        )
        return await worker.run_once()

    outcomes = _run(vault, receiver, scenario)
    assert sorted(o.vendor_id for o in outcomes) == sorted(f"vendor-{n}" for n in names)
    assert claims[:5] == [5, 5, 5, 5, 3] and sum(claims) == 23
    assert sum(records) == 23 and max(records) <= 5 + 8  # the transport runs 8 at a time
    assert {r.status for r in Outbox(vault).rows()} == {"delivered"}
    batches = vault.activity_page(type_prefix=activity.DELIVERY_BATCH)
    assert len(batches) == len(records)  # one entry per recorded batch, counting its deliveries
    assert sum(int(e.reason.removeprefix("intention: ").split()[0]) for e in batches) == 23


def test_a_cancelled_cycle_records_what_came_in_and_the_next_run_resumes_the_rest(
    vault: Vault,
) -> None:
    key = _key(vault)
    clock = FakeClock()
    receiver = Receiver(key.verifying_key, clock, slow_seconds=30.0)
    names = ["a", "b", "slow"]

    async def scenario(base: str, transport: Transport) -> Any:
        _enqueue(vault, key, base, names, clock.now)
        delivered: list[str] = []

        def note(progress: DeliveryProgress) -> None:
            if progress.status == "delivered":
                delivered.append(progress.vendor_id)

        cycle = asyncio.create_task(_worker(vault, transport, clock, on_progress=note).run_once())
        while len(delivered) < 2 or receiver.hits["slow"] < 1:
            await asyncio.sleep(0.01)
        cycle.cancel()
        with pytest.raises(asyncio.CancelledError):
            await cycle
        statuses = {r.vendor_id: r.status for r in Outbox(vault).rows()}
        assert statuses == {
            "vendor-a": "delivered",
            "vendor-b": "delivered",
            "vendor-slow": "delivering",
        }
        receiver.slow_seconds = 0.0
        return await _worker(vault, transport, clock).run(sleep=clock.sleep)

    summary = _run(vault, receiver, scenario, timeout=60.0)
    assert summary.resumed == 1 and summary.delivered == 1
    assert {r.status for r in Outbox(vault).rows()} == {"delivered"}
    assert receiver.hits["a"] == 1 and receiver.hits["slow"] == 2
    assert len(receiver.accepted["slow"]) == 1


def test_an_unsignable_row_fails_alone_and_a_bug_in_one_delivery_makes_only_it_a_dead_letter(
    vault: Vault,
) -> None:
    key = _key(vault)
    clock = FakeClock()
    receiver = Receiver(key.verifying_key, clock)

    class Broken:  # a signing key that fails in a way no vendor can cause
        def sign_raw(self, data: bytes) -> bytes:
            raise RuntimeError("signing broke")

    async def scenario(base: str, transport: Transport) -> Any:
        with vault.write() as connection:
            enqueue(
                connection,
                [
                    OutboxMessage("intention", "vendor-ok", f"{base}/hooks/ok", b"{}", key.kid),
                    OutboxMessage(  # a tampered id: it cannot be signed, so it cannot be sent
                        "intention", "vendor-dot", f"{base}/hooks/dot", b"{}", key.kid, "", "a.b"
                    ),
                ],
                now=clock.now,
            )
        first = {o.vendor_id: o for o in await _worker(vault, transport, clock).run_once()}
        assert first["vendor-ok"].status == "delivered"
        assert first["vendor-dot"].status == "failed"
        assert "without a dot" in first["vendor-dot"].error
        _enqueue(vault, key, base, ["fine", "broken"], clock.now)
        with vault.write() as connection:
            connection.execute(
                "UPDATE outbox SET signing_kid = 'broken' WHERE vendor_id = ?", ("vendor-broken",)
            )

        def sign(kid: str) -> Any:
            return Broken() if kid == "broken" else vault.signing_key(kid)

        worker = DeliveryWorker(Outbox(vault), transport, sign, clock=clock)
        second = {o.vendor_id: o for o in await asyncio.wait_for(worker.run_once(), timeout=10)}
        assert second["vendor-fine"].status == "delivered"
        assert second["vendor-broken"].status == "dead"
        assert "RuntimeError" in second["vendor-broken"].error
        assert "signing broke" not in second["vendor-broken"].error  # no raw error text
        assert await worker.run_once() == []  # a dead letter is not sent again by itself

    _run(vault, receiver, scenario)
    statuses = {r.vendor_id: r.status for r in Outbox(vault).rows()}
    assert statuses["vendor-dot"] == "failed" and receiver.hits["dot"] == 0
    assert statuses["vendor-broken"] == "dead" and receiver.hits["broken"] == 0
    assert statuses["vendor-fine"] == "delivered"


def test_enqueue_is_part_of_the_callers_transaction(vault: Vault) -> None:
    key = _key(vault)
    with pytest.raises(RuntimeError), vault.write() as connection:
        enqueue(
            connection,
            [OutboxMessage("intention", "v", "https://vendor.example/in", b"{}", key.kid)],
        )
        raise RuntimeError("the caller's change failed")
    assert Outbox(vault).rows() == []
    with pytest.raises(InvalidInput, match="not HTTPS"), vault.write() as connection:
        enqueue(
            connection,
            [OutboxMessage("intention", "v", "http://vendor.example/in", b"{}", key.kid)],
        )
    assert outbox_store.rows(vault.reader) == []


def test_a_body_sent_to_many_vendors_is_stored_once_and_checked_against_its_hash(
    vault: Vault,
) -> None:
    key = _key(vault)
    _enqueue(vault, key, "http://127.0.0.1:9", ["a", "b"], 0.0)  # two bodies...
    _enqueue(vault, key, "http://127.0.0.1:9", ["a"], 0.0)  # ...one of them again
    rows = outbox_store.rows(vault.reader)
    a, b = b'{"intention":"a"}', b'{"intention":"b"}'
    assert [row.body for row in rows] == [a, b, a]
    assert vault.reader.execute("SELECT count(*) FROM outbox_bodies").fetchone()[0] == 2
    with vault.write() as connection:  # a tampered copy: the hash no longer matches the bytes
        connection.execute("UPDATE outbox_bodies SET body = x'7b7d' WHERE id = 1")
    with pytest.raises(DatabaseError, match="altered"):
        _enqueue(vault, key, "http://127.0.0.1:9", ["a"], 0.0)
    assert len(outbox_store.rows(vault.reader)) == 3  # nothing was queued


def test_disabled_vendor_is_not_contacted_and_unknown_key_fails(vault: Vault) -> None:
    key = _key(vault)
    clock = FakeClock()
    receiver = Receiver(key.verifying_key, clock)

    async def scenario(base: str, transport: Transport) -> Any:
        _enqueue(vault, key, base, ["a"], clock.now)
        with vault.write() as connection:
            enqueue(
                connection,
                [OutboxMessage("intention", "vendor-b", f"{base}/hooks/b", b"{}", "no-such-kid")],
                now=clock.now,
            )
            vendor_store.upsert(
                connection,
                metadata={
                    "id": "vendor-a",
                    "name": "A",
                    "inbox": {"intentions": base, "offers": base},
                    "publicKey": {},
                    "contact": "x@example.org",
                    "policyUrl": base,
                },
                metadata_url=base,
                kid="k",
                status="disabled",
                now=vault_now(),
            )
        return await _worker(vault, transport, clock).run_once()

    outcomes = {o.vendor_id: o for o in _run(vault, receiver, scenario)}
    assert outcomes["vendor-a"].status == "disabled"
    assert outcomes["vendor-b"].status == "failed"
    assert "signing key" in outcomes["vendor-b"].error
    assert receiver.hits == {}


def test_url_checks_answer_the_same_every_time() -> None:
    """check_url remembers its verdicts; a refused URL must stay refused, with its reason."""
    from wallet.transport import InsecureUrl, check_url

    for _ in range(2):
        with pytest.raises(InsecureUrl, match="not HTTPS"):
            check_url("http://vendor.example/inbox")
        with pytest.raises(InvalidInput, match="user name or password"):
            check_url("https://user:secret@vendor.example/inbox")
        with pytest.raises(InvalidInput, match="not a valid URL"):
            check_url("https://vendor.example:99999/inbox")
        check_url("http://127.0.0.1:8787/inbox")
        check_url("https://vendor.example/inbox")
