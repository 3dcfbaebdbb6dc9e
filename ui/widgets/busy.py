"""A busy indicator: an indeterminate progress bar shown only while work is under way."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QWidget


class BusyIndicator(QProgressBar):
    """An indeterminate ("marquee") progress bar that hides itself when not busy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setMaximumHeight(8)
        self.setAccessibleName(self.tr("Working…"))
        self.setVisible(False)

    def set_busy(self, busy: bool) -> None:
        """Show the indicator while ``busy``, hide it otherwise."""
        self.setVisible(busy)

    @property
    def is_busy(self) -> bool:
        return not self.isHidden()
