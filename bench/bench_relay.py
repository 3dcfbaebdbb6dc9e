"""Open market over one nats-server: casts/s, answers/s, cast → first offer, 10 to 1 000 vendors.

Everything is real and on this machine: one ``nats-server`` with JetStream on 127.0.0.1
(:mod:`vendorkit.nats_server`, as the tests start it), kit vendors listening on it through queue
groups (:mod:`bench.relay_vendors`: :data:`LISTENER_PROCESSES` processes, each its own group serving
its share of the vendor identities, every vendor sealing its real signed offers to the intention),
and a wallet with a real vault that casts each intention through
:func:`wallet.market.cast_intention` (the signed intention published on
``vrm.intent.<region>.<category>``, the cast recorded) and reads the sealed answers back through
:func:`wallet.market.follow_offers` (opened, checked, stored, as the app does). Per vendor count:

* intentions cast per second (the cast's own time: publish, acknowledgement, record);
* sealed answers per second read by the wallet (cast to last answer stored; the relay keeps at
  most ``MAX_OFFER_MESSAGES_PER_INTENTION`` answers per intention, so 1 000 vendors' answers are
  capped there and the others refused by the relay, as designed);
* p50/p99 from the start of the cast to the first offer stored at the wallet, over the intentions.

Beside them, in the same run and on the same server: a raw nats-py client's round trip (publish,
a second connection echoes, the answer received; payloads of an intention's and an answer's
size) and its acknowledged JetStream publishes per second. The machine has 2 cores shared by the
server, the vendors and the wallet; figures are medians.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import nats
from nats.js import JetStreamContext
from nats.js.api import StorageType, StreamConfig

from bench import Figure, percentile
from bench.bench_broadcast import stop
from bench.relay_vendors import CATEGORY, vendor_key, vendors
from vendorkit.nats_server import NatsServer, NatsServerMissing, start_nats_server
from vendorkit.nats_server import stop_nats_server as stop_relay
from wallet.intents import IntentionBook, IntentionDraft
from wallet.market import cast_intention, follow_offers
from wallet.offers.ingest import IngestReport
from wallet.relay import MAX_OFFER_MESSAGES_PER_INTENTION, Relay
from wallet.vault.facade import Vault
from wallet.vendors.directory import VendorDirectory, parse_metadata

VENDOR_COUNTS = (10, 100, 1_000)
INTENTIONS = {10: 30, 100: 15, 1_000: 6}  # cast one after the other, per vendor count
LISTENER_PROCESSES = 2
RAW_ROUND_TRIPS = 400
RAW_PUBLISHES = 400
RAW_PIPELINED = 4_000
RAW_IN_FLIGHT = 64
INTENTION_BYTES = 2_000  # about a signed intention
ANSWER_BYTES = 6_300  # about one vendor's sealed answer (two offers)
FOLLOW_WAIT_SECONDS = 0.2
ANSWERS_DEADLINE_SECONDS = 60.0
READY_SECONDS = 60.0
PASSPHRASE = "benchmark passphrase, not a secret"


# ------------------------------------------------------------------------------ vendors


def listeners(url: str, count: int, *, niceness: int = 0) -> list[subprocess.Popen[str]]:
    """``count`` vendor identities split over :data:`LISTENER_PROCESSES` listening processes,
    each its own queue group, ``niceness`` steps below our priority; returns once every one is
    subscribed."""
    processes = min(LISTENER_PROCESSES, count)
    share, extra = divmod(count, processes)
    started: list[subprocess.Popen[str]] = []
    first = 1
    for number in range(processes):
        size = share + (number < extra)
        started.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "bench.relay_vendors",
                    url,
                    str(first),
                    str(size),
                    f"bench-{count}-{number}",
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
        )
        if niceness:  # at once, before the process makes any thread (a niceness is per thread)
            priority = os.getpriority(os.PRIO_PROCESS, 0) + niceness
            os.setpriority(os.PRIO_PROCESS, started[-1].pid, priority)
        first += size
    deadline = time.monotonic() + READY_SECONDS
    for process in started:
        assert process.stdout is not None
        line = process.stdout.readline()  # blocks until it says it is subscribed, or dies
        if line.strip() != "ready" or time.monotonic() > deadline:
            for each in started:
                stop(each)
            raise RuntimeError("a relay vendor process did not start")
    return started


def pin_vendors(vault: Vault, count: int) -> None:
    """The wallet's directory pins vendors 1 … ``count`` (their offers are then stored)."""
    directory = VendorDirectory(vault)
    for vendor in vendors(1, count):
        origin = f"http://127.0.0.1:9/vendors/{vendor.index}"  # never contacted
        document = {
            "id": vendor.vendor_id,
            "name": vendor.name,
            "publicKey": vendor_key(vendor.index).verifying_key.jwk,
            "inbox": {
                "intentions": f"{origin}/inbox/intentions",
                "offers": f"{origin}/inbox/offers",
            },
            "categories": [CATEGORY],
            "policyUrl": f"{origin}/policy",
            "contact": "bench@example.org",
        }
        directory.add(parse_metadata(document, url=f"{origin}/.well-known/vrm-vendor.json"))


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) process ``pid`` used so far, from ``/proc`` (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# ------------------------------------------------------------------------------ the wallet


def draft(number: int) -> IntentionDraft:
    return IntentionDraft(
        item_name=f"Trail running shoes ({number})",
        category=CATEGORY,
        max_price="120.00",
        currency="EUR",
        region="ES-MD",
        deliver_by=date.today() + timedelta(days=10),
        delivery_method="delivery",
        open_to_alternatives=True,
    )


@dataclass
class _Intention:
    """One intention's timings (seconds from the start of its cast) and what came back."""

    cast: float = 0.0
    first: float | None = None
    last: float = 0.0
    answers: int = 0
    offers: int = 0


@dataclass
class _Level:
    vendors: int
    expected: int
    intentions: list[_Intention] = field(default_factory=list)
    server_cpu: float = 0.0  # the nats-server's CPU seconds over the measured intentions

    def median(self, value: Callable[[_Intention], float]) -> float:
        return statistics.median(value(one) for one in self.intentions)

    @property
    def firsts(self) -> list[float]:
        return [one.first for one in self.intentions if one.first is not None]


async def _one_intention(vault: Vault, relay: Relay, number: int, expected: int) -> _Intention:
    """Cast a fresh intention and read its sealed answers until ``expected`` came."""
    intention_id = IntentionBook(vault).create(draft(number)).id
    timing = _Intention()
    started = time.perf_counter()

    def arrived(report: IngestReport) -> None:
        moment = time.perf_counter() - started
        timing.answers += 1
        timing.offers += len(report.stored)
        if timing.first is None and report.stored:
            timing.first = moment
        timing.last = moment

    await cast_intention(vault, relay.url, intention_id, relay=relay)
    timing.cast = time.perf_counter() - started
    deadline = time.monotonic() + ANSWERS_DEADLINE_SECONDS
    while timing.answers < expected and time.monotonic() < deadline:
        await follow_offers(
            vault,
            relay.url,
            intention_id,
            wait_seconds=FOLLOW_WAIT_SECONDS,
            on_message=arrived,
            relay=relay,
        )
    return timing


async def _measure_level(vault: Vault, url: str, count: int, pid: int) -> _Level:
    level = _Level(count, min(count, MAX_OFFER_MESSAGES_PER_INTENTION))
    async with Relay(url) as relay:
        await relay.ensure_streams()
        await _one_intention(vault, relay, 0, level.expected)  # warm-up, not counted
        cpu = cpu_seconds(pid)
        for number in range(1, INTENTIONS[count] + 1):
            level.intentions.append(await _one_intention(vault, relay, number, level.expected))
        level.server_cpu = cpu_seconds(pid) - cpu
    return level


def _level(vault: Vault, store: Path, count: int) -> _Level:
    """One vendor count on a fresh relay (fresh streams and queue groups)."""
    server = start_nats_server(store / f"relay-{count}")
    try:
        vendors_running = listeners(server.url, count)
        try:
            return asyncio.run(_measure_level(vault, server.url, count, server.process.pid))
        finally:
            for process in vendors_running:
                stop(process)
    finally:
        stop_relay(server)


# ------------------------------------------------------------------------------ raw nats-py


@dataclass
class _Raw:
    round_trips: list[float]
    publishes_per_second: float
    pipelined_per_second: float


async def _raw(url: str) -> _Raw:
    """A bare nats-py client on the same server: echo round trips, then acknowledged
    JetStream publishes one after the other (file storage, as the market's streams)."""
    asker, echoer = await nats.connect(url), await nats.connect(url)
    try:
        answer = b"a" * ANSWER_BYTES
        waiting: list[asyncio.Future[None]] = []

        async def echo(msg: nats.aio.msg.Msg) -> None:
            await echoer.publish("bench.pong", answer)

        async def pong(msg: nats.aio.msg.Msg) -> None:
            if waiting and not waiting[-1].done():
                waiting[-1].set_result(None)

        await echoer.subscribe("bench.ping", cb=echo)
        await asker.subscribe("bench.pong", cb=pong)
        await echoer.flush()
        await asker.flush()
        question = b"q" * INTENTION_BYTES
        trips = []
        for _ in range(RAW_ROUND_TRIPS):
            waiting.append(asyncio.get_running_loop().create_future())
            started = time.perf_counter()
            await asker.publish("bench.ping", question)
            await waiting[-1]
            trips.append(time.perf_counter() - started)
        stream = asker.jetstream()
        await stream.add_stream(
            StreamConfig(name="BENCH_RAW", subjects=["bench.raw"], storage=StorageType.FILE)
        )
        started = time.perf_counter()
        for _ in range(RAW_PUBLISHES):
            await stream.publish("bench.raw", question)
        rate = RAW_PUBLISHES / (time.perf_counter() - started)
        return _Raw(trips, rate, await _pipelined(stream, question))
    finally:
        await asker.close()
        await echoer.close()


async def _pipelined(stream: JetStreamContext, data: bytes) -> float:
    """Acknowledged JetStream publishes per second with :data:`RAW_IN_FLIGHT` awaiting their
    acknowledgement at any time (what a busy relay sees from many clients)."""
    limit = asyncio.Semaphore(RAW_IN_FLIGHT)

    async def one() -> None:
        async with limit:
            await stream.publish("bench.raw", data)

    started = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(RAW_PIPELINED)))
    return RAW_PIPELINED / (time.perf_counter() - started)


