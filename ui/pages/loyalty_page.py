"""Loyalty: the person's cards with scannable codes, and their own loyalty proposals.

Cards show in a flowing grid; each card draws its QR or 1-D code in memory. Imports go through a
preview (the column mapping can be changed, rejected rows are listed with the reason) before
anything is written. Proposals show a progress bar per vendor for the current period. Every vault
call goes through the runner; the callbacks here only update widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.background import while_alive
from ui.dialogs import ask
from ui.dialogs.loyalty_dialogs import (
    ImportDialog,
    MembershipDialog,
    ProposalDialog,
    PurchaseDialog,
)
from ui.i18n.core_texts import proposal_status_name
from ui.i18n.formats import local_date
from ui.pages.base import Page
from ui.tasks import VaultRunner
from ui.text import escape_html
from ui.widgets.till_card import CARD_WIDTH, MembershipCard
from ui.widgets.till_view import TillView
from wallet.changes import Changes, Part
from wallet.loyalty.book import ExportFormat, ImportPreview, ImportResult, LoyaltyBook
from wallet.loyalty.expiry import CardExpiry
from wallet.loyalty.models import (
    Membership,
    MembershipDraft,
    Proposal,
    ProposalProgress,
    ProposalStatus,
)
from wallet.vault.facade import Vault
from wallet.wire.loyalty import ProposalTerms

ProposalRowData = tuple[Proposal, ProposalProgress]
CardData = tuple[Membership, CardExpiry]
# Keys that show the selected card at the till.
TILL_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space}


def _load(vault: Vault) -> tuple[list[CardData], list[ProposalRowData]]:
    book = LoyaltyBook(vault)
    return book.memberships_with_expiry(), book.proposals_with_progress()


class ProposalRow(QFrame):
    """One proposal with a progress bar per vendor and its actions.

    Attributes: ``proposal``, ``progress``, ``bars`` (vendor → QProgressBar), ``record_button``,
    ``edit_button``, ``delete_button``.
    """

    def __init__(
        self, proposal: Proposal, progress: ProposalProgress, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.progress = progress
        self.setFrameShape(QFrame.Shape.StyledPanel)
        terms = proposal.terms
        status = proposal_status_name(proposal.status)
        title = QLabel(f"<b>{escape_html(terms.title)}</b> ({escape_html(status)})")
        summary = QLabel(self._summary(terms))
        summary.setWordWrap(True)
        period = QLabel(
            self.tr("This period: %1 – %2")
            .replace("%1", local_date(progress.period_start))
            .replace("%2", local_date(progress.period_end))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addWidget(period)
        if not progress.in_window:
            layout.addWidget(QLabel(self.tr("Today is outside this proposal's validity.")))
        self.bars: dict[str, QProgressBar] = {}
        for vendor in progress.vendors:
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setValue(round(vendor.fraction * 1000))
            bar.setFormat(self._progress_text(vendor.vendor, vendor.achieved, progress))
            self.bars[vendor.vendor] = bar
            layout.addWidget(bar)
        if not progress.vendors:
            layout.addWidget(QLabel(self.tr("No purchases recorded in this period yet.")))
        self.record_button = QPushButton(self.tr("Record purchase…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.record_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _progress_text(self, vendor: str, achieved: Decimal, progress: ProposalProgress) -> str:
        """ "Fresh Mart: 1 of 40 purchases" or "Fresh Mart: 12.5 of 500 EUR"."""
        unit = self.tr("purchases") if progress.unit == "purchases" else progress.unit
        text = self.tr("%1: %2 of %3 %4").replace("%3", _number(progress.target))
        # The vendor's name last: a name may hold "%2" and must be shown as it is.
        text = text.replace("%2", _number(achieved)).replace("%4", unit)
        return text.replace("%1", vendor)

    def _summary(self, terms: ProposalTerms) -> str:
        commitment = terms.commitment
        if commitment.kind == "purchases":
            amount = self.tr("%1 purchases").replace("%1", str(commitment.count))
        else:
            amount = f"{commitment.amount} {commitment.currency}"
        period = self.tr("per year") if terms.period == "year" else self.tr("in total")
        reward = terms.reward
        rewards = {
            "percent_discount": self.tr("%1% discount"),
            "free_delivery": self.tr("free delivery"),
            "price_match": self.tr("price match"),
            "points_multiplier": self.tr("%1× points"),
        }
        reward_text = rewards[reward.kind].replace("%1", _number(reward.value or Decimal(0)))
        vendor = terms.vendor or self.tr("any vendor")
        return (
            self.tr("I commit to %1 %2 in %3 with %4, for %5. Valid %6 – %7.")
            .replace("%1", amount)
            .replace("%2", period)
            .replace("%3", terms.category)
            .replace("%4", vendor)
            .replace("%5", reward_text)
            .replace("%6", local_date(terms.valid_from))
            .replace("%7", local_date(terms.valid_until))
        )


def _number(value: Decimal) -> str:
    """40 → "40", 12.50 → "12.5" (never the exponent form ``normalize`` gives: "4E+1")."""
    return format(value.normalize(), "f")


class LoyaltyPage(Page):
    """Cards and proposals, in two tabs; they reload when an operation changed the loyalty book.

    Attributes (for tests): ``tabs``, ``cards`` (the grid), ``add_button``, ``import_button``,
    ``export_button``, ``cards_stack``, ``empty_label``, ``proposals`` (the list),
    ``add_proposal_button``, ``status``, ``error``, ``last_dialog``, ``till_view`` (the card
    shown at the till, if any); :meth:`card_widgets` and :meth:`proposal_rows`.

    A card is shown at the till by its button, or by Enter or Space on the selected card.
    """

    def __init__(self, runner: VaultRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._open_dialogs: set[QDialog] = set()
        self.last_dialog: QDialog | None = None  # the newest dialog opened (for tests)
        self.till_view: TillView | None = None
        self._card_to_select: int | None = None  # asked for before the cards were loaded
        self._build_cards_tab()
        self._build_proposals_tab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._cards_tab, self.tr("Cards"))
        self.tabs.addTab(self._proposals_tab, self.tr("My proposals"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        runner.locked.connect(self._on_locked)
        runner.changed.connect(self._on_vault_changed)
        if runner.is_unlocked:
            self.reload()

    # ------------------------------------------------------------------ building

    def _build_cards_tab(self) -> None:
        self.add_button = QPushButton(self.tr("&Add card…"))
        self.import_button = QPushButton(self.tr("&Import…"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.add_button.clicked.connect(self._add_card)
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        bar = QHBoxLayout()
        bar.addStretch(1)
        for button in (self.add_button, self.import_button, self.export_button):
            bar.addWidget(button)
        self.cards = QListWidget()
        self.cards.setViewMode(QListView.ViewMode.IconMode)
        self.cards.setResizeMode(QListView.ResizeMode.Adjust)
        self.cards.setMovement(QListView.Movement.Static)
        self.cards.setSpacing(8)
        self.cards.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.cards.setAccessibleName(self.tr("Loyalty cards"))
        self.cards.installEventFilter(self)
        self.cards.itemActivated.connect(self._show_current_at_till)
        self.empty_label = QLabel(
            self.tr(
                "<h3>No loyalty cards yet</h3><p>Add the cards you carry, or import them from a "
                "CSV file or a Google or Apple Wallet pass. Their codes can then be scanned "
                "from this screen.</p>"
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cards_stack = QStackedWidget()
        self.cards_stack.addWidget(self.cards)
        self.cards_stack.addWidget(self.empty_label)
        self._cards_tab = QWidget()
        layout = QVBoxLayout(self._cards_tab)
        layout.addLayout(bar)
        layout.addWidget(self.cards_stack, 1)

    def _build_proposals_tab(self) -> None:
        intro = QLabel(
            self.tr(
                "Your own loyalty program: what you commit to, and what a vendor gives you in "
                "return. Intentions carry it; record purchases to follow your progress."
            )
        )
        intro.setWordWrap(True)
        self.add_proposal_button = QPushButton(self.tr("&New proposal…"))
        self.add_proposal_button.clicked.connect(self._add_proposal)
        self.proposals = QListWidget()
        self.proposals.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self._proposals_tab = QWidget()
        layout = QVBoxLayout(self._proposals_tab)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.add_proposal_button)
        layout.addLayout(top)
        layout.addWidget(self.proposals, 1)

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Load cards and proposals from the vault."""
        self.run(_load, on_success=self._show)

    def _on_vault_changed(self, changes: Changes) -> None:
        # The settings hold the lead time after which a card counts as expiring.
        if changes.touches(Part.LOYALTY) or changes.touches(Part.SETTINGS):
            self.reload()

    def _show(self, loaded: tuple[list[CardData], list[ProposalRowData]]) -> None:
        memberships, proposals = loaded
        current = self.cards.currentItem()
        selected = self.cards.itemWidget(current) if current is not None else None
        if self._card_to_select is None and isinstance(selected, MembershipCard):
            self._card_to_select = selected.membership.id  # the selection survives a reload
        self.cards.clear()
        for membership, expiry in memberships:
            card = MembershipCard(membership, expiry=expiry)
            card.till_button.clicked.connect(lambda _c=False, c=card: self.show_at_till(c))
            card.edit_button.clicked.connect(lambda _c=False, m=membership: self._edit_card(m))
            card.delete_button.clicked.connect(lambda _c=False, m=membership: self._delete(m))
            item = QListWidgetItem(self.cards)
            item.setSizeHint(card.sizeHint().expandedTo(QSize(CARD_WIDTH, 0)))
            self.cards.setItemWidget(item, card)
        self.cards_stack.setCurrentWidget(self.cards if memberships else self.empty_label)
        self.export_button.setEnabled(bool(memberships))
        self.proposals.clear()
        for proposal, progress in proposals:
            row = ProposalRow(proposal, progress)
            row.record_button.clicked.connect(lambda _c=False, p=proposal: self._record(p))
            row.edit_button.clicked.connect(lambda _c=False, p=proposal: self._edit_proposal(p))
            row.delete_button.clicked.connect(lambda _c=False, p=proposal: self._delete_proposal(p))
            item = QListWidgetItem(self.proposals)
            item.setSizeHint(row.sizeHint())
            self.proposals.setItemWidget(item, row)
        self._select_pending_card()

    def select_card(self, membership_id: int) -> None:
        """Show the Cards tab with the card ``membership_id`` selected and scrolled into view
        (Enter then shows it at the till); once the cards are loaded if they are not yet."""
        self._card_to_select = membership_id
        self.tabs.setCurrentWidget(self._cards_tab)
        self.cards.setFocus()
        self._select_pending_card()

    def _select_pending_card(self) -> None:
        cards = self.card_widgets()
        for row, card in enumerate(cards):
            if card.membership.id == self._card_to_select:
                self.cards.setCurrentRow(row)
                self.cards.scrollToItem(self.cards.item(row))
        if cards:  # not yet loaded: keep it for when they are
            self._card_to_select = None

    def card_widgets(self) -> list[MembershipCard]:
        found = [self.cards.itemWidget(self.cards.item(i)) for i in range(self.cards.count())]
        return [card for card in found if isinstance(card, MembershipCard)]

    def proposal_rows(self) -> list[ProposalRow]:
        items = (self.proposals.item(i) for i in range(self.proposals.count()))
        found = [self.proposals.itemWidget(item) for item in items]
        return [row for row in found if isinstance(row, ProposalRow)]

    # ------------------------------------------------------------------ at the till

    def show_at_till(self, card: MembershipCard) -> TillView:
        """Show ``card``'s code full-screen, large and black on white, until a key or a click."""
        view = TillView(card.membership, expiry=card.expiry, parent=self)
        self.till_view = view
        self._open_dialogs.add(view)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.finished.connect(lambda _result: self._till_closed(view))
        view.show_full_screen()
        return view

    def _till_closed(self, view: TillView) -> None:
        self._open_dialogs.discard(view)
        if self.till_view is view:
            self.till_view = None

    def _show_current_at_till(self) -> None:
        item = self.cards.currentItem()
        card = self.cards.itemWidget(item) if item is not None else None
        if isinstance(card, MembershipCard):
            self.show_at_till(card)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or Space on the selected card shows it at the till."""
        if (
            watched is self.cards
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and Qt.Key(event.key()) in TILL_KEYS
            and self.cards.currentItem() is not None
        ):
            self._show_current_at_till()
            return True
        return super().eventFilter(watched, event)

    def _on_locked(self) -> None:
        for dialog in list(self._open_dialogs):
            dialog.reject()
        self.cards.clear()
        self.proposals.clear()
        self.clear_messages()

    # ------------------------------------------------------------------ cards

    def _add_card(self) -> None:
        dialog = MembershipDialog(self)
        dialog.save_requested.connect(
            lambda draft: self._save(dialog, lambda vault: LoyaltyBook(vault).add(draft))
        )
        self._open(dialog)

    def _edit_card(self, membership: Membership) -> None:
        dialog = MembershipDialog(self, existing=membership)
        membership_id = membership.id

        def save(draft: MembershipDraft) -> None:
            self._save(dialog, lambda vault: LoyaltyBook(vault).update(membership_id, draft))

        dialog.save_requested.connect(save)
        self._open(dialog)

    def _delete(self, membership: Membership) -> None:
        question = self.tr("Delete the card “%1” (%2)? This cannot be undone.")
        if not ask.confirm(
            self,
            self.tr("Delete card"),
            question.replace("%1", membership.program).replace("%2", membership.vendor),
            action=self.tr("Delete"),
        ):
            return
        membership_id = membership.id
        self._change(lambda vault: LoyaltyBook(vault).delete(membership_id))

    # ------------------------------------------------------------------ import and export

    def _import(self) -> None:
        path = ask.pick_open_file(
            self,
            self.tr("Import loyalty cards"),
            directory=Path.home(),
            name_filter=self.tr("Loyalty files (*.csv *.json *.pkpass.json);;All files (*)"),
        )
        if path is None:
            return
        self.run(
            lambda vault: LoyaltyBook(vault).preview(path), on_success=self._open_import_dialog
        )

    def _open_import_dialog(self, preview: ImportPreview) -> None:
        dialog = ImportDialog(self, preview)
        path = preview.source

        def remap(mapping: dict[str, str | None]) -> None:
            self._runner.run(
                lambda vault: LoyaltyBook(vault).preview(path, mapping),
                owner=dialog,
                on_success=dialog.set_preview,
            )

        finish = while_alive(dialog, lambda _result: dialog.finish())

        def run_import(chosen: ImportPreview) -> None:
            def done(result: ImportResult) -> None:
                finish(result)  # the page says what was imported, even if the wizard is gone
                message = self.tr("Imported %1 cards; %2 rows were left out.")
                self.show_status(
                    message.replace("%1", str(len(result.imported))).replace(
                        "%2", str(len(result.rejected))
                    )
                )

            self.run(
                lambda vault: LoyaltyBook(vault).import_rows(chosen),
                on_success=done,
                on_error=while_alive(dialog, dialog.show_error),
            )

        dialog.remap_requested.connect(remap)
        dialog.import_requested.connect(run_import)
        self._open(dialog)

    def _export(self) -> None:
        path = ask.pick_save_file(
            self,
            self.tr("Export loyalty cards"),
            suggested=Path.home() / "loyalty-cards.csv",
            name_filter=self.tr("CSV (*.csv);;JSON (*.json)"),
        )
        if path is None:
            return
        export_format: ExportFormat = "json" if path.suffix.lower() == ".json" else "csv"

        def done(count: int) -> None:
            message = self.tr("Exported %1 cards to %2. The file is not encrypted.")
            self.show_status(message.replace("%1", str(count)).replace("%2", str(path)))

        self.run(
            lambda vault: LoyaltyBook(vault).export(path, format=export_format), on_success=done
        )

    # ------------------------------------------------------------------ proposals

    def _add_proposal(self) -> None:
        dialog = ProposalDialog(self)

        def save(value: tuple[ProposalTerms, ProposalStatus]) -> None:
            terms, status = value
            self._save(dialog, lambda vault: LoyaltyBook(vault).add_proposal(terms, status=status))

        dialog.save_requested.connect(save)
        self._open(dialog)

    def _edit_proposal(self, proposal: Proposal) -> None:
        dialog = ProposalDialog(self, existing=proposal)
        proposal_id = proposal.id

        def save(value: tuple[ProposalTerms, ProposalStatus]) -> None:
            terms, status = value
            self._save(
                dialog,
                lambda vault: LoyaltyBook(vault).update_proposal(proposal_id, terms, status=status),
            )

        dialog.save_requested.connect(save)
        self._open(dialog)

    def _delete_proposal(self, proposal: Proposal) -> None:
        question = self.tr("Delete the proposal “%1” and the purchases recorded for it?")
        if not ask.confirm(
            self,
            self.tr("Delete proposal"),
            question.replace("%1", proposal.terms.title),
            action=self.tr("Delete"),
        ):
            return
        proposal_id = proposal.id
        self._change(lambda vault: LoyaltyBook(vault).delete_proposal(proposal_id))

    def _record(self, proposal: Proposal) -> None:
        dialog = PurchaseDialog(self, vendor=proposal.terms.vendor)
        proposal_id = proposal.id

        def record(value: tuple[str, Decimal, date]) -> None:
            vendor, amount, day = value
            self._save(
                dialog,
                lambda vault: LoyaltyBook(vault).record_purchase(
                    proposal_id, vendor=vendor, amount=amount, day=day
                ),
            )

        dialog.record_requested.connect(record)
        self._open(dialog)

    # ------------------------------------------------------------------ plumbing

    def _save(self, dialog: Any, operation: Callable[[Vault], object]) -> None:
        """Run ``operation`` for ``dialog``: it closes on success (the page reloads from the
        change), and shows the error otherwise."""
        self._runner.run(operation, owner=dialog, on_success=lambda _result: dialog.finish())

    def _change(self, operation: Callable[[Vault], object]) -> None:
        """Run ``operation`` (the page reloads from the change; errors show on the page)."""
        self.run(operation)

    def _open(self, dialog: QDialog) -> None:
        """Show ``dialog`` without blocking; it is closed if the vault locks meanwhile."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open_dialogs.add(dialog)
        dialog.finished.connect(lambda _result: self._open_dialogs.discard(dialog))
        dialog.open()
        self.last_dialog = dialog
