"""What a consent lets a vendor do, in plain words in the interface's language.

The core writes this summary in English when a consent is granted and keeps it with the consent
(the command line shows it; the receipt records what was agreed). The desktop app says the same
thing in the person's language, from the same parts: who, which fields (standard labels
translated), for which purposes (their plain-words descriptions) and until when (the locale's
long date). The grant dialog asks the core for its summary first, so the request is checked as
a grant would check it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from ui.i18n.core_texts import field_label, purpose_description
from wallet.consents.book import ConsentBook
from wallet.consents.records import DAY_SECONDS, GrantRequest, now_seconds
from wallet.vault.facade import Vault


@dataclass(frozen=True, slots=True)
class SummaryParts:
    """What a consent's summary says: the fields (keys and the person's labels, in order), the
    purposes' numbers and the end (seconds since the epoch); ``english``: the core's own words
    for it, shown while the interface speaks English."""

    keys: tuple[str, ...]
    labels: tuple[str, ...]
    purposes: tuple[int, ...]
    expires_at: int
    english: str


def grant_summary_parts(vault: Vault, request: GrantRequest) -> SummaryParts:
    """The parts of the summary of ``request``, refused as a grant would refuse it (runs on the
    vault worker: it reads the fields' labels)."""
    english = ConsentBook(vault).summary(request)  # raises what granting would raise
    labels = vault.fields.labels(request.field_keys)
    return SummaryParts(
        tuple(request.field_keys),
        tuple(labels.get(key, key) for key in request.field_keys),
        tuple(request.purposes),
        now_seconds() + request.days * DAY_SECONDS,
        english,
    )


def _filled(template: str, *values: str) -> str:
    """``template`` with %1, %2… replaced in one pass (a value may hold "%2" and stays as is)."""
    return re.sub(r"%(\d)", lambda found: values[int(found[1]) - 1], template)


def listed(items: Sequence[str]) -> str:
    """ "a", "a y b", "a, b y c", in the interface's language."""
    if len(items) <= 1:
        return "".join(items)
    last_two = QCoreApplication.translate("ConsentSummary", "%1 and %2")
    return _filled(last_two, ", ".join(items[:-1]), items[-1])


def summary_in_words(vendor_name: str, parts: SummaryParts) -> str:
    """ "Demo Shop 5 puede usar tu Nombre y Apellidos para entregarte bienes físicos, hasta el
    domingo, 7 de marzo de 2027. No se comparte nada más. …" """
    pairs = zip(parts.keys, parts.labels, strict=True)
    shared = listed([field_label(key, label) for key, label in pairs])
    purposes = listed([purpose_description(number) for number in parts.purposes])
    end = datetime.fromtimestamp(parts.expires_at).astimezone()
    day = QLocale().toString(QDate(end.year, end.month, end.day), QLocale.FormatType.LongFormat)
    text = QCoreApplication.translate(
        "ConsentSummary",
        "%1 may use your %2 %3, until %4. Nothing else is shared. When the consent ends or you "
        "revoke it, they must delete it; you keep a receipt signed by both of you.",
    )
    if not text.startswith("%1 may use your"):  # a catalogue translated it
        return _filled(text, vendor_name, shared, purposes, day)
    return parts.english  # in English, the core's words, as the receipt keeps them
