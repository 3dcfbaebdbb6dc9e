"""Taking in vendors' offers: verify, check, store — or refuse with a specific reason.

Offers arrive as ``{"offers": [SignedOffer...]}`` in the stored 2xx answer of a delivered intention
(outbox row) and from ``GET <inbox.offers>?intention=<id>`` (:func:`fetch_offers`). Each offer is
judged on its own, so one bad offer does not sink the others. It is stored only if it is a valid
``SignedOffer``, its seller key is a proper Ed25519 key, that key IS the vendor's pinned key, the
seller is that vendor, it answers the intention it was delivered for (a known one) and its JWS
verifies over the canonical form of the ``offer`` object exactly as it arrived (the signing rule:
members the vendor left out stay out, whatever defaults the model fills in). What is stored is
that item as it arrived (compact JSON), so the stored offer still verifies. Otherwise a rejection
is recorded (``offer_rejections``) and logged as not completed, with one of these codes:

``oversize`` the answer was larger than allowed · ``malformed`` not an offer list ·
``unsigned`` no signature · ``invalid_offer`` fails the Offer schema · ``bad_key`` the seller key
is malformed or a small-order point · ``wrong_key`` signed for another key than the pinned one ·
``seller_mismatch`` names another vendor · ``unknown_intention`` answers no intention of yours ·
``wrong_intention`` answers another of your intentions · ``forged`` the signature does not verify
· ``unknown_vendor`` the vendor is no longer in the directory (or, on a relay, is not in it and
named no metadata document) · ``fetch_failed`` the offers URL could not be read · ``too_many`` the
count of further refused offers of one answer (on a relay: a cap was reached) ·
``metadata_failed`` a relay vendor's metadata document could not be fetched or is not valid.

Storing is idempotent on the offer id: a repeated offer is counted as a duplicate, not stored again.

**Bounds.** An answer is at most 256 KiB, nested at most 32 levels (:func:`load_json`) and holds
at most :data:`MAX_OFFERS_PER_ANSWER` items (the ``maxItems`` of the published OfferList schema):
a longer list is refused whole, as ``oversize``, before any item is looked at. Of one answer's
refused offers, the first :data:`MAX_REJECTIONS_RECORDED` are recorded (table and activity log)
and the rest only counted, in one ``too_many`` row and in :attr:`IngestReport.unrecorded`. Text
from the vendor that is stored (offer ids, reasons quoting it) goes through
:func:`~wallet.terminal.printable` first: lone surrogates (which cannot even be stored),
controls and invisible characters become visible escapes, and lengths are capped.

**Isolation.** Each offer is judged alone: anything unexpected while judging one refuses that offer
(``invalid_offer``). Each delivered answer is read in its own transaction: one whose reading
raises is set aside as a dead letter (marked read, with the reason, in ``outbox_read_failures``:
``vrm-wallet-cli outbox list --failed``) and the other answers are read.
"""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.crypto.signing import VerifyingKey, verifying_key_from_jwk
from wallet.errors import InvalidKey, VaultLocked, WalletError
from wallet.intents import store as intent_store
from wallet.offers import store
from wallet.outbox import DbRunner, inline_runner
from wallet.outbox import store as outbox_store
from wallet.outbox.dead_letters import mark_unreadable
from wallet.storage.connection import Connection
from wallet.terminal import printable
from wallet.terms.offered import keep_offer_terms
from wallet.transport import Transport
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store
from wallet.vendors.store import VendorRow
from wallet.wire.models import MAX_WIRE_BYTES, SignedOffer
from wallet.wire.signing import (
    WireFormatError,
    load_json,
    validate_wire,
    verify_signed_offer,
)

RejectionCode = Literal[
    "oversize",
    "malformed",
    "unsigned",
    "invalid_offer",
    "bad_key",
    "wrong_key",
    "seller_mismatch",
    "unknown_intention",
    "wrong_intention",
    "forged",
    "unknown_vendor",
    "fetch_failed",
    "too_many",
    "metadata_failed",
]
MAX_REASON = 300
EMPTY_LIST = b'{"offers":[]}'
MAX_OFFER_ID = 100
MAX_OFFERS_PER_ANSWER = 1000
MAX_REJECTIONS_RECORDED = 20


