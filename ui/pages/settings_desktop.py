"""The Settings page's "Appearance and desktop" group: light, dark or the system's appearance,
and the optional tray icon. Both belong to this computer, not to the vault: they are kept in the
app's settings (:mod:`ui.theme.appearance`, :mod:`ui.tray.setting`) and take effect at once."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QWidget

from ui.theme import appearance
from ui.theme.palettes import DARK, LIGHT
from ui.tray import setting as tray
from ui.tray.controller import tray_available
from ui.widgets.layout import secondary


class DesktopGroup(QGroupBox):
    """Picks the appearance and turns the tray icon on or off.

    Attributes (for tests): ``appearance_combo``, ``tray_check``, ``tray_note``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Appearance and desktop"))
        self.appearance_combo = QComboBox()
        self.appearance_combo.setAccessibleName(self.tr("Appearance"))
        for text, choice in (
            (self.tr("Same as the system"), appearance.FOLLOW_SYSTEM),
            (self.tr("Light"), LIGHT),
            (self.tr("Dark"), DARK),
        ):
            self.appearance_combo.addItem(text, choice)
        self.appearance_combo.setCurrentIndex(
            max(0, self.appearance_combo.findData(appearance.current_choice()))
        )
        self.appearance_combo.currentIndexChanged.connect(self._choose_appearance)
        self.tray_check = QCheckBox(self.tr("Show an icon in the system tray"))
        self.tray_check.setChecked(tray.wanted())
        self.tray_check.toggled.connect(self._set_tray)
        self.tray_note = secondary("")
        self._update_tray_note()
        form = QFormLayout(self)
        form.addRow(self.tr("Appearance:"), self.appearance_combo)
        form.addRow("", self.tray_check)
        form.addRow("", self.tray_note)

    def _choose_appearance(self, index: int) -> None:
        choice = self.appearance_combo.itemData(index)
        appearance.switch_to(choice if isinstance(choice, str) else appearance.FOLLOW_SYSTEM)

    def _set_tray(self, on: bool) -> None:
        tray.switch(on)
        self._update_tray_note()

    def _update_tray_note(self) -> None:
        available = tray_available()
        # Without a tray the option can still be turned off, never on.
        self.tray_check.setEnabled(available or self.tray_check.isChecked())
        if not available:
            text = self.tr("This desktop shows no system tray.")
        elif self.tray_check.isChecked():
            text = self.tr(
                "Closing the window keeps VRM Wallet running in the tray, with its reminders; "
                "the vault still locks by itself as set below. Quit from the icon's menu."
            )
        else:
            text = self.tr("Closing the window quits VRM Wallet and locks the vault.")
        self.tray_note.setText(text)
