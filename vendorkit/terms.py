"""How the reference vendor answers the person's terms (IEEE 7012-2025, MyTerms).

The intention carries the terms document itself (``terms.document``) with its hash. The vendor
reads exactly that: it accepts when the SHA-256 of the document's RFC 8785 form is the hash, the
roster agreement (if any) is one it accepts (``acceptedAgreements``) and every clause is one of its
``acceptedClauses`` with parameters it can honour (a vendor that keeps data 365 days does not
accept "keep my data no longer than 30 days"). Otherwise it makes its one counter-offer, a
roster agreement (``counterAgreement``), or declines. Either answer carries the vendor's signed
agreement record for the hash, which it keeps in the offers it serves.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey
from wallet.wire.models import SellerIdentity
from wallet.wire.terms import (
    Acceptance,
    AgreementRecord,
    Clause,
    ClauseLimit,
    CounterTerms,
    FreeTextClause,
    TermsAcceptance,
    TermsDocument,
    TermsRequirement,
    Vendor,
    terms_sha256,
    utc_timestamp,
)


@dataclass(frozen=True, slots=True)
class TermsVerdict:
    """What a vendor answers to an intention's terms: the hash it accepts, or the document of
    its counter-offer, or neither (it declines); ``reason`` says why, for people and tests."""

    accepts: str | None
    counter: TermsDocument | None
    reason: str


def clause_problem(clause: Clause, limits: Mapping[str, ClauseLimit]) -> str | None:
    """Why the vendor cannot accept ``clause``, or None if it can."""
    if isinstance(clause, FreeTextClause):
        return "a clause in free text is not one it can accept unread"
    limit = limits.get(clause.id)
    if limit is None:
        return f"{clause.id} is not among the clauses it accepts"
    for name, least in limit.atLeast.items():
        value = clause.params.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value < least:
            return f"{clause.id} asks {name} {value}, and it can honour {least} or more"
    for name, allowed in limit.oneOf.items():
        value = clause.params.get(name)
        if value not in allowed:
            return f"{clause.id} asks {name} {value}, and it can honour {', '.join(allowed)}"
    return None


def judge_terms(
    terms: TermsRequirement,
    *,
    agreements: Sequence[str],
    clauses: Sequence[ClauseLimit],
    counter: str | None,
    now: datetime,
) -> TermsVerdict:
    """Accept, counter or decline ``terms`` by the vendor's published ``agreements`` (roster ids
    or hashes), ``clauses`` (with parameter limits) and ``counter`` agreement."""
    if terms.sha256 in agreements:
        return TermsVerdict(terms.sha256, None, "it accepts these terms by their hash")
    problem = _problem(terms, agreements, {limit.id: limit for limit in clauses})
    if problem is None:
        return TermsVerdict(terms.sha256, None, "it accepts the agreement and every clause")
    if counter is None or terms.document is None:
        return TermsVerdict(None, None, problem)
    proffered = terms.document
    document = TermsDocument(
        type="VrmTerms",
        id=uuid.uuid4().urn,
        version=1,
        issued=utc_timestamp(now),
        catalogue_version=proffered.catalogue_version,
        language=proffered.language,
        agreement=counter,
        clauses=[],
    )
    return TermsVerdict(None, document, f"{problem}; it proposes {counter} instead")


def _problem(
    terms: TermsRequirement, agreements: Sequence[str], limits: Mapping[str, ClauseLimit]
) -> str | None:
    document = terms.document
    if document is None:
        return "the intention does not carry its terms document, so it cannot read them"
    if terms_sha256(document) != terms.sha256:
        return "the terms document is not the one whose hash the intention gives"
    if document.agreement is not None and document.agreement not in agreements:
        return f"it does not accept the agreement {document.agreement}"
    for clause in document.clauses:
        problem = clause_problem(clause, limits)
        if problem is not None:
            return problem
    return None


def sign_record(
    key: SigningKey, seller: SellerIdentity, *, sha256: str, at: str
) -> AgreementRecord:
    """The vendor's signed acceptance of ``sha256`` at ``at``: a compact JWS whose payload is the
    RFC 8785 form of ``{terms_sha256, accepted_at, vendor}``."""
    acceptance = Acceptance(
        terms_sha256=sha256,
        accepted_at=at,
        vendor=Vendor(id=seller.id, name=seller.name, publicKey=seller.publicKey),
    )
    signature = key.sign_jws(canonical_bytes(acceptance.model_dump()), header={"cty": "json"})
    return AgreementRecord(**acceptance.model_dump(), signature=signature)


def answer_parts(
    verdict: TermsVerdict, key: SigningKey, seller: SellerIdentity, *, now: datetime
) -> tuple[TermsAcceptance | None, CounterTerms | None]:
    """An offer's ``acceptsTerms`` and ``counterTerms`` for ``verdict``, signed by ``key``."""
    at = utc_timestamp(now)
    if verdict.accepts is not None:
        record = sign_record(key, seller, sha256=verdict.accepts, at=at)
        return TermsAcceptance(sha256=verdict.accepts, record=record), None
    if verdict.counter is not None:
        sha256 = terms_sha256(verdict.counter)
        record = sign_record(key, seller, sha256=sha256, at=at)
        return None, CounterTerms(sha256=sha256, document=verdict.counter, record=record)
    return None, None
