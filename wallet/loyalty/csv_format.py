"""Loyalty cards as CSV: reading a spreadsheet with a column mapping, and writing our export.

**Formula injection.** A spreadsheet opening a CSV runs a cell that starts with ``=``, ``+``,
``-`` or ``@`` as a formula (``=HYPERLINK(…)``, ``+cmd|' /C calc'!A0``), and one starting with a
tab or carriage return may be trimmed into one. Imported cards come from outside, so every cell
we write that starts with one of those characters (or a newline, or the full-width forms
``＝ ＋ － ＠`` some spreadsheets fold into them) gets a single quote in front, as OWASP advises:
spreadsheets show it as text. So that a value *starting with a quote* survives a round trip,
such a cell gets one more quote in front too.

The import undoes exactly that: **a data cell that starts with a single quote loses that one
quote**, and nothing else. Re-importing our own export therefore gives back every value as it
was (``'=x`` → ``=x``, ``''abc`` → ``'abc``); a spreadsheet's own text marker (``'0012``) is
read the way the spreadsheet meant it (``0012``). Header cells are taken as they are.

The delimiter (comma, semicolon or tab) is the one the header line uses most; the quote is
always the double quote (``csv.Sniffer`` was not used: its guesses are slow on hostile text and
took the single quotes of neutralised cells for quote characters).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from wallet.errors import InvalidInput
from wallet.loyalty.bounds import (
    MAX_CELL_CHARS,
    MAX_COLUMN_NAME_CHARS,
    MAX_CSV_COLUMNS,
    MAX_IMPORT_ROWS,
)
from wallet.loyalty.models import MEMBERSHIP_FIELDS, MembershipDraft
from wallet.loyalty.values import (
    Candidate,
    ParsedFile,
    RowRejected,
    draft_from_texts,
    quoted,
    summary_of,
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
TEXT_MARKER = "'"
DELIMITERS = (",", ";", "\t")
# Header spellings seen in exports of card apps and spreadsheets, compared without case, spaces
# or punctuation. The first column matching a field wins.
_HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "program": ("program", "programme", "programname", "loyaltyprogram", "cardname", "scheme"),
    "vendor": (
        "vendor",
        "store",
        "shop",
        "merchant",
        "company",
        "brand",
        "retailer",
        "issuer",
        "organization",
        "organisation",
        "organizationname",
    ),
    "member_number": (
        "membernumber",
        "memberno",
        "membershipnumber",
        "cardnumber",
        "cardno",
        "number",
        "accountid",
        "accountnumber",
        "memberid",
        "customernumber",
    ),
    "tier": ("tier", "level", "status", "rank"),
    "points_balance": ("points", "pointsbalance", "balance", "loyaltypoints"),
    "expiry": ("expiry", "expires", "expirydate", "expirationdate", "validuntil", "expiration"),
    "notes": ("notes", "note", "comment", "comments", "remarks"),
    "barcode_type": ("barcodetype", "codetype", "barcodeformat", "format"),
    "barcode_value": ("barcodevalue", "barcode", "code", "barcodemessage"),
}
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


# ------------------------------------------------------------------------------ writing


def neutralised(cell: str) -> str:
    """``cell`` as written to a CSV file: a quote in front if a spreadsheet could run it."""
    return TEXT_MARKER + cell if cell.startswith((*FORMULA_STARTS, TEXT_MARKER)) else cell


def restored(cell: str) -> str:
    """A data cell as read from a CSV file: the one quote :func:`neutralised` may add, removed."""
    return cell.removeprefix(TEXT_MARKER)


def memberships_csv(drafts: Iterable[MembershipDraft]) -> bytes:
    """Our CSV export: one header line of field names, then one neutralised row per card."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(MEMBERSHIP_FIELDS)
    for draft in drafts:
        values = draft.model_dump(mode="json")
        writer.writerow(
            [neutralised("" if values[n] is None else str(values[n])) for n in MEMBERSHIP_FIELDS]
        )
    return buffer.getvalue().encode("utf-8")


# ------------------------------------------------------------------------------ mapping


def _normalised_header(header: str) -> str:
    return _NOT_ALNUM.sub("", header.lower())


def guess_mapping(columns: Sequence[str]) -> dict[str, str | None]:
    """Which field each column probably holds (``None``: ignore the column)."""
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for column in columns:
        normalised = _normalised_header(column)
        match = next(
            (
                name
                for name, synonyms in _HEADER_SYNONYMS.items()
                if name not in taken and (normalised in synonyms or normalised == name)
            ),
            None,
        )
        mapping[column] = match
        if match:
            taken.add(match)
    return mapping


