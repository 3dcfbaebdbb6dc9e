"""Terms as an intention carries them (IEEE 7012): a document, its hash, its roster agreement."""

from __future__ import annotations

import uuid
from typing import Any

from wallet.wire.terms import StandardClause, TermsDocument, terms_sha256, utc_timestamp


def proffered_document(
    agreement: str | None = "SD-BASE", **params: dict[str, Any]
) -> TermsDocument:
    """A terms document proffering ``agreement`` with the catalogue clauses named in ``params``
    (``CC_RETENTION_DAYS={"days": 30}`` is ``CC-RETENTION-DAYS`` with days 30)."""
    return TermsDocument(
        type="VrmTerms",
        id=uuid.uuid4().urn,
        version=1,
        issued=utc_timestamp(),
        catalogue_version=1,
        language="en",
        **({"agreement": agreement} if agreement else {}),
        clauses=[
            StandardClause(id=name.replace("_", "-"), params=values)
            for name, values in params.items()
        ],
    )


def requirement(document: TermsDocument) -> dict[str, Any]:
    """The intention's ``terms`` member for ``document``."""
    return {
        "agreements": [document.agreement] if document.agreement else [],
        "sha256": terms_sha256(document),
        "document": document.wire(),
    }
