"""Human words in Spanish and Italian (issue 14.4): no ISO timestamps or region codes in the
main views, and the core's errors in the person's language.

The demo vault is opened in a real window with the real catalogues
(``resources/translations/*.qm``, compiled here when ``make translations`` has not run); the
Activity and Loyalty pages are read as shown. Errors are real ones raised by the core (a wrong
passphrase on a real vault, a points balance that is not a number typed in the card dialog).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow
from ui.dialogs.loyalty_dialogs import MembershipDialog
from ui.i18n import language
from ui.i18n.activity_words import details_text
from ui.i18n.consent_summary import SummaryParts, summary_in_words
from ui.i18n.error_texts import KIND_TEXTS, error_kind_text, worded_error_text
from ui.i18n.regions import region_name
from ui.i18n.update import build_catalogues
from ui.main_window import Workspace
from ui.models.activity_model import ActivityColumn
from ui.pages.intention_record import record_rows
from ui.widgets.messages import error_text
from wallet.errors import InvalidInput, WalletError, WrongPassphrase
from wallet.intents import IntentionBook, IntentionDraft
from wallet.vault.facade import Vault

ISO_DAY = re.compile(
    r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"
)  # 2026-12-14, alone or in 2026-12-14T11:10:13Z
REGION_CODE = re.compile(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b")  # ES-MD, IT-25
LANGUAGES = ("es", "it")


@pytest.fixture
def speak(qapp: QApplication) -> Iterator[object]:
    """``speak(code)`` installs that language (its real catalogue and locale) for this test."""
    build_catalogues()
    before = QLocale()

    def use(code: str) -> None:
        language.use(qapp, language.locale_for(code))

    try:
        yield use
    finally:
        QLocale.setDefault(before)
        language.remove_all(qapp)


def _demo_workspace(qtbot: QtBot, make_window: MakeWindow, directory: Path) -> Workspace:
    window = make_window(directory, demo=True)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=20_000)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=10_000)
    return workspace


def _label_texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.text()]


@pytest.mark.parametrize("code", LANGUAGES)
def test_activity_and_loyalty_show_no_iso_timestamp_region_code_or_raw_key(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, speak: object, code: str
) -> None:
    speak(code)  # type: ignore[operator]
    workspace = _demo_workspace(qtbot, make_window, tmp_path / "demo")
    activity = workspace.activity
    workspace.show_page(workspace.pages.indexOf(activity))
    model = activity.model
    qtbot.waitUntil(lambda: model.rowCount() > 5, timeout=10_000)
    qtbot.waitUntil(lambda: bool(model.index(0, ActivityColumn.WHEN).data()), timeout=10_000)
    shown = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            shown.append(str(model.index(row, column).data() or ""))
    moment = str(model.index(0, ActivityColumn.WHEN).data())
    assert moment and not ISO_DAY.search(moment)
    # The exact moment stays one hover away, for those who verify.
    tooltip = model.index(0, ActivityColumn.WHEN).data(Qt.ItemDataRole.ToolTipRole)
    assert ISO_DAY.search(str(tooltip))

    loyalty = workspace.loyalty
    workspace.show_page(workspace.pages.indexOf(loyalty))
    qtbot.waitUntil(lambda: bool(loyalty.proposal_rows()), timeout=10_000)
    shown += _label_texts(loyalty)
    for row in loyalty.proposal_rows():
        shown += [bar.format() for bar in row.bars.values()]
    proposal_texts = " ".join(_label_texts(loyalty.proposal_rows()[0]))
    assert "(active)" not in proposal_texts  # the status is translated

    offending = [text for text in shown if ISO_DAY.search(text) or REGION_CODE.search(text)]
    assert offending == []
    # One name per vendor, the core's notes translated (no "5 offer(s)"), no message kinds.
    english = re.compile(r"demo-vendor-|\(s\)|consent\.disclosure|\boffer\b|\bvendors?\b")
    assert [text for text in shown if english.search(text)] == []


@pytest.mark.parametrize(
    ("code", "madrid", "lombardy"),
    [
        ("en", "Spain — Madrid", "Italy — Lombardy"),
        ("es", "España — Madrid", "Italia — Lombardía"),
        ("it", "Spagna — Madrid", "Italia — Lombardia"),
    ],
)
def test_a_region_reads_as_its_name_in_the_language(
    speak: object, code: str, madrid: str, lombardy: str
) -> None:
    speak(code)  # type: ignore[operator]
    assert region_name("ES-MD") == madrid
    assert region_name("it-25") == lombardy
    assert region_name("ES") == madrid.partition(" — ")[0]
    assert region_name("XX-ZZ") == "XX-ZZ"  # unknown: the code, nothing invented


@pytest.mark.parametrize(("code", "madrid"), [("es", "España — Madrid"), ("it", "Spagna — Madrid")])
def test_an_intentions_details_name_its_region(
    tmp_path: Path, speak: object, code: str, madrid: str
) -> None:
    vault = Vault.create(tmp_path / "vault", PASSPHRASE, kdf_target_seconds=0).vault
    draft = IntentionDraft(
        item_name="Trail shoes", category="shoes", max_price="120", currency="EUR", region="ES-MD"
    )
    record = IntentionBook(vault).create(draft)
    vault.lock()
    speak(code)  # type: ignore[operator]
    values = [value for _label, value in record_rows(record)]
    assert madrid in values
    assert not [value for value in values if REGION_CODE.search(value)]


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_wrong_passphrase_is_said_in_the_language(
    tmp_path: Path, speak: object, code: str
) -> None:
    directory = tmp_path / "vault"
    Vault.create(directory, PASSPHRASE, kdf_target_seconds=0).vault.lock()
    with pytest.raises(WrongPassphrase) as raised:
        Vault.open_with_passphrase(directory, "not the passphrase")
    english = str(raised.value)
    speak(code)  # type: ignore[operator]
    shown = error_text(raised.value)
    assert shown != english and shown.strip()
    assert "passphrase is wrong" not in shown


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_bad_points_balance_is_said_in_the_language_in_the_card_dialog(
    qtbot: QtBot, speak: object, code: str
) -> None:
    speak(code)  # type: ignore[operator]
    dialog = MembershipDialog(None)
    qtbot.addWidget(dialog)
    dialog.program_edit.setText("Bean Rewards")
    dialog.number_edit.setText("BR-1")
    dialog.points_edit.setText("lots")
    dialog.accept()
    shown = dialog.error_label.text()
    assert "'lots'" in shown  # the value typed, quoted, inside the translated sentence
    assert "bad points balance" not in shown and "not a number" not in shown


def test_a_core_error_without_a_worded_message_says_what_its_kind_means(speak: object) -> None:
    error = InvalidInput("The widget frobnication is off by 3.")
    assert error_kind_text(error) == str(error)  # English: its own, more precise, message
    assert worded_error_text(error) is None
    speak("es")  # type: ignore[operator]
    assert error_text(error) == "Este valor no se acepta; revisa lo que escribiste."


def test_every_kind_of_core_error_has_a_plain_text(speak: object) -> None:
    """A new WalletError subclass finds a text through its base classes: none falls through."""
    import wallet.cli.main  # noqa: F401  (imports every core module, so every subclass exists)

    def subclasses(kind: type[WalletError]) -> Iterator[type[WalletError]]:
        for sub in kind.__subclasses__():
            yield sub
            yield from subclasses(sub)

    speak("it")  # type: ignore[operator]
    assert "WalletError" in KIND_TEXTS
    for kind in {WalletError, *subclasses(WalletError)}:
        text = error_kind_text(kind.__new__(kind))
        assert text and text not in KIND_TEXTS.values(), kind  # found, and in Italian


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("es", "Shop puede usar tu Nombre y Dirección postal para entregarte bienes físicos"),
        ("it", "Shop può usare Nome e Indirizzo postale per consegnarti beni fisici"),
    ],
)
def test_a_consent_says_what_it_lets_the_vendor_do_in_the_language(
    speak: object, code: str, expected: str
) -> None:
    parts = SummaryParts(
        keys=("given_name", "postal_address"),
        labels=("Given name", "Postal address"),
        purposes=(3,),
        expires_at=1_800_000_000,
        english="Shop may use your Given name and Postal address …",
    )
    assert summary_in_words("Shop", parts) == parts.english  # English: the core's own words
    speak(code)  # type: ignore[operator]
    shown = summary_in_words("Shop", parts)
    assert shown.startswith(expected), shown
    assert "2027" in shown and "may use" not in shown


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("es", "consentimiento dado: se rechazó la conexión (no hay nada escuchando)"),
        ("it", "consenso dato: la connessione è stata rifiutata (nessuno è in ascolto)"),
    ],
)
def test_a_vendor_that_cannot_be_reached_is_said_in_the_language(
    speak: object, code: str, expected: str
) -> None:
    """The note the outbox logs for a message not delivered (wallet.outbox.ledger)."""
    note = "consent.disclosure: the connection was refused (nothing is listening)"
    assert details_text(note) == "consent given: the connection was refused (nothing is listening)"
    speak(code)  # type: ignore[operator]
    assert details_text(note) == expected
    assert details_text("intention: no answer within 2.5 s").endswith(" 2.5 s")
    assert "no answer" not in details_text("intention: no answer within 2.5 s")
