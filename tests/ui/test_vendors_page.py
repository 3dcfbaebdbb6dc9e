"""The Vendors page against real vendors from the vendor kit on 127.0.0.1 (nothing mocked below
the dialogs): add from URL with the key fingerprint, key changes, removal, import and export."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import asyncio
import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.loopback import LoopbackServer
from ui.dialogs import ask, vendor_dialogs
from ui.models.vendors_model import VendorColumn, VendorsModel
from ui.network import NetworkRunner
from ui.pages.vendors_page import VendorsPage
from ui.tasks import VaultRunner
from vendorkit.catalog import load_catalog
from vendorkit.server import BackgroundVendors, VendorApp, make_vendors
from wallet.changes import Part
from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory
from wallet.vendors import store as vendor_store


def _serve(keys: list[SigningKey], *, port: int = 0) -> BackgroundVendors:
    catalog = load_catalog()
    return BackgroundVendors(VendorApp(make_vendors(keys, catalog), catalog), port=port)


@pytest.fixture(scope="module")
def vendors() -> Iterator[BackgroundVendors]:
    with _serve([generate_signing_key() for _ in range(3)]) as server:
        yield server


@pytest.fixture
def network(qtbot: QtBot) -> Iterator[NetworkRunner]:
    runner = NetworkRunner()
    try:
        yield runner
    finally:
        runner.shutdown()


@pytest.fixture
def page(qtbot: QtBot, runner: VaultRunner, network: NetworkRunner, tmp_path: Path) -> VendorsPage:
    with qtbot.waitSignal(runner.unlocked):
        runner.open(
            lambda: Vault.create(tmp_path / "vault", PASSPHRASE, kdf_target_seconds=0).vault
        )
    widget = VendorsPage(runner, network)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitUntil(lambda: not runner.is_busy)
    return widget


class Answers:
    """Records what the dialogs were shown and answers them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, trust: bool = True) -> None:
        self.trust = trust
        self.new_vendor: list[dict[str, Any]] = []
        self.key_change: list[dict[str, Any]] = []
        self.confirms: list[str] = []
        monkeypatch.setattr(vendor_dialogs, "confirm_new_vendor", self._new_vendor)
        monkeypatch.setattr(vendor_dialogs, "confirm_key_change", self._key_change)
        monkeypatch.setattr(ask, "confirm", self._confirm)

    def _new_vendor(self, _parent: object, **shown: Any) -> bool:
        self.new_vendor.append(shown)
        return self.trust

    def _key_change(self, _parent: object, **shown: Any) -> bool:
        self.key_change.append(shown)
        return self.trust

    def _confirm(self, _parent: object, _title: str, text: str, **_options: Any) -> bool:
        self.confirms.append(text)
        return self.trust


def settle(qtbot: QtBot, page: VendorsPage) -> None:
    runner = page._runner
    qtbot.waitUntil(lambda: page._fetch is None and not runner.is_busy, timeout=10_000)


def add(qtbot: QtBot, page: VendorsPage, url: str) -> None:
    page.url_edit.setText(url)
    page.add_button.click()
    settle(qtbot, page)


def fingerprints(model: VendorsModel) -> list[str]:
    return [model.index(row, VendorColumn.FINGERPRINT).data() for row in range(model.rowCount())]


def test_add_from_url_shows_the_key_fingerprint_and_adds_on_confirmation(
    qtbot: QtBot, page: VendorsPage, vendors: BackgroundVendors, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch)
    vendor = vendors.vendor_app.vendors[0]
    assert page.stack.currentWidget() is page.empty_label
    add(qtbot, page, f"{vendors.base_url}/vendors/1")  # the site URL; the page finds the document
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    (shown,) = answers.new_vendor
    assert shown["fingerprint"] == vendor.key.verifying_key.fingerprint
    assert shown["name"] == vendor.name and shown["vendor_id"] == vendor.vendor_id
    assert shown["url"] == vendors.metadata_urls[0]
    assert fingerprints(page.model) == [vendor.key.verifying_key.fingerprint]
    assert page.model.index(0, VendorColumn.STATUS).data() == "Active"
    assert page.stack.currentWidget() is page.table
    assert page.url_edit.text() == ""
    assert "Added" in page.status.text()

    add(qtbot, page, vendors.metadata_urls[0])  # again: nothing to confirm, nothing changes
    assert len(answers.new_vendor) == 1
    assert "already" in page.status.text()
    assert page.model.rowCount() == 1


