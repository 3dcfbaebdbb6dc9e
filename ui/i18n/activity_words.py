"""The activity log in the person's words: who, what data, and what happened, translated.

The core writes its log in English, once, and hash-chains it: an entry's party is a vendor's id
("demo-vendor-2"), its field names are keys ("shoe_size", "CC-NO-TRACKING", "consent.disclosure")
and its details are short English notes ("5 offer(s)", "purposes 3, 4"). The Activity page
shows them as words: the vendor's name, the field's, clause's or message's name, and the notes
the core writes translated, counts with Qt's plurals. A note it does not know (a vendor's own
words, a reason from a remote party) is shown as it is; the raw values stay in the tooltips.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from ui.i18n.core_texts import field_label, proposal_status_name
from ui.i18n.error_texts import core_text
from wallet import activity
from wallet.personal_data import standard_field
from wallet.terms.catalogue import LANGUAGES, Catalogue, load_catalogue
from wallet.terms.roster import Roster, load_roster

translate = QCoreApplication.translate  # (pyside6-lupdate reads its literal arguments)


@cache
def _catalogue() -> Catalogue:
    """The terms' clause catalogue (a small read-only file; the Terms page reads it too)."""
    return load_catalogue()


@cache
def _roster() -> Roster:
    """The roster of agreements (IEEE 7012) a person's terms name (a small read-only file)."""
    return load_roster()


def clause_title(clause_id: str) -> str | None:
    """A standard clause's or roster agreement's title in the interface's language, if
    ``clause_id`` names one."""
    code = QLocale().name().partition("_")[0]
    language = code if code in LANGUAGES else "en"
    for item in (*_catalogue().clauses, *_roster().agreements):
        if item.id == clause_id:
            return item.title.get(language)  # type: ignore[arg-type]
    return None


def message_kind_name(kind: str) -> str | None:
    """What a message the wallet sends is, in words ("consent.disclosure": "consent given")."""
    names = {
        "intention": translate("ActivityWords", "intention"),
        "withdrawal": translate("ActivityWords", "intention withdrawn"),
        "decision": translate("ActivityWords", "your choice of offer"),
        "offers": translate("ActivityWords", "offers"),
        "terms": translate("ActivityWords", "your terms"),
        "consent.disclosure": translate("ActivityWords", "consent given"),
        "consent.update": translate("ActivityWords", "data updated"),
        "consent.revocation": translate("ActivityWords", "consent revoked"),
        "consent.expiry": translate("ActivityWords", "consent expired"),
    }
    return names.get(kind)


@dataclass(frozen=True, slots=True)
class ActivityNames:
    """What the log names by id, in the vault: vendors' names and fields' labels by key."""

    vendors: Mapping[str, str] = field(default_factory=dict)
    fields: Mapping[str, str] = field(default_factory=dict)


def field_name(name: str, labels: Mapping[str, str] | None = None) -> str:
    """A field name of an entry in words: the field's label (a standard label translated), a
    clause's title or a message's name; another name (a deleted field's key) as it is."""
    if labels and name in labels:
        return field_label(name, labels[name])
    standard = standard_field(name)
    if standard is not None:
        return translate("StandardField", standard.label)
    return message_kind_name(name) or clause_title(name) or name


def _proposal(match: re.Match[str]) -> str:
    text = translate("ActivityWords", "proposal #%1 (%2)")
    return text.replace("%1", match[1]).replace("%2", proposal_status_name(match[2]))


class ActivityCounts(QObject):
    """Notes with a number in them (Qt's plurals, ``%n``, need a ``tr`` of a class)."""

    def note(self, what: str, count: int) -> str:
        """A note that counts ``what`` ("5 offer(s)"), with the plural the language uses."""
        texts = {
            "offers": self.tr("%n offer(s)", "", count),
            "declined": self.tr("%n other offer(s) declined", "", count),
            "queued": self.tr("queued for %n vendor(s)", "", count),
            "to tell": self.tr("%n vendor(s) to tell", "", count),
            "vendors": self.tr("%n vendor(s)", "", count),
            "fields": self.tr("%n field(s)", "", count),
        }
        return texts[what]

    def imported(self, count: int, source: str, left_out: int) -> str:
        """ "3 cards from csv; 0 rows left out"."""
        cards = self.tr("%n card(s) from %1", "", count).replace("%1", source)
        rows = self.tr("%n row(s) left out", "", left_out)
        return f"{cards}; {rows}"

    def delivered(self, kind: str, count: int) -> str:
        return self.tr("%1: %n delivered", "", count).replace("%1", kind)


