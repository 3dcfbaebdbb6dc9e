"""The signing rule end to end (issue 13): strangers' documents, signed over exactly what they
send, are accepted by the wallet and by the reference vendor over real HTTP on 127.0.0.1; the
wallet keeps and exports what was signed, never a model dumped again.

* (a) an offer leaving out its defaulted members is stored by the wallet, as it arrived;
* (b) the reference vendor answers 200 to a hand-signed intention, withdrawal, disclosure and
  revocation leaving out defaulted members;
* (c) a termination receipt with ``"countersignature": null`` ends the consent;
* (d) the readable receipt export holds exactly the signed receipt and termination receipt.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from tests.intent_helpers import create, save_terms, serve
from tests.signing_rule_strangers import Stranger, body_of, envelope
from tests.test_signing_rule import minimal_intention, minimal_offer, stranger_receipt
from vendorkit.server import BackgroundVendors
from wallet.consents import ConsentBook, GrantRequest
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import unverified_payload, verifying_key_from_jwk
from wallet.delivery.cycle import deliver_pending
from wallet.offers import store as offer_store
from wallet.offers.ingest import ingest_body
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory, parse_metadata
from wallet.wire.consent import SignedConsentNotice, SignedDisclosure
from wallet.wire.consent_signing import receipt_sha256
from wallet.wire.models import OfferList, SignedOffer
from wallet.wire.signing import parse_wire, verify_signed_offer
from wallet.wire.terms import utc_timestamp

SHOP_ID = "stranger-shop"
EMAIL = "ada@example.org"


def pin(vault: Vault, vendor: Stranger, origin: str) -> None:
    """Add ``vendor`` to the directory with its inboxes at ``origin`` (no request made)."""
    names = ("intentions", "offers", "withdrawals", "decisions", "consents", "revocations")
    document = {
        "type": "VrmVendor",
        "version": 1,
        "id": SHOP_ID,
        "name": "Stranger Shop",
        "publicKey": vendor.jwk,
        "inbox": {name: f"{origin}/inbox/{name}" for name in names},
        "categories": ["shoes"],
        "policyUrl": f"{origin}/privacy",
        "contact": "privacy@stranger.example",
    }
    VendorDirectory(vault).add(
        parse_metadata(document, url=f"{origin}/.well-known/vrm-vendor.json")
    )


# ---------------------------------------------------------------------------- (a) the wallet


def test_the_wallet_stores_an_offer_without_its_defaulted_members_as_it_arrived(
    vault: Vault,
) -> None:
    seller = Stranger()
    pin(vault, seller, "http://127.0.0.1:9")
    save_terms(vault)
    intention_id = create(vault).id
    offer = minimal_offer(seller, intention=intention_id)
    item = envelope("offer", offer, seller)

    report = ingest_body(
        vault, vendor_id=SHOP_ID, intention_id=intention_id, raw=body_of({"offers": [item]})
    )
    assert [r.code for r in report.rejected] == [] and report.stored == [offer["id"]]
    [row] = offer_store.offers_for(vault.reader, intention_id)
    assert json.loads(row.signed) == item  # nothing added (no @context, no isAlternative...)
    kept = json.loads(row.signed)
    verify_signed_offer(
        SignedOffer.model_validate(kept),
        verifying_key_from_jwk(seller.jwk),
        received=kept["offer"],
    )


# ---------------------------------------------------------------------------- (b) the vendor


@pytest.fixture(scope="module")
def vendor() -> Iterator[BackgroundVendors]:
    with serve(1) as server:
        yield server


def _request(url: str, body: bytes = b"", headers: dict[str, str] | None = None) -> Any:
    async def run() -> tuple[int, bytes]:
        async with (
            aiohttp.ClientSession() as session,
            session.request("POST" if body else "GET", url, data=body, headers=headers) as answer,
        ):
            return answer.status, await answer.read()

    return asyncio.run(run())


def post(url: str, body: bytes, signer: Stranger) -> tuple[int, bytes]:
    """POST ``body`` with Standard Webhooks headers signed by hand (``v1a``)."""
    message_id, timestamp = str(uuid.uuid4()), int(time.time())
    headers = {
        "content-type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signer.webhook_signature(
            message_id=message_id, timestamp=timestamp, body=body
        ),
    }
    status, answer = _request(url, body, headers)
    return status, answer


def metadata(server: BackgroundVendors) -> dict[str, Any]:
    status, body = _request(server.metadata_urls[0])
    assert status == 200
    document = json.loads(body)
    assert isinstance(document, dict)
    return document


def test_the_vendor_accepts_an_intention_and_a_withdrawal_leaving_out_defaulted_members(
    vendor: BackgroundVendors,
) -> None:
    inbox = metadata(vendor)["inbox"]
    requester = Stranger()
    intention = minimal_intention(requester)
    status, answer = post(
        inbox["intentions"], body_of(envelope("intention", intention, requester)), requester
    )
    assert status == 200, answer
    parse_wire(answer, OfferList)  # an offer list (the sample catalogue decides what is in it)

    withdrawal = {  # "offer" (default null) left out
        "type": "IntentionWithdrawn",
        "intention": intention["id"],
        "issued": utc_timestamp(),
        "requester": intention["requester"],
    }
    status, answer = post(
        inbox["withdrawals"], body_of(envelope("notice", withdrawal, requester)), requester
    )
    assert status == 200, answer


def test_the_vendor_accepts_a_disclosure_and_a_revocation_by_a_stranger(
    vendor: BackgroundVendors,
) -> None:
    meta = metadata(vendor)
    person = Stranger()
    receipt = stranger_receipt(person)
    receipt["vrm"]["vendor"] = meta["id"]
    token = person.jws(receipt, typ="kantara-cr+jws")
    disclosure = {
        "type": "Disclosure",
        "id": uuid.uuid4().urn,
        "consentReceiptID": receipt["consentReceiptID"],
        "issued": utc_timestamp(),
        "receipt": token,
        "data": {"email": EMAIL},
    }
    body = body_of(envelope("disclosure", disclosure, person))
    status, answer = post(meta["inbox"]["consents"], body, person)
    assert status == 200, answer
    assert json.loads(answer)["acknowledgement"]["type"] == "DisclosureAccepted"

    notice = {
        "type": "ConsentRevoked",
        "id": uuid.uuid4().urn,
        "consentReceiptID": receipt["consentReceiptID"],
        "issued": utc_timestamp(),
        "principal": {"publicKey": person.jwk, "kid": person.kid},
    }
    body = body_of(envelope("notice", notice, person))
    status, answer = post(meta["inbox"]["revocations"], body, person)
    assert status == 200, answer
    assert json.loads(answer)["acknowledgement"]["fields"] == ["email"]


# ---------------------------------------------------------------------------- (c), (d) consents


class StrangerConsentVendor:
    """A vendor written by a stranger: answers a disclosure with ``DisclosureAccepted`` (its
    countersignature over the receipt's payload) and a notice with ``ConsentTerminated`` written
    as ``termination`` says: ``countersignature`` null, or left out, or (``minimal``) left out
    with ``fields`` left out too (its default, ``[]``)."""

    def __init__(self) -> None:
        self.key = Stranger()
        self.termination = "null"
        self.sent: list[dict[str, Any]] = []
        self.vendors: list[Any] = []
        self.app = web.Application()
        self.app.router.add_post("/inbox/consents", self.disclosure)
        self.app.router.add_post("/inbox/revocations", self.notice)

    def _acknowledgement(self, receipt_token: str, **members: Any) -> dict[str, Any]:
        canonical = unverified_payload(receipt_token)
        return {
            "consentReceiptID": json.loads(canonical)["consentReceiptID"],
            "issued": utc_timestamp(),
            "vendor": {
                "id": SHOP_ID,
                "name": "Stranger Shop",
                "publicKey": self.key.jwk,
                "kid": self.key.kid,
            },
            "receiptSha256": receipt_sha256(canonical),
            **members,
        }

    def _answer(self, acknowledgement: dict[str, Any]) -> web.Response:
        self.sent.append(acknowledgement)
        body = body_of(envelope("acknowledgement", acknowledgement, self.key))
        return web.Response(body=body, content_type="application/json")

    async def disclosure(self, request: web.Request) -> web.Response:
        signed = SignedDisclosure.model_validate_json(await request.read()).disclosure
        self.receipt = signed.receipt
        countersignature = self.key.jws(json.loads(unverified_payload(signed.receipt)))
        return self._answer(
            self._acknowledgement(
                signed.receipt,
                type="DisclosureAccepted",
                inReplyTo=signed.id,
                fields=sorted(signed.data),
                countersignature=countersignature,
            )
        )

    async def notice(self, request: web.Request) -> web.Response:
        notice = SignedConsentNotice.model_validate_json(await request.read()).notice
        members: dict[str, Any] = {"type": "ConsentTerminated", "inReplyTo": notice.id}
        if self.termination != "minimal":
            members["fields"] = ["email"]
        if self.termination == "null":
            members["countersignature"] = None
        return self._answer(self._acknowledgement(self.receipt, **members))


@pytest.fixture(scope="module")
def stranger_vendor() -> Iterator[tuple[StrangerConsentVendor, str]]:
    scripted = StrangerConsentVendor()
    server = BackgroundVendors(scripted)  # type: ignore[arg-type]
    with server:
        yield scripted, server.base_url


@pytest.mark.parametrize("termination", ["null", "left out", "minimal"])
def test_a_termination_with_a_null_or_absent_countersignature_ends_the_consent_and_exports(
    vault: Vault,
    stranger_vendor: tuple[StrangerConsentVendor, str],
    termination: str,
) -> None:
    scripted, origin = stranger_vendor
    scripted.termination = termination
    vault.fields.set("email", EMAIL)
    pin(vault, scripted.key, origin)
    book = ConsentBook(vault)
    consent_id = book.grant(
        GrantRequest(vendor_id=SHOP_ID, field_keys=("email",), purposes=(2,))
    ).id
    report = deliver_pending(vault, deadline=20)
    assert report.acknowledgements.accepted == [(consent_id, "DisclosureAccepted")]

    book.revoke(consent_id)
    report = deliver_pending(vault, deadline=20)
    assert report.acknowledgements.refused == []
    assert report.acknowledgements.accepted == [(consent_id, "ConsentTerminated")]
    record = book.get(consent_id)
    assert record.status == "revoked" and record.row.termination is not None

    readable = json.loads(book.receipt_bytes(consent_id, format="json"))
    assert readable["termination"]["acknowledgement"] == scripted.sent[-1]  # no null added
    signed_receipt = unverified_payload(record.row.receipt_jws)
    assert canonical_bytes(readable["receipt"]) == signed_receipt
    assert readable["termination"]["signature"] == json.loads(record.row.termination)["signature"]
