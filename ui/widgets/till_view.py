"""A loyalty card shown at the till: its code full-screen, black on white, easy to scan.

A card's code on the Loyalty page is small; a cashier's scanner wants it large and with high
contrast. :class:`TillView` covers the screen with white (whatever the light or dark theme),
draws the code as large as fits with whole pixels per module and its quiet zone, and prints the
card's name and exactly the number the code encodes under it. Any key or a click closes it.

Screen brightness is not something a desktop app can set; the view says so in a short hint
rather than pretending.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QDialog, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.i18n.formats import local_date
from ui.widgets.barcode import can_draw, fitted_code_image
from wallet.loyalty.expiry import CardExpiry
from wallet.loyalty.models import Membership

# The share of the screen's height the code may take; the rest holds the name and number.
CODE_HEIGHT_SHARE = 0.62
MARGIN_PIXELS = 24
_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta}


class TillView(QDialog):
    """The card's code full-screen; closed by any key or a click.

    Attributes (for tests): ``code_label`` (the drawn code; its pixmap is the image shown),
    ``name_label``, ``number_label`` (the text the code encodes), ``expiry_label``,
    ``hint_label``; ``code_image_size`` is the drawn code's size in pixels (empty if the type is
    not drawn here).
    """

    def __init__(
        self,
        membership: Membership,
        *,
        expiry: CardExpiry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.membership = membership
        self._kind = membership.barcode_type
        self._value = membership.code_value
        self.code_image_size = QSize()
        self.setWindowTitle(self.tr("%1 at the till").replace("%1", membership.program))
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.setModal(True)
        self._paint_white()
        self.code_label = QLabel()
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.name_label = self._text_label(membership.program, point_size_factor=1.6, bold=True)
        self.number_label = self._text_label(self._value, point_size_factor=2.0, bold=False)
        self.number_label.setFont(self._number_font())
        self.number_label.setAccessibleName(self.tr("Card number"))
        self.number_label.setAccessibleDescription(self._value)
        self.number_label.setToolTip(self._value)
        self.expiry_label = self._text_label(self._expiry_text(expiry), 1.2, bold=True)
        self.expiry_label.setVisible(bool(self.expiry_label.text()))
        hint = self.tr(
            "Press any key or click to close. If the scanner cannot read it, turn up your "
            "screen's brightness: this app cannot change it."
        )
        self.hint_label = self._text_label(hint, point_size_factor=0.9, bold=False)
        self.hint_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN_PIXELS, MARGIN_PIXELS, MARGIN_PIXELS, MARGIN_PIXELS)
        layout.addWidget(self.code_label, 1)
        for label in (self.name_label, self.number_label, self.expiry_label, self.hint_label):
            layout.addWidget(label)
        if not can_draw(self._kind, self._value):
            self.code_label.setText(
                self.tr("This app cannot draw %1 codes; show the number instead.").replace(
                    "%1", self._kind.upper()
                )
            )
        self.code_label.setAccessibleName(
            self.tr("Scannable code of %1").replace("%1", membership.program)
        )

    # ------------------------------------------------------------------ building

    def _paint_white(self) -> None:
        """Black on white whatever the theme: a scanner needs the contrast, not the style."""
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Window, QColor("white"))
            palette.setColor(group, QPalette.ColorRole.WindowText, QColor("black"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setStyleSheet("QDialog, QLabel { background: white; color: black; }")

    def _text_label(self, text: str, point_size_factor: float, *, bold: bool) -> QLabel:
        label = QLabel(text)
        # A long name or value (a QR code's web address) must not widen the window past the
        # screen: it is elided to the width instead (see _fit_texts).
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setTextFormat(Qt.TextFormat.PlainText)  # names and numbers may come from a file
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(label.font())
        font.setPointSizeF(max(1.0, font.pointSizeF()) * point_size_factor)
        font.setBold(bold)
        label.setFont(font)
        return label

    def _number_font(self) -> QFont:
        font = QFont(self.number_label.font())
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFamily("monospace")
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        return font

    def _expiry_text(self, expiry: CardExpiry | None) -> str:
        if expiry is None or expiry.expiry is None or expiry.state == "valid":
            return ""
        day = local_date(expiry.expiry)
        if expiry.state == "expired":
            return self.tr("⚠ This card expired on %1").replace("%1", day)
        return self.tr("⚠ This card expires on %1").replace("%1", day)

    # ------------------------------------------------------------------ drawing

    def _draw_code(self) -> None:
        """Draw the code as large as the space above the name allows."""
        if not can_draw(self._kind, self._value):
            return
        margins = 2 * MARGIN_PIXELS
        area = QSize(
            max(0, self.width() - margins),
            max(0, round(self.height() * CODE_HEIGHT_SHARE) - margins),
        )
        image = fitted_code_image(self._kind, self._value, area)
        if image is None or image.isNull():
            self.code_image_size = QSize()
            self.code_label.setText(self.tr("The window is too small to draw this code."))
            return
        self.code_image_size = image.size()
        self.code_label.setPixmap(QPixmap.fromImage(image))

    def _fit_texts(self) -> None:
        """The name and number in full, or elided in the middle if wider than the window."""
        width = max(0, self.width() - 2 * MARGIN_PIXELS)
        for label, text in (
            (self.name_label, self.membership.program),
            (self.number_label, self._value),
        ):
            metrics = label.fontMetrics()
            label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._draw_code()
        self._fit_texts()

    # ------------------------------------------------------------------ closing

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if Qt.Key(event.key()) in _MODIFIER_KEYS:
            return  # the first half of a shortcut, not a request to close
        self.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.accept()

    def show_full_screen(self) -> None:
        """Show over the whole screen of the parent window.

        The geometry is set as well as the full-screen state: without a window manager (a kiosk
        session, Xvfb) the state alone leaves a small window.
        """
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        self.setGeometry(screen.geometry())
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.show()
        self.activateWindow()
        self.raise_()
