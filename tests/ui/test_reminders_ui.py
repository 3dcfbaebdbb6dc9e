"""Reminders in the desktop app (issue 16.4, issue 14.8): the home page lists what needs
attention, opening one asks for its page, and each new reminder raises one desktop notification,
received by a notification service on a real session bus through ``notify-send``."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.test_consents_requests import VENDOR_ID, add_offline_vendor, fill
from tests.ui.conftest import MakeWindow, unlock
from tests.ui.notification_service import NotificationService
from ui.pages.home_page import HomePage
from ui.reminders.watch import ReminderWatch
from ui.tasks import VaultRunner
from wallet.consents import ConsentBook, GrantRequest
from wallet.loyalty.book import LoyaltyBook
from wallet.loyalty.models import MembershipDraft
from wallet.vault.facade import Vault

WAIT_MS = 20_000


@pytest.fixture
def notifications() -> Iterator[NotificationService]:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.skip("no D-Bus session bus (make test runs the suite inside dbus-run-session)")
    if shutil.which("notify-send") is None:
        pytest.skip("notify-send is not installed (libnotify-bin; make system-deps installs it)")
    service = NotificationService()
    service.start()
    try:
        yield service
    finally:
        service.stop()


def _open(qtbot: QtBot, runner: VaultRunner, directory: Path) -> None:
    with qtbot.waitSignal(runner.unlocked):
        runner.open(lambda: Vault.create(directory, PASSPHRASE, kdf_target_seconds=0).vault)


def _grant(vault: Vault) -> str:
    fill(vault)
    add_offline_vendor(vault)
    request = GrantRequest(vendor_id=VENDOR_ID, field_keys=("email",), purposes=(2,), days=3)
    return ConsentBook(vault).grant(request).id


def test_home_lists_what_needs_attention_and_opens_it(
    qtbot: QtBot, runner: VaultRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No session bus: no notify-send left waiting for a service a later test would start.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    _open(qtbot, runner, tmp_path / "vault")
    watch = ReminderWatch(runner)
    home = HomePage(watch)
    qtbot.addWidget(home)
    home.show()
    assert home.stack.currentIndex() == 0 and home.empty_label.isVisibleTo(home)
    with qtbot.waitSignal(watch.checked, timeout=WAIT_MS):
        watch.check_now()
    assert home.stack.currentIndex() == 0 and home.empty_label.isVisibleTo(home)

    granted: list[str] = []
    with qtbot.waitSignal(watch.checked, timeout=WAIT_MS):  # a change brings a check
        runner.run(_grant, on_success=granted.append)
    consent_id = granted[0]
    (text,) = home.texts()
    assert "Your consent to Fixture Books ends on" in text
    assert home.open_button.text() == "Open the consent" and home.open_button.isEnabled()
    with qtbot.waitSignal(home.open_requested) as opened:
        home.open_button.click()
    assert opened.args == ["consent_expiring", consent_id]

    with qtbot.waitSignal(watch.checked, timeout=WAIT_MS):
        runner.lock()
    assert home.texts() == [] and home.compose_button.isVisibleTo(home)


def test_each_new_reminder_raises_one_notification_without_names(
    qtbot: QtBot, runner: VaultRunner, tmp_path: Path, notifications: NotificationService
) -> None:
    _open(qtbot, runner, tmp_path / "vault")
    runner.submit_raw_vault(_grant).result(timeout=30)
    watch = ReminderWatch(runner)
    raised_all: list[tuple[str, str]] = []
    watch.notified.connect(lambda summary, body: raised_all.append((summary, body)))
    with qtbot.waitSignal(watch.notified, timeout=WAIT_MS) as raised:
        watch.check_now()
    assert raised.args == ["1 thing(s) need your attention", "A consent you gave ends soon."]
    expected = ("VRM Wallet", "1 thing(s) need your attention", "A consent you gave ends soon.")

    def arrived() -> bool:  # (a notify-send an earlier test started may arrive here too)
        return any((r.app_name, r.summary, r.body) == expected for r in notifications.received)

    qtbot.waitUntil(arrived, timeout=WAIT_MS)
    assert all("Fixture Books" not in r.summary + r.body for r in notifications.received)

    # Checked again (and after a new unlock): nothing new, so nothing raised.
    with (
        qtbot.assertNotEmitted(watch.notified),
        qtbot.waitSignal(watch.checked, timeout=WAIT_MS),
    ):
        watch.check_now()
    runner.lock()
    with qtbot.waitSignal(runner.unlocked):
        runner.open(lambda: Vault.open_with_passphrase(tmp_path / "vault", PASSPHRASE))
    with (
        qtbot.assertNotEmitted(watch.notified),
        qtbot.waitSignal(watch.checked, timeout=WAIT_MS),
    ):
        watch.check_now()
    assert len(raised_all) == 1  # one notification handed to the desktop in all


def test_the_workspace_opens_on_home_and_a_reminder_leads_to_its_card(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    directory = tmp_path / "vault"
    with Vault.create(directory, PASSPHRASE, kdf_target_seconds=0).vault as vault:
        ending = date.today() + timedelta(days=3)
        card = LoyaltyBook(vault).add(
            MembershipDraft(program="Book Club", member_number="BC-1", expiry=ending)
        )
    window = make_window(directory)
    unlock(qtbot, window)
    workspace = window.workspace
    assert workspace is not None and workspace.pages.currentWidget() is workspace.home
    qtbot.waitUntil(lambda: len(workspace.home.texts()) == 1, timeout=WAIT_MS)
    assert "Your Book Club card expires on" in workspace.home.texts()[0]
    workspace.home.open_button.click()
    assert workspace.pages.currentWidget() is workspace.loyalty

    def selected() -> int | None:
        cards = workspace.loyalty.card_widgets()
        row = workspace.loyalty.cards.currentRow()
        return cards[row].membership.id if 0 <= row < len(cards) else None

    qtbot.waitUntil(lambda: selected() == card.id, timeout=WAIT_MS)
