"""My data: the person's own fields in a fast table, with filters and per-field actions.

Filtering and searching happen in the core (category index, FTS5), never in a proxy, so the table
stays a thin window over the vault. Every vault call goes through the runner; the callbacks here
only update widgets. Sensitive values appear in clear only after an explicit, logged reveal, and
only until the user hides them, the page reloads, the vault locks or ``REVEAL_TIMEOUT_MS`` passes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import clipboard
from ui.background import while_alive
from ui.dialogs import ask
from ui.dialogs.field_dialog import FieldDialog, FieldHistoryDialog
from ui.i18n.core_texts import category_label
from ui.models.fields_model import FieldColumn, FieldsModel
from ui.pages.base import Page
from ui.tasks import VaultRunner
from ui.widgets.messages import error_text
from ui.widgets.quiet import change_quietly
from ui.widgets.tables import select_row, selected_row, windowed_table_view
from wallet.changes import Changes, Part
from wallet.errors import NotFound, VaultLocked
from wallet.personal_data import PII_CATEGORIES, FieldInput, FieldSnapshot, HistoryEntry
from wallet.vault.facade import Vault

REVEAL_TIMEOUT_MS = 30_000
SEARCH_DEBOUNCE_MS = 250
# None: clear the clipboard after the vault's setting; tests set a shorter delay.
CLEAR_CLIPBOARD_AFTER_SECONDS: int | None = None


def _add_new_field(vault: Vault, draft: FieldInput) -> Changes | None:
    """Create the field, or ``None`` if one with that key exists (Add must not overwrite)."""
    try:
        vault.fields.get(draft.key, purpose="edit")
    except NotFound:
        return _save_field(vault, draft)
    return None


def _save_field(vault: Vault, draft: FieldInput) -> Changes:
    return vault.fields.set(
        draft.key,
        draft.value,
        label=draft.label,
        category=draft.category,
        sensitive=draft.sensitive,
    )


class MyDataPage(Page):
    """The table of personal-data fields with Add, Edit, Delete, Reveal, Copy and History.

    Attributes (for tests): ``model``, ``table``, ``category_combo``, ``search_edit``,
    ``add_button``, ``empty_state``, ``add_first_button``, ``stack``, ``no_match_label``,
    ``status``, ``error`` and the row actions ``edit_action``, ``reveal_action``, ``copy_action``,
    ``history_action``, ``delete_action`` (also in the table's context menu, with shortcuts).

    Signals:
        field_saved(str): a field was added or changed (its key), e.g. to tell the vendors that
            hold it.
    """

    field_saved = Signal(str)

    def __init__(self, runner: VaultRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.model = FieldsModel(runner, self)
        self._reveal_timers: dict[str, QTimer] = {}
        self._open_dialogs: set[QDialog] = set()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._build_filters()
        self._build_table()
        self._build_empty_state()
        self._build_actions()
        self._build_layout()
        self._connect()
        self._update_actions()
        if runner.is_unlocked:
            self.reload()

    # ------------------------------------------------------------------ public API

    def reload(self) -> None:
        """Reload the fields, hiding revealed values and keeping the selected field in view."""
        self._conceal_all()
        self.model.reload_focusing(self._selected_key())

    def selected_field(self) -> FieldSnapshot | None:
        """The selected field's snapshot, if its row is loaded (sensitive value ``None``)."""
        row = self._selected_row()
        return None if row is None else self.model.loaded_row(row)

    # ------------------------------------------------------------------ building

    def _build_filters(self) -> None:
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("All categories"), None)
        for category in PII_CATEGORIES.values():
            self.category_combo.addItem(category_label(category.number), category.number)
        self.category_combo.setToolTip(self.tr("Show one category only"))
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search names, labels and values…"))
        self.search_edit.setClearButtonEnabled(True)
        self.add_button = QPushButton(self.tr("&Add field…"))
        self.no_match_label = QLabel(self.tr("No field matches this filter."))
        self.no_match_label.hide()

    def _build_table(self) -> None:
        table = windowed_table_view(self.model)
        columns = table.horizontalHeader()
        columns.setSectionResizeMode(FieldColumn.VALUE, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(FieldColumn.LABEL, 220)
        table.setColumnWidth(FieldColumn.CATEGORY, 230)
        table.setColumnWidth(FieldColumn.UPDATED, 140)
        self.table = table

    def _build_empty_state(self) -> None:
        self.empty_state = QWidget()
        hint = QLabel(
            self.tr(
                "<h3>Your vault holds no personal data yet</h3>"
                "<p>Add the facts you share with companies (your name, email, address, sizes, "
                "preferences) once, here. You decide later who gets which of them.</p>"
            )
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A centred, wrapped label inside a stacked page gets too little room unless told.
        hint.setFixedWidth(520)
        hint.setMinimumHeight(hint.heightForWidth(520))
        self.add_first_button = QPushButton(self.tr("Add your first field…"))
        layout = QVBoxLayout(self.empty_state)
        layout.addStretch(1)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.add_first_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def _build_actions(self) -> None:
        def action(
            text: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str,
            slot: Callable[[], None],
        ) -> QAction:
            created = QAction(text, self)
            created.setShortcut(QKeySequence(shortcut))
            created.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            created.triggered.connect(slot)
            self.table.addAction(created)
            return created

        self.edit_action = action(self.tr("&Edit…"), "Return", self._edit_selected)
        self.reveal_action = action(self.tr("&Reveal"), "Ctrl+R", self._toggle_reveal)
        self.copy_action = action(
            self.tr("&Copy value"), QKeySequence.StandardKey.Copy, self._copy_selected
        )
        self.history_action = action(self.tr("&History…"), "Ctrl+H", self._show_history)
        self.delete_action = action(
            self.tr("&Delete…"), QKeySequence.StandardKey.Delete, self._delete_selected
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _action_button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.category_combo)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.add_button)
        self.row_actions_bar = QWidget()
        row_actions = QHBoxLayout(self.row_actions_bar)
        row_actions.setContentsMargins(0, 0, 0, 0)
        for each in (
            self.edit_action,
            self.reveal_action,
            self.copy_action,
            self.history_action,
            self.delete_action,
        ):
            row_actions.addWidget(self._action_button(each))
        messages = QVBoxLayout()
        messages.addWidget(self.status)
        messages.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.row_actions_bar)
        bottom.addLayout(messages, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.no_match_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.category_combo.currentIndexChanged.connect(self._apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._apply_filter)
        self.add_button.clicked.connect(self._add_field)
        self.add_first_button.clicked.connect(self._add_field)
        self.table.doubleClicked.connect(self._edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.dataChanged.connect(self._update_actions)
        self.model.rows_reset.connect(self._on_rows_reset)
        self.model.load_failed.connect(self._show_error_text)
        self._runner.changed.connect(self._on_vault_changed)
        self._runner.unlocked.connect(self.reload)
        self._runner.locked.connect(self._on_locked)

    # ------------------------------------------------------------------ loading

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(
            category=self.category_combo.currentData(), search=self.search_edit.text()
        )
        self.model.reload_focusing(self._selected_key())

    def _on_rows_reset(self) -> None:
        vault_is_empty = self.model.unfiltered_count == 0
        self.stack.setCurrentWidget(self.empty_state if vault_is_empty else self.table)
        self.row_actions_bar.setVisible(not vault_is_empty)
        self.no_match_label.setVisible(self.model.rowCount() == 0 and not vault_is_empty)
        focus = self.model.focus_row
        if focus is not None:
            select_row(self.table, focus)
        self._update_actions()

    def _on_vault_changed(self, changes: Changes) -> None:
        if changes.touches(Part.FIELDS):
            # keep the field just saved (or deleted) in view, else the selected one
            changed = changes.field_keys[-1] if changes.field_keys else None
            self.model.reload_focusing(changed or self._selected_key())

    def _on_locked(self) -> None:
        for dialog in list(self._open_dialogs):
            dialog.reject()
        self._conceal_all()
        self._reset_filters()
        self.model.clear()
        self.clear_messages()

    def _reset_filters(self) -> None:
        """Start the next unlocked vault unfiltered (without reloading now)."""
        self._search_timer.stop()
        change_quietly(
            [
                (self.category_combo, lambda: self.category_combo.setCurrentIndex(0)),
                (self.search_edit, self.search_edit.clear),
            ]
        )
        self.model.set_filter(category=None, search=None)

    # ------------------------------------------------------------------ selection

    def _selected_row(self) -> int | None:
        return selected_row(self.table)

    def _selected_key(self) -> str | None:
        field = self.selected_field()
        return field.key if field else None

    def _update_actions(self, *_args: Any) -> None:
        field = self.selected_field()
        for each in (self.edit_action, self.copy_action, self.history_action, self.delete_action):
            each.setEnabled(field is not None)
        self.reveal_action.setEnabled(field is not None and field.sensitive)
        revealed = field is not None and self.model.is_revealed(field.key)
        self.reveal_action.setText(self.tr("&Hide") if revealed else self.tr("&Reveal"))

    # ------------------------------------------------------------------ add, edit, delete

    def _add_field(self) -> None:
        dialog = FieldDialog(self)
        dialog.save_requested.connect(
            lambda draft: self._save(dialog, draft, lambda vault: _add_new_field(vault, draft))
        )
        self._open(dialog)

    def _edit_selected(self) -> None:
        field = self.selected_field()
        if field is None:
            return
        key = field.key
        self.run(
            lambda vault: vault.fields.get(key, purpose="edit"),
            on_success=self._open_edit_dialog,
        )

    def _open_edit_dialog(self, field: FieldSnapshot) -> None:
        dialog = FieldDialog(self, existing=field)
        dialog.save_requested.connect(
            lambda draft: self._save(dialog, draft, lambda vault: _save_field(vault, draft))
        )
        self._open(dialog)

    def _save(
        self,
        dialog: FieldDialog,
        draft: FieldInput,
        operation: Callable[[Vault], Changes | None],
    ) -> None:
        def saved(changes: Changes | None) -> None:
            if changes is None:
                message = self.tr("A field with the key “%1” exists already; edit it instead.")
                dialog.show_error(message.replace("%1", draft.key))
            else:
                dialog.finish()
                if changes.fields_changed:
                    self.field_saved.emit(draft.key)

        def failed(error: Exception) -> None:
            if not isinstance(error, VaultLocked):
                dialog.show_error(error_text(error))

        # The answer belongs to the dialog: it is dropped if the user closed the dialog meanwhile.
        self._runner.run(operation, owner=dialog, on_success=saved, on_error=failed)

    def _delete_selected(self) -> None:
        field = self.selected_field()
        if field is None:
            return
        question = self.tr("Delete “%1”? Its value and all its past values are deleted for good.")
        if not ask.confirm(
            self,
            self.tr("Delete field"),
            question.replace("%1", field.label),
            action=self.tr("Delete"),
        ):
            return
        key = field.key
        self.run(lambda vault: vault.fields.delete(key))

    # ------------------------------------------------------------------ reveal, copy, history

    def _toggle_reveal(self) -> None:
        field = self.selected_field()
        if field is None or not field.sensitive:
            return
        key = field.key
        if self.model.is_revealed(key):
            self._conceal(key)
            return
        self.run(
            lambda vault: vault.fields.get(key, purpose="reveal").value or "",
            on_success=lambda value: self._reveal(key, value),
        )

    def _reveal(self, key: str, value: str) -> None:
        self.model.reveal(key, value)
        previous = self._reveal_timers.pop(key, None)
        if previous is not None:
            previous.stop()
            previous.deleteLater()
        timer = QTimer(self, singleShot=True, interval=REVEAL_TIMEOUT_MS)
        timer.timeout.connect(lambda: self._conceal(key))
        timer.start()
        self._reveal_timers[key] = timer
        self._update_actions()

    def _conceal(self, key: str) -> None:
        self.model.conceal(key)
        timer = self._reveal_timers.pop(key, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()
        self._update_actions()

    def _conceal_all(self) -> None:
        for key in list(self._reveal_timers):
            self._conceal(key)
        self.model.conceal_all()

    def _copy_selected(self) -> None:
        field = self.selected_field()
        if field is None:
            return
        key, label = field.key, field.label

        def fetch(vault: Vault) -> tuple[str, int]:
            value = vault.fields.get(key, purpose="copy").value or ""
            return value, vault.settings().clipboard_clear_seconds

        self.run(fetch, on_success=lambda result: self._put_on_clipboard(label, *result))

    def _put_on_clipboard(self, label: str, value: str, clear_after_seconds: int) -> None:
        if CLEAR_CLIPBOARD_AFTER_SECONDS is not None:
            clear_after_seconds = CLEAR_CLIPBOARD_AFTER_SECONDS
        clipboard.copy_secret(value, clear_after_seconds=clear_after_seconds)
        message = self.tr("Copied “%1”; the clipboard is cleared in %2 s.")
        self.show_status(message.replace("%1", label).replace("%2", str(clear_after_seconds)))

    def _show_history(self) -> None:
        field = self.selected_field()
        if field is None:
            return
        key = field.key
        self.run(
            lambda vault: vault.fields.history(key),
            on_success=lambda entries: self._open_history(field, entries),
        )

    def _open_history(self, field: FieldSnapshot, entries: list[HistoryEntry]) -> None:
        dialog = FieldHistoryDialog(
            self, label=field.label, sensitive=field.sensitive, entries=entries
        )
        key = field.key

        def reveal_history() -> None:
            self.run(
                lambda vault: vault.fields.get(key, purpose="reveal"),
                on_success=while_alive(dialog, lambda _field: dialog.show_values()),
            )

        dialog.reveal_requested.connect(reveal_history)
        self._open(dialog)

    # ------------------------------------------------------------------ helpers

    def _open(self, dialog: QDialog) -> None:
        """Show ``dialog`` without blocking; it is closed if the vault locks meanwhile."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open_dialogs.add(dialog)
        dialog.finished.connect(lambda _result: self._open_dialogs.discard(dialog))
        dialog.open()

    def _show_error_text(self, text: str) -> None:
        self.status.clear()
        self.error.show_text(text)