def _column_list(columns: Sequence[str]) -> str:
    return quoted(", ".join(columns), limit=200)


def check_mapping(columns: Sequence[str], mapping: Mapping[str, str | None]) -> None:
    seen: dict[str, str] = {}
    for column, name in mapping.items():
        if column not in columns:
            raise InvalidInput(
                f"The file has no column {quoted(column)}; its columns are: "
                f"{_column_list(columns)}."
            )
        if name is None:
            continue
        if name not in MEMBERSHIP_FIELDS:
            raise InvalidInput(
                f"{quoted(name)} is not a membership field; use one of: "
                f"{', '.join(MEMBERSHIP_FIELDS)}."
            )
        if name in seen:
            raise InvalidInput(
                f"Both {quoted(seen[name])} and {quoted(column)} are mapped to {name}."
            )
        seen[name] = column


def _chosen_mapping(
    columns: tuple[str, ...], mapping: Mapping[str, str | None] | None, path: Path
) -> dict[str, str | None]:
    chosen = dict(guess_mapping(columns))
    if mapping:
        check_mapping(columns, mapping)
        chosen.update(mapping)
        # A field mapped by hand is taken away from the column the guess gave it to.
        for column, name in list(chosen.items()):
            if name and column not in mapping and name in mapping.values():
                chosen[column] = None
    if "member_number" not in chosen.values():
        missing = f"No column of {path} holds the member number. Map one"
        example = quoted(columns[0] + "=member_number", limit=60)
        raise InvalidInput(f"{missing}.", cli_text=f"{missing}, e.g. --map {example}.")
    return chosen


# ------------------------------------------------------------------------------ reading


def _delimiter(text: str) -> str:
    """The delimiter the header line uses most (a comma if it uses none)."""
    header = text[: text.find("\n")] if "\n" in text else text
    return max(DELIMITERS, key=header.count)  # ties: the first, the comma


def _records(text: str, path: Path) -> Iterator[list[str]]:
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_delimiter(text), quotechar='"', strict=True
    )
    try:
        for count, record in enumerate(reader):
            if count > MAX_IMPORT_ROWS:
                raise InvalidInput(
                    f"{path} has more than {MAX_IMPORT_ROWS} rows; split it up. "
                    "Nothing was imported."
                )
            yield record
    except csv.Error as exc:
        raise InvalidInput(
            f"{path} is not a well-formed CSV file (line {reader.line_num}: {exc}). "
            "Nothing was imported."
        ) from None


def _columns(header: list[str], path: Path) -> tuple[str, ...]:
    if len(header) > MAX_CSV_COLUMNS:
        raise InvalidInput(
            f"{path} has more than {MAX_CSV_COLUMNS} columns; a loyalty file needs a few. "
            "Nothing was imported."
        )
    columns = tuple(cell.strip() for cell in header)
    if any(len(column) > MAX_COLUMN_NAME_CHARS for column in columns):
        raise InvalidInput(
            f"{path} has a column name longer than {MAX_COLUMN_NAME_CHARS} characters in its "
            "first line, so it is not a loyalty file. Nothing was imported."
        )
    if not any(columns) or len(set(columns)) != len(columns):
        raise InvalidInput(
            f"The first line of {path} must name each column once (e.g. Program, Card number, "
            "Points)."
        )
    return columns


def _row(number: int, record: list[str], chosen: dict[str, str | None]) -> Candidate:
    cells = [restored(cell) for cell in record]
    texts = {
        name: cells[i] if i < len(cells) else "" for i, name in enumerate(chosen.values()) if name
    }
    summary = summary_of(texts.get("program"), texts.get("vendor"))
    if len(record) > len(chosen):
        return Candidate(number, None, f"{len(record)} cells but {len(chosen)} columns", summary)
    if any(len(cell) > MAX_CELL_CHARS for cell in cells):
        return Candidate(
            number, None, f"a cell is longer than {MAX_CELL_CHARS} characters", summary
        )
    try:
        return Candidate(number, draft_from_texts(texts), summary=summary)
    except RowRejected as exc:
        return Candidate(number, None, str(exc), summary)


def parse_csv(text: str, path: Path, mapping: Mapping[str, str | None] | None = None) -> ParsedFile:
    """A CSV file's candidate rows, with the column mapping guessed and changed by ``mapping``."""
    records = list(_records(text, path))
    columns = _columns(records[0] if records else [], path)
    chosen = _chosen_mapping(columns, mapping, path)
    candidates = tuple(
        _row(number, record, chosen)
        for number, record in enumerate(records[1:], start=2)
        if any(cell.strip() for cell in record)  # blank lines are not rows
    )
    return ParsedFile("csv", columns, tuple(chosen.items()), candidates)
