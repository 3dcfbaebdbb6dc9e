"""What the size and clipping tests share: the interface in a language, the app's fonts at a
scale, a laptop's screen, and the dialogs and panels a person meets between the pages (issue 14).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtCore import QLocale, QSize
from PySide6.QtWidgets import QApplication, QDialog, QVBoxLayout, QWidget

from ui.i18n import language
from ui.i18n.update import build_catalogues
from ui.tasks import VaultRunner

LAPTOP = QSize(1024, 640)
TITLE_BAR = 48  # what the window manager adds above a dialog on a laptop's screen
LANGUAGES = ["en", "es", "it"]
FONT_SCALES = [pytest.param(1.0, id="fonts-100%"), pytest.param(1.25, id="fonts-125%")]


@contextmanager
def fonts_at(qapp: QApplication, scale: float) -> Iterator[None]:
    """The app's font at ``scale`` (1.25: as a person who chose larger text has it)."""
    font = qapp.font()
    larger = qapp.font()
    larger.setPointSizeF(font.pointSizeF() * scale)
    qapp.setFont(larger)
    try:
        yield
    finally:
        qapp.setFont(font)


@contextmanager
def speaking(qapp: QApplication, code: str) -> Iterator[None]:
    """The interface in ``code``'s language (its real catalogues) for what is built meanwhile;
    afterwards no catalogue and the locale of before."""
    build_catalogues()
    before = QLocale()
    language.use(qapp, language.locale_for(code))
    try:
        yield
    finally:
        QLocale.setDefault(before)
        language.remove_all(qapp)


def main_dialogs(runner: VaultRunner) -> list[QDialog]:
    """The dialogs of the demo lifecycle (consent, with an offer's plan and choosing a vendor;
    the intention composer; a field; a request; the passphrase), not shown yet."""
    from ui.dialogs.change_passphrase import ChangePassphraseDialog
    from ui.dialogs.field_dialog import FieldDialog
    from ui.dialogs.grant_dialog import GrantDialog
    from ui.dialogs.intention_dialogs import IntentionDialog
    from ui.dialogs.request_dialog import RequestDialog
    from wallet.consents import GrantPlan, PlannedField

    plan = GrantPlan(
        vendor_id="shop",
        vendor_name="Demo Shop",
        offer_id="offer-1",
        item_name="Trail running shoes",
        fields=(
            PlannedField("email", "Email address", "Contact", True, False, False),
            PlannedField("phone", "Phone number", "Contact", False, True, False),
        ),
        purposes=(2,),
        days=30,
    )
    return [
        GrantDialog(runner, plan=plan),
        GrantDialog(runner, vendors=[("shop", "Demo Shop")]),
        IntentionDialog(proposals=[(1, "5 % off groceries")], has_terms=True),
        FieldDialog(),
        RequestDialog(runner, vendor_id="shop", vendor_name="Demo Shop"),
        ChangePassphraseDialog(runner),
    ]


def offer_details_panel() -> QWidget:
    """The selected offer's details as the Intentions page shows them (every row they have), in
    a panel of their own, not shown yet (on the page they scroll: no size of their own to fit)."""
    from ui.pages.offer_details import OfferDetails
    from wallet.offers.summary import AskedField, OfferSummary, ScorePart

    summary = OfferSummary(
        offer_id="offer-1",
        vendor_name="Demo Shop 5",
        item="Trail running shoes",
        description="Lightweight trail shoes with a grippy sole.",
        specs=(("size", "42"),),
        is_alternative=True,
        price="86.45",
        currency="EUR",
        quantity=2,
        delivery_method="delivery",
        deliver_by=date(2026, 12, 11),
        lead_time_days=3,
        terms="countered",
        loyalty="not_accepted",
        asked=(
            AskedField("given_name", "Given name", True, "the name on the parcel"),
            AskedField("email", "Email address", False, "to send the tracking link"),
        ),
        status="received",
        score=0.65,
        score_parts=(
            ScorePart("price", 1.0, 0.5),
            ScorePart("delivery", 0.5, 0.3),
            ScorePart("loyalty", 0.0, 0.1),
            ScorePart("history", 0.0, 0.1),
        ),
        removal=None,
    )
    panel = QWidget()
    details = OfferDetails()
    QVBoxLayout(panel).addWidget(details)
    details.show_summary(summary)
    return panel
