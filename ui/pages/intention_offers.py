"""The offers half of the Intentions page: kept offers ranked, alternatives, removed ones with the
reason, the weights that rank them, and accepting one.

It only shows and asks: the page runs the operations. Table rows are prepared by
:func:`ranked_rows` and :func:`removed_rows` on the vault's thread (thousands of offers must not
cost the GUI a frame); the panel puts them in its models in one step.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n.formats import local_date
from ui.pages.intention_tables import (
    NEXT_TURN_MS,
    RowsModel,
    TableRow,
    rows_view,
    select_key,
    selected_key,
)
from ui.pages.offer_details import OfferDetails, money
from wallet.offers import FunnelView, FunnelWeights, Ranked, Removal

WEIGHTS_DEBOUNCE_MS = 300
WEIGHT_NAMES = ("price", "delivery", "loyalty", "history")


@dataclass(frozen=True, slots=True)
class OfferTexts:
    """Texts of the offer rows, translated on the GUI thread and filled in on the vault's."""

    accepted: str  # tooltip of the accepted offer's mark
    scores: str  # "price %1 · delivery %2 · loyalty %3 · history %4"
    chosen: str  # the decision column of the accepted offer
    declined: str  # … and of the others, once one is accepted


@dataclass(frozen=True, slots=True)
class OfferRows:
    kept: list[TableRow]
    alternatives: list[TableRow]
    removed: list[TableRow]


def ranked_rows(ranked: list[Ranked], chosen_id: str | None, texts: OfferTexts) -> list[TableRow]:
    locale = QLocale()  # the person's number format (QLocale may be used on any thread)
    rows = []
    for index, entry in enumerate(ranked, start=1):
        offer = entry.offer
        chosen = offer.id == chosen_id
        score_tip = (
            texts.scores.replace("%1", locale.toString(entry.price, "f", 2))
            .replace("%2", locale.toString(entry.delivery, "f", 2))
            .replace("%3", locale.toString(entry.loyalty, "f", 2))
            .replace("%4", locale.toString(entry.history, "f", 2))
        )
        tooltips = {5: score_tip, **({0: texts.accepted} if chosen else {})}
        decision = "" if chosen_id is None else texts.chosen if chosen else texts.declined
        cells = (
            "✓" if chosen else str(index),
            offer.seller.name,
            offer.itemOffered.name,
            money(offer.price, offer.priceCurrency),
            local_date(offer.delivery.deliverBy),
            locale.toString(entry.score, "f", 2),
            decision,
        )
        rows.append(TableRow(cells, offer.id, tooltips, bold=chosen))
    return rows


def removed_rows(removed: list[Removal]) -> list[TableRow]:
    return [
        TableRow(
            (
                removal.offer.seller.name,
                removal.offer.itemOffered.name,
                money(removal.offer.price, removal.offer.priceCurrency),
                removal.reason,
            ),
            removal.offer.id,
            {3: removal.reason},
        )
        for removal in removed
    ]


def offer_rows(view: FunnelView, texts: OfferTexts) -> OfferRows:
    chosen = view.intention.chosen_offer_id
    result = view.result
    return OfferRows(
        ranked_rows(result.kept, chosen, texts),
        ranked_rows(result.alternatives, chosen, texts),
        removed_rows(result.removed),
    )


