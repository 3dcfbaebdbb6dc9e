"""The consent screens driven like a user would, in the whole window, against two vendors of the
real vendor kit on 127.0.0.1 (nothing mocked below the modal questions): giving a consent from an
accepted offer through the grant dialog, revoking it, the Overview opening a consent, and the
update prompt after editing a field that vendors hold; and the consents table at thousands of
consents (a window: rows come a page at a time)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.intent_helpers import add_vendors, create, save_terms, serve
from tests.ui.conftest import MakeWindow, unlock
from tests.wire_helpers import make_offer
from ui.dialogs import ask
from ui.dialogs.field_dialog import FieldDialog
from ui.dialogs.grant_dialog import GrantDialog
from ui.dialogs.propagate_dialog import PropagateDialog
from ui.main_window import MainWindow, Workspace
from ui.models.consents_model import (
    ENDED_COLOUR,
    EXPIRING_COLOUR,
    ConsentColumn,
    ConsentRole,
    ConsentsModel,
)
from ui.models.fields_model import FieldRole
from ui.models.holdings_model import HoldingRole, HoldingsModel
from ui.models.windowed import PLACEHOLDER
from ui.pages import consents_page
from ui.tasks import VaultRunner
from ui.theme.tones import tone_colour
from vendorkit.server import BackgroundVendors, Vendor
from wallet.consents import ConsentBook, GrantRequest, Overview
from wallet.consents import store as consent_store
from wallet.consents.book import DAY_SECONDS, KIND_UPDATE
from wallet.intents import IntentionBook
from wallet.offers import OfferBook
from wallet.offers.ingest import ingest_body
from wallet.vault.facade import Vault
from wallet.wire import sign_offer

T = TypeVar("T")
WAIT_MS = 30_000
FIELDS = {
    "given_name": "Ada",
    "email": "ada@example.org",
    "phone": "+44 20 7946 0000",
    "postal_address": "12 St James's Square, London",
}


@pytest.fixture(scope="module")
def kit() -> Iterator[BackgroundVendors]:
    with serve(2) as server:
        yield server


def _vendor(kit: BackgroundVendors, index: int) -> Vendor:
    return kit.vendor_app.vendors[index]


def _new_vault(directory: Path, kit: BackgroundVendors) -> Vault:
    vault = Vault.create(directory, PASSPHRASE, kdf_target_seconds=0).vault
    for key, value in FIELDS.items():
        vault.fields.set(key, value)
    add_vendors(vault, kit.metadata_urls)  # metadata with inbox.consents / inbox.revocations
    return vault


def _accepted_offer(vault: Vault, vendor: Vendor) -> str:
    """An intention whose accepted offer (signed by ``vendor``'s key) asks for data."""
    terms = save_terms(vault)
    intention = create(vault)
    IntentionBook(vault).broadcast(intention.id)
    offer = make_offer(
        vendor.key,
        intention.id,
        seller=vendor.seller,
        acceptsTerms={"sha256": terms},
        delivery={
            "method": "delivery",
            "deliverBy": (date.today() + timedelta(days=5)).isoformat(),
            "leadTimeDays": 3,
        },
        dataRequested=[
            {"field": "postal_address", "required": True, "purpose": "to deliver the shoes"},
            {"field": "email", "required": False, "purpose": "to send the tracking number"},
            {"field": "shoe_width", "required": False},
        ],
    )
    body = json.dumps({"offers": [sign_offer(offer, vendor.key).wire()]}).encode()
    report = ingest_body(vault, vendor_id=vendor.vendor_id, intention_id=intention.id, raw=body)
    assert report.stored == [offer.id], report.rejected
    OfferBook(vault).accept(offer.id)
    return offer.id


def _grant(vault: Vault, vendor: Vendor, *fields: str) -> str:
    request = GrantRequest(vendor_id=vendor.vendor_id, field_keys=fields, purposes=(2,), days=30)
    return ConsentBook(vault).grant(request).id


def _open(qtbot: QtBot, make_window: MakeWindow, directory: Path) -> Workspace:
    window: MainWindow = make_window(directory)
    unlock(qtbot, window)
    assert window.workspace is not None
    return window.workspace


def _show(workspace: Workspace, page: QWidget) -> None:
    workspace.show_page(workspace.pages.indexOf(page))


def _on_worker(qtbot: QtBot, runner: VaultRunner, operation: Callable[[Vault], T]) -> T:
    """Run ``operation`` on the vault worker and return its result (the test's own peek)."""
    outcome: list[Any] = []
    runner.run(operation, on_success=outcome.append, on_error=outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    if isinstance(outcome[0], Exception):
        raise outcome[0]
    return outcome[0]  # type: ignore[no-any-return]


def _dialog(qtbot: QtBot, workspace: Workspace, kind: type[T]) -> T:
    def opened() -> bool:
        dialog = workspace.consents.last_dialog
        return isinstance(dialog, kind) and shiboken6.isValid(dialog) and dialog.isVisible()

    qtbot.waitUntil(opened, timeout=WAIT_MS)
    return workspace.consents.last_dialog  # type: ignore[return-value]


def _closed(dialog: QWidget) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _field_items(dialog: GrantDialog) -> dict[str, Any]:
    tree = dialog.fields_tree
    items = (tree.topLevelItem(row) for row in range(tree.topLevelItemCount()))
    return {str(item.data(0, Qt.ItemDataRole.UserRole)): item for item in items}


def _summary_ready(dialog: GrantDialog) -> bool:
    return dialog.confirm_button.isEnabled() and dialog.summary_for == dialog.request()


def _shown_status(workspace: Workspace, consent_id: str) -> str:
    model = workspace.consents.model
    return str(model.data(model.index(model.row_of(consent_id), ConsentColumn.STATUS)))


# ---------------------------------------------------------------------------- granting


def test_grant_from_an_accepted_offer(
    qtbot: QtBot, make_window: MakeWindow, kit: BackgroundVendors, tmp_path: Path
) -> None:
    directory = tmp_path / "vault"
    shop = _vendor(kit, 0)
    with _new_vault(directory, kit) as vault:
        offer_id = _accepted_offer(vault, shop)
    workspace = _open(qtbot, make_window, directory)

    _show(workspace, workspace.intentions)
    intentions = workspace.intentions
    qtbot.waitUntil(lambda: intentions.list.count() == 1, timeout=WAIT_MS)
    intentions.list.setCurrentRow(0)
    qtbot.waitUntil(intentions.consent_button.isEnabled, timeout=WAIT_MS)
    intentions.consent_button.click()
    dialog = _dialog(qtbot, workspace, GrantDialog)
    assert dialog.plan is not None and dialog.plan.offer_id == offer_id

    # Confirm waits for the summary of exactly what is ticked.
    assert not dialog.confirm_button.isEnabled() and dialog.summary_for is None
    qtbot.waitUntil(lambda: _summary_ready(dialog), timeout=WAIT_MS)
    summary = dialog.summary_label.text()
    # Privacy by default (issue 14): only the field the offer requires starts ticked.
    assert summary.startswith(shop.name) and "Postal address" in summary
    assert "Email" not in summary

    # The field the offer needs is ticked and stays ticked, whatever the user clicks.
    items = _field_items(dialog)
    needed = items["postal_address"]
    assert needed.checkState(0) == Qt.CheckState.Checked
    assert not needed.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not needed.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "Needed for the offer" in needed.text(2)
    tree = dialog.fields_tree
    rect = tree.visualItemRect(needed)
    for x in range(rect.left() + 2, rect.left() + 40, 4):
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, rect.center().y())
        )
    assert needed.checkState(0) == Qt.CheckState.Checked
    # A field the vault does not hold is flagged and cannot be ticked.
    missing = items["shoe_width"]
    assert missing.checkState(0) == Qt.CheckState.Unchecked
    assert not missing.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert "Not in your vault" in missing.text(2)
    # Fields nobody asked for start unticked; so does the optional email, shown with its reason.
    assert items["phone"].checkState(0) == Qt.CheckState.Unchecked
    assert items["email"].checkState(0) == Qt.CheckState.Unchecked
    assert items["email"].text(2) == "Optional: to send the tracking number"

    # Tick the optional email: the summary names it.
    items["email"].setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: _summary_ready(dialog), timeout=WAIT_MS)
    assert "Postal address and Email address" in dialog.summary_label.text()

    # Untick it again: Confirm waits for the new summary, which leaves it out.
    items["email"].setCheckState(0, Qt.CheckState.Unchecked)
    assert not dialog.confirm_button.isEnabled()
    dialog.days_spin.setValue(30)
    qtbot.waitUntil(lambda: _summary_ready(dialog), timeout=WAIT_MS)
    summary = dialog.summary_label.text()
    assert "Email" not in summary and "Postal address" in summary
    until = datetime.now(UTC) + timedelta(days=30)
    assert f"until {until.strftime('%d %B %Y')}" in summary
    assert dialog.request().field_keys == ("postal_address",)
    assert dialog.request().offer_id == offer_id

    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: _closed(dialog), timeout=WAIT_MS)

    # The new consent is shown, selected, on the Consents page.
    consents = workspace.consents
    qtbot.waitUntil(lambda: workspace.pages.currentWidget() is consents, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: consents.shown is not None, timeout=WAIT_MS)
    shown = consents.shown
    assert shown is not None
    consent_id = shown.record.id
    assert consents.selected_id() == consent_id
    assert shown.record.row.offer_id == offer_id
    assert _shown_status(workspace, consent_id) == "Active"
    row = consents.model.row_of(consent_id)
    assert consents.model.data(consents.model.index(row, ConsentColumn.VENDOR)) == shop.name
    assert consents.model.data(consents.model.index(row, ConsentColumn.FIELDS)) == (
        "Postal address"
    )
    assert "1 - Core Function" not in consents.details.text()
    assert "2 - Contracted Service" in consents.details.text()
    assert "dpv:RequestedServiceProvision" in consents.details.text()

    # Delivered in the background; the vendor's countersignature is verified and shown.
    qtbot.waitUntil(
        lambda: consents.shown is not None and consents.shown.record.acknowledged,
        timeout=WAIT_MS,
    )
    assert "Countersigned by the vendor" in consents.details.text()
    held = kit.vendor_app.consents.held_data(shop, consent_id)
    assert held == {"postal_address": FIELDS["postal_address"]}


