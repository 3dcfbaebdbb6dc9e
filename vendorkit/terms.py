"""How the reference vendor answers the person's terms (IEEE 7012-2025, MyTerms).

The intention carries the terms document itself (``terms.document``) with its hash. The vendor
reads exactly that: it accepts when the SHA-256 of the document's RFC 8785 form is the hash, the
roster agreement (if any) is one it accepts (``acceptedAgreements``) and every clause is one of its
``acceptedClauses`` with parameters it can honour (a vendor that keeps data 365 days does not
accept "keep my data no longer than 30 days"). Otherwise it makes its one counter-offer, a
roster agreement (``counterAgreement``), or declines. Either answer carries the vendor's signed
agreement record for the hash, which it keeps in the offers it serves. When the person accepts a
counter-offer, their ``TermsAccepted`` notice carries their signature over the counter terms;
:func:`checked_counter_acceptance` checks it against the counter-offer the vendor served, and
:func:`agreement_entries` lists the vendor's records with the person's acceptances beside them.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey, verifying_key_from_jwk
from wallet.errors import InvalidKey, SignatureInvalid
from wallet.wire.models import SellerIdentity
from wallet.wire.notices import CounterAcceptance
from wallet.wire.signing import verify_signed_object
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


class AcceptanceRefused(Exception):
    """Why a ``TermsAccepted`` notice is refused, with the HTTP status the vendor answers."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def served_terms(response: bytes) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(offer id, ``acceptsTerms`` or ``counterTerms``, that member as served) of each offer in an
    ``OfferList`` body the vendor sent, for offers that answer the person's terms with a record."""
    for entry in json.loads(response).get("offers", []):
        offer = entry["offer"]
        for member in ("acceptsTerms", "counterTerms"):
            answered = offer.get(member)
            if isinstance(answered, dict) and "record" in answered:
                yield offer["id"], member, answered


def checked_counter_acceptance(
    response: bytes, offer_id: str, acceptance: CounterAcceptance
) -> str:
    """The counter terms hash that ``acceptance`` accepts, if it is the person's valid signature
    over the counter-offer the vendor served in ``offer_id`` (``response``, its ``OfferList``);
    raises :class:`AcceptanceRefused` (404 no such counter-offer, 401 a bad key or signature,
    409 another hash) otherwise."""
    served = {
        offered: answered
        for offered, member, answered in served_terms(response)
        if member == "counterTerms"
    }
    counter = served.get(offer_id)
    if counter is None:
        raise AcceptanceRefused(404, "this vendor made no counter-offer in that offer")
    try:
        key = verifying_key_from_jwk(acceptance.publicKey.model_dump())
        if key.kid != acceptance.kid:
            raise SignatureInvalid("the terms kid is not the thumbprint of the terms key")
        payload = verify_signed_object(
            key, acceptance.signature, counter["document"], what="counter terms"
        )
    except (SignatureInvalid, InvalidKey) as exc:
        raise AcceptanceRefused(401, str(exc)) from None
    if acceptance.sha256 != counter["sha256"] or hashlib.sha256(payload).hexdigest() != (
        acceptance.sha256
    ):
        raise AcceptanceRefused(409, "termsAcceptance.sha256 is not the counter-offer's hash")
    return acceptance.sha256


def agreement_entries(
    vendor_id: str,
    served: Mapping[str, bytes],
    acceptances: Mapping[str, Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """The vendor's agreement records: one per intention and terms hash, from the offers it
    ``served`` (``OfferList`` bodies by intention id), each with the offers that carry it and,
    for a counter-offer, the person's signed acceptance once received (``acceptances``, by
    intention id and hash joined with a space)."""
    entries: dict[tuple[str, str], dict[str, Any]] = {}
    for intention_id, response in served.items():
        for offer_id, member, answered in served_terms(response):
            sha256 = answered["sha256"]
            entry = entries.setdefault(
                (intention_id, sha256),
                {
                    "vendor": vendor_id,
                    "intention": intention_id,
                    "offers": [],
                    "terms_sha256": sha256,
                    "answer": "counter-offer" if member == "counterTerms" else "accepted",
                    "record": answered["record"],
                },
            )
            entry["offers"].append(offer_id)
            if member == "counterTerms":
                entry["agreement"] = answered["document"].get("agreement")
                accepted = acceptances.get(f"{intention_id} {sha256}")
                entry["status"] = "in force" if accepted else "awaiting the person"
                if accepted:
                    entry["personAcceptance"] = dict(accepted)
            else:
                entry["status"] = "in force"
    return list(entries.values())


def log_path(records_dir: Path, index: int) -> Path:
    """Where vendor ``index`` appends what its agreement records are made of (``serve
    --records``), one JSON object a line: offers it served with terms, and acceptances."""
    return records_dir / f"agreements-{index}.jsonl"


def append_log(records_dir: Path, index: int, line: Mapping[str, Any]) -> None:
    """Append ``line`` to vendor ``index``'s log (one write: lines of concurrent processes do
    not interleave)."""
    records_dir.mkdir(parents=True, exist_ok=True)
    with log_path(records_dir, index).open("ab") as log:
        log.write(json.dumps(line, separators=(",", ":")).encode("utf-8") + b"\n")


def logged_agreements(records_dir: Path) -> list[dict[str, Any]]:
    """Every vendor's agreement records from the logs in ``records_dir``."""
    entries: list[dict[str, Any]] = []
    for path in sorted(records_dir.glob("agreements-*.jsonl")):
        vendor_id = ""
        served: dict[str, bytes] = {}
        acceptances: dict[str, Mapping[str, Any]] = {}
        for text in path.read_text(encoding="utf-8").splitlines():
            line = json.loads(text)
            vendor_id = line["vendor"]
            if "served" in line:
                served[line["intention"]] = json.dumps(line["served"]).encode("utf-8")
            else:
                acceptances[line["accepted"]] = line["termsAcceptance"]
        entries.extend(agreement_entries(vendor_id, served, acceptances))
    return entries
