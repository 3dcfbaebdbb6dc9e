"""Kit vendors answering intentions cast on a relay, with sealed offers.

A listening process joins a queue group (a durable consumer per category, named after the
group): every process that joins the same group shares the intentions, each intention going to
one of them, so one vendor runs as many processes or machines as it needs. For each intention the
process checks it exactly as the HTTP inbox does (schema, requester key, the JWS over the
intention as it arrived), builds its vendors' offers from the catalogue as the HTTP inbox does,
seals each vendor's offer list to the intention's ``sealingKey`` (compact JWE, ECDH-ES + A256GCM,
``apu`` the vendor's id, ``apv`` the intention's id) and publishes it on
``vrm.offers.<uuid>``. The sealed document is a ``SealedOfferList``: the offer list and, when the
process knows where its vendors' metadata is served (``vrm-vendor serve``, the kit's HTTP side),
each vendor's ``metadataUrl``, so a wallet that never added the vendor can meet it. A signed
withdrawal on the intention's subject is checked against the key
the intention came with; nothing more is sent for it (and a replay of the intention is never
answered twice: the id stays bound to its key).

A message that is not one of these fails alone: it is acknowledged (so it is not redelivered),
counted, and its one-line reason kept in :attr:`ListenStats.last_refusal`.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from vendorkit.catalog import Catalog, OfferPlan
from vendorkit.server import Vendor, _remember
from vendorkit.server import _IntentionRecord as IntentionRecord
from wallet.crypto.sealing import seal_to
from wallet.errors import WalletError
from wallet.relay import (
    KIND_OFFERS,
    KIND_WITHDRAWAL,
    QueueSubscription,
    Relay,
    RelayError,
    RelayMessage,
    category_filter,
    offers_subject,
)
from wallet.wire.models import Intention, SealedOfferList, SignedIntention
from wallet.wire.notices import SignedNotice, verify_signed_notice
from wallet.wire.signing import (
    WireFormatError,
    parse_received,
    requester_key,
    verify_signed_intention_canonical,
)
from wallet.wire.terms import parse_utc_timestamp

MAX_REMEMBERED = 10_000  # intention id → requester kid, for withdrawals
WAIT_SECONDS = 0.5


class Refused(Exception):
    """A relay message this vendor does not act on (one-line reason)."""


@dataclass(slots=True)
class ListenStats:
    """What a listening process did: intentions answered, offer messages sent, refusals."""

    intentions: int = 0
    sealed: int = 0
    withdrawn: int = 0
    refused: int = 0
    replays: int = 0
    last_refusal: str = ""
    answered: list[str] = field(default_factory=list)  # intention ids, most recent last


class RelayVendors:
    """The kit's ``vendors`` answering on one relay from ``catalog``."""

    def __init__(
        self,
        vendors: Sequence[Vendor],
        catalog: Catalog,
        *,
        metadata_urls: Sequence[str] | None = None,
    ) -> None:
        """``metadata_urls``: where each vendor's metadata is served (same order), named in its
        sealed offers; None names none (only wallets that added the vendor take them)."""
        if not vendors:
            raise ValueError("listen with at least one vendor")
        if metadata_urls is not None and len(metadata_urls) != len(vendors):
            raise ValueError("one metadata URL per vendor")
        self.vendors = list(vendors)
        for url in metadata_urls or ():
            SealedOfferList.model_validate({"metadataUrl": url})  # a URL the format allows
        self.metadata_urls = list(metadata_urls) if metadata_urls is not None else None
        self.catalog = catalog
        self.stats = ListenStats()
        self._bound: OrderedDict[str, str] = OrderedDict()  # intention id → requester kid

    def _intention(self, data: bytes) -> tuple[Intention, str]:
        """The checked intention in ``data`` and the SHA-256 of its canonical form."""
        try:
            envelope, received = parse_received(data, SignedIntention, what="signed intention")
            requester_key(envelope.intention)
            intention, canonical = verify_signed_intention_canonical(
                envelope, received=received["intention"]
            )
        except (WireFormatError, WalletError) as exc:
            raise Refused(str(exc)) from None
        if intention.sealingKey is None:
            raise Refused("the intention carries no sealingKey; offers cannot be sealed to it")
        if parse_utc_timestamp(intention.validThrough) <= datetime.now(UTC):
            raise Refused("the intention has expired")
        return intention, hashlib.sha256(canonical).hexdigest()

    async def answer(self, relay: Relay, data: bytes) -> int:
        """Seal and publish every vendor's offers for the intention in ``data``; how many
        messages were published."""
        intention, intention_sha256 = self._intention(data)
        kid = intention.requester.kid
        known = self._bound.get(intention.id)
        if known is not None and known != kid:
            raise Refused("this intention id was already received with another key")
        if known is not None:  # answered already: a replay gets no second answer
            self.stats.replays += 1
            return 0
        self._bound[intention.id] = kid
        self._bound.move_to_end(intention.id)
        while len(self._bound) > MAX_REMEMBERED:
            self._bound.popitem(last=False)
        now = datetime.now(UTC)
        ttl = max(1, int((parse_utc_timestamp(intention.validThrough) - now).total_seconds()))
        plan = OfferPlan(self.catalog, intention)
        recipient = intention.sealingKey.model_dump() if intention.sealingKey else {}
        sent = 0
        for position, vendor in enumerate(self.vendors):
            if not plan.offers(seller=vendor.seller, index=vendor.index, now=now):
                continue
            answer = plan.answer(vendor.signer, now=now)
            # The kit's HTTP side (same Vendor objects) then takes this intention's decisions.
            record = IntentionRecord(kid, intention_sha256, answer)
            _remember(vendor.intentions, intention.id, record)
            body = self._introduced(answer, position)
            sealed = seal_to(
                recipient,
                body,
                apu=vendor.vendor_id.encode("utf-8"),
                apv=intention.id.encode("utf-8"),
            )
            await relay.publish(
                offers_subject(intention.id),
                sealed.encode("ascii"),
                kind=KIND_OFFERS,
                message_id=f"{intention.id}#{vendor.vendor_id}",
                ttl_seconds=ttl,
            )
            sent += 1
        self.stats.intentions += 1
        self.stats.sealed += sent
        self.stats.answered.append(intention.id)
        del self.stats.answered[:-100]
        return sent

    def _introduced(self, body: bytes, position: int) -> bytes:
        """The offer list as a ``SealedOfferList`` naming the vendor's metadata, if known."""
        if self.metadata_urls is None:
            return body
        # The offers stay exactly as signed (a model's dump would add the members they left out).
        document = json.loads(body)
        document["metadataUrl"] = self.metadata_urls[position]
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def withdraw(self, data: bytes) -> None:
        """Forget a withdrawn intention, if the notice is signed by the key it came with."""
        try:
            envelope, received = parse_received(data, SignedNotice, what="signed notice")
            notice = verify_signed_notice(envelope, received=received["notice"])
        except (WireFormatError, WalletError) as exc:
            raise Refused(str(exc)) from None
        if notice.type != "IntentionWithdrawn":
            raise Refused("only withdrawals are published on an intention's subject")
        known = self._bound.get(notice.intention)
        if known is not None and known != notice.requester.kid:
            raise Refused("the withdrawal is not signed by the intention's key")
        self._bound[notice.intention] = notice.requester.kid  # kept: a replay is not answered
        self.stats.withdrawn += 1

    async def handle(self, relay: Relay, message: RelayMessage) -> None:
        """One message from the queue; a refusal fails only this message. So does the relay
        refusing an answer (the intention's subject is full: it keeps at most
        ``MAX_OFFER_MESSAGES_PER_INTENTION`` answers): this process's other vendors are then
        not sealed for it, and the listening goes on."""
        try:
            if message.kind == KIND_WITHDRAWAL:
                self.withdraw(message.data)
            else:
                await self.answer(relay, message.data)
        except (Refused, RelayError) as refused:
            self.stats.refused += 1
            self.stats.last_refusal = str(refused)[:200]


async def listen(
    relay_url: str,
    relay_vendors: RelayVendors,
    *,
    categories: Sequence[str],
    queue: str,
    seconds: float | None = None,
    stop: asyncio.Event | None = None,
    ready: asyncio.Event | None = None,
) -> ListenStats:
    """Answer intentions of ``categories`` from the queue group ``queue`` until ``stop`` is set
    or ``seconds`` have passed."""
    deadline = None if seconds is None else time.monotonic() + seconds
    stop = stop or asyncio.Event()
    async with Relay(relay_url, name=f"vrm-vendor {queue}") as relay:
        await relay.ensure_streams()
        subscriptions = await relay.queue(
            sorted({category_filter(c) for c in categories}), group=queue
        )
        if ready is not None:
            ready.set()

        async def serve(subscription: QueueSubscription) -> None:
            while not stop.is_set() and (deadline is None or time.monotonic() < deadline):
                taken = await relay.take(subscription, wait_seconds=WAIT_SECONDS)
                for message, raw in taken:
                    await relay_vendors.handle(relay, message)
                    await relay.done(raw)

        await asyncio.gather(*(serve(subscription) for subscription in subscriptions))
    return relay_vendors.stats
