"""The committed JSON Schemas under resources/schemas/ match the pydantic models, and any
2020-12 validator can compile them in strict mode: standard keywords only, a stable ``$id`` each,
objects that refuse members they do not name, ``required`` and nullability as the protocol text
says. (Ajv itself compiles them in CI: interop/js.)"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.schema_documents import example_documents
from wallet.schemas import (
    JSON_SCHEMA_DIALECT,
    SCHEMA_VERSION,
    SCHEMAS,
    model_of,
    schema_id,
    schema_path,
    schema_text,
    schemas_dir,
    stale_schemas,
)
from wallet.wire.models import WIRE_VERSION

# The keywords of the 2020-12 vocabularies (core, applicator, unevaluated, validation,
# meta-data, format-annotation, content), by what their value is.
SUBSCHEMA = {
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
    "contentSchema",
}
SUBSCHEMA_LISTS = {"allOf", "anyOf", "oneOf", "prefixItems"}
SUBSCHEMA_MAPS = {"properties", "patternProperties", "dependentSchemas", "$defs"}
VALUES = {
    "$schema",
    "$id",
    "$ref",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
    "$vocabulary",
    "$comment",
    "type",
    "const",
    "enum",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxContains",
    "minContains",
    "maxProperties",
    "minProperties",
    "required",
    "dependentRequired",
    "title",
    "description",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "examples",
    "format",
    "contentEncoding",
    "contentMediaType",
}
STANDARD_KEYWORDS = SUBSCHEMA | SUBSCHEMA_LISTS | SUBSCHEMA_MAPS | VALUES
ALL_FILES = sorted(schemas_dir().rglob("*.json"))


def subschemas(node: Any, pointer: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object in ``node`` with its JSON pointer (``const``/``default`` values and
    property names are data, not schemas)."""
    if not isinstance(node, dict):
        return
    yield pointer, node
    for keyword, value in node.items():
        if keyword in SUBSCHEMA:
            yield from subschemas(value, f"{pointer}/{keyword}")
        elif keyword in SUBSCHEMA_LISTS:
            for index, branch in enumerate(value):
                yield from subschemas(branch, f"{pointer}/{keyword}/{index}")
        elif keyword in SUBSCHEMA_MAPS:
            for name, branch in value.items():
                yield from subschemas(branch, f"{pointer}/{keyword}/{name}")


def load(path: Path) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def published(name: str) -> dict[str, Any]:
    return load(schema_path(name))


def test_committed_schemas_match_the_models() -> None:
    assert stale_schemas() == [], "run `python -m wallet.schemas` and commit the result"


def test_schemas_are_2020_12_and_name_the_terms_formats() -> None:
    assert {"terms", "agreement"} <= set(SCHEMAS)
    for name in ("terms", "agreement"):
        schema = published(name)
        assert schema["$schema"] == JSON_SCHEMA_DIALECT
        assert json.loads(schema_text(name)) == schema
    terms = published("terms")
    assert set(terms["required"]) == {"document", "sha256", "signature", "publicKey", "kid"}


def test_every_schema_uses_only_standard_2020_12_keywords() -> None:
    assert len(ALL_FILES) > len(SCHEMAS)  # the generated ones and the external Kantara one
    unknown = [
        f"{path.name}{pointer}: {keyword}"
        for path in ALL_FILES
        for pointer, node in subschemas(load(path))
        for keyword in node
        if keyword not in STANDARD_KEYWORDS
    ]
    assert unknown == []


def test_the_keyword_check_would_see_a_discriminator_or_a_custom_key() -> None:
    schema = {"properties": {"a": {"oneOf": [{"type": "string"}], "discriminator": {}}}}
    schema["$defs"] = {"B": {"x-pydantic": 1, "default": {"discriminator": 1}}}
    found = {key for _, node in subschemas(schema) for key in node if key not in STANDARD_KEYWORDS}
    assert found == {"discriminator", "x-pydantic"}


