"""Session safety (issue 11, item 9): after a lock no personal data is left in any widget or model,
open dialogs close, and the clipboard keeps no secret of ours.

A vault is filled with canary values (:mod:`tests.ui.canary_vault`); the whole window is
unlocked and every page shown, rows selected, a sensitive value revealed, dialogs opened; then the
vault is locked and every live widget and model of the application is searched for the canary
(:mod:`tests.ui.canary_walk`). The same search before the lock proves it finds them.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.canary_vault import (
    CANARY,
    VENDOR_ID,
    WAIT_MS,
    open_canary_window,
    select_sensitive_field,
)
from tests.ui.canary_walk import find_canary, surviving_workspace_objects
from tests.ui.conftest import MakeWindow, unlock
from ui.dialogs import ask
from ui.main_window import MainWindow, Workspace
from wallet.vault.facade import Vault


def _show_everything(qtbot: QtBot, window: MainWindow) -> Workspace:
    """Every page shown and loaded, first rows selected, a secret revealed, dialogs open."""
    workspace = window.workspace
    assert workspace is not None
    for row in range(workspace.sidebar.count()):
        workspace.show_page(row)
        qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=WAIT_MS)
    page = select_sensitive_field(qtbot, window)
    page.reveal_action.trigger()
    qtbot.waitUntil(lambda: page.model.is_revealed("health_note"), timeout=WAIT_MS)
    page.copy_action.trigger()
    qtbot.waitUntil(lambda: CANARY in QGuiApplication.clipboard().text(), timeout=WAIT_MS)
    page.edit_action.trigger()
    qtbot.waitUntil(lambda: bool(page._open_dialogs), timeout=WAIT_MS)
    intentions = workspace.intentions
    workspace.show_page(workspace.pages.indexOf(intentions))
    qtbot.waitUntil(lambda: intentions.list.count() == 1, timeout=WAIT_MS)
    intentions.list.setCurrentRow(0)
    consents = workspace.consents
    workspace.show_page(workspace.pages.indexOf(consents))
    qtbot.waitUntil(lambda: consents.model.rowCount() == 1, timeout=WAIT_MS)
    consents.table.selectRow(0)
    qtbot.waitUntil(lambda: consents.shown is not None, timeout=WAIT_MS)
    vendors = workspace.vendors
    workspace.show_page(workspace.pages.indexOf(vendors))
    qtbot.waitUntil(lambda: vendors.table.model().rowCount() == 1, timeout=WAIT_MS)
    vendors.table.selectRow(0)
    missing = f"{CANARY.lower()}_missing"
    window.runner.run(lambda vault: vault.fields.get(missing))  # an error in the status bar
    qtbot.waitUntil(lambda: CANARY.lower() in window.status_error.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=WAIT_MS)
    return workspace


def _wait_for_the_lock(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.findChildren(Workspace) == [], timeout=WAIT_MS)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=WAIT_MS)


@pytest.fixture
def window(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    return open_canary_window(qtbot, make_window, tmp_path)


def test_no_canary_survives_a_lock(qtbot: QtBot, qapp: QApplication, window: MainWindow) -> None:
    _show_everything(qtbot, window)
    for where, canary in (  # each canary as shown somewhere before the lock
        ("FieldsModel", f"allergic to {CANARY}"),  # My data, the revealed sensitive value
        ("FieldDialog", f"allergic to {CANARY}"),  # the edit dialog
        ("ConsentsModel", f"Shop {VENDOR_ID}"),  # Consents: the vendor's name
        ("VendorsModel", f"Shop {VENDOR_ID}"),  # Vendors
        ("MembershipCard", "ZQ7CANARY-0042"),  # Loyalty: the card number
        ("ProposalRow", f"{CANARY} groceries deal"),  # Loyalty: the proposal
        ("IntentionsPage", f"Blue, {CANARY} laces"),  # the intention's description
        ("TermsPage", f"Ask {CANARY} first."),  # the free-text clause
        ("MainWindow", f"{CANARY.lower()}_missing"),  # the status bar's error
    ):
        places = find_canary(qapp, canary)
        assert any(where in place for place in places), f"no {canary!r} in {where}: {places}"
    alive = surviving_workspace_objects()
    assert {"ui.main_window.Workspace", "ui.models.fields_model.FieldsModel"} <= set(alive)

    window.lock_action.trigger()
    _wait_for_the_lock(qtbot, window)
    assert find_canary(qapp, CANARY) == []
    assert CANARY not in QGuiApplication.clipboard().text()
    assert surviving_workspace_objects() == []


def _lock_during(qtbot: QtBot, window: MainWindow, ask_question: Callable[[], object]) -> object:
    """Run ``ask_question`` (a modal question in its own event loop) and lock while it is open.

    Returns its answer. Fails if the lock did not close the question (a fallback timer closes it
    then, so the test ends instead of hanging).
    """
    seen_open: list[QWidget] = []
    closed_by_fallback: list[str] = []

    def lock_now() -> None:
        seen_open.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        )
        window.lock()

    def fallback() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                closed_by_fallback.append(type(widget).__name__)
                widget.reject()

    QTimer.singleShot(0, lock_now)
    fallback_timer = QTimer(singleShot=True, interval=10_000)
    fallback_timer.timeout.connect(fallback)
    fallback_timer.start()
    answer = ask_question()
    fallback_timer.stop()
    assert seen_open, "the question was never shown"
    assert closed_by_fallback == [], "the lock left the question open"
    _wait_for_the_lock(qtbot, window)
    return answer


def test_a_question_open_at_lock_closes_and_answers_no(
    qtbot: QtBot, qapp: QApplication, window: MainWindow
) -> None:
    page = select_sensitive_field(qtbot, window)
    seen: list[str] = []

    def delete_and_look() -> None:
        QTimer.singleShot(0, lambda: seen.extend(find_canary(qapp, CANARY)))
        page.delete_action.trigger()  # "Delete “Zq7Canary note”?" in its own event loop

    _lock_during(qtbot, window, delete_and_look)
    assert any("QMessageBox" in place for place in seen), seen
    assert find_canary(qapp, CANARY) == []
    with Vault.open_with_passphrase(window.vault_dir, PASSPHRASE) as vault:
        assert vault.fields.get("health_note").sensitive  # the lock answered Cancel, not Delete
    assert window.findChildren(QMessageBox)  # kept, emptied, until its event loop surely ended
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.findChildren(QMessageBox) == [], timeout=WAIT_MS)


def test_a_message_over_the_window_closes_at_lock(
    qtbot: QtBot, qapp: QApplication, window: MainWindow
) -> None:
    message = f"{CANARY} Shoes Ltd did not answer."
    _lock_during(qtbot, window, lambda: ask.inform(window, "Consent", message))
    assert find_canary(qapp, CANARY) == []


def test_a_file_dialog_open_at_lock_closes_and_answers_none(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, tmp_path: Path
) -> None:
    assert window.workspace is not None
    page = window.workspace.vendors  # deleted at the lock, maybe before the dialog returns
    suggested = tmp_path / f"{CANARY}.json"
    answer = _lock_during(
        qtbot,
        window,
        lambda: ask.pick_save_file(
            page, "Export", suggested=suggested, name_filter="JSON (*.json)"
        ),
    )
    assert answer is None
    assert find_canary(qapp, CANARY) == []
