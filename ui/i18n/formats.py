"""Dates and times written the way the interface's locale writes them ("14/12/26 11:10" in
Spain, "12/14/26 11:10 AM" in the United States), in the computer's time zone.

The default locale is the language's (:mod:`ui.i18n.language`); these functions ask for it at
each call, so a language picked later is followed.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def local_date(moment: date | datetime) -> str:
    """The day of ``moment`` (a datetime in local time) in the locale's short format."""
    if isinstance(moment, datetime):
        moment = moment.astimezone().date()
    day = QDate(moment.year, moment.month, moment.day)
    return QLocale().toString(day, QLocale.FormatType.ShortFormat)


def local_date_time(moment: datetime) -> str:
    """``moment`` in local time, to the minute, in the locale's short format."""
    local = moment.astimezone()
    shown = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)