def _counted(what: str, count: int) -> str:
    return ActivityCounts().note(what, count)


def _delivered(match: re.Match[str]) -> str:
    kind = message_kind_name(match[1]) or match[1]
    return ActivityCounts().delivered(kind, int(match[2]))


def _imported(match: re.Match[str]) -> str:
    return ActivityCounts().imported(int(match[1]), match[2], int(match[3]))


def _counting(what: str) -> Callable[[re.Match[str]], str]:
    return lambda match: _counted(what, int(match[1]))


def _request(match: re.Match[str]) -> str:
    """A data-subject request drafted: its kind and the letter's language."""
    kinds = {
        "access": translate("ActivityWords", "access to the data"),
        "erasure": translate("ActivityWords", "erasure of the data"),
    }
    languages = {
        "en": translate("ActivityWords", "letter in English"),
        "es": translate("ActivityWords", "letter in Spanish"),
        "it": translate("ActivityWords", "letter in Italian"),
    }
    return f"{kinds[match[1]]}, {languages[match[2]]}"


def _no_answer(match: re.Match[str]) -> str:
    return translate("ActivityWords", "no answer within %1 s").replace("%1", match[1])


def _about_a_message(match: re.Match[str]) -> str:
    """ "consent.disclosure: the connection was refused": a message's kind, then the note."""
    kind = message_kind_name(match[1])
    if kind is None:
        return match[0]
    return f"{kind}: {_part(match[2])}"


def _unlock_failed(match: re.Match[str]) -> str:
    return f"{_plain(match[1])}: {_plain(match[2])}"


# The notes the core writes, by their English form (wallet/*: ActivityEvent(..., reason=...)).
_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"(\d+) offer\(s\)"), _counting("offers")),
    (re.compile(r"(\d+) other offer\(s\) declined"), _counting("declined")),
    (re.compile(r"queued for (\d+) vendor\(s\)"), _counting("queued")),
    (re.compile(r"(\d+) vendor\(s\) to tell"), _counting("to tell")),
    (re.compile(r"(\d+) vendors"), _counting("vendors")),
    (re.compile(r"(\d+) fields"), _counting("fields")),
    (re.compile(r"(\d+) memberships from (\w+); (\d+) rows left out"), _imported),
    (
        re.compile(r"purposes ([\d, ]+)"),
        lambda m: translate("ActivityWords", "purposes %1").replace("%1", m[1]),
    ),
    (
        re.compile(r"version (\d+)"),
        lambda m: translate("ActivityWords", "version %1").replace("%1", m[1]),
    ),
    (
        re.compile(r"accepts version (\d+)"),
        lambda m: translate("ActivityWords", "accepts version %1").replace("%1", m[1]),
    ),
    (
        re.compile(r"membership #(\d+)"),
        lambda m: translate("ActivityWords", "card #%1").replace("%1", m[1]),
    ),
    (
        re.compile(r"proposal #(\d+)"),
        lambda m: translate("ActivityWords", "proposal #%1").replace("%1", m[1]),
    ),
    (re.compile(r"proposal #(\d+) \((\w+)\)"), _proposal),
    (re.compile(r"([a-z.]+): (\d+) delivered"), _delivered),
    (re.compile(r"(access|erasure), (en|es|it)"), _request),
    (re.compile(r"no answer within ([\d.]+) s"), _no_answer),
    (re.compile(r"([a-z]+\.?[a-z]*): (.+)"), _about_a_message),
    (re.compile(r"(passphrase|recovery key|keyring): ([a-z ]+)"), _unlock_failed),
)


