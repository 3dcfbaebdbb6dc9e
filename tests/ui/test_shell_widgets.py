"""The shell's small widgets: strength meter, new-passphrase form, QR code, clipboard, fields."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from ui import clipboard
from ui.widgets.new_passphrase import NewPassphraseForm
from ui.widgets.password_field import PasswordField
from ui.widgets.qr import qr_pixmap
from ui.widgets.strength_meter import StrengthMeter

STRONG = "correct horse battery staple"
WEAK = "password1"


def test_strength_meter_shows_score_and_advice(qtbot: QtBot) -> None:
    meter = StrengthMeter()
    qtbot.addWidget(meter)
    assert meter.strength is None
    meter.update_for(WEAK)
    assert meter.strength is not None and meter.strength.score < 3
    assert meter._advice.text()
    meter.update_for(STRONG)
    assert meter.strength is not None and meter.strength.score >= 3


def _fill(form: NewPassphraseForm, first: str, second: str) -> None:
    form.passphrase.setText(first)
    form.repeat.setText(second)


def test_new_passphrase_form_gating(qtbot: QtBot) -> None:
    form = NewPassphraseForm()
    qtbot.addWidget(form)
    form.show()
    _fill(form, "short", "short")
    assert not form.is_acceptable()  # below the core's minimum of 8
    _fill(form, STRONG, STRONG + "x")
    assert not form.is_acceptable()  # mismatch
    assert "different" in form.problem.text()
    with qtbot.waitSignal(form.validity_changed):
        _fill(form, STRONG, STRONG)
    assert form.is_acceptable()
    assert form.weak_acknowledged.isHidden()


def test_weak_passphrase_needs_the_acknowledgement(qtbot: QtBot) -> None:
    form = NewPassphraseForm()
    qtbot.addWidget(form)
    form.show()
    _fill(form, WEAK, WEAK)
    assert not form.is_acceptable()
    assert form.weak_acknowledged.isVisible()
    form.weak_acknowledged.setChecked(True)
    assert form.is_acceptable()
    form.passphrase.setText(WEAK + "2")  # editing withdraws the acknowledgement
    assert not form.weak_acknowledged.isChecked()
    assert not form.is_acceptable()


def test_password_field_show_hide(qtbot: QtBot) -> None:
    field = PasswordField()
    qtbot.addWidget(field)
    assert field.line_edit.echoMode() == QLineEdit.EchoMode.Password
    field.toggle.click()
    assert field.line_edit.echoMode() == QLineEdit.EchoMode.Normal
    field.setText("secret")
    field.clear()
    assert field.text() == ""
    assert field.line_edit.echoMode() == QLineEdit.EchoMode.Password


def test_qr_pixmap_decodes_back_to_the_text(qtbot: QtBot) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    text = "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345-67ABC-DEFGH"
    pixmap = qr_pixmap(text)
    assert not pixmap.isNull()
    decoded = zxingcpp.read_barcodes(pixmap.toImage())
    assert [barcode.text for barcode in decoded] == [text]


def test_copy_secret_marks_and_clears(qtbot: QtBot) -> None:
    board = QGuiApplication.clipboard()
    clipboard.copy_secret("s3cret-value", clear_after_seconds=1)
    mime = board.mimeData()
    assert board.text() == "s3cret-value"
    assert bytes(mime.data(clipboard.PASSWORD_MANAGER_HINT_FORMAT).data()) == b"secret"
    qtbot.waitUntil(lambda: board.text() == "", timeout=3000)


def test_clear_leaves_what_the_user_copied_since(qtbot: QtBot) -> None:
    board = QGuiApplication.clipboard()
    clipboard.copy_secret("s3cret-value", clear_after_seconds=0)
    board.setText("something else")
    clipboard.clear_if_unchanged("s3cret-value")
    clipboard.clear_copied_secrets()
    assert board.text() == "something else"


def test_clear_copied_secrets_clears_our_secret(qtbot: QtBot) -> None:
    board = QGuiApplication.clipboard()
    clipboard.copy_secret("another-secret", clear_after_seconds=0)
    clipboard.clear_copied_secrets()
    assert board.text() == ""


def test_busy_indicator_with_a_delay_stays_hidden_for_short_work(qtbot: QtBot) -> None:
    from ui.widgets.busy import BusyIndicator

    indicator = BusyIndicator(show_delay_ms=50)
    qtbot.addWidget(indicator)
    indicator.show()
    indicator.set_busy(False)
    indicator.set_busy(True)
    assert indicator.is_busy and indicator.isHidden()
    indicator.set_busy(False)
    qtbot.wait(80)
    assert indicator.isHidden()
    indicator.set_busy(True)
    qtbot.waitUntil(lambda: not indicator.isHidden())
    indicator.set_busy(False)
    assert indicator.isHidden() and not indicator.is_busy
