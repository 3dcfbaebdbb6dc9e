"""Checking reminders while the vault is open: shortly after unlocking, after an operation that
changed what they are about, and every few minutes; the reminders not told yet are raised as one
desktop notification."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from ui.reminders.notify import notify
from ui.reminders.texts import notification_text
from ui.tasks import VaultRunner
from wallet.changes import Changes, Part
from wallet.errors import VaultLocked
from wallet.reminders import Reminder, due_reminders, mark_told, untold
from wallet.vault.facade import Vault

log = logging.getLogger(__name__)

FIRST_CHECK_MS = 2_000  # after unlocking, once the first page is shown
EVERY_MS = 10 * 60 * 1000  # time alone brings consents and cards closer to their end
AFTER_CHANGE_MS = 1_000  # several operations in a row: one check
WATCHED_PARTS = (
    Part.CONSENTS,
    Part.OFFERS,
    Part.INTENTIONS,
    Part.OUTBOX,
    Part.LOYALTY,
    Part.VENDORS,
    Part.SETTINGS,
)


@dataclass(frozen=True, slots=True)
class Checked:
    due: list[Reminder]
    untold: list[Reminder]


def check(vault: Vault) -> Checked:
    """The reminders due now with the person's lead time, and those not told yet (remembered as
    told from now on)."""
    due = due_reminders(vault, lead_days=vault.settings().reminder_lead_days)
    new = untold(vault, due)
    if new:
        mark_told(vault, told=new, due=due)
    return Checked(due, new)


class ReminderWatch(QObject):
    """Checks reminders for the open vault.

    Signals:
        checked(list): the reminders due now (a list of :class:`~wallet.reminders.Reminder`).
        notified(str, str): a notification was handed to the desktop (summary, body).
    """

    checked = Signal(list)
    notified = Signal(str, str)

    def __init__(self, runner: VaultRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_now)
        self.due: list[Reminder] = []
        runner.changed.connect(self._on_changed)
        runner.locked.connect(self._on_locked)

    def start(self) -> None:
        """Check soon (call after unlocking)."""
        self._timer.start(FIRST_CHECK_MS)

    def check_now(self) -> None:
        self._timer.start(EVERY_MS)
        self._runner.run(check, owner=self, on_success=self._on_checked, on_error=_check_failed)

    def _on_checked(self, result: Checked) -> None:
        self.due = result.due
        self.checked.emit(result.due)
        if result.untold:
            summary, body = notification_text(result.untold)
            if notify(summary, body):
                self.notified.emit(summary, body)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED_PARTS) and self._runner.is_unlocked:
            self._timer.start(AFTER_CHANGE_MS)

    def _on_locked(self) -> None:
        self._timer.stop()
        self.due = []
        self.checked.emit([])


def _check_failed(error: Exception) -> None:
    """A check that failed is tried again at the next one; locking on the way is no failure."""
    if not isinstance(error, VaultLocked):
        log.warning("reminders not checked: %s", error)
