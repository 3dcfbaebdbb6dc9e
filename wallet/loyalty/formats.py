"""Reading loyalty files: CSV with a column mapping, Google Wallet and Apple Wallet passes, ours.

Every reader turns a file into *candidate rows*: a row number (the CSV record number counting the
header as row 1, or the position of the object in a JSON file) and either the field texts of a
membership or the reason the row cannot be one. Nothing here touches the vault; duplicate checks
happen in :mod:`wallet.loyalty.book`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from wallet.errors import InvalidInput
from wallet.files import read_bounded
from wallet.loyalty.models import BARCODE_TYPES, MEMBERSHIP_FIELDS, MembershipDraft, Points

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 20_000
OWN_FORMAT = "vrm-wallet.loyalty"
OWN_FORMAT_VERSION = 1
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


class RowRejected(ValueError):
    """A row that cannot become a membership; the message is the reason shown to the user."""


# ------------------------------------------------------------------------------ values


def parse_points(text: str) -> Points | None:
    """Points from a cell: "1200", "1,200", "12.5"; empty is "unknown"."""
    cleaned = text.strip().replace(" ", "").replace("_", "")
    if not cleaned:
        return None
    if _THOUSANDS.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise RowRejected(f"bad points balance {text.strip()!r}: not a number") from None
    if not number.is_finite() or number < 0:
        raise RowRejected(f"bad points balance {text.strip()!r}: must be 0 or more")
    return int(number) if number == number.to_integral_value() else number


def parse_day(text: str) -> date | None:
    """A date in ISO form (``2026-12-31``, or a timestamp whose day is taken); empty is none."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        if len(cleaned) == 10:
            return date.fromisoformat(cleaned)
        return datetime.fromisoformat(cleaned).date()
    except ValueError:
        raise RowRejected(f"bad expiry date {cleaned!r}: use YYYY-MM-DD") from None


