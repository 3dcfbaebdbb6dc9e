"""The reference vendor inbox: an aiohttp server for one or many vendors on one port.

With one vendor its metadata is at ``/.well-known/vrm-vendor.json`` and its inbox at
``/inbox/intentions`` (POST) and ``/inbox/offers`` (GET ``?intention=<id>``); with several, vendor
*i* (1-based) lives under ``/vendors/<i>/``. Absolute URLs in the metadata are built from the
request's origin, so the same app works on any port. The POST handler follows ``docs/protocol.md``:
size cap (413), timestamp window (400), structure (400), webhook and JWS signatures with the
intention's requester key (401), ``webhook-id`` deduplication (same body: the same answer; other
body: 409), expiry (422), then offers from the catalogue, signed with the vendor's key.

Notices (``/inbox/withdrawals`` and ``/inbox/decisions``, POST a ``SignedNotice``) are checked the
same way (size, timestamp, structure, webhook signature and JWS by the notice's requester key),
then the key must be the one the vendor bound to the intention id (401), the intention must be
known (404), and a repeated ``webhook-id`` with the same body answers the same again. A
``TermsAccepted`` decision must carry the person's valid signature over the counter-offer the
vendor made in that offer (404, 401, 409: :func:`~vendorkit.terms.checked_counter_acceptance`).

Consents (``/inbox/consents``, POST a ``SignedDisclosure`` or update; ``/inbox/revocations``, POST
a ``SignedConsentNotice``) are handled by :class:`~vendorkit.consents.ConsentInbox`: the
receipt, disclosure and webhook signatures by the consumer's pairwise key (401), the receipt
for this vendor (403) and not expired (422), then the fields are stored and acknowledged with a
signed ``DisclosureAccepted`` (with the countersignature) or ``UpdateAccepted``; a notice deletes
them and is answered with a signed termination receipt (``ConsentTerminated``).

State (seen ids, offers made) lives in memory, bounded; a restarted vendor forgets it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiohttp import web

from vendorkit.catalog import Catalog, OfferPlan, OfferSigner, seller_identity
from vendorkit.consents import ConsentInbox
from vendorkit.terms import AcceptanceRefused, agreement_entries, append_log
from vendorkit.terms import checked_counter_acceptance as checked_acceptance
from wallet.crypto.signing import SigningKey, VerifyingKey
from wallet.errors import InvalidKey, SignatureInvalid
from wallet.webhooks import HEADER_ID, HEADER_SIGNATURE, HEADER_TIMESTAMP, verify_webhook
from wallet.wire.models import (
    MAX_WIRE_BYTES,
    ControllerDetails,
    Intention,
    OfferList,
    SellerIdentity,
    SignedIntention,
    VendorInbox,
    VendorMetadata,
)
from wallet.wire.notices import (
    IntentionNotice,
    SignedNotice,
    notice_key,
    verify_signed_notice,
)
from wallet.wire.signing import (
    WireFormatError,
    parse_received,
    requester_key,
    verify_signed_intention_canonical,
    wire_bytes,
)
from wallet.wire.terms import URN_UUID_PATTERN, PublicJwk, parse_utc_timestamp

TOLERANCE_SECONDS = 300
MAX_REMEMBERED = 100_000
MAX_VERIFIED_BODIES = 256
WELL_KNOWN = "/.well-known/vrm-vendor.json"
_URN_UUID = re.compile(URN_UUID_PATTERN)
_SignedParts = tuple[str, int, str, bytes]  # webhook id, timestamp, signature, raw body


@dataclass
class _Delivery:
    body_sha256: str
    response: bytes


@dataclass(slots=True)
class _CheckedIntention:
    """A signed intention body that parsed and verified, and what this process offers for it."""

    intention: Intention
    key: VerifyingKey  # the requester's
    intention_sha256: str  # of its canonical form
    expires_at: datetime
    plan: OfferPlan


@dataclass
class _IntentionRecord:
    kid: str
    intention_sha256: str
    response: bytes  # the OfferList body sent, served again byte for byte


@dataclass
class Vendor:
    """One served vendor: its index, key, and what it remembers."""

    index: int
    key: SigningKey
    name: str
    vendor_id: str
    prefix: str  # "" for a lone vendor, "/vendors/<i>" otherwise
    deliveries: OrderedDict[str, _Delivery] = field(default_factory=OrderedDict)
    intentions: OrderedDict[str, _IntentionRecord] = field(default_factory=OrderedDict)
    notices: OrderedDict[str, IntentionNotice] = field(default_factory=OrderedDict)
    notice_bodies: dict[str, str] = field(default_factory=dict)
    acceptances: dict[str, dict[str, Any]] = field(default_factory=dict)  # "intention sha256"
    _signer: OfferSigner | None = field(default=None, repr=False)

    @property
    def seller(self) -> SellerIdentity:
        """The ``seller`` field of this vendor's offers."""
        return self.signer.seller

    @property
    def signer(self) -> OfferSigner:
        """This vendor signing its offers (made once: the key never changes)."""
        if self._signer is None:
            seller = seller_identity(
                vendor_id=self.vendor_id,
                name=self.name,
                public_jwk=self.key.verifying_key.jwk,
                kid=self.key.kid,
            )
            self._signer = OfferSigner(key=self.key, seller=seller, index=self.index)
        return self._signer

    def agreements(self) -> list[dict[str, Any]]:
        """Its agreement records (from the offers it serves) and the person's acceptances."""
        served = {intention: record.response for intention, record in self.intentions.items()}
        return agreement_entries(self.vendor_id, served, self.acceptances)

    @property
    def metadata_path(self) -> str:
        return self.prefix + WELL_KNOWN

    def metadata(self, origin: str, catalog: Catalog) -> VendorMetadata:
        return VendorMetadata(
            id=self.vendor_id,
            name=self.name,
            publicKey=PublicJwk.model_validate(self.key.verifying_key.jwk),
            inbox=VendorInbox(
                intentions=f"{origin}{self.prefix}/inbox/intentions",
                offers=f"{origin}{self.prefix}/inbox/offers",
                withdrawals=f"{origin}{self.prefix}/inbox/withdrawals",
                decisions=f"{origin}{self.prefix}/inbox/decisions",
                consents=f"{origin}{self.prefix}/inbox/consents",
                revocations=f"{origin}{self.prefix}/inbox/revocations",
            ),
            categories=catalog.categories,
            acceptedAgreements=list(catalog.acceptedAgreements),
            acceptedClauses=list(catalog.acceptedClauses),
            policyUrl=f"{origin}{self.prefix}/policy",
            contact=catalog.contact,
            controller=controller_details(self.name, catalog),
        )


