"""What needs the person's attention now: consents and loyalty cards about to end, offers waiting
for a decision, messages that keep failing, vendors that have not confirmed the end of a consent.

One list for every front end: the CLI prints it (``reminders``), the desktop shows it on its home
page and raises a notification for each reminder it has not raised before
(:attr:`Reminder.key` tells two reminders apart).
"""

from wallet.reminders.due import (
    CONFIRMATION_GRACE_DAYS,
    FAILING_ATTEMPTS,
    Reminder,
    ReminderKind,
    due_reminders,
)
from wallet.reminders.notified import mark_told, untold

__all__ = [
    "CONFIRMATION_GRACE_DAYS",
    "FAILING_ATTEMPTS",
    "Reminder",
    "ReminderKind",
    "due_reminders",
    "mark_told",
    "untold",
]
