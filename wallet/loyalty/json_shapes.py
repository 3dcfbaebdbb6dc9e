"""Reading the JSON of a loyalty file within bounds, and checking its shape as we go.

:func:`load_document` reads the text with :func:`wallet.wire.signing.load_json` (size, nesting
depth, repeated keys, huge integers). The readers then walk the document with the helpers here:
a member that must be an object or a list but is something else raises :class:`ShapeError`
naming where (``textModulesData[0]``), which :func:`wallet.loyalty.formats.parse_file` turns into
one clear :class:`~wallet.errors.InvalidInput` for the whole file: a file of the wrong shape is
not the format it claims to be. Leaf values of the wrong type (a number where text belongs) are
read as missing, and a wrong *value* (bad points, no member number) rejects only its row.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from wallet.errors import InvalidInput
from wallet.loyalty.bounds import MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_JSON_CONTAINERS
from wallet.wire.signing import MAX_JSON_DEPTH, WireFormatError, load_json


class ShapeError(ValueError):
    """A member of a JSON document is not the kind of value its format says (object, list)."""


def wrong_kind(where: str, expected: str, found: Any) -> ShapeError:
    return ShapeError(f"{where} must be {expected}, not {kind_of(found)}")


def kind_of(value: Any) -> str:
    """What a JSON value is, in words ("a number", "text")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def load_document(data: bytes, path: Path) -> Any:
    """The JSON in ``data`` (read from ``path``), or one :class:`InvalidInput` naming the file."""
    # Brackets inside strings count too, so this over-counts: it only ever refuses more.
    if data.count(b"[") + data.count(b"{") > MAX_JSON_CONTAINERS:
        raise InvalidInput(
            f"The loyalty file {path} holds more than {MAX_JSON_CONTAINERS} lists and objects, "
            "far more than any card list needs. Nothing was imported."
        )
    try:
        return load_json(data, max_bytes=MAX_IMPORT_BYTES, what=f"loyalty file {path}")
    except WireFormatError as exc:
        reason = str(exc)
        # Python's own limits, met while decoding, in the words of our bounds.
        if "integer string conversion" in reason:
            limit = sys.get_int_max_str_digits()
            reason = f"The loyalty file {path} holds a number of more than {limit} digits."
        elif "maximum recursion depth" in reason:
            reason = f"The loyalty file {path} nests deeper than {MAX_JSON_DEPTH} levels."
        elif str(path) not in reason:
            reason = f"The loyalty file {path} cannot be read: {reason}"
        raise InvalidInput(f"{reason} Nothing was imported.") from None


def path_of(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def object_or_none(value: Any, where: str) -> dict[str, Any] | None:
    """``value`` if it is an object, ``None`` if absent (null); anything else is a shape error."""
    if value is None or isinstance(value, dict):
        return value
    raise wrong_kind(where, "an object", value)


def object_at(document: dict[str, Any], key: str, where: str = "") -> dict[str, Any]:
    """The object at ``document[key]``, or an empty one if absent."""
    return object_or_none(document.get(key), path_of(where, key)) or {}


def objects_at(document: dict[str, Any], key: str, where: str = "") -> list[dict[str, Any]]:
    """The list of objects at ``document[key]`` (empty if absent), at most the row bound long."""
    found = document.get(key)
    here = path_of(where, key)
    if found is None:
        return []
    if not isinstance(found, list):
        raise wrong_kind(here, "a list of objects", found)
    return objects_in(found, here)


def objects_in(items: list[Any], where: str) -> list[dict[str, Any]]:
    """``items``, each checked to be an object; more than the row bound is refused."""
    if len(items) > MAX_IMPORT_ROWS:
        raise ShapeError(f"{where} has more than {MAX_IMPORT_ROWS} items")
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise wrong_kind(f"{where}[{index}]", "an object", item)
    return items


def text(value: Any) -> str:
    """A string member stripped; anything else (absent, a number, an object) reads as empty."""
    return value.strip() if isinstance(value, str) else ""


def localized(value: Any, where: str) -> str:
    """A Google ``LocalizedString`` (``{defaultValue: {value}}``) or a plain string."""
    if isinstance(value, dict):
        default = object_or_none(value.get("defaultValue"), f"{where}.defaultValue") or {}
        return text(default.get("value"))
    return text(value)
