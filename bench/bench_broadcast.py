"""Broadcast to 1 000 loopback vendors (outbox worker vs raw aiohttp), offer ingest, funnel."""

from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp

from bench import Figure, median_seconds
from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.intents import IntentionBook, IntentionDraft
from wallet.offers.ingest import IngestReport, ingest_body
from wallet.outbox import DeliveryWorker, Outbox, OutboxMessage, enqueue
from wallet.transport import DEFAULT_CONCURRENCY, Transport
from wallet.vault.facade import Vault
from wallet.vendors.directory import (
    FetchedMetadata,
    VendorDirectory,
    parse_metadata,
    parse_metadata_bytes,
)
from wallet.webhooks import HEADER_ID, webhook_headers
from wallet.wire import Intention, Offer, sign_intention, wire_bytes
from wallet.wire.signing import sign_offer
from wallet.wire.terms import PublicJwk, utc_timestamp

VENDORS = 1_000
BROADCAST_RUNS = 5
OFFERS = 5_000
OFFER_KEYS = 50
INGEST_RUNS = 3
FUNNEL_OFFERS = 10_000
FUNNEL_RUNS = 5
PASSPHRASE = "benchmark passphrase, not a secret"
SERVER_START_SECONDS = 60.0
_LISTENING = re.compile(r"on http://127\.0\.0\.1:(\d+)")


# ------------------------------------------------------------------------------ vendor server


# A receiver that does no work (reads the body, answers 200 with no offers), to measure the
# client side alone: the vendor kit verifies a webhook signature and signs offers on every POST.
_MINIMAL_RECEIVER = """
import asyncio
from aiohttp import web

async def inbox(request):
    await request.read()
    return web.Response(body=b'{"offers":[]}', content_type="application/json")

async def main():
    app = web.Application()
    app.router.add_post("/vendors/{index}/inbox/intentions", inbox)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    print(f"receiver on http://127.0.0.1:{runner.addresses[0][1]}", flush=True)
    await asyncio.Event().wait()

asyncio.run(main())
"""


