"""The vendors' answers to the person's terms that arrive in offers, and the person's answers to
counter-offers (IEEE 7012: a vendor accepts, makes one counter-offer from the roster, or
declines).

When an offer is stored, :func:`keep_offer_terms` keeps (once per vendor and terms) the vendor's
signed agreement record for one of the person's versions, or the signed offer itself from a
vendor that accepts by hash only, and keeps a counter-offer as awaiting the person's answer. The
person answers a counter-offer with ``wallet.offers.counters.answer_counter`` (which uses
:func:`record_counter_answer`): accepted, the person signs the counter terms with their terms key,
the vendor is sent that signature, and the offer counts as accepting terms in the funnel;
declined, it stays removed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.errors import InvalidInput, NotFound, WalletError
from wallet.storage.connection import Connection
from wallet.terms import store
from wallet.terms.book import KEY_PURPOSE, keep_agreement, stored_of
from wallet.terms.records import Answer, KeptAgreement, StoredAgreement, parse_kept
from wallet.terms.signing import sign_document, verify_agreement
from wallet.vault.facade import Vault
from wallet.wire.models import Offer, SignedOffer
from wallet.wire.notices import CounterAcceptance
from wallet.wire.terms import (
    AgreementRecord,
    PublicJwk,
    terms_sha256,
    utc_timestamp,
)

MAX_REASON = 200


def keep_offer_terms(
    vault: Vault,
    connection: Connection,
    envelope: SignedOffer,
    *,
    signed_json: Callable[[], str],
) -> None:
    """Keep what a stored (verified) offer says about the person's terms, inside the caller's
    write transaction; a record that does not verify is logged as refused, never kept.
    ``signed_json`` gives the signed offer as it arrived (kept when it is the only record)."""
    offer = envelope.offer
    accepts, counter = offer.acceptsTerms, offer.counterTerms
    answered = accepts or counter
    if answered is None or store.find_agreement_for(
        connection, vendor_id=offer.seller.id, terms_sha256=answered.sha256
    ):
        return  # no answer, or this vendor's answer for these terms is kept already (checked once)
    try:
        if accepts is not None:
            if store.version_of_hash(connection, accepts.sha256) is None:
                return  # not terms of ours (the funnel removes the offer)
            kept = KeptAgreement(record=accepts.record, offer=offer.id)
            if accepts.record is None:
                kept = KeptAgreement(signed_offer=signed_json(), offer=offer.id)
            else:
                received = _received_record(signed_json(), "acceptsTerms")
                _check_record(accepts.record, envelope, accepts.sha256, received=received)
        elif counter is not None:
            received = _received_record(signed_json(), "counterTerms")
            _check_record(counter.record, envelope, counter.sha256, received=received)
            if terms_sha256(counter.document) != counter.sha256:
                raise InvalidInput("the counter-offer's sha256 is not the hash of its terms")
            kept = KeptAgreement(record=counter.record, offer=offer.id, counter=counter.document)
        else:
            return
    except WalletError as exc:
        vault.record(
            connection,
            ActivityEvent(
                activity.AGREEMENT_REFUSED,
                result=activity.NOT_COMPLETED,
                party=offer.seller.name[:MAX_REASON],
                reason=str(exc)[:MAX_REASON],
            ),
        )
        return
    keep_agreement(vault, connection, kept)
    what = f"counter-offer {counter.document.agreement}" if counter else "accepts your terms"
    vault.record(
        connection, ActivityEvent(activity.AGREEMENT_STORED, party=kept.vendor_name, reason=what)
    )


def _received_record(signed_offer: str, member: str) -> dict[str, Any] | None:
    """The agreement record inside the offer's ``member`` as it arrived (the stored offer is
    kept exactly as it came: the signing rule checks the record's signature against it)."""
    offer = json.loads(signed_offer).get("offer", {})
    record = offer.get(member, {}).get("record") if isinstance(offer, dict) else None
    return record if isinstance(record, dict) else None