def controller_details(vendor_name: str, catalog: Catalog) -> ControllerDetails:
    """The data controller a vendor names for consent receipts: the catalogue's ``controller``
    (its ``legalName`` made this vendor's name when it is just the catalogue's ``vendorName``, as
    one catalogue serves several vendors), or else the vendor itself with its contact e-mail."""
    given = catalog.controller
    if given is not None:
        if given.legalName == catalog.vendorName:
            return given.model_copy(update={"legalName": vendor_name})
        return given
    contact = catalog.contact
    email = contact if "@" in contact and "://" not in contact else ""
    return ControllerDetails(legalName=vendor_name, email=email)


def _remember(store: OrderedDict[str, Any], key: str, value: Any) -> None:
    store[key] = value
    while len(store) > MAX_REMEMBERED:
        store.popitem(last=False)


def _error(status: int, reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=status)


def _ok(body: bytes) -> web.Response:
    return web.Response(body=body, status=200, content_type="application/json")


def make_vendors(keys: list[SigningKey], catalog: Catalog) -> list[Vendor]:
    """One :class:`Vendor` per key; a lone vendor is served at the root."""
    single = len(keys) == 1
    return [
        Vendor(
            index=index,
            key=key,
            name=catalog.vendorName if single else f"{catalog.vendorName} {index}",
            vendor_id="demo-vendor" if single else f"demo-vendor-{index}",
            prefix="" if single else f"/vendors/{index}",
        )
        for index, key in enumerate(keys, start=1)
    ]


