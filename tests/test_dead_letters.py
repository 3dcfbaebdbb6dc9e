"""Isolation by design (issue 11, item 2): whatever breaks while delivering, judging, recording or
reading ONE message fails only that message. It becomes a dead letter the person can list and
retry (core API and ``vrm-wallet-cli outbox``), and every other vendor, and every later cycle, goes
on. Real vendors on 127.0.0.1; the breakage is injected into one row only."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import test_consents_cli
from tests.conftest import PASSPHRASE
from tests.fixtures.make_fixture_vault import (
    FIXTURE_CONSENT_VENDOR_ID,
    FIXTURE_DEAD_REASON,
    FIXTURE_PASSPHRASE,
)
from tests.intent_helpers import add_vendors, create, save_terms, serve
from tests.test_consents_requests import VENDOR_ID, add_offline_vendor, fill
from tests.test_outbox import FakeClock, _enqueue, _key, _run, _worker
from tests.webhook_servers import Receiver
from vendorkit.server import BackgroundVendors
from wallet import activity
from wallet.consents import ConsentBook, GrantRequest
from wallet.delivery.cycle import deliver_pending
from wallet.errors import InvalidInput, NotFound
from wallet.intents import IntentionBook
from wallet.offers import OfferBook
from wallet.offers import store as offer_store
from wallet.outbox import DeliveryWorker, Outbox
from wallet.outbox import store as outbox_store
from wallet.outbox.dead_letters import DeadLetters
from wallet.storage import migrations
from wallet.storage.connection import open_encrypted
from wallet.storage.migrations import LATEST_VERSION, migrate
from wallet.transport import Transport
from wallet.vault.facade import Vault

# The CLI fixtures: VRM_WALLET_HOME with the passphrase in the environment; main() in-process.
home = test_consents_cli.home
run = test_consents_cli.run
Run = test_consents_cli.Run

FIXTURES = Path(__file__).parent / "fixtures"


def _statuses(vault: Vault) -> dict[str, str]:
    return {row.vendor_id: row.status for row in Outbox(vault).rows()}


# ---------------------------------------------------------------------------- delivery


def test_a_row_whose_judging_breaks_is_dead_and_the_others_are_delivered(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _key(vault)
    clock = FakeClock()
    receiver = Receiver(key.verifying_key, clock)
    judge = DeliveryWorker._judge

    def breaks_for_one(self: DeliveryWorker, row: Any, attempts: int, result: Any) -> Any:
        if row.vendor_id == "vendor-odd":
            raise KeyError("a judging bug only this answer meets")
        return judge(self, row, attempts, result)

    monkeypatch.setattr(DeliveryWorker, "_judge", breaks_for_one)

    async def scenario(base: str, transport: Transport) -> Any:
        _enqueue(vault, key, base, ["a", "odd", "b"], clock.now)
        summary = await _worker(vault, transport, clock).run(sleep=clock.sleep)
        _enqueue(vault, key, base, ["later"], clock.now)  # a later cycle works
        later = await _worker(vault, transport, clock).run_once()
        check_dead_letter(summary, later)
        # Fixed; the person retries it: it is sent again, with the same webhook-id.
        monkeypatch.undo()
        [dead] = DeadLetters(vault).list(not_delivered=True)
        result = DeadLetters(vault).retry([dead.id])
        assert result.requeued == (dead.id,) and not result.reread
        return await _worker(vault, transport, clock).run(sleep=clock.sleep)

    def check_dead_letter(summary: Any, later: Any) -> None:
        assert (summary.delivered, summary.dead) == (2, 1)
        assert [o.status for o in later] == ["delivered"]
        assert _statuses(vault) == {
            "vendor-a": "delivered",
            "vendor-odd": "dead",
            "vendor-b": "delivered",
            "vendor-later": "delivered",
        }
        [dead] = DeadLetters(vault).list(not_delivered=True)
        assert dead.vendor_id == "vendor-odd" and dead.retryable
        assert "KeyError" in dead.reason and "judging bug" not in dead.reason
        assert vault.activity_count(type_prefix=activity.DELIVERY_FAILED) == 1

    assert _run(vault, receiver, scenario).delivered == 1
    assert _statuses(vault)["vendor-odd"] == "delivered"
    assert len(receiver.ids_seen["odd"]) == 2 and len(set(receiver.ids_seen["odd"])) == 1
    assert len(receiver.accepted["odd"]) == 1


def test_an_outcome_that_cannot_be_recorded_buries_only_its_row(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _key(vault)
    clock = FakeClock()
    receiver = Receiver(key.verifying_key, clock)
    finish_many = outbox_store.finish_many
    ids: dict[str, int] = {}

    def breaks_on_one(connection: Any, outcomes: Any) -> None:
        if any(outcome[0] == ids["odd"] for outcome in outcomes):
            raise OverflowError("a row that cannot be written")
        finish_many(connection, outcomes)

    monkeypatch.setattr(outbox_store, "finish_many", breaks_on_one)

    async def scenario(base: str, transport: Transport) -> Any:
        for name, item_id in zip(
            ["a", "odd", "b"], _enqueue(vault, key, base, ["a", "odd", "b"], clock.now), strict=True
        ):
            ids[name] = item_id
        return await _worker(vault, transport, clock).run(sleep=clock.sleep)

    summary = _run(vault, receiver, scenario)
    assert (summary.delivered, summary.dead) == (2, 1)
    assert _statuses(vault) == {
        "vendor-a": "delivered",
        "vendor-odd": "dead",
        "vendor-b": "delivered",
    }
    assert "OverflowError" in Outbox(vault).get(ids["odd"]).last_error  # type: ignore[union-attr]


def test_a_stored_row_that_no_longer_reads_back_is_dead_and_the_rest_is_sent(
    vault: Vault,
) -> None:
    key = _key(vault)
    clock = FakeClock()
    receiver = Receiver(key.verifying_key, clock)

    async def scenario(base: str, transport: Transport) -> Any:
        _enqueue(vault, key, base, ["a", "odd", "b"], clock.now)
        with vault.write() as connection:  # a damaged row: its creation time is not a time
            connection.execute("UPDATE outbox SET created = 'x' WHERE vendor_id = 'vendor-odd'")
        return await _worker(vault, transport, clock).run(sleep=clock.sleep)

    summary = _run(vault, receiver, scenario)
    assert summary.delivered == 2
    raw = vault.reader.execute("SELECT vendor_id, status, last_error FROM outbox").fetchall()
    assert {row[0]: row[1] for row in raw} == {
        "vendor-a": "delivered",
        "vendor-odd": "dead",
        "vendor-b": "delivered",
    }
    assert "could not read" in next(row[2] for row in raw if row[0] == "vendor-odd")


def test_cancelling_a_vendor_or_subject_closes_its_dead_letters(vault: Vault) -> None:
    key = _key(vault)
    ids = _enqueue(vault, key, "http://127.0.0.1:9", ["a", "b"], 0.0)
    with vault.write() as connection:
        for item_id in ids:
            outbox_store.mark_dead(connection, item_id, "broken")
        outbox_store.cancel_for_vendor(connection, "vendor-a", "the vendor was removed")
        outbox_store.cancel_for_subject(connection, "urn:uuid:test", "intention", "withdrawn")
    assert set(_statuses(vault).values()) == {"failed"}
    assert DeadLetters(vault).retry_all().count == 0
    with pytest.raises(InvalidInput, match="not retried"):
        DeadLetters(vault).retry([ids[0]])
    with pytest.raises(NotFound):
        DeadLetters(vault).retry([ids[-1] + 1])


# ---------------------------------------------------------------------------- ingestion


@pytest.fixture(scope="module")
def kit() -> Iterator[BackgroundVendors]:
    with serve(2) as server:
        yield server


def test_an_answer_whose_reading_breaks_is_set_aside_and_the_others_are_read(
    vault: Vault, kit: BackgroundVendors, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_vendors(vault, kit.metadata_urls)
    save_terms(vault)
    insert_offer = offer_store.insert_offer

    def breaks_for_one_vendor(connection: Any, **values: Any) -> bool:
        if values["vendor_id"] == "demo-vendor-2":
            raise ValueError("a storage bug only this vendor's answer meets")
        return insert_offer(connection, **values)

    monkeypatch.setattr(offer_store, "insert_offer", breaks_for_one_vendor)
    first = create(vault)
    IntentionBook(vault).broadcast(first.id)
    report = deliver_pending(vault, deadline=20)
    assert report.summary.delivered == 2 and report.offers.unreadable == 1
    assert {o.vendor_id for o in OfferBook(vault).offers(first.id)} == {"demo-vendor-1"}
    [aside] = DeadLetters(vault).list(not_delivered=True)
    assert (aside.state, aside.vendor_id, aside.retryable) == ("unreadable", "demo-vendor-2", True)
    assert "ValueError" in aside.reason and "storage bug" not in aside.reason

    second = create(vault)  # later cycles go on, and do not stumble on the set-aside answer again
    IntentionBook(vault).broadcast(second.id, ["demo-vendor-1"])
    later = deliver_pending(vault, deadline=20)
    assert later.summary.delivered == 1 and later.offers.unreadable == 0
    assert OfferBook(vault).offers(second.id)

    monkeypatch.undo()  # fixed: the person retries, and the answer is read again
    assert DeadLetters(vault).retry_all().reread == (aside.id,)
    deliver_pending(vault, deadline=20)
    assert {o.vendor_id for o in OfferBook(vault).offers(first.id)} == {
        "demo-vendor-1",
        "demo-vendor-2",
    }
    assert DeadLetters(vault).list(not_delivered=True) == []
    assert vault.verify_activity().ok


# ---------------------------------------------------------------------------- the CLI


def test_outbox_list_and_retry_from_the_command_line(home: Path, run: Run) -> None:
    clock = FakeClock()
    vault = Vault.create(home, PASSPHRASE, kdf_target_seconds=0).vault
    receiver_key = _key(vault)
    receiver = Receiver(receiver_key.verifying_key, clock)

    async def queue(base: str, transport: Transport) -> list[int]:
        return _enqueue(vault, receiver_key, base, ["a", "b", "c"], clock.now)

    try:
        ids = _run(vault, receiver, queue)
        with vault.write() as connection:
            outbox_store.mark_dead(connection, ids[1], "the wallet could not send this message")
            outbox_store.finish_many(
                connection, [(ids[2], "failed", 1, 0.0, "HTTP 400", 400, None)]
            )
    finally:
        vault.lock()

    code, out, err = run("outbox", "list", "--failed")
    assert code == 0, err
    assert "dead" in out and "failed" in out and "1 can be retried" in out
    code, out, err = run("outbox", "list", "--json")
    listed = {item["id"]: item for item in json.loads(out)}
    assert [listed[i]["state"] for i in ids] == ["pending", "dead", "failed"]
    assert [listed[i]["retryable"] for i in ids] == [False, True, False]

    code, _, err = run("outbox", "retry", str(ids[2]), "--wait", "0")
    assert code == 1 and "not retried" in err and err.count("\n") == 1
    code, _, err = run("outbox", "retry")
    assert code == 1 and "--all" in err
    code, out, err = run("outbox", "retry", "--all", "--wait", "0")
    assert code == 0, err
    assert "Queued again: 1 message(s)" in out
    code, out, _ = run("outbox", "list", "--failed", "--json")
    assert [item["state"] for item in json.loads(out)] == ["failed"]


def test_a_blocked_message_is_listed_and_discarding_its_dead_letter_frees_it(
    home: Path, run: Run
) -> None:
    vault = Vault.create(home, PASSPHRASE, kdf_target_seconds=0).vault
    try:
        fill(vault)
        add_offline_vendor(vault)
        book = ConsentBook(vault)
        request = GrantRequest(vendor_id=VENDOR_ID, field_keys=("email",), purposes=(2,), days=9)
        consent_id = book.grant(request).id
        vault.fields.set("email", "new@example.org")
        book.propagate("email")
        disclosure, update = book.deliveries(consent_id)
        with vault.write() as connection:
            outbox_store.mark_dead(connection, disclosure.id, "the wallet could not send it")
    finally:
        vault.lock()

    code, out, err = run("outbox", "list", "--failed")
    assert code == 0, err
    assert "blocked" in out and "retry it, or `outbox discard ID`" in out
    code, out, _ = run("outbox", "list", "--failed", "--json")
    listed = {item["id"]: item for item in json.loads(out)}
    assert listed[update.id]["state"] == "blocked"
    assert listed[update.id]["waits_for"] == disclosure.id
    code, _, err = run("outbox", "discard", str(update.id))
    assert code == 1 and "cannot be discarded" in err and err.count("\n") == 1
    code, out, err = run("outbox", "discard", str(disclosure.id))
    assert code == 0 and "Discarded: 1 message(s)" in out, err
    code, out, _ = run("outbox", "list", "--json")
    listed = {item["id"]: item for item in json.loads(out)}
    assert (listed[update.id]["state"], listed[update.id]["waits_for"]) == ("pending", None)
    assert listed[disclosure.id]["state"] == "failed"
    assert "discarded by you" in listed[disclosure.id]["reason"]


# ---------------------------------------------------------------------------- schema 7


def test_schema_7_keeps_every_outbox_row_and_allows_dead_letters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connection = open_encrypted(tmp_path / "plain.db", b"k" * 32)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:6])
    monkeypatch.setattr(migrations, "LATEST_VERSION", 6)
    migrate(connection)
    body = outbox_store.body_id(connection, b'{"intention":"x"}')
    columns = "id, webhook_id, kind, subject, vendor_id, url, body_id, status, next_attempt_at"
    for index, status in enumerate(("pending", "delivered", "failed")):
        # raw SQL: the store's functions know the latest schema, not schema 6
        connection.execute(
            "INSERT INTO outbox (webhook_id, kind, subject, vendor_id, url, body_id, "
            "signing_kid, status, next_attempt_at, created) "
            "VALUES (?, 'intention', 's', ?, 'http://127.0.0.1/', ?, 'k', ?, 1.5, ?)",
            (f"w{index}", f"v{index}", body, status, "2026-01-01T00:00:00+00:00"),
        )
    before = connection.execute(f"SELECT {columns} FROM outbox ORDER BY id").fetchall()
    monkeypatch.undo()
    assert migrate(connection) == list(range(7, LATEST_VERSION + 1))
    assert connection.execute(f"SELECT {columns} FROM outbox ORDER BY id").fetchall() == before
    outbox_store.mark_dead(connection, before[0][0], "broken")
    assert outbox_store.get(connection, before[0][0]).status == "dead"  # type: ignore[union-attr]
    indexes = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    assert {"outbox_due", "outbox_by_subject", "outbox_by_kind"} <= indexes
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()


def test_the_schema_7_fixture_lists_and_retries_its_dead_letter(tmp_path: Path) -> None:
    copy = tmp_path / "vault-v7"
    shutil.copytree(FIXTURES / "vault-v7", copy)
    with Vault.open_with_passphrase(copy, FIXTURE_PASSPHRASE) as vault:
        [dead] = DeadLetters(vault).list(not_delivered=True)
        assert (dead.state, dead.vendor_id, dead.reason) == (
            "dead",
            FIXTURE_CONSENT_VENDOR_ID,
            FIXTURE_DEAD_REASON,
        )
        assert DeadLetters(vault).retry([dead.id]).requeued == (dead.id,)
        assert Outbox(vault).get(dead.id).status == "pending"  # type: ignore[union-attr]
