"""The Intentions page and the market (issue 15.4) against a real nats-server on 127.0.0.1 and kit
vendors listening on it: cast from the page, the offers appear live (no refresh asked), over one
relay connection; a relay that goes away is said so, and once back the waiting cast goes out and
its offers arrive."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.intent_helpers import add_vendors, create, save_terms
from tests.market_kit import kit
from tests.nats_server import NatsServer, nats_server
from tests.ui.conftest import MakeWindow, unlock
from ui.dialogs import intention_dialogs
from ui.dialogs.grant_dialog import GrantDialog
from ui.market.link import MarketLink, market_link
from ui.market.relay_setting import RelayGroup
from ui.network import NetworkRunner
from ui.pages.intentions_page import IntentionsPage
from ui.tasks import VaultRunner
from vendorkit.market.listener import RelayVendors, listen
from vendorkit.nats_server import start_nats_server, stop_nats_server
from vendorkit.server import make_vendors
from wallet.consents import ConsentBook
from wallet.market import relay_casts
from wallet.vault.facade import Vault
from wallet.vendors.directory import VendorDirectory

__all__ = ["kit", "nats_server"]  # the fixtures, imported so pytest finds them

WAIT_MS = 30_000
FIELDS = {
    "given_name": "Ada",
    "family_name": "Lovelace",
    "email": "ada@example.org",
    "postal_address": "12 St James's Square, London",
}


class Listener:
    """Kit vendors listening on the relay (``vrm-vendor listen``'s loop) in a thread."""

    def __init__(self, url: str, vendors: RelayVendors) -> None:
        self._loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self.vendors = vendors
        self._thread = threading.Thread(target=self._run, args=(url,), daemon=True)
        self._thread.start()

    def _run(self, url: str) -> None:
        async def main() -> None:
            self._stop = asyncio.Event()
            await listen(
                url, self.vendors, categories=["shoes"], queue="market-ui", stop=self._stop
            )

        self._loop.run_until_complete(main())

    def stop(self) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=10)


def _listener(url: str, kit: Any) -> Listener:
    return Listener(url, RelayVendors(make_vendors(kit[1], kit[0]), kit[0]))


@pytest.fixture
def network() -> Iterator[NetworkRunner]:
    runner = NetworkRunner()
    try:
        yield runner
    finally:
        runner.shutdown()


def _open_page(
    qtbot: QtBot, runner: VaultRunner, network: NetworkRunner, tmp: Path, kit: Any, relay: str
) -> tuple[IntentionsPage, list[str]]:
    with qtbot.waitSignal(runner.unlocked):
        runner.open(lambda: Vault.create(tmp / "vault", PASSPHRASE, kdf_target_seconds=0).vault)

    def prepare(vault: Vault) -> list[str]:
        add_vendors(vault, kit[2].metadata_urls)
        save_terms(vault)
        vault.update_settings(relay_url=relay)
        return [create(vault).id, create(vault, item_name="Road shoes").id]

    ids = runner.submit_raw_vault(prepare).result(timeout=30)  # set-up, before any widget
    page = IntentionsPage(runner, network)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitUntil(lambda: page.list.count() == 2 and not runner.is_busy, timeout=WAIT_MS)
    return page, ids


def _cast_from_page(qtbot: QtBot, page: IntentionsPage, intention_id: str) -> None:
    """Select the intention, choose the market only, and press Broadcast."""
    rows = [page.list.item(i).data(256) for i in range(page.list.count())]
    page.list.setCurrentRow(rows.index(intention_id))
    page.choices.to_vendors.setChecked(False)
    page.choices.to_market.setChecked(True)
    assert page.broadcast_button.isEnabled()
    page.broadcast_button.click()


def _connected(link: MarketLink) -> bool:
    return link.state.status == "connected"


