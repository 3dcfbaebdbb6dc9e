"""My terms in Spanish and Italian (issue 14.4): History says what changed between two versions
with human names (the language's name, the agreement's and the clause's titles, the parameters'
labels and units), never an id or the core's English change labels; the preview and a saved
version write their date the way the terms' language does, not as an ISO date; the Agreements
tab keeps the hash and the vendor's key one click away."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.language_and_fonts import speaking
from ui.pages.terms_page import TermsPage
from ui.tasks import VaultRunner
from wallet.terms import load_catalogue, load_roster
from wallet.terms.dates import written_date
from wallet.vault.facade import Vault

ISO_DAY = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
# The core's English change lines ("~ language: en → es", "+ free text", "days 90 → 120").
ENGLISH_CHANGE = re.compile(r"\b(language|agreement|none|free text|days|Clause|added|removed)\b")
EXPECTED = {
    "es": (
        "Idioma de las condiciones: español → inglés",
        "Acuerdo: Comparto mi intención de compra → ningún acuerdo estándar",
        "Cláusula cambiada: Plazo máximo de conservación (Días: 90 días → 120 días)",
        "Cláusula de texto libre añadida: «Sin llamadas»",
    ),
    "it": (
        "Lingua delle condizioni: italiano → inglese",
        "Accordo: Condivido la mia intenzione di acquisto → nessun accordo standard",
        "Clausola modificata: Limite di conservazione (Giorni: 90 giorni → 120 giorni)",
        "Clausola a testo libero aggiunta: «Sin llamadas»",
    ),
}


def _ids() -> list[str]:
    return [c.id for c in load_catalogue().clauses] + list(load_roster().ids)


def _saved(qtbot: QtBot, page: TermsPage, count: int) -> None:
    page.save_button.click()
    qtbot.waitUntil(lambda: page.versions_list.count() == count)


@pytest.mark.parametrize("code", ["es", "it"])
def test_history_and_preview_speak_the_persons_language(
    qtbot: QtBot, qapp: QApplication, runner: VaultRunner, vault_dir: Path, code: str
) -> None:
    with speaking(qapp, code):
        with qtbot.waitSignal(runner.unlocked):
            runner.open(lambda: Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0).vault)
        page = TermsPage(runner)
        qtbot.addWidget(page)
        page.resize(1000, 700)
        page.show()
        page.reload()
        assert page.language() == code  # the terms start in the interface's language
        page.agreement_combo.setCurrentIndex(page.agreement_combo.findData("PDC-INTENT"))
        retention = page.clause_rows["CC-RETENTION-DAYS"]
        retention.check.setChecked(True)
        _saved(qtbot, page, 1)

        preview = page.preview.toPlainText()
        assert not ISO_DAY.search(preview), preview
        assert not any(identifier in preview for identifier in _ids()), preview
        assert written_date(date.today(), code) in preview  # e.g. "8 de diciembre de 2026"
        assert not ISO_DAY.search(page.version_text.toPlainText())
        assert "PDC-INTENT" not in page.version_text.toPlainText()
        tooltip = retention.editors["days"].toolTip()
        assert tooltip and "whole number" not in tooltip  # the rule for values, translated

        retention.editors["days"].setValue(120)  # type: ignore[union-attr]
        page.agreement_combo.setCurrentIndex(0)
        page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
        page.free_text_edit.setText("Sin llamadas")
        page.add_free_text_button.click()
        _saved(qtbot, page, 2)

        changes = page.diff_view.toPlainText()
        assert changes.splitlines() == list(EXPECTED[code])
        assert not ENGLISH_CHANGE.search(changes), changes
        assert not any(identifier in changes for identifier in _ids()), changes
        # The hash and the key: one click away, not in the way.
        page.tabs.setCurrentIndex(1)
        assert not page.details.isVisibleTo(page)
        page.proof_button.click()
        assert page.details.isVisibleTo(page) and "SHA-256" in page.details.toPlainText()
