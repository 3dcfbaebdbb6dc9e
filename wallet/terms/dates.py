"""Dates inside a terms document, written the way the document's language writes them.

A rendered version is the signed document in its own language (the person picks it, not the
interface), so its date follows that language: "8 December 2026", "8 de diciembre de 2026",
"8 dicembre 2026". The core never imports Qt, so the three languages' month names are here.
"""

from __future__ import annotations

from datetime import date

from wallet.wire.terms import Language, parse_utc_timestamp

MONTHS: dict[Language, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "es": (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ),
    "it": (
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
        "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
    ),
}  # fmt: skip
PATTERNS: dict[Language, str] = {
    "en": "{day} {month} {year}",
    "es": "{day} de {month} de {year}",
    "it": "{day} {month} {year}",
}


def written_date(day: date, language: Language) -> str:
    """``day`` as a document in ``language`` writes it ("8 de diciembre de 2026")."""
    month = MONTHS[language][day.month - 1]
    return PATTERNS[language].format(day=day.day, month=month, year=day.year)


def issued_date(issued: str, language: Language) -> str:
    """The day of the wire timestamp ``issued`` (UTC), on this computer's calendar (the day the
    person saved it), written in ``language``."""
    return written_date(parse_utc_timestamp(issued).astimezone().date(), language)