def test_every_schema_has_a_stable_id_that_points_nowhere() -> None:
    assert SCHEMA_VERSION == WIRE_VERSION
    ids = [load(path).get("$id") for path in ALL_FILES]
    assert all(isinstance(id_, str) and id_.startswith("urn:vrm-wallet:schema:") for id_ in ids)
    assert len(set(ids)) == len(ids)
    for name in SCHEMAS:
        schema = published(name)
        assert schema["$schema"] == JSON_SCHEMA_DIALECT
        assert schema["$id"] == schema_id(name) == f"urn:vrm-wallet:schema:{name}:1"


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_every_object_refuses_members_it_does_not_name(name: str) -> None:
    """Objects with named members are closed; maps (free specs, disclosed data) say what their
    keys and values may be, never "anything"."""
    for pointer, node in subschemas(published(name)):
        if "properties" in node or "patternProperties" in node:
            assert node.get("additionalProperties") is False, f"{name}{pointer}"
        elif node.get("type") == "object":
            assert isinstance(node.get("additionalProperties"), dict), f"{name}{pointer}"
            assert "propertyNames" in node or "patternProperties" in node, f"{name}{pointer}"


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = published(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_a_disclosure_holds_only_wallet_field_keys() -> None:
    signed = example_documents()["signed-disclosure"][0]
    assert validator("signed-disclosure").is_valid(signed)
    for key in ("Name With Spaces", "", "x" * 65, "../etc"):
        signed["disclosure"]["data"] = {key: "value"}
        assert not validator("signed-disclosure").is_valid(signed), key
    data = published("signed-disclosure")["$defs"]["Disclosure"]["properties"]["data"]
    assert data["additionalProperties"] is False


def test_the_consent_receipt_requires_version_and_never_holds_null() -> None:
    schema = published("consent-receipt")
    assert {"version", "vrm", "publicKey", "spiCat"} <= set(schema["required"])
    assert "language" not in schema["required"]
    assert "consentType" in schema["$defs"]["KantaraPurpose"]["required"]
    receipt = example_documents()["consent-receipt"][1]
    check = validator("consent-receipt")
    assert check.is_valid(receipt)
    for edit in (
        lambda r: r.pop("version"),
        lambda r: r["services"][0]["purposes"][0].pop("consentType"),
        lambda r: r["vrm"].update(offer=None),
        lambda r: r["vrm"].update(terms=None),
        lambda r: r["piiControllers"][0].update(onBehalf=None),
        lambda r: r["piiControllers"][0].update(piiControllerUrl=None),
        lambda r: r["services"][0]["purposes"][1].update(thirdPartyName=None),
    ):
        edited = example_documents()["consent-receipt"][1]
        edit(edited)
        assert not check.is_valid(edited)
        with pytest.raises(ValueError):
            model_of("consent-receipt").model_validate(edited)


def test_no_member_of_a_consent_receipt_may_be_null() -> None:
    """Protocol §9.2: absent optional members are left out, never null."""
    for pointer, node in subschemas(published("consent-receipt")):
        assert node.get("type") != "null", pointer
        assert "default" not in node or node["default"] is not None, pointer


def test_an_acknowledgement_without_a_countersignature_leaves_it_out_or_writes_null() -> None:
    """Protocol §9.5: only a DisclosureAccepted carries one; the others leave it out (or write
    null, which the signing rule keeps as signed). The model and the schema agree."""
    check, model = validator("signed-acknowledgement"), model_of("signed-acknowledgement")
    for signed in example_documents()["signed-acknowledgement"]:
        acknowledgement = signed["acknowledgement"]
        if acknowledgement["type"] == "DisclosureAccepted":
            continue
        assert "countersignature" not in acknowledgement
        for edited in ({**acknowledgement}, {**acknowledgement, "countersignature": None}):
            document = {**signed, "acknowledgement": edited}
            assert check.is_valid(document)
            model.model_validate(document)


def _proposal_of(document: dict[str, Any]) -> dict[str, Any]:
    holder = document.get("intention", document)
    proposal: dict[str, Any] = holder.get("loyaltyProposal", holder)
    return proposal


@pytest.mark.parametrize("name", ["loyalty-proposal", "intention", "signed-intention"])
def test_a_commitment_names_its_kind_for_the_model_and_the_schema(name: str) -> None:
    """The tagged union is a plain ``oneOf`` without OpenAPI's ``discriminator``; its tag
    (``kind``) stays required by both, as the discriminator required it of the model."""
    assert "discriminator" not in schema_text(name)
    for document in example_documents()[name]:
        proposal = _proposal_of(document)
        if not isinstance(proposal, dict) or "commitment" not in proposal:
            continue
        assert validator(name).is_valid(document)
        del proposal["commitment"]["kind"]
        assert not validator(name).is_valid(document)
        with pytest.raises(ValueError):
            model_of(name).model_validate(document)


def test_patterns_mean_the_same_in_every_regex_engine() -> None:
    """``\\d`` and ``\\w`` are ASCII in ECMAScript (Ajv) but Unicode in Python and in pydantic's
    Rust engine: a time written in Arabic-Indic digits passed the model and failed Ajv. The
    schemas spell the classes out ([0-9])."""
    shorthand = [
        f"{path.name}{pointer}"
        for path in ALL_FILES
        for pointer, node in subschemas(load(path))
        for pattern in [node.get("pattern", ""), *node.get("patternProperties", {})]
        if "\\d" in pattern or "\\w" in pattern
    ]
    assert shorthand == []
    notice = example_documents()["signed-notice"][0]
    notice["notice"]["issued"] = "\u0662\u0660\u0663\u0660-01-08T12:00:00Z"  # 2030 in Arabic-Indic
    with pytest.raises(ValueError):
        model_of("signed-notice").model_validate(notice)
