"""Terms as IEEE 7012-2025 (MyTerms) describes them: the roster in three languages, a roster
agreement with parameterised clauses, acceptance bound to the exact terms (hash, parameters
included), the vendor's judgement of parameters, one counter-offer answered by the person, and
matching signed agreement records."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jwcrypto import jwk as jwcrypto_jwk
from jwcrypto import jws as jwcrypto_jws

from tests.intent_helpers import SHOE_ITEM
from tests.terms_helpers import proffered_document, requirement
from tests.wire_helpers import make_intention
from vendorkit.catalog import Catalog, OfferPlan, load_catalog
from vendorkit.server import make_vendors
from vendorkit.terms import judge_terms
from wallet import activity
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import generate_signing_key
from wallet.errors import InvalidInput
from wallet.offers.counters import answer_counter
from wallet.offers.funnel import run_funnel
from wallet.terms import (
    LANGUAGES,
    CatalogueError,
    ClauseChoice,
    TermsBook,
    load_catalogue,
    verify_agreement,
)
from wallet.terms.offered import (
    agreed_terms_sha256,
    counter_answers,
    counter_offers,
    keep_offer_terms,
)
from wallet.terms.roster import load_roster, parse_roster
from wallet.vault.facade import Vault
from wallet.wire import OfferList, parse_wire
from wallet.wire.models import Intention, Offer, SignedOffer
from wallet.wire.terms import ClauseLimit, TermsDocument, TermsRequirement, terms_sha256

ROSTER_IDS = ("SD-BASE", "SD-BASE-DP", "PDC-INTENT", "PDC-AI", "PDC-GOOD")
NOW = datetime(2026, 11, 22, 12, 0, 0, tzinfo=UTC)


# ---------------------------------------------------------------------------- the roster


def test_the_roster_has_the_five_agreements_in_three_languages() -> None:
    roster = load_roster()
    assert roster.ids == ROSTER_IDS
    for agreement in roster.agreements:
        for field in (agreement.title, agreement.text):
            texts = [field.get(language) for language in LANGUAGES]
            assert all(len(text) > 10 for text in texts), agreement.id
            assert len(set(texts)) == len(LANGUAGES), f"{agreement.id}: a text is untranslated"
    assert roster.agreement("pdc-intent").id == "PDC-INTENT"
    with pytest.raises(InvalidInput, match="the roster has SD-BASE, SD-BASE-DP"):
        roster.agreement("NO-SUCH")


def test_a_roster_missing_a_language_or_repeating_an_id_is_refused() -> None:
    data = json.loads(json.dumps(load_roster().model_dump()))
    del data["agreements"][0]["text"]["it"]
    with pytest.raises(CatalogueError, match=r"roster .* is damaged"):
        parse_roster(json.dumps(data).encode(), source="test")
    data = json.loads(json.dumps(load_roster().model_dump()))
    data["agreements"].append(data["agreements"][0])
    with pytest.raises(CatalogueError, match="appear twice: SD-BASE"):
        parse_roster(json.dumps(data).encode(), source="test")


# ---------------------------------------------------------------------------- composing


def test_an_agreement_with_parameterised_clauses_is_hashed_with_its_parameters(
    vault: Vault,
) -> None:
    book = TermsBook(vault)
    thirty = book.compose(
        [ClauseChoice("CC-RETENTION-DAYS", {"days": "30"})],
        language="es",
        agreement="pdc-intent",
    )
    assert thirty.document.agreement == "PDC-INTENT"
    assert thirty.document.wire()["clauses"] == [
        {"id": "CC-RETENTION-DAYS", "params": {"days": 30}}
    ]
    assert terms_sha256(thirty.document) == thirty.sha256
    required = thirty.requirement()  # what the intention carries: the document travels
    assert required.agreements == ["PDC-INTENT"] and required.sha256 == thirty.sha256
    assert required.document == thirty.document
    year = book.compose(
        [ClauseChoice("CC-RETENTION-DAYS", {"days": 365})], language="es", agreement="PDC-INTENT"
    )
    assert year.sha256 != thirty.sha256  # the parameter is part of what is accepted
    text = book.render(thirty, "it")
    assert "Condivido la mia intenzione di acquisto (PDC-INTENT)" in text and "30 giorni" in text
    assert book.diff(1, 2).describe(load_catalogue())[0].endswith("days 30 → 365")
    alone = book.compose([], language="en", agreement="SD-BASE")  # an agreement alone is enough
    assert alone.document.clauses == [] and "Service delivery only" in book.render(alone, "en")
    with pytest.raises(InvalidInput, match="Pick an agreement or at least one clause"):
        book.compose([], language="en")
    with pytest.raises(InvalidInput, match="Unknown agreement 'NOPE'"):
        book.compose([ClauseChoice("CC-NO-TRACKING")], language="en", agreement="NOPE")
    long_texts = [ClauseChoice.free(f"{n} " + "x" * 3990) for n in range(20)]
    with pytest.raises(InvalidInput, match="terms travel with every intention"):
        book.compose(long_texts, language="en", agreement="SD-BASE")
    assert [v.version for v in book.versions()] == [1, 2, 3]  # nothing saved


def test_terms_without_an_agreement_keep_their_canonical_bytes() -> None:
    document = proffered_document(None, CC_NO_TRACKING={})
    assert "agreement" not in document.wire()  # saved before the roster: same bytes, same hash
    assert b"agreement" not in canonical_bytes(document.wire())
    with pytest.raises(ValueError, match="roster agreement, at least one clause"):
        TermsDocument.model_validate({**document.wire(), "clauses": []})
    # absent is left out, never null: a null would drop out of the canonical form and the hash
    with pytest.raises(ValueError, match="left out, never null"):
        TermsDocument.model_validate({**document.wire(), "agreement": None})
    with pytest.raises(ValueError, match="left out, never null"):
        TermsRequirement.model_validate({**requirement(document), "document": None})


# ---------------------------------------------------------------------------- the vendor


def _catalog(**changes: Any) -> Catalog:
    return Catalog.model_validate(
        {
            "acceptedAgreements": ["SD-BASE", "PDC-INTENT"],
            "acceptedClauses": [{"id": "CC-RETENTION-DAYS", "atLeast": {"days": 365}}],
            "items": [{**SHOE_ITEM, "name": "Shoe", "price": "20.00"}],
            **changes,
        }
    )


def _offers(catalog: Catalog, intention: Intention) -> list[Offer]:
    [vendor] = make_vendors([generate_signing_key()], catalog)
    body = OfferPlan(catalog, intention).answer(vendor.signer, now=NOW)
    return [entry.offer for entry in parse_wire(body, OfferList).offers]


def _judge(document: TermsDocument, **changes: Any) -> Any:
    terms = parse_wire(json.dumps(requirement(document)).encode(), TermsRequirement)
    catalog = _catalog(**changes)
    return judge_terms(
        terms,
        agreements=catalog.acceptedAgreements,
        clauses=catalog.acceptedClauses,
        counter=catalog.counterAgreement,
        now=NOW,
    )


def test_a_vendor_keeping_data_a_year_does_not_accept_a_30_day_limit() -> None:
    thirty = proffered_document("PDC-INTENT", CC_RETENTION_DAYS={"days": 30})
    verdict = _judge(thirty)
    assert verdict.accepts is None and verdict.counter is None
    assert verdict.reason == "CC-RETENTION-DAYS asks days 30, and it can honour 365 or more"
    longer = proffered_document("PDC-INTENT", CC_RETENTION_DAYS={"days": 400})
    assert _judge(longer).accepts == terms_sha256(longer)
    assert _judge(proffered_document("PDC-AI")).reason == "it does not accept the agreement PDC-AI"
    unknown = proffered_document("SD-BASE", CC_NO_MARKETING={})
    assert "CC-NO-MARKETING is not among" in _judge(unknown).reason

    intention, _ = make_intention(terms=requirement(thirty))
    [offer] = _offers(_catalog(), intention)
    assert offer.acceptsTerms is None and offer.counterTerms is None  # declined
    intention, _ = make_intention(terms=requirement(longer))
    [offer] = _offers(_catalog(), intention)
    assert offer.acceptsTerms is not None and offer.acceptsTerms.sha256 == terms_sha256(longer)


def test_acceptance_binds_the_exact_document_so_changed_parameters_are_not_accepted() -> None:
    year = proffered_document("PDC-INTENT", CC_RETENTION_DAYS={"days": 400})
    terms = requirement(year)
    terms["document"]["clauses"][0]["params"]["days"] = 30  # the hash still names 400 days
    intention, _ = make_intention(terms=terms)
    [offer] = _offers(_catalog(), intention)
    assert offer.acceptsTerms is None
    without = {key: value for key, value in requirement(year).items() if key != "document"}
    assert "does not carry its terms document" in _judge_raw(without).reason
    listed = _catalog(acceptedAgreements=["SD-BASE", terms_sha256(year)])  # accepted by hash
    intention, _ = make_intention(terms=without | {"sha256": terms_sha256(year)})
    [offer] = _offers(listed, intention)
    assert offer.acceptsTerms is not None


def _judge_raw(terms: dict[str, Any]) -> Any:
    parsed = parse_wire(json.dumps(terms).encode(), TermsRequirement)
    catalog = _catalog()
    return judge_terms(
        parsed, agreements=catalog.acceptedAgreements, clauses=catalog.acceptedClauses,
        counter=None, now=NOW,
    )  # fmt: skip


def test_clause_limits_name_values_a_vendor_can_honour() -> None:
    region = [{"id": "CC-DATA-REGION", "oneOf": {"region": ["EEA", "EU"]}}]
    assert _judge(proffered_document(CC_DATA_REGION={"region": "EU"}), acceptedClauses=region)
    verdict = _judge(proffered_document(CC_DATA_REGION={"region": "US"}), acceptedClauses=region)
    assert verdict.accepts is None and "region US" in verdict.reason
    with pytest.raises(ValueError, match="counterAgreement must be one of acceptedAgreements"):
        _catalog(counterAgreement="PDC-GOOD")
    assert ClauseLimit(id="CC-NO-TRACKING").atLeast == {}


def test_the_sample_vendor_accepts_the_demo_default_terms_and_counters_otherwise() -> None:
    catalog = load_catalog()
    default = proffered_document(
        "PDC-INTENT",
        CC_NO_TRACKING={},
        CC_NO_THIRD_PARTY={},
        CC_RETENTION_DAYS={"days": 90},
        CC_DELETE_ON_END={"action": "delete", "within_days": 30},
    )
    intention, _ = make_intention(terms=requirement(default))
    offers = _offers(catalog, intention)
    accepting = [offer for offer in offers if offer.acceptsTerms]
    assert accepting and all(o.acceptsTerms.sha256 == terms_sha256(default) for o in accepting)  # type: ignore[union-attr]
    intention, _ = make_intention(terms=requirement(proffered_document("PDC-AI")))
    countered = [offer.counterTerms for offer in _offers(catalog, intention) if offer.counterTerms]
    assert countered, "the sample vendor counters with SD-BASE"
    counter = countered[0]
    assert counter.document.agreement == "SD-BASE" and counter.document.clauses == []
    assert counter.sha256 == terms_sha256(counter.document) == counter.record.terms_sha256
    verify_agreement(counter.record)


# ---------------------------------------------------------------------------- the person


def _signed_offers(catalog: Catalog, intention: Intention) -> tuple[list[SignedOffer], bytes]:
    [vendor] = make_vendors([generate_signing_key()], catalog)
    body = OfferPlan(catalog, intention).answer(vendor.signer, now=datetime.now(UTC))
    return list(parse_wire(body, OfferList).offers), body


def _keep(vault: Vault, envelope: SignedOffer) -> None:
    with vault.write() as connection:
        keep_offer_terms(vault, connection, envelope, signed_json=envelope.model_dump_json)


def test_a_counter_offer_is_seen_answered_and_then_counts_in_the_funnel(vault: Vault) -> None:
    book = TermsBook(vault)
    mine = book.compose([ClauseChoice("CC-RETENTION-DAYS", {"days": 30})], language="en")
    intention, _ = make_intention(terms=mine.requirement().model_dump(mode="json"))
    catalog = _catalog(counterAgreement="SD-BASE")
    [envelope], _ = _signed_offers(catalog, intention)
    assert envelope.offer.acceptsTerms is None and envelope.offer.counterTerms is not None
    _keep(vault, envelope)
    _keep(vault, envelope)  # kept once
    [pending] = counter_offers(vault)
    assert pending.agreement == "SD-BASE" and pending.answer is None
    assert [a.status for a in book.agreements()] == ["counter-offer"]
    [removed] = run_funnel(intention, [envelope.offer], counters=counter_answers(vault)).removed
    assert removed.code == "terms_not_accepted" and "proposes SD-BASE" in removed.reason

    answered = answer_counter(vault, envelope.offer.id, accept=True)
    assert answered.answer == "accepted"
    result = run_funnel(intention, [envelope.offer], counters=counter_answers(vault))
    assert [ranked.offer.id for ranked in result.kept] == [envelope.offer.id]
    with pytest.raises(InvalidInput, match="already accepted this counter-offer"):
        answer_counter(vault, envelope.offer.id, accept=False)
    [kept] = book.agreements()
    assert kept.status == "in force" and kept.agreement == "SD-BASE" and kept.terms_version is None
    # the person's half: a JWS over exactly the counter terms, checked with jwcrypto
    assert kept.kept.person_key is not None and kept.kept.person_signature is not None
    token = jwcrypto_jws.JWS()
    token.deserialize(kept.kept.person_signature)
    token.verify(jwcrypto_jwk.JWK(**kept.kept.person_key.model_dump()))
    assert bytes(token.payload) == canonical_bytes(envelope.offer.counterTerms.document.wire())  # type: ignore[union-attr]
    # the terms both agreed are what a consent given on this offer names
    assert agreed_terms_sha256(vault, envelope.offer) == envelope.offer.counterTerms.sha256  # type: ignore[union-attr]


def test_a_declined_counter_offer_keeps_the_offer_removed(vault: Vault) -> None:
    mine = TermsBook(vault).compose([ClauseChoice("CC-NO-MARKETING")], language="en")
    intention, _ = make_intention(terms=mine.requirement().model_dump(mode="json"))
    [envelope], _ = _signed_offers(_catalog(counterAgreement="SD-BASE"), intention)
    _keep(vault, envelope)
    assert answer_counter(vault, envelope.offer.id, accept=False).answer == "declined"
    [removed] = run_funnel(intention, [envelope.offer], counters=counter_answers(vault)).removed
    assert "you declined its counter-offer (SD-BASE)" in removed.reason
    assert [a.status for a in TermsBook(vault).agreements()] == ["declined"]
    assert agreed_terms_sha256(vault, envelope.offer) is None  # a consent names no terms


def test_an_offer_accepting_by_hash_is_listed_as_an_agreement(vault: Vault) -> None:
    """The bug: `terms agreements` said no vendor accepted after an offer accepted by hash."""
    book = TermsBook(vault)
    mine = book.compose([ClauseChoice("CC-RETENTION-DAYS", {"days": 400})], language="en")
    intention, _ = make_intention(terms=mine.requirement().model_dump(mode="json"))
    [envelope], _ = _signed_offers(_catalog(), intention)
    _keep(vault, envelope)
    [agreement] = book.agreements()
    assert agreement.status == "in force" and agreement.terms_version == mine.version
    assert envelope.offer.acceptsTerms is not None
    assert agreement.record == envelope.offer.acceptsTerms.record
    # a vendor that accepts by hash only: its signed offer is the record that is kept
    accepts = envelope.offer.acceptsTerms
    assert accepts is not None
    bare = envelope.offer.model_copy(
        update={
            "acceptsTerms": accepts.model_copy(update={"record": None}),
            "seller": envelope.offer.seller.model_copy(update={"id": "other-shop"}),
        }
    )
    _keep(vault, SignedOffer(offer=bare, signature=envelope.signature))
    listed = book.agreements()
    assert [a.kept.vendor_id for a in listed] == [envelope.offer.seller.id, "other-shop"]
    assert listed[1].record is None and listed[1].kept.accepted_at == bare.issued


@given(days=st.integers(min_value=1, max_value=3650), honours=st.integers(0, 4000))
@settings(max_examples=60, deadline=None)
def test_a_retention_limit_is_accepted_exactly_when_the_vendor_can_honour_it(
    days: int, honours: int
) -> None:
    document = proffered_document("PDC-INTENT", CC_RETENTION_DAYS={"days": days})
    limits = [{"id": "CC-RETENTION-DAYS", "atLeast": {"days": honours}}]
    verdict = _judge(document, acceptedClauses=limits)
    assert (verdict.accepts == terms_sha256(document)) == (days >= honours)


def test_a_record_signed_by_someone_else_is_refused_and_logged_not_kept(vault: Vault) -> None:
    mine = TermsBook(vault).compose([ClauseChoice("CC-NO-MARKETING")], language="en")
    intention, _ = make_intention(terms=mine.requirement().model_dump(mode="json"))
    [envelope], _ = _signed_offers(_catalog(counterAgreement="SD-BASE"), intention)
    [other], _ = _signed_offers(_catalog(counterAgreement="SD-BASE"), intention)
    assert envelope.offer.counterTerms is not None and other.offer.counterTerms is not None
    foreign = envelope.offer.counterTerms.model_copy(
        update={"record": other.offer.counterTerms.record}
    )
    swapped = envelope.offer.model_copy(update={"counterTerms": foreign})
    _keep(vault, SignedOffer(offer=swapped, signature=envelope.signature))
    assert counter_offers(vault) == []
    entry = vault.activity_page(limit=1)[0]
    assert entry.type == activity.AGREEMENT_REFUSED and entry.result == activity.NOT_COMPLETED
    assert "record accepts other terms" in (entry.reason or "")
