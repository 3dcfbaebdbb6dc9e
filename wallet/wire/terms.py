"""The terms wire formats as pydantic models: the single source of truth for JSON and schemas.

A :class:`TermsDocument` is what the consumer proffers; a :class:`SignedTerms` is its export (the
document, the SHA-256 of its RFC 8785 form, and a compact JWS over exactly those bytes); an
:class:`AgreementRecord` is a vendor's signed acceptance of one document hash. Times are RFC 3339
strings in UTC to the second (``2025-01-31T12:00:00Z``), kept as strings so that a document
re-parsed by anyone serialises to the same canonical bytes.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

Language = Literal["en", "es", "it"]
LANGUAGES: tuple[Language, ...] = ("en", "es", "it")
CLAUSE_ID_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"
PARAM_NAME_PATTERN = r"^[a-z][a-z0-9_]*$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
UTC_SECONDS_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"
URN_UUID_PATTERN = r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
COMPACT_JWS_PATTERN = r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$"
MAX_FREE_TEXT = 4000
MAX_CLAUSES = 100

UtcTimestamp = Annotated[
    str, Field(pattern=UTC_SECONDS_PATTERN, json_schema_extra={"format": "date-time"})
]
Sha256Hex = Annotated[str, Field(pattern=SHA256_PATTERN, description="lower-case hex SHA-256")]
CompactJws = Annotated[str, Field(pattern=COMPACT_JWS_PATTERN, max_length=1024 * 1024)]
ParamValue = StrictInt | StrictStr


def utc_timestamp(moment: datetime | None = None) -> str:
    """``moment`` (default now) in the one textual form the wire formats use."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


_UTC_SECONDS = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z", re.ASCII)


@lru_cache(maxsize=4096)
def parse_utc_timestamp(text: str) -> datetime:
    """``text`` (``2025-01-31T12:00:00Z``) as an aware UTC datetime; ``ValueError`` if it is not.

    The strict form is read with a regular expression (``strptime`` is slow and was a hot spot
    of the vendor kit); anything else goes to ``strptime``, which accepts or refuses as before.
    Results are cached: offers of one moment share their timestamps.
    """
    match = _UTC_SECONDS.fullmatch(text)
    if match is not None:
        try:
            year, month, day, hour, minute, second = (int(part) for part in match.groups())
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        except ValueError:
            pass
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PublicJwk(_Wire):
    """An Ed25519 public key as a JWK (RFC 8037); checked again by ``verifying_key_from_jwk``."""

    kty: Literal["OKP"]
    crv: Literal["Ed25519"]
    x: str = Field(pattern=r"^[A-Za-z0-9_-]{43}$", description="the 32-byte key, base64url")


class StandardClause(_Wire):
    """A catalogue clause by its stable id, with every parameter's value spelled out."""

    id: str = Field(pattern=CLAUSE_ID_PATTERN, max_length=64)
    params: dict[Annotated[str, Field(pattern=PARAM_NAME_PATTERN)], ParamValue]


class FreeTextClause(_Wire):
    """A clause in the author's own words (in the document's language); never translated."""

    free_text: Literal[True]
    text: str = Field(min_length=1, max_length=MAX_FREE_TEXT)


Clause = StandardClause | FreeTextClause


class TermsDocument(_Wire):
    """One version of the consumer's terms, as it is canonicalised, hashed and signed."""

    type: Literal["VrmTerms"]
    id: str = Field(pattern=URN_UUID_PATTERN, description="this version's own id")
    version: int = Field(ge=1, description="1 for the first saved version, then 2, 3...")
    issued: UtcTimestamp
    catalogue_version: int = Field(ge=1, description="the clause catalogue the ids refer to")
    language: Language = Field(description="the author's language (free text is written in it)")
    clauses: list[Clause] = Field(min_length=1, max_length=MAX_CLAUSES)

    def wire(self) -> dict[str, Any]:
        """The JSON object that is canonicalised (RFC 8785) for the hash and the signature."""
        return self.model_dump(mode="json")


class SignedTerms(_Wire):
    """The export of one version: what a vendor needs to check it and to accept its hash."""

    document: TermsDocument
    sha256: Sha256Hex = Field(description="SHA-256 of the RFC 8785 canonical JSON of document")
    signature: CompactJws = Field(
        description="compact JWS (alg Ed25519) whose payload is the canonical JSON of document"
    )
    publicKey: PublicJwk
    kid: str = Field(description="RFC 7638 thumbprint of publicKey; the JWS header's kid")


class Vendor(_Wire):
    """Who accepted: the vendor's id and name as it presents them, and its signing key."""

    id: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1, max_length=200)
    publicKey: PublicJwk


class Acceptance(_Wire):
    """What the vendor signs: "vendor V accepted terms hash H at time T"."""

    terms_sha256: Sha256Hex
    accepted_at: UtcTimestamp
    vendor: Vendor


class AgreementRecord(_Wire):
    """A vendor's acceptance of one terms version, with its compact JWS over the canonical
    JSON of ``{terms_sha256, accepted_at, vendor}`` made with ``vendor.publicKey``."""

    terms_sha256: Sha256Hex
    accepted_at: UtcTimestamp
    vendor: Vendor
    signature: CompactJws

    def acceptance(self) -> Acceptance:
        return Acceptance(
            terms_sha256=self.terms_sha256, accepted_at=self.accepted_at, vendor=self.vendor
        )
