"""A vault full of canary values, opened in the whole window, for the session-safety tests.

Canaries sit in fields of My data (one sensitive), a loyalty card and proposal, an intention's
name and description, a consent, a vendor's name and id, and a free-text clause of the terms.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.intent_helpers import create
from tests.test_consents import add_vendor
from tests.ui.conftest import MakeWindow, unlock
from ui.main_window import MainWindow
from ui.pages.my_data import MyDataPage
from wallet.consents import ConsentBook, GrantRequest
from wallet.loyalty.book import LoyaltyBook
from wallet.loyalty.models import MembershipDraft
from wallet.terms import ClauseChoice
from wallet.terms.book import TermsBook
from wallet.vault.facade import Vault
from wallet.wire.loyalty import ProposalTerms

WAIT_MS = 20_000
CANARY = "Zq7Canary"  # unlikely anywhere else, in any case
VENDOR_ID = f"{CANARY.lower()}-shop"  # named "Shop zq7canary-shop"


def fill_with_canaries(directory: Path) -> None:
    """Create a vault (fast KDF) in ``directory`` holding the canaries."""
    today = date.today()
    with Vault.create(directory, PASSPHRASE, kdf_target_seconds=0).vault as vault:
        vault.fields.set("given_name", f"Ada {CANARY}")
        vault.fields.set("email", f"ada.{CANARY}@example.org")
        vault.fields.set("postal_address", f"12 {CANARY} Street, London")
        vault.fields.set(
            "health_note",
            f"allergic to {CANARY}",
            label=f"{CANARY} note",
            category=6,
            sensitive=True,
        )
        add_vendor(vault, VENDOR_ID)
        ConsentBook(vault).grant(
            GrantRequest(vendor_id=VENDOR_ID, field_keys=("email",), purposes=(2,), days=30)
        )
        book = LoyaltyBook(vault)
        book.add(MembershipDraft(program=f"{CANARY} Miles", member_number="ZQ7CANARY-0042"))
        book.add_proposal(
            ProposalTerms.model_validate(
                {
                    "title": f"{CANARY} groceries deal",
                    "vendor": f"{CANARY} Market",
                    "category": "groceries",
                    "commitment": {"kind": "purchases", "count": 12},
                    "reward": {"kind": "percent_discount", "value": "5"},
                    "valid_from": today,
                    "valid_until": today + timedelta(days=365),
                }
            )
        )
        TermsBook(vault).compose(
            [ClauseChoice("CC-NO-TRACKING"), ClauseChoice(text=f"Ask {CANARY} first.")],
            language="en",
        )
        create(vault, item_name=f"{CANARY} trail shoes", description=f"Blue, {CANARY} laces")


def open_canary_window(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    """The whole window, unlocked on a new vault full of canaries."""
    directory = tmp_path / "vault"
    fill_with_canaries(directory)
    window = make_window(directory)
    unlock(qtbot, window)
    return window


def select_sensitive_field(qtbot: QtBot, window: MainWindow) -> MyDataPage:
    """Select the sensitive field's row in My data (the first page); returns the page."""
    workspace = window.workspace
    assert workspace is not None
    page = workspace.my_data
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=WAIT_MS)
    for row in range(page.model.rowCount()):
        page.table.selectRow(row)
        field = page.selected_field()
        if field is not None and field.sensitive:
            return page
    raise AssertionError("no sensitive field")