def parse_barcode_type(text: str) -> str:
    """Our barcode type from names like "QR_CODE", "Code 128", "PKBarcodeFormatQR", "ean-13"."""
    cleaned = _NOT_ALNUM.sub("", text.lower()).removeprefix("pkbarcodeformat")
    aliases = {"qrcode": "qr", "upc": "upca", "pdf": "pdf417", "ean": "ean13"}
    kind = aliases.get(cleaned, cleaned)
    if not cleaned:
        return "qr"
    if kind not in BARCODE_TYPES:
        raise RowRejected(
            f"unsupported barcode type {text.strip()!r} (use one of {', '.join(BARCODE_TYPES)})"
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
        raise RowRejected("missing member number")
    if not texts.get("program", "").strip():
        raise RowRejected("missing program")
    values: dict[str, Any] = {
        name: texts.get(name, "")
        for name in ("program", "vendor", "member_number", "tier", "notes", "barcode_value")
    }
    values["points_balance"] = parse_points(texts.get("points_balance", ""))
    values["expiry"] = parse_day(texts.get("expiry", ""))
    values["barcode_type"] = parse_barcode_type(texts.get("barcode_type", ""))
    return draft_from_values(values)


def draft_from_values(values: Mapping[str, Any]) -> MembershipDraft:
    try:
        return MembershipDraft.model_validate(dict(values))
    except ValidationError as exc:
        raise RowRejected(validation_reason(exc)) from None


def _summary(texts: Mapping[str, Any]) -> str:
    parts = [str(texts.get(name) or "").strip() for name in ("program", "vendor")]
    return ", ".join(part for part in parts if part)


# ------------------------------------------------------------------------------ files


def read_import_file(path: Path) -> bytes:
    try:
        return read_bounded(Path(path), max_bytes=MAX_IMPORT_BYTES, what="loyalty file")
    except FileNotFoundError:
        raise InvalidInput(f"The file {path} does not exist; check the path.") from None


def decode_text(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"{path} is not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8 and "
            "try again. Nothing was imported."
        ) from None


def parse_file(path: Path, mapping: Mapping[str, str | None] | None = None) -> ParsedFile:
    """Read ``path`` (CSV or one of the JSON formats) into candidate rows."""
    path = Path(path)
    text = decode_text(read_import_file(path), path)
    if not text.strip():
        raise InvalidInput(f"{path} is empty; there is nothing to import.")
    looks_like_json = text.lstrip()[:1] in ("{", "[")
    if path.suffix.lower() == ".json" or (path.suffix.lower() != ".csv" and looks_like_json):
        if mapping:
            raise InvalidInput("A column mapping applies to CSV files only.")
        return parse_json(text, path)
    return parse_csv(text, path, mapping)


# ------------------------------------------------------------------------------ CSV


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


def check_mapping(columns: Sequence[str], mapping: Mapping[str, str | None]) -> None:
    seen: dict[str, str] = {}
    for column, name in mapping.items():
        if column not in columns:
            raise InvalidInput(
                f"The file has no column {column!r}; its columns are: {', '.join(columns)}."
            )
        if name is None:
            continue
        if name not in MEMBERSHIP_FIELDS:
            raise InvalidInput(
                f"{name!r} is not a membership field; use one of: {', '.join(MEMBERSHIP_FIELDS)}."
            )
        if name in seen:
            raise InvalidInput(f"Both {seen[name]!r} and {column!r} are mapped to {name}.")
        seen[name] = column


def _sniff_dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def parse_csv(text: str, path: Path, mapping: Mapping[str, str | None] | None = None) -> ParsedFile:
    reader = csv.reader(io.StringIO(text, newline=""), _sniff_dialect(text), strict=True)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise InvalidInput(
            f"{path} is not a well-formed CSV file (line {reader.line_num}: {exc}). "
            "Nothing was imported."
        ) from None
    if len(records) > MAX_IMPORT_ROWS + 1:
        raise InvalidInput(f"{path} has more than {MAX_IMPORT_ROWS} rows; split it up.")
    columns = tuple(cell.strip() for cell in records[0])
    if not any(columns) or len(set(columns)) != len(columns):
        raise InvalidInput(
            f"The first line of {path} must name each column once (e.g. Program, Card number, "
            "Points)."
        )
    chosen = dict(guess_mapping(columns))
    if mapping:
        check_mapping(columns, mapping)
        chosen.update(mapping)
        # A field mapped by hand is taken away from the column the guess gave it to.
        for column, name in list(chosen.items()):
            if name and column not in mapping and name in mapping.values():
                chosen[column] = None
    if "member_number" not in chosen.values():
        raise InvalidInput(
            f"No column of {path} holds the member number. Map one, e.g. "
            f"--map '{columns[0]}=member_number'."
        )
    candidates = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # blank lines are not rows
        texts = {
            name: record[i] if i < len(record) else ""
            for i, (column, name) in enumerate(chosen.items())
            if name
        }
        summary = _summary(texts)
        if len(record) > len(columns):
            candidates.append(
                Candidate(number, None, f"{len(record)} cells but {len(columns)} columns", summary)
            )
            continue
        try:
            candidates.append(Candidate(number, draft_from_texts(texts), summary=summary))
        except RowRejected as exc:
            candidates.append(Candidate(number, None, str(exc), summary))
    return ParsedFile("csv", columns, tuple(chosen.items()), tuple(candidates))


# ------------------------------------------------------------------------------ JSON


def parse_json(text: str, path: Path) -> ParsedFile:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}). "
            "Nothing was imported."
        ) from None
    if isinstance(document, dict) and document.get("format") == OWN_FORMAT:
        return _own_format(document, path)
    if isinstance(document, dict) and "formatVersion" in document:
        return ParsedFile("apple-wallet", (), (), (_apple_pass(document, path),))
    objects = _google_objects(document)
    if objects is not None:
        classes = _google_classes(document)
        candidates = [_google_object(i, item, classes) for i, item in enumerate(objects, 1)]
        return ParsedFile("google-wallet", (), (), tuple(candidates))
    memberships = _schema_org_memberships(document)
    if memberships is not None:
        candidates = [_schema_org(i, item) for i, item in enumerate(memberships, 1)]
        return ParsedFile("schema.org", (), (), tuple(candidates))
    raise InvalidInput(
        f"{path} is JSON but not a loyalty file this app reads: expected a VRM Wallet export, a "
        "Google Wallet LoyaltyObject, an Apple Wallet pass.json (store card) or schema.org "
        "ProgramMembership objects."
    )


def _candidate(row: int, build: Any, summary: str) -> Candidate:
    try:
        return Candidate(row, build(), summary=summary)
    except RowRejected as exc:
        return Candidate(row, None, str(exc), summary)