def test_renew_after_confirming_gives_the_vendor_a_new_receipt(
    qtbot: QtBot,
    make_window: MakeWindow,
    kit: BackgroundVendors,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory = tmp_path / "vault"
    books = _vendor(kit, 1)
    with _new_vault(directory, kit) as vault:
        old_id = _grant(vault, books, "email")
    workspace = _open(qtbot, make_window, directory)
    consents = workspace.consents
    workspace.open_consent(old_id)
    qtbot.waitUntil(lambda: consents.shown is not None, timeout=WAIT_MS)
    renew = consents.detail_stack.renew_button
    assert renew.isEnabled()
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str, **_options: object) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(ask, "confirm", confirm)
    renew.click()
    assert asked and books.name in asked[0] and "Email address" in asked[0]
    qtbot.waitUntil(lambda: consents.selected_id() not in (None, old_id), timeout=WAIT_MS)
    new_id = consents.selected_id()
    assert new_id is not None  # (its "Renewed." line gives way to the delivery's report)
    qtbot.waitUntil(
        lambda: kit.vendor_app.consents.held_data(books, new_id) is not None, timeout=WAIT_MS
    )
    assert _shown_status(workspace, old_id) == "Active"  # it runs to its own end


def test_new_consent_to_a_chosen_vendor_then_revoke_after_confirming(
    qtbot: QtBot,
    make_window: MakeWindow,
    kit: BackgroundVendors,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory = tmp_path / "vault"
    books = _vendor(kit, 1)
    with _new_vault(directory, kit):
        pass
    workspace = _open(qtbot, make_window, directory)
    consents = workspace.consents
    _show(workspace, consents)
    consents.new_button.click()
    dialog = _dialog(qtbot, workspace, GrantDialog)
    assert dialog.vendor_combo is not None and not dialog.confirm_button.isEnabled()
    dialog.vendor_combo.setCurrentIndex(dialog.vendor_combo.findData(books.vendor_id))
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT_MS)
    _field_items(dialog)["email"].setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: _summary_ready(dialog), timeout=WAIT_MS)
    assert dialog.summary_label.text().startswith(books.name)
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: _closed(dialog), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: consents.shown is not None, timeout=WAIT_MS)
    consent_id = consents.selected_id()
    assert consent_id is not None
    qtbot.waitUntil(
        lambda: kit.vendor_app.consents.held_data(books, consent_id) is not None,
        timeout=WAIT_MS,
    )
    assert consents.revoke_button.isEnabled()

    asked: list[str] = []

    def answer(given: bool) -> Callable[..., bool]:
        def confirm(_parent: object, _title: str, text: str, **_options: object) -> bool:
            asked.append(text)
            return given

        return confirm

    monkeypatch.setattr(ask, "confirm", answer(False))
    consents.revoke_button.click()
    assert asked and books.name in asked[0] and "Email address" in asked[0]
    assert _shown_status(workspace, consent_id) == "Active"

    monkeypatch.setattr(ask, "confirm", answer(True))
    consents.revoke_button.click()
    qtbot.waitUntil(lambda: _shown_status(workspace, consent_id) == "Revoked", timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: consents.shown is not None and consents.shown.record.status == "revoked",
        timeout=WAIT_MS,
    )
    assert consents.selected_id() == consent_id  # still listed, with its dates
    assert not consents.revoke_button.isEnabled()
    assert "Revoked on" in consents.details.text()
    # The signed revocation goes out in the background; the vendor deletes the data and
    # answers with a termination receipt, which is verified and shown.
    qtbot.waitUntil(
        lambda: consents.shown is not None and consents.shown.record.row.termination is not None,
        timeout=WAIT_MS,
    )
    assert "confirmed it deleted your data" in consents.details.text()
    assert kit.vendor_app.consents.held_data(books, consent_id) is None
    history = [
        consents.history_table.item(row, 1).text()
        for row in range(consents.history_table.rowCount())
    ]
    assert history[0] == "Consent given" and "Revoked" in history

    consents.status_combo.setCurrentIndex(consents.status_combo.findData("active"))
    qtbot.waitUntil(lambda: consents.model.rowCount() == 0, timeout=WAIT_MS)
    consents.status_combo.setCurrentIndex(consents.status_combo.findData("revoked"))
    qtbot.waitUntil(lambda: consents.model.row_of(consent_id) == 0, timeout=WAIT_MS)


