"""A loyalty card shown at the till: full-screen, black on white, scanned back by zxing-cpp."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from ui.dialogs.loyalty_dialogs import MembershipDialog
from ui.pages.loyalty_page import LoyaltyPage, MembershipCard
from ui.tasks import VaultRunner
from ui.widgets.till_view import TillView
from wallet.loyalty.book import LoyaltyBook
from wallet.loyalty.models import Membership, MembershipDraft
from wallet.vault.facade import Vault

TODAY = date.today()
CARDS = (
    MembershipDraft(program="Fresh Mart", member_number="400638133393", barcode_type="ean13"),
    MembershipDraft(program="Bean Rewards", member_number="BR-2048-7731", barcode_type="qr"),
    MembershipDraft(
        program="Air Miles",
        member_number="SH-123456",
        barcode_type="code128",
        expiry=TODAY - timedelta(days=3),
    ),
    MembershipDraft(program="Cinema Plus", member_number="CP-9", expiry=TODAY + timedelta(days=2)),
    MembershipDraft(program="Book Nook", member_number="BN-1", expiry=TODAY + timedelta(days=400)),
)


@pytest.fixture
def page(qtbot: QtBot, runner: VaultRunner, tmp_path: Path) -> LoyaltyPage:
    def open_with_cards() -> Vault:
        vault = Vault.create(tmp_path / "vault", PASSPHRASE, kdf_target_seconds=0).vault
        book = LoyaltyBook(vault)
        for draft in CARDS:
            book.add(draft)
        return vault

    with qtbot.waitSignal(runner.unlocked):
        runner.open(open_with_cards)
    loyalty = LoyaltyPage(runner)
    qtbot.addWidget(loyalty)
    loyalty.show()
    qtbot.waitUntil(lambda: len(loyalty.card_widgets()) == len(CARDS))
    return loyalty


def card_of(page: LoyaltyPage, program: str) -> MembershipCard:
    return next(c for c in page.card_widgets() if c.membership.program == program)


def opened(qtbot: QtBot, page: LoyaltyPage, card: MembershipCard) -> TillView:
    card.till_button.click()
    view = page.till_view
    assert isinstance(view, TillView)
    qtbot.waitUntil(lambda: view.code_image_size.width() >= 300)
    return view


def scanned(view: TillView) -> list[str]:
    """What a scanner reads on the whole view, as drawn (grab() is what the screen shows)."""
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize(
    ("program", "expected"),
    [("Fresh Mart", "4006381333931"), ("Bean Rewards", "BR-2048-7731"), ("Air Miles", "SH-123456")],
)
def test_the_till_view_scans_back_to_the_number_it_prints(
    qtbot: QtBot, page: LoyaltyPage, program: str, expected: str
) -> None:
    card = card_of(page, program)
    assert card.code_text.text() == expected  # on the card too: 13 digits for a 12-digit EAN
    view = opened(qtbot, page, card)
    assert view.isFullScreen() and view.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert view.name_label.text() == program
    assert view.number_label.text() == expected
    assert scanned(view) == [expected]
    view.close()


def test_black_on_white_in_a_dark_theme_and_any_key_or_click_closes(
    qtbot: QtBot, page: LoyaltyPage
) -> None:
    dark = page.palette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e0e0e0"))
    page.setPalette(dark)
    view = opened(qtbot, page, card_of(page, "Bean Rewards"))
    image = view.grab().toImage()
    assert image.pixelColor(QPoint(2, 2)) == QColor("white")
    assert image.pixelColor(QPoint(image.width() - 3, image.height() - 3)) == QColor("white")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.till_view is None)
    view = opened(qtbot, page, card_of(page, "Bean Rewards"))
    qtbot.keyClick(view, Qt.Key.Key_Shift)  # half a shortcut does not close it
    assert page.till_view is view
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.till_view is None)


def test_enter_or_space_on_the_selected_card_shows_it(qtbot: QtBot, page: LoyaltyPage) -> None:
    page.cards.setFocus()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Space):
        row = next(
            i for i, c in enumerate(page.card_widgets()) if c.membership.program == "Air Miles"
        )
        page.cards.setCurrentRow(row)
        qtbot.keyClick(page.cards, key)
        view = page.till_view
        assert isinstance(view, TillView) and view.number_label.text() == "SH-123456"
        qtbot.keyClick(view, Qt.Key.Key_A)
        qtbot.waitUntil(lambda: page.till_view is None)


def short(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def test_expired_and_expiring_cards_are_flagged_in_words(qtbot: QtBot, page: LoyaltyPage) -> None:
    expired, expiring = card_of(page, "Air Miles"), card_of(page, "Cinema Plus")
    assert not expired.expiry_label.isHidden() and not expired.expiry_icon.pixmap().isNull()
    assert f"Expired on {short(TODAY - timedelta(days=3))}" in expired.expiry_label.text()
    assert f"Expires soon: {short(TODAY + timedelta(days=2))}" in expiring.expiry_label.text()
    assert not expiring.expiry_icon.pixmap().isNull()
    for valid in (card_of(page, "Book Nook"), card_of(page, "Fresh Mart")):
        assert valid.expiry_label.isHidden() and valid.expiry_icon.isHidden()
    view = opened(qtbot, page, expired)
    assert view.expiry_label.text().endswith(
        f"This card expired on {short(TODAY - timedelta(days=3))}"
    )
    view.close()


def test_the_card_dialog_says_what_the_code_will_read(qtbot: QtBot, page: LoyaltyPage) -> None:
    page.add_button.click()
    dialog = page.last_dialog
    assert isinstance(dialog, MembershipDialog)
    dialog.barcode_type_combo.setCurrentIndex(dialog.barcode_type_combo.findData("ean13"))
    dialog.number_edit.setText("400638133393")
    assert dialog.encoded_label.text() == "The code will read: 4006381333931"
    dialog.number_edit.setText("4006381333932")
    assert dialog.encoded_label.text() == ""  # saving says why
    dialog.program_edit.setText("Fresh Mart 2")
    dialog.accept()
    assert "wrong check digit (its last digit would be 1)" in dialog.error_label.text()
    dialog.reject()


def test_a_card_can_be_selected_for_the_till_and_stays_selected(
    qtbot: QtBot, page: LoyaltyPage
) -> None:
    cinema = card_of(page, "Cinema Plus").membership.id
    page.tabs.setCurrentIndex(1)
    page.select_card(cinema)
    assert page.tabs.currentIndex() == 0
    current = page.cards.itemWidget(page.cards.currentItem())
    assert isinstance(current, MembershipCard) and current.membership.id == cinema
    page.reload()
    qtbot.waitUntil(lambda: card_of(page, "Cinema Plus") is not current)
    current = page.cards.itemWidget(page.cards.currentItem())
    assert isinstance(current, MembershipCard) and current.membership.id == cinema


def test_long_values_and_codes_not_drawn_here_still_fit_the_screen(qtbot: QtBot) -> None:
    now = datetime.now(UTC)
    address = "https://example.org/card/" + "x" * 900
    for kind, value in (("qr", address), ("pdf417", "RC-55120-9")):
        membership = Membership(
            id=1, created=now, updated=now, program="P" * 200, member_number="M",
            barcode_type=kind, barcode_value=value,
        )  # fmt: skip
        view = TillView(membership)
        qtbot.addWidget(view)
        view.show_full_screen()
        qtbot.waitUntil(lambda v=view: v.width() > 0 and v.number_label.text() != "")
        assert view.geometry() == view.screen().geometry()
        assert view.number_label.sizeHint().width() <= view.width()
        assert view.number_label.toolTip() == value
        if kind == "pdf417":
            assert "cannot draw PDF417" in view.code_label.text()
            assert view.number_label.text() == value
        else:
            assert "…" in view.number_label.text() and view.code_image_size.width() >= 300
        view.close()
