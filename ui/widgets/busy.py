"""A busy indicator: an indeterminate progress bar shown only while work is under way."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressBar, QWidget


class BusyIndicator(QProgressBar):
    """An indeterminate ("marquee") progress bar that hides itself when not busy.

    With ``show_delay_ms`` it appears only once work has lasted that long, so the many short
    page fetches of a scrolling table do not make it flicker.
    """

    def __init__(self, parent: QWidget | None = None, *, show_delay_ms: int = 0) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setMaximumHeight(8)
        self.setAccessibleName(self.tr("Working…"))
        self.setVisible(False)
        self._busy = False
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(show_delay_ms)
        self._show_timer.timeout.connect(lambda: self.setVisible(self._busy))

    def set_busy(self, busy: bool) -> None:
        """Show the indicator while ``busy`` (after the delay, if any), hide it otherwise."""
        self._busy = busy
        if not busy:
            self._show_timer.stop()
            self.setVisible(False)
        elif self._show_timer.interval() <= 0:
            self.setVisible(True)
        elif not self._show_timer.isActive() and self.isHidden():
            self._show_timer.start()

    @property
    def is_busy(self) -> bool:
        """True while work is under way, whether or not the delay has shown the bar yet."""
        return self._busy
