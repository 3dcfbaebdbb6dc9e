"""The clause picker of My terms: one row per catalogue clause, a check box with its title and an
editor per parameter, retitled when the terms' language changes (see :mod:`ui.pages.terms_page`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ui.widgets.layout import CheckCaption, check_with_caption
from wallet.terms import CatalogueClause, Language
from wallet.terms.catalogue import ParamSpec

ParamEditor = QSpinBox | QComboBox | QLineEdit
MIN_COMBO_CHARACTERS = 14
PARAM_LABEL_WIDTH = 100  # lines the parameter editors up under the titles


class ClauseRow(QWidget):
    """One catalogue clause: a check box with its title and an editor per parameter.

    The title is a word-wrapped caption beside the box (``title``), not the box's own text: a
    title in Spanish or Italian would otherwise make the page wider than a laptop's screen.
    """

    def __init__(self, clause: CatalogueClause, language: Language, parent: QWidget | None = None):
        super().__init__(parent)
        self.clause = clause
        self.check = QCheckBox()
        self.check.setToolTip(clause.id)
        self.title = CheckCaption(self.check, clause.title.get(language))
        self.title.setToolTip(clause.id)
        self.editors: dict[str, ParamEditor] = {}
        self.labels: dict[str, QLabel] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addLayout(check_with_caption(self.check, self.title), 0, 0, 1, 2)
        for row, param in enumerate(clause.params, start=1):
            editor = _editor_for(param, language)
            editor.setEnabled(False)
            self.check.toggled.connect(editor.setEnabled)
            self.editors[param.name] = editor
            label = QLabel(param.label.get(language))
            label.setBuddy(editor)
            self.labels[param.name] = label
            layout.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight)
            layout.addWidget(editor, row, 1)
        layout.setColumnStretch(1, 1)
        layout.setColumnMinimumWidth(0, PARAM_LABEL_WIDTH)

    def params(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QSpinBox):
                values[name] = editor.value()
            elif isinstance(editor, QComboBox):
                values[name] = editor.currentData()
            else:
                values[name] = editor.text()
        return values

    def set_params(self, params: dict[str, object]) -> None:
        for name, value in params.items():
            editor = self.editors.get(name)
            if isinstance(editor, QSpinBox) and isinstance(value, int):
                editor.setValue(value)
            elif isinstance(editor, QComboBox):
                index = editor.findData(value)
                if index >= 0:
                    editor.setCurrentIndex(index)
            elif isinstance(editor, QLineEdit):
                editor.setText(str(value))

    def retitle(self, language: Language) -> None:
        """Show titles, parameter labels, units and enum labels in ``language`` (values are
        kept)."""
        self.title.set_caption(self.clause.title.get(language))
        for param in self.clause.params:
            self.labels[param.name].setText(param.label.get(language))
            editor = self.editors[param.name]
            if isinstance(editor, QSpinBox) and param.unit:
                editor.setSuffix(f" {param.unit_word(language)}")
            if isinstance(editor, QComboBox):
                for index, option in enumerate(param.options):
                    editor.setItemText(index, option.label.get(language))


def _editor_for(param: ParamSpec, language: Language) -> ParamEditor:
    if param.type == "int":
        spin = QSpinBox()
        spin.setRange(param.min or 0, param.max or 0)
        spin.setValue(int(param.default))
        if param.unit:
            spin.setSuffix(f" {param.unit_word(language)}")
        spin.setToolTip(
            QCoreApplication.translate("ClauseRow", "A whole number from %1 to %2")
            .replace("%1", str(param.min))
            .replace("%2", str(param.max))
        )
        return spin
    if param.type == "enum":
        combo = QComboBox()
        for option in param.options:
            combo.addItem(option.label.get(language), option.value)
        combo.setCurrentIndex(max(0, combo.findData(param.default)))
        # As wide as the column leaves it (the list shows whole labels): the page fits a laptop.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(MIN_COMBO_CHARACTERS)
        return combo
    line = QLineEdit(str(param.default))
    line.setMaxLength(param.max_length)
    return line


def connect_change(editor: ParamEditor, slot: object) -> None:
    """Call ``slot`` whenever ``editor``'s value changes."""
    if isinstance(editor, QSpinBox):
        editor.valueChanged.connect(slot)
    elif isinstance(editor, QComboBox):
        editor.currentIndexChanged.connect(slot)
    else:
        editor.textChanged.connect(slot)