# ---------------------------------------------------------------------------- overview


def test_overview_cell_opens_the_consent(
    qtbot: QtBot, make_window: MakeWindow, kit: BackgroundVendors, tmp_path: Path
) -> None:
    directory = tmp_path / "vault"
    shop, books = _vendor(kit, 0), _vendor(kit, 1)
    with _new_vault(directory, kit) as vault:
        _grant(vault, shop, "email", "postal_address")
        wanted = _grant(vault, books, "email")
        ended = _grant(vault, books, "phone")
        ConsentBook(vault).revoke(ended)
    workspace = _open(qtbot, make_window, directory)
    overview = workspace.overview
    _show(workspace, overview)
    qtbot.waitUntil(lambda: overview.loaded is not None, timeout=WAIT_MS)
    model = overview.model
    assert model.rowCount() == 2 and model.columnCount() == 2  # phone: revoked, not held
    assert {model.vendor_id(row) for row in range(2)} == {shop.vendor_id, books.vendor_id}
    assert overview.counts["active"].text() == "2"
    assert overview.counts["revoked"].text() == "1"
    held = model.index_of(books.vendor_id, "email")
    assert model.data(held) == "✓" and model.data(held, HoldingRole.CONSENT_ID) == wanted
    assert model.headerData(held.column(), Qt.Orientation.Horizontal) == "Email address"
    assert model.data(model.index_of(books.vendor_id, "postal_address")) is None

    table = overview.table
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(held).center()
    )
    consents = workspace.consents
    assert workspace.pages.currentWidget() is consents
    qtbot.waitUntil(lambda: consents.selected_id() == wanted, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: consents.shown is not None and consents.shown.record.id == wanted,
        timeout=WAIT_MS,
    )
    assert consents.detail_title.text() == books.name