def test_offers_cast_from_the_page_arrive_live_over_one_connection(
    qtbot: QtBot,
    runner: VaultRunner,
    network: NetworkRunner,
    nats_server: NatsServer,
    kit: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page, (first, second) = _open_page(qtbot, runner, network, tmp_path, kit, nats_server.url)
    link = market_link(runner, network)
    assert page.choices.to_market.isEnabled() and not page.choices.to_market.isChecked()
    qtbot.waitUntil(lambda: _connected(link), timeout=WAIT_MS)
    assert "connected" in page.choices.market_status.text()
    listener = _listener(nats_server.url, kit)
    try:
        seen: set[str] = set()
        cast_row = f"On the market: {nats_server.url} ("  # the details say where it went
        for intention_id in (first, second):
            _cast_from_page(qtbot, page, intention_id)

            def arrived() -> bool:  # this intention's offers, not those shown before
                shown = set(page.ranked_offer_ids())
                return len(shown) >= 2 and not shown & seen

            # Only the link's signals and runner.changed bring the rows: nothing reloads here.
            qtbot.waitUntil(arrived, timeout=WAIT_MS)
            assert "market" in page.status.text()
            seen.update(page.ranked_offer_ids())
            qtbot.waitUntil(lambda: cast_row in page.details.text(), timeout=WAIT_MS)
        # Withdrawing from the page reaches the relay (the signed notice; its message removed).
        monkeypatch.setattr(intention_dialogs, "confirm_withdraw", lambda _parent, **_: True)
        page.withdraw_button.click()
        qtbot.waitUntil(lambda: listener.vendors.stats.withdrawn == 1, timeout=WAIT_MS)
    finally:
        listener.stop()
    casts = runner.submit_raw_vault(lambda vault: relay_casts(vault, second)).result(timeout=30)
    assert casts[0].withdrawn_at is not None
    assert listener.vendors.stats.intentions == 2
    assert link.connections == 1  # one connection cast both, followed both, withdrew one
    assert market_link(runner, network) is link  # every page shares it


def test_a_relay_down_is_said_and_the_cast_goes_out_when_it_is_back(
    qtbot: QtBot,
    runner: VaultRunner,
    network: NetworkRunner,
    nats_server: NatsServer,
    kit: Any,
    tmp_path: Path,
) -> None:
    page, (first, _) = _open_page(qtbot, runner, network, tmp_path, kit, nats_server.url)
    link = market_link(runner, network)
    qtbot.waitUntil(lambda: _connected(link), timeout=WAIT_MS)
    nats_server.process.terminate()
    nats_server.process.wait(timeout=10)
    qtbot.waitUntil(lambda: link.state.status == "unreachable", timeout=WAIT_MS)
    assert "cannot be reached" in page.choices.market_status.text()
    _cast_from_page(qtbot, page, first)  # waits for the relay
    qtbot.wait(300)
    assert page.ranked_offer_ids() == [] and page.error.isHidden()
    again = start_nats_server(nats_server.store, port=nats_server.port)  # the same relay
    listener = _listener(nats_server.url, kit)
    try:
        qtbot.waitUntil(lambda: len(page.ranked_offer_ids()) >= 2, timeout=WAIT_MS)
        assert _connected(link) and link.connections == 2
    finally:
        listener.stop()
        stop_nats_server(again)


def test_a_vendor_met_on_the_market_is_shown_accepted_and_given_consent(
    qtbot: QtBot,
    make_window: MakeWindow,
    nats_server: NatsServer,
    kit: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole window: vendors outside the directory answer on the market; the offer says so
    with the key's fingerprint; accepting pins the vendor; the consent reaches it."""
    directory = tmp_path / "vault"
    with Vault.create(directory, PASSPHRASE, kdf_target_seconds=0).vault as vault:
        for key, value in FIELDS.items():
            vault.fields.set(key, value)
        save_terms(vault)
        vault.update_settings(relay_url=nats_server.url)
        intention_id = create(vault).id
    window = make_window(directory)
    unlock(qtbot, window)
    workspace = window.workspace
    assert workspace is not None
    page = workspace.intentions
    workspace.show_page(workspace.pages.indexOf(page))
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=WAIT_MS)
    vendors = make_vendors(kit[1], kit[0])
    met = RelayVendors(vendors, kit[0], metadata_urls=kit[2].metadata_urls)
    listener = Listener(nats_server.url, met)
    try:
        _cast_from_page(qtbot, page, intention_id)
        qtbot.waitUntil(lambda: len(page.ranked_offer_ids()) >= 2, timeout=WAIT_MS)
    finally:
        listener.stop()
    page.kept_table.selectRow(0)
    details = page.offers.details
    qtbot.waitUntil(lambda: "not in your directory" in details.text(), timeout=WAIT_MS)
    assert "Key fingerprint: " in details.text()
    assert "adds this vendor to your directory" in details.note.text()
    monkeypatch.setattr(intention_dialogs, "confirm_accept", lambda _parent, **_: True)
    page.accept_button.click()
    qtbot.waitUntil(page.consent_button.isEnabled, timeout=WAIT_MS)
    page.consent_button.click()
    qtbot.waitUntil(
        lambda: isinstance(workspace.consents.last_dialog, GrantDialog), timeout=WAIT_MS
    )
    dialog = workspace.consents.last_dialog
    assert isinstance(dialog, GrantDialog)
    tree = dialog.fields_tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=WAIT_MS)
    items = [tree.topLevelItem(row) for row in range(tree.topLevelItemCount())]
    email = next(item for item in items if item.data(0, Qt.ItemDataRole.UserRole) == "email")
    email.setCheckState(0, Qt.CheckState.Checked)  # the kit's offers ask for nothing
    qtbot.waitUntil(lambda: dialog.confirm_button.isEnabled(), timeout=WAIT_MS)
    dialog.confirm_button.click()
    qtbot.waitUntil(
        lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=WAIT_MS
    )

    def granted(vault: Vault) -> tuple[list[str], list[tuple[str, bool]]]:
        pinned = [row.id for row in VendorDirectory(vault).list()]
        consents = [(c.row.vendor_id, c.acknowledged) for c in ConsentBook(vault).list()]
        return pinned, consents

    def countersigned() -> bool:  # the disclosure reached the vendor, which countersigned
        consents = window.runner.submit_raw_vault(granted).result(timeout=30)[1]
        return bool(consents) and consents[0][1]

    qtbot.waitUntil(countersigned, timeout=WAIT_MS)
    pinned, consents = window.runner.submit_raw_vault(granted).result(timeout=30)
    assert len(pinned) == 1 and [vendor for vendor, _ in consents] == pinned


