"""A focus ring that can be seen: a 2 px frame around whichever control has the keyboard focus.

Fusion marks the focused control with a faint outline (issue 14: "focus rings are nearly
invisible"). One ring follows the focus through every window of the app: a transparent widget
on top of the focused control's window that paints only a frame just outside the control (Qt's
QFocusFrame lives in the control's parent, which cuts it off where the control fills its parent,
as a page's table does). Its colour is the palette's highlight when that stands out from the
window's background (a contrast of at least 3:1, WCAG's rule for what is not text), else the text
colour, so it reads in light and dark palettes alike, chosen again when the appearance changes
(:mod:`ui.theme`). The controls keep Fusion's look.

The ring also applies :mod:`ui.accessibility`'s rules to the control that takes the focus (Tab
leaves it; it has a name), so a widget built after its window was prepared follows them too.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QColor, QPalette, QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from ui.accessibility import prepare_control
from ui.theme.contrast import NON_TEXT_CONTRAST, contrast_ratio

__all__ = ["MIN_CONTRAST", "FocusRing", "contrast_ratio", "install_focus_ring", "ring_colour"]

RING_WIDTH = 2
MIN_CONTRAST = NON_TEXT_CONTRAST
_PALETTE_CHANGE = int(getattr(QEvent.Type.PaletteChange, "value", QEvent.Type.PaletteChange))
# What moves or hides the focused control: then the ring follows (after the layout settles).
_FOLLOWED_EVENTS = frozenset(
    int(getattr(kind, "value", kind))
    for kind in (
        QEvent.Type.Move,
        QEvent.Type.Resize,
        QEvent.Type.Show,
        QEvent.Type.Hide,
        QEvent.Type.ParentChange,
    )
)


class RingWidget(QWidget):
    """The painted ring: a band :data:`RING_WIDTH` wide just outside the control.

    The widget is masked to the band, so clicks inside the control reach it (and no attribute
    from PySide6's Qt namespace is needed, which the first window must not pay for).
    """

    def __init__(self, parent: QWidget, *, on_palette_change: Callable[[], None]) -> None:
        super().__init__(parent)
        # Filled with its palette's window colour (no paintEvent: QPainter's overloads would
        # build the Qt namespace at the first window's first paint).
        self.setAutoFillBackground(True)
        self._on_palette_change = on_palette_change

    def changeEvent(self, event: QEvent) -> None:
        """The app's palette changed (light to dark): the ring chooses its colour again."""
        kind = event.type()
        if int(getattr(kind, "value", kind)) == _PALETTE_CHANGE:
            self._on_palette_change()
        super().changeEvent(event)

    @property
    def colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Window)

    @colour.setter
    def colour(self, colour: QColor) -> None:
        if colour != self.colour:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Window, colour)
            self.setPalette(palette)

    def surround(self, around: QRect, shown: QRect) -> None:
        """Draw around ``around`` (in the parent's coordinates), only within ``shown``."""
        self.setGeometry(shown)
        outer = around.translated(-shown.topLeft())
        inner = outer.adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
        self.setMask(QRegion(outer).subtracted(QRegion(inner)))


class FocusRing(QObject):
    """Draws the ring around the focused control of any window of ``app``.

    Attributes (for tests): ``ring`` (the :class:`RingWidget`, or ``None`` before the first
    focus; it lives in the focused control's window, and a new one is made when that window is
    deleted), ``target`` (the control it surrounds, or ``None``).
    """

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ring: RingWidget | None = None
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        self._place_timer = QTimer(self, singleShot=True, interval=0)
        self._place_timer.timeout.connect(self._place)
        app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._unwatch()
        self.target = None if new is None or new.isWindow() else new
        if self.target is not None:
            prepare_control(self.target, focused=True)
            self._watch(self.target)
        self._place()

    def _watch(self, widget: QWidget) -> None:
        current: QWidget | None = widget
        while current is not None and not current.isWindow():
            current.installEventFilter(self)
            self._watched.append(current)
            current = current.parentWidget()

    def _unwatch(self) -> None:
        for widget in self._watched:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self._watched.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if int(getattr(kind, "value", kind)) in _FOLLOWED_EVENTS:
            self._place_timer.start()
        return False

    def _place(self) -> None:
        target = self.target
        ring = self.ring if self.ring is not None and shiboken6.isValid(self.ring) else None
        if target is None or not shiboken6.isValid(target) or not target.isVisible():
            if ring is not None:
                ring.hide()
            return
        window = target.window()
        if ring is None or ring.parentWidget() is not window:
            if ring is not None:
                ring.hide()
                ring.deleteLater()
            ring = self.ring = RingWidget(window, on_palette_change=self._place_timer.start)
        around = QRect(target.mapTo(window, QPoint(0, 0)), target.size())
        around = around.adjusted(-RING_WIDTH, -RING_WIDTH, RING_WIDTH, RING_WIDTH)
        shown = around.intersected(_visible_area(target, window))
        if shown.isEmpty():
            ring.hide()
            return
        ring.colour = ring_colour(target.palette())
        ring.surround(around, shown)
        ring.raise_()
        ring.show()
        ring.update()


def _visible_area(widget: QWidget, window: QWidget) -> QRect:
    """The part of ``window`` where ``widget`` can show: inside every scroll area around it."""
    area = window.rect()
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            viewport = parent.viewport()
            area = area.intersected(QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size()))
        parent = parent.parentWidget()
    return area


def ring_colour(palette: QPalette) -> QColor:
    """The highlight colour if it stands out from the background enough, else the text's."""
    background = palette.color(QPalette.ColorRole.Window)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    if contrast_ratio(highlight, background) >= MIN_CONTRAST:
        return highlight
    return palette.color(QPalette.ColorRole.WindowText)


_ring: FocusRing | None = None


def install_focus_ring() -> FocusRing:
    """The app's one focus ring (made on first call; the app must exist)."""
    global _ring
    if _ring is None or not shiboken6.isValid(_ring):
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        _ring = FocusRing(app, app)
    return _ring