def _own_format(document: dict[str, Any], path: Path) -> ParsedFile:
    if document.get("version") != OWN_FORMAT_VERSION:
        raise InvalidInput(
            f"{path} is a VRM Wallet loyalty export of version {document.get('version')!r}; this "
            f"app reads version {OWN_FORMAT_VERSION}. Update VRM Wallet."
        )
    items = document.get("memberships")
    if not isinstance(items, list):
        raise InvalidInput(f"{path} has no list of memberships.")
    candidates = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            candidates.append(Candidate(number, None, "not a JSON object"))
            continue
        values = {k: v for k, v in item.items() if k in MEMBERSHIP_FIELDS}
        candidates.append(
            _candidate(number, lambda v=values: draft_from_values(v), _summary(values))
        )
    return ParsedFile("vrm-json", (), (), tuple(candidates))


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _localized(value: Any) -> str:
    """A Google ``LocalizedString`` ({defaultValue: {value}}) or a plain string."""
    if isinstance(value, dict):
        default = value.get("defaultValue")
        return _text(default.get("value")) if isinstance(default, dict) else ""
    return _text(value)


def _google_objects(document: Any) -> list[Any] | None:
    """The LoyaltyObjects of a single object, a list, or a save-to-wallet payload."""
    if isinstance(document, dict) and isinstance(document.get("payload"), dict):
        document = document["payload"]
    if isinstance(document, dict) and isinstance(document.get("loyaltyObjects"), list):
        return list(document["loyaltyObjects"])
    if isinstance(document, dict) and ("accountId" in document or "classId" in document):
        return [document]
    if (
        isinstance(document, list)
        and document
        and all(isinstance(item, dict) and "accountId" in item for item in document)
    ):
        return document
    return None


def _google_classes(document: Any) -> dict[str, dict[str, Any]]:
    if isinstance(document, dict) and isinstance(document.get("payload"), dict):
        document = document["payload"]
    classes: Iterable[Any] = ()
    if isinstance(document, dict) and isinstance(document.get("loyaltyClasses"), list):
        classes = document["loyaltyClasses"]
    return {str(c.get("id")): c for c in classes if isinstance(c, dict)}


def _google_points(points: Any) -> tuple[Points | None, str]:
    """The balance of a ``LoyaltyPoints`` (int, string, double or money) and a note."""
    if not isinstance(points, dict):
        return None, ""
    balance = points.get("balance")
    label = _localized(points.get("localizedLabel")) or _text(points.get("label"))
    if not isinstance(balance, dict):
        return None, ""
    if isinstance(balance.get("int"), int) and not isinstance(balance.get("int"), bool):
        return parse_points(str(balance["int"])), ""
    if "double" in balance:
        return parse_points(str(balance["double"])), ""
    if isinstance(balance.get("money"), dict):
        money = balance["money"]
        try:
            amount = Decimal(int(money.get("micros", 0))) / Decimal(1_000_000)
        except (TypeError, ValueError):
            raise RowRejected("bad points balance: money without micros") from None
        currency = _text(money.get("currencyCode"))
        return parse_points(str(amount)), f"Balance in {currency}." if currency else ""
    if isinstance(balance.get("string"), str):
        try:
            return parse_points(balance["string"]), ""
        except RowRejected:
            return None, f"{label or 'Balance'}: {balance['string'].strip()}."
    return None, ""


def _google_object(row: int, item: Any, classes: Mapping[str, dict[str, Any]]) -> Candidate:
    if not isinstance(item, dict):
        return Candidate(row, None, "not a JSON object")
    class_id = _text(item.get("classId"))
    loyalty_class = item.get("classReference") or classes.get(class_id) or {}
    program = _localized(loyalty_class.get("localizedProgramName")) or _text(
        loyalty_class.get("programName")
    )
    if not program and class_id:
        program = class_id.rsplit(".", 1)[-1].replace("_", " ")
    vendor = _localized(loyalty_class.get("localizedIssuerName")) or _text(
        loyalty_class.get("issuerName")
    )

    def build() -> MembershipDraft:
        points, points_note = _google_points(item.get("loyaltyPoints"))
        found = item.get("barcode")
        barcode: dict[str, Any] = found if isinstance(found, dict) else {}
        notes = [points_note]
        state = _text(item.get("state")).lower()
        if state and state != "active":
            notes.append(f"Google Wallet state: {state}.")
        interval = item.get("validTimeInterval")
        end = interval.get("end") if isinstance(interval, dict) else None
        expiry = parse_day(_text(end.get("date"))) if isinstance(end, dict) else None
        return draft_from_values(
            {
                "program": program,
                "vendor": vendor,
                "member_number": _text(item.get("accountId")),
                "tier": _tier_from_google(item),
                "points_balance": points,
                "expiry": expiry,
                "notes": " ".join(n for n in notes if n),
                "barcode_type": parse_barcode_type(_text(barcode.get("type"))),
                "barcode_value": _text(barcode.get("value")),
            }
        )

    if not _text(item.get("accountId")):
        return Candidate(row, None, "missing member number (accountId)", program)
    return _candidate(row, build, ", ".join(p for p in (program, vendor) if p))