def _raw_figures(store: Path) -> _Raw:
    server: NatsServer = start_nats_server(store / "relay-raw")
    try:
        return asyncio.run(_raw(server.url))
    finally:
        stop_relay(server)


# ------------------------------------------------------------------------------ figures


def _figures(levels: list[_Level], raw: _Raw) -> list[Figure]:
    raw_p50 = statistics.median(raw.round_trips)
    figures = [
        Figure(
            "raw nats-py round trip (publish, echo, receive)",
            raw_p50 * 1000,
            "ms",
            note=f"p50 of {RAW_ROUND_TRIPS}; p99 {percentile(raw.round_trips, 0.99) * 1000:.2f} ms",
        ),
        Figure(
            "raw nats-py JetStream publishes, each acknowledged",
            raw.publishes_per_second,
            "/s",
            note=f"{RAW_PUBLISHES} of {INTENTION_BYTES:,} bytes, one after the other",
        ),
        Figure(
            f"raw nats-py JetStream publishes, {RAW_IN_FLIGHT} awaiting acknowledgement",
            raw.pipelined_per_second,
            "/s",
            note=f"{RAW_PIPELINED:,} of {INTENTION_BYTES:,} bytes (file storage)",
        ),
    ]
    for level in levels:
        cast_rate = 1 / level.median(lambda one: one.cast)
        answers_rate = level.median(lambda one: one.answers / one.last if one.last else 0.0)
        firsts = level.firsts
        p50 = statistics.median(firsts) if firsts else float("nan")
        p99 = percentile(firsts, 0.99) if firsts else float("nan")
        runs = f"median of {len(level.intentions)} intentions"
        capped = (
            f"; the relay keeps the first {level.expected} answers per intention and refuses "
            "the rest (a listener then stops sealing for it)"
            if level.expected < level.vendors
            else ""
        )
        offers = level.median(lambda one: one.offers)
        messages = sum(1 + one.answers for one in level.intentions)
        figures += [
            Figure(
                f"{level.vendors:,} vendors: intentions cast per second (signed, published)",
                cast_rate,
                "/s",
                note=f"{runs}; {cast_rate / raw.publishes_per_second:.2f}x raw JetStream "
                f"publishes; {level.vendors:,} kit vendor identities in "
                f"{min(LISTENER_PROCESSES, level.vendors)} listening processes (a queue group "
                "each), every vendor sealing its real signed offers",
            ),
            Figure(
                f"  sealed answers read per second ({level.vendors:,} vendors)",
                answers_rate,
                "/s",
                note=f"{runs}; opened, checked and stored, {offers:,.0f} offers per intention"
                f"{capped}",
            ),
            Figure(
                f"  p50 cast to first offer stored ({level.vendors:,} vendors)",
                p50 * 1000,
                "ms",
                note=f"{p50 / raw_p50:.1f}x the raw round trip; p99 {p99 * 1000:.1f} ms over "
                f"{len(firsts)} intentions",
            ),
            Figure(
                f"  nats-server CPU per message ({level.vendors:,} vendors)",
                level.server_cpu / messages * 1e6,
                "us",
                note=f"{level.server_cpu:.2f} s over {messages:,} messages (intentions, "
                "answers kept, reads)",
            ),
        ]
    figures += _growth(levels)
    return figures


def _growth(levels: list[_Level]) -> list[Figure]:
    """How the cost grows with the vendors: each count's figures over the 10 vendors' ones."""
    base = levels[0]
    first_base = statistics.median(base.firsts)
    all_base = base.median(lambda one: one.last)
    figures = []
    for level in levels[1:]:
        ratio = f"{level.vendors}/{base.vendors}"
        figures += [
            Figure(
                f"  growth {ratio}: p50 to first offer",
                statistics.median(level.firsts) / first_base,
                "x",
            ),
            Figure(
                f"  growth {ratio}: cast to every answer stored",
                level.median(lambda one: one.last) / all_base,
                "x",
                note=f"{level.expected} answers against {base.expected}",
            ),
        ]
    return figures


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="vrm-bench-relay-") as temp:
        store = Path(temp)
        vault = Vault.create(store / "vault", PASSPHRASE, kdf_target_seconds=0).vault
        try:
            pin_vendors(vault, max(VENDOR_COUNTS))
            try:
                raw = _raw_figures(store)
            except NatsServerMissing as missing:
                print(f"  (relay figures not measured: {missing})")
                return []
            levels = [_level(vault, store, count) for count in VENDOR_COUNTS]
        finally:
            vault.lock()
    return _figures(levels, raw)
