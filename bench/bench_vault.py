"""Vault core: unlock, connection open, insert and FTS search at 100 000 fields, SQLCipher cost."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from bench import Figure, median_seconds, percentile
from wallet import crypto
from wallet.personal_data import FieldSnapshot
from wallet.personal_data import store as fields
from wallet.storage.connection import Connection, open_encrypted, transaction
from wallet.storage.migrations import migrate
from wallet.vault.facade import Vault

ROWS = 100_000
QUERIES = 300
UNLOCK_RUNS = 5
PASSPHRASE = "benchmark passphrase, not a secret"
# Values mix a realistic spread of rarer words (names, streets, towns: ~1 500 generated words)
# with a few very common ones, so searches hit both selective and broad matches.
_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "te",
    "vi",
    "do",
    "ga",
    "be",
    "fo",
    "ri",
    "lu",
    "ma",
    "no",
    "pe",
    "zu",
    "ha",
    "ki",
]
RARE_WORDS = [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES[:4]]
COMMON_WORDS = "street road avenue lane garden river market station".split()  # noqa: SIM905


def _value(rng: random.Random) -> str:
    rare = rng.sample(RARE_WORDS, 3)
    return f"{rng.randint(1, 999)} {rare[0]} {rng.choice(COMMON_WORDS)}, {rare[1]} {rare[2]}"


def _snapshots(count: int) -> list[FieldSnapshot]:
    rng = random.Random(7)
    now = datetime.now(UTC)
    return [
        FieldSnapshot(
            key=f"field{index:06d}",
            label=f"Field {index}",
            value=_value(rng),
            category=1 + index % 16,
            sensitive=index % 10 == 0,
            created=now,
            updated=now,
        )
        for index in range(count)
    ]


def _plain_connection(path: Path) -> Connection:
    # The same SQLite build without a key (SQLCipher then writes plain SQLite), so the ratio
    # measures encryption alone rather than two SQLite versions.
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    return connection


def _search_samples(connection: Connection, rng: random.Random, words: list[str]) -> list[float]:
    """Seconds per search for a word prefix plus a second word prefix, as a person types."""
    samples = []
    for _ in range(QUERIES):
        first, second = rng.choice(words), rng.choice(RARE_WORDS)
        query = f"{first[: rng.randint(3, len(first))]} {second[:3]}"
        started = time.perf_counter()
        fields.search(connection, query, limit=50)
        samples.append(time.perf_counter() - started)
    return samples


def _workload(connection: Connection, rows: list[FieldSnapshot]) -> dict[str, float]:
    """Insert every row in one transaction, then run FTS searches and page fetches."""
    migrate(connection)
    started = time.perf_counter()
    with transaction(connection):
        for row in rows:
            fields.insert(connection, row)
    insert_seconds = time.perf_counter() - started

    rng = random.Random(11)
    search_samples = _search_samples(connection, rng, RARE_WORDS)
    broad_samples = _search_samples(connection, rng, COMMON_WORDS)

    ids = fields.ordered_ids(connection)
    page_samples = []
    for _ in range(QUERIES):
        start = rng.randrange(0, len(ids) - 200)
        started = time.perf_counter()
        fields.rows_by_ids(connection, ids[start : start + 200])
        page_samples.append(time.perf_counter() - started)
    return {
        "insert": insert_seconds,
        "search_p50": statistics.median(search_samples),
        "search_p90": percentile(search_samples, 0.9),
        "search_total": sum(search_samples),
        "broad_p90": percentile(broad_samples, 0.9),
        "page_p50": statistics.median(page_samples),
        "page_total": sum(page_samples),
    }


def _unlock_figures(work: Path) -> list[Figure]:
    created = Vault.create(work / "unlock", PASSPHRASE, kdf_target_seconds=0.5)
    created.vault.fields.set("email", "ada@example.org")
    created.vault.lock()
    kdf, rest = [], []
    for _ in range(UNLOCK_RUNS):
        vault = Vault.open_with_passphrase(work / "unlock", PASSPHRASE)
        kdf.append(vault.unlock_timings.kdf_seconds)
        rest.append(vault.unlock_timings.rest_seconds)
        vault.lock()
    return [
        Figure(
            "unlock: Argon2id key derivation (calibrated ~0.5 s)",
            statistics.median(kdf) * 1000,
            "ms",
            note=f"median of {UNLOCK_RUNS}",
        ),
        Figure("unlock minus KDF", statistics.median(rest) * 1000, "ms", target=150),
    ]


def _open_figure(work: Path) -> Figure:
    key = crypto.random_bytes(32)
    path = work / "open.db"
    connection = open_encrypted(path, key)
    migrate(connection)
    connection.close()
    seconds = median_seconds(lambda: open_encrypted(path, key).close(), repeat=50)
    return Figure("raw-key connection open (key check + pragmas)", seconds * 1000, "ms", target=5)


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="vrm-bench-") as temp:
        work = Path(temp)
        figures = _unlock_figures(work)
        figures.append(_open_figure(work))
        rows = _snapshots(ROWS)
        encrypted = _workload(open_encrypted(work / "enc.db", crypto.random_bytes(32)), rows)
        plain = _workload(_plain_connection(work / "plain.db"), rows)
    encrypted_total = encrypted["insert"] + encrypted["search_total"] + encrypted["page_total"]
    plain_total = plain["insert"] + plain["search_total"] + plain["page_total"]
    return [
        *figures,
        Figure(
            f"insert {ROWS:,} fields (one transaction, FTS indexed)",
            encrypted["insert"],
            "s",
            note=f"{ROWS / encrypted['insert']:,.0f} rows/s",
        ),
        Figure(f"FTS query at {ROWS:,} fields, p50", encrypted["search_p50"] * 1000, "ms"),
        Figure(
            f"FTS query at {ROWS:,} fields, p90", encrypted["search_p90"] * 1000, "ms", target=10
        ),
        Figure(
            "FTS query with a very common word (1 row in 8), p90",
            encrypted["broad_p90"] * 1000,
            "ms",
        ),
        Figure("page of 200 rows by id, p50", encrypted["page_p50"] * 1000, "ms"),
        Figure("SQLCipher / plain sqlite3: insert", encrypted["insert"] / plain["insert"], "x"),
        Figure(
            "SQLCipher / plain sqlite3: FTS queries",
            encrypted["search_total"] / plain["search_total"],
            "x",
        ),
        Figure(
            "SQLCipher / plain sqlite3: page fetches",
            encrypted["page_total"] / plain["page_total"],
            "x",
        ),
        Figure(
            "SQLCipher / plain sqlite3: whole workload",
            encrypted_total / plain_total,
            "x",
            target=2.0,
        ),
    ]