def _tier_from_google(item: dict[str, Any]) -> str:
    """Google has no tier field; issuers put it in ``textModulesData`` ("Tier", "Level")."""
    for module in item.get("textModulesData") or ():
        if isinstance(module, dict):
            header = _text(module.get("header")).lower()
            if any(word in header for word in ("tier", "level", "status")):
                return _text(module.get("body"))
    return ""


def _apple_fields(card: dict[str, Any]) -> list[dict[str, Any]]:
    fields: list[dict[str, Any]] = []
    for group in ("headerFields", "primaryFields", "secondaryFields", "auxiliaryFields"):
        fields.extend(f for f in card.get(group) or () if isinstance(f, dict))
    fields.extend(f for f in card.get("backFields") or () if isinstance(f, dict))
    return fields


def _apple_field(fields: list[dict[str, Any]], words: tuple[str, ...]) -> str:
    for field in fields:
        name = f"{_text(field.get('key'))} {_text(field.get('label'))}".lower()
        if any(word in name for word in words):
            value = field.get("value")
            return str(value).strip() if isinstance(value, int | float | str) else ""
    return ""


def _apple_pass(document: dict[str, Any], path: Path) -> Candidate:
    card = document.get("storeCard")
    if not isinstance(card, dict):
        kinds = [k for k in ("boardingPass", "coupon", "eventTicket", "generic") if k in document]
        kind = kinds[0] if kinds else "pass without a style"
        raise InvalidInput(
            f"{path} is an Apple Wallet {kind}, not a store card; only store cards are loyalty "
            "cards."
        )
    barcodes = document.get("barcodes")
    barcode = barcodes[0] if isinstance(barcodes, list) and barcodes else document.get("barcode")
    barcode = barcode if isinstance(barcode, dict) else {}
    fields = _apple_fields(card)
    program = _text(document.get("logoText")) or _text(document.get("description"))
    vendor = _text(document.get("organizationName"))
    member_number = (
        _apple_field(fields, ("member", "account", "card number", "cardnumber"))
        or _text(barcode.get("message"))
        or _text(document.get("serialNumber"))
    )

    def build() -> MembershipDraft:
        notes = "Voided in Apple Wallet." if document.get("voided") is True else ""
        return draft_from_values(
            {
                "program": program or vendor,
                "vendor": vendor,
                "member_number": member_number,
                "tier": _apple_field(fields, ("tier", "level", "status")),
                "points_balance": parse_points(_apple_field(fields, ("point", "balance"))),
                "expiry": parse_day(_text(document.get("expirationDate"))),
                "notes": notes,
                "barcode_type": parse_barcode_type(_text(barcode.get("format"))),
                "barcode_value": _text(barcode.get("message")),
            }
        )

    return _candidate(1, build, ", ".join(p for p in (program, vendor) if p))


def _schema_org_memberships(document: Any) -> list[Any] | None:
    items = document if isinstance(document, list) else [document]
    if items and all(
        isinstance(item, dict) and item.get("@type") == "ProgramMembership" for item in items
    ):
        return items
    return None


def _schema_org(row: int, item: dict[str, Any]) -> Candidate:
    host = item.get("hostingOrganization")
    vendor = _text(host.get("name")) if isinstance(host, dict) else _text(host)
    program = _text(item.get("programName")) or _text(
        (item.get("program") or {}).get("name") if isinstance(item.get("program"), dict) else ""
    )

    def build() -> MembershipDraft:
        earned = item.get("membershipPointsEarned")
        if isinstance(earned, dict):
            earned = earned.get("value")
        return draft_from_values(
            {
                "program": program or vendor,
                "vendor": vendor,
                "member_number": _text(item.get("membershipNumber")),
                "points_balance": None if earned is None else parse_points(str(earned)),
            }
        )

    return _candidate(row, build, ", ".join(p for p in (program, vendor) if p))


# ------------------------------------------------------------------------------ export


def memberships_csv(drafts: Iterable[MembershipDraft]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(MEMBERSHIP_FIELDS)
    for draft in drafts:
        values = draft.model_dump(mode="json")
        writer.writerow(["" if values[n] is None else str(values[n]) for n in MEMBERSHIP_FIELDS])
    return buffer.getvalue().encode("utf-8")


def memberships_json(drafts: Iterable[MembershipDraft], exported: datetime) -> bytes:
    document = {
        "format": OWN_FORMAT,
        "version": OWN_FORMAT_VERSION,
        "exported": exported.isoformat(),
        "memberships": [draft.model_dump(mode="json") for draft in drafts],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
