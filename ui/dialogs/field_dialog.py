"""Dialogs about one personal-data field: add or edit it, and see its past values.

Neither dialog touches the vault. :class:`FieldDialog` emits what the user typed; the page saves
it on the vault worker and either closes the dialog or shows the core's validation message in it,
so the user never loses what they typed to an error.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import prepare_for_keyboard
from ui.i18n.core_texts import category_label, field_label
from ui.i18n.formats import local_date_time
from ui.models.fields_model import MASK
from ui.widgets.messages import InlineMessage
from ui.widgets.tooltip import plain_tooltip
from wallet.personal_data import (
    PII_CATEGORIES,
    STANDARD_FIELDS,
    FieldInput,
    FieldSnapshot,
    HistoryEntry,
    standard_field,
)
from wallet.personal_data.labels import suggested_key

CUSTOM_FIELD = ""  # the "Custom field…" entry of the field picker


class FieldDialog(QDialog):
    """Add a field (a standard one or a custom key) or edit an existing one.

    Signals:
        save_requested(FieldInput): the user pressed Save; call :meth:`finish` once it is saved
            or :meth:`show_error` with the reason it was refused (the dialog stays open).
    """

    save_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, existing: FieldSnapshot | None = None):
        super().__init__(parent)
        self._existing = existing
        self._key_edited_by_hand = existing is not None
        self.setWindowTitle(self.tr("Edit field") if existing else self.tr("Add field"))
        self.setMinimumWidth(460)
        self.field_picker = QComboBox()
        self.key_edit = QLineEdit()
        self.label_edit = QLineEdit()
        self.value_edit = QPlainTextEdit()
        self.category_combo = QComboBox()
        self.sensitive_check = QCheckBox(self.tr("Sensitive: hidden in lists until revealed"))
        self.error_label = InlineMessage(error=True)  # plain text: it may quote what was typed
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._build_layout()
        self._connect()
        if existing is None:
            self._pick_field(self.field_picker.currentIndex())
        else:
            self._show_existing(existing)
        self.value_edit.setTabChangesFocus(True)
        prepare_for_keyboard(self)  # Tab leaves text boxes; every control has a name

    # ------------------------------------------------------------------ public API

    def draft(self) -> FieldInput:
        """What the user typed, as the core takes it."""
        return FieldInput(
            key=self.key_edit.text().strip(),
            value=self.value_edit.toPlainText(),
            label=self.label_edit.text(),
            category=int(self.category_combo.currentData()),
            sensitive=self.sensitive_check.isChecked(),
        )

    def show_error(self, message: str) -> None:
        """Show why saving was refused, and let the user correct it."""
        self.error_label.show_text(message)
        self.set_saving(False)

    def set_saving(self, saving: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not saving)

    def finish(self) -> None:
        """The field was saved: close."""
        super().accept()

    def accept(self) -> None:
        """Save pressed (or Enter): ask the page to save; the dialog stays until :meth:`finish`."""
        self.error_label.clear()
        self.set_saving(True)
        self.save_requested.emit(self.draft())

    # ------------------------------------------------------------------ building

    def _build_layout(self) -> None:
        for standard in STANDARD_FIELDS:
            self.field_picker.addItem(field_label(standard.key, standard.label), standard.key)
        self.field_picker.addItem(self.tr("Custom field…"), CUSTOM_FIELD)
        for category in PII_CATEGORIES.values():
            self.category_combo.addItem(category_label(category.number), category.number)
        self.key_edit.setPlaceholderText(self.tr("e.g. library_card"))
        self.value_edit.setTabChangesFocus(True)
        self.value_edit.setPlaceholderText(self.tr("Several lines are fine, e.g. for an address"))
        self.value_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        form = QFormLayout()
        if self._existing is None:
            form.addRow(self.tr("&Field:"), self.field_picker)
        form.addRow(self.tr("&Key:"), self.key_edit)
        form.addRow(self.tr("&Label:"), self.label_edit)
        form.addRow(self.tr("&Value:"), self.value_edit)
        form.addRow(self.tr("&Category:"), self.category_combo)
        form.addRow("", self.sensitive_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.field_picker.currentIndexChanged.connect(self._pick_field)
        self.key_edit.textEdited.connect(self._note_key_edited)
        self.label_edit.textEdited.connect(self._suggest_key)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _show_existing(self, field: FieldSnapshot) -> None:
        self.key_edit.setText(field.key)
        self.key_edit.setReadOnly(True)
        self.label_edit.setText(field.label)
        self.value_edit.setPlainText(field.value or "")
        self._select_category(field.category)
        self.sensitive_check.setChecked(field.sensitive)
        self.value_edit.setFocus()

    def _pick_field(self, index: int) -> None:
        key = str(self.field_picker.itemData(index))
        standard = standard_field(key)
        self.key_edit.setReadOnly(standard is not None)
        if standard is None:
            self._key_edited_by_hand = False
            self.key_edit.clear()
            self.label_edit.clear()
            self.label_edit.setFocus()
            return
        self.key_edit.setText(standard.key)
        self.label_edit.setText(field_label(standard.key, standard.label))
        self._select_category(standard.category)
        self.sensitive_check.setChecked(standard.sensitive)

    def _select_category(self, number: int) -> None:
        self.category_combo.setCurrentIndex(self.category_combo.findData(number))

    def _note_key_edited(self, _text: str) -> None:
        self._key_edited_by_hand = True

    def _suggest_key(self, label: str) -> None:
        if not self._key_edited_by_hand and not self.key_edit.isReadOnly():
            self.key_edit.setText(suggested_key(label))


class FieldHistoryDialog(QDialog):
    """The past values of one field with their dates, newest first.

    Values of a sensitive field stay masked until the user presses "Show values"; the page then
    logs the reveal through the core and calls :meth:`show_values`.

    Signals:
        reveal_requested(): the user asked to see the masked values.
    """

    reveal_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        label: str,
        sensitive: bool,
        entries: Sequence[HistoryEntry],
    ) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._masked = sensitive
        self.setWindowTitle(self.tr("History of “%1”").replace("%1", label))
        self.resize(520, 320)
        self.table = QTableWidget(len(self._entries), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Changed"), self.tr("Value")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.show_values_button = QPushButton(self.tr("Show values"))
        self.show_values_button.clicked.connect(self.reveal_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.show_values_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.show_values_button.setVisible(sensitive)  # after addButton, which shows it
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._fill()

    def show_values(self) -> None:
        self._masked = False
        self.show_values_button.hide()
        self._fill()

    def is_masked(self) -> bool:
        return self._masked

    def _fill(self) -> None:
        for row, entry in enumerate(self._entries):
            changed = QTableWidgetItem(local_date_time(entry.changed))
            value = QTableWidgetItem(MASK if self._masked else entry.value)
            value.setToolTip("" if self._masked else plain_tooltip(entry.value))
            changed.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, 0, changed)
            self.table.setItem(row, 1, value)