def _check_record(
    record: AgreementRecord,
    envelope: SignedOffer,
    sha256: str,
    *,
    received: Mapping[str, Any] | None,
) -> None:
    """The record verifies (against ``received``, as it arrived), is the offer's seller's, and
    accepts ``sha256``."""
    seller = envelope.offer.seller
    if record.terms_sha256 != sha256:
        raise InvalidInput("the agreement record accepts other terms than the offer says")
    if record.vendor.id != seller.id or record.vendor.publicKey != seller.publicKey:
        raise InvalidInput("the agreement record is not the offer's seller's")
    verify_agreement(record, received=received)


@dataclass(frozen=True, slots=True)
class CounterOffer:
    """A vendor's counter-offer as the person sees it."""

    stored: StoredAgreement
    offer_id: str
    agreement: str
    answer: Answer | None


def counter_offers(vault: Vault, *, answered_only: bool = False) -> list[CounterOffer]:
    """Every counter-offer kept, oldest first, answered or not (or only answered ones)."""
    result = []
    for row in store.agreements_holding(vault.reader, "answer" if answered_only else "counter"):
        kept = parse_kept(row.record)
        if kept.counter is None or kept.counter.agreement is None or kept.offer is None:
            continue
        stored = stored_of(row)
        result.append(CounterOffer(stored, kept.offer, kept.counter.agreement, kept.answer))
    return result


def counter_answers(vault: Vault) -> dict[str, Answer]:
    """The person's answers by counter terms hash (for the funnel)."""
    return {
        counter.stored.terms_sha256: counter.answer
        for counter in counter_offers(vault, answered_only=True)
        if counter.answer is not None
    }


def agreed_terms_sha256(vault: Vault, offer: Offer) -> str | None:
    """The hash of the terms both sides agreed in ``offer``: the person's, which it accepted,
    or its counter-offer once the person accepted that; else ``None`` (what a consent receipt
    given on this offer names)."""
    if offer.acceptsTerms is not None:
        return offer.acceptsTerms.sha256
    counter = offer.counterTerms
    if counter is not None and counter_answers(vault).get(counter.sha256) == "accepted":
        return counter.sha256
    return None


def find_counter(vault: Vault, offer_id: str) -> CounterOffer:
    """The counter-offer in ``offer_id``, not yet answered (answers are final)."""
    found = next((c for c in counter_offers(vault) if c.offer_id == offer_id), None)
    if found is None:
        raise NotFound(
            f"No vendor made a counter-offer in offer {offer_id!r}.",
            cli_hint="`terms counters` lists them.",
        )
    if found.answer is not None:
        raise InvalidInput(f"You already {found.answer} this counter-offer; answers are final.")
    return found


def record_counter_answer(
    vault: Vault, connection: Connection, found: CounterOffer, *, accept: bool
) -> tuple[CounterOffer, CounterAcceptance | None]:
    """Keep the person's answer to ``found`` (from :func:`find_counter`) inside the caller's
    write transaction; accepted, also the person's signed acceptance the vendor is sent
    (``wallet.offers.counters.answer_counter`` queues it: the whole answer)."""
    kept = found.stored.kept
    assert kept.counter is not None
    answer: Answer = "accepted" if accept else "declined"
    update: dict[str, object] = {"answer": answer, "answered_at": utc_timestamp()}
    acceptance = None
    if accept:
        key = vault.latest_signing_key(KEY_PURPOSE) or vault.new_signing_key(
            connection, purpose=KEY_PURPOSE
        )
        signed = sign_document(kept.counter, key)
        public_key = PublicJwk.model_validate(key.verifying_key.jwk)
        update["person_signature"] = signed.signature
        update["person_key"] = public_key
        acceptance = CounterAcceptance(
            sha256=signed.sha256, signature=signed.signature, publicKey=public_key, kid=key.kid
        )
    answered = kept.model_copy(update=update)
    store.replace_agreement_record(
        connection, found.stored.id, answered.model_dump_json(exclude_none=True)
    )
    vault.record(
        connection,
        ActivityEvent(
            activity.AGREEMENT_STORED,
            party=kept.vendor_name,
            reason=f"counter-offer {found.agreement}: you {answer} it",
        ),
    )
    vault.note_changed(Part.TERMS)
    stored = StoredAgreement(found.stored.id, answered, None, found.stored.stored_at)
    return CounterOffer(stored, found.offer_id, found.agreement, answer), acceptance
