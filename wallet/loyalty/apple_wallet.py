"""Apple Wallet store cards: the ``pass.json`` of a ``storeCard`` pass (one card per file).

The card's program is the pass's ``logoText`` or ``description``, its vendor the
``organizationName``; the member number, tier and points come from the pass fields whose key or
label says so (``member``, ``tier``, ``points`` …), else from the barcode message or the serial
number. Where a member has the wrong shape the file is refused (:mod:`wallet.loyalty.json_shapes`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wallet.errors import InvalidInput
from wallet.loyalty.json_shapes import object_at, objects_at, text
from wallet.loyalty.models import MembershipDraft
from wallet.loyalty.values import (
    Candidate,
    candidate,
    draft_from_values,
    parse_barcode_type,
    parse_day,
    parse_points,
    summary_of,
)

FIELD_GROUPS = ("headerFields", "primaryFields", "secondaryFields", "auxiliaryFields", "backFields")
OTHER_STYLES = ("boardingPass", "coupon", "eventTicket", "generic")


def is_apple_pass(document: Any) -> bool:
    return isinstance(document, dict) and "formatVersion" in document


def _fields(card: dict[str, Any]) -> list[dict[str, Any]]:
    fields: list[dict[str, Any]] = []
    for group in FIELD_GROUPS:
        fields.extend(objects_at(card, group, "storeCard"))
    return fields


def _field(fields: list[dict[str, Any]], words: tuple[str, ...]) -> str:
    """The value of the first field whose key or label holds one of ``words``."""
    for field in fields:
        name = f"{text(field.get('key'))} {text(field.get('label'))}".lower()
        if any(word in name for word in words):
            value = field.get("value")
            if isinstance(value, bool):
                return ""
            return str(value).strip() if isinstance(value, int | float | str) else ""
    return ""


def _barcode(document: dict[str, Any]) -> dict[str, Any]:
    barcodes = objects_at(document, "barcodes")
    return barcodes[0] if barcodes else object_at(document, "barcode")


def apple_candidate(document: dict[str, Any], path: Path) -> Candidate:
    """The store card of a pass as the file's one candidate row."""
    if "storeCard" not in document:
        kinds = [kind for kind in OTHER_STYLES if kind in document]
        kind = kinds[0] if kinds else "pass without a style"
        raise InvalidInput(
            f"{path} is an Apple Wallet {kind}, not a store card; only store cards are loyalty "
            "cards."
        )
    card = object_at(document, "storeCard")
    barcode = _barcode(document)
    fields = _fields(card)
    program = text(document.get("logoText")) or text(document.get("description"))
    vendor = text(document.get("organizationName"))
    member_number = (
        _field(fields, ("member", "account", "card number", "cardnumber"))
        or text(barcode.get("message"))
        or text(document.get("serialNumber"))
    )

    def build() -> MembershipDraft:
        notes = "Voided in Apple Wallet." if document.get("voided") is True else ""
        return draft_from_values(
            {
                "program": program or vendor,
                "vendor": vendor,
                "member_number": member_number,
                "tier": _field(fields, ("tier", "level", "status")),
                "points_balance": parse_points(_field(fields, ("point", "balance"))),
                "expiry": parse_day(text(document.get("expirationDate"))),
                "notes": notes,
                "barcode_type": parse_barcode_type(text(barcode.get("format"))),
                "barcode_value": text(barcode.get("message")),
            }
        )

    return candidate(1, build, summary_of(program, vendor))
