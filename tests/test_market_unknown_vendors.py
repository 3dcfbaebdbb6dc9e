"""Vendors the person never met (issue 15, deliverable 3), over a real nats-server and real HTTP
on 127.0.0.1: a kit vendor outside the directory names its metadata in its sealed offer; the
wallet fetches it, checks its key, shows the fingerprint, pins the vendor only when its offer is
accepted, and then consents work as for any directory vendor. Hostile documents (another key,
too big, too slow, unreachable) and the caps fail only their own message."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE
from tests.intent_helpers import create, funnel_catalog, save_terms
from tests.market_kit import kit
from tests.nats_server import NatsServer, nats_server
from tests.properties import HOSTILE_TEXT, examples
from vendorkit.market.listener import RelayVendors
from vendorkit.server import BackgroundVendors, VendorApp, make_vendors
from wallet.cli.main import main as wallet_cli
from wallet.consents import ConsentBook, GrantRequest
from wallet.crypto.signing import generate_signing_key
from wallet.delivery.cycle import deliver_pending
from wallet.errors import InvalidInput
from wallet.intents import store as intent_store
from wallet.market import cast_intention, follow_offers, meet
from wallet.market import store as market_store
from wallet.market.follow import FollowReport, _sealed_list
from wallet.market.meet import Meetings, Refusal
from wallet.offers import OfferBook
from wallet.offers.summary import offer_summary
from wallet.relay import Relay
from wallet.transport import Transport, is_loopback_host
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory
from wallet.vendors import met as met_store
from wallet.vendors.directory import MAX_METADATA_BYTES, check_metadata_url
from wallet.wire.consent_signing import verify_receipt

__all__ = ["kit", "nats_server"]  # the fixtures, imported so pytest finds them


def _answer(vault: Vault, relay_url: str, intention_id: str, vendors: RelayVendors) -> None:
    """The vendors answer the intention as their listener does (sealed, on its subject)."""
    row = intent_store.get(vault.reader, intention_id)
    assert row is not None

    async def run() -> None:
        async with Relay(relay_url) as relay:
            assert await vendors.answer(relay, row.signed.encode("utf-8")) >= 1

    asyncio.run(run())


def _follow(vault: Vault, relay_url: str, intention_id: str, timeout: float = 5.0) -> FollowReport:
    async def run() -> FollowReport:
        async with Transport(timeout=timeout) as transport:
            return await follow_offers(
                vault, relay_url, intention_id, wait_seconds=0.5, transport=transport
            )

    return asyncio.run(run())


def _cast(vault: Vault, relay_url: str) -> str:
    save_terms(vault)
    intention_id = create(vault).id
    asyncio.run(cast_intention(vault, relay_url, intention_id))
    return intention_id


def test_a_stranger_is_met_shown_pinned_on_acceptance_and_consented_to(
    vault: Vault, nats_server: NatsServer, kit: Any
) -> None:
    catalog, keys, server = kit
    assert VendorDirectory(vault).list() == []
    intention_id = _cast(vault, nats_server.url)
    # the HTTP side's own vendors: one kit process serving both (its decisions inbox knows the
    # intentions answered on the relay)
    served = server.vendor_app.vendors
    vendors = RelayVendors(served, catalog, metadata_urls=server.metadata_urls)
    _answer(vault, nats_server.url, intention_id, vendors)
    report = _follow(vault, nats_server.url, intention_id)
    assert report.messages == 2 and report.offers.rejected == []
    assert len(report.offers.stored) >= 2
    met = met_store.met_for(vault.reader, intention_id)
    assert sorted(m.fingerprint for m in met) == sorted(k.verifying_key.fingerprint for k in keys)
    assert VendorDirectory(vault).list() == []  # met, not pinned
    view = OfferBook(vault).funnel(intention_id)
    best = view.result.kept[0].offer
    summary = offer_summary(vault, best.id)
    signer = next(k for k in keys if k.verifying_key.kid == best.seller.kid)
    assert not summary.vendor_pinned
    assert summary.vendor_fingerprint == signer.verifying_key.fingerprint
    assert summary.score is not None  # ranked like any other offer

    accepted = OfferBook(vault).accept(best.id)
    assert accepted.pinned
    pinned = VendorDirectory(vault).get(best.seller.id)
    assert pinned.kid == signer.verifying_key.kid
    assert pinned.metadata_url in server.metadata_urls
    assert offer_summary(vault, best.id).vendor_pinned
    assert met_store.get(vault.reader, best.seller.id) is None
    others = {m.id for m in met_store.met_for(vault.reader, intention_id)}
    assert best.seller.id not in others and len(others) == 1  # the declined one stays met
    assert set(accepted.notices.told) == {best.seller.id}  # only the pinned vendor is told
    assert {v for v, _ in accepted.notices.not_told} == others
    assert all("met on a relay" in reason for _, reason in accepted.notices.not_told)

    vault.fields.set("email", "ada@example.org")
    consent_id = (
        ConsentBook(vault)
        .grant(
            GrantRequest(vendor_id=best.seller.id, field_keys=("email",), purposes=(2,), days=30)
        )
        .id
    )
    delivered = deliver_pending(vault, deadline=20)
    # its decisions (accepted, its other offer declined), then the disclosure
    assert delivered.summary.delivered == len(accepted.notices.told) + 1
    record = ConsentBook(vault).get(consent_id)
    assert verify_receipt(record.row.receipt_jws)[0].vrm.vendor == best.seller.id
    assert [e.type for e in ConsentBook(vault).history(consent_id)] == ["granted", "acknowledged"]


def test_the_command_line_shows_strangers_and_pins_on_acceptance(
    tmp_path: Path,
    nats_server: NatsServer,
    kit: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    catalog, keys, server = kit
    vault_dir = tmp_path / "vault"
    vault = Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0).vault
    save_terms(vault)
    intention_id = create(vault).id
    vault.lock()
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    where = ["--vault", str(vault_dir)]
    assert (
        wallet_cli([*where, "intent", "broadcast", intention_id, "--relay", nats_server.url]) == 0
    )
    vendors = RelayVendors(server.vendor_app.vendors, catalog, metadata_urls=server.metadata_urls)
    opened = Vault.open_with_passphrase(vault_dir, PASSPHRASE)
    _answer(opened, nats_server.url, intention_id, vendors)
    opened.lock()
    capsys.readouterr()
    follow = ["intent", "follow", intention_id, "--relay", nats_server.url, "--once"]
    assert wallet_cli([*where, *follow]) == 0
    out = capsys.readouterr().out
    fingerprints = [k.verifying_key.fingerprint for k in keys]
    assert all(fingerprint in out for fingerprint in fingerprints)
    assert "not in your directory" in out
    assert wallet_cli([*where, "--json", "offers", "list", intention_id]) == 0
    funnel = json.loads(capsys.readouterr().out)
    assert sorted(v["fingerprint"] for v in funnel["metVendors"]) == sorted(fingerprints)
    best = funnel["kept"][0]["id"]
    assert wallet_cli([*where, "--json", "offers", "show", best]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["vendorPinned"] is False and shown["vendorFingerprint"] in fingerprints
    assert wallet_cli([*where, "--json", "offers", "accept", best, "--yes", "--wait", "5"]) == 0
    accepted = json.loads(capsys.readouterr().out)
    assert accepted["pinned"] is True and accepted["fingerprint"] == shown["vendorFingerprint"]
    assert wallet_cli([*where, "--json", "vendor", "list"]) == 0
    assert accepted["vendor"] in capsys.readouterr().out


def test_a_listening_process_that_serves_its_vendors_is_met_and_hears_its_acceptance(
    tmp_path: Path, vault: Vault, nats_server: NatsServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """``vrm-vendor listen --serve-port 0``: one process answers on the relay, serves the
    metadata it names, and takes the decision for the offer accepted."""
    catalog_file = tmp_path / "catalog.json"
    catalog_file.write_text(funnel_catalog(careless=False).model_dump_json(by_alias=True))
    command = [sys.executable, "-m", "vendorkit.cli", "listen", "--relay", nats_server.url]
    command += ["--catalog", str(catalog_file), "--category", "shoes", "--serve-port", "0"]
    listener = subprocess.Popen([*command, "--seconds", "60"], stdout=subprocess.PIPE, text=True)
    try:
        intention_id = _cast(vault, nats_server.url)
        deadline = time.monotonic() + 20
        stored: list[str] = []
        while not stored and time.monotonic() < deadline:
            stored = _follow(vault, nats_server.url, intention_id).offers.stored
        assert stored, "no offer arrived from the listening process"
        [vendor] = met_store.met_for(vault.reader, intention_id)
        accepted = OfferBook(vault).accept(stored[0])
        assert accepted.pinned and VendorDirectory(vault).get(vendor.id).kid == vendor.kid
        report = deliver_pending(vault, deadline=20)
        assert report.summary.delivered >= 1 and report.summary.failed == 0
    finally:
        listener.send_signal(signal.SIGTERM)
        output = listener.communicate(timeout=15)[0]
    assert "Serving them on http://127.0.0.1:" in output
    assert "Answered 1 intention(s) with 1 sealed" in output


def test_a_document_with_another_key_is_refused_and_nobody_is_met(
    vault: Vault, nats_server: NatsServer, kit: Any
) -> None:
    catalog, _, server = kit
    impostors = make_vendors([generate_signing_key() for _ in range(2)], catalog)  # same ids
    intention_id = _cast(vault, nats_server.url)
    vendors = RelayVendors(impostors, catalog, metadata_urls=server.metadata_urls)
    _answer(vault, nats_server.url, intention_id, vendors)
    report = _follow(vault, nats_server.url, intention_id)
    assert report.offers.stored == []
    assert [r.code for r in report.offers.rejected] == ["wrong_key", "wrong_key"]
    assert "holds key" in report.offers.rejected[0].reason
    assert met_store.met_for(vault.reader, intention_id) == []
    refused = OfferBook(vault).funnel(intention_id).refused
    assert {r.code for r in refused} == {"wrong_key"}


@contextmanager
def _serving(app: web.Application) -> Iterator[str]:
    """``app`` served on 127.0.0.1 from a thread of its own; its base URL."""
    loop = asyncio.new_event_loop()
    server = TestServer(app, host="127.0.0.1")
    loop.run_until_complete(server.start_server())
    stop = asyncio.Event()
    thread = threading.Thread(target=lambda: loop.run_until_complete(stop.wait()), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=5)
        loop.run_until_complete(server.close())
        loop.close()


@pytest.fixture
def hostile_documents() -> Iterator[str]:
    """An HTTP server on 127.0.0.1 whose documents are too big or too slow; its base URL."""

    async def too_big(request: web.Request) -> web.Response:
        return web.Response(body=b"{" + b" " * (MAX_METADATA_BYTES + 10) + b"}")

    async def too_slow(request: web.Request) -> web.Response:
        await asyncio.sleep(30)
        return web.Response(body=b"{}")

    app = web.Application()
    app.router.add_get("/big/.well-known/vrm-vendor.json", too_big)
    app.router.add_get("/slow/.well-known/vrm-vendor.json", too_slow)
    with _serving(app) as base:
        yield base


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_bad_documents_fail_alone_while_another_vendors_offer_lands(
    vault: Vault, nats_server: NatsServer, hostile_documents: str
) -> None:
    catalog = funnel_catalog(careless=False)
    keys = [generate_signing_key() for _ in range(4)]
    with BackgroundVendors(VendorApp(make_vendors(keys, catalog), catalog)) as server:
        urls = [
            server.metadata_urls[0],  # the honest one
            f"{hostile_documents}/big/.well-known/vrm-vendor.json",
            f"{hostile_documents}/slow/.well-known/vrm-vendor.json",
            f"http://127.0.0.1:{_closed_port()}/.well-known/vrm-vendor.json",
        ]
        intention_id = _cast(vault, nats_server.url)
        vendors = RelayVendors(make_vendors(keys, catalog), catalog, metadata_urls=urls)
        _answer(vault, nats_server.url, intention_id, vendors)
        report = _follow(vault, nats_server.url, intention_id, timeout=1.0)
    honest = make_vendors(keys, catalog)[0].vendor_id
    stored_from = {OfferBook(vault).get(o).vendor_id for o in report.offers.stored}
    assert stored_from == {honest}
    refused = {r.vendor_id: r for r in report.offers.rejected}
    assert len(refused) == 3 and honest not in refused
    assert {r.code for r in refused.values()} == {"metadata_failed"}
    reasons = " | ".join(r.reason for r in refused.values())
    assert "larger than" in reasons and "no answer within" in reasons
    assert [m.id for m in met_store.met_for(vault.reader, intention_id)] == [honest]


def _strangers_answer(vault: Vault, relay_url: str, kit: Any, intention_id: str) -> FollowReport:
    """The kit's two vendors, outside the directory, answer the (cast) intention; one reading."""
    catalog, keys, server = kit
    vendors = RelayVendors(make_vendors(keys, catalog), catalog, metadata_urls=server.metadata_urls)
    _answer(vault, relay_url, intention_id, vendors)
    return _follow(vault, relay_url, intention_id)


