"""My terms → Agreements: the vendors' signed agreements to the person's terms and their
counter-offers (IEEE 7012), with who signed what and when, and the answer to a counter-offer.

The list and the answers come from the core (``TermsBook.agreements``, ``answer_counter``), run on
the vault worker; this tab only shows them and passes the person's click on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n.formats import local_date_time
from ui.pages.base import Page
from wallet.errors import InvalidInput
from wallet.offers.counters import answer_counter
from wallet.terminal import printable
from wallet.terms import Language, StoredAgreement, TermsBook, load_roster
from wallet.terms.offered import CounterOffer
from wallet.vault.facade import Vault
from wallet.wire.terms import parse_utc_timestamp


class AgreementsTab(QWidget):
    """The agreements table, the selected one's details, and Accept / Decline for a
    counter-offer awaiting an answer.

    Attributes (for tests): ``table``, ``details``, ``accept_button``, ``decline_button``.
    """

    def __init__(self, page: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page = page
        self._agreements: list[StoredAgreement] = []
        self._language: Language = "en"
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Vendor"),
                self.tr("Status"),
                self.tr("Agreement"),
                self.tr("Your version"),
                self.tr("Vendor signed"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda *_: self._show_selected())
        self.details = QLabel()
        self.details.setWordWrap(True)
        # The hash and the vendor's key, for those who verify: one click away.
        self.proof = QLabel()
        self.proof.setWordWrap(True)
        self.proof.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.proof.setVisible(False)
        self.proof_button = QPushButton(self.tr("Si&gnature details"))
        self.proof_button.setCheckable(True)
        self.proof_button.setToolTip(
            self.tr("Show the hash of the terms signed and the vendor's signing key")
        )
        self.proof_button.toggled.connect(self.proof.setVisible)
        self.accept_button = QPushButton(self.tr("&Accept counter-offer"))
        self.decline_button = QPushButton(self.tr("&Decline counter-offer"))
        self.accept_button.clicked.connect(lambda: self._answer(accept=True))
        self.decline_button.clicked.connect(lambda: self._answer(accept=False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.proof_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.decline_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.proof)
        layout.addLayout(buttons)
        self._show_selected()

    def set_language(self, language: Language) -> None:
        """Show the roster agreements' titles and texts in ``language``."""
        self._language = language
        self.show_agreements(self._agreements)

    def reload(self) -> None:
        self._page.run(
            lambda vault: TermsBook(vault).agreements(),
            on_success=self.show_agreements,
            on_error=self._page.show_error,
        )

    def clear(self) -> None:
        self.show_agreements([])

    def show_agreements(self, agreements: list[StoredAgreement]) -> None:
        self._agreements = agreements
        self.table.setRowCount(len(agreements))
        statuses = {
            "in force": self.tr("in force"),
            "counter-offer": self.tr("counter-offer: answer it"),
            "declined": self.tr("declined"),
        }
        for row, agreement in enumerate(agreements):
            cells = (
                printable(agreement.vendor_name),
                statuses.get(agreement.status, agreement.status),
                self._title(agreement.agreement),
                str(agreement.terms_version) if agreement.terms_version else "—",
                _when(agreement.kept.accepted_at),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._show_selected()

    def _title(self, agreement: str | None) -> str:
        """The roster agreement's title in the terms' language ("—" for none)."""
        if agreement is None:
            return "—"
        try:
            return load_roster().agreement(agreement).title.get(self._language)
        except InvalidInput:  # a roster entry this app no longer has: its id is all there is
            return printable(agreement)

    def _selected(self) -> StoredAgreement | None:
        row = self.table.currentRow()
        return self._agreements[row] if 0 <= row < len(self._agreements) else None

    def _show_selected(self) -> None:
        chosen = self._selected()
        pending = chosen is not None and chosen.status == "counter-offer"
        self.proof_button.setEnabled(chosen is not None)
        if chosen is None:
            self.proof.clear()
        self.accept_button.setEnabled(pending)
        self.decline_button.setEnabled(pending)
        if chosen is None:
            self.details.setText(
                self.tr("Vendors that accept your terms, or propose others, appear here.")
            )
            return
        kept = chosen.kept
        self.proof.setText(
            self.tr("SHA-256 of the terms signed: %1\nVendor's key id (kid): %2")
            .replace("%1", chosen.terms_sha256)
            .replace("%2", chosen.vendor_kid)
        )
        lines = [
            self.tr("%1 signed your terms on %2.")
            .replace("%1", printable(chosen.vendor_name))
            .replace("%2", _when(kept.accepted_at)),
        ]
        if kept.counter is None:
            lines.append(
                self.tr("You signed these terms as your version %1.").replace(
                    "%1", str(chosen.terms_version or "?")
                )
            )
        elif kept.answer == "accepted":
            lines.append(
                self.tr("You accepted and signed them on %1.").replace(
                    "%1", _when(kept.answered_at) if kept.answered_at else ""
                )
            )
        if chosen.agreement is not None:
            proposed = load_roster().agreement(chosen.agreement)
            lines.append(
                f"{proposed.title.get(self._language)}: {proposed.text.get(self._language)}"
            )
        self.details.setText("\n".join(lines))

    def _answer(self, *, accept: bool) -> None:
        chosen = self._selected()
        if chosen is None or chosen.kept.offer is None:
            return
        offer_id = chosen.kept.offer
        self.accept_button.setEnabled(False)
        self.decline_button.setEnabled(False)

        def answer(vault: Vault) -> CounterOffer:
            return answer_counter(vault, offer_id, accept=accept)

        self._page.run(answer, on_success=self._on_answered, on_error=self._page.show_error)

    def _on_answered(self, answered: CounterOffer) -> None:
        text = (
            self.tr("You accepted %1's counter-offer.")
            if answered.answer == "accepted"
            else self.tr("You declined %1's counter-offer.")
        )
        self._page.show_status(text.replace("%1", printable(answered.stored.vendor_name)))
        self.reload()


def _when(timestamp: str) -> str:
    """A wire timestamp in the interface's locale and this computer's time zone."""
    return local_date_time(parse_utc_timestamp(timestamp))
