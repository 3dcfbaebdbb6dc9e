"""Choosing a new passphrase: typed twice, rated live, weak ones acknowledged explicitly."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QWidget

from ui.widgets.password_field import PasswordField
from ui.widgets.strength_meter import StrengthMeter
from wallet.vault.passphrase_strength import MIN_PASSPHRASE_LENGTH


class NewPassphraseForm(QWidget):
    """Two passphrase fields, a strength meter and a "weak" acknowledgement.

    :meth:`is_acceptable` is true once the two entries match, the core's minimum length is met and
    a weak passphrase (zxcvbn score below 3) has been acknowledged; ``validity_changed`` follows it.

    Attributes:
        passphrase, repeat: the two entries.
        meter: the strength meter under the first entry.
        weak_acknowledged: the "I understand this passphrase is weak" box (shown when weak).
        problem: a line saying what still keeps the passphrase from being accepted.
    """

    validity_changed = Signal(bool)

    def __init__(self, *, first_label: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._acceptable = False
        self.passphrase = PasswordField()
        self.repeat = PasswordField()
        self.meter = StrengthMeter()
        self.weak_acknowledged = QCheckBox(self.tr("I understand this passphrase is weak"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: palette(placeholder-text);")
        layout = self._layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(first_label or self.tr("New passphrase:"), self.passphrase)
        layout.addRow("", self.meter)
        layout.addRow(self.tr("Repeat it:"), self.repeat)
        layout.addRow("", self.weak_acknowledged)
        layout.addRow("", self.problem)
        self.passphrase.textChanged.connect(self._on_passphrase_edited)
        self.repeat.textChanged.connect(self._refresh)
        self.weak_acknowledged.toggled.connect(self._refresh)
        self._refresh()  # the meter already shows the empty passphrase: not rated twice

    def add_leading_row(self, label: str, field: QWidget) -> None:
        """Put another labelled field above the passphrase, aligned with the form's columns."""
        self._layout.insertRow(0, label, field)

    def text(self) -> str:
        """The chosen passphrase (check :meth:`is_acceptable` first)."""
        return self.passphrase.text()

    def is_acceptable(self) -> bool:
        return self._acceptable

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.weak_acknowledged.setChecked(False)

    def _on_passphrase_edited(self, text: str) -> None:
        self.meter.update_for(text)
        self.weak_acknowledged.setChecked(False)
        self._refresh()

    def _is_weak(self) -> bool:
        strength = self.meter.strength
        return strength is not None and strength.is_weak

    def _refresh(self) -> None:
        weak = self._is_weak()
        self.weak_acknowledged.setVisible(weak)
        message = self._problem_text(weak)
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        acceptable = not message
        if acceptable != self._acceptable:
            self._acceptable = acceptable
            self.validity_changed.emit(acceptable)

    def _problem_text(self, weak: bool) -> str:
        first, second = self.passphrase.text(), self.repeat.text()
        if len(first) < MIN_PASSPHRASE_LENGTH:
            return self.tr("Use at least %1 characters; a few random words work well.").replace(
                "%1", str(MIN_PASSPHRASE_LENGTH)
            )
        if not second:
            return self.tr("Type the passphrase again to confirm it.")
        if first != second:
            return self.tr("The two passphrases are different.")
        if weak and not self.weak_acknowledged.isChecked():
            return self.tr("This passphrase is weak: choose a stronger one or tick the box above.")
        return ""
