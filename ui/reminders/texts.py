"""Reminders in the person's language: one sentence each for the home page, and a summary
without names for a notification."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject

from wallet.reminders import Reminder


def _day(reminder: Reminder) -> str:
    when = reminder.when
    if when is None:
        return ""
    day = QDate(when.year, when.month, when.day)
    return QLocale().toString(day, QLocale.FormatType.LongFormat)


class ReminderTexts(QObject):
    """Sentences with a number in them (Qt's plurals, ``%n``, need a ``tr`` of a class)."""

    def failing(self, count: int) -> str:
        return self.tr("%n message(s) to %1 keep failing.", "", count)

    def waiting(self, count: int) -> str:
        return self.tr("%n offer(s) for “%1” wait for your decision.", "", count)

    def attention(self, count: int) -> str:
        return self.tr("%n thing(s) need your attention", "", count)


def reminder_text(reminder: Reminder) -> str:
    """One sentence saying what needs attention (the names are remote or the person's text,
    to be shown as plain text)."""
    name, day, count = reminder.name, _day(reminder), reminder.count
    numbered = ReminderTexts()
    texts = {
        "consent_expiring": lambda: QCoreApplication.translate(
            "Reminders", "Your consent to %1 ends on %2."
        ),
        "card_expired": lambda: QCoreApplication.translate(
            "Reminders", "Your %1 card expired on %2."
        ),
        "card_expiring": lambda: QCoreApplication.translate(
            "Reminders", "Your %1 card expires on %2."
        ),
        "end_unconfirmed": lambda: QCoreApplication.translate(
            "Reminders",
            "%1 has not confirmed that it stopped using your data (you revoked the consent on %2).",
        ),
        "delivery_failing": lambda: numbered.failing(count),
        "offers_waiting": lambda: numbered.waiting(count),
    }
    return texts[reminder.kind]().replace("%1", name).replace("%2", day)


def action_text(reminder: Reminder) -> str:
    """What opening the reminder does."""
    texts = {
        "consent_expiring": QCoreApplication.translate("Reminders", "Open the consent"),
        "card_expired": QCoreApplication.translate("Reminders", "Open the card"),
        "card_expiring": QCoreApplication.translate("Reminders", "Open the card"),
        "end_unconfirmed": QCoreApplication.translate("Reminders", "Open the consent"),
        "delivery_failing": QCoreApplication.translate("Reminders", "See the messages"),
        "offers_waiting": QCoreApplication.translate("Reminders", "See the offers"),
    }
    return texts[reminder.kind]


def notification_text(reminders: list[Reminder]) -> tuple[str, str]:
    """A notification's summary and body for reminders not told yet: how many and of what
    kind, no names."""
    kinds = {reminder.kind for reminder in reminders}
    lines = []
    if kinds & {"consent_expiring"}:
        lines.append(QCoreApplication.translate("Reminders", "A consent you gave ends soon."))
    if kinds & {"card_expired", "card_expiring"}:
        lines.append(
            QCoreApplication.translate("Reminders", "A loyalty card expires soon or has expired.")
        )
    if "end_unconfirmed" in kinds:
        lines.append(
            QCoreApplication.translate(
                "Reminders", "A vendor has not confirmed the end of a consent."
            )
        )
    if "delivery_failing" in kinds:
        lines.append(QCoreApplication.translate("Reminders", "Messages to a vendor keep failing."))
    if "offers_waiting" in kinds:
        lines.append(QCoreApplication.translate("Reminders", "New offers wait for your decision."))
    summary = ReminderTexts().attention(len(reminders))
    return summary, "\n".join(lines)