def test_the_relay_is_set_in_settings_and_the_link_follows(
    qtbot: QtBot,
    runner: VaultRunner,
    network: NetworkRunner,
    nats_server: NatsServer,
    tmp_path: Path,
) -> None:
    with qtbot.waitSignal(runner.unlocked):
        runner.open(lambda: Vault.create(tmp_path / "v", PASSPHRASE, kdf_target_seconds=0).vault)
    link = market_link(runner, network)
    group = RelayGroup(runner)
    qtbot.addWidget(group)
    qtbot.waitUntil(lambda: not runner.is_busy, timeout=WAIT_MS)
    assert link.state.status == "off" and group.relay_url.text() == ""
    group.relay_url.setText("nats://relay.example:4222")  # another computer without TLS
    group.save()
    qtbot.waitUntil(lambda: bool(group.problem.text()), timeout=WAIT_MS)
    assert "tls://" in group.problem.text() and link.state.status == "off"
    group.relay_url.setText(nats_server.url)
    group.save()
    qtbot.waitUntil(lambda: link.state.status == "connected", timeout=WAIT_MS)
    assert group.saved.text() == "Relay saved." and group.problem.text() == ""
    group.relay_url.setText("")
    group.save()
    qtbot.waitUntil(lambda: link.state.status == "off", timeout=WAIT_MS)
