"""Issue 11: hostile vendor answers that used to stop the wallet for every vendor, reproduced on
real sockets (127.0.0.1) and shown to fail only the vendor that sent them.

* a ``429`` whose ``Retry-After`` is 400 or 5 000 digits, or ``²``;
* an offer list whose offer id is a lone surrogate (``"\\ud800"``);
* a 256 KiB flood ``{"offers":[1,1,…]}``;
* vendors that accept the connection and never answer, against ``--wait N``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import test_consents_cli
from tests.conftest import PASSPHRASE
from tests.hostile_vendors import Answer, ScriptedVendor, StallingServer, add_vendor_at
from tests.intent_helpers import add_vendors, create, save_terms, serve
from tests.test_consents_requests import fill
from tests.test_outbox import FakeClock, _enqueue, _key, _run, _worker
from tests.webhook_servers import Receiver
from vendorkit.server import BackgroundVendors
from wallet import activity
from wallet.crypto.signing import generate_signing_key
from wallet.delivery.cycle import deliver_pending
from wallet.intents import IntentionBook
from wallet.offers import OfferBook
from wallet.offers.store import rejections_for
from wallet.outbox import Outbox, parse_retry_after
from wallet.transport import Transport
from wallet.vault.facade import Vault

# The CLI fixtures: VRM_WALLET_HOME with the passphrase in the environment; main() in-process.
home = test_consents_cli.home
run = test_consents_cli.run
Run = test_consents_cli.Run

HOSTILE_RETRY_AFTER = {"digits400": "9" * 400, "digits5000": "9" * 5000, "superscript": "²"}
SURROGATE_OFFERS = b'{"offers":[{"offer":{"id":"\\ud800"},"signature":"x"}]}'


# ---------------------------------------------------------------------------- Retry-After


def test_hostile_retry_after_values_are_ignored() -> None:
    now = 1_700_000_000.0
    for value in HOSTILE_RETRY_AFTER.values():
        assert parse_retry_after(value, now) is None
    for value in ("١٢", "1e3", "-5", "12345678", "Fri, 31 Dec 99999 23:59:59 GMT", "\udcff"):
        assert parse_retry_after(value, now) is None, value
    assert parse_retry_after(" 120 ", now) == 120.0
    assert parse_retry_after("0", now) == 0.0


def test_a_hostile_retry_after_fails_no_cycle_and_no_other_vendor(vault: Vault) -> None:
    key = _key(vault)
    clock = FakeClock()
    receiver = Receiver(key.verifying_key, clock)
    receiver.script = {
        name: [(429, {"Retry-After": value}, b"")] for name, value in HOSTILE_RETRY_AFTER.items()
    }
    names = [*HOSTILE_RETRY_AFTER, "honest"]

    async def scenario(base: str, transport: Transport) -> Any:
        _enqueue(vault, key, base, names, clock.now)
        worker = _worker(vault, transport, clock)
        first = {o.vendor_id: o for o in await worker.run_once()}
        clock.now += 60  # every backoff has passed; the vendors now accept
        second = {o.vendor_id: o for o in await worker.run_once()}
        return first, second

    first, second = _run(vault, receiver, scenario)
    assert first["vendor-honest"].status == "delivered"
    for name in HOSTILE_RETRY_AFTER:
        outcome = first[f"vendor-{name}"]
        # the header is ignored: the row is retried after the normal backoff (1 s * jitter 0.5)
        assert outcome.status == "pending", outcome
        assert outcome.next_attempt_at == pytest.approx(clock.now - 60 + 0.5)
        assert second[f"vendor-{name}"].status == "delivered"
    assert {row.status for row in Outbox(vault).rows()} == {"delivered"}


# ---------------------------------------------------------------------------- offers


@pytest.fixture
def kit() -> Iterator[BackgroundVendors]:
    with serve(1) as server:
        yield server


@pytest.fixture
def hostile() -> Iterator[ScriptedVendor]:
    with ScriptedVendor("hostile-vendor") as vendor:
        yield vendor


@pytest.fixture
def market(vault: Vault, kit: BackgroundVendors, hostile: ScriptedVendor) -> Vault:
    """A vault with terms, the honest kit vendor and the hostile vendor in its directory."""
    add_vendors(vault, kit.metadata_urls)
    hostile.add_to(vault)
    save_terms(vault)
    return vault


def test_a_lone_surrogate_offer_id_fails_only_that_vendor(
    market: Vault, hostile: ScriptedVendor
) -> None:
    hostile.answer = Answer(body=SURROGATE_OFFERS)
    for _ in range(2):  # and every later broadcast still works
        record = create(market)
        IntentionBook(market).broadcast(record.id)
        report = deliver_pending(market, deadline=20)
        assert report.summary.delivered == 2
        assert len(report.offers.stored) >= 1  # the honest vendor's offers
        assert {o.vendor_id for o in OfferBook(market).offers(record.id)} == {"demo-vendor"}
        [refused] = rejections_for(market.reader, record.id)
        assert refused.vendor_id == "hostile-vendor" and refused.code == "invalid_offer"
        assert refused.offer_id == "\\ud800"  # stored escaped, so it can be stored at all
    assert market.verify_activity().ok

    async def fetch() -> Any:
        from wallet.offers import fetch_offers

        async with Transport() as transport:
            return await fetch_offers(market, transport, record.id)

    later = asyncio.run(fetch())  # `offers fetch` reads the same hostile list
    assert [r.code for r in later.rejected if r.vendor_id == "hostile-vendor"] == ["invalid_offer"]


def _flood(count: int) -> bytes:
    return b'{"offers":[' + b",".join([b"1"] * count) + b"]}"


def test_a_flood_of_items_is_refused_in_bounded_space(
    market: Vault, hostile: ScriptedVendor
) -> None:
    hostile.answer = Answer(body=_flood(131_000))
    assert len(hostile.answer.body) <= 256 * 1024
    record = create(market)
    IntentionBook(market).broadcast(record.id)
    size_before = _vault_bytes(market)
    started = time.perf_counter()
    report = deliver_pending(market, deadline=20)
    assert time.perf_counter() - started < 10
    hostile_refusals = [r for r in report.offers.rejected if r.vendor_id == "hostile-vendor"]
    assert [r.code for r in hostile_refusals] == ["oversize"]
    assert "131,000 items" in hostile_refusals[0].reason
    assert len(rejections_for(market.reader, record.id)) == 1
    assert market.activity_count(type_prefix=activity.OFFER_REJECTED) == 1
    assert _vault_bytes(market) - size_before < 2 * 1024 * 1024


def test_many_refused_offers_in_one_answer_are_counted_not_each_recorded(
    market: Vault, hostile: ScriptedVendor
) -> None:
    from wallet.offers.ingest import MAX_OFFERS_PER_ANSWER, MAX_REJECTIONS_RECORDED

    hostile.answer = Answer(body=_flood(MAX_OFFERS_PER_ANSWER))
    record = create(market)
    IntentionBook(market).broadcast(record.id)
    report = deliver_pending(market, deadline=20).offers
    stored = rejections_for(market.reader, record.id)
    assert len(stored) == MAX_REJECTIONS_RECORDED + 1  # and one row with the count of the rest
    assert stored[-1].code == "too_many"
    rest = MAX_OFFERS_PER_ANSWER - MAX_REJECTIONS_RECORDED
    assert str(rest) in stored[-1].reason
    assert report.unrecorded == rest
    logged = market.activity_count(type_prefix=activity.OFFER_REJECTED)
    assert logged == MAX_REJECTIONS_RECORDED + 1


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (b'{"offers":[{"offer":{"price":1e999999},"signature":"x"}]}', "invalid_offer"),
        (b'{"offers":[{"offer":{"price":"1e999999"},"signature":"x"}]}', "invalid_offer"),
        (b'{"offers":[' + b"9" * 5000 + b"]}", "malformed"),  # beyond Python's int digits
        (b'{"offers":[' + b"9" * 4000 + b"]}", "invalid_offer"),
        (b'{"offers":' + b"[" * 10_000 + b"]" * 10_000 + b"}", "malformed"),
        (b'{"offers":' + b"[" * 40 + b"]" * 40 + b"}", "malformed"),  # deeper than 32 levels
        (b'{"offers":[{"offer":{"id":"' + b"\\ud800" * 9000 + b'"},"signature":""}]}', "unsigned"),
    ],
)
def test_numbers_depth_and_sizes_in_an_answer_are_bounded(
    market: Vault, answer: bytes, code: str
) -> None:
    from wallet.offers.ingest import MAX_OFFER_ID, ingest_body

    record = create(market)
    started = time.perf_counter()
    report = ingest_body(market, vendor_id="hostile-vendor", intention_id=record.id, raw=answer)
    assert time.perf_counter() - started < 1
    [refused] = report.rejected
    assert refused.code == code, refused
    assert len(refused.offer_id) <= MAX_OFFER_ID and len(refused.reason) <= 300


def _vault_bytes(vault: Vault) -> int:
    vault.reader.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(path.stat().st_size for path in vault.directory.iterdir() if path.is_file())


# ---------------------------------------------------------------------------- the CLI


def _home_vault(home: Path, origins: dict[str, str]) -> str:
    """A vault at ``home`` with terms, two fields, the vendors at ``origins`` and an intention."""
    vault = Vault.create(home, PASSPHRASE, kdf_target_seconds=0).vault
    try:
        fill(vault)
        save_terms(vault)
        for vendor_id, origin in origins.items():
            add_vendor_at(vault, vendor_id, origin, generate_signing_key())
        return create(vault).id
    finally:
        vault.lock()


def test_the_cli_prints_a_bounded_number_of_refusals(
    home: Path, run: Run, hostile: ScriptedVendor
) -> None:
    from wallet.offers.ingest import MAX_OFFERS_PER_ANSWER

    intention_id = _home_vault(home, {"hostile-vendor": hostile.server.base_url})
    hostile.answer = Answer(body=_flood(MAX_OFFERS_PER_ANSWER))
    code, out, err = run("intent", "broadcast", intention_id, "--wait", "20")
    assert code == 0, err
    assert len(out.splitlines()) < 40, out
    assert "more" in out


def test_wait_bounds_a_broadcast_to_stalling_vendors(home: Path, run: Run) -> None:
    with StallingServer() as stalling:
        origins = {f"stalling-{n}": stalling.origin for n in range(3)}
        intention_id = _home_vault(home, origins)
        started = time.monotonic()
        code, out, err = run("intent", "broadcast", intention_id, "--wait", "2")
        took = time.monotonic() - started
        assert stalling.accepted() >= 1  # the requests were made, and stalled
    assert code == 0, err
    assert took <= 2 + 1.5, took
    assert "still pending 3" in out
    with Vault.open_with_passphrase(home, PASSPHRASE) as vault:
        rows = Outbox(vault).rows(subject=intention_id)
        assert {row.status for row in rows} <= {"pending", "delivering"}  # nothing lost
        Outbox(vault).resume()
        assert {row.status for row in Outbox(vault).rows()} == {"pending"}


def test_wait_bounds_a_consent_grant_to_a_stalling_vendor(home: Path, run: Run) -> None:
    with StallingServer() as stalling:
        _home_vault(home, {"stalling-books": stalling.origin})
        started = time.monotonic()
        code, _, err = run(
            "consent", "grant", "--vendor", "stalling-books", "--fields", "email",
            "--purpose", "2", "--yes", "--wait", "1",
        )  # fmt: skip
        took = time.monotonic() - started
    assert code == 0, err
    assert took <= 1 + 1.5, took
    assert "still pending 1" in err


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "3601", "1e999"])
def test_wait_must_be_a_number_of_seconds_within_an_hour(run: Run, value: str) -> None:
    with pytest.raises(SystemExit) as exited:  # a usage error, before any vault is opened
        run("intent", "broadcast", "urn:uuid:x", "--wait", value)
    assert exited.value.code == 2