def _start_server(arguments: list[str], *, niceness: int = 0) -> tuple[subprocess.Popen[str], str]:
    """A loopback server in a subprocess (its own GIL and core), ``niceness`` steps below our
    priority; returns it and its base URL."""
    process = subprocess.Popen(
        [sys.executable, *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    if niceness:  # at once, before the server makes any thread (a niceness is per thread)
        os.setpriority(os.PRIO_PROCESS, process.pid, os.getpriority(os.PRIO_PROCESS, 0) + niceness)
    assert process.stdout is not None
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        match = _LISTENING.search(line)
        if match:
            return process, f"http://127.0.0.1:{match.group(1)}"
    stop(process)
    raise RuntimeError(f"the loopback server {arguments[:3]} did not start")


def kit_processes() -> int:
    """How many processes the vendor kit serves from here: one per core, at most 4.

    On a 2-core machine the client needs about one core, yet two kit processes beat one: the
    second uses what the client leaves idle while it waits for answers.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def start_vendors(
    count: int, *, processes: int = 1, niceness: int = 0
) -> tuple[subprocess.Popen[str], str]:
    """``vrm-vendor serve --vendors count --processes processes`` on a free port."""
    return _start_server(
        [
            "-m",
            "vendorkit.cli",
            "serve",
            "--port",
            "0",
            "--vendors",
            str(count),
            "--processes",
            str(processes),
        ],
        niceness=niceness,
    )


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    if process.stdout is not None:
        process.stdout.close()


async def _fetch_all(urls: list[str]) -> list[bytes]:
    connector = aiohttp.TCPConnector(limit=DEFAULT_CONCURRENCY)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one(url: str) -> bytes:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.read()

        return await asyncio.gather(*(one(url) for url in urls))


def directory(vault: Vault, base: str) -> list[FetchedMetadata]:
    """Fetch every vendor's metadata over HTTP, then add each to the vault's directory."""
    urls = [
        f"{base}/vendors/{index}/.well-known/vrm-vendor.json" for index in range(1, VENDORS + 1)
    ]
    documents = asyncio.run(_fetch_all(urls))
    fetched = [
        parse_metadata_bytes(data, url=url) for url, data in zip(urls, documents, strict=True)
    ]
    directory = VendorDirectory(vault)
    for item in fetched:
        directory.add(item)
    return fetched


# ------------------------------------------------------------------------------ broadcast


def _intention(key: SigningKey) -> Intention:
    now = datetime.now(UTC)
    return Intention.model_validate(
        {
            "@context": "https://schema.org",
            "@type": "Demand",
            "id": uuid.uuid4().urn,
            "issued": utc_timestamp(now),
            "validThrough": utc_timestamp(now + timedelta(days=7)),
            "itemOffered": {"name": "Trail running shoes", "category": "shoes"},
            "eligibleQuantity": {"value": 1},
            "priceSpecification": {"maxPrice": "120.00", "priceCurrency": "EUR"},
            "delivery": {
                "method": "delivery",
                "region": "ES-MD",
                "postalPrefix": "280",
                "deliverBy": (date.today() + timedelta(days=10)).isoformat(),
            },
            "openToAlternatives": True,
            "terms": {"agreements": ["SD-BASE"], "sha256": "ab" * 32},
            "requester": {"publicKey": key.verifying_key.jwk, "kid": key.kid},
        }
    )


def _signed_body(vault: Vault) -> tuple[SigningKey, bytes, str]:
    """A fresh requester key (in the vault) and one signed intention's wire bytes."""
    with vault.write() as connection:
        key = vault.new_signing_key(connection, purpose="intention")
    intention = _intention(key)
    return key, wire_bytes(sign_intention(intention, key)), intention.id


@dataclass
class _RunResult:
    seconds: float
    ok: int


def inboxes(vendors: list[FetchedMetadata], base: str | None) -> list[str]:
    """Each vendor's inbox URL, or the same path on another server at ``base``."""
    urls = [vendor.metadata.inbox.intentions for vendor in vendors]
    return urls if base is None else [base + urlsplit(url).path for url in urls]


def enqueue_broadcast(vault: Vault, vendors: list[FetchedMetadata], urls: list[str]) -> None:
    """One fresh signed intention queued for every vendor, in one transaction."""
    key, body, intention_id = _signed_body(vault)
    with vault.write() as connection:
        enqueue(
            connection,
            [
                OutboxMessage(
                    kind="intention",
                    vendor_id=vendor.metadata.id,
                    url=url,
                    body=body,
                    signing_kid=key.kid,
                    subject=intention_id,
                )
                for vendor, url in zip(vendors, urls, strict=True)
            ],
        )


def _broadcast_once(vault: Vault, vendors: list[FetchedMetadata], urls: list[str]) -> _RunResult:
    """Enqueue one intention for every vendor in one transaction, then time the worker."""
    enqueue_broadcast(vault, vendors, urls)

    async def deliver() -> _RunResult:
        async with Transport() as transport:
            worker = DeliveryWorker(Outbox(vault), transport, vault.signing_key)
            started = time.perf_counter()
            summary = await worker.run()
            return _RunResult(time.perf_counter() - started, summary.delivered)

    return asyncio.run(deliver())


def _raw_once(vault: Vault, urls: list[str], *, sign_each: bool = False) -> _RunResult:
    """The same 1 000 signed POSTs (fresh intention and ids) from a bare aiohttp session:
    signed beforehand, outside the time measured, or (``sign_each``) each signed as it is sent,
    as any sender of Standard Webhooks must (the signature covers the sending time)."""
    key, body, _ = _signed_body(vault)
    now = int(time.time())
    requests = [
        (url, webhook_headers(key, message_id=str(uuid.uuid4()), body=body, timestamp=now))
        for url in urls
    ]

    async def post_all() -> _RunResult:
        connector = aiohttp.TCPConnector(limit=DEFAULT_CONCURRENCY)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def one(url: str, headers: dict[str, str]) -> bool:
                if sign_each:
                    headers = webhook_headers(
                        key, message_id=headers[HEADER_ID], body=body, timestamp=int(time.time())
                    )
                async with session.post(url, data=body, headers=headers) as response:
                    await response.read()
                    return 200 <= response.status < 300

            started = time.perf_counter()
            results = await asyncio.gather(*(one(url, headers) for url, headers in requests))
            return _RunResult(time.perf_counter() - started, sum(results))

    return asyncio.run(post_all())


@dataclass
class _Runs:
    """Interleaved runs: the outbox worker, the raw client with POSTs signed beforehand, and
    the raw client signing each POST as it sends it."""

    ours: list[_RunResult]
    raw: list[_RunResult]
    signing: list[_RunResult]


def _rate(runs: list[_RunResult]) -> float:
    return statistics.median(VENDORS / run.seconds for run in runs)


def _compare(vault: Vault, vendors: list[FetchedMetadata], urls: list[str]) -> _Runs:
    """Outbox worker and raw client runs, interleaved so that noise hits them alike."""
    runs = _Runs([], [], [])
    for _ in range(BROADCAST_RUNS):
        runs.ours.append(_broadcast_once(vault, vendors, urls))
        runs.raw.append(_raw_once(vault, urls))
        runs.signing.append(_raw_once(vault, urls, sign_each=True))
    return runs


def _broadcast_figures(work: Path) -> list[Figure]:
    vault = Vault.create(work / "vault", PASSPHRASE, kdf_target_seconds=0).vault
    try:
        processes = kit_processes()
        process, base = start_vendors(VENDORS, processes=processes)
        try:
            vendors = directory(vault, base)
            kit = _compare(vault, vendors, inboxes(vendors, None))
        finally:
            stop(process)
        process, base = _start_server(["-c", _MINIMAL_RECEIVER])
        try:
            bare = _compare(vault, vendors, inboxes(vendors, base))
        finally:
            stop(process)
    finally:
        vault.lock()
    runs = f"median of {BROADCAST_RUNS}, concurrency {DEFAULT_CONCURRENCY}"
    kit_note = f"vendor kit in {processes} subprocess(es)"
    return [
        *_receiver_figures(kit, "vendor-kit vendors", "the vendor kit", runs, kit_note),
        *_receiver_figures(
            bare, "minimal receivers", "minimal receivers", runs, "the receiver does no work"
        ),
    ]


def _paired(ours: list[_RunResult], raw: list[_RunResult]) -> float:
    """Median over the interleaved pairs of (worker rate / raw rate): noise that slows one
    moment of the run slows both runs of a pair."""
    return statistics.median(r.seconds / o.seconds for o, r in zip(ours, raw, strict=True))


def _receiver_figures(
    runs: _Runs, receivers: str, short: str, median: str, note: str
) -> list[Figure]:
    def not_ok(results: list[_RunResult]) -> int:
        return sum(VENDORS - result.ok for result in results)

    return [
        Figure(
            f"broadcast to {VENDORS:,} {receivers} (outbox worker)",
            _rate(runs.ours),
            "/s",
            target=1000 if receivers.startswith("vendor-kit") else None,
            higher_is_better=True,
            note=f"{median}, {not_ok(runs.ours)} not 2xx; {note}; vault steps inline, "
            "signing off the loop, every delivery recorded before and after",
        ),
        Figure(
            f"  raw aiohttp, same POSTs signed beforehand, to {short}",
            _rate(runs.raw),
            "/s",
            note=f"{median}, {not_ok(runs.raw)} not 2xx; signatures made outside the time measured",
        ),
        Figure(
            f"  raw aiohttp, each POST signed as sent, to {short}",
            _rate(runs.signing),
            "/s",
            note=f"{median}, {not_ok(runs.signing)} not 2xx",
        ),
        Figure(
            f"  outbox worker / raw signed beforehand ({short})",
            _paired(runs.ours, runs.raw),
            "x",
            target=0.8,
            higher_is_better=True,
            note=f"median of {BROADCAST_RUNS} interleaved pairs",
        ),
        Figure(
            f"  outbox worker / raw signing as sent ({short})",
            _paired(runs.ours, runs.signing),
            "x",
            target=0.8,
            higher_is_better=True,
            note=f"median of {BROADCAST_RUNS} interleaved pairs",
        ),
    ]


# ------------------------------------------------------------------------------ offer ingest


def _offer(key: SigningKey, vendor: int, index: int, intention_id: str) -> Offer:
    now = datetime.now(UTC)
    return Offer.model_validate(
        {
            "id": uuid.uuid4().urn,
            "intention": intention_id,
            "issued": utc_timestamp(now),
            "validThrough": utc_timestamp(now + timedelta(days=3)),
            "seller": {
                "id": f"bench-vendor-{vendor}",
                "name": f"Bench Vendor {vendor}",
                "publicKey": PublicJwk.model_validate(key.verifying_key.jwk),
                "kid": key.kid,
            },
            "itemOffered": {"name": f"Trail running shoes model {index}", "category": "shoes"},
            "price": f"{60 + index % 60}.{index % 100:02d}",
            "priceCurrency": "EUR",
            "eligibleQuantity": {"value": 1},
            "delivery": {
                "method": "delivery",
                "deliverBy": (date.today() + timedelta(days=3 + index % 10)).isoformat(),
                "leadTimeDays": 1 + index % 9,
            },
            "areaServed": ["ES"],
            "acceptsTerms": {"sha256": "ab" * 32},
            "acceptsLoyaltyProposal": index % 3 == 0,
        }
    )


def _vendor_metadata(key: SigningKey, vendor: int) -> FetchedMetadata:
    """A directory entry for ``bench-vendor-N`` pinning ``key`` (no server: ingest is local)."""
    origin = f"http://127.0.0.1:9/vendors/{vendor}"
    document = {
        "id": f"bench-vendor-{vendor}",
        "name": f"Bench Vendor {vendor}",
        "publicKey": key.verifying_key.jwk,
        "inbox": {"intentions": f"{origin}/inbox/intentions", "offers": f"{origin}/inbox/offers"},
        "categories": ["shoes"],
        "policyUrl": f"{origin}/policy",
        "contact": "bench@example.org",
    }
    return parse_metadata(document, url=f"{origin}/.well-known/vrm-vendor.json")


def _offer_bodies(keys: list[SigningKey], intention_id: str) -> list[tuple[str, bytes]]:
    """``OFFERS`` signed offers for ``intention_id``: one ``{"offers": [...]}`` answer per key."""
    per_vendor: list[list[dict[str, object]]] = [[] for _ in keys]
    for index in range(OFFERS):
        vendor = index % OFFER_KEYS
        offer = _offer(keys[vendor], vendor, index, intention_id)
        per_vendor[vendor].append(sign_offer(offer, keys[vendor]).wire())
    return [
        (f"bench-vendor-{vendor}", json.dumps({"offers": offers}).encode())
        for vendor, offers in enumerate(per_vendor)
    ]


def _ingest_once(vault: Vault, keys: list[SigningKey]) -> float:
    """A fresh stored intention, its offers signed beforehand, then every answer ingested."""
    draft = IntentionDraft(
        item_name="Trail running shoes",
        category="shoes",
        max_price="120.00",
        currency="EUR",
        region="ES-MD",
        delivery_method="delivery",
        open_to_alternatives=True,
    )
    intention_id = IntentionBook(vault).create(draft).id
    bodies = _offer_bodies(keys, intention_id)
    report = IngestReport()
    started = time.perf_counter()
    for vendor_id, raw in bodies:
        report.merge(ingest_body(vault, vendor_id=vendor_id, intention_id=intention_id, raw=raw))
    seconds = time.perf_counter() - started
    if len(report.stored) != OFFERS or report.duplicates or report.rejected:
        raise RuntimeError(
            f"offer ingest stored {len(report.stored)} of {OFFERS} "
            f"({report.duplicates} duplicates, {len(report.rejected)} rejected)"
        )
    return seconds


def _ingest_figures(work: Path) -> list[Figure]:
    keys = [generate_signing_key() for _ in range(OFFER_KEYS)]
    vault = Vault.create(work / "ingest-vault", PASSPHRASE, kdf_target_seconds=0).vault
    try:
        directory = VendorDirectory(vault)
        for vendor, key in enumerate(keys):
            directory.add(_vendor_metadata(key, vendor))
        samples = [_ingest_once(vault, keys) for _ in range(INGEST_RUNS)]
    finally:
        vault.lock()
    seconds = statistics.median(samples)
    per_answer = OFFERS // OFFER_KEYS
    return [
        Figure(
            "offer ingest: verify + validate + store (ingest_body)",
            OFFERS / seconds,
            "/s",
            target=1000,
            higher_is_better=True,
            note=(
                f"{OFFERS:,} offers from {OFFER_KEYS} pinned vendor keys ({per_answer} per answer, "
                f"one transaction each) into a real vault; a fresh stored intention per run, "
                f"median of {INGEST_RUNS}"
            ),
        )
    ]


def _funnel_figures() -> list[Figure]:
    """``run_funnel`` over 10 000 offers, if ``wallet.offers.funnel`` (in progress) is there."""
    try:
        from wallet.offers.funnel import run_funnel
    except ImportError:
        print("  (funnel over 10 000 offers: not measured, wallet.offers.funnel is not importable)")
        return []
    key = generate_signing_key()
    intention = _intention(key)
    keys = [generate_signing_key() for _ in range(OFFER_KEYS)]
    offers = [
        _offer(keys[index % OFFER_KEYS], index % OFFER_KEYS, index, intention.id)
        for index in range(FUNNEL_OFFERS)
    ]
    history = {f"bench-vendor-{vendor}": vendor % 7 for vendor in range(OFFER_KEYS)}
    result = run_funnel(intention, offers, history=history)
    seconds = median_seconds(
        lambda: run_funnel(intention, offers, history=history), repeat=FUNNEL_RUNS
    )
    kept = len(result.kept) + len(result.alternatives)
    return [
        Figure(
            f"funnel over {FUNNEL_OFFERS:,} offers (remove + rank)",
            seconds * 1000,
            "ms",
            target=200,
            note=f"median of {FUNNEL_RUNS}; {kept:,} kept, {len(result.removed):,} removed",
        )
    ]


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="vrm-bench-broadcast-") as temp:
        figures = _broadcast_figures(Path(temp))
        figures += _ingest_figures(Path(temp))
    figures += _funnel_figures()
    return figures
