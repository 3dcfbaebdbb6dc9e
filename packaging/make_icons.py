"""Draws the app icon (``resources/icons/vrm-wallet.svg``) at the hicolor theme's usual sizes.

Run once after the icon changes, and commit what it writes::

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

It writes ``resources/icons/hicolor/<N>x<N>/apps/vrm-wallet.png`` for each size and copies the SVG
to ``resources/icons/hicolor/scalable/apps/``, the layout a distribution, a Flatpak or a frozen app
installs under ``share/icons/hicolor`` (the desktop entry's ``Icon=vrm-wallet``). The wheel ships
them as data files of ``vrm_wallet_resources``. ``tests/test_desktop_files.py`` checks them.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_NAME = "vrm-wallet"
SIZES = (16, 32, 48, 64, 128, 256)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
HICOLOR = ICONS / "hicolor"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The icon drawn on a transparent square of ``size`` pixels, antialiased."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    """Writes every size and the scalable copy; 1 if the SVG cannot be read."""
    _application = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    source = ICONS / f"{ICON_NAME}.svg"
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        print(f"error: cannot read {source}", file=sys.stderr)
        return 1
    for size in SIZES:
        target = HICOLOR / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target), "PNG"):
            print(f"error: cannot write {target}", file=sys.stderr)
            return 1
        print(f"wrote {target.relative_to(ICONS.parents[1])}")
    scalable = HICOLOR / "scalable" / "apps" / f"{ICON_NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)
    print(f"wrote {scalable.relative_to(ICONS.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
