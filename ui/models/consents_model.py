"""The consents table: newest first, a page of stored rows at a time, filtered by status.

A window over the core's consents (see :mod:`ui.models.windowed`): a reload asks the core's
:func:`~wallet.consents.views.consent_listing` for the ordered row ids (an index scan), with the
vendors' names, and rows arrive a page at a time as the view needs them, as the core's
:class:`~wallet.consents.store.ConsentRow` snapshots (no receipt is parsed to list them). Each page
brings the labels of the fields it names (:func:`~wallet.consents.views.consent_lines`: a few
indexed look-ups), never the whole field list.
The text of a cell is worked out in ``data()``, only for the cells a view paints.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QByteArray, QObject, Qt

from ui.i18n.core_texts import field_labels_text
from ui.i18n.formats import local_date, local_date_time
from ui.models.windowed import (
    Pages,
    RowIds,
    RowIdsOperation,
    RowsOperation,
    WindowedTableModel,
)
from ui.tasks import VaultRunner
from ui.theme.tones import Tone, tone_colour
from wallet.consents.store import ConsentRow, ConsentStatus
from wallet.consents.views import ConsentLine, consent_lines, consent_listing, expiring_soon
from wallet.vault.facade import Vault

ENDED_COLOUR = Tone.MUTED
EXPIRING_COLOUR = Tone.WARNING
_USER_ROLE = int(Qt.ItemDataRole.UserRole)
# data() runs for every role of every visible cell on each paint: compare plain ints there.
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)


class ConsentColumn(IntEnum):
    VENDOR = 0
    FIELDS = 1
    STATUS = 2
    GRANTED = 3
    EXPIRES = 4


_VENDOR_COLUMN, _FIELDS_COLUMN, _STATUS_COLUMN, _GRANTED_COLUMN, _EXPIRES_COLUMN = map(
    int, ConsentColumn
)


class ConsentRole(IntEnum):
    """Roles beyond Qt's own, answered for every column of a loaded row."""

    ID = _USER_ROLE + 1  # the consent id, str
    ROW = _USER_ROLE + 2  # the ConsentRow


def local_day(epoch: int) -> str:
    return local_date(datetime.fromtimestamp(epoch).astimezone())


def local_time(epoch: int) -> str:
    return local_date_time(datetime.fromtimestamp(epoch).astimezone())


@dataclass(frozen=True, slots=True)
class ConsentRowIds(RowIds):
    """The skeleton of a reload, with what every row needs: vendors' names and the time."""

    vendor_names: Mapping[str, str] = field(default_factory=dict)
    now: int = 0


# ---------------------------------------------------------------------------- the model


