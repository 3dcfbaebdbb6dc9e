"""Sealed offers back from a relay: read, open, cap, then the same checks as HTTP offers.

The wallet reads ``vrm.offers.<uuid>`` after the last message it read (kept in ``relay_casts``),
through an ephemeral consumer, so the relay keeps no state about the wallet and an offline wallet
gets what arrived meanwhile. Each message is judged alone:

1. it must open with the intention's sealing key (:func:`wallet.crypto.sealing.open_sealed`:
   bounded, strict), and its ``apv``, when present, must be the intention's id;
2. its ``apu`` names the vendor (the offers inside must be that vendor's, signed with the key
   pinned for it: :mod:`wallet.offers.ingest` checks); a vendor outside the directory is met
   through the metadata document its plaintext (a ``SealedOfferList``) names, or refused
   (:mod:`wallet.market.meet`);
3. caps: at most :data:`MAX_MESSAGES_PER_INTENTION` messages are read per intention and relay,
   at most :data:`MAX_OFFERS_PER_VENDOR` offers kept per vendor and intention and
   :data:`MAX_OFFERS_PER_INTENTION` in all (a message that would pass a cap is refused whole);
4. the offer list goes through :func:`wallet.offers.ingest.ingest_body`: the same
   verification, storage and refusal records as an HTTP answer, so the funnel treats it the same.

Refusals of steps 1-3 are recorded like ingest's (``offer_rejections`` and the activity log), at
most :data:`MAX_REFUSALS_RECORDED` per intention and relay; the rest are only counted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

from wallet.changes import Part
from wallet.crypto.sealing import SealRefused, open_sealed
from wallet.errors import InvalidInput, NotFound
from wallet.intents import store as intent_store
from wallet.market import store
from wallet.market.cast import connected
from wallet.market.meet import METADATA_TIMEOUT_SECONDS, Introduction, Meetings
from wallet.market.meet import Refusal as _Refusal
from wallet.market.store import CastRow
from wallet.offers.ingest import (
    IngestReport,
    Rejection,
    ingest_body,
    record_rejection,
    storable,
)
from wallet.outbox import DbRunner, inline_runner
from wallet.relay import OFFERS_STREAM, Relay, RelayMessage, check_relay_url, offers_subject
from wallet.storage import keys
from wallet.transport import Transport
from wallet.vault.facade import Vault
from wallet.vendors.store import VendorRow
from wallet.wire.models import MAX_WIRE_BYTES, METADATA_URL_PATTERN, VENDOR_ID_PATTERN
from wallet.wire.signing import WireFormatError, load_json

MAX_MESSAGES_PER_INTENTION = 200
MAX_OFFERS_PER_VENDOR = 20
MAX_OFFERS_PER_INTENTION = 500
MAX_REFUSALS_RECORDED = 50
RELAY_PARTY = "relay"  # who a refusal is from when the message names no vendor
_VENDOR_ID = re.compile(VENDOR_ID_PATTERN)
_METADATA_URL = re.compile(METADATA_URL_PATTERN)
SEALED_LIST_MEMBERS = frozenset({"offers", "metadataUrl"})


@dataclass(slots=True)
class FollowReport:
    """What one reading of a relay did: messages read, and the offers stored and refused."""

    messages: int = 0
    offers: IngestReport = field(default_factory=IngestReport)
    capped: bool = False


def _cast(vault: Vault, intention_id: str, relay_url: str) -> CastRow:
    cast = store.get_cast(vault.reader, intention_id, relay_url)
    if cast is None:
        raise NotFound(
            "This intention was not cast on that relay.",
            cli_hint="`intent broadcast ID --relay URL` casts it.",
        )
    return cast


def _sealing_private(vault: Vault, intention_id: str) -> bytes:
    row = intent_store.get(vault.reader, intention_id)
    private = None if row is None else keys.sealing_for(vault.reader, row.kid)
    if private is None:
        raise InvalidInput("This intention has no key for sealed offers.")
    return private


@dataclass(frozen=True, slots=True)
class _Opened:
    """A message that opened: who it is from, and the offer list for ingest."""

    intro: Introduction
    offer_list: bytes  # ``{"offers": [...]}`` as ingest reads it


def _sealed_list(vendor_id: str, plaintext: bytes) -> _Opened:
    """The plaintext read as a ``SealedOfferList``: its ``metadataUrl`` taken out, the offers
    left exactly as they arrived. Anything else than that shape goes to ingest unchanged (which
    refuses it as ``malformed``); a ``metadataUrl`` that is not a URL is dropped."""
    document = load_json(plaintext, max_bytes=MAX_WIRE_BYTES, what="offer list")
    items = document.get("offers") if isinstance(document, dict) else None
    if not isinstance(items, list) or not set(document) <= SEALED_LIST_MEMBERS:
        return _Opened(Introduction(vendor_id, None, ()), plaintext)
    url = document.get("metadataUrl")
    if not isinstance(url, str) or len(url) > 2000 or not _METADATA_URL.fullmatch(url):
        url = None
    if "metadataUrl" not in document:
        return _Opened(Introduction(vendor_id, url, items), plaintext)
    offer_list = json.dumps({"offers": items}, ensure_ascii=False, separators=(",", ":"))
    return _Opened(Introduction(vendor_id, url, items), offer_list.encode("utf-8"))


def _opened(
    vault: Vault, intention_id: str, private: bytes, message: RelayMessage
) -> _Opened | _Refusal:
    """Who a sealed message is from and the offer list in it, or why it is refused."""
    try:
        opened = open_sealed(private, message.data.decode("ascii"))
    except UnicodeDecodeError:
        return _Refusal(RELAY_PARTY, "malformed", "The message is not a sealed offer (not text).")
    except SealRefused as refused:
        return _Refusal(RELAY_PARTY, "malformed", str(refused))
    if opened.apv and opened.apv != intention_id.encode("utf-8"):
        return _Refusal(
            RELAY_PARTY, "wrong_intention", "The offer was sealed for another intention."
        )
    vendor_id = opened.apu.decode("utf-8", "replace")
    if not _VENDOR_ID.fullmatch(vendor_id):
        return _Refusal(RELAY_PARTY, "malformed", "The sealed offer names no vendor (apu).")
    try:
        sealed = _sealed_list(vendor_id, opened.plaintext)
    except WireFormatError as exc:
        return _Refusal(vendor_id, "malformed", str(exc))
    count = len(sealed.intro.items)
    from_vendor, from_all = store.offers_held(vault.reader, intention_id, vendor_id)
    if from_vendor + count > MAX_OFFERS_PER_VENDOR:
        return _Refusal(
            vendor_id,
            "too_many",
            f"The vendor sent more than {MAX_OFFERS_PER_VENDOR} offers for this intention; "
            "the rest are refused.",
        )
    if from_all + count > MAX_OFFERS_PER_INTENTION:
        return _Refusal(
            vendor_id,
            "too_many",
            f"This intention already has {from_all} offers; at most {MAX_OFFERS_PER_INTENTION} "
            "are kept from the relay.",
        )
    return sealed


def _refuse(
    vault: Vault, cast: CastRow, message: RelayMessage, refusal: _Refusal, report: IngestReport
) -> None:
    """Count the refusal; record it while fewer than :data:`MAX_REFUSALS_RECORDED` were."""
    now = datetime.now(UTC)
    current = store.get_cast(vault.reader, cast.intention_id, cast.relay)
    recorded = current is not None and current.refused < MAX_REFUSALS_RECORDED
    reason = storable(refusal.reason, 300)
    with vault.write() as connection:
        store.note_read(
            connection, cast.intention_id, cast.relay, sequence=message.sequence, refused=True
        )
        rejection = Rejection(refusal.vendor_id, cast.intention_id, "", refusal.code, reason)
        if recorded:
            record_rejection(vault, connection, rejection, now=now)
        vault.note_changed(Part.OFFERS)
    if recorded:
        report.rejected.append(rejection)
    else:
        report.unrecorded += 1


def _opened_guarded(
    vault: Vault, intention_id: str, private: bytes, message: RelayMessage
) -> _Opened | _Refusal:
    try:
        return _opened(vault, intention_id, private, message)
    except Exception as exc:  # anything unexpected refuses this message only
        return _Refusal(RELAY_PARTY, "malformed", f"Could not be read ({type(exc).__name__}).")


def _ingest(
    vault: Vault, cast: CastRow, message: RelayMessage, opened: _Opened, vendor: VendorRow
) -> IngestReport:
    report = ingest_body(
        vault,
        vendor_id=opened.intro.vendor_id,
        intention_id=cast.intention_id,
        raw=opened.offer_list,
        met=vendor,
    )
    with vault.write() as connection:
        store.note_read(
            connection,
            cast.intention_id,
            cast.relay,
            sequence=message.sequence,
            refused=bool(report.rejected) and not report.stored,
        )
    return report


def _refused(vault: Vault, cast: CastRow, message: RelayMessage, refusal: _Refusal) -> IngestReport:
    report = IngestReport()
    _refuse(vault, cast, message, refusal, report)
    return report


async def take_message(
    vault: Vault,
    cast: CastRow,
    private: bytes,
    message: RelayMessage,
    meetings: Meetings,
    *,
    run_db: DbRunner[Any] = inline_runner,
) -> IngestReport:
    """Judge one sealed message (see the module docstring); it fails alone. Vault steps run
    through ``run_db``, a vendor's metadata document is fetched in between."""
    opened = await run_db(partial(_opened_guarded, vault, cast.intention_id, private, message))
    report: IngestReport
    if isinstance(opened, _Refusal):
        report = await run_db(partial(_refused, vault, cast, message, opened))
        return report
    try:
        vendor = await meetings.vendor_for(cast.intention_id, opened.intro, run_db)
    except Exception as exc:  # anything unexpected refuses this message only
        vendor = _Refusal(
            opened.intro.vendor_id, "malformed", f"Could not be read ({type(exc).__name__})."
        )
    if isinstance(vendor, _Refusal):
        report = await run_db(partial(_refused, vault, cast, message, vendor))
    else:
        report = await run_db(partial(_ingest, vault, cast, message, opened, vendor))
    return report


