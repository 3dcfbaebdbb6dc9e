"""The reference vendor's consent inbox: disclosures, updates and consent notices.

``POST <prefix>/inbox/consents`` takes a ``SignedDisclosure`` (a first ``Disclosure`` or a
``DisclosureUpdate``), ``POST <prefix>/inbox/revocations`` a ``SignedConsentNotice``
(``ConsentRevoked`` or ``ConsentExpired``). Both follow ``docs/protocol.md`` §9, in this order:

1. size cap (413), Standard Webhooks headers and timestamp window (400), structure (400);
2. signatures (401): a disclosure's receipt JWS by the receipt's own ``publicKey``, the
   disclosure JWS by that same pairwise key, its fields within the receipt's scope, and the
   webhook signature by that key; a notice's JWS and webhook signature by the key it names.
   Once a receipt id is known, only the pairwise key first seen with it may speak for it;
3. ``webhook-id`` deduplication: the same id and body answer exactly as before, the same id with
   another body is 409;
4. what the message asks (a disclosure: the receipt is for this vendor (403), not expired (422);
   an update: a disclosure was accepted before (404) and the consent is not over (409); a
   notice: the receipt is known (404)).

Answers are ``SignedAcknowledgement`` bodies signed by the vendor's key: ``DisclosureAccepted``
with the countersignature over the receipt's canonical bytes, ``UpdateAccepted``, or the
termination receipt ``ConsentTerminated`` naming the deleted fields (a repeated notice gets the
same termination receipt again).

Everything lives in memory, per vendor and bounded (oldest first out); a consent past its
``validUntil`` has its data dropped at the next look, as the receipt says it must be.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from aiohttp import web

from wallet.crypto.signing import VerifyingKey, verifying_key_from_jwk
from wallet.errors import InvalidKey, SignatureInvalid
from wallet.webhooks import verify_webhook
from wallet.wire.canonical import canonical_wire
from wallet.wire.consent import (
    AcknowledgementType,
    ConsentAcknowledgement,
    ConsentReceipt,
    SignedConsentNotice,
    SignedDisclosure,
)
from wallet.wire.consent_signing import (
    countersign,
    receipt_sha256,
    sign_acknowledgement,
    verify_signed_consent_notice,
    verify_signed_disclosure,
)
from wallet.wire.signing import WireFormatError, parse_received
from wallet.wire.terms import utc_timestamp

if TYPE_CHECKING:
    from vendorkit.server import Vendor

SignedParts = tuple[str, int, str, bytes]  # webhook id, timestamp, signature, raw body
VendorOf = Callable[[web.Request], "Vendor"]
ReadSignedBody = Callable[[web.Request], Awaitable["SignedParts | web.Response"]]


@dataclass
class HeldConsent:
    """What the vendor keeps about one consent: the receipt, its key, and the data."""

    receipt: ConsentReceipt
    canonical: bytes
    key: VerifyingKey
    data: dict[str, str] = field(default_factory=dict)
    # Every key ever stored under this consent: all of them are deleted at the end, and the
    # termination receipt names them even if expiry already dropped the values.
    stored_keys: set[str] = field(default_factory=set)
    termination: bytes | None = None  # the signed ConsentTerminated answered, once ended

    @property
    def receipt_sha256(self) -> str:
        return receipt_sha256(self.canonical)


@dataclass
class _Answer:
    body_sha256: str
    response: bytes


@dataclass
class _VendorConsents:
    consents: OrderedDict[str, HeldConsent] = field(default_factory=OrderedDict)
    answers: OrderedDict[str, _Answer] = field(default_factory=OrderedDict)


def _error(status: int, reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=status)


def _ok(body: bytes) -> web.Response:
    return web.Response(body=body, status=200, content_type="application/json")


def _utc(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class ConsentInbox:
    """The consent endpoints of a :class:`~vendorkit.server.VendorApp`, and what they hold.

    ``vendor_of`` finds the vendor a request is for (404 otherwise) and ``read_signed_body``
    returns the webhook headers and raw body or the 400/413 answer; both are the app's own, so
    every inbox applies the same rules. State is kept per vendor index, at most ``max_held``
    consents and ``max_held`` answered webhook ids each.
    """

    def __init__(
        self,
        vendor_of: VendorOf,
        read_signed_body: ReadSignedBody,
        *,
        tolerance_seconds: int,
        max_held: int,
    ) -> None:
        self._vendor_of = vendor_of
        self._read_signed_body = read_signed_body
        self._tolerance = tolerance_seconds
        self._max_held = max_held
        self._by_vendor: dict[int, _VendorConsents] = {}

    # ------------------------------------------------------------------ reading (tests, demos)

    def _state(self, vendor: Vendor) -> _VendorConsents:
        state = self._by_vendor.get(vendor.index)
        if state is None:
            state = self._by_vendor[vendor.index] = _VendorConsents()
        return state

    def held(self, vendor: Vendor, receipt_id: str) -> HeldConsent | None:
        """The vendor's record of consent ``receipt_id`` (data already dropped if expired)."""
        held = self._state(vendor).consents.get(receipt_id)
        if held is not None:
            _drop_if_expired(held, int(time.time()))
        return held

    def held_data(self, vendor: Vendor, receipt_id: str) -> dict[str, str] | None:
        """The field values ``vendor`` holds under ``receipt_id``; ``None`` when it holds none
        (never received, revoked, expired)."""
        held = self.held(vendor, receipt_id)
        if held is None or not held.data:
            return None
        return dict(held.data)

    # ------------------------------------------------------------------ shared steps

    def _remember(self, store: OrderedDict[str, Any], key: str, value: Any) -> None:
        store[key] = value
        store.move_to_end(key)
        while len(store) > self._max_held:
            store.popitem(last=False)

    @staticmethod
    def _replayed(state: _VendorConsents, message_id: str, body: bytes) -> web.Response | None:
        """The earlier answer to a retried ``webhook-id``, 409 if the body changed, else None."""
        seen = state.answers.get(message_id)
        if seen is None:
            return None
        if seen.body_sha256 != hashlib.sha256(body).hexdigest():
            return _error(409, "this webhook-id was already used with a different body")
        return _ok(seen.response)

    def _answer(
        self,
        vendor: Vendor,
        state: _VendorConsents,
        held: HeldConsent,
        *,
        kind: AcknowledgementType,
        in_reply_to: str,
        fields: list[str],
        message_id: str,
        body: bytes,
    ) -> bytes:
        """Sign the acknowledgement, remember it as the answer to ``message_id``."""
        acknowledgement = ConsentAcknowledgement(
            type=kind,
            consentReceiptID=held.receipt.consentReceiptID,
            inReplyTo=in_reply_to,
            issued=utc_timestamp(),
            vendor=vendor.seller,
            receiptSha256=held.receipt_sha256,
            fields=fields,
            countersignature=(
                countersign(held.canonical, vendor.key) if kind == "DisclosureAccepted" else None
            ),
        )
        response = canonical_wire(sign_acknowledgement(acknowledgement, vendor.key))
        digest = hashlib.sha256(body).hexdigest()
        self._remember(state.answers, message_id, _Answer(digest, response))
        return response

    # ------------------------------------------------------------------ disclosures and updates

    async def handle_disclosure(self, request: web.Request) -> web.Response:
        """``POST inbox/consents``: store the disclosed (or updated) fields, acknowledge them."""
        vendor = self._vendor_of(request)
        parts = await self._read_signed_body(request)
        if isinstance(parts, web.Response):
            return parts
        message_id, timestamp, signature, body = parts
        try:
            envelope, received = parse_received(body, SignedDisclosure, what="signed disclosure")
        except WireFormatError as exc:
            return _error(400, str(exc))
        state = self._state(vendor)
        held = state.consents.get(envelope.disclosure.consentReceiptID)
        now = int(time.time())
        try:
            # A known receipt id is bound to its first pairwise key: another key cannot
            # replace the receipt or write data under it.
            disclosure, receipt, canonical, key = verify_signed_disclosure(
                envelope,
                expected_key=held.key if held else None,
                received=received["disclosure"],  # as it arrived: the signing rule
            )
            verify_webhook(
                signature,
                key,
                message_id=message_id,
                timestamp=timestamp,
                body=body,
                now=now,
                tolerance_seconds=self._tolerance,
            )
        except WireFormatError as exc:  # the receipt inside is not a Kantara receipt
            return _error(400, str(exc))
        except (SignatureInvalid, InvalidKey) as exc:
            return _error(401, str(exc))
        replayed = self._replayed(state, message_id, body)
        if replayed is not None:
            return replayed
        if receipt.vrm.vendor != vendor.vendor_id:
            return _error(
                403,
                f"the receipt is for vendor {receipt.vrm.vendor!r}, not for this vendor "
                f"({vendor.vendor_id!r})",
            )
        refusal = _outside_period(receipt, now, self._tolerance)
        if refusal is not None:
            return refusal
        if held is not None:
            if held.termination is not None:
                return _error(
                    409, "this consent was ended (revoked or expired) and its data deleted"
                )
            if held.canonical != canonical:
                return _error(409, "this receipt id was already received with another receipt")
        if disclosure.type == "DisclosureUpdate":
            if held is None:
                return _error(
                    404,
                    "no disclosure was accepted under this receipt; send the Disclosure first",
                )
            held.data.update(disclosure.data)
            held.stored_keys.update(disclosure.data)
            response = self._answer(
                vendor,
                state,
                held,
                kind="UpdateAccepted",
                in_reply_to=disclosure.id,
                fields=sorted(disclosure.data),
                message_id=message_id,
                body=body,
            )
            return _ok(response)
        if held is None:
            held = HeldConsent(receipt=receipt, canonical=canonical, key=key)
            self._remember(state.consents, receipt.consentReceiptID, held)
        held.data.update(disclosure.data)
        held.stored_keys.update(disclosure.data)
        response = self._answer(
            vendor,
            state,
            held,
            kind="DisclosureAccepted",
            in_reply_to=disclosure.id,
            fields=sorted(held.data),
            message_id=message_id,
            body=body,
        )
        return _ok(response)

    # ------------------------------------------------------------------ revocation and expiry

    async def handle_notice(self, request: web.Request) -> web.Response:
        """``POST inbox/revocations``: delete the consent's data, answer a termination receipt."""
        vendor = self._vendor_of(request)
        parts = await self._read_signed_body(request)
        if isinstance(parts, web.Response):
            return parts
        message_id, timestamp, signature, body = parts
        try:
            envelope, received = parse_received(
                body, SignedConsentNotice, what="signed consent notice"
            )
        except WireFormatError as exc:
            return _error(400, str(exc))
        try:
            notice, kid = verify_signed_consent_notice(envelope, received=received["notice"])
            verify_webhook(
                signature,
                verifying_key_from_jwk(notice.principal.publicKey.model_dump()),
                message_id=message_id,
                timestamp=timestamp,
                body=body,
                now=int(time.time()),
                tolerance_seconds=self._tolerance,
            )
        except (SignatureInvalid, InvalidKey) as exc:
            return _error(401, str(exc))
        state = self._state(vendor)
        held = state.consents.get(notice.consentReceiptID)
        if held is None:
            return _error(404, "this vendor holds no consent with that receipt id")
        if held.key.kid != kid:
            return _error(401, "the notice is not signed by the key the consent was given with")
        replayed = self._replayed(state, message_id, body)
        if replayed is not None:
            return replayed
        if held.termination is not None:
            # Ended already (say, revoked, then the expiry notice): the same termination receipt.
            self._remember(
                state.answers,
                message_id,
                _Answer(hashlib.sha256(body).hexdigest(), held.termination),
            )
            return _ok(held.termination)
        deleted = sorted(held.stored_keys)
        held.data.clear()
        held.termination = self._answer(
            vendor,
            state,
            held,
            kind="ConsentTerminated",
            in_reply_to=notice.id,
            fields=deleted,
            message_id=message_id,
            body=body,
        )
        return _ok(held.termination)


def _outside_period(receipt: ConsentReceipt, now: int, tolerance: int) -> web.Response | None:
    """422 if the consent is over or (beyond clock skew) not started yet."""
    if receipt.vrm.validUntil <= now:
        return _error(
            422,
            f"the consent has expired (vrm.validUntil {_utc(receipt.vrm.validUntil)} is past)",
        )
    if receipt.vrm.validFrom > now + tolerance:
        return _error(
            422,
            f"the consent starts in the future (vrm.validFrom {_utc(receipt.vrm.validFrom)}); "
            "check the sender's clock",
        )
    return None


def _drop_if_expired(held: HeldConsent, now: int) -> None:
    if held.data and held.receipt.vrm.validUntil <= now:
        held.data.clear()
