"""Activity: the hash-chained log of everything done with the vault, newest first.

The table is a window over the core's log (filters run in the core), in words: local times,
vendors by name, field, clause and message names and the core's notes translated
(:mod:`ui.i18n.activity_words`; the raw values in tooltips). "Verify integrity" checks
the whole chain on the vault worker, then says plainly whether the log is intact or where it
breaks, selecting the first bad entry when the current filter shows it. Above the log, when there
are any, the messages that could not be delivered, with a Retry button for those the wallet itself
could not handle (:class:`~ui.widgets.undelivered_messages.UndeliveredMessages`).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n.activity_words import ActivityNames
from ui.models.activity_model import ActivityColumn, ActivityModel
from ui.pages.base import Page
from ui.tasks import VaultRunner
from ui.widgets.quiet import change_quietly
from ui.widgets.tables import ScrollHint, select_row, selected_row, windowed_table_view
from ui.widgets.undelivered_messages import UndeliveredMessages
from wallet.activity import VerifyReport
from wallet.changes import Changes, Part
from wallet.vault.facade import Vault
from wallet.vendors.directory import VendorDirectory

SEARCH_DEBOUNCE_MS = 250
INTACT_STYLE = "background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7; padding: 8px;"
BROKEN_STYLE = "background: #ffebee; color: #b71c1c; border: 1px solid #ef9a9a; padding: 8px;"


def _names(vault: Vault) -> ActivityNames:
    """Each vendor's name by its id and each field's label by its key (the log names them so)."""
    vendors = {row.id: row.name for row in VendorDirectory(vault).list()}
    return ActivityNames(vendors, {field.key: field.label for field in vault.fields.listing()})


class ActivityPage(Page):
    """The activity log with an event-type filter, a text filter and an integrity check.

    Attributes (for tests): ``model``, ``table``, ``type_combo``, ``search_edit``,
    ``verify_button``, ``banner`` (the verification result), ``error`` (what went wrong),
    ``undelivered`` (messages that could not be delivered).
    """

    def __init__(self, runner: VaultRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.model = ActivityModel(runner, self)
        self.undelivered = UndeliveredMessages(runner, self)
        self._selected_seq: int | None = None
        self._stale = False  # the log or the outbox changed while the page was hidden
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._build_filters()
        self._build_table()
        self._build_layout()
        self._connect()
        if runner.is_unlocked:
            self.reload()

    # ------------------------------------------------------------------ public API

    def reload(self) -> None:
        """Reload the entries (keeping the selected one selected if it is still shown) and the
        messages that could not be delivered."""
        self._stale = False
        self.run(_names, on_success=self.model.set_names)
        self._reload_log()
        self.undelivered.reload()

    # ------------------------------------------------------------------ building

    def _build_filters(self) -> None:
        self.type_combo = QComboBox()
        for title, prefix in (
            (self.tr("All events"), None),
            (self.tr("Vault"), "vault."),
            (self.tr("Personal data"), "data."),
            (self.tr("My terms"), "terms."),
            (self.tr("Loyalty"), "loyalty."),
            (self.tr("Settings"), "settings."),
            (self.tr("Log"), "log."),
        ):
            self.type_combo.addItem(title, prefix)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Filter by event, party, field or detail…"))
        self.search_edit.setClearButtonEnabled(True)
        self.verify_button = QPushButton(self.tr("&Verify integrity"))
        self.verify_button.setToolTip(
            self.tr("Check that no entry was edited, removed or reordered since it was written")
        )
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()

    def _build_table(self) -> None:
        table = windowed_table_view(self.model)
        columns = table.horizontalHeader()
        columns.setStretchLastSection(True)
        for column, width in (
            (ActivityColumn.WHEN, 150),
            (ActivityColumn.EVENT, 200),
            (ActivityColumn.RESULT, 110),
            (ActivityColumn.PARTY, 110),
            (ActivityColumn.FIELDS, 180),
        ):
            table.setColumnWidth(column, width)
        self.table = table

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.type_combo)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.error)
        layout.addWidget(self.undelivered)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.type_combo.currentIndexChanged.connect(self._apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._apply_filter)
        self.verify_button.clicked.connect(self._verify)
        self.model.rows_reset.connect(self._on_rows_reset)
        self.model.load_failed.connect(self.error.show_text)
        self._runner.changed.connect(self._on_vault_changed)
        self._runner.unlocked.connect(self.reload)
        self._runner.locked.connect(self._on_locked)

    # ------------------------------------------------------------------ loading

    def showEvent(self, event: QShowEvent) -> None:
        # A hidden page does not follow the log entry by entry: it catches up once, when shown.
        super().showEvent(event)
        if self._stale and self._runner.is_unlocked:
            self.reload()

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(
            type_prefix=self.type_combo.currentData(), text=self.search_edit.text()
        )
        self._reload_log()

    def _reload_log(self) -> None:
        self._selected_seq = self._current_seq()
        self.model.reload()

    def _on_vault_changed(self, changes: Changes) -> None:
        log_changed = changes.touches(Part.ACTIVITY)
        outbox_changed = changes.touches(Part.OUTBOX)
        if changes.touches(Part.VENDORS) or changes.touches(Part.FIELDS):
            self.run(_names, on_success=self.model.set_names)
        if not (log_changed or outbox_changed):
            return
        if not self.isVisible():
            self._stale = True
            return
        if log_changed:
            self._reload_log()
        if outbox_changed:
            self.undelivered.reload()

    def _on_rows_reset(self) -> None:
        self.error.clear()
        if self._selected_seq is not None:
            self._select_seq(self._selected_seq)

    def _on_locked(self) -> None:
        self._reset_filters()
        self.model.clear()
        self.undelivered.clear()
        self.banner.hide()
        self.clear_messages()
        self._stale = False

    def _reset_filters(self) -> None:
        """Start the next unlocked vault unfiltered (without reloading now)."""
        self._search_timer.stop()
        change_quietly(
            [
                (self.type_combo, lambda: self.type_combo.setCurrentIndex(0)),
                (self.search_edit, self.search_edit.clear),
            ]
        )
        self.model.set_filter(type_prefix=None, text=None)

    def _current_seq(self) -> int | None:
        row = selected_row(self.table)
        return None if row is None else self.model.row_id(row)

    def _select_seq(self, seq: int) -> bool:
        """Select and show the entry ``seq``; false if the current filter hides it."""
        row = self.model.row_of_id(seq)
        if row is None:
            return False
        select_row(self.table, row, scroll=ScrollHint.PositionAtCenter)
        return True

    # ------------------------------------------------------------------ verification

    def _verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.banner.hide()
        self.run(
            lambda vault: vault.verify_activity(),
            on_success=self._show_verification,
            on_error=self._verification_failed,
        )

    def _show_verification(self, report: VerifyReport) -> None:
        self.verify_button.setEnabled(True)
        if report.ok:
            checked = QLocale().toString(report.checked)
            text = self.tr("Intact: %1 entries verified.").replace("%1", checked)
            self._show_banner(text, INTACT_STYLE)
            return  # the check itself was just logged: the runner's changes reload the entries
        seq = report.first_bad_seq or 0
        finding = report.finding
        text = self.tr("Broken at entry #%1: %2").replace("%1", str(seq)).replace("%2", finding)
        if not self._select_seq(seq):
            text += " " + self.tr("(The current filter hides that entry.)")
        self._show_banner(text, BROKEN_STYLE)

    def _verification_failed(self, error: Exception) -> None:
        self.verify_button.setEnabled(True)
        self.show_error(error)

    def _show_banner(self, text: str, style: str) -> None:
        self.banner.setStyleSheet(style)
        self.banner.setText(text)
        self.banner.show()
