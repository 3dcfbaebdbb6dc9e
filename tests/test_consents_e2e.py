"""The consent lifecycle end to end against the real vendor kit on 127.0.0.1 (no HTTP mocks):
disclosure and countersignature, updates reaching exactly the holders, expiry, and a revocation
made offline that is delivered once when the vendor is back, after which its data is gone."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from jwcrypto import jwk as jc_jwk
from jwcrypto import jws as jc_jws

from tests.intent_helpers import add_vendors, serve
from vendorkit.server import BackgroundVendors, Vendor
from wallet import activity
from wallet.consents import ConsentBook, GrantRequest
from wallet.consents.book import DAY_SECONDS, KIND_REVOCATION
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.delivery.cycle import deliver_pending, deliver_pending_async
from wallet.outbox import Outbox
from wallet.vault.facade import Vault
from wallet.vendors.directory import VendorDirectory, parse_metadata
from wallet.wire.consent import ConsentAcknowledgement, SignedAcknowledgement, SignedDisclosure
from wallet.wire.consent_signing import countersign, receipt_sha256, verify_receipt
from wallet.wire.models import SellerIdentity
from wallet.wire.terms import PublicJwk

EMAIL = "ada@example.org"
ADDRESS = "12 Rue de l'Église, Montréal"
SECRET = "not-for-vendors"


@pytest.fixture
def kit() -> Iterator[BackgroundVendors]:
    with serve(3) as server:
        yield server


@pytest.fixture
def ready(vault: Vault, kit: BackgroundVendors) -> tuple[Vault, list[str]]:
    vault.fields.set("email", EMAIL)
    vault.fields.set("postal_address", ADDRESS)
    vault.fields.set("phone", SECRET)
    return vault, add_vendors(vault, kit.metadata_urls)


def _vendor(kit: BackgroundVendors, vendor_id: str) -> Vendor:
    return next(v for v in kit.vendor_app.vendors if v.vendor_id == vendor_id)


def _held(kit: BackgroundVendors, vendor_id: str, consent_id: str) -> dict[str, str] | None:
    return kit.vendor_app.consents.held_data(_vendor(kit, vendor_id), consent_id)


def _grant(vault: Vault, vendor_id: str, *fields: str, days: int = 30) -> str:
    request = GrantRequest(vendor_id=vendor_id, field_keys=fields, purposes=(2, 3), days=days)
    return ConsentBook(vault).grant(request).id


def test_disclosure_is_countersigned_and_holds_only_the_scope(
    ready: tuple[Vault, list[str]], kit: BackgroundVendors
) -> None:
    vault, vendor_ids = ready
    consent_id = _grant(vault, vendor_ids[0], "email", "postal_address")
    report = deliver_pending(vault, deadline=20)
    assert report.summary.delivered == 1
    assert report.acknowledgements.accepted == [(consent_id, "DisclosureAccepted")]
    assert _held(kit, vendor_ids[0], consent_id) == {"email": EMAIL, "postal_address": ADDRESS}
    record = ConsentBook(vault).get(consent_id)
    assert record.acknowledged and record.row.acknowledged_at is not None
    # Both signatures over the same canonical bytes, checked with an independent JOSE library.
    _, canonical, consumer_key = verify_receipt(record.row.receipt_jws)
    vendor_key = _vendor(kit, vendor_ids[0]).key.verifying_key
    for token, key in (
        (record.row.receipt_jws, consumer_key),
        (record.row.countersignature, vendor_key),
    ):
        checked = jc_jws.JWS()
        checked.deserialize(token)
        checked.verify(jc_jwk.JWK(**key.jwk), alg="Ed25519")
        assert checked.payload == canonical
    assert [e.type for e in ConsentBook(vault).history(consent_id)] == ["granted", "acknowledged"]
    # nobody else got anything
    for other in vendor_ids[1:]:
        assert _held(kit, other, consent_id) is None


def test_update_reaches_exactly_the_vendors_holding_the_field(
    ready: tuple[Vault, list[str]], kit: BackgroundVendors
) -> None:
    vault, (first, second, third) = ready
    holds = [_grant(vault, first, "email"), _grant(vault, second, "email", "postal_address")]
    outside = _grant(vault, third, "postal_address")
    deliver_pending(vault, deadline=20)
    vault.fields.set("email", "ada@new.example")
    book = ConsentBook(vault)
    assert sorted(h.consent_id for h in book.holders("email")) == sorted(holds)
    assert all(outcome.queued for outcome in book.propagate("email"))
    report = deliver_pending(vault, deadline=20)
    assert sorted(report.acknowledgements.accepted) == sorted(
        (consent_id, "UpdateAccepted") for consent_id in holds
    )
    assert _held(kit, first, holds[0]) == {"email": "ada@new.example"}
    assert _held(kit, second, holds[1]) == {"email": "ada@new.example", "postal_address": ADDRESS}
    assert _held(kit, third, outside) == {"postal_address": ADDRESS}


def test_expiry_tells_the_vendor_which_deletes_and_signs_a_termination(
    ready: tuple[Vault, list[str]], kit: BackgroundVendors
) -> None:
    vault, vendor_ids = ready
    consent_id = _grant(vault, vendor_ids[0], "email", days=1)
    deliver_pending(vault, deadline=20)
    book = ConsentBook(vault)
    granted = book.get(consent_id).row.granted_at
    [outcome] = book.expire_due(now=granted + DAY_SECONDS)
    assert outcome.queued
    report = deliver_pending(vault, deadline=20)
    assert report.acknowledgements.accepted == [(consent_id, "ConsentTerminated")]
    assert _held(kit, vendor_ids[0], consent_id) is None
    record = book.get(consent_id)
    assert record.status == "expired" and record.row.terminated_at is not None
    vault.fields.set("email", "late@example.org")
    assert book.propagate("email", [consent_id])[0].queued is False


def test_revocation_offline_then_online_is_delivered_once_and_the_data_is_gone(
    ready: tuple[Vault, list[str]], kit: BackgroundVendors
) -> None:
    vault, vendor_ids = ready
    consent_id = _grant(vault, vendor_ids[0], "email", "postal_address")
    deliver_pending(vault, deadline=20)
    assert _held(kit, vendor_ids[0], consent_id) is not None
    kit.go_offline()  # the vendor (or our network) is down: connections are refused

    outcome = ConsentBook(vault).revoke(consent_id)
    assert outcome.queued
    offline = deliver_pending(vault, deadline=3, timeout=2)
    assert offline.summary.delivered == 0 and offline.summary.pending == 1
    [notice] = [r for r in Outbox(vault).rows(subject=consent_id) if r.kind == KIND_REVOCATION]
    assert notice.status == "pending" and notice.attempts >= 1
    assert ConsentBook(vault).get(consent_id).status == "revoked"  # revoked right away

    kit.go_online()
    online = deliver_pending(vault, deadline=60, timeout=5)  # waits for the retry to be due
    [notice] = [r for r in Outbox(vault).rows(subject=consent_id) if r.kind == KIND_REVOCATION]
    assert notice.status == "delivered"
    assert _held(kit, vendor_ids[0], consent_id) is None
    record = ConsentBook(vault).get(consent_id)
    assert record.row.terminated_at is not None
    termination = SignedAcknowledgement.model_validate_json(record.row.termination or "")
    assert termination.acknowledgement.type == "ConsentTerminated"
    assert sorted(termination.acknowledgement.fields) == ["email", "postal_address"]
    assert online.acknowledgements.refused == []
    # exactly one revocation message, one webhook id
    notices = [r for r in Outbox(vault).rows(subject=consent_id) if r.kind == KIND_REVOCATION]
    assert len(notices) == 1
    readable = json.loads(ConsentBook(vault).receipt_bytes(consent_id, format="json"))
    assert readable["status"] == "revoked" and readable["termination"] is not None


def _forged_answers_app(pinned: SigningKey, impostor: SigningKey) -> web.Application:
    """A 'vendor' whose answers to disclosures are wrong in turn: not signed at all, then
    signed by a key that is not the pinned one, then without a valid countersignature."""
    answers: list[str] = ["unsigned", "impostor", "bad countersignature"]

    async def consents(request: web.Request) -> web.Response:
        envelope = SignedDisclosure.model_validate_json(await request.read())
        receipt_token = envelope.disclosure.receipt
        _, canonical, _ = verify_receipt(receipt_token)
        kind = answers.pop(0)
        if kind == "unsigned":
            return web.json_response({"ok": True})
        signer = impostor if kind == "impostor" else pinned
        acknowledgement = ConsentAcknowledgement(
            type="DisclosureAccepted",
            consentReceiptID=envelope.disclosure.consentReceiptID,
            inReplyTo=envelope.disclosure.id,
            issued="2030-01-01T00:00:00Z",
            vendor=SellerIdentity(
                id="forger",
                name="Forger",
                publicKey=PublicJwk.model_validate(pinned.verifying_key.jwk),
                kid=pinned.kid,
            ),
            receiptSha256=receipt_sha256(canonical),
            fields=sorted(envelope.disclosure.data),
            countersignature=countersign(canonical + b" ", pinned)
            if kind == "bad countersignature"
            else countersign(canonical, pinned),
        )
        document = acknowledgement.wire()
        body = {
            "acknowledgement": document,
            "signature": signer.sign_jws(canonical_bytes(document)),
        }
        return web.json_response(body)

    app = web.Application()
    app.router.add_post("/inbox/consents", consents)
    return app


def test_forged_or_unsigned_acknowledgements_are_refused_and_logged(vault: Vault) -> None:
    pinned, impostor = generate_signing_key(), generate_signing_key()
    vault.fields.set("email", EMAIL)

    async def scenario() -> list[tuple[str, str]]:
        server = TestServer(_forged_answers_app(pinned, impostor), host="127.0.0.1")
        await server.start_server()
        try:
            base = str(server.make_url("")).rstrip("/")
            document = {
                "type": "VrmVendor",
                "version": 1,
                "id": "forger",
                "name": "Forger",
                "publicKey": pinned.verifying_key.jwk,
                "inbox": {
                    "intentions": f"{base}/inbox/intentions",
                    "offers": f"{base}/inbox/offers",
                    "consents": f"{base}/inbox/consents",
                },
                "policyUrl": f"{base}/privacy",
                "contact": "privacy@forger.example",
            }
            VendorDirectory(vault).add(parse_metadata(document, url=f"{base}/.well-known/x"))
            refused = []
            for _ in range(3):
                _grant(vault, "forger", "email")
                report = await deliver_pending_async(vault, deadline=20)
                assert report.summary.delivered == 1
                refused += report.acknowledgements.refused
            return refused
        finally:
            await server.close()

    refused = asyncio.run(scenario())
    reasons = [reason for _, reason in refused]
    assert len(reasons) == 3
    assert "not a valid signed acknowledgement" in reasons[0]
    assert "does not verify" in reasons[1] or "signature" in reasons[1]
    assert "countersignature" in reasons[2]
    book = ConsentBook(vault)
    assert all(not record.acknowledged for record in book.list())
    logged = [e for e in vault.activity_page(limit=200) if e.type == activity.CONSENT_ACK_REFUSED]
    assert len(logged) == 3 and all(e.result == "not completed" for e in logged)
