"""The vendor directory as a table: one snapshot per vendor, replaced whole on each reload.

A directory holds tens or a few thousand vendors, and every row is already in memory once the
worker has read it, so this model takes a list of snapshots rather than fetching pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontDatabase

from ui.theme.tones import Tone, tone_colour
from wallet.vendors import VendorEntry

PENDING_COLOUR = Tone.ERROR  # a key change waits for the person (the status says so too)
DISABLED_COLOUR = Tone.MUTED
_USER_ROLE = int(Qt.ItemDataRole.UserRole)
Index = QModelIndex | QPersistentModelIndex


class VendorColumn(IntEnum):
    NAME = 0
    ID = 1
    CATEGORIES = 2
    FINGERPRINT = 3
    STATUS = 4


class VendorRole(IntEnum):
    """``VendorRole.ENTRY`` (``Qt.UserRole + 1``): the row's :class:`~wallet.vendors.VendorEntry`
    (the core's view of a vendor with its fingerprints), any column."""

    ENTRY = _USER_ROLE + 1


class VendorsModel(QAbstractTableModel):
    """Columns: Name, Id, Categories, Key fingerprint, Status.

    Status reads "Active", "Disabled" (with the reason as tooltip) or "Key change pending" (in
    red; the tooltip shows the new fingerprint). Roles: ``VendorRole.ENTRY``; ``Qt.ToolTipRole``
    for the full fingerprint and status details; ``Qt.FontRole`` (monospace) for fingerprints.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[VendorEntry] = []
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_entries(self, entries: Sequence[VendorEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> VendorEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, vendor_id: str) -> int:
        """The row showing ``vendor_id``, or -1."""
        for row, entry in enumerate(self._entries):
            if entry.vendor.id == vendor_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(VendorColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            VendorColumn.NAME: self.tr("Name"),
            VendorColumn.ID: self.tr("Id"),
            VendorColumn.CATEGORIES: self.tr("Categories"),
            VendorColumn.FINGERPRINT: self.tr("Key fingerprint"),
            VendorColumn.STATUS: self.tr("Status"),
        }
        return titles.get(VendorColumn(section)) if 0 <= section < len(VendorColumn) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = index.column()
        if role == VendorRole.ENTRY:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.FontRole:
            if column == VendorColumn.FINGERPRINT:
                return self._mono
            if column == VendorColumn.STATUS and entry.key_change_pending:
                return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and column == VendorColumn.STATUS:
            if entry.key_change_pending:
                return tone_colour(PENDING_COLOUR)
            if entry.vendor.status == "disabled":
                return tone_colour(DISABLED_COLOUR)
        return None

    def _display(self, entry: VendorEntry, column: int) -> str | None:
        vendor = entry.vendor
        if column == VendorColumn.NAME:
            return vendor.name
        if column == VendorColumn.ID:
            return vendor.id
        if column == VendorColumn.CATEGORIES:
            return ", ".join(vendor.categories)
        if column == VendorColumn.FINGERPRINT:
            return entry.fingerprint or self.tr("refused key: remove and add again")
        if column == VendorColumn.STATUS:
            return self._status(entry)
        return None

    def _status(self, entry: VendorEntry) -> str:
        if entry.key_change_pending:
            return "⚠ " + self.tr("Key change pending")
        if entry.vendor.status == "disabled":
            return self.tr("Disabled")
        return self.tr("Active")

    def _tooltip(self, entry: VendorEntry, column: int) -> str | None:
        vendor = entry.vendor
        if column == VendorColumn.STATUS:
            if entry.pending_fingerprint is not None:
                return self.tr("New key, not trusted until you approve it: %1").replace(
                    "%1", entry.pending_fingerprint
                )
            return vendor.status_reason or None
        if column == VendorColumn.NAME:
            return vendor.metadata_url
        return self._display(entry, column)
