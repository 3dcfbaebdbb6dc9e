"""The published JSON Schemas (2020-12), generated from the pydantic wire models.

``python -m wallet.schemas`` writes ``resources/schemas/<name>.schema.json`` for every entry of
:data:`SCHEMAS`; ``--check`` only reports files that differ (a test runs the same comparison).
Features register their wire models by appending one line to :data:`SCHEMAS`
(``name: "module:Model"``, imported only when the schemas are generated).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from wallet.resources import resources_dir

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

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
}


def model_of(name: str) -> type[BaseModel]:
    module_name, _, attribute = SCHEMAS[name].partition(":")
    model = getattr(importlib.import_module(module_name), attribute)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise TypeError(f"{SCHEMAS[name]} is not a pydantic model")
    return model


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema of ``name``'s model, as published."""
    schema = model_of(name).model_json_schema(mode="validation")
    return {"$schema": JSON_SCHEMA_DIALECT, **schema}


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