class OffersPanel(QWidget):
    """Offers and weights of the selected intention.

    Attributes (for tests and the page): ``kept_table``, ``alternatives_table``,
    ``removed_table``, the boxes around them, ``weights_box``, ``sliders`` (name → QSlider),
    ``accept_button``, ``consent_button``.

    Signals:
        weights_chosen(dict): the sliders settled; weight name → value from 0 to 1.
        accept_requested(): Accept (or a double click) on an offer.
        consent_requested(): "Give consent…".
        selection_changed(): another offer is selected.
    """

    weights_chosen = Signal(dict)
    accept_requested = Signal()
    consent_requested = Signal()
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = OfferTexts(
            self.tr("The offer you accepted"),
            self.tr("price %1 · delivery %2 · loyalty %3 · history %4"),
            self.tr("Accepted"),
            self.tr("Declined"),
        )
        offer_headers = [
            self.tr("#"),
            self.tr("Vendor"),
            self.tr("Item"),
            self.tr("Price"),
            self.tr("Delivered by"),
            self.tr("Score"),
            self.tr("Decision"),
        ]
        self.kept_model = RowsModel(offer_headers, right_aligned=(0, 3, 5), parent=self)
        self.alternatives_model = RowsModel(offer_headers, right_aligned=(0, 3, 5), parent=self)
        self.removed_model = RowsModel(
            [self.tr("Vendor"), self.tr("Item"), self.tr("Price"), self.tr("Why removed")],
            right_aligned=(2,),
            parent=self,
        )
        self.kept_table = rows_view(self.kept_model)
        self.alternatives_table = rows_view(self.alternatives_model)
        self.removed_table = rows_view(self.removed_model)
        for table in (self.kept_table, self.alternatives_table):
            table.selectionModel().selectionChanged.connect(
                lambda _new, _old, t=table: self._on_offer_selected(t)
            )
            table.doubleClicked.connect(lambda _index: self.accept_requested.emit())
        self.kept_box = _boxed(self.tr("Offers (best first)"), self.kept_table)
        self.alternatives_box = _boxed(self.tr("Alternatives"), self.alternatives_table)
        self.removed_box = _boxed(self.tr("Removed"), self.removed_table)
        self._showing = 0  # shows asked for (a later one cancels an earlier one's turns)
        self._shown = 0  # the last show whose every group is shown
        self._weights_timer = QTimer(self)
        self._weights_timer.setSingleShot(True)
        self._weights_timer.setInterval(WEIGHTS_DEBOUNCE_MS)
        self._weights_timer.timeout.connect(self._weights_settled)
        self.weights_box = self._build_weights()

        self.accept_button = QPushButton(self.tr("&Accept offer…"))
        self.accept_button.clicked.connect(self.accept_requested)
        self.consent_button = QPushButton(self.tr("Give &consent…"))
        self.consent_button.setToolTip(
            self.tr("Choose which of your data the vendor of the accepted offer may use")
        )
        self.consent_button.clicked.connect(self.consent_requested)
        accept_row = QHBoxLayout()
        accept_row.addStretch(1)
        accept_row.addWidget(self.accept_button)
        accept_row.addWidget(self.consent_button)

        self.details = OfferDetails()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.weights_box)
        layout.addWidget(self.kept_box)
        layout.addWidget(self.details)
        layout.addLayout(accept_row)
        layout.addWidget(self.alternatives_box)
        layout.addWidget(self.removed_box)

    def _build_weights(self) -> QGroupBox:
        self.sliders: dict[str, QSlider] = {}
        self._slider_values: dict[str, QLabel] = {}
        box = QGroupBox(self.tr("What matters most"))
        grid = QGridLayout(box)
        titles = {
            "price": self.tr("Price"),
            "delivery": self.tr("Delivery"),
            "loyalty": self.tr("Loyalty"),
            "history": self.tr("History"),
        }
        for column, name in enumerate(WEIGHT_NAMES):
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, 100)
            slider.setSingleStep(5)
            slider.setPageStep(10)
            slider.valueChanged.connect(lambda _v, n=name: self._on_slider(n))
            value = QLabel()
            value.setMinimumWidth(28)
            grid.addWidget(QLabel(titles[name]), 0, column * 2, 1, 2)
            grid.addWidget(slider, 1, column * 2)
            grid.addWidget(value, 1, column * 2 + 1)
            self.sliders[name] = slider
            self._slider_values[name] = value
        explained = QLabel(
            self.tr(
                "Each offer's score, from 0 to 1 (best): how it compares with the others on "
                "price, delivery date, your loyalty proposal and your history with the vendor, "
                "each counting as much as you set here."
            )
        )
        explained.setWordWrap(True)
        grid.addWidget(explained, 2, 0, 1, 2 * len(WEIGHT_NAMES))
        return box

    # ------------------------------------------------------------------ showing

    def show_offers(self, rows: OfferRows, *, weights: FunnelWeights) -> None:
        """Show the funnel's rows (prepared by :func:`offer_rows`) and the weights that ranked
        them, keeping the selection.

        The best offers at once; the alternatives and the removed ones at the next timer turns:
        a group shown for the first time is laid out and painted whole, and three at once take
        more than a frame. :attr:`settled` says when all are shown."""
        self._showing += 1
        showing = self._showing
        selected = self.selected_offer_id()
        self.kept_model.set_rows(rows.kept)
        select_key(self.kept_table, selected)
        self.kept_box.setVisible(bool(rows.kept or rows.alternatives or rows.removed))
        self.weights_box.setVisible(bool(rows.kept or rows.alternatives))
        self.show_weights(weights)

        def alternatives() -> None:
            if showing == self._showing:
                self.alternatives_model.set_rows(rows.alternatives)
                if self.selected_offer_id() is None:
                    select_key(self.alternatives_table, selected)
                self.alternatives_box.setVisible(bool(rows.alternatives))
                QTimer.singleShot(NEXT_TURN_MS, self, removed)

        def removed() -> None:
            if showing == self._showing:
                self.removed_model.set_rows(rows.removed)
                self.removed_box.setVisible(bool(rows.removed))
                self._shown = showing

        QTimer.singleShot(NEXT_TURN_MS, self, alternatives)

    @property
    def settled(self) -> bool:
        """Whether the last offers given are all shown, every row made."""
        models = (self.kept_model, self.alternatives_model, self.removed_model)
        return self._shown == self._showing and all(model.filled for model in models)

    def show_weights(self, weights: FunnelWeights) -> None:
        for name in WEIGHT_NAMES:
            slider = self.sliders[name]
            value = round(getattr(weights, name) * 100)
            if slider.value() != value and not self._weights_timer.isActive():
                slider.blockSignals(True)
                slider.setValue(value)
                slider.blockSignals(False)
            self._slider_values[name].setText(f"{slider.value()}")

    def clear(self) -> None:
        self._weights_timer.stop()
        self._showing += 1  # later turns of an earlier show do nothing
        self._shown = self._showing
        for model in (self.kept_model, self.alternatives_model, self.removed_model):
            model.clear_rows()
        self.details.clear()

    # ------------------------------------------------------------------ reading (tests too)

    def selected_offer_id(self) -> str | None:
        return selected_key(self.kept_table) or selected_key(self.alternatives_table)

    def ranked_offer_ids(self, *, alternatives: bool = False) -> list[str]:
        """The offer ids in the order shown."""
        return (self.alternatives_model if alternatives else self.kept_model).keys()

    def removed_reasons(self) -> dict[str, str]:
        """Item name → the reason shown."""
        return {row.cells[1]: row.cells[3] for row in self.removed_model.rows()}

    # ------------------------------------------------------------------ reacting

    def _on_offer_selected(self, table: QTableView) -> None:
        other = self.alternatives_table if table is self.kept_table else self.kept_table
        if table.selectionModel().hasSelection() and other.selectionModel().hasSelection():
            other.selectionModel().blockSignals(True)
            other.selectionModel().select(
                QItemSelection(), other.selectionModel().SelectionFlag.Clear
            )
            other.selectionModel().blockSignals(False)
            other.viewport().update()
        self.selection_changed.emit()

    def _on_slider(self, name: str) -> None:
        self._slider_values[name].setText(str(self.sliders[name].value()))
        self._weights_timer.start()  # debounce: save once the user stops moving

    def _weights_settled(self) -> None:
        self.weights_chosen.emit({n: self.sliders[n].value() / 100 for n in WEIGHT_NAMES})


def _boxed(title: str, view: QTableView) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(view)
    return box
