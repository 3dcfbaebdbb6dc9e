"""The published JSON Schemas (2020-12), generated from the pydantic wire models.

``python -m wallet.schemas`` writes ``resources/schemas/<name>.schema.json`` for every entry of
:data:`SCHEMAS`; ``--check`` only reports files that differ (a test runs the same comparison).
Features register their wire models by appending one line to :data:`SCHEMAS`
(``name: "module:Model"``, imported only when the schemas are generated).

Every published schema compiles in any 2020-12 validator's strict mode (Ajv ``strict: true``):
it has a stable ``$id`` (:func:`schema_id`, a URN that names no server) and only standard
keywords. pydantic's output is made so by :func:`standard_schema` without changing what it
accepts: OpenAPI's ``discriminator`` is dropped (the ``oneOf`` branches already differ by a
required ``const`` tag), a ``"default": null`` on a member that may not be null is dropped, and
a map whose keys must match a pattern refuses other keys (``additionalProperties: false``), as
the model does.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from wallet.resources import resources_dir

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# The protocol version (``wallet.wire.models.WIRE_VERSION``) the schemas describe: part of each
# ``$id``, so a later incompatible version gets new ids instead of changing these.
SCHEMA_VERSION = 1
SCHEMA_ID_PREFIX = "urn:vrm-wallet:schema:"

# Append-only: name -> "module:Model".
SCHEMAS: dict[str, str] = {
    "terms": "wallet.wire.terms:SignedTerms",
    "agreement": "wallet.wire.terms:AgreementRecord",
    "loyalty-proposal": "wallet.loyalty.models:ProposalTerms",
    "vendor-metadata": "wallet.wire.models:VendorMetadata",
    "intention": "wallet.wire.models:Intention",
    "offer": "wallet.wire.models:Offer",
    "signed-intention": "wallet.wire.models:SignedIntention",
    "signed-offer": "wallet.wire.models:SignedOffer",
    "offer-list": "wallet.wire.models:OfferList",
    "signed-notice": "wallet.wire.notices:SignedNotice",
    "consent-receipt": "wallet.wire.consent:ConsentReceipt",
    "signed-disclosure": "wallet.wire.consent:SignedDisclosure",
    "signed-consent-notice": "wallet.wire.consent:SignedConsentNotice",
    "signed-acknowledgement": "wallet.wire.consent:SignedAcknowledgement",
    "data-subject-request": "wallet.consents.requests:DataSubjectRequest",
    "sealed-offer-list": "wallet.wire.models:SealedOfferList",
}


def model_of(name: str) -> type[BaseModel]:
    module_name, _, attribute = SCHEMAS[name].partition(":")
    model = getattr(importlib.import_module(module_name), attribute)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise TypeError(f"{SCHEMAS[name]} is not a pydantic model")
    return model


def schema_id(name: str) -> str:
    """The stable ``$id`` of a published schema, e.g. ``urn:vrm-wallet:schema:intention:1``.

    A URN rather than a URL: nothing is fetched from it and it points at no server.
    """
    return f"{SCHEMA_ID_PREFIX}{name}:{SCHEMA_VERSION}"


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema of ``name``'s model, as published."""
    schema = standard_schema(model_of(name).model_json_schema(mode="validation"))
    return {"$schema": JSON_SCHEMA_DIALECT, "$id": schema_id(name), **schema}


def standard_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (pydantic's output, changed in place) with only standard 2020-12 keywords."""
    definitions = schema.get("$defs", {})
    for node in _schema_nodes(schema):
        _drop_discriminator(node, definitions)
        _drop_null_default(node)
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
    return schema


def _drop_discriminator(node: dict[str, Any], definitions: dict[str, Any]) -> None:
    """Drop OpenAPI's ``discriminator``, after checking that every branch requires the tag (the
    model refuses a document without it, so the schema must too)."""
    discriminator = node.pop("discriminator", None)
    if discriminator is None:
        return
    tag = discriminator["propertyName"]
    for branch in node["oneOf"]:
        target = branch
        if "$ref" in branch:
            target = definitions[branch["$ref"].removeprefix("#/$defs/")]
        if tag not in target.get("required", ()):
            raise ValueError(f"the tag {tag!r} of a tagged union must be required: {branch}")


def _drop_null_default(node: dict[str, Any]) -> None:
    """A ``"default": null`` where null is not allowed says the member may be left out; the
    missing ``required`` entry says that already, and a validator may reject the lie."""
    if "default" in node and node["default"] is None and not _allows_null(node):
        del node["default"]


def _allows_null(node: dict[str, Any]) -> bool:
    kinds = node.get("type")
    if kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
        return True
    branches = [*node.get("anyOf", ()), *node.get("oneOf", ())]
    return any(_allows_null(branch) for branch in branches)


# Keywords whose value is a subschema, a list of them, or a map of name -> subschema.
_SUBSCHEMA = (
    "items",
    "additionalProperties",
    "propertyNames",
    "not",
    "contains",
    "if",
    "then",
    "else",
    "unevaluatedItems",
    "unevaluatedProperties",
)
_SUBSCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")
_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")


def _schema_nodes(node: Any) -> Iterator[dict[str, Any]]:
    """Every (sub)schema object in ``node``, ``node`` first (never a ``const`` or ``default``)."""
    if not isinstance(node, dict):
        return
    yield node
    for keyword in _SUBSCHEMA:
        yield from _schema_nodes(node.get(keyword))
    for keyword in _SUBSCHEMA_LISTS:
        for branch in node.get(keyword, ()):
            yield from _schema_nodes(branch)
    for keyword in _SUBSCHEMA_MAPS:
        for branch in node.get(keyword, {}).values():
            yield from _schema_nodes(branch)


def schema_text(name: str) -> str:
    return json.dumps(schema_of(name), indent=2, ensure_ascii=False) + "\n"


def schemas_dir() -> Path:
    return resources_dir() / "schemas"


def schema_path(name: str) -> Path:
    return schemas_dir() / f"{name}.schema.json"


def stale_schemas() -> list[str]:
    """Names whose committed file is missing or differs from the model."""
    stale = []
    for name in SCHEMAS:
        path = schema_path(name)
        if not path.exists() or path.read_text(encoding="utf-8") != schema_text(name):
            stale.append(name)
    return stale


def write_schemas() -> list[Path]:
    schemas_dir().mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = schema_path(name)
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wallet.schemas", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report stale schema files")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_schemas()
        for name in stale:
            print(f"stale: {schema_path(name)}", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
