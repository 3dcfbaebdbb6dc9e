"""A loyalty card as the Loyalty page lists it, ready for the till.

Program, vendor, tier, points, its code with exactly the text it encodes under it, whether it
has expired or expires soon, and its actions (show at the till, edit, delete).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QVBoxLayout, QWidget

from ui.i18n.formats import local_date
from ui.text import escape_html
from ui.widgets.barcode import CodeView
from wallet.loyalty.expiry import CardExpiry
from wallet.loyalty.models import Membership

CARD_WIDTH = 300


class MembershipCard(QFrame):
    """One card: program, vendor, tier, points, expiry, its code, and its actions.

    An expired or expiring card says so in words beside a warning icon (never by colour alone),
    with the date in the locale's format. The text under the code is exactly what it encodes.

    Attributes: ``membership``, ``expiry``, ``code_view``, ``code_text``, ``expiry_label``
    (hidden for a valid card), ``till_button``, ``edit_button``, ``delete_button``.
    """

    def __init__(
        self,
        membership: Membership,
        parent: QWidget | None = None,
        *,
        expiry: CardExpiry | None = None,
    ) -> None:
        super().__init__(parent)
        self.membership = membership
        self.expiry = expiry
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(f"<b>{escape_html(membership.program)}</b>")
        vendor = QLabel(escape_html(membership.vendor))
        details = []
        if membership.tier:
            details.append(self.tr("Tier: %1").replace("%1", membership.tier))
        if membership.points_balance is not None:
            details.append(self.tr("Points: %1").replace("%1", str(membership.points_balance)))
        if membership.expiry and (expiry is None or expiry.state == "valid"):
            details.append(self.tr("Expires %1").replace("%1", local_date(membership.expiry)))
        info = QLabel(" · ".join(details))
        info.setWordWrap(True)  # longer in Spanish and Italian than the card is wide
        self.code_view = CodeView()
        self.code_view.set_code(membership.barcode_type, membership.code_value)
        self.code_text = QLabel(membership.code_value)  # exactly what the code encodes
        self.code_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        number = QLabel()
        if membership.member_number != membership.code_value:
            number.setText(self.tr("Member number: %1").replace("%1", membership.member_number))
        for label in (info, number, self.code_text):  # text from imported files: never HTML
            label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(vendor)
        if details:
            layout.addWidget(info)
        layout.addLayout(self._expiry_row(expiry))
        layout.addWidget(self.code_view)
        layout.addWidget(self.code_text)
        if number.text():
            layout.addWidget(number)
        buttons = self._buttons()
        layout.addLayout(buttons)
        # Wider when its buttons need it (longer words in Spanish, larger fonts).
        margins = layout.contentsMargins()
        needed = buttons.sizeHint().width() + margins.left() + margins.right()
        self.setFixedWidth(max(CARD_WIDTH, needed + 2 * self.frameWidth()))

    def _expiry_row(self, expiry: CardExpiry | None) -> QHBoxLayout:
        """An icon and words for an expired or expiring card (hidden otherwise)."""
        self.expiry_icon = QLabel()
        self.expiry_label = QLabel()
        self.expiry_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.expiry_icon)
        row.addWidget(self.expiry_label, 1)
        if expiry is None or expiry.expiry is None or expiry.state == "valid":
            self.expiry_icon.hide()
            self.expiry_label.hide()
            return row
        day = local_date(expiry.expiry)
        if expiry.state == "expired":
            text = self.tr("Expired on %1")
            icon = QStyle.StandardPixmap.SP_MessageBoxCritical
        else:
            text = self.tr("Expires soon: %1")
            icon = QStyle.StandardPixmap.SP_MessageBoxWarning
        self.expiry_label.setText(f"<b>{escape_html(text.replace('%1', day))}</b>")
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.expiry_icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.expiry_icon.setAccessibleName(self.tr("Warning"))
        return row

    def _buttons(self) -> QHBoxLayout:
        self.till_button = QToolButton()
        self.till_button.setText(self.tr("Show at the till"))
        self.till_button.setToolTip(
            self.tr("Show the code full-screen for the cashier's scanner (Enter on a card)")
        )
        self.edit_button = QToolButton()
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button = QToolButton()
        self.delete_button.setText(self.tr("Delete…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.till_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        return buttons
