"""Small layout helpers shared by the screens and pages.

The first window uses these, so they set the text format by name, through Qt's property system:
the first use of PySide6's ``Qt`` namespace (``Qt.TextFormat.PlainText``) builds all its enums,
~20 ms of that window.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

CARD_WIDTH = 520


def heading(text: str) -> QLabel:
    """A large bold label for the top of a screen (plain text, like :func:`secondary`)."""
    label = QLabel(text)
    label.setProperty("textFormat", "PlainText")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def secondary(text: str) -> QLabel:
    """A word-wrapped label in the palette's quieter text colour.

    Plain text: it also shows reasons written by other software (the OS keyring's, the screen
    lock watcher's), which Qt would read as markup if they looked like it.
    """
    label = QLabel(text)
    label.setProperty("textFormat", "PlainText")
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class CheckCaption(QLabel):
    """The text of a check box, word-wrapped beside a box whose own text is empty.

    A QCheckBox's text never wraps, so a long one (a clause title in Spanish) sets the minimum
    width of everything around it. The caption wraps instead; clicking it toggles the box as
    clicking the box's own text would, and it is the box's accessible name (a screen reader says
    it; the box keeps the keyboard focus and Space). Lay both out with :func:`check_with_caption`.
    """

    def __init__(self, check: QCheckBox, text: str = "") -> None:
        super().__init__()
        self.check = check
        self.setProperty("textFormat", "PlainText")
        self.setWordWrap(True)
        self.setBuddy(check)
        self.set_caption(text)

    def set_caption(self, text: str) -> None:
        """Show ``text`` and make it the box's accessible name."""
        self.setText(text)
        self.check.setAccessibleName(text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        from PySide6.QtCore import Qt

        inside = self.rect().contains(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and inside and self.check.isEnabled():
            self.check.setFocus(Qt.FocusReason.MouseFocusReason)
            self.check.click()
        super().mouseReleaseEvent(event)


def check_with_caption(check: QCheckBox, caption: CheckCaption) -> QHBoxLayout:
    """A row with ``check`` (at the top, as a box beside a paragraph sits) and its caption, which
    takes the rest of the width."""
    from PySide6.QtCore import Qt

    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(check, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(caption, 1)
    return row


def centred_card(content: QWidget, parent: QWidget, *, width: int = CARD_WIDTH) -> None:
    """Lay ``content`` out in the middle of ``parent`` at a comfortable reading width."""
    content.setMaximumWidth(width)
    outer = QVBoxLayout(parent)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(content, 100)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)


def fit_stack_to_current(stack: QStackedWidget) -> None:
    """Make ``stack`` as tall as its current page (not its tallest), now and on every switch.

    A stacked widget sizes itself for its largest page, which leaves a short page floating in
    empty space; ignoring the hidden pages' size hints avoids that.
    """

    def fit(current: int) -> None:
        for index in range(stack.count()):
            policy = (
                QSizePolicy.Policy.Preferred if index == current else QSizePolicy.Policy.Ignored
            )
            page = stack.widget(index)
            if page is not None:
                page.setSizePolicy(policy, policy)
        stack.updateGeometry()

    stack.currentChanged.connect(fit)
    fit(stack.currentIndex())


def content_or_empty(content: QWidget, message: str) -> tuple[QStackedWidget, QLabel]:
    """A stack showing ``content`` or, centred in its place, the rich-text ``message`` (what to
    do when there is nothing to show yet). It starts on the message; pages switch with
    ``setCurrentWidget``."""
    from PySide6.QtCore import Qt

    empty = QLabel(message)
    empty.setWordWrap(True)
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    stack = QStackedWidget()
    stack.addWidget(content)
    stack.addWidget(empty)
    stack.setCurrentWidget(empty)
    return stack, empty


WINDOW_FRAME_ALLOWANCE = 48  # title bar and borders the window manager adds around a window


def size_for_screen(widget: QWidget, preferred: QSize) -> QSize:
    """``preferred``, made smaller where the screen ``widget`` is on (or the primary one) has
    less room: what a window or dialog should open at instead of a fixed minimum size, so that
    it fits a 1024×640 laptop screen and larger fonts."""
    from PySide6.QtGui import QGuiApplication

    room = (widget.screen() or QGuiApplication.primaryScreen()).availableGeometry().size()
    room = QSize(room.width() - WINDOW_FRAME_ALLOWANCE // 2, room.height() - WINDOW_FRAME_ALLOWANCE)
    return preferred.boundedTo(room).expandedTo(widget.minimumSizeHint())
