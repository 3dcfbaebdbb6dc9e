"""The terms wire formats as pydantic models: the single source of truth for JSON and schemas.

A :class:`TermsDocument` is what the consumer proffers (IEEE 7012-2025, MyTerms: an agreement of
the roster, optionally with catalogue clauses and their parameters); a :class:`SignedTerms` is its
export (the document, the SHA-256 of its RFC 8785 form, and a compact JWS over exactly those
bytes); an :class:`AgreementRecord` is a vendor's signed acceptance of one document hash.

On the intention protocol the terms travel whole: an intention's :class:`TermsRequirement` carries
the document and its hash, so a vendor reads and hashes exactly what it is asked to accept; an
offer answers with :class:`TermsAcceptance` (the hash and the vendor's signed record) or with one
:class:`CounterTerms` (another roster agreement, its document, hash and the vendor's record).

Times are RFC 3339 strings in UTC to the second (``2025-01-31T12:00:00Z``), kept as strings so
that a document re-parsed by anyone serialises to the same canonical bytes.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from functools import lru_cache
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from wallet.crypto.canonical import canonical_bytes
from wallet.wire.json_types import OnlyTrue

Language = Literal["en", "es", "it"]
LANGUAGES: tuple[Language, ...] = ("en", "es", "it")
CLAUSE_ID_PATTERN = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"
PARAM_NAME_PATTERN = r"^[a-z][a-z0-9_]*$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
UTC_SECONDS_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
URN_UUID_PATTERN = r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
COMPACT_JWS_PATTERN = r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$"
MAX_FREE_TEXT = 4000
MAX_CLAUSES = 100
MAX_AGREEMENTS = 100

AgreementId = Annotated[
    str,
    Field(
        pattern=CLAUSE_ID_PATTERN,
        max_length=64,
        description="a roster agreement id (IEEE 7012), e.g. SD-BASE or PDC-INTENT",
    ),
]


def _real_moment(text: str) -> str:
    # 2030-02-30T25:00:00Z fits the pattern, and a JSON Schema date-time check refuses it.
    try:
        parse_utc_timestamp(text)
    except ValueError:
        raise ValueError("is not a real date and time") from None
    return text


UtcTimestamp = Annotated[
    str,
    Field(pattern=UTC_SECONDS_PATTERN, json_schema_extra={"format": "date-time"}),
    AfterValidator(_real_moment),
]
Sha256Hex = Annotated[str, Field(pattern=SHA256_PATTERN, description="lower-case hex SHA-256")]
CompactJws = Annotated[str, Field(pattern=COMPACT_JWS_PATTERN, max_length=1024 * 1024)]
MAX_SAFE_INTEGER = 2**53 - 1  # bounded integers keep canonical JSON on the fast path (RFC 8785)
SafeInt = Annotated[StrictInt, Field(ge=-MAX_SAFE_INTEGER, le=MAX_SAFE_INTEGER)]
ParamValue = SafeInt | StrictStr


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

    free_text: OnlyTrue
    text: str = Field(min_length=1, max_length=MAX_FREE_TEXT)


Clause = StandardClause | FreeTextClause


def _absent(value: object) -> bool:
    return value is None


def _not_null(value: object) -> object:
    if value is None:
        raise ValueError("an absent member is left out, never null")
    return value


_Present = TypeVar("_Present")
# A member left out when absent, never null (the consent receipt's optional members too, in
# wallet.wire.consent): a null would be dropped from the canonical form and change the hash that
# acceptance binds. Build documents without the member rather than with None.
Omittable = Annotated[_Present | SkipJsonSchema[None], BeforeValidator(_not_null)]


class TermsDocument(_Wire):
    """One version of the consumer's terms, as it is canonicalised, hashed and signed.

    ``agreement`` names the roster agreement proffered; ``clauses`` are catalogue clauses (each
    with every parameter's value) and free text added to it. A document has an agreement, at
    least one clause, or both. ``agreement`` is left out of the JSON when there is none, so
    documents saved before the roster existed keep their canonical bytes and hash.
    """

    type: Literal["VrmTerms"]
    id: str = Field(pattern=URN_UUID_PATTERN, description="this version's own id")
    version: StrictInt = Field(
        ge=1, le=MAX_SAFE_INTEGER, description="1 for the first saved version, then 2, 3..."
    )
    issued: UtcTimestamp
    catalogue_version: StrictInt = Field(
        ge=1, le=MAX_SAFE_INTEGER, description="the clause catalogue the ids refer to"
    )
    language: Language = Field(description="the author's language (free text is written in it)")
    agreement: Omittable[AgreementId] = Field(
        default=None,
        description="the roster agreement proffered (left out when the terms are clauses only)",
        exclude_if=_absent,
    )
    clauses: list[Clause] = Field(max_length=MAX_CLAUSES)

    @model_validator(mode="after")
    def _promises_something(self) -> TermsDocument:
        if self.agreement is None and not self.clauses:
            raise ValueError("terms name a roster agreement, at least one clause, or both")
        return self

    def wire(self) -> dict[str, Any]:
        """The JSON object that is canonicalised (RFC 8785) for the hash and the signature."""
        return self.model_dump(mode="json")


def terms_sha256(document: TermsDocument) -> str:
    """The lower-case hex SHA-256 of ``document``'s RFC 8785 form: what acceptance binds."""
    return hashlib.sha256(canonical_bytes(document.wire())).hexdigest()


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


# ---------------------------------------------------------------------------- on the protocol


class ClauseLimit(_Wire):
    """A catalogue clause a vendor accepts, with the parameter values it can honour: a whole
    number at least ``atLeast[name]`` (a vendor that keeps data 365 days accepts
    ``CC-RETENTION-DAYS`` only with ``days`` of 365 or more), a value among ``oneOf[name]``.
    Parameters not named take any value."""

    id: str = Field(pattern=CLAUSE_ID_PATTERN, max_length=64)
    atLeast: dict[Annotated[str, Field(pattern=PARAM_NAME_PATTERN)], SafeInt] = Field(
        default_factory=dict, max_length=20
    )
    oneOf: dict[
        Annotated[str, Field(pattern=PARAM_NAME_PATTERN)],
        list[Annotated[StrictStr, Field(max_length=200)]],
    ] = Field(default_factory=dict, max_length=20)


class TermsRequirement(_Wire):
    """The person's terms an offer must accept (in an intention): the roster agreement they
    proffer, the hash acceptance binds, and the document itself so that the vendor reads and
    hashes exactly what it accepts (parameters included)."""

    agreements: list[AgreementId] = Field(
        default_factory=list,
        max_length=MAX_AGREEMENTS,
        description="the roster agreement the document proffers (empty: clauses only)",
    )
    sha256: Sha256Hex = Field(description="SHA-256 of the RFC 8785 form of document")
    document: Omittable[TermsDocument] = Field(
        default=None,
        description="the exact terms document (left out only by wallets older than the roster)",
        exclude_if=_absent,
    )


class TermsAcceptance(_Wire):
    """In an offer: the vendor accepts the intention's terms document with this hash, and
    (``record``) its signed agreement record for that hash, which both sides keep."""

    sha256: Sha256Hex
    record: Omittable[AgreementRecord] = Field(
        default=None,
        description="the vendor's signed AgreementRecord for sha256 (left out by vendors that "
        "accept by hash only; the signed offer is then the record)",
        exclude_if=_absent,
    )


class CounterTerms(_Wire):
    """In an offer: the vendor's one counter-offer instead of the proffered terms, a roster
    agreement in a document the vendor wrote, its hash and the vendor's signed record for it.

    The person answers it: accepted, the offer counts as accepting terms; declined, the offer
    stays removed as not accepting the person's terms.
    """

    sha256: Sha256Hex = Field(description="SHA-256 of the RFC 8785 form of document")
    document: TermsDocument = Field(description="the terms the vendor would accept")
    record: AgreementRecord = Field(description="the vendor's signed AgreementRecord for sha256")

    @model_validator(mode="after")
    def _one_roster_agreement(self) -> CounterTerms:
        if self.document.agreement is None or self.document.clauses:
            raise ValueError("a counter-offer is one roster agreement, without clauses")
        if self.record.terms_sha256 != self.sha256:
            raise ValueError("the counter-offer's record accepts another hash than its sha256")
        return self
