"""The personal-data table: fields in the core's key order, a page of row snapshots at a time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QByteArray, QObject, Qt

from ui.i18n.core_texts import category_label, field_label
from ui.i18n.formats import local_date_time
from ui.models.windowed import RowIds, RowIdsOperation, RowsOperation, WindowedTableModel
from ui.tasks import VaultRunner
from ui.theme.tones import Tone, tone_colour
from ui.widgets.tooltip import plain_tooltip
from wallet.personal_data import FieldSnapshot
from wallet.vault.facade import Vault

MASK = "••••••"
MASKED_COLOUR = Tone.MUTED
_USER_ROLE = int(Qt.ItemDataRole.UserRole)
# data() runs for every role of every visible cell on each paint: compare plain ints there.
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)


class FieldColumn(IntEnum):
    LABEL = 0
    VALUE = 1
    CATEGORY = 2
    UPDATED = 3


_LABEL_COLUMN, _VALUE_COLUMN, _CATEGORY_COLUMN = map(int, list(FieldColumn)[:3])


class FieldRole(IntEnum):
    """Roles beyond Qt's own, answered for every column of a loaded row."""

    KEY = _USER_ROLE + 1
    SENSITIVE = _USER_ROLE + 2
    CATEGORY = _USER_ROLE + 3
    SNAPSHOT = _USER_ROLE + 4
    REVEALED = _USER_ROLE + 5


class FieldsModel(WindowedTableModel[FieldSnapshot]):
    """Personal-data fields for a table view, filtered and ordered by the core.

    Columns: Label, Value, Category ("2 - Contact"), Updated (local time). The value of a
    sensitive field is masked unless :meth:`reveal` was given its clear value.

    Roles:
        ``FieldRole.KEY`` (``Qt.UserRole + 1``): the field key, ``str``.
        ``FieldRole.SENSITIVE`` (``+ 2``): whether the value is sensitive, ``bool``.
        ``FieldRole.CATEGORY`` (``+ 3``): the Kantara category number, ``int``.
        ``FieldRole.SNAPSHOT`` (``+ 4``): the :class:`FieldSnapshot` (``value`` is ``None``
        for sensitive fields).
        ``FieldRole.REVEALED`` (``+ 5``): whether a sensitive value is shown in clear, ``bool``.
        ``Qt.ToolTipRole``: the whole value, for values too long for their cell.
    A row still loading shows "…" and answers ``None`` for these roles.
    """

    def __init__(self, runner: VaultRunner, parent: QObject | None = None, **options: int) -> None:
        super().__init__(runner, parent, **options)
        self._category: int | None = None
        self._search: str | None = None
        self._focus_key: str | None = None
        self._revealed: dict[str, str] = {}

    # ------------------------------------------------------------------ filtering

    @property
    def category_filter(self) -> int | None:
        return self._category

    @property
    def search_filter(self) -> str | None:
        return self._search

    def is_filtered(self) -> bool:
        return self._category is not None or bool(self._search)

    def set_filter(self, *, category: int | None, search: str | None) -> None:
        """Show only one category and/or fields matching a full-text search (at the next reload)."""
        self._category = category
        self._search = search.strip() if search and search.strip() else None

    def reload_focusing(self, key: str | None) -> None:
        """Reload; ``focus_row`` will then be the row of ``key``, if it is still shown."""
        self._focus_key = key
        self.reload()

    # ------------------------------------------------------------------ revealed values

    def reveal(self, key: str, value: str) -> None:
        """Show this sensitive field's value in clear until :meth:`conceal`."""
        self._revealed[key] = value
        self._value_column_changed()

    def conceal(self, key: str) -> None:
        if self._revealed.pop(key, None) is not None:
            self._value_column_changed()

    def conceal_all(self) -> None:
        if self._revealed:
            self._revealed.clear()
            self._value_column_changed()

    def is_revealed(self, key: str) -> bool:
        return key in self._revealed

    def clear(self) -> None:
        self._revealed.clear()
        super().clear()

    def _value_column_changed(self) -> None:
        if self.rowCount():
            last = self.rowCount() - 1
            self.dataChanged.emit(
                self.index(0, FieldColumn.VALUE), self.index(last, FieldColumn.VALUE)
            )

    # ------------------------------------------------------------------ windowed model hooks

    def column_titles(self) -> list[str]:
        return [self.tr("Label"), self.tr("Value"), self.tr("Category"), self.tr("Updated")]

    def _row_ids_operation(self) -> RowIdsOperation:
        category, search, focus_key = self._category, self._search, self._focus_key
        self._focus_key = None

        def load(vault: Vault) -> RowIds:
            ids = vault.fields.row_ids(category=category, search=search)
            focus_row = _row_of_key(vault, ids, focus_key) if focus_key else None
            filtered = category is not None or search is not None
            return RowIds(ids, focus_row, vault.fields.count() if filtered else len(ids))

        return load

    def _rows_operation(self) -> RowsOperation[FieldSnapshot]:
        def load(vault: Vault, ids: Sequence[int]) -> Mapping[int, FieldSnapshot]:
            return vault.fields.by_row_ids(ids)

        return load

    def _row_data(self, field: FieldSnapshot, column: int, role: int) -> Any:
        if role == _DISPLAY_ROLE:
            return self._display(field, column)
        if role > _USER_ROLE:
            return self._role_data(field, role)
        if column != _VALUE_COLUMN:
            return None
        if role == _TOOLTIP_ROLE:
            value = self._revealed.get(field.key, field.value)
            # the whole value, as typed (a tooltip that looks like markup would be drawn)
            return (
                plain_tooltip(value)
                if value is not None
                else self.tr("Hidden: use Reveal to show it")
            )
        if role == _FOREGROUND_ROLE and self._is_masked(field):
            return tone_colour(MASKED_COLOUR)
        return None

    def _display(self, field: FieldSnapshot, column: int) -> str:
        if column == _LABEL_COLUMN:
            return field_label(field.key, field.label)
        if column == _VALUE_COLUMN:
            value = self._revealed.get(field.key, field.value)
            return MASK if value is None else one_line(value)
        if column == _CATEGORY_COLUMN:
            return category_label(field.category)
        return local_date_time(field.updated)

    def _role_data(self, field: FieldSnapshot, role: int) -> Any:
        if role == FieldRole.KEY:
            return field.key
        if role == FieldRole.SENSITIVE:
            return field.sensitive
        if role == FieldRole.CATEGORY:
            return field.category
        if role == FieldRole.SNAPSHOT:
            return field
        if role == FieldRole.REVEALED:
            return field.key in self._revealed
        return None

    def _is_masked(self, field: FieldSnapshot) -> bool:
        return field.value is None and field.key not in self._revealed

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(role): QByteArray(role.name.lower().encode()) for role in FieldRole})
        return names


def one_line(value: str) -> str:
    """A multi-line value (an address) on one line, its lines separated by commas."""
    return ", ".join(line.strip() for line in value.splitlines() if line.strip())


def _row_of_key(vault: Vault, ids: Sequence[int], key: str) -> int | None:
    """The row showing ``key``, if the listing ``ids`` holds it."""
    row_id = vault.fields.row_id_of(key)
    if row_id is None:
        return None
    try:
        return ids.index(row_id)
    except ValueError:  # hidden by the filter
        return None
