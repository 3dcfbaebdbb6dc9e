"""Hostile input costs little (issue 11): floods, hostile vendors, --wait, KDF ceiling, kills."""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from bench import Figure, median_seconds
from tests.hostile_vendors import Answer, ScriptedVendor, StallingServer, add_vendor_at
from wallet import crypto
from wallet.crypto.signing import generate_signing_key
from wallet.intents import IntentionBook, IntentionDraft
from wallet.offers.ingest import ingest_body
from wallet.outbox import DeliveryWorker, Outbox, OutboxMessage, enqueue
from wallet.transport import Transport
from wallet.vault import slots
from wallet.vault.facade import Vault
from wallet.vault.header import DEFAULT_ARGON2, MAX_KDF_WORK

PASSPHRASE = "benchmark passphrase, not a secret"
FLOOD_BYTES = 256 * 1024
INGEST_RUNS = 7
HONEST_VENDORS = 20
HOSTILE_VENDORS = 20
DELIVERY_RUNS = 5
WAIT_SECONDS = 2
STALLING_VENDORS = 3
HARNESS_KILLS = 40
REPO = Path(__file__).resolve().parent.parent

# What hostile vendors answered in the review of issue 11, each of which once broke the wallet.
HOSTILE_ANSWERS = (
    Answer(status=429, headers={"Retry-After": "9" * 400}),
    Answer(status=429, headers={"Retry-After": "²"}),
    Answer(body=b'{"offers":[' + b",".join([b"1"] * 20_000) + b"]}"),
    Answer(body=b'{"offers":[{"id":"\\ud800"}]}'),
    Answer(body=b"[" * 50_000 + b"]" * 50_000),
    Answer(status=500, body=b"\x1b[8m" * 1000),
)


def _intention(vault: Vault) -> str:
    draft = IntentionDraft(
        item_name="Trail running shoes",
        category="shoes",
        max_price="120.00",
        currency="EUR",
        region="ES-MD",
        delivery_method="delivery",
    )
    return IntentionBook(vault).create(draft).id


