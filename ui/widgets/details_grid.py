"""Label–value pairs in two columns, as plain text (an intention's details, say)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget


class DetailsGrid(QWidget):
    """Label–value pairs, the labels bold, the values wrapped and selectable.

    Plain labels rather than one label holding an HTML table: such a label lays out a whole text
    document each time the page's layout asks for its height, and during a broadcast the layout
    asks on every change around it (a table's rows, a status line): tens of milliseconds a pass.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self._pairs: list[tuple[QLabel, QLabel]] = []
        self._rows: list[tuple[str, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def set_rows(self, rows: Sequence[tuple[str, str]]) -> None:
        """Show ``rows`` (label, value) in this order; labels are reused, extra ones hidden."""
        self._rows = list(rows)
        while len(self._pairs) < len(self._rows):
            self._pairs.append(self._new_pair(len(self._pairs)))
        for number, (label, value) in enumerate(self._pairs):
            shown = number < len(self._rows)
            if shown:
                label.setText(self._rows[number][0])
                value.setText(self._rows[number][1])
            label.setVisible(shown)
            value.setVisible(shown)

    def clear(self) -> None:
        self.set_rows([])

    def text(self) -> str:
        """The pairs as lines of ``label: value`` (for tests and copying)."""
        return "\n".join(f"{label}: {value}" for label, value in self._rows)

    def _new_pair(self, row: int) -> tuple[QLabel, QLabel]:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        value = QLabel()
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._grid.addWidget(label, row, 0)
        self._grid.addWidget(value, row, 1)
        return label, value