def test_refusing_the_key_adds_nothing(
    qtbot: QtBot, page: VendorsPage, vendors: BackgroundVendors, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch, trust=False)
    add(qtbot, page, vendors.metadata_urls[1])
    assert len(answers.new_vendor) == 1
    assert "Not added" in page.status.text()
    page.reload()
    settle(qtbot, page)
    assert page.model.rowCount() == 0


def test_a_changed_key_is_held_back_until_approved(
    qtbot: QtBot, page: VendorsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch)
    old_key, new_key = generate_signing_key(), generate_signing_key()
    with _serve([old_key]) as first:
        port, url = first.port, first.metadata_urls[0]
        add(qtbot, page, first.base_url)
    assert fingerprints(page.model) == [old_key.verifying_key.fingerprint]

    with _serve([new_key], port=port):  # the same URL now presents another key
        add(qtbot, page, url)
    assert len(answers.new_vendor) == 1  # never offered to trust the new key
    assert "DIFFERENT key" in page.error.text()
    qtbot.waitUntil(lambda: page.model.entry(0) is not None)
    entry = page.model.entry(0)
    assert entry is not None and entry.key_change_pending
    assert fingerprints(page.model) == [old_key.verifying_key.fingerprint]  # still the old one
    assert "pending" in page.model.index(0, VendorColumn.STATUS).data()
    assert page.selected_entry() == entry
    assert page.approve_button.isEnabled()

    answers.trust = False
    page.approve_button.click()
    settle(qtbot, page)
    assert page.selected_entry() is not None and page.selected_entry().key_change_pending  # type: ignore[union-attr]

    answers.trust = True
    page.approve_button.click()
    settle(qtbot, page)
    assert answers.key_change[-1] == {
        "name": entry.vendor.name,
        "vendor_id": entry.vendor.id,
        "old_fingerprint": old_key.verifying_key.fingerprint,
        "new_fingerprint": new_key.verifying_key.fingerprint,
    }
    qtbot.waitUntil(lambda: fingerprints(page.model) == [new_key.verifying_key.fingerprint])
    assert not page.model.entry(0).key_change_pending  # type: ignore[union-attr]
    assert not page.approve_button.isEnabled()
    assert "new key" in page.status.text()


def test_remove_asks_first(
    qtbot: QtBot, page: VendorsPage, vendors: BackgroundVendors, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch)
    add(qtbot, page, vendors.metadata_urls[2])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.selected_entry() is not None  # the vendor just added is selected
    assert page.remove_button.isEnabled()
    answers.trust = False
    page.remove_button.click()
    settle(qtbot, page)
    assert page.model.rowCount() == 1
    answers.trust = True
    page.remove_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert vendors.vendor_app.vendors[2].vendor_id in answers.confirms[-1]
    assert page.stack.currentWidget() is page.empty_label
    assert "Removed" in page.status.text()