@pytest.mark.parametrize(
    ("module", "cap", "reason"),
    [
        (met_store, "MAX_MET_PER_INTENTION", "answered this intention"),
        (meet, "MAX_DOCUMENTS_PER_INTENTION", "documents were already fetched"),
    ],
)
def test_a_stranger_over_a_per_intention_cap_is_refused_before_any_fetch(
    vault: Vault,
    nats_server: NatsServer,
    kit: Any,
    monkeypatch: pytest.MonkeyPatch,
    module: Any,
    cap: str,
    reason: str,
) -> None:
    monkeypatch.setattr(module, cap, 1)
    intention_id = _cast(vault, nats_server.url)
    report = _strangers_answer(vault, nats_server.url, kit, intention_id)
    assert len(met_store.met_for(vault.reader, intention_id)) == 1
    [refusal] = report.offers.rejected
    assert refusal.code == "too_many" and reason in refusal.reason
    assert market_store.documents_fetched(vault.reader, intention_id, nats_server.url) == 1


def test_vendors_met_in_all_are_capped_and_room_is_made_from_closed_intentions(
    vault: Vault, nats_server: NatsServer, kit: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(met_store, "MAX_MET_VENDORS", 1)
    first = _cast(vault, nats_server.url)
    report = _strangers_answer(vault, nats_server.url, kit, first)
    assert [r.code for r in report.offers.rejected] == ["too_many"]
    assert "You have met 1 vendors" in report.offers.rejected[0].reason
    [met] = met_store.met_for(vault.reader, first)
    second = create(vault).id
    asyncio.run(cast_intention(vault, nats_server.url, second))
    report = _strangers_answer(vault, nats_server.url, kit, second)
    assert [r.code for r in report.offers.rejected] == ["too_many"]
    assert met_store.met_for(vault.reader, second) == [met]  # met before: linked, not fetched
    assert market_store.documents_fetched(vault.reader, second, nats_server.url) == 0
    with vault.write() as connection:  # both intentions open: nothing is forgotten
        assert met_store.make_room(connection, open_statuses=("broadcast", "offers_in")) == 0
        assert met_store.make_room(connection, open_statuses=("draft",)) == 1
    assert met_store.counts(vault.reader, second) == (0, 0)


# ------------------------------------------------------------------------------ properties

URL_TEXT = st.one_of(
    HOSTILE_TEXT,
    st.builds(
        lambda scheme, host, rest: f"{scheme}://{host}{rest}",
        st.sampled_from(["http", "https", "HTTP", "ftp", "file", "javascript", ""]),
        st.sampled_from(
            ["127.0.0.1:1", "localhost", "[::1]", "10.0.0.1", "evil.example", "a@b", "", "%00"]
        ),
        HOSTILE_TEXT,
    ),
)


@settings(max_examples=examples(300), deadline=None)
@given(url=st.one_of(URL_TEXT, st.integers(), st.none(), st.lists(st.text(max_size=3))))
def test_any_metadata_url_in_a_sealed_list_is_taken_only_if_safe(url: Any) -> None:
    """Whatever a sealed list names as its metadata, the wallet keeps it only as one line of a
    URL of at most 2000 characters, and fetches only HTTPS or plain HTTP on this machine."""
    body = json.dumps({"offers": [{"offer": {}}], "metadataUrl": url}).encode()
    opened = _sealed_list("demo-vendor-1", body)
    assert json.loads(opened.offer_list) == {"offers": [{"offer": {}}]}  # the URL taken out
    kept = opened.intro.metadata_url
    if kept is None:
        return
    assert isinstance(kept, str) and len(kept) <= 2000 and kept.lower().startswith("http")
    try:
        check_metadata_url(kept)
    except InvalidInput:
        return
    parts = urlsplit(kept)
    assert parts.scheme == "https" or (
        parts.scheme == "http" and is_loopback_host(parts.hostname or "")
    )
    assert "\n" not in kept and "\x1b" not in kept


@pytest.mark.parametrize(
    ("url", "relay", "problem"),
    [
        ("http://127.0.0.1:9/.well-known/vrm-vendor.json", "tls://relay.example:4222", "machine"),
        ("http://localhost:9/v.json", "tls://relay.example:4222", "machine"),
        ("https://10.1.2.3/v.json", "nats://127.0.0.1:4222", "private"),
        ("https://169.254.169.254/latest/meta-data.json", "tls://relay.example", "private"),
        ("https://[fd00::1]/v.json", "tls://relay.example", "private"),
        ("https://192.168.1.1/v.json", "tls://relay.example", "private"),
    ],
)
def test_a_stranger_cannot_send_the_wallet_into_this_machine_or_its_network(
    url: str, relay: str, problem: str
) -> None:
    async def fetch() -> Any:
        async with Transport(timeout=1.0) as transport:
            meetings = Meetings(None, transport, relay_url=relay)  # type: ignore[arg-type]
            return await meetings.fetch("demo-vendor-1", url)

    outcome = asyncio.run(fetch())
    assert isinstance(outcome, Refusal) and outcome.code == "metadata_failed"
    assert "is not fetched" in outcome.reason and problem in outcome.reason
    assert meet.stranger_url_problem("https://shop.example/v.json", relay_url=relay) is None
    here = "http://127.0.0.1:9/v.json"
    assert meet.stranger_url_problem(here, relay_url="nats://[::1]:1") is None


METADATA_MEMBERS = st.dictionaries(
    st.sampled_from(["id", "name", "publicKey", "inbox", "contact", "policyUrl", "extra", "@x"]),
    st.one_of(HOSTILE_TEXT, st.integers(), st.none(), st.dictionaries(HOSTILE_TEXT, HOSTILE_TEXT)),
    max_size=8,
)


class _Documents:
    """One HTTP server for every example: it answers with the document the example set."""

    body = b"{}"

    @classmethod
    async def handle(cls, request: web.Request) -> web.Response:
        return web.Response(body=cls.body)


@pytest.fixture(scope="module")
def documents_server() -> Iterator[str]:
    app = web.Application()
    app.router.add_get("/.well-known/vrm-vendor.json", _Documents.handle)
    with _serving(app) as base:
        yield f"{base}/.well-known/vrm-vendor.json"


@settings(max_examples=examples(60), deadline=None)
@given(
    document=st.one_of(
        METADATA_MEMBERS.map(lambda d: json.dumps(d).encode()),
        st.binary(max_size=200),
        st.just(b"[" * 5000),
    ),
)
def test_any_metadata_document_is_met_or_refused_with_a_reason(
    documents_server: str, document: bytes
) -> None:
    """A hostile document at a vendor's metadata URL gives a refusal with a one-line reason
    (``metadata_failed``), never an exception, and nobody is met."""
    _Documents.body = document

    async def fetch() -> Any:
        async with Transport(timeout=2.0) as transport:
            relay = "nats://127.0.0.1:4222"  # a relay here: documents here may be fetched
            meetings = Meetings(None, transport, relay_url=relay)  # type: ignore[arg-type]
            return await meetings.fetch("demo-vendor-1", documents_server)

    outcome = asyncio.run(fetch())
    assert isinstance(outcome, Refusal)
    assert outcome.code == "metadata_failed" and outcome.reason and "\n" not in outcome.reason
