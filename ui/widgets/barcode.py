"""Scannable codes for loyalty cards, drawn in memory: QR with segno, 1-D codes with python-barcode.

python-barcode computes the bar pattern (check digits, start/stop symbols); we paint the modules
ourselves, crisp and with the standard quiet zones, so no image library is needed. PDF417 and Aztec
have no renderer here: the card then shows the value as text and says that it cannot draw it.
"""

from __future__ import annotations

import barcode
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui.widgets.qr import qr_pixmap
from ui.widgets.tooltip import plain_tooltip
from wallet.loyalty.models import TEXT_ONLY_BARCODE_TYPES, barcode_problem

LINEAR_QUIET_MODULES = 10
LINEAR_MODULE_PIXELS = 2
LINEAR_HEIGHT_PIXELS = 70
_LIBRARY_NAMES = {"code128": "code128", "ean13": "ean13", "upca": "upca", "code39": "code39"}


def linear_modules(kind: str, value: str) -> str:
    """The bar pattern of a 1-D code: "1" for a dark module, "0" for a light one."""
    problem = barcode_problem(kind, value)
    if problem:
        raise ValueError(problem)
    code_class = barcode.get_barcode_class(_LIBRARY_NAMES[kind])
    code = code_class(value, add_checksum=False) if kind == "code39" else code_class(value)
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


def code_pixmap(kind: str, value: str) -> QPixmap | None:
    """The code as a pixmap, or ``None`` for a type that is not drawn here."""
    if kind in TEXT_ONLY_BARCODE_TYPES or not value:
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
