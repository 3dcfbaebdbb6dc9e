"""Who holds what: vendors (rows) × fields (columns) under active consent, for the Overview.

The model keeps the core's :class:`~wallet.consents.Overview` as it came (a dict of held cells)
and answers each cell in ``data()`` with a dict lookup, so 1 000 vendors × 50 fields cost nothing
until painted, and only the visible cells are ever asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from ui.i18n.core_texts import field_label
from ui.theme.tones import Tone, tone_colour
from wallet.consents import Overview

HELD_BACKGROUND = Tone.HELD_BACKGROUND
HELD_MARK = "✓"
_USER_ROLE = int(Qt.ItemDataRole.UserRole)
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND_ROLE = int(Qt.ItemDataRole.BackgroundRole)
_ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
_HELD_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_EMPTY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
Index = QModelIndex | QPersistentModelIndex


class HoldingRole(IntEnum):
    """``CONSENT_ID``: a consent under which the row's vendor holds the column's field (or None);
    ``COUNT``: how many active consents cover that cell (0 when none)."""

    CONSENT_ID = _USER_ROLE + 1
    COUNT = _USER_ROLE + 2


_ANSWERED_ROLES = frozenset(
    {_DISPLAY_ROLE, _TOOLTIP_ROLE, _BACKGROUND_ROLE, _ALIGNMENT_ROLE, *map(int, HoldingRole)}
)


class HoldingsModel(QAbstractTableModel):
    """Rows are vendors (by name, in the vertical header), columns fields (their labels).

    A held cell shows "✓" (or "✓ 3" under three consents) on a green background; an empty cell
    shows nothing and cannot be selected. Roles: ``HoldingRole``; ``Qt.ToolTipRole``.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vendors: tuple[tuple[str, str], ...] = ()
        self._keys: tuple[str, ...] = ()
        self._cells: Mapping[tuple[str, str], tuple[int, str]] = {}
        self._labels: Mapping[str, str] = {}

    def set_overview(self, overview: Overview, field_labels: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._vendors = overview.vendors
        self._keys = overview.field_keys
        self._cells = overview.cells
        self._labels = {key: field_label(key, label) for key, label in field_labels.items()}
        self.endResetModel()

    def clear(self) -> None:
        self.set_overview(Overview((), ()), {})

    def vendor_id(self, row: int) -> str:
        return self._vendors[row][0]

    def field_key(self, column: int) -> str:
        return self._keys[column]

    def cell(self, row: int, column: int) -> tuple[int, str] | None:
        """(active consents, one consent id) of a cell, or None when nothing is held there."""
        if not (0 <= row < len(self._vendors) and 0 <= column < len(self._keys)):
            return None
        return self._cells.get((self._vendors[row][0], self._keys[column]))

    def index_of(self, vendor_id: str, field_key: str) -> QModelIndex:
        """The cell of ``vendor_id`` × ``field_key`` (invalid if either is not shown)."""
        rows = [row for row, (each, _name) in enumerate(self._vendors) if each == vendor_id]
        if not rows or field_key not in self._keys:
            return QModelIndex()
        return self.index(rows[0], self._keys.index(field_key))

    # ------------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._vendors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._keys)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY_ROLE
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._keys):
                return None
            key = self._keys[section]
            if role == _DISPLAY_ROLE:
                return self._labels.get(key, key)
            if role == _TOOLTIP_ROLE:
                return key
            return None
        if not 0 <= section < len(self._vendors):
            return None
        vendor_id, name = self._vendors[section]
        if role == _DISPLAY_ROLE:
            return name
        if role == _TOOLTIP_ROLE:
            return vendor_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _HELD_FLAGS if self.cell(index.row(), index.column()) else _EMPTY_FLAGS

    def data(self, index: Index, role: int = _DISPLAY_ROLE) -> Any:
        if role not in _ANSWERED_ROLES:  # a paint asks ~10 roles per cell: most cost nothing
            return None
        held = self.cell(index.row(), index.column()) if index.isValid() else None
        if role == HoldingRole.COUNT:
            return held[0] if held else 0
        if held is None:
            return None
        count, consent_id = held
        if role == _DISPLAY_ROLE:
            return HELD_MARK if count == 1 else f"{HELD_MARK} {count}"
        if role == _ALIGNMENT_ROLE:
            return _CENTRED
        if role == _BACKGROUND_ROLE:
            return QBrush(tone_colour(HELD_BACKGROUND))  # light or dark, as painted now
        if role == HoldingRole.CONSENT_ID:
            return consent_id
        if role == _TOOLTIP_ROLE:
            return self._tooltip(index.row(), index.column(), count)
        return None

    def _tooltip(self, row: int, column: int, count: int) -> str:
        name = self._vendors[row][1]
        key = self._keys[column]
        text = (
            self.tr("%1 holds your %2 under an active consent. Click to open it.")
            if count == 1
            else self.tr("%1 holds your %2 under %3 active consents. Click to open one.")
        )
        return (
            text.replace("%1", name)
            .replace("%2", self._labels.get(key, key))
            .replace("%3", str(count))
        )