def _flood_figures(work: Path) -> list[Figure]:
    """One flood answer ``{"offers":[1,1,…]}`` (256 KiB) against an honest empty answer."""
    vault = Vault.create(work / "flood-vault", PASSPHRASE, kdf_target_seconds=0).vault
    try:
        key = generate_signing_key()
        add_vendor_at(vault, "flood-vendor", "http://127.0.0.1:9", key)
        intention_id = _intention(vault)
        flood = b'{"offers":[' + b",".join([b"1"] * ((FLOOD_BYTES - 12) // 2)) + b"]}"
        honest = b'{"offers":[]}'

        def ingest(raw: bytes) -> None:
            ingest_body(vault, vendor_id="flood-vendor", intention_id=intention_id, raw=raw)

        baseline = median_seconds(lambda: ingest(honest), repeat=INGEST_RUNS)
        database = vault.directory / "vault.db"
        size_before = database.stat().st_size
        flooded = median_seconds(lambda: ingest(flood), repeat=INGEST_RUNS)
        growth = (database.stat().st_size - size_before) / INGEST_RUNS
        stored = len(vault.reader.execute("SELECT id FROM offer_rejections").fetchall())
    finally:
        vault.lock()
    items = (FLOOD_BYTES - 12) // 2
    return [
        Figure(
            f"flood answer ({items:,} items, 256 KiB) ingested, ms",
            flooded * 1000,
            "ms",
            target=100,
            note=(
                f"{flooded / baseline:.1f}x an empty answer ({baseline * 1000:.2f} ms); "
                f"median of {INGEST_RUNS}; {stored} rejection rows in all"
            ),
        ),
        Figure(
            "vault growth per flood answer",
            growth / 1024,
            "KiB",
            target=64,
            note="was ~77 MB before issue 11",
        ),
    ]


def _deliver_once(vault: Vault, vendors: list[ScriptedVendor]) -> float:
    """One intention to every vendor through the real worker; seconds for the whole cycle."""
    key = generate_signing_key()
    with vault.write() as connection:
        kid = vault.new_signing_key(connection, purpose="bench").kid
        enqueue(
            connection,
            [
                OutboxMessage(
                    kind="intention",
                    vendor_id=vendor.vendor_id,
                    url=f"{vendor.server.base_url}/inbox/intentions",
                    body=b'{"bench": true}',
                    signing_kid=kid,
                )
                for vendor in vendors
            ],
        )
    del key

    async def cycle() -> None:
        async with Transport() as transport:
            worker = DeliveryWorker(Outbox(vault), transport, vault.signing_key)
            await worker.run_once()

    started = time.perf_counter()
    asyncio.run(cycle())
    return time.perf_counter() - started


def _hostile_delivery_figures(work: Path) -> list[Figure]:
    """A cycle to honest vendors alone, then with as many hostile ones beside them."""
    vault = Vault.create(work / "hostile-vault", PASSPHRASE, kdf_target_seconds=0).vault
    with ExitStack() as stack:
        honest = [stack.enter_context(ScriptedVendor(f"honest-{i}")) for i in range(HONEST_VENDORS)]
        hostile = [
            stack.enter_context(ScriptedVendor(f"hostile-{i}")) for i in range(HOSTILE_VENDORS)
        ]
        for index, vendor in enumerate(hostile):
            vendor.answer = HOSTILE_ANSWERS[index % len(HOSTILE_ANSWERS)]
        for vendor in honest + hostile:
            vendor.add_to(vault)
        try:
            alone = statistics.median(_deliver_once(vault, honest) for _ in range(DELIVERY_RUNS))
            mixed = statistics.median(
                _deliver_once(vault, honest + hostile) for _ in range(DELIVERY_RUNS)
            )
            delivered = sum(vendor.posts for vendor in honest)
            later = _deliver_once(vault, honest)  # a later cycle still works
        finally:
            vault.lock()
    return [
        Figure(
            f"delivery cycle with {HOSTILE_VENDORS} hostile vendors beside {HONEST_VENDORS}",
            mixed / alone,
            "x",
            target=4,
            note=(
                f"{mixed * 1000:.0f} ms vs {alone * 1000:.0f} ms for the honest ones alone; "
                f"median of {DELIVERY_RUNS}; honest vendors received {delivered} messages; "
                f"a later honest cycle took {later * 1000:.0f} ms"
            ),
        )
    ]


def _cli(vault_dir: Path, *args: str) -> float:
    env = {**os.environ, "VRM_WALLET_PASSPHRASE": PASSPHRASE}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "wallet.cli.main", "--vault", str(vault_dir), *args],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return time.perf_counter() - started


def _wait_figures(work: Path) -> list[Figure]:
    """``intent broadcast --wait 2`` to vendors that never answer, against ``data list``."""
    vault_dir = work / "wait-vault"
    vault = Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0).vault
    with ExitStack() as stack:
        servers = [stack.enter_context(StallingServer()) for _ in range(STALLING_VENDORS)]
        try:
            for index, server in enumerate(servers):
                add_vendor_at(vault, f"stalling-{index}", server.origin, generate_signing_key())
            ids = [_intention(vault) for _ in range(3)]
        finally:
            vault.lock()
        baseline = statistics.median(_cli(vault_dir, "data", "list") for _ in range(3))
        samples = [
            _cli(vault_dir, "intent", "broadcast", intention_id, "--wait", str(WAIT_SECONDS))
            for intention_id in ids
        ]
    waited = statistics.median(samples)
    return [
        Figure(
            f"intent broadcast --wait {WAIT_SECONDS} to {STALLING_VENDORS} stalling vendors",
            waited - baseline,
            "s",
            target=WAIT_SECONDS + 1.5,
            note=(
                f"whole command {waited:.2f} s minus {baseline:.2f} s for `data list` "
                f"(start-up and unlock); median of {len(samples)}; was 226 s"
            ),
        )
    ]


def _kdf_figures() -> list[Figure]:
    """One unlock attempt at the header's KDF ceiling, against the default cost."""
    default = DEFAULT_ARGON2
    ceiling = crypto.Argon2Cost(
        default.memory_kib, MAX_KDF_WORK // default.memory_kib, default.lanes
    )
    salt = crypto.random_bytes(crypto.SALT_BYTES)
    at_default = median_seconds(
        lambda: crypto.derive_argon2id("guess", salt=salt, cost=default), repeat=3
    )
    at_ceiling = median_seconds(
        lambda: crypto.derive_argon2id("guess", salt=salt, cost=ceiling), repeat=3
    )
    calibrated = slots.calibrated_cost(target_seconds=0.5)
    return [
        Figure(
            "one unlock attempt at the header's KDF ceiling",
            at_ceiling,
            "s",
            target=5,
            note=(
                f"{ceiling.memory_kib // 1024} MiB x {ceiling.iterations} passes: "
                f"{at_ceiling / at_default:.0f}x the minimum cost ({at_default:.2f} s); "
                f"calibrated default here: {calibrated.iterations} passes; was ~180 s"
            ),
        )
    ]


def _harness_figures() -> list[Figure]:
    """A short run of the crash-safety harness (the CI test runs 200 kills, `make soak` more)."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "tests.crash_harness", "--kills", str(HARNESS_KILLS), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    seconds = time.perf_counter() - started
    figures = json.loads(result.stdout)
    problems = len(figures.get("problems", []))
    return [
        Figure(
            f"crash harness: {HARNESS_KILLS} SIGKILLs, problems found",
            problems,
            "",
            target=0,
            note=f"{HARNESS_KILLS / seconds:.1f} kills/s including every check",
        )
    ]


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="vrm-bench-hardening-") as temp:
        work = Path(temp)
        figures = _flood_figures(work)
        figures += _hostile_delivery_figures(work)
        figures += _wait_figures(work)
    figures += _kdf_figures()
    figures += _harness_figures()
    return figures
