"""The Loyalty page driven like a user would: cards with scannable codes, import, proposals."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from ui.dialogs import ask
from ui.dialogs.loyalty_dialogs import (
    ImportDialog,
    MembershipDialog,
    ProposalDialog,
    PurchaseDialog,
)
from ui.pages.loyalty_page import LoyaltyPage, MembershipCard
from ui.tasks import VaultRunner
from ui.widgets.barcode import CodeView
from wallet.vault.facade import Vault

FIXTURES = Path(__file__).parents[1] / "fixtures" / "loyalty"


@pytest.fixture
def page(qtbot: QtBot, runner: VaultRunner, tmp_path: Path) -> LoyaltyPage:
    with qtbot.waitSignal(runner.unlocked):
        runner.open(
            lambda: Vault.create(tmp_path / "vault", PASSPHRASE, kdf_target_seconds=0).vault
        )
    loyalty = LoyaltyPage(runner)
    qtbot.addWidget(loyalty)
    loyalty.show()
    qtbot.waitUntil(lambda: not runner.is_busy)
    return loyalty


def decoded(card: MembershipCard) -> list[str]:
    # zxing-cpp reads a QImage directly, but not in the premultiplied format grab() gives.
    image = card.code_view.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    return [result.text for result in zxingcpp.read_barcodes(image)]


def add_card(qtbot: QtBot, page: LoyaltyPage, **texts: str) -> MembershipCard:
    before = len(page.card_widgets())
    page.add_button.click()
    dialog = page.last_dialog
    assert isinstance(dialog, MembershipDialog)
    dialog.program_edit.setText(texts["program"])
    dialog.vendor_edit.setText(texts.get("vendor", ""))
    dialog.number_edit.setText(texts["number"])
    dialog.points_edit.setText(texts.get("points", ""))
    kind = texts.get("kind", "qr")
    dialog.barcode_type_combo.setCurrentIndex(dialog.barcode_type_combo.findData(kind))
    dialog.accept()
    qtbot.waitUntil(lambda: len(page.card_widgets()) == before + 1)
    return next(c for c in page.card_widgets() if c.membership.member_number == texts["number"])


def test_cards_show_codes_that_scan_back_to_the_number(qtbot: QtBot, page: LoyaltyPage) -> None:
    assert page.cards_stack.currentWidget() is page.empty_label
    qr_card = add_card(
        qtbot, page, program="Bean Rewards", vendor="Bean There", number="BR-2048-7731", points="90"
    )
    assert qr_card.code_view.drawn
    assert decoded(qr_card) == ["BR-2048-7731"]
    bar_card = add_card(qtbot, page, program="Air Miles", number="SH-123456", kind="code128")
    assert decoded(bar_card) == ["SH-123456"]
    assert bar_card.membership.vendor == "Air Miles"
    # A duplicate is refused inside the dialog, which stays open with the reason.
    page.add_button.click()
    dialog = page.last_dialog
    assert isinstance(dialog, MembershipDialog)
    dialog.program_edit.setText("air miles")
    dialog.number_edit.setText("SH-123456")
    dialog.accept()
    qtbot.waitUntil(lambda: "already have this card" in dialog.error_label.text())
    dialog.reject()
    # Edit, then delete (the confirmation answered by the test).
    card = next(c for c in page.card_widgets() if c.membership.program == "Air Miles")
    card.edit_button.click()
    editor = page.last_dialog
    assert isinstance(editor, MembershipDialog)
    editor.tier_edit.setText("Silver")
    editor.accept()
    qtbot.waitUntil(
        lambda: any(c.membership.tier == "Silver" for c in page.card_widgets()), timeout=5000
    )


def test_delete_card(qtbot: QtBot, page: LoyaltyPage, monkeypatch: pytest.MonkeyPatch) -> None:
    card = add_card(qtbot, page, program="Pet Pals", number="PP-77")
    monkeypatch.setattr(ask, "confirm", lambda *args, **kwargs: True)
    card.delete_button.click()
    qtbot.waitUntil(lambda: not page.card_widgets())
    assert page.cards_stack.currentWidget() is page.empty_label


def test_import_wizard(qtbot: QtBot, page: LoyaltyPage, monkeypatch: pytest.MonkeyPatch) -> None:
    source = FIXTURES / "memberships.csv"
    monkeypatch.setattr(ask, "pick_open_file", lambda *args, **kwargs: source)
    page.import_button.click()
    qtbot.waitUntil(lambda: isinstance(page.last_dialog, ImportDialog))
    wizard = page.last_dialog
    assert isinstance(wizard, ImportDialog)
    assert wizard.rejected_table.rowCount() == 5
    reasons = {
        wizard.rejected_table.item(row, 0).text(): wizard.rejected_table.item(row, 2).text()
        for row in range(5)
    }
    assert reasons["4"] == "missing member number"
    assert reasons["7"] == "duplicate of row 3 in this file"
    # Without a member-number column the core refuses the mapping; nothing can be imported.
    number = wizard.mapping_combos["Card number"]
    number.setCurrentIndex(number.findData(None))
    qtbot.waitUntil(lambda: "member number" in wizard.error_label.text())
    assert not wizard.import_button.isEnabled()
    number.setCurrentIndex(number.findData("member_number"))
    qtbot.waitUntil(wizard.import_button.isEnabled)
    # Ignoring the Points column turns the two bad-points rows into good ones.
    points = wizard.mapping_combos["Points"]
    points.setCurrentIndex(points.findData(None))
    qtbot.waitUntil(lambda: len(wizard.preview.good) == 5)
    assert dict(wizard.preview.mapping)["Points"] is None
    assert wizard.import_button.isEnabled()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: len(page.card_widgets()) == 5)
    assert "Imported 5 cards; 3 rows were left out." in page.status.text()
    assert all(c.membership.points_balance is None for c in page.card_widgets())


def test_proposal_progress_after_recording_a_purchase(qtbot: QtBot, page: LoyaltyPage) -> None:
    page.tabs.setCurrentIndex(1)
    page.add_proposal_button.click()
    editor = page.last_dialog
    assert isinstance(editor, ProposalDialog)
    editor.title_edit.setText("Weekly groceries")
    editor.vendor_edit.setText("Fresh Mart")
    editor.category_edit.setText("groceries")
    editor.count_spin.setValue(10)  # 10: shown as "10", not Decimal.normalize()'s "1E+1"
    editor.reward_value_edit.setText("5")
    editor.accept()
    qtbot.waitUntil(lambda: len(page.proposal_rows()) == 1)
    (row,) = page.proposal_rows()
    assert row.proposal.terms.reward.kind == "percent_discount"
    assert not row.bars["Fresh Mart"].value()
    row.record_button.click()
    recorder = page.last_dialog
    assert isinstance(recorder, PurchaseDialog)
    assert recorder.vendor_edit.text() == "Fresh Mart"
    recorder.amount_edit.setText("42.80")
    recorder.accept()
    qtbot.waitUntil(
        lambda: (
            bool(page.proposal_rows()) and page.proposal_rows()[0].bars["Fresh Mart"].value() == 100
        )
    )
    assert "1 of 10 purchases" in page.proposal_rows()[0].bars["Fresh Mart"].text()


def test_codes_this_app_cannot_draw_show_the_value(qtbot: QtBot) -> None:
    view = CodeView()
    qtbot.addWidget(view)
    view.set_code("pdf417", "RC-55120-9")
    assert not view.drawn
    assert "RC-55120-9" in view.text() and "cannot draw PDF417" in view.text()


def test_code_values_from_files_are_shown_as_text_never_as_html(qtbot: QtBot) -> None:
    hostile = '<img src="file:///etc/passwd"><b>X</b>'
    view = CodeView()
    qtbot.addWidget(view)
    view.set_code("pdf417", hostile)
    assert view.textFormat() == Qt.TextFormat.PlainText
    assert hostile in view.text()
    view.set_code("qr", hostile)
    assert view.drawn
    assert "<img" not in view.toolTip() and "&lt;img" in view.toolTip()


def test_hostile_files_give_the_cores_message(
    qtbot: QtBot, page: LoyaltyPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shape = tmp_path / "object.json"
    shape.write_text('{"classId": "3388.club", "accountId": "1", "textModulesData": 5}')
    monkeypatch.setattr(ask, "pick_open_file", lambda *args, **kwargs: shape)
    page.import_button.click()
    qtbot.waitUntil(lambda: "textModulesData must be a list" in page.error.text())
    assert str(shape) in page.error.text() and page.last_dialog is None
    # A giant exponent is one rejected row in the wizard, at once, not a minute-long hang.
    points = tmp_path / "points.csv"
    points.write_text("Program,Card number,Points\nClub,1,1e999999999\nClub,2,12\n")
    monkeypatch.setattr(ask, "pick_open_file", lambda *args, **kwargs: points)
    page.import_button.click()
    qtbot.waitUntil(lambda: isinstance(page.last_dialog, ImportDialog), timeout=2_000)
    wizard = page.last_dialog
    assert isinstance(wizard, ImportDialog)
    assert wizard.rejected_table.rowCount() == 1 and len(wizard.preview.good) == 1
    assert "too large" in wizard.rejected_table.item(0, 2).text()
