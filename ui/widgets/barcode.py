"""Scannable codes for loyalty cards, drawn in memory: QR with segno, 1-D codes with python-barcode.

python-barcode computes the bar pattern (start/stop symbols, parity); we paint the modules
ourselves, crisp and with the standard quiet zones, so no image library is needed. What a code
encodes comes from the core (:func:`wallet.loyalty.codes.encoded_value`): an EAN-13 card typed
with 12 digits is drawn, and printed, with its 13th. PDF417 and Aztec have no renderer here: the
card then shows the value as text and says that it cannot draw it.

:func:`fitted_code_image` draws a code as large as a given area allows with whole pixels per
module (never scaled afterwards: a smoothed module edge is what makes a scanner hesitate).
"""

from __future__ import annotations

import barcode
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui.widgets.qr import qr_image, qr_modules, qr_pixmap
from ui.widgets.tooltip import plain_tooltip
from wallet.loyalty.codes import encoded_value
from wallet.loyalty.models import TEXT_ONLY_BARCODE_TYPES

LINEAR_QUIET_MODULES = 10
LINEAR_MODULE_PIXELS = 2
LINEAR_HEIGHT_PIXELS = 70
# A 1-D code drawn to fit an area is at most this high for its width (bars taller than that add
# nothing a scanner needs).
LINEAR_HEIGHT_RATIO = 0.4
_LIBRARY_NAMES = {"code128": "code128", "ean13": "ean13", "upca": "upca", "code39": "code39"}


def linear_modules(kind: str, value: str) -> str:
    """The bar pattern of a 1-D code: "1" for a dark module, "0" for a light one."""
    encoded = encoded_value(kind, value)  # raises ValueError with the core's reason
    code_class = barcode.get_barcode_class(_LIBRARY_NAMES[kind])
    code = code_class(encoded, add_checksum=False) if kind == "code39" else code_class(encoded)
    return "".join(code.build())


def linear_image(
    kind: str,
    value: str,
    *,
    module_pixels: int = LINEAR_MODULE_PIXELS,
    height: int = LINEAR_HEIGHT_PIXELS,
) -> QImage:
    """A 1-D barcode as an image, black on white with quiet zones on both sides."""
    modules = linear_modules(kind, value)
    quiet = LINEAR_QUIET_MODULES * module_pixels
    image = QImage(len(modules) * module_pixels + 2 * quiet, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        for index, module in enumerate(modules):
            if module == "1":
                painter.fillRect(
                    QRect(quiet + index * module_pixels, 0, module_pixels, height),
                    QColor("black"),
                )
    finally:
        painter.end()
    return image


def can_draw(kind: str, value: str) -> bool:
    """Whether this app draws a ``kind`` code (PDF417 and Aztec are shown as text)."""
    return bool(value) and kind not in TEXT_ONLY_BARCODE_TYPES


def fitted_code_image(kind: str, value: str, area: QSize) -> QImage | None:
    """The code as large as fits in ``area``, whole pixels per module, quiet zones included.

    ``None`` for a type that is not drawn here, or an area too small for one pixel per module.
    """
    if not can_draw(kind, value):
        return None
    if kind == "qr":
        scale = min(area.width(), area.height()) // qr_modules(value)
        return qr_image(value, scale=scale) if scale >= 1 else None
    total = len(linear_modules(kind, value)) + 2 * LINEAR_QUIET_MODULES
    module_pixels = area.width() // total
    if module_pixels < 1:
        return None
    height = min(area.height(), round(total * module_pixels * LINEAR_HEIGHT_RATIO))
    return linear_image(kind, value, module_pixels=module_pixels, height=height)


def code_pixmap(kind: str, value: str) -> QPixmap | None:
    """The code at its size on a card, or ``None`` for a type that is not drawn here."""
    if not can_draw(kind, value):
        return None
    if kind == "qr":
        return qr_pixmap(value, scale=4)
    return QPixmap.fromImage(linear_image(kind, value))


class CodeView(QLabel):
    """Shows a membership's scannable code, or its value with a note when it cannot be drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("background: white; color: black; padding: 4px;")
        self.setTextFormat(Qt.TextFormat.PlainText)  # a code value may come from an imported file
        self.drawn = False

    def set_code(self, kind: str, value: str) -> None:
        try:
            pixmap = code_pixmap(kind, value)
        except ValueError:
            pixmap = None
        self.drawn = pixmap is not None and not pixmap.isNull()
        if self.drawn and pixmap is not None:
            self.setPixmap(pixmap)
            self.setToolTip(plain_tooltip(value))  # tooltips would read tags as HTML
            self.setAccessibleName(self.tr("Scannable code: %1").replace("%1", value))
        else:
            note = self.tr("This app cannot draw %1 codes; show the number instead.")
            self.setText(f"{value}\n{note.replace('%1', kind.upper())}")
            self.setWordWrap(True)
