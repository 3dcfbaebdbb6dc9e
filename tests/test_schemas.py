"""The committed JSON Schemas under resources/schemas/ match the pydantic models."""

from __future__ import annotations

import json

from wallet.schemas import JSON_SCHEMA_DIALECT, SCHEMAS, schema_path, schema_text, stale_schemas


def test_committed_schemas_match_the_models() -> None:
    assert stale_schemas() == [], "run `python -m wallet.schemas` and commit the result"


def test_schemas_are_2020_12_and_name_the_terms_formats() -> None:
    assert {"terms", "agreement"} <= set(SCHEMAS)
    for name in ("terms", "agreement"):
        schema = json.loads(schema_path(name).read_text(encoding="utf-8"))
        assert schema["$schema"] == JSON_SCHEMA_DIALECT
        assert json.loads(schema_text(name)) == schema
    terms = json.loads(schema_path("terms").read_text(encoding="utf-8"))
    assert set(terms["required"]) == {"document", "sha256", "signature", "publicKey", "kid"}