def test_overview_and_consents_follow_what_operations_change(
    qtbot: QtBot,
    make_window: MakeWindow,
    runner: VaultRunner,
    kit: BackgroundVendors,
    tmp_path: Path,
) -> None:
    """A grant or a revocation made anywhere (here: straight on the vault worker, as another
    page would) reaches the Overview and the Consents page through the runner's Changes."""
    directory = tmp_path / "vault"
    shop = _vendor(kit, 0)
    with _new_vault(directory, kit):
        pass
    workspace = _open(qtbot, make_window, directory)
    overview, consents = workspace.overview, workspace.consents
    _show(workspace, overview)
    qtbot.waitUntil(lambda: overview.loaded is not None, timeout=WAIT_MS)
    assert overview.counts["active"].text() == "0"

    granted = _on_worker(qtbot, runner, lambda v: _grant(v, shop, "email"))
    qtbot.waitUntil(lambda: overview.counts["active"].text() == "1", timeout=WAIT_MS)
    held = overview.model.index_of(shop.vendor_id, "email")
    assert overview.model.data(held, HoldingRole.CONSENT_ID) == granted

    _show(workspace, consents)  # hidden meanwhile: it loads what changed when shown
    qtbot.waitUntil(lambda: consents.model.row_of(granted) == 0, timeout=WAIT_MS)
    _on_worker(qtbot, runner, lambda v: ConsentBook(v).revoke(granted))
    qtbot.waitUntil(lambda: _shown_status(workspace, granted) == "Revoked", timeout=WAIT_MS)

    _show(workspace, overview)
    qtbot.waitUntil(lambda: overview.counts["revoked"].text() == "1", timeout=WAIT_MS)
    assert overview.counts["active"].text() == "0" and overview.model.rowCount() == 0


