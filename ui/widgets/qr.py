"""QR codes rendered with segno, kept in memory (never written to disk)."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

QUIET_ZONE_MODULES = 4


def qr_png_bytes(text: str, *, scale: int = 6) -> bytes:
    """A PNG of ``text`` as a QR code (error correction M, the standard quiet zone)."""
    code = segno.make_qr(text, error="m", boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=QUIET_ZONE_MODULES)
    return buffer.getvalue()


def qr_modules(text: str) -> int:
    """How many modules wide (and high) the QR code of ``text`` is, quiet zone included."""
    width, _height = segno.make_qr(text, error="m", boost_error=False).symbol_size(
        scale=1, border=QUIET_ZONE_MODULES
    )
    return int(width)


def qr_image(text: str, *, scale: int = 6) -> QImage:
    """``text`` as a QR code image, ``scale`` pixels per module (null if rendering failed)."""
    image = QImage()
    image.loadFromData(qr_png_bytes(text, scale=scale), "PNG")
    return image


def qr_pixmap(text: str, *, scale: int = 6) -> QPixmap:
    """``text`` as a QR code pixmap (null if rendering failed)."""
    pixmap = QPixmap()
    pixmap.loadFromData(qr_png_bytes(text, scale=scale), "PNG")
    return pixmap


class QrCodeLabel(QLabel):
    """A label showing a QR code of the text given to :meth:`set_text`."""

    def __init__(self, *, scale: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scale = scale
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_text(self, text: str) -> None:
        """Show ``text`` as a QR code, or nothing for an empty text."""
        if not text:
            self.clear()
            return
        self.setPixmap(qr_pixmap(text, scale=self._scale))
        self.setAccessibleName(self.tr("QR code"))
