"""A focus ring that can be seen: a 2 px frame around whichever control has the keyboard focus.

Fusion marks the focused control with a faint outline (issue 14: "focus rings are nearly
invisible"). One :class:`QFocusFrame` follows the focus through every window of the app; its
colour is the palette's highlight when that stands out from the window's background (a contrast
of at least 3:1, WCAG's rule for what is not text), else the text colour, so it reads in light and
dark palettes alike. Only the frame is styled: the controls keep Fusion's look.

The ring also applies :mod:`ui.accessibility`'s rules to the control that takes the focus (Tab
leaves it; it has a name), so a widget built after its window was prepared follows them too.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFocusFrame, QWidget

from ui.accessibility import prepare_control

RING_WIDTH = 2
MIN_CONTRAST = 3.0


class FocusRing(QObject):
    """Draws the ring around the focused control of any window of ``app``.

    Attributes (for tests): ``frame`` (the current frame, or ``None`` before the first focus;
    a frame goes when the window holding it is deleted, and a new one is made).
    """

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.frame: QFocusFrame | None = None
        self._colour = ""
        app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        frame = self.frame if self.frame is not None and shiboken6.isValid(self.frame) else None
        if new is None or new.isWindow():
            if frame is not None:
                frame.setWidget(None)  # type: ignore[arg-type]  # None lets go of the widget
            return
        prepare_control(new, focused=True)
        if frame is None:
            frame = self.frame = QFocusFrame()
            self._colour = ""
        colour = ring_colour(new.palette()).name()
        if colour != self._colour:
            self._colour = colour
            frame.setStyleSheet(
                f"QFocusFrame {{ border: {RING_WIDTH}px solid {colour}; border-radius: 3px; }}"
            )
        frame.setWidget(new)


def ring_colour(palette: QPalette) -> QColor:
    """The highlight colour if it stands out from the background enough, else the text's."""
    background = palette.color(QPalette.ColorRole.Window)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    if contrast_ratio(highlight, background) >= MIN_CONTRAST:
        return highlight
    return palette.color(QPalette.ColorRole.WindowText)


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


_ring: FocusRing | None = None


def install_focus_ring() -> FocusRing:
    """The app's one focus ring (made on first call; the app must exist)."""
    global _ring
    if _ring is None or not shiboken6.isValid(_ring):
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        _ring = FocusRing(app, app)
    return _ring