# ---------------------------------------------------------------------------- update prompt


def _edit_field(qtbot: QtBot, workspace: Workspace, key: str, value: str) -> None:
    page = workspace.my_data
    _show(workspace, page)
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == len(FIELDS), timeout=WAIT_MS)
    rows = [
        r for r in range(model.rowCount()) if model.data(model.index(r, 0), FieldRole.KEY) == key
    ]
    page.table.selectRow(rows[0])
    page.edit_action.trigger()
    qtbot.waitUntil(lambda: page.findChild(FieldDialog) is not None, timeout=WAIT_MS)
    dialog = page.findChild(FieldDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    dialog.value_edit.setPlainText(value)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: _closed(dialog), timeout=WAIT_MS)


def _updates(qtbot: QtBot, runner: VaultRunner, consent_id: str) -> list[bytes]:
    rows = _on_worker(qtbot, runner, lambda v: ConsentBook(v).deliveries(consent_id))
    return [row.body for row in rows if row.kind == KIND_UPDATE]


def test_editing_a_held_field_asks_and_updates_each_holder_once(
    qtbot: QtBot,
    make_window: MakeWindow,
    runner: VaultRunner,
    kit: BackgroundVendors,
    tmp_path: Path,
) -> None:
    directory = tmp_path / "vault"
    shop, books = _vendor(kit, 0), _vendor(kit, 1)
    with _new_vault(directory, kit) as vault:
        at_shop = _grant(vault, shop, "email", "postal_address")
        at_books = _grant(vault, books, "email")
        phone_only = _grant(vault, books, "phone")
    workspace = _open(qtbot, make_window, directory)

    # Don't send: nothing is queued.
    _edit_field(qtbot, workspace, "email", "ada@lovelace.example")
    prompt = _dialog(qtbot, workspace, PropagateDialog)
    assert prompt.field_key == "email"
    listed = [prompt.holders_list.item(row) for row in range(prompt.holders_list.count())]
    assert sorted(item.text() for item in listed) == sorted([shop.name, books.name])
    assert all(item.checkState() == Qt.CheckState.Checked for item in listed)
    prompt.dont_send_button.click()
    qtbot.waitUntil(lambda: _closed(prompt), timeout=WAIT_MS)
    assert _updates(qtbot, runner, at_shop) == [] and _updates(qtbot, runner, at_books) == []

    # Send: exactly one update per holder, none to a consent that does not cover the field.
    _edit_field(qtbot, workspace, "email", "ada@analytical.example")
    prompt = _dialog(qtbot, workspace, PropagateDialog)
    prompt.send_button.click()
    qtbot.waitUntil(lambda: _closed(prompt), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(_updates(qtbot, runner, at_books)) == 1, timeout=WAIT_MS)
    for consent_id in (at_shop, at_books):
        updates = _updates(qtbot, runner, consent_id)
        assert len(updates) == 1
        data = json.loads(updates[0])["disclosure"]["data"]
        assert data == {"email": "ada@analytical.example"}  # the new value, nothing else
    assert _updates(qtbot, runner, phone_only) == []

    # Editing a field no vendor holds asks nothing.
    workspace.consents.last_dialog = None
    _edit_field(qtbot, workspace, "given_name", "Augusta Ada")
    qtbot.wait(500)
    assert workspace.consents.last_dialog is None


# ---------------------------------------------------------------------------- expiry and locking


def test_consents_past_their_end_expire_at_unlock_and_are_never_disclosed(
    qtbot: QtBot,
    make_window: MakeWindow,
    runner: VaultRunner,
    kit: BackgroundVendors,
    tmp_path: Path,
) -> None:
    directory = tmp_path / "vault"
    shop = _vendor(kit, 0)
    with _new_vault(directory, kit) as vault:
        request = GrantRequest(shop.vendor_id, ("email",), (2,), days=1)
        ended = ConsentBook(vault).grant(request, now=int(time.time()) - 2 * DAY_SECONDS).id
    workspace = _open(qtbot, make_window, directory)
    consents = workspace.consents
    assert consents.expiry_timer.isActive() and consents.expiry_timer.interval() == 60_000
    _show(workspace, consents)
    qtbot.waitUntil(lambda: consents.model.row_of(ended) >= 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _shown_status(workspace, ended) == "Expired", timeout=WAIT_MS)
    rows = _on_worker(qtbot, runner, lambda v: ConsentBook(v).deliveries(ended))
    assert [(row.status, row.last_error) for row in rows] == [("failed", "the consent expired")]
    assert kit.vendor_app.consents.held_data(shop, ended) is None
    overview = workspace.overview
    _show(workspace, overview)
    qtbot.waitUntil(lambda: overview.counts["expired"].text() == "1", timeout=WAIT_MS)
    assert overview.model.rowCount() == 0 and overview.stack.currentWidget() is overview.empty_label


