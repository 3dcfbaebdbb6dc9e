"""The My terms page: pick clauses, preview, save versions, diff them, export a verified file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from ui.dialogs import ask
from ui.pages.terms_page import TermsPage
from ui.tasks import VaultRunner
from wallet.terms import SignedTerms, verify_signed_terms
from wallet.vault.facade import Vault


@pytest.fixture
def page(qtbot: QtBot, runner: VaultRunner, vault_dir: Path) -> TermsPage:
    with qtbot.waitSignal(runner.unlocked):
        runner.open(lambda: Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0).vault)
    terms_page = TermsPage(runner)
    qtbot.addWidget(terms_page)
    terms_page.resize(1000, 700)
    terms_page.show()
    terms_page.reload()  # as the workspace does once the vault is open
    return terms_page


def test_compose_save_twice_diff_and_export(
    qtbot: QtBot, page: TermsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not page.save_button.isEnabled()  # nothing picked yet
    page.clause_rows["CC-NO-TRACKING"].check.setChecked(True)
    retention = page.clause_rows["CC-RETENTION-DAYS"]
    retention.check.setChecked(True)
    spin = retention.editors["days"]
    spin.setValue(45)  # type: ignore[union-attr]
    assert "45 days" in page.preview.toPlainText()
    page.free_text_edit.setText("Write to me in Spanish")
    page.add_free_text_button.click()
    assert "Write to me in Spanish" in page.preview.toPlainText()
    page.language_combo.setCurrentIndex(page.language_combo.findData("it"))
    assert "45 giorni" in page.preview.toPlainText()
    assert retention.title.text() == "Limite di conservazione"

    page.save_button.click()
    qtbot.waitUntil(lambda: page.versions_list.count() == 1)
    assert "SHA-256" in page.details.toPlainText() and "kid" in page.details.toPlainText()
    assert not page.save_button.isEnabled()  # unchanged: a new version would add nothing
    assert "Same as your saved version 1" in page.preview.toPlainText()

    spin.setValue(120)  # type: ignore[union-attr]
    page.save_button.click()
    qtbot.waitUntil(lambda: page.versions_list.count() == 2)
    assert page.diff_from.currentData() == 1 and page.diff_to.currentData() == 2
    assert "Retention limit (Days: 45 days → 120 days)" in page.diff_view.toPlainText()

    target = tmp_path / "exported-terms.json"
    asked: list[Any] = []

    def pick(*args: Any, **kwargs: Any) -> Path:
        asked.append(kwargs["suggested"])
        return target

    monkeypatch.setattr(ask, "pick_save_file", pick)
    page.versions_list.setCurrentRow(1)  # newest first: row 1 is version 1
    page.export_button.click()
    qtbot.waitUntil(target.exists)
    assert asked[0].name == "my-terms-v1.json"
    signed = SignedTerms.model_validate(json.loads(target.read_text(encoding="utf-8")))
    document = verify_signed_terms(signed)
    assert document.version == 1 and document.language == "it"
    assert document.clauses[1].params == {"days": 45}  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "Exported version 1" in page.status.text())


def test_a_bad_draft_is_explained_and_cannot_be_saved(qtbot: QtBot, page: TermsPage) -> None:
    page.free_text_edit.setText("   ")
    page.add_free_text_button.click()
    assert page.free_text_list.count() == 0  # blank text is not added
    page.clause_rows["CC-DATA-REGION"].check.setChecked(True)
    assert page.save_button.isEnabled()
    assert "European Economic Area" in page.preview.toPlainText()


def test_proffer_a_roster_agreement_then_answer_a_vendors_counter_offer(
    qtbot: QtBot, page: TermsPage
) -> None:
    from tests.wire_helpers import make_intention
    from vendorkit.catalog import Catalog, OfferPlan
    from vendorkit.server import make_vendors
    from wallet.crypto.signing import generate_signing_key
    from wallet.terms import TermsBook
    from wallet.terms.offered import keep_offer_terms
    from wallet.wire import OfferList, parse_wire

    page.agreement_combo.setCurrentIndex(page.agreement_combo.findData("PDC-INTENT"))
    assert "\nSharing my intent to buy\n" in page.preview.toPlainText()  # its title, not its id
    assert "PDC-INTENT" not in page.preview.toPlainText()
    page.clause_rows["CC-NO-MARKETING"].check.setChecked(True)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.versions_list.count() == 1)

    catalog = Catalog.model_validate(
        {
            "acceptedAgreements": ["SD-BASE"],
            "counterAgreement": "SD-BASE",
            "items": [
                {
                    "name": "Shoe", "category": "shoes", "price": "20.00", "currency": "EUR",
                    "leadTimeDays": 1, "regions": ["ES"], "deliveryMethods": ["delivery"],
                }
            ],
        }
    )  # fmt: skip

    def receive_a_counter_offer(vault: Vault) -> None:
        terms = TermsBook(vault).latest()
        assert terms is not None
        intention, _ = make_intention(terms=terms.requirement().model_dump(mode="json"))
        [vendor] = make_vendors([generate_signing_key()], catalog)
        body = OfferPlan(catalog, intention).answer(vendor.signer)
        [envelope] = parse_wire(body, OfferList).offers
        with vault.write() as connection:
            keep_offer_terms(vault, connection, envelope, signed_json=envelope.model_dump_json)

    page.run(receive_a_counter_offer)
    tab = page.agreements
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    assert tab.table.item(0, 1).text() == "counter-offer: answer it"
    assert not tab.accept_button.isEnabled()
    tab.table.setCurrentCell(0, 0)
    assert tab.accept_button.isEnabled() and "Service delivery only: " in tab.details.text()
    assert tab.table.item(0, 2).text() == "Service delivery only"  # the title, not SD-BASE
    assert "SHA-256" in tab.proof.text() and not tab.proof.isVisibleTo(tab)
    tab.accept_button.click()
    qtbot.waitUntil(lambda: tab.table.item(0, 1).text() == "in force")
    assert "You accepted" in page.status.text()
