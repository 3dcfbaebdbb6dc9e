"""Messages that could not be delivered, shown on the Activity page, with a Retry button.

The list comes from :class:`wallet.outbox.dead_letters.DeadLetters` through the vault runner
(nothing here reads the database). Messages a vendor refused, or sent to a vendor that is gone,
are shown with the reason; those the wallet itself could not handle (dead letters, answers it
could not read) can be retried: they are queued again and go out with the next delivery.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.background import while_alive
from ui.i18n.activity_words import details_text, message_kind_name
from ui.i18n.formats import local_date_time
from ui.tasks import VaultRunner
from ui.widgets.messages import InlineMessage, error_text
from ui.widgets.tables import small_table
from wallet.errors import VaultLocked
from wallet.outbox.dead_letters import DeadLetters, OutboxEntry, RetryResult

MAX_SHOWN = 200
ROWS_SHOWN = 6


class UndeliveredMessages(QGroupBox):
    """The not-delivered outbox messages, newest first; hidden while there are none.

    Signals:
        loaded(int): the list was (re)loaded with this many messages.

    Attributes (for tests): ``table``, ``retry_button``, ``note`` (what the last action did),
    ``entries`` (the messages shown, in table order).
    """

    loaded = Signal(int)

    def __init__(self, runner: VaultRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Messages that could not be delivered"), parent)
        self._runner = runner
        self.entries: list[OutboxEntry] = []
        self.table = small_table(
            [self.tr("Message"), self.tr("Vendor"), self.tr("State"), self.tr("Why")]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.retry_button = QPushButton(self.tr("&Retry"))
        self.retry_button.setToolTip(
            self.tr(
                "Send again the selected messages the wallet could not handle "
                "(all of them when none is selected)"
            )
        )
        self.note = InlineMessage()
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retry_button.clicked.connect(self._retry)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.hide()

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the messages again (on the vault worker)."""
        self._runner.run(
            lambda vault: DeadLetters(vault).list(not_delivered=True, limit=MAX_SHOWN),
            on_success=while_alive(self, self._show_entries),
            on_error=while_alive(self, self._failed),
        )

    def clear(self) -> None:
        """Forget what is shown (the vault was locked)."""
        self.entries = []
        self.table.setRowCount(0)
        self.note.clear()
        self.hide()

    def _show_entries(self, entries: list[OutboxEntry]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate(
                (
                    self._kind_text(entry),
                    entry.vendor_id,
                    self._state_text(entry),
                    details_text(entry.reason),
                )
            ):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        self._fit_table()
        self.setVisible(bool(entries) or bool(self.note.text()))
        self._update_button()
        self.loaded.emit(len(entries))

    def _fit_table(self) -> None:
        """As tall as its rows up to :data:`ROWS_SHOWN`; more rows scroll inside it."""
        rows = max(1, min(len(self.entries), ROWS_SHOWN))
        header = self.table.horizontalHeader().sizeHint().height()
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header + rows * row + 2 * self.table.frameWidth())

    def _kind_text(self, entry: OutboxEntry) -> str:
        when = local_date_time(entry.created)
        kind = message_kind_name(entry.kind) or entry.kind
        return f"{kind} #{entry.id} · {when}"

    def _state_text(self, entry: OutboxEntry) -> str:
        words = {
            "dead": self.tr("could not be handled"),
            "unreadable": self.tr("answer could not be read"),
            "failed": self.tr("not delivered"),
            "disabled": self.tr("vendor disabled"),
            "blocked": self.tr("waiting behind one that could not be handled"),
        }
        return words.get(entry.state, entry.state)

    # ------------------------------------------------------------------ retrying

    def _chosen(self) -> list[int]:
        """The retryable messages selected, or every retryable one when none is selected."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        chosen = [self.entries[row] for row in sorted(rows)] if rows else self.entries
        return [entry.id for entry in chosen if entry.retryable]

    def _update_button(self) -> None:
        self.retry_button.setEnabled(bool(self._chosen()))

    def _retry(self) -> None:
        ids = self._chosen()
        if not ids:
            return
        self.retry_button.setEnabled(False)
        self._runner.run(
            lambda vault: DeadLetters(vault).retry(ids),
            on_success=while_alive(self, self._retried),
            on_error=while_alive(self, self._failed),
        )

    def _retried(self, result: RetryResult) -> None:
        self.note.show_text(
            self.tr(
                "%n message(s) queued again; they are sent with the next delivery.",
                "",
                result.count,
            )
        )
        self.reload()

    def _failed(self, error: Exception) -> None:
        self._update_button()
        if not isinstance(error, VaultLocked):
            self.note.show_text(error_text(error))
