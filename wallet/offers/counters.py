"""The person's answer to a vendor's counter-offer, and telling the vendor when it is accepted.

Accepted, the vendor gets a ``TermsAccepted`` notice (outbox, to its ``decisions`` inbox, signed
by the intention's key like the other decisions) carrying the person's signature over the counter
terms, so that both sides hold the same signed agreement records (IEEE 7012). A declined
counter-offer is not announced: the offer simply stays removed.
"""

from __future__ import annotations

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.intents import store as intent_store
from wallet.intents.book import KIND_DECISION, notice_messages
from wallet.offers import store
from wallet.outbox import enqueue
from wallet.terms.offered import CounterOffer, find_counter, record_counter_answer
from wallet.vault.facade import Vault


def answer_counter(vault: Vault, offer_id: str, *, accept: bool) -> CounterOffer:
    """The person's answer to the counter-offer in ``offer_id`` (final once given); accepted, the
    vendor is sent the person's signed acceptance."""
    found = find_counter(vault, offer_id)
    with vault.write() as connection:
        answered, acceptance = record_counter_answer(vault, connection, found, accept=accept)
        offer_row = store.get_offer(connection, offer_id)
        if acceptance is None or offer_row is None:
            return answered
        intention_row = intent_store.get(connection, offer_row.intention_id)
        assert intention_row is not None  # offers reference their intention
        notices = notice_messages(
            vault,
            connection,
            intention_row,
            [(offer_row.vendor_id, "TermsAccepted", offer_id)],
            endpoint="decisions",
            kind=KIND_DECISION,
            terms_acceptance=acceptance,
        )
        enqueue(connection, notices.messages)
        vault.note_changed(Part.OUTBOX)
        for _vendor_id, reason in notices.not_told:
            vault.record(
                connection,
                ActivityEvent(
                    activity.AGREEMENT_STORED,
                    party=found.stored.vendor_name,
                    reason=f"your acceptance of its counter-offer was not sent: {reason}",
                ),
            )
    return answered
