"""Google Wallet loyalty cards: ``LoyaltyObject`` s alone, in a list or in a save-to-wallet payload.

The fields read are those of the Google Wallet API's ``LoyaltyObject`` (``accountId``,
``loyaltyPoints.balance`` as ``int``, ``double``, ``string`` or ``money.micros``, ``barcode``,
``validTimeInterval``, ``state``, ``textModulesData``) and of its ``LoyaltyClass``
(``programName``, ``issuerName``), given inline as ``classReference`` or in ``loyaltyClasses``.
Where a member has the wrong shape the whole file is refused (:mod:`wallet.loyalty.json_shapes`);
a bad value rejects its object's row only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from wallet.loyalty.bounds import MAX_POINTS_DECIMALS, MAX_POINTS_INTEGER_DIGITS
from wallet.loyalty.json_shapes import (
    localized,
    object_at,
    object_or_none,
    objects_at,
    objects_in,
    path_of,
    text,
)
from wallet.loyalty.models import MembershipDraft, Points
from wallet.loyalty.values import (
    Candidate,
    RowRejected,
    candidate,
    draft_from_values,
    parse_barcode_type,
    parse_day,
    points_from_json,
    summary_of,
)

# Google writes int64 values such as micros as JSON strings; more digits than this cannot be a
# points balance below 10^12 with 6 decimals.
_MICROS_DIGITS = MAX_POINTS_INTEGER_DIGITS + MAX_POINTS_DECIMALS
_MICROS = re.compile(rf"-?\d{{1,{_MICROS_DIGITS}}}")
_MICROS_LIMIT = 10**_MICROS_DIGITS


def _container(document: Any) -> tuple[Any, str]:
    """The part of ``document`` holding the objects (a save-to-wallet ``payload`` or itself)."""
    if isinstance(document, dict) and isinstance(document.get("payload"), dict):
        return document["payload"], "payload"
    return document, ""


def google_objects(document: Any) -> list[tuple[str, dict[str, Any]]] | None:
    """The LoyaltyObjects of a document with where each is, or ``None`` if it holds none."""
    found, where = _container(document)
    if isinstance(found, dict) and "loyaltyObjects" in found:
        here = path_of(where, "loyaltyObjects")
        return [
            (f"{here}[{i}]", item)
            for i, item in enumerate(objects_at(found, "loyaltyObjects", where))
        ]
    if isinstance(found, dict) and ("accountId" in found or "classId" in found):
        return [(where, found)]
    if (
        isinstance(found, list)
        and found
        and all(isinstance(item, dict) and "accountId" in item for item in found)
    ):
        return [(f"[{i}]", item) for i, item in enumerate(objects_in(found, "the list"))]
    return None


def google_classes(document: Any) -> dict[str, dict[str, Any]]:
    """The LoyaltyClasses given beside the objects, by id."""
    found, where = _container(document)
    if not isinstance(found, dict):
        return {}
    return {text(c.get("id")): c for c in objects_at(found, "loyaltyClasses", where)}


def _money(money: dict[str, Any], where: str) -> tuple[Points | None, str]:
    micros = money.get("micros", 0)
    if isinstance(micros, str) and _MICROS.fullmatch(micros.strip()):
        micros = int(micros.strip())
    if not isinstance(micros, int) or isinstance(micros, bool):
        raise RowRejected(f"bad points balance: {where}.micros is not a whole number")
    if abs(micros) >= _MICROS_LIMIT:  # checked on the integer, before any Decimal is built
        raise RowRejected(f"bad points balance: {where}.micros is too large")
    amount = points_from_json(Decimal(micros).scaleb(-MAX_POINTS_DECIMALS))
    currency = text(money.get("currencyCode"))[:3]
    return amount, f"Balance in {currency}." if currency else ""


@dataclass(frozen=True, slots=True)
class _Balance:
    """The parts of a ``LoyaltyPoints`` member, their shape checked."""

    where: str
    balance: dict[str, Any]
    money: dict[str, Any]
    label: str

    @classmethod
    def of(cls, item: dict[str, Any], where: str) -> _Balance:
        points = object_at(item, "loyaltyPoints", where)
        here = path_of(where, "loyaltyPoints")
        balance = object_at(points, "balance", here)
        label = localized(points.get("localizedLabel"), f"{here}.localizedLabel")
        return cls(
            here,
            balance,
            object_at(balance, "money", f"{here}.balance"),
            label or text(points.get("label")),
        )

    def value(self) -> tuple[Points | None, str]:
        """The balance (int, double, money or string) and a note, or :class:`RowRejected`."""
        balance = self.balance
        if "int" in balance:
            return points_from_json(balance["int"]), ""
        if "double" in balance:
            return points_from_json(balance["double"]), ""
        if self.money:
            return _money(self.money, f"{self.where}.balance.money")
        if isinstance(balance.get("string"), str):
            try:
                return points_from_json(balance["string"]), ""
            except RowRejected:
                return None, f"{self.label or 'Balance'}: {balance['string'].strip()}."
        return None, ""


def _tier(item: dict[str, Any], where: str) -> str:
    """Google has no tier field; issuers put it in ``textModulesData`` ("Tier", "Level")."""
    for module in objects_at(item, "textModulesData", where):
        header = text(module.get("header")).lower()
        if any(word in header for word in ("tier", "level", "status")):
            return text(module.get("body"))
    return ""


def _validity_end(item: dict[str, Any], where: str) -> dict[str, Any]:
    interval = object_at(item, "validTimeInterval", where)
    return object_at(interval, "end", path_of(where, "validTimeInterval"))


def google_candidate(
    row: int, item: dict[str, Any], where: str, classes: Mapping[str, dict[str, Any]]
) -> Candidate:
    """One LoyaltyObject as a candidate row; shape errors raise, bad values reject the row."""
    class_id = text(item.get("classId"))
    inline = object_or_none(item.get("classReference"), path_of(where, "classReference"))
    loyalty_class = inline or classes.get(class_id) or {}
    class_where = path_of(where, "classReference") if inline else "loyaltyClasses"
    program = localized(
        loyalty_class.get("localizedProgramName"), f"{class_where}.localizedProgramName"
    ) or text(loyalty_class.get("programName"))
    if not program and class_id:
        program = class_id.rsplit(".", 1)[-1].replace("_", " ")
    vendor = localized(
        loyalty_class.get("localizedIssuerName"), f"{class_where}.localizedIssuerName"
    ) or text(loyalty_class.get("issuerName"))
    # Every part is read first, so that a shape error refuses the file whatever the values.
    barcode = object_at(item, "barcode", where)
    tier = _tier(item, where)
    balance = _Balance.of(item, where)
    end = _validity_end(item, where)
    summary = summary_of(program, vendor)

    def build() -> MembershipDraft:
        points, points_note = balance.value()
        notes = [points_note]
        state = text(item.get("state")).lower()[:40]
        if state and state != "active":
            notes.append(f"Google Wallet state: {state}.")
        return draft_from_values(
            {
                "program": program,
                "vendor": vendor,
                "member_number": text(item.get("accountId")),
                "tier": tier,
                "points_balance": points,
                "expiry": parse_day(text(end.get("date"))),
                "notes": " ".join(n for n in notes if n),
                "barcode_type": parse_barcode_type(text(barcode.get("type"))),
                "barcode_value": text(barcode.get("value")),
            }
        )

    if not text(item.get("accountId")):
        return Candidate(row, None, "missing member number (accountId)", summary)
    return candidate(row, build, summary)