def test_locking_closes_the_grant_dialog(
    qtbot: QtBot, make_window: MakeWindow, kit: BackgroundVendors, tmp_path: Path
) -> None:
    directory = tmp_path / "vault"
    with _new_vault(directory, kit):
        pass
    window = make_window(directory)
    unlock(qtbot, window)
    assert window.workspace is not None
    workspace = window.workspace
    _show(workspace, workspace.consents)
    workspace.consents.new_button.click()
    dialog = _dialog(qtbot, workspace, GrantDialog)
    window.lock()
    qtbot.waitUntil(lambda: window.workspace is None, timeout=WAIT_MS)
    assert _closed(dialog)


# ---------------------------------------------------------------------------- export, erasure


def test_export_receipts_and_write_an_erasure_request(
    qtbot: QtBot,
    make_window: MakeWindow,
    kit: BackgroundVendors,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory = tmp_path / "vault"
    books = _vendor(kit, 1)
    with _new_vault(directory, kit) as vault:
        consent_id = _grant(vault, books, "email", "phone")
        token = ConsentBook(vault).get(consent_id).row.receipt_jws
    workspace = _open(qtbot, make_window, directory)
    consents = workspace.consents
    workspace.open_consent(consent_id)
    qtbot.waitUntil(lambda: consents.shown is not None, timeout=WAIT_MS)
    # The disclosure goes out at unlock; let it finish so its status line does not race ours.
    qtbot.waitUntil(lambda: consents.shown.record.acknowledged, timeout=WAIT_MS)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: consents.delivery is None, timeout=WAIT_MS)

    target = tmp_path / "out" / "receipt.jws"
    target.parent.mkdir()
    monkeypatch.setattr(ask, "pick_save_file", lambda *_args, **_options: target)
    consents.export_actions["jws"].trigger()
    qtbot.waitUntil(lambda: str(target) in consents.status.text(), timeout=WAIT_MS)
    assert target.read_text().strip() == token
    readable = tmp_path / "out" / "receipt.json"
    monkeypatch.setattr(ask, "pick_save_file", lambda *_args, **_options: readable)
    consents.export_actions["dpv"].trigger()
    qtbot.waitUntil(lambda: str(readable) in consents.status.text(), timeout=WAIT_MS)
    assert "dpv" in readable.read_text().lower()

    every = tmp_path / "every"
    monkeypatch.setattr(consents_page, "pick_directory", lambda *_args, **_options: every)
    consents.export_all_button.click()
    qtbot.waitUntil(lambda: "Exported 1 consent" in consents.status.text(), timeout=WAIT_MS)
    assert sorted(p.name for p in every.iterdir()) == sorted(
        f"{consent_id}{suffix}" for suffix in (".jws", ".json", ".dpv.json")
    )

    if consents.erasure_button is None:
        pytest.skip("this build has no data-subject requests (wallet.consents.requests)")
    from ui.dialogs import request_dialog
    from ui.dialogs.request_dialog import RequestDialog

    consents.erasure_button.click()
    dialog = _dialog(qtbot, workspace, RequestDialog)
    assert not dialog.copy_button.isEnabled()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.record is not None, timeout=WAIT_MS)
    letter = dialog.letter.toPlainText()
    assert "artículo 17" in letter and consent_id in letter
    assert "Dirección de correo electrónico (email)" in letter
    assert "Número de teléfono (phone)" in letter
    assert FIELDS["email"] not in letter  # names, never values
    assert dialog.copy_button.isEnabled() and not dialog.write_button.isEnabled()
    opened: list[str] = []
    monkeypatch.setattr(request_dialog, "open_url", lambda url: opened.append(url) or True)
    dialog.mail_button.click()
    assert opened and opened[0].startswith("mailto:")
    dialog.reject()


# ---------------------------------------------------------------------------- the models


MANY_CONSENTS = 3_000