class VendorApp:
    """The aiohttp application serving ``vendors`` from ``catalog``."""

    def __init__(
        self,
        vendors: list[Vendor],
        catalog: Catalog,
        *,
        response_delay: float = 0.0,
        records_dir: Path | None = None,
    ) -> None:
        """``response_delay`` seconds are waited before answering an intention (slow vendors);
        ``records_dir`` logs the agreement records there (``vrm-vendor agreements``)."""
        if not vendors:
            raise ValueError("serve at least one vendor")
        self.vendors = vendors
        self.catalog = catalog
        self.response_delay = response_delay
        self.records_dir = records_dir
        self._by_prefix = {vendor.prefix: vendor for vendor in vendors}
        self._verified_bodies: OrderedDict[str, _CheckedIntention] = OrderedDict()
        self.consents = ConsentInbox(
            self._vendor,
            self._signed_body,
            tolerance_seconds=TOLERANCE_SECONDS,
            max_held=MAX_REMEMBERED,
        )
        self.app = web.Application(client_max_size=MAX_WIRE_BYTES)
        routes = self.app.router
        if len(vendors) == 1:
            self._add_routes(routes, "")
        else:
            self._add_routes(routes, "/vendors/{index:[0-9]+}")

    def _add_routes(self, routes: web.UrlDispatcher, prefix: str) -> None:
        routes.add_get(prefix + WELL_KNOWN, self.handle_metadata)
        routes.add_post(prefix + "/inbox/intentions", self.handle_intention)
        routes.add_get(prefix + "/inbox/offers", self.handle_offers)
        routes.add_get(prefix + "/policy", self.handle_policy)
        routes.add_post(prefix + "/inbox/withdrawals", self.handle_withdrawal)
        routes.add_post(prefix + "/inbox/decisions", self.handle_decision)
        routes.add_post(prefix + "/inbox/consents", self.consents.handle_disclosure)
        routes.add_post(prefix + "/inbox/revocations", self.consents.handle_notice)

    def _vendor(self, request: web.Request) -> Vendor:
        index = request.match_info.get("index")
        prefix = "" if index is None else f"/vendors/{index}"
        vendor = self._by_prefix.get(prefix)
        if vendor is None:
            raise web.HTTPNotFound(
                text=json.dumps({"error": "no such vendor"}), content_type="application/json"
            )
        return vendor

    @staticmethod
    def _origin(request: web.Request) -> str:
        return str(request.url.origin())

    async def handle_metadata(self, request: web.Request) -> web.Response:
        vendor = self._vendor(request)
        return _ok(wire_bytes(vendor.metadata(self._origin(request), self.catalog)))

    async def handle_policy(self, request: web.Request) -> web.Response:
        vendor = self._vendor(request)
        return web.Response(
            text=(
                f"{vendor.name} is a reference vendor of VRM Wallet. It keeps the intentions it "
                "receives and the offers it makes in memory only, and forgets them on restart.\n"
            )
        )

    async def handle_offers(self, request: web.Request) -> web.Response:
        vendor = self._vendor(request)
        intention_id = request.query.get("intention", "")
        if not _URN_UUID.fullmatch(intention_id):
            return _error(400, "give ?intention=<urn:uuid:...> to fetch its offers")
        record = vendor.intentions.get(intention_id)
        return _ok(record.response if record else wire_bytes(OfferList(offers=[])))

    async def _signed_body(
        self, request: web.Request
    ) -> tuple[str, int, str, bytes] | web.Response:
        """The webhook headers and raw body, or the error response (400/413)."""
        if request.content_length is not None and request.content_length > MAX_WIRE_BYTES:
            return _error(413, f"the body is larger than {MAX_WIRE_BYTES} bytes")
        message_id = request.headers.get(HEADER_ID, "")
        timestamp_text = request.headers.get(HEADER_TIMESTAMP, "")
        signature = request.headers.get(HEADER_SIGNATURE, "")
        if not message_id or not signature or not timestamp_text:
            return _error(
                400, "the webhook-id, webhook-timestamp and webhook-signature headers are required"
            )
        if not timestamp_text.isdigit() or len(timestamp_text) > 12:
            return _error(400, "webhook-timestamp must be integer Unix seconds")
        timestamp = int(timestamp_text)
        if abs(int(time.time()) - timestamp) > TOLERANCE_SECONDS:
            return _error(400, f"webhook-timestamp is more than {TOLERANCE_SECONDS} s away")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return _error(413, f"the body is larger than {MAX_WIRE_BYTES} bytes")
        return message_id, timestamp, signature, body

    async def handle_withdrawal(self, request: web.Request) -> web.Response:
        return await self._handle_notice(request, ("IntentionWithdrawn",))

    async def handle_decision(self, request: web.Request) -> web.Response:
        return await self._handle_notice(
            request, ("OfferAccepted", "OfferDeclined", "TermsAccepted")
        )

    async def _handle_notice(self, request: web.Request, kinds: tuple[str, ...]) -> web.Response:
        vendor = self._vendor(request)
        parts = await self._signed_body(request)
        if isinstance(parts, web.Response):
            return parts
        message_id, timestamp, signature, body = parts
        try:
            envelope, received = parse_received(body, SignedNotice, what="signed notice")
        except WireFormatError as exc:
            return _error(400, str(exc))
        notice = envelope.notice
        if notice.type not in kinds:
            return _error(400, f"this endpoint takes {' or '.join(kinds)} notices")
        try:
            key = notice_key(notice)
            verify_webhook(
                signature,
                key,
                message_id=message_id,
                timestamp=timestamp,
                body=body,
                now=int(time.time()),
                tolerance_seconds=TOLERANCE_SECONDS,
            )
            verify_signed_notice(envelope, received=received["notice"])  # as it arrived
        except (SignatureInvalid, InvalidKey) as exc:
            return _error(401, str(exc))
        record = vendor.intentions.get(notice.intention)
        if record is None:
            return _error(404, "this vendor has not received that intention")
        if record.kid != key.kid:
            return _error(401, "the notice is not signed by the intention's key")
        body_sha256 = hashlib.sha256(body).hexdigest()
        seen = vendor.notice_bodies.get(message_id)
        if seen is not None and seen != body_sha256:
            return _error(409, "this webhook-id was already used with a different body")
        if seen is None:
            refused = self._keep_acceptance(vendor, record.response, notice, received["notice"])
            if refused is not None:
                return refused
            vendor.notice_bodies[message_id] = body_sha256
            _remember(vendor.notices, message_id, notice)
        return _ok(b'{"ok":true}')

    def _keep_acceptance(
        self, vendor: Vendor, served: bytes, notice: IntentionNotice, received: dict[str, Any]
    ) -> web.Response | None:
        """Keep a ``TermsAccepted`` notice's checked acceptance beside the vendor's record
        (None; nothing for other notices), or the refusal (404, 401, 409)."""
        if notice.termsAcceptance is None:
            return None
        try:
            sha256 = checked_acceptance(served, notice.offer or "", notice.termsAcceptance)
        except AcceptanceRefused as exc:
            return _error(exc.status, exc.reason)
        accepted, key = received["termsAcceptance"], f"{notice.intention} {sha256}"
        kept = vendor.acceptances.get(key)
        if kept is not None and kept != accepted:
            return _error(409, "another acceptance of this counter-offer is kept already")
        if kept is None:
            vendor.acceptances[key] = accepted
            if self.records_dir is not None:
                line = {"vendor": vendor.vendor_id, "accepted": key, "termsAcceptance": accepted}
                append_log(self.records_dir, vendor.index, line)
        return None

    def _checked_intention(self, body: bytes, body_sha256: str) -> _CheckedIntention | web.Response:
        """The signed intention in ``body``, checked; or the error response (400 not an
        intention, 401 bad key or signature).

        One broadcast brings the same body to every vendor this process serves, so a body that
        verified is remembered by its SHA-256 (bounded) with the offer plan its vendors share:
        the same bytes always give the same answer, and only the per-delivery webhook signature
        is left to check.
        """
        remembered = self._verified_bodies.get(body_sha256)
        if remembered is not None:
            self._verified_bodies.move_to_end(body_sha256)
            return remembered
        try:
            envelope, received = parse_received(body, SignedIntention, what="signed intention")
        except WireFormatError as exc:
            return _error(400, str(exc))
        try:  # the signature covers the intention object as it arrived (the signing rule)
            key = requester_key(envelope.intention)
            intention, canonical = verify_signed_intention_canonical(
                envelope, received=received["intention"]
            )
        except (SignatureInvalid, InvalidKey) as exc:
            return _error(401, str(exc))
        checked = _CheckedIntention(
            intention=intention,
            key=key,
            intention_sha256=hashlib.sha256(canonical).hexdigest(),
            expires_at=parse_utc_timestamp(intention.validThrough),
            plan=OfferPlan(self.catalog, intention),
        )
        self._verified_bodies[body_sha256] = checked
        while len(self._verified_bodies) > MAX_VERIFIED_BODIES:
            self._verified_bodies.popitem(last=False)
        return checked

    async def handle_intention(self, request: web.Request) -> web.Response:
        vendor = self._vendor(request)
        if self.response_delay > 0:
            await asyncio.sleep(self.response_delay)
        if request.content_length is not None and request.content_length > MAX_WIRE_BYTES:
            return _error(413, f"the body is larger than {MAX_WIRE_BYTES} bytes")
        message_id = request.headers.get(HEADER_ID, "")
        timestamp_text = request.headers.get(HEADER_TIMESTAMP, "")
        signature = request.headers.get(HEADER_SIGNATURE, "")
        if not message_id or not signature or not timestamp_text:
            return _error(
                400, "the webhook-id, webhook-timestamp and webhook-signature headers are required"
            )
        if not timestamp_text.isdigit() or len(timestamp_text) > 12:
            return _error(400, "webhook-timestamp must be integer Unix seconds")
        timestamp = int(timestamp_text)
        now = int(time.time())
        if abs(now - timestamp) > TOLERANCE_SECONDS:
            return _error(
                400,
                f"webhook-timestamp is {now - timestamp:+d} s from the vendor's clock; at most "
                f"{TOLERANCE_SECONDS} s either way is accepted (stale, replayed or clock skew)",
            )
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return _error(413, f"the body is larger than {MAX_WIRE_BYTES} bytes")
        body_sha256 = hashlib.sha256(body).hexdigest()
        checked = self._checked_intention(body, body_sha256)
        if isinstance(checked, web.Response):
            return checked
        intention, key = checked.intention, checked.key
        try:
            verify_webhook(
                signature,
                key,
                message_id=message_id,
                timestamp=timestamp,
                body=body,
                now=now,
                tolerance_seconds=TOLERANCE_SECONDS,
            )
        except SignatureInvalid as exc:
            return _error(401, str(exc))

        seen = vendor.deliveries.get(message_id)
        if seen is not None:
            if seen.body_sha256 != body_sha256:
                return _error(409, "this webhook-id was already used with a different body")
            return _ok(seen.response)

        record = vendor.intentions.get(intention.id)
        if record is not None:
            if record.kid != key.kid or record.intention_sha256 != checked.intention_sha256:
                return _error(
                    409, "this intention id was already received with another key or content"
                )
            response = record.response
            _remember(vendor.deliveries, message_id, _Delivery(body_sha256, response))
            return _ok(response)

        current = datetime.now(UTC)
        if checked.expires_at <= current:
            return _error(422, "the intention has expired (validThrough is in the past)")

        response = checked.plan.answer(vendor.signer, now=current)
        _remember(
            vendor.intentions,
            intention.id,
            _IntentionRecord(key.kid, checked.intention_sha256, response),
        )
        _remember(vendor.deliveries, message_id, _Delivery(body_sha256, response))
        if self.records_dir is not None and checked.plan.terms_verdict is not None:
            served = {"vendor": vendor.vendor_id, "intention": intention.id}
            append_log(self.records_dir, vendor.index, served | {"served": json.loads(response)})
        return _ok(response)