def _start(vault: Vault, intention_id: str, relay_url: str) -> tuple[CastRow, bytes]:
    return _cast(vault, intention_id, relay_url), _sealing_private(vault, intention_id)


async def follow_offers(
    vault: Vault,
    relay_url: str,
    intention_id: str,
    *,
    wait_seconds: float = 1.0,
    on_message: Callable[[IngestReport], Any] | None = None,
    relay: Relay | None = None,
    run_db: DbRunner[Any] = inline_runner,
    transport: Transport | None = None,
) -> FollowReport:
    """Read the sealed offers that arrived for the intention since the last reading, until
    none comes for ``wait_seconds`` (or the cap is reached); each goes through ingest.

    ``relay``: an open connection to ``relay_url`` to use; ``run_db`` runs each vault step on
    the vault's thread (:data:`wallet.outbox.DbRunner`); ``transport`` fetches the metadata
    documents of vendors met on the relay (by default one with a timeout of
    :data:`~wallet.market.meet.METADATA_TIMEOUT_SECONDS`, for this reading)."""
    if transport is None:
        async with Transport(timeout=METADATA_TIMEOUT_SECONDS) as own:
            return await follow_offers(
                vault,
                relay_url,
                intention_id,
                wait_seconds=wait_seconds,
                on_message=on_message,
                relay=relay,
                run_db=run_db,
                transport=own,
            )
    relay_url = check_relay_url(relay_url)
    cast, private = await run_db(lambda: _start(vault, intention_id, relay_url))
    result = FollowReport()
    room = MAX_MESSAGES_PER_INTENTION - cast.messages_read
    if room <= 0:
        result.capped = True
        return result
    meetings = Meetings(vault, transport, relay_url=relay_url)
    async with connected(relay_url, relay) as link:
        async for message in link.read(
            offers_subject(intention_id),
            stream=OFFERS_STREAM,
            after=cast.offers_read_to,
            wait_seconds=wait_seconds,
            limit=room,
        ):
            taken = await take_message(vault, cast, private, message, meetings, run_db=run_db)
            result.messages += 1
            result.offers.merge(taken)
            if on_message is not None:
                on_message(taken)
    result.capped = result.messages >= room
    return result
