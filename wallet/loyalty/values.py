"""The values of an imported loyalty row: candidates, and field texts checked one by one.

Every reader (:mod:`~wallet.loyalty.csv_format`, :mod:`~wallet.loyalty.google_wallet`,
:mod:`~wallet.loyalty.apple_wallet`, :mod:`~wallet.loyalty.json_formats`) turns a file into
*candidate rows*: a row number (the CSV record number counting the header as row 1, or the
position of the object in a JSON file) and either a membership or the reason the row cannot be
one. A value that is wrong rejects its row (:class:`RowRejected`); nothing here touches the vault.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from pydantic import ValidationError

from wallet.errors import Worded
from wallet.i18n import QT_TRANSLATE_NOOP
from wallet.loyalty.bounds import MAX_SHORT_VALUE_CHARS, QUOTED_CHARS
from wallet.loyalty.models import BARCODE_TYPES, MembershipDraft, Points, points_value

SourceFormat = Literal["csv", "vrm-json", "google-wallet", "apple-wallet", "schema.org"]
FIELD_LABELS: dict[str, str] = {
    "program": "program",
    "vendor": "vendor",
    "member_number": "member number",
    "tier": "tier",
    "points_balance": "points",
    "expiry": "expiry",
    "notes": "notes",
    "barcode_type": "barcode type",
    "barcode_value": "barcode value",
}
SUMMARY_CHARS = 80
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One row of an import file: the membership it describes, or why it cannot be one."""

    row: int
    draft: MembershipDraft | None
    reason: str = ""
    summary: str = ""  # a short description for the preview ("Coffee Club, 1234")


@dataclass(frozen=True, slots=True)
class ParsedFile:
    format: SourceFormat
    columns: tuple[str, ...]
    mapping: tuple[tuple[str, str | None], ...]
    candidates: tuple[Candidate, ...]


class RowRejected(Worded, ValueError):
    """A row that cannot become a membership; the message is the reason shown to the user."""


def quoted(text: str, limit: int = QUOTED_CHARS) -> str:
    """``text`` in quotes for a message, cut to ``limit`` characters (a cell may be huge)."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def summary_of(*parts: Any) -> str:
    """The preview's name for a row ("Coffee Club, Bean There"), from its texts; never long."""
    text = ", ".join(part.strip() for part in parts if isinstance(part, str) and part.strip())
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1] + "…"


def parse_points(text: str) -> Points | None:
    """Points from a cell: "1200", "1,200", "12.5", "1.2E+3"; empty is "unknown".

    Bounded before any arithmetic (see :func:`wallet.loyalty.models.points_value`).
    """
    try:
        cleaned = text.strip().replace(" ", "").replace("_", "")
        if len(cleaned) <= MAX_SHORT_VALUE_CHARS and _THOUSANDS.fullmatch(cleaned):
            cleaned = cleaned.replace(",", "")
        return points_value(cleaned or None)
    except ValueError as exc:
        raise RowRejected.worded(
            QT_TRANSLATE_NOOP("CoreError", "bad points balance {text}: {reason}"),
            text=quoted(text.strip()),
            reason=exc,
        ) from None


def parse_day(text: str) -> date | None:
    """A date in ISO form (``2026-12-31``, or a timestamp whose day is taken); empty is none."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        if len(cleaned) > MAX_SHORT_VALUE_CHARS:
            raise ValueError
        if len(cleaned) == 10:
            return date.fromisoformat(cleaned)
        return datetime.fromisoformat(cleaned).date()
    except ValueError:
        raise RowRejected.worded(
            QT_TRANSLATE_NOOP("CoreError", "bad expiry date {text}: use YYYY-MM-DD"),
            text=quoted(cleaned),
        ) from None


def parse_barcode_type(text: str) -> str:
    """Our barcode type from names like "QR_CODE", "Code 128", "PKBarcodeFormatQR", "ean-13"."""
    cleaned = _NOT_ALNUM.sub("", text[: MAX_SHORT_VALUE_CHARS + 1].lower())
    cleaned = cleaned.removeprefix("pkbarcodeformat")
    aliases = {"qrcode": "qr", "upc": "upca", "pdf": "pdf417", "ean": "ean13"}
    kind = aliases.get(cleaned, cleaned)
    if not cleaned:
        return "qr"
    if kind not in BARCODE_TYPES or len(text) > MAX_SHORT_VALUE_CHARS:
        raise RowRejected(
            f"unsupported barcode type {quoted(text.strip())} "
            f"(use one of {', '.join(BARCODE_TYPES)})"
        )
    return kind


def validation_reason(error: ValidationError) -> str:
    """The first problem of a pydantic error in words ("member number: must not be empty")."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    if where in FIELD_LABELS:
        if where == "member_number" and "empty" in message:
            return "missing member number"
        return f"{FIELD_LABELS[where]}: {message}"
    return message


def draft_from_texts(texts: Mapping[str, str]) -> MembershipDraft:
    """A membership from field texts (as read from a CSV row); raises :class:`RowRejected`."""
    if not texts.get("member_number", "").strip():
        raise RowRejected.worded(QT_TRANSLATE_NOOP("CoreError", "missing member number"))
    if not texts.get("program", "").strip():
        raise RowRejected.worded(QT_TRANSLATE_NOOP("CoreError", "missing program"))
    values: dict[str, Any] = {
        name: texts.get(name, "")
        for name in ("program", "vendor", "member_number", "tier", "notes", "barcode_value")
    }
    values["points_balance"] = parse_points(texts.get("points_balance", ""))
    values["expiry"] = parse_day(texts.get("expiry", ""))
    values["barcode_type"] = parse_barcode_type(texts.get("barcode_type", ""))
    return draft_from_values(values)


def draft_from_values(values: Mapping[str, Any]) -> MembershipDraft:
    """A membership from field values; a value the model refuses raises :class:`RowRejected`."""
    try:
        return MembershipDraft.model_validate(dict(values))
    except ValidationError as exc:
        raise RowRejected(validation_reason(exc)) from None


def candidate(row: int, build: Callable[[], MembershipDraft], summary: str) -> Candidate:
    """The row ``build`` makes, or the reason it cannot (a :class:`RowRejected` it raised)."""
    try:
        return Candidate(row, build(), summary=summary)
    except RowRejected as exc:
        return Candidate(row, None, str(exc), summary)


def points_from_json(value: Any) -> Points | None:
    """Points from a JSON value (a number, or text as in a CSV cell); ``null`` is unknown."""
    if isinstance(value, str):
        return parse_points(value)
    try:
        return points_value(value)
    except ValueError as exc:
        raise RowRejected(f"bad points balance: {exc}") from None
