"""Where a broadcast goes, chosen per intention, and how the market relay is doing.

Beside the Intentions page's Broadcast button: "Send to my vendors" (the directory, over HTTP)
and "Cast to the market" (the relay of the vault's settings, :mod:`ui.market.link`); either or
both. Below them, one line on the market: no relay set, connecting, connected, or unreachable
and when the next try is (offers wait on the relay meanwhile; nothing is lost).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.market.link import MarketLink, MarketState


class BroadcastChoices(QWidget):
    """The two destinations of a broadcast and the market's status line.

    Attributes (for tests): ``to_vendors``, ``to_market`` (QCheckBox), ``market_status``.

    Signals:
        changed(): a choice changed (the page enables Broadcast when one is ticked).
    """

    changed = Signal()

    def __init__(self, link: MarketLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._link = link
        self._market_chosen = False  # the person ticks it (then it stays, while usable)
        self.to_vendors = QCheckBox(self.tr("Send to my &vendors"))
        self.to_vendors.setToolTip(
            self.tr("Deliver it to the vendors in your directory that deal in its category")
        )
        self.to_vendors.setChecked(True)
        self.to_market = QCheckBox(self.tr("Cast to the &market"))
        self.to_market.setToolTip(
            self.tr(
                "Publish it on the market relay, where vendors you never met can answer with "
                "offers only you can read"
            )
        )
        self.market_status = QLabel()
        self.market_status.setWordWrap(True)
        self.to_vendors.toggled.connect(lambda _on: self.changed.emit())
        self.to_market.toggled.connect(self._market_toggled)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.to_vendors)
        row.addWidget(self.to_market)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.market_status)
        link.state_changed.connect(self.show_state)
        self.show_state(link.state)

    def chosen(self) -> tuple[bool, bool]:
        """(send to my vendors, cast to the market), as ticked."""
        market = self.to_market.isEnabled() and self.to_market.isChecked()
        return self.to_vendors.isChecked(), market

    def _market_toggled(self, on: bool) -> None:
        if self.to_market.isEnabled():
            self._market_chosen = on
        self.changed.emit()

    def show_state(self, state: MarketState) -> None:
        """Say how the market stands; the market can be chosen while a relay is set."""
        usable = state.status != "off"
        self.to_market.blockSignals(True)
        self.to_market.setEnabled(usable)
        self.to_market.setChecked(usable and self._market_chosen)
        self.to_market.blockSignals(False)
        self.market_status.setText(self.state_text(state))
        self.market_status.setToolTip(state.reason)
        self.changed.emit()

    def state_text(self, state: MarketState) -> str:
        if state.status == "connected":
            return self.tr("Market: connected; offers appear here as vendors send them.")
        if state.status == "connecting":
            return self.tr("Market: connecting to the relay…")
        if state.status == "unreachable":
            return self.tr(
                "Market: the relay cannot be reached; trying again in %1 s. Nothing is lost: "
                "casts wait here and offers wait on the relay."
            ).replace("%1", str(state.retry_seconds))
        return self.tr("Market: no relay is set, so intentions go to your vendors only.")