def test_export_and_import_round_trip(
    qtbot: QtBot,
    page: VendorsPage,
    runner: VaultRunner,
    vendors: BackgroundVendors,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    Answers(monkeypatch)
    for url in vendors.metadata_urls[:2]:
        add(qtbot, page, url)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    before = fingerprints(page.model)
    exported = tmp_path / "vendors.json"
    monkeypatch.setattr(ask, "pick_save_file", lambda *_args, **_kw: exported)
    page.export_button.click()
    qtbot.waitUntil(lambda: exported.exists() and "Exported 2" in page.status.text())
    assert [v["metadataUrl"] for v in json.loads(exported.read_text())["vendors"]] == sorted(
        vendors.metadata_urls[:2]
    )

    with qtbot.waitSignal(runner.unlocked):  # another vault: the directory starts empty
        runner.open(
            lambda: Vault.create(tmp_path / "other", PASSPHRASE, kdf_target_seconds=0).vault
        )
    page.reload()
    settle(qtbot, page)
    assert page.model.rowCount() == 0
    monkeypatch.setattr(ask, "pick_open_file", lambda *_args, **_kw: exported)
    page.import_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert fingerprints(page.model) == before
    assert "Imported 2 new" in page.status.text()

    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    monkeypatch.setattr(ask, "pick_open_file", lambda *_args, **_kw: broken)
    page.import_button.click()
    qtbot.waitUntil(lambda: "not valid JSON" in page.error.text())


def test_unreachable_and_insecure_urls_show_a_clear_error(
    qtbot: QtBot, page: VendorsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    add(qtbot, page, f"http://127.0.0.1:{port}")
    assert "Could not fetch the vendor metadata" in page.error.text()
    assert f"127.0.0.1:{port}/.well-known/vrm-vendor.json" in page.error.text()
    assert page.url_edit.text() == f"http://127.0.0.1:{port}"  # kept, to be corrected
    add(qtbot, page, "http://shop.example")
    assert "https" in page.error.text().lower()
    assert answers.new_vendor == []
    assert page.model.rowCount() == 0


def test_a_slow_fetch_can_be_cancelled(
    qtbot: QtBot, page: VendorsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch)
    arrived = asyncio.Event()

    async def hang(_request: web.Request) -> web.Response:
        arrived.set()
        await asyncio.sleep(60)
        return web.json_response({})

    app = web.Application()
    app.router.add_get("/.well-known/vrm-vendor.json", hang)
    with LoopbackServer(app) as server:
        page.url_edit.setText(server.url(""))
        page.add_button.click()
        assert page.cancel_button.isVisibleTo(page) and page.busy.is_busy
        assert not page.add_button.isEnabled()
        qtbot.waitUntil(arrived.is_set)
        page.cancel_button.click()
        assert not page.cancel_button.isVisibleTo(page) and not page.busy.is_busy
        assert page.add_button.isEnabled()
    settle(qtbot, page)
    assert answers.new_vendor == [] and page.error.text() == ""


def test_the_model_passes_the_model_tester(
    qtbot: QtBot,
    page: VendorsPage,
    vendors: BackgroundVendors,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: Any,
) -> None:
    Answers(monkeypatch)
    for url in vendors.metadata_urls:
        add(qtbot, page, url)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    qtmodeltester.check(page.model)


def test_a_pinned_key_refused_today_fails_only_its_own_row(
    qtbot: QtBot, runner: VaultRunner, network: NetworkRunner, tmp_path: Path
) -> None:
    """An older version pinned an off-curve key (issue 11): the page still lists every vendor."""
    good, bad = generate_signing_key(), generate_signing_key()
    vault = Vault.create(tmp_path / "vault", PASSPHRASE, kdf_target_seconds=0).vault
    try:
        for vendor_id, key in (("good-shop", good), ("old-pin", bad)):
            jwk = dict(key.verifying_key.jwk)
            if vendor_id == "old-pin":
                jwk["x"] = "AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"  # y = 2: off the curve
            metadata = {
                "id": vendor_id,
                "name": vendor_id,
                "publicKey": jwk,
                "inbox": {
                    "intentions": "http://127.0.0.1:9/inbox/intentions",
                    "offers": "http://127.0.0.1:9/inbox/offers",
                },
                "categories": ["shoes"],
                "policyUrl": "http://127.0.0.1:9/policy",
                "contact": "shop@example.org",
            }
            with vault.write() as connection:
                vendor_store.upsert(
                    connection,
                    metadata=metadata,
                    metadata_url="http://127.0.0.1:9/.well-known/vrm-vendor.json",
                    kid=key.kid,
                    status="active",
                    now=datetime.now(UTC),
                )
    finally:
        vault.lock()
    with qtbot.waitSignal(runner.unlocked):
        runner.open(lambda: Vault.open_with_passphrase(tmp_path / "vault", PASSPHRASE))
    page = VendorsPage(runner, network)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    shown = dict(
        zip(
            [page.model.index(row, VendorColumn.ID).data() for row in range(2)],
            fingerprints(page.model),
            strict=True,
        )
    )
    assert shown["good-shop"] == good.verifying_key.fingerprint
    assert shown["old-pin"] == "refused key: remove and add again"


def test_the_page_follows_changes_made_elsewhere(
    qtbot: QtBot, page: VendorsPage, runner: VaultRunner
) -> None:
    """The directory reloads from ``runner.changed``, whoever changed it (here: not the page)."""

    def pin(vault: Vault) -> None:
        with vault.write() as connection:
            vendor_store.upsert(
                connection,
                metadata={
                    "id": "elsewhere",
                    "name": "Added elsewhere",
                    "publicKey": generate_signing_key().verifying_key.jwk,
                    "inbox": {
                        "intentions": "http://127.0.0.1:9/i",
                        "offers": "http://127.0.0.1:9/o",
                    },
                    "policyUrl": "http://127.0.0.1:9/policy",
                    "contact": "shop@example.org",
                },
                metadata_url="http://127.0.0.1:9/.well-known/vrm-vendor.json",
                kid="kid",
                status="active",
                now=datetime.now(UTC),
            )

    runner.run(pin)  # a write that does not say what it changed: the page does not reload
    qtbot.waitUntil(lambda: not runner.is_busy)
    assert page.model.rowCount() == 0
    runner.run(lambda vault: vault.note_changed(Part.VENDORS))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    runner.run(lambda vault: VendorDirectory(vault).remove("elsewhere"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