def _many_consents(vault: Vault, shop: Vendor, books: Vendor) -> list[str]:
    """One real grant, then ``MANY_CONSENTS - 1`` older consents stored straight through the
    consent store (reusing its signed receipt): ids newest first, as the table lists them.

    Every third stored consent is revoked, every fifth active one ends within three days.
    """
    newest = _grant(vault, shop, "email", "postal_address")
    sample = ConsentBook(vault).get(newest).row
    now = int(time.time())
    ids = [newest]
    with vault.write() as connection:
        for index in range(MANY_CONSENTS - 1):
            consent_id = str(uuid.uuid4())
            consent_store.insert(
                connection,
                consent_id=consent_id,
                vendor_id=(shop, books)[index % 2].vendor_id,
                offer_id=None,
                kid=sample.kid,
                granted_at=now - (index + 1) * 60,
                expires_at=now + (3 if index % 5 == 0 else 30) * DAY_SECONDS,
                purposes=(2,),
                summary="stored for the test",
                receipt_jws=sample.receipt_jws,
                field_keys=("email", "phone")[: 1 + index % 2],
            )
            if index % 3 == 2:
                consent_store.end(connection, consent_id, "revoked", now)
            ids.append(consent_id)
    return ids


def _selected_rows(workspace: Workspace) -> list[int]:
    return [index.row() for index in workspace.consents.table.selectionModel().selectedRows()]


def test_thousands_of_consents_load_a_page_at_a_time(
    qtbot: QtBot,
    make_window: MakeWindow,
    kit: BackgroundVendors,
    tmp_path: Path,
    qtmodeltester: Any,
) -> None:
    directory = tmp_path / "vault"
    shop, books = _vendor(kit, 0), _vendor(kit, 1)
    with _new_vault(directory, kit) as vault:
        ids = _many_consents(vault, shop, books)
    workspace = _open(qtbot, make_window, directory)
    consents = workspace.consents
    model = consents.model
    _show(workspace, consents)
    qtbot.waitUntil(lambda: model.rowCount() == MANY_CONSENTS, timeout=WAIT_MS)

    # The count is known at once; only the first page (and what was painted) came with it.
    assert consents.stack.currentWidget() is consents.table
    assert len(model.cached_pages()) <= 2 and model.is_row_loaded(0)
    assert not model.is_row_loaded(MANY_CONSENTS - 1)
    assert model.data(model.index(MANY_CONSENTS - 1, ConsentColumn.VENDOR)) == PLACEHOLDER
    # Real data in the first rows, newest first.
    assert [model.data(model.index(row, 0), ConsentRole.ID) for row in range(4)] == ids[:4]
    assert model.data(model.index(0, ConsentColumn.VENDOR)) == shop.name
    assert model.data(model.index(0, ConsentColumn.FIELDS)) == "Email address, Postal address"
    assert model.data(model.index(0, ConsentColumn.STATUS)) == "Active"
    assert model.data(model.index(1, ConsentColumn.VENDOR)) == shop.name
    assert model.data(model.index(2, ConsentColumn.VENDOR)) == books.name
    assert model.data(model.index(2, ConsentColumn.FIELDS)) == "Email address, Phone number"
    soon = model.index(1, ConsentColumn.STATUS)  # stored index 0: ends in three days
    assert model.data(soon) == "Expires soon"
    assert model.data(soon, Qt.ItemDataRole.ForegroundRole) == tone_colour(EXPIRING_COLOUR)
    assert model.data(model.index(2, ConsentColumn.STATUS)) == "Active"
    revoked = model.index(3, ConsentColumn.STATUS)  # stored index 2
    assert model.data(revoked) == "Revoked"
    assert model.data(revoked, Qt.ItemDataRole.ForegroundRole) == tone_colour(ENDED_COLOUR)
    assert model.data(revoked, Qt.ItemDataRole.ToolTipRole).startswith("Revoked on ")

    # Opening the oldest consent (as the Overview does) selects the last row and scrolls to it,
    # fetching its page alone.
    oldest = ids[-1]
    workspace.open_consent(oldest)
    qtbot.waitUntil(lambda: consents.selected_id() == oldest, timeout=WAIT_MS)
    assert _selected_rows(workspace) == [MANY_CONSENTS - 1]
    last = model.index(MANY_CONSENTS - 1, 0)
    assert consents.table.viewport().rect().intersects(consents.table.visualRect(last))
    qtbot.waitUntil(
        lambda: consents.shown is not None and consents.shown.record.id == oldest,
        timeout=WAIT_MS,
    )
    assert len(model.cached_pages()) <= 4

    # A row selected before its page is here shows its details once the page arrives, and a
    # reload meanwhile (a delivery finished, say) keeps it selected.
    middle = MANY_CONSENTS // 2
    assert not model.is_row_loaded(middle)
    consents.table.selectRow(middle)
    assert consents.selected_id() is None and consents.shown is None
    consents.reload()
    qtbot.waitUntil(
        lambda: consents.shown is not None and consents.shown.record.id == ids[middle],
        timeout=WAIT_MS,
    )
    assert consents.selected_id() == ids[middle] and _selected_rows(workspace) == [middle]
    assert _shown_status(workspace, ids[middle]) == "Revoked"  # stored index 1 499
    assert consents.export_button.isEnabled() and not consents.revoke_button.isEnabled()

    # A row chosen while a reload is on its way (the rows shown are the previous load's) stays
    # chosen once the reload arrives, and its details show.
    consents.reload()
    consents.table.selectRow(2)
    qtbot.waitUntil(
        lambda: consents.shown is not None and consents.shown.record.id == ids[2],
        timeout=WAIT_MS,
    )
    assert _selected_rows(workspace) == [2] and consents.selected_id() == ids[2]

    # Filtered in the core; asking for a consent the filter hides shows every consent again.
    consents.status_combo.setCurrentIndex(consents.status_combo.findData("revoked"))
    qtbot.waitUntil(lambda: model.rowCount() == (MANY_CONSENTS - 1) // 3, timeout=WAIT_MS)
    assert model.data(model.index(0, 0), ConsentRole.ID) == ids[3]
    workspace.open_consent(oldest)
    qtbot.waitUntil(lambda: consents.status_combo.currentData() is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _selected_rows(workspace) == [MANY_CONSENTS - 1], timeout=WAIT_MS)
    assert consents.selected_id() == oldest

    qtmodeltester.check(model)
    consents.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.is_row_loaded(MANY_CONSENTS - 1), timeout=WAIT_MS)
    qtmodeltester.check(model)


