"""The canonical bytes (RFC 8785) of wire models, with a fast path each model earns from its schema.

Our signers build the object they send once, ``model.wire()``, and sign ``canonical_wire(model)``,
its RFC 8785 bytes (the signing rule of :mod:`wallet.wire.signing`: a verifier compares the
payload with the object it *received*, never with a model of its own). The general
:func:`~wallet.crypto.canonical.canonical_bytes` walks the whole document in Python to find the
values for which sorted compact JSON is not already the RFC 8785 form (floats, integers beyond
2^53, text that needs NFC). A wire model can rule the first two out by construction: if its
serialisation schema admits only strings, booleans, null, integers with bounds inside ±(2^53 - 1),
and objects and arrays of those, then sorted compact JSON of its document is canonical as soon as
the text is ASCII (ASCII needs no NFC and sorts alike by code point and by UTF-16 unit). That
check runs once per model class, on the schema pydantic generates, so a model that later gains a
float or a free-form field silently takes the general path instead of a wrong one.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any, Protocol

from pydantic import BaseModel

from wallet.crypto.canonical import canonical_bytes

MAX_SAFE_INTEGER = 2**53 - 1


class _WireModel(Protocol):
    def wire(self) -> dict[str, Any]: ...


def canonical_wire(model: _WireModel) -> bytes:
    """RFC 8785 bytes of ``model.wire()``: what our signature over ``model`` covers, since
    ``model.wire()`` is the object we send."""
    assert isinstance(model, BaseModel)
    return canonical_document_bytes(type(model), model.wire())


def canonical_members(members: Mapping[str, bytes]) -> bytes:
    """RFC 8785 bytes of a JSON object given each member's value as RFC 8785 bytes already.

    For documents built many times from mostly the same parts (a vendor's offers for one
    intention): the shared members are encoded once and only the others each time. Keys must be
    ASCII, which sorts alike by code point and by UTF-16 unit, as the RFC orders them.
    """
    return b"{%s}" % b",".join(_member_name(key) + members[key] for key in sorted(members))


@lru_cache(maxsize=4096)
def _member_name(key: str) -> bytes:
    """``"key":`` in RFC 8785 form (member names are few and repeat in every document)."""
    if not key.isascii():
        raise ValueError("canonical_members takes ASCII keys only")
    return canonical_bytes(key, plain_values=True) + b":"


def canonical_document_bytes(model_class: type[BaseModel], document: dict[str, Any]) -> bytes:
    """RFC 8785 bytes of ``document``, a JSON dump (``mode="json"``) of a ``model_class``."""
    return canonical_bytes(document, plain_values=plain_json_only(model_class))


@cache
def plain_json_only(model_class: type[BaseModel]) -> bool:
    """True if every JSON dump of ``model_class`` holds only strings, booleans, null, safe
    integers, and objects and arrays of those (judged from its serialisation schema)."""
    schema = model_class.model_json_schema(mode="serialization", by_alias=True)
    return _plain(schema, schema.get("$defs", {}), frozenset())


def _plain(node: Any, definitions: dict[str, Any], visiting: frozenset[str]) -> bool:
    if not isinstance(node, dict) or not node:
        return False  # `true` or `{}`: any JSON value at all
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name in visiting:
            return True  # a recursive model: its members are judged where it is first met
        target = definitions.get(name)
        return target is not None and _plain(target, definitions, visiting | {name})
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in node:
            return all(_plain(part, definitions, visiting) for part in node[combinator])
    if "enum" in node or "const" in node:
        values = node.get("enum", [node.get("const")])
        return all(_plain_constant(value) for value in values)
    kind = node.get("type")
    if kind in ("string", "boolean", "null"):
        return True
    if kind == "integer":
        return _bounded(node)
    if kind == "array":
        return _plain(node.get("items"), definitions, visiting) and all(
            _plain(part, definitions, visiting) for part in node.get("prefixItems", [])
        )
    if kind == "object":
        # pydantic writes dict[Key, Value] with a key pattern as patternProperties alone
        members = [
            *node.get("properties", {}).values(),
            *node.get("patternProperties", {}).values(),
        ]
        extra = node.get("additionalProperties", not members)
        if extra is not False and not _plain(extra, definitions, visiting):
            return False
        return all(_plain(member, definitions, visiting) for member in members)
    return False


def _bounded(node: dict[str, Any]) -> bool:
    low = node.get("minimum", node.get("exclusiveMinimum"))
    high = node.get("maximum", node.get("exclusiveMaximum"))
    return (
        isinstance(low, int)
        and isinstance(high, int)
        and low >= -MAX_SAFE_INTEGER
        and high <= MAX_SAFE_INTEGER
    )


def _plain_constant(value: Any) -> bool:
    if value is None or isinstance(value, str | bool):
        return True
    return type(value) is int and abs(value) <= MAX_SAFE_INTEGER