def _plain(note: str) -> str:
    """A fixed note of the core in words; another text as it is."""
    notes = {
        "accepts your terms": translate("ActivityWords", "accepts your terms"),
        "vendor notice queued": translate("ActivityWords", "notice to the vendor queued"),
        "cast to a relay": translate("ActivityWords", "cast to a relay"),
        "the vendor answered 410 Gone": translate(
            "ActivityWords", "the vendor says this address is gone for good"
        ),
        "current passphrase was wrong": translate("ActivityWords", "current passphrase was wrong"),
        "no secure keyring": translate("ActivityWords", "no secure keyring"),
        "passphrase": translate("ActivityWords", "with the passphrase"),
        "recovery key": translate("ActivityWords", "with the recovery key"),
        "keyring": translate("ActivityWords", "from this device's keyring"),
        "wrong passphrase": translate("ActivityWords", "wrong passphrase"),
        "wrong recovery key": translate("ActivityWords", "wrong recovery key"),
        "malformed recovery key": translate("ActivityWords", "mistyped recovery key"),
        "DisclosureAccepted": translate("ActivityWords", "the vendor confirmed receiving the data"),
        "UpdateAccepted": translate("ActivityWords", "the vendor confirmed the update"),
        "ConsentTerminated": translate("ActivityWords", "the vendor confirmed the consent ended"),
    }
    return notes.get(note) or core_text(note)  # a reason the core marked, or the note as is


def setting_name(key: str) -> str:
    """A setting in words ("auto_lock_minutes": "lock after this long unused")."""
    names = {
        "auto_lock_minutes": translate("ActivityWords", "lock after this long unused"),
        "lock_on_screen_lock": translate("ActivityWords", "lock with the screen"),
        "clipboard_clear_seconds": translate("ActivityWords", "clear copied values after"),
        "reminder_lead_days": translate("ActivityWords", "reminder before an end"),
        "relay_url": translate("ActivityWords", "market relay"),
    }
    return names.get(key, key)


def details_text(note: str, *, event_type: str = "") -> str:
    """An entry's note in the interface's language (each part of a "a, b" list on its own;
    a settings change's keys as the settings' names); a note the core does not write in a
    known form as it is."""
    if event_type == activity.SETTINGS_CHANGED:
        return ", ".join(setting_name(key) for key in note.split(", ") if key)
    parts = [_part(part) for part in note.split(", ")] if ": " in note else [_part(note)]
    return ", ".join(parts)


def _part(note: str) -> str:
    for pattern, words in _PATTERNS:
        match = pattern.fullmatch(note)
        if match:
            shown = words(match)
            # Without a catalogue (English plurals not installed) "%n field(s)" reads worse
            # than the core's own "500 fields".
            return note if "(s)" in shown else shown
    return _plain(note)


def party_text(party: str, vendor_names: Mapping[str, str]) -> str:
    """Who an entry is about: the vendor's name for its id, "5 vendors" translated."""
    if party in vendor_names:
        return vendor_names[party]
    match = re.fullmatch(r"(\d+) vendors", party)
    if match is None:
        return party
    shown = _counted("vendors", int(match[1]))
    return party if "(s)" in shown else shown  # as in _part


def loyalty_field_name(name: str) -> str:
    """A loyalty card's or purchase's field in words ("member_number": "member number")."""
    names = {
        "program": translate("ActivityWords", "program"),
        "vendor": translate("ActivityWords", "vendor"),
        "member_number": translate("ActivityWords", "member number"),
        "tier": translate("ActivityWords", "tier"),
        "points_balance": translate("ActivityWords", "points"),
        "expiry": translate("ActivityWords", "expiry date"),
        "notes": translate("ActivityWords", "notes"),
        "barcode_type": translate("ActivityWords", "barcode type"),
        "barcode_value": translate("ActivityWords", "barcode value"),
        "date": translate("ActivityWords", "date"),
        "amount": translate("ActivityWords", "amount"),
    }
    return names.get(name, name)


def fields_text(
    names: Sequence[str], *, event_type: str = "", labels: Mapping[str, str] | None = None
) -> str:
    """An entry's field names, each in words (a loyalty event's as a card's fields); ``labels``:
    the person's fields' labels by key."""
    if event_type.startswith("loyalty."):
        return ", ".join(loyalty_field_name(name) for name in names)
    return ", ".join(field_name(name, labels) for name in names)