@dataclass(frozen=True, slots=True)
class CheckedOffer:
    """An offer that passed every check, and its item of the answer exactly as it arrived."""

    envelope: SignedOffer
    received: dict[str, Any]

    @property
    def offer_id(self) -> str:
        return self.envelope.offer.id

    def signed_json(self) -> str:
        """The item as it arrived, as compact JSON: what is stored (its signature still
        verifies, since nothing was added to it or taken out)."""
        return json.dumps(self.received, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class Rejection:
    vendor_id: str
    intention_id: str
    offer_id: str
    code: RejectionCode
    reason: str


@dataclass(slots=True)
class IngestReport:
    """What one ingestion did: offer ids stored, duplicates skipped, rejections recorded,
    refused offers only counted (:data:`MAX_REJECTIONS_RECORDED`), answers set aside unread."""

    stored: list[str] = field(default_factory=list)
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    unrecorded: int = 0
    unreadable: int = 0

    def merge(self, other: IngestReport) -> IngestReport:
        self.stored.extend(other.stored)
        self.duplicates += other.duplicates
        self.rejected.extend(other.rejected)
        self.unrecorded += other.unrecorded
        self.unreadable += other.unreadable
        return self


def storable(text: str, max_chars: int) -> str:
    """Vendor text made fit to store and show: escapes for what cannot be stored (lone
    surrogates) or shown safely (controls, bidi and invisible characters), at most ``max_chars``."""
    return printable(text[: max_chars * 2], max_chars=max_chars)


def _offer_id(item: Any) -> str:
    if isinstance(item, dict) and isinstance(item.get("offer"), dict):
        value = item["offer"].get("id")
        if isinstance(value, str):
            return storable(value, MAX_OFFER_ID)
    return ""


def check_offers(
    raw: bytes,
    *,
    vendor: VendorRow,
    intention_id: str,
    is_known: Callable[[str], bool],
) -> tuple[list[CheckedOffer], list[Rejection]]:
    """Pure verification of an offer list body from ``vendor`` for ``intention_id``."""
    vendor_id = vendor.id

    def refuse(code: RejectionCode, reason: str, offer_id: str = "") -> Rejection:
        return Rejection(vendor_id, intention_id, offer_id, code, storable(reason, MAX_REASON))

    try:
        document = load_json(raw, max_bytes=MAX_WIRE_BYTES, what="offer list")
    except WireFormatError as exc:
        code: RejectionCode = "oversize" if len(raw) > MAX_WIRE_BYTES else "malformed"
        return [], [refuse(code, str(exc))]
    items = document.get("offers") if isinstance(document, dict) else None
    if not isinstance(items, list) or set(document) != {"offers"}:
        return [], [refuse("malformed", 'The answer is not an offer list ({"offers": [...]}).')]
    if len(items) > MAX_OFFERS_PER_ANSWER:
        return [], [
            refuse(
                "oversize",
                f"The answer holds {len(items):,} items; at most {MAX_OFFERS_PER_ANSWER:,} "
                "offers are read from one answer, so none of these was.",
            )
        ]
    try:
        pinned: VerifyingKey | None = verifying_key_from_jwk(vendor.public_jwk)
    except InvalidKey:
        pinned = None
    accepted: list[CheckedOffer] = []
    rejected: list[Rejection] = []
    for item in items:
        offer_id = _offer_id(item)
        try:
            verdict = _judge(item, vendor, intention_id, pinned, is_known)
        except Exception as exc:  # one offer fails alone, whatever it holds
            verdict = ("invalid_offer", f"The offer could not be checked ({type(exc).__name__}).")
        if isinstance(verdict, CheckedOffer):
            accepted.append(verdict)
        else:
            rejected.append(refuse(*verdict, offer_id))
    return accepted, rejected


def _judge(
    item: Any,
    vendor: VendorRow,
    intention_id: str,
    pinned: VerifyingKey | None,
    is_known: Callable[[str], bool],
) -> CheckedOffer | tuple[RejectionCode, str]:
    """One item of an offer list: the verified offer, or why it is refused (code, reason)."""
    if isinstance(item, dict) and "offer" in item and not item.get("signature"):
        return "unsigned", "The offer is not signed."
    try:
        envelope = validate_wire(item, SignedOffer, what="signed offer")
    except WireFormatError as exc:
        return "invalid_offer", str(exc)
    offer = envelope.offer
    try:
        seller_key = verifying_key_from_jwk(offer.seller.publicKey.model_dump())
    except InvalidKey as exc:
        return "bad_key", f"The seller key is refused: {exc}"
    if pinned is None or seller_key.raw != pinned.raw:
        return (
            "wrong_key",
            f"The offer is signed for key {seller_key.kid}, not the key you pinned for "
            f"{vendor.name}.",
        )
    if offer.seller.id != vendor.id:
        return (
            "seller_mismatch",
            f"The offer names seller {offer.seller.id!r}, not {vendor.id!r}.",
        )
    if offer.intention != intention_id:
        code: RejectionCode = (
            "wrong_intention" if is_known(offer.intention) else "unknown_intention"
        )
        return code, "The offer answers another intention than the one sent."
    try:  # over the offer object as it arrived, never over the model's own dump
        verify_signed_offer(envelope, pinned, received=item["offer"])
    except WalletError as exc:  # SignatureInvalid, InvalidKey, a document not canonicalisable
        return "forged", f"The signature does not verify: {exc}"
    return CheckedOffer(envelope, item)


def _save(
    vault: Vault,
    connection: Connection,
    vendor_id: str,
    intention_id: str,
    accepted: Sequence[CheckedOffer],
    rejected: Sequence[Rejection],
) -> IngestReport:
    """Store checked offers and rejections inside the caller's write transaction (the first
    :data:`MAX_REJECTIONS_RECORDED` rejections, and one ``too_many`` row counting the rest)."""
    now = datetime.now(UTC)
    vault.note_changed(Part.OFFERS)  # offers, refusals, or an answer marked read
    report = IngestReport(rejected=_recorded(rejected))
    report.unrecorded = len(rejected) - min(len(rejected), MAX_REJECTIONS_RECORDED)
    for checked in accepted:
        if store.insert_offer(
            connection,
            offer_id=checked.offer_id,
            intention_id=intention_id,
            vendor_id=vendor_id,
            signed=checked.signed_json(),
            now=now,
        ):
            report.stored.append(checked.offer_id)
            keep_offer_terms(  # the offer's answer to the person's terms (IEEE 7012)
                vault, connection, checked.envelope, signed_json=checked.signed_json
            )
        else:
            report.duplicates += 1
    for rejection in report.rejected:
        record_rejection(vault, connection, rejection, now=now)
    if report.stored:
        vault.record(
            connection,
            ActivityEvent(
                activity.OFFERS_RECEIVED,
                party=vendor_id,
                reason=f"{len(report.stored)} offer(s)",
            ),
        )
        if intent_store.set_status(
            connection, intention_id, "offers_in", now, only_from=("broadcast",)
        ):
            vault.note_changed(Part.INTENTIONS)
    return report


def _recorded(rejected: Sequence[Rejection]) -> list[Rejection]:
    """The rejections of one answer that are recorded one by one, and a count of the rest."""
    if len(rejected) <= MAX_REJECTIONS_RECORDED:
        return list(rejected)
    first = rejected[0]
    rest = len(rejected) - MAX_REJECTIONS_RECORDED
    summary = Rejection(
        first.vendor_id,
        first.intention_id,
        "",
        "too_many",
        f"{rest} more offers in this answer were refused too; they were counted, not recorded "
        f"one by one (the first {MAX_REJECTIONS_RECORDED} refused are).",
    )
    return [*rejected[:MAX_REJECTIONS_RECORDED], summary]


def ingest_body(
    vault: Vault,
    *,
    vendor_id: str,
    intention_id: str,
    raw: bytes | None,
    failure: str = "",
    outbox_id: int | None = None,
    met: VendorRow | None = None,
) -> IngestReport:
    """Verify and store the offers in ``raw`` (one vendor's answer about one intention).

    ``met``: a vendor met on a relay (:mod:`wallet.vendors.met`), checked against the key of
    its metadata document when it is not in the directory."""
    with vault.write() as connection:
        if outbox_id is not None:
            store.mark_ingested(connection, outbox_id)
        vendor = vendor_store.get(connection, vendor_id) or (
            met if met is not None and met.id == vendor_id else None
        )
        if vendor is None:
            rejected = [
                Rejection(vendor_id, intention_id, "", "unknown_vendor", "The vendor was removed.")
            ]
            return _save(vault, connection, vendor_id, intention_id, [], rejected)
        if failure or raw is None:
            code: RejectionCode = "oversize" if "larger than" in failure else "fetch_failed"
            reason = storable(failure or "The vendor's answer could not be read.", MAX_REASON)
            rejected = [Rejection(vendor_id, intention_id, "", code, reason)]
            return _save(vault, connection, vendor_id, intention_id, [], rejected)
        accepted, rejected = check_offers(
            raw,
            vendor=vendor,
            intention_id=intention_id,
            is_known=lambda other: intent_store.get(connection, other) is not None,
        )
        return _save(vault, connection, vendor_id, intention_id, accepted, rejected)


def ingest_delivered(vault: Vault) -> IngestReport:
    """Offers from the answers of delivered intentions not read yet (each row read once); an
    answer whose reading raises is set aside (see the module docstring), the others are read."""
    report = IngestReport()
    for outbox_id in store.unread_delivered_ids(vault.reader):
        try:
            report.merge(_ingest_delivered_row(vault, outbox_id))
        except VaultLocked:
            raise
        except Exception as exc:  # this answer's fault alone; a broken vault fails below too
            _set_aside(vault, outbox_id, exc)
            report.unreadable += 1
    return report


def _ingest_delivered_row(vault: Vault, outbox_id: int) -> IngestReport:
    row = outbox_store.get(vault.reader, outbox_id)
    assert row is not None  # outbox rows are never deleted
    body = row.response_body
    # A 2xx without a body acknowledges without offers; an empty body with an error note
    # is an answer the transport refused (too large).
    failure = row.last_error if not body and row.last_error else ""
    return ingest_body(
        vault,
        vendor_id=row.vendor_id,
        intention_id=row.subject,
        raw=body or (None if failure else EMPTY_LIST),
        failure=failure,
        outbox_id=row.id,
    )


def _set_aside(vault: Vault, outbox_id: int, error: Exception) -> None:
    """Mark the answer to ``outbox_id`` read but unreadable, with the kind of ``error``."""
    with vault.write() as connection:
        found = connection.execute(
            "SELECT vendor_id FROM outbox WHERE id = ?", (outbox_id,)
        ).fetchone()
        reason = mark_unreadable(connection, outbox_id, "offers", error)
        vault.note_changed(Part.OUTBOX)
        vault.record(
            connection,
            ActivityEvent(
                activity.OFFER_REJECTED,
                result=activity.NOT_COMPLETED,
                party=str(found[0]) if found else activity.SELF_PARTY,
                reason=reason,
            ),
        )


def offers_url(base: str, intention_id: str) -> str:
    """``base`` with ``?intention=<id>`` added (keeping any query the vendor put there)."""
    parts = urlsplit(base)
    query = [*parse_qsl(parts.query), ("intention", intention_id)]
    return urlunsplit(parts._replace(query=urlencode(query)))


async def fetch_offers(
    vault: Vault,
    transport: Transport,
    intention_id: str,
    *,
    vendor_ids: Sequence[str] | None = None,
    run_db: DbRunner[Any] = inline_runner,
) -> IngestReport:
    """GET later offers from every vendor the intention was delivered to, and ingest them."""

    def targets() -> list[VendorRow]:
        sent = sorted(
            {
                row.vendor_id
                for row in outbox_store.rows(vault.reader, subject=intention_id)
                if row.kind == "intention" and row.status == "delivered"
            }
        )
        wanted = sent if vendor_ids is None else [v for v in sent if v in vendor_ids]
        found = (vendor_store.get(vault.reader, vendor_id) for vendor_id in wanted)
        return [vendor for vendor in found if vendor is not None]

    vendors: list[VendorRow] = await run_db(targets)
    results = await asyncio.gather(
        *(transport.get(offers_url(vendor.offers_url, intention_id)) for vendor in vendors)
    )
    report = IngestReport()
    for vendor, result in zip(vendors, results, strict=True):
        failure = "" if result.ok else (result.message or f"HTTP {result.status}")

        ingest = functools.partial(
            ingest_body,
            vault,
            vendor_id=vendor.id,
            intention_id=intention_id,
            raw=None if failure else result.body,
            failure=failure,
        )
        try:
            report.merge(await run_db(ingest))
        except VaultLocked:
            raise
        except Exception as exc:  # this vendor's answer alone; nothing to retry but the fetch
            reason = f"The answer could not be read ({type(exc).__name__}); fetch again later."
            report.rejected.append(Rejection(vendor.id, intention_id, "", "fetch_failed", reason))
            report.unreadable += 1
    return report


def record_rejection(
    vault: Vault, connection: Connection, rejection: Rejection, *, now: datetime
) -> None:
    """Keep a refused offer's reason beside its intention and log it (inside the caller's
    write transaction); every path that refuses offers records them this one way."""
    store.add_rejection(
        connection,
        intention_id=rejection.intention_id,
        vendor_id=rejection.vendor_id,
        offer_id=rejection.offer_id,
        code=rejection.code,
        reason=rejection.reason,
        now=now,
    )
    vault.record(
        connection,
        ActivityEvent(
            activity.OFFER_REJECTED,
            result=activity.NOT_COMPLETED,
            party=rejection.vendor_id,
            reason=rejection.code,
        ),
    )