class BackgroundVendors:
    """Serve a :class:`VendorApp` from a thread with its own event loop (demo, tests, benches).

    ``with BackgroundVendors(app) as server: server.metadata_urls`` — binds a real socket on
    ``host`` (port 0 = any free port) and stops cleanly on exit.
    """

    def __init__(self, vendor_app: VendorApp, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.vendor_app = vendor_app
        self.host = host
        self.port = port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def metadata_urls(self) -> list[str]:
        return [self.base_url + vendor.metadata_path for vendor in self.vendor_app.vendors]

    def start(self) -> BackgroundVendors:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="vrm-vendors", daemon=True)
        self._thread.start()
        self._ready.wait(timeout=30)
        if self._error is not None:
            raise self._error
        if not self._ready.is_set():
            raise RuntimeError("the vendor server did not start within 30 s")
        return self

    def _run(self) -> None:
        assert self._loop is not None
        asyncio.set_event_loop(self._loop)
        try:
            self._runner = self._loop.run_until_complete(self._start())
        except BaseException as exc:  # reported to start()
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._runner.cleanup())
        self._loop.close()

    async def _start(self) -> web.AppRunner:
        runner = web.AppRunner(self.vendor_app.app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self.port = int(runner.addresses[0][1])
        return runner

    def go_offline(self) -> None:
        """Stop listening (connections are refused) but keep the vendors and what they hold:
        a vendor that is down for a while. :meth:`go_online` listens on the same port again."""
        self._run_on_loop(self._close_sites())

    def go_online(self) -> None:
        self._run_on_loop(self._open_site())

    def _run_on_loop(self, work: Coroutine[Any, Any, None]) -> None:
        if self._loop is None:
            raise RuntimeError("the vendor server is not running")
        asyncio.run_coroutine_threadsafe(work, self._loop).result(timeout=30)

    async def _close_sites(self) -> None:
        assert self._runner is not None
        for site in list(self._runner.sites):
            await site.stop()

    async def _open_site(self) -> None:
        assert self._runner is not None
        await web.TCPSite(self._runner, self.host, self.port).start()

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=30)
        self._loop = None
        self._thread = None

    def __enter__(self) -> BackgroundVendors:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