class ConsentsModel(WindowedTableModel[ConsentLine]):
    """Consents for a table view, newest first, optionally of one status.

    Columns: Vendor, Fields (their labels), Status, Granted, Expires.

    Status reads "Active", "Expires soon" (active, ending within 7 days, in orange), "Expired" or
    "Revoked" (grey); its tooltip says whether the vendor countersigned the receipt.
    Roles: ``ConsentRole.ID`` (``Qt.UserRole + 1``, the consent id), ``ConsentRole.ROW``
    (``+ 2``, the :class:`ConsentRow`); ``Qt.ToolTipRole``. A row still loading shows "…" and
    answers ``None`` for these roles.
    """

    def __init__(self, runner: VaultRunner, parent: QObject | None = None, **options: int) -> None:
        super().__init__(runner, parent, **options)
        self._status: ConsentStatus | None = None
        self._focus_id: str | None = None
        self._focus_row_id: int | None = None
        self._vendor_names: Mapping[str, str] = {}
        self._now = int(time.time())
        self._status_texts = {
            "revoked": self.tr("Revoked"),
            "expired": self.tr("Expired"),
            "soon": self.tr("Expires soon"),
            "active": self.tr("Active"),
        }

    # ------------------------------------------------------------------ public API

    @property
    def status(self) -> ConsentStatus | None:
        return self._status

    def set_status(self, status: ConsentStatus | None) -> None:
        """Show only consents with this status (``None``: all); takes effect at the next reload."""
        self._status = status

    def reload_focusing(self, consent_id: str | None, *, row_id: int | None = None) -> None:
        """Reload; ``focus_row`` will then be the row of ``consent_id`` (else of the row id
        ``row_id``: a row kept selected, loaded or not), if the filter shows it."""
        self._focus_id, self._focus_row_id = consent_id, row_id
        self.reload()

    def line(self, row: int) -> ConsentLine | None:
        """The row's consent and field labels, if its page is loaded (never starts a fetch)."""
        return self.loaded_row(row) if 0 <= row < self.rowCount() else None

    def consent(self, row: int) -> ConsentRow | None:
        line = self.line(row)
        return None if line is None else line.row

    def fetch_row(self, row: int) -> None:
        """Ask for the row's page unless it is loaded (``page_loaded`` says when it arrives)."""
        if 0 <= row < self.rowCount() and not self.is_row_loaded(row):
            self.data(self.index(row, 0))  # queues the page, as a paint would

    def row_of(self, consent_id: str) -> int:
        """The row showing ``consent_id`` among the loaded rows, or -1 (never starts a fetch)."""
        count = self.rowCount()
        for page in self.cached_pages():
            first = page * self.page_size
            for row in range(first, min(first + self.page_size, count)):
                line = self.loaded_row(row)
                if line is not None and line.row.id == consent_id:
                    return row
        return -1

    def vendor_name(self, vendor_id: str) -> str:
        return self._vendor_names.get(vendor_id, vendor_id)

    def status_text(self, row: ConsentRow) -> str:
        if row.status == "revoked":
            return self._status_texts["revoked"]
        if row.status == "expired":
            return self._status_texts["expired"]
        if self._expiring_soon(row):
            return self._status_texts["soon"]
        return self._status_texts["active"]

    def clear(self) -> None:
        self._vendor_names = {}
        self._focus_id = self._focus_row_id = None
        super().clear()

    # ------------------------------------------------------------------ windowed model hooks

    def column_titles(self) -> list[str]:
        return [
            self.tr("Vendor"),
            self.tr("Fields"),
            self.tr("Status"),
            self.tr("Granted"),
            self.tr("Expires"),
        ]

    def _row_ids_operation(self) -> RowIdsOperation:
        status, focus_id, focus_row_id = self._status, self._focus_id, self._focus_row_id
        self._focus_id = self._focus_row_id = None

        def load(vault: Vault) -> RowIds:
            listing = consent_listing(
                vault, status=status, focus_id=focus_id, focus_row_id=focus_row_id
            )
            return ConsentRowIds(
                listing.row_ids,
                listing.focus_row,
                len(listing.row_ids) if status is None else None,
                vendor_names=listing.vendor_names,
                now=listing.now,
            )

        return load

    def _rows_operation(self) -> RowsOperation[ConsentLine]:
        def load(vault: Vault, row_ids: Sequence[int]) -> Mapping[int, ConsentLine]:
            return consent_lines(vault, row_ids)

        return load

    def _apply_row_ids(self, ticket: int, row_ids: RowIds, pages: Pages[ConsentLine]) -> None:
        # The names and the time go with the ids they came with: set before the reset, so the
        # first data() after it (and the page's rows_reset handler) reads them.
        if ticket == self._reload_ticket and isinstance(row_ids, ConsentRowIds):
            self._vendor_names = row_ids.vendor_names
            self._now = row_ids.now
        super()._apply_row_ids(ticket, row_ids, pages)

    def _row_data(self, line: ConsentLine, column: int, role: int) -> Any:
        row = line.row
        if role == _DISPLAY_ROLE:
            return self._display(line, column)
        if role == _TOOLTIP_ROLE:
            return self._tooltip(line, column)
        if role == _FOREGROUND_ROLE:
            if row.status != "active":
                return tone_colour(ENDED_COLOUR)
            if column in (_STATUS_COLUMN, _EXPIRES_COLUMN) and self._expiring_soon(row):
                return tone_colour(EXPIRING_COLOUR)
            return None
        if role == ConsentRole.ID:
            return row.id
        if role == ConsentRole.ROW:
            return row
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(role): QByteArray(role.name.lower().encode()) for role in ConsentRole})
        return names

    # ------------------------------------------------------------------ cells

    def _expiring_soon(self, row: ConsentRow) -> bool:
        return expiring_soon(row, now=self._now)

    def _display(self, line: ConsentLine, column: int) -> str | None:
        row = line.row
        if column == _VENDOR_COLUMN:
            return self.vendor_name(row.vendor_id)
        if column == _FIELDS_COLUMN:
            return field_labels_text(row.field_keys, line.field_labels)
        if column == _STATUS_COLUMN:
            return self.status_text(row)
        if column == _GRANTED_COLUMN:
            return local_time(row.granted_at)
        if column == _EXPIRES_COLUMN:
            return local_day(row.expires_at)
        return None

    def _tooltip(self, line: ConsentLine, column: int) -> str | None:
        row = line.row
        if column == _STATUS_COLUMN:
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
        if column == _VENDOR_COLUMN:
            return row.vendor_id
        if column == _FIELDS_COLUMN:
            return line.fields_text
        return None