def test_consents_model_passes_the_model_tester_and_clears(
    qtbot: QtBot, runner: VaultRunner, kit: BackgroundVendors, tmp_path: Path, qtmodeltester: Any
) -> None:
    shop, books = _vendor(kit, 0), _vendor(kit, 1)

    def create() -> Vault:
        vault = _new_vault(tmp_path / "vault", kit)
        _many_consents(vault, shop, books)
        return vault

    with qtbot.waitSignal(runner.unlocked, timeout=WAIT_MS):
        runner.open(create)
    model = ConsentsModel(runner, page_size=100, max_cached_pages=3)
    # The paging first: the tester, once attached, reads every row at each reset.
    with qtbot.waitSignal(model.rows_reset, timeout=WAIT_MS):
        model.reload()
    assert model.rowCount() == MANY_CONSENTS and model.cached_pages() == [0]
    assert model.data(model.index(1, ConsentColumn.VENDOR)) == shop.name
    assert model.data(model.index(1, ConsentColumn.VENDOR), Qt.ItemDataRole.ToolTipRole) == (
        shop.vendor_id
    )
    rows = (150, 1_234, MANY_CONSENTS - 1)
    assert all(model.data(model.index(row, 0)) == PLACEHOLDER for row in rows)
    qtbot.waitUntil(lambda: all(model.is_row_loaded(row) for row in rows), timeout=WAIT_MS)
    assert model.cached_pages() == [1, 12, 29]  # bounded: the first page made room
    assert model.data(model.index(MANY_CONSENTS - 1, 0), ConsentRole.ID) is not None

    qtmodeltester.check(model)  # it reads every row: their pages arrive while it watches
    for _ in range(2):  # let every page it asked for arrive
        _on_worker(qtbot, runner, lambda _vault: None)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.rows_reset, timeout=WAIT_MS):
        model.reload()
    model.clear()
    assert model.rowCount() == 0 and model.vendor_name(shop.vendor_id) == shop.vendor_id
    qtmodeltester.check(model)
    model.deleteLater()


def test_holdings_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    holdings = HoldingsModel()
    cells = {("v0", "email"): (1, "c0"), ("v1", "phone"): (2, "c4")}
    overview = Overview((("v0", "Shop"), ("v1", "v1")), ("email", "phone"), cells)
    holdings.set_overview(overview, {"email": "Email"})
    qtmodeltester.check(holdings)
    assert holdings.data(holdings.index(1, 1)) == "✓ 2"
    assert holdings.data(holdings.index(0, 1)) is None
    assert not holdings.flags(holdings.index(0, 1)) & Qt.ItemFlag.ItemIsSelectable
    assert holdings.headerData(0, Qt.Orientation.Vertical) == "Shop"
