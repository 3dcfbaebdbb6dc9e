"""JSON values read as exactly what the published schemas say they are.

pydantic's lax mode reads ``1`` or ``"yes"`` as ``true``, ``"5"`` or ``true`` as ``5``, ``0`` as
the date 1970-01-01 and ``"2030-01-10T00:00:00"`` as a date. A JSON Schema validator refuses all
of those, so a vendor's validator and the wallet would disagree about one document. The wire
models therefore use ``StrictBool`` and ``StrictInt`` for booleans and whole numbers, and these
for dates and the protocol version (tests/test_schemas_against_models.py).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator

__all__ = ["IsoDate", "OnlyTrue", "VersionOne"]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _iso_date_text(value: object) -> object:
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("a date is written as text, YYYY-MM-DD")


def _whole_number(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError("must be a whole number")


def _boolean(value: object) -> object:
    if isinstance(value, bool):
        return value
    raise ValueError("must be true or false")


# A calendar date written YYYY-MM-DD (a date object in Python code).
IsoDate = Annotated[date, BeforeValidator(_iso_date_text)]
# The protocol version member: the number 1 (pydantic would also take true, which equals 1).
VersionOne = Annotated[Literal[1], BeforeValidator(_whole_number)]
# A flag that is always true when present (pydantic would also take 1, which equals true).
OnlyTrue = Annotated[Literal[True], BeforeValidator(_boolean)]
