"""Home: what needs the person's attention now (consents and cards about to end, offers waiting,
messages failing, ends not confirmed), each with the way to it; and, when nothing does, what
will show here and where to start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.icons import icon
from ui.reminders.texts import action_text, reminder_text
from ui.reminders.watch import ReminderWatch
from wallet.reminders import Reminder

_ICONS = {  # the words say it all; the page's icon only helps the eye find its kind
    "card_expired": "loyalty",
    "consent_expiring": "consents",
    "card_expiring": "loyalty",
    "end_unconfirmed": "consents",
    "delivery_failing": "activity",
    "offers_waiting": "intentions",
}


class HomePage(QWidget):
    """The reminders of :class:`ReminderWatch`, most urgent first.

    Signals:
        open_requested(str, str): open what a reminder is about (its kind and subject).
        compose_requested(): "New intention…", the next step when nothing needs attention.
    """

    open_requested = Signal(str, str)
    compose_requested = Signal()

    def __init__(self, watch: ReminderWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reminders: list[Reminder] = []
        title = QLabel(self.tr("<h2>What needs your attention</h2>"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("What needs your attention"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_button())
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.empty_label = QLabel(
            self.tr(
                "Nothing needs your attention. Consents and loyalty cards about to end, offers "
                "waiting for your decision, messages that keep failing and vendors that have not "
                "confirmed the end of a consent show here."
            )
        )
        self.empty_label.setWordWrap(True)
        self.compose_button = QPushButton(self.tr("Say what you want: &new intention…"))
        self.compose_button.clicked.connect(self.compose_requested)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.compose_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)
        filled = QWidget()
        filled_layout = QVBoxLayout(filled)
        filled_layout.setContentsMargins(0, 0, 0, 0)
        filled_layout.addWidget(self.list, 1)
        filled_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        self.stack = QStackedWidget()
        self.stack.addWidget(empty)
        self.stack.addWidget(filled)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.stack, 1)
        watch.checked.connect(self.show_reminders)
        self.show_reminders(watch.due)

    def show_reminders(self, reminders: list[Reminder]) -> None:
        """Show ``reminders`` (most urgent first), keeping the selection where it can."""
        chosen = self.selected()
        self._reminders = list(reminders)
        self.list.clear()
        for reminder in self._reminders:
            item = QListWidgetItem(icon(_ICONS[reminder.kind]), reminder_text(reminder), self.list)
            item.setData(Qt.ItemDataRole.UserRole, reminder.key)
            item.setToolTip(action_text(reminder))
        keys = [reminder.key for reminder in self._reminders]
        row = keys.index(chosen.key) if chosen is not None and chosen.key in keys else 0
        self.list.setCurrentRow(row if self._reminders else -1)
        self.stack.setCurrentIndex(1 if self._reminders else 0)  # 0: nothing, and a next step
        self._update_button()

    def selected(self) -> Reminder | None:
        row = self.list.currentRow()
        return self._reminders[row] if 0 <= row < len(self._reminders) else None

    def texts(self) -> list[str]:
        """The reminders as shown (for tests)."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def open_selected(self) -> None:
        reminder = self.selected()
        if reminder is not None:
            self.open_requested.emit(reminder.kind, reminder.subject)

    def _update_button(self) -> None:
        reminder = self.selected()
        self.open_button.setEnabled(reminder is not None)
        self.open_button.setText(action_text(reminder) if reminder else self.tr("Open"))
