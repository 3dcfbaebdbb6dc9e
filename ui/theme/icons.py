"""The app's line icons in the colours of the appearance in use.

The SVGs under ``resources/icons`` are drawn in one ink (:data:`INK`, a dark teal) with details
in a paper colour (:data:`PAPER`). Dark teal on a dark window reads at 2.6:1, under WCAG's 3:1
for what is not text; on a selected row's blue it hardly shows. So each icon is drawn at paint
time (an icon engine) in the inks of the palette in use: light teal in the dark appearance, the
selection's text colour on a selected row, the disabled text colour when disabled. A change of
appearance repaints them, with no icon to rebuild.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ui.theme.palettes import DARK, LIGHT, scheme_of

INK = "#1e6f6a"
PAPER = "#e9f5f3"
# (ink, paper) per scheme; the dark ink reads at 6:1 on the dark window and 7:1 on its base.
_INKS = MappingProxyType({LIGHT: (INK, PAPER), DARK: ("#5cc2b8", "#1f3b38")})


def inks_for(mode: QIcon.Mode, palette: QPalette | None = None) -> tuple[str, str]:
    """The (ink, paper) colours an icon in ``mode`` is drawn with on ``palette``."""
    palette = palette if palette is not None else QGuiApplication.palette()
    if mode == QIcon.Mode.Selected:
        return (
            palette.color(QPalette.ColorRole.HighlightedText).name(),
            palette.color(QPalette.ColorRole.Highlight).name(),
        )
    ink, paper = _INKS[scheme_of(palette)]
    if mode == QIcon.Mode.Disabled:
        disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        return disabled.name(), paper
    return ink, paper


class ThemedSvgEngine(QIconEngine):
    """Draws one SVG icon in the inks of the palette in use (see the module's docstring)."""

    def __init__(self, svg: str) -> None:
        super().__init__()
        self._svg = svg
        self._renderers: dict[tuple[str, str], QSvgRenderer] = {}

    def _renderer(self, inks: tuple[str, str]) -> QSvgRenderer:
        renderer = self._renderers.get(inks)
        if renderer is None:
            ink, paper = inks
            inked = self._svg.replace(INK, ink).replace(PAPER, paper)
            renderer = self._renderers[inks] = QSvgRenderer(QByteArray(inked.encode()))
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(inks_for(mode)).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return ThemedSvgEngine(self._svg)


def themed_icon(path: Path) -> QIcon:
    """The icon drawn from the SVG at ``path`` in the appearance's inks."""
    return QIcon(ThemedSvgEngine(path.read_text(encoding="utf-8")))
