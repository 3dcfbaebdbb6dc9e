"""The offers of one vault: stored offers, the funnel over them, weights, accepting one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.errors import InvalidInput, NotFound
from wallet.i18n import QT_TRANSLATE_NOOP
from wallet.intents import store as intent_store
from wallet.intents.book import (
    KIND_DECISION,
    IntentionBook,
    NoticePlan,
    notice_messages,
    record_of,
)
from wallet.intents.models import IntentionRecord
from wallet.intents.status import accepts_offers, status_text
from wallet.offers import store
from wallet.offers.funnel import FunnelResult, FunnelWeights, removal_reason, run_funnel
from wallet.offers.store import OfferStatus, RejectionRow
from wallet.outbox import enqueue
from wallet.terms.offered import counter_answers
from wallet.vault.facade import Vault
from wallet.vendors import met
from wallet.wire.models import Offer, SignedOffer
from wallet.wire.notices import NoticeType
from wallet.wire.terms import utc_timestamp

WEIGHTS_SETTING = "weights"
MET_NOT_TOLD = "the vendor was met on a relay and is not in your directory; it is told nothing"


@dataclass(frozen=True, slots=True)
class StoredOffer:
    """A verified offer as kept, with the vendor it came from and its decision status."""

    offer: Offer
    vendor_id: str
    status: OfferStatus
    received: datetime


@dataclass(frozen=True, slots=True)
class FunnelView:
    """An intention, the funnel over its offers, and offers refused before storing."""

    intention: IntentionRecord
    result: FunnelResult
    weights: FunnelWeights
    refused: list[RejectionRow]


@dataclass(frozen=True, slots=True)
class AcceptResult:
    """An accepted offer; ``pinned``: its vendor, met on a relay, is now in the directory."""

    offer_id: str
    intention_id: str
    vendor_id: str
    notices: NoticePlan
    pinned: bool = False


class OfferBook:
    """Offers of one unlocked vault (same thread rules as the vault)."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # ------------------------------------------------------------------ weights

    def weights(self) -> FunnelWeights:
        stored = store.get_setting(self._vault.reader, WEIGHTS_SETTING)
        return FunnelWeights() if stored is None else FunnelWeights.model_validate_json(stored)

    def set_weights(self, weights: FunnelWeights) -> FunnelWeights:
        with self._vault.write() as connection:
            store.set_setting(connection, WEIGHTS_SETTING, weights.model_dump_json())
            self._vault.record(connection, ActivityEvent(activity.FUNNEL_WEIGHTS_CHANGED))
            self._vault.note_changed(Part.OFFERS)
        return weights

    # ------------------------------------------------------------------ reading

    def offers(self, intention_id: str) -> list[StoredOffer]:
        return [_stored(row) for row in store.offers_for(self._vault.reader, intention_id)]

    def get(self, offer_id: str) -> StoredOffer:
        """One stored offer, or :class:`NotFound`."""
        row = store.get_offer(self._vault.reader, offer_id)
        if row is None:
            raise _no_offer(offer_id)
        return _stored(row)

    def history(self) -> dict[str, int]:
        """Chosen offers per vendor so far (the funnel's vendor history)."""
        return store.chosen_counts(self._vault.reader)

    def funnel(
        self,
        intention_id: str,
        *,
        weights: FunnelWeights | None = None,
        now: datetime | None = None,
    ) -> FunnelView:
        record = IntentionBook(self._vault).get(intention_id)
        chosen = weights or self.weights()
        result = run_funnel(
            record.intention,
            [item.offer for item in self.offers(intention_id)],
            weights=chosen,
            history=self.history(),
            now=now,
            counters=counter_answers(self._vault),
        )
        refused = store.rejections_for(self._vault.reader, intention_id)
        return FunnelView(record, result, chosen, refused)

    # ------------------------------------------------------------------ deciding

    def accept(self, offer_id: str) -> AcceptResult:
        """Choose ``offer_id``: the intention becomes ``chosen``; the vendor is told it was
        accepted and the vendors of the other offers that theirs were declined (outbox).

        A vendor met on a relay (:mod:`wallet.vendors.met`) is pinned first: it joins the
        directory from the document checked when it was met, so it is told like any directory
        vendor and consents can be granted to it. Vendors of declined offers stay unpinned
        (and, not being in the directory, are not told)."""
        IntentionBook(self._vault).expire_due()
        now = datetime.now(UTC)
        with self._vault.write() as connection:
            row = store.get_offer(connection, offer_id)
            if row is None:
                raise _no_offer(offer_id)
            intention_row = intent_store.get(connection, row.intention_id)
            assert intention_row is not None  # offers reference their intention
            if not accepts_offers(intention_row.status):
                raise InvalidInput(
                    f"The intention is {status_text(intention_row.status)}; an offer can be "
                    "accepted only while it is open."
                )
            intention = record_of(intention_row).intention
            offer = SignedOffer.model_validate_json(row.signed).offer
            why = removal_reason(
                intention, offer, now_utc=utc_timestamp(now), counters=counter_answers(self._vault)
            )
            if why is not None:
                raise InvalidInput.worded(
                    QT_TRANSLATE_NOOP("CoreError", "This offer breaks your intention: {reason}"),
                    reason=why[1] if why[0] not in BROKEN else BROKEN[why[0]],
                )
            pinned = met.pin(self._vault, connection, row.vendor_id, now=now)
            others = [o for o in store.offers_for(connection, row.intention_id) if o.id != offer_id]
            store.decide(connection, row.intention_id, offer_id)
            intent_store.set_status(
                connection, row.intention_id, "chosen", now, chosen_offer_id=offer_id
            )
            decisions: list[tuple[str, NoticeType, str | None]] = [
                (row.vendor_id, "OfferAccepted", offer_id),
                *((other.vendor_id, "OfferDeclined", other.id) for other in others),
            ]
            notices = notice_messages(
                self._vault,
                connection,
                intention_row,
                decisions,
                endpoint="decisions",
                kind=KIND_DECISION,
            )
            enqueue(connection, notices.messages)
            not_told = [
                (vendor_id, MET_NOT_TOLD if met.get(connection, vendor_id) else reason)
                for vendor_id, reason in notices.not_told
            ]
            self._vault.note_changed(Part.OFFERS, Part.INTENTIONS, Part.OUTBOX)
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.OFFER_ACCEPTED,
                    party=row.vendor_id,
                    reason=f"{len(others)} other offer(s) declined",
                ),
            )
        return AcceptResult(
            offer_id,
            row.intention_id,
            row.vendor_id,
            NoticePlan(tuple(message.vendor_id for message in notices.messages), tuple(not_told)),
            pinned,
        )


# Why an offer may no longer be accepted, in words that need no value (the app translates them;
# the others keep their English reason).
BROKEN = {
    "expired": QT_TRANSLATE_NOOP("CoreError", "it has expired."),
    "wrong_intention": QT_TRANSLATE_NOOP("CoreError", "It answers another intention."),
    "terms_not_accepted": QT_TRANSLATE_NOOP("CoreError", "the vendor does not accept your terms."),
}


def _no_offer(offer_id: str) -> NotFound:
    return NotFound.worded(
        QT_TRANSLATE_NOOP("CoreError", "There is no offer {id}."), id=repr(offer_id)
    ).hinted("`offers list ID` shows them.")


def _stored(row: store.OfferRow) -> StoredOffer:
    """A stored row as the verified offer it keeps (stored only after verifying)."""
    offer = SignedOffer.model_validate_json(row.signed).offer
    return StoredOffer(offer, row.vendor_id, row.status, row.received)
