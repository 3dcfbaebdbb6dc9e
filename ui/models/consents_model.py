"""The consents as a table: one stored row per consent, replaced whole on each reload.

The rows are the core's :class:`~wallet.consents.store.ConsentRow` snapshots (no receipt is
parsed to list them), with the vendors' names and the fields' labels beside them; the text of a
cell is worked out in ``data()``, only for the cells a view paints.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from wallet.consents.book import EXPIRING_SOON_SECONDS
from wallet.consents.store import ConsentRow

ENDED_COLOUR = QColor("#8a8a8a")
EXPIRING_COLOUR = QColor("#b35c00")
_USER_ROLE = int(Qt.ItemDataRole.UserRole)
# data() runs for every role of every visible cell on each paint: compare plain ints there.
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
Index = QModelIndex | QPersistentModelIndex


class ConsentColumn(IntEnum):
    VENDOR = 0
    FIELDS = 1
    STATUS = 2
    GRANTED = 3
    EXPIRES = 4


class ConsentRole(IntEnum):
    """Roles beyond Qt's own, answered for every column."""

    ID = _USER_ROLE + 1  # the consent id, str
    ROW = _USER_ROLE + 2  # the ConsentRow


def local_day(epoch: int) -> str:
    return datetime.fromtimestamp(epoch).astimezone().strftime("%Y-%m-%d")


def local_time(epoch: int) -> str:
    return datetime.fromtimestamp(epoch).astimezone().strftime("%Y-%m-%d %H:%M")


class ConsentsModel(QAbstractTableModel):
    """Columns: Vendor, Fields (their labels), Status, Granted, Expires.

    Status reads "Active", "Expires soon" (active, ending within 7 days, in orange), "Expired" or
    "Revoked" (grey); its tooltip says whether the vendor countersigned the receipt.
    Roles: ``ConsentRole.ID``, ``ConsentRole.ROW``; ``Qt.ToolTipRole``.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ConsentRow] = []
        self._rows_by_id: dict[str, int] = {}
        self._vendor_names: Mapping[str, str] = {}
        self._field_labels: Mapping[str, str] = {}
        self._now = int(time.time())

    # ------------------------------------------------------------------ public API

    def set_rows(
        self,
        rows: Sequence[ConsentRow],
        *,
        vendor_names: Mapping[str, str],
        field_labels: Mapping[str, str],
        now: int | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._rows_by_id = {row.id: index for index, row in enumerate(self._rows)}
        self._vendor_names = vendor_names
        self._field_labels = field_labels
        self._now = int(time.time()) if now is None else now
        self.endResetModel()

    def consent(self, row: int) -> ConsentRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, consent_id: str) -> int:
        """The row showing ``consent_id``, or -1."""
        return self._rows_by_id.get(consent_id, -1)

    def vendor_name(self, vendor_id: str) -> str:
        return self._vendor_names.get(vendor_id, vendor_id)

    def field_label(self, key: str) -> str:
        return self._field_labels.get(key, key)

    def status_text(self, row: ConsentRow) -> str:
        if row.status == "revoked":
            return self.tr("Revoked")
        if row.status == "expired":
            return self.tr("Expired")
        if self._expiring_soon(row):
            return self.tr("Expires soon")
        return self.tr("Active")

    # ------------------------------------------------------------------ Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(ConsentColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY_ROLE
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY_ROLE:
            return None
        titles = (
            self.tr("Vendor"),
            self.tr("Fields"),
            self.tr("Status"),
            self.tr("Granted"),
            self.tr("Expires"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = _DISPLAY_ROLE) -> Any:
        row = self.consent(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == _DISPLAY_ROLE:
            return self._display(row, column)
        if role == _TOOLTIP_ROLE:
            return self._tooltip(row, column)
        if role == _FOREGROUND_ROLE:
            if row.status != "active":
                return ENDED_COLOUR
            if column in (ConsentColumn.STATUS, ConsentColumn.EXPIRES) and self._expiring_soon(row):
                return EXPIRING_COLOUR
            return None
        if role == ConsentRole.ID:
            return row.id
        if role == ConsentRole.ROW:
            return row
        return None

    # ------------------------------------------------------------------ cells

    def _expiring_soon(self, row: ConsentRow) -> bool:
        return row.status == "active" and row.expires_at - self._now < EXPIRING_SOON_SECONDS

    def _fields(self, row: ConsentRow) -> str:
        return ", ".join(self.field_label(key) for key in row.field_keys)

    def _display(self, row: ConsentRow, column: int) -> str | None:
        if column == ConsentColumn.VENDOR:
            return self.vendor_name(row.vendor_id)
        if column == ConsentColumn.FIELDS:
            return self._fields(row)
        if column == ConsentColumn.STATUS:
            return self.status_text(row)
        if column == ConsentColumn.GRANTED:
            return local_time(row.granted_at)
        if column == ConsentColumn.EXPIRES:
            return local_day(row.expires_at)
        return None

    def _tooltip(self, row: ConsentRow, column: int) -> str | None:
        if column == ConsentColumn.STATUS:
            if row.status != "active" and row.ended_at is not None:
                ended = (
                    self.tr("Revoked on %1")
                    if row.status == "revoked"
                    else self.tr("Expired on %1")
                )
                return ended.replace("%1", local_time(row.ended_at))
            if row.countersignature is not None:
                return self.tr("The vendor countersigned the receipt.")
            return self.tr("Waiting for the vendor to countersign the receipt.")
        if column == ConsentColumn.VENDOR:
            return row.vendor_id
        if column == ConsentColumn.FIELDS:
            return self._fields(row)
        return None
