"""The reference vendor's consent inbox over real HTTP on 127.0.0.1, and ``vrm-vendor verify``.

Receipts come from a real vault (``ConsentBook.grant``); messages are POSTed with aiohttp and
Standard Webhooks headers signed by the pairwise key, or delivered by the wallet's own outbox
worker, whose acknowledgement checks then judge the vendor's answers.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from tests.intent_helpers import add_vendors, serve
from vendorkit.server import BackgroundVendors, Vendor
from wallet.consents import ConsentBook, GrantRequest
from wallet.consents.book import KIND_DISCLOSURE, KIND_REVOCATION, ConsentRecord
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import (
    SigningKey,
    VerifyingKey,
    b64url,
    b64url_decode,
    generate_signing_key,
    verifying_key_from_jwk,
)
from wallet.delivery.cycle import deliver_pending
from wallet.outbox import Outbox
from wallet.vault.facade import Vault
from wallet.webhooks import webhook_headers
from wallet.wire import VendorMetadata, parse_wire
from wallet.wire.consent import (
    ConsentAcknowledgement,
    ConsentNotice,
    Disclosure,
    SignedConsentNotice,
    SignedDisclosure,
)
from wallet.wire.consent_signing import (
    parse_acknowledgement,
    receipt_sha256,
    sign_consent_notice,
    sign_disclosure,
    verify_countersignature,
    verify_receipt,
    verify_signed_acknowledgement,
)
from wallet.wire.models import RequesterKey
from wallet.wire.terms import utc_timestamp

ROOT = Path(__file__).resolve().parents[1]
FIELDS = {"email": "ada@example.org", "postal_address": "12 Main Street, Madrid"}
OUT_OF_SCOPE = "phone"


@pytest.fixture(scope="module")
def server() -> Iterator[BackgroundVendors]:
    with serve(2) as running:
        yield running


@dataclass
class Granted:
    """A consent granted in a real vault to vendor 1, and what it takes to speak for it."""

    vault: Vault
    record: ConsentRecord
    key: SigningKey  # the pairwise key
    body: bytes  # the SignedDisclosure the wallet queued
    vendor: Vendor
    meta: VendorMetadata
    server: BackgroundVendors

    @property
    def token(self) -> str:
        return self.record.row.receipt_jws

    @property
    def vendor_key(self) -> VerifyingKey:
        return verifying_key_from_jwk(self.meta.publicKey.model_dump())

    def held(self) -> dict[str, str] | None:
        return self.server.vendor_app.consents.held_data(self.vendor, self.record.id)


def metadata(url: str) -> VendorMetadata:
    status, body = asyncio.run(_request("GET", url))
    assert status == 200
    return parse_wire(body, VendorMetadata)


async def _request(
    method: str, url: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    async with (
        aiohttp.ClientSession() as session,
        session.request(method, url, data=body, headers=headers) as response,
    ):
        return response.status, await response.read()


def post(
    url: str, body: bytes, key: SigningKey, *, message_id: str | None = None
) -> tuple[int, bytes]:
    """POST ``body`` with webhook headers signed by ``key`` (a fresh webhook-id by default)."""
    headers = webhook_headers(key, message_id=message_id or str(uuid.uuid4()), body=body)
    return asyncio.run(_request("POST", url, body, headers))


def error_of(answer: bytes) -> str:
    reason = json.loads(answer)["error"]
    assert isinstance(reason, str)
    return reason


def grant(
    vault: Vault,
    server: BackgroundVendors,
    *,
    fields: tuple[str, ...] = ("email", "postal_address"),
    now: int | None = None,
    days: int = 30,
) -> Granted:
    for key, value in FIELDS.items():
        vault.fields.set(key, value)
    vault.fields.set(OUT_OF_SCOPE, "+34 600 000 000")
    vendor_ids = add_vendors(vault, server.metadata_urls)
    record = ConsentBook(vault).grant(
        GrantRequest(vendor_id=vendor_ids[0], field_keys=fields, purposes=(2, 3), days=days),
        now=now,
    )
    [row] = [r for r in Outbox(vault).rows(subject=record.id) if r.kind == KIND_DISCLOSURE]
    return Granted(
        vault=vault,
        record=record,
        key=vault.signing_key(record.row.kid),
        body=row.body,
        vendor=server.vendor_app.vendors[0],
        meta=metadata(server.metadata_urls[0]),
        server=server,
    )


def disclosure_body(
    granted: Granted,
    *,
    receipt: str | None = None,
    data: dict[str, str] | None = None,
    kind: str = "Disclosure",
    key: SigningKey | None = None,
) -> bytes:
    """A SignedDisclosure for ``granted``'s consent, signed by ``key`` (the pairwise key)."""
    disclosure = Disclosure.model_validate(
        {
            "type": kind,
            "id": uuid.uuid4().urn,
            "consentReceiptID": granted.record.id,
            "issued": utc_timestamp(),
            "receipt": receipt or granted.token,
            "data": data or {"email": FIELDS["email"]},
        }
    )
    return canonical_bytes(sign_disclosure(disclosure, key or granted.key).wire())


def notice_body(granted: Granted, key: SigningKey, kind: str = "ConsentRevoked") -> bytes:
    notice = ConsentNotice.model_validate(
        {
            "type": kind,
            "id": uuid.uuid4().urn,
            "consentReceiptID": granted.record.id,
            "issued": utc_timestamp(),
            "principal": RequesterKey.model_validate(
                {"publicKey": key.verifying_key.jwk, "kid": key.kid}
            ),
        }
    )
    return canonical_bytes(sign_consent_notice(notice, key).wire())


def accepted(granted: Granted) -> ConsentAcknowledgement:
    status, answer = post(granted.meta.inbox.consents or "", granted.body, granted.key)
    assert status == 200, answer
    _, canonical, _ = verify_receipt(granted.token)
    return verify_signed_acknowledgement(
        parse_acknowledgement(answer), granted.vendor_key, canonical_receipt=canonical
    )


def with_header(token: str, header: dict[str, str], signature: bytes) -> str:
    _, payload, _ = token.split(".")
    return f"{b64url(json.dumps(header).encode())}.{payload}.{b64url(signature)}"


# ------------------------------------------------------------------------------ metadata


def test_metadata_names_the_consent_inboxes_and_the_controller(
    server: BackgroundVendors,
) -> None:
    meta = metadata(server.metadata_urls[1])
    assert meta.inbox.consents == f"{server.base_url}/vendors/2/inbox/consents"
    assert meta.inbox.revocations == f"{server.base_url}/vendors/2/inbox/revocations"
    assert meta.controller is not None
    assert meta.controller.legalName == meta.name
    assert meta.controller.email == "privacy@vendor.example"


# ------------------------------------------------------------------------------ disclosures


def test_disclosure_is_stored_and_countersigned(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server)
    disclosure = SignedDisclosure.model_validate_json(granted.body).disclosure
    acknowledgement = accepted(granted)
    assert acknowledgement.type == "DisclosureAccepted"
    assert acknowledgement.consentReceiptID == granted.record.id
    assert acknowledgement.inReplyTo == disclosure.id
    assert acknowledgement.fields == ["email", "postal_address"]
    assert acknowledgement.vendor.id == granted.meta.id
    _, canonical, _ = verify_receipt(granted.token)
    assert acknowledgement.receiptSha256 == receipt_sha256(canonical)
    assert acknowledgement.countersignature is not None
    verify_countersignature(acknowledgement.countersignature, canonical, granted.vendor_key)
    assert granted.held() == FIELDS


def test_the_wallet_accepts_the_vendors_acknowledgement(
    vault: Vault, server: BackgroundVendors
) -> None:
    granted = grant(vault, server)
    report = deliver_pending(vault, timeout=10)
    assert report.acknowledgements.refused == []
    assert report.acknowledgements.accepted == [(granted.record.id, "DisclosureAccepted")]
    assert ConsentBook(vault).get(granted.record.id).acknowledged
    assert granted.held() == FIELDS


def test_forged_receipt_signature_is_401(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server)
    head, payload, signature = granted.token.split(".")
    flipped = bytearray(b64url_decode(signature))
    flipped[10] ^= 0x01
    forged = f"{head}.{payload}.{b64url(bytes(flipped))}"
    status, answer = post(
        granted.meta.inbox.consents or "", disclosure_body(granted, receipt=forged), granted.key
    )
    assert status == 401
    assert "signature" in error_of(answer)
    assert granted.held() is None


def test_field_outside_the_scope_is_401(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server, fields=("email",))
    body = disclosure_body(granted, data={"email": FIELDS["email"], OUT_OF_SCOPE: "+34 600"})
    status, answer = post(granted.meta.inbox.consents or "", body, granted.key)
    assert status == 401
    assert "outside the consent's scope: phone" in error_of(answer)
    assert granted.held() is None


def test_webhook_signed_by_another_key_is_401(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server)
    status, answer = post(granted.meta.inbox.consents or "", granted.body, generate_signing_key())
    assert status == 401
    assert "webhook" in error_of(answer)


def test_receipt_for_another_vendor_is_403(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server)
    other = metadata(server.metadata_urls[1])
    status, answer = post(other.inbox.consents or "", granted.body, granted.key)
    assert status == 403
    assert "demo-vendor-1" in error_of(answer)
    assert (
        server.vendor_app.consents.held_data(server.vendor_app.vendors[1], granted.record.id)
        is None
    )


def test_expired_receipt_is_422(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server, now=int(time.time()) - 3 * 24 * 3600, days=1)
    status, answer = post(granted.meta.inbox.consents or "", granted.body, granted.key)
    assert status == 422
    assert "expired" in error_of(answer)
    assert granted.held() is None


def test_replayed_webhook_id_same_body_same_answer_other_body_409(
    vault: Vault, server: BackgroundVendors
) -> None:
    granted = grant(vault, server)
    url = granted.meta.inbox.consents or ""
    message_id = str(uuid.uuid4())
    first = post(url, granted.body, granted.key, message_id=message_id)
    again = post(url, granted.body, granted.key, message_id=message_id)
    assert first[0] == again[0] == 200
    assert first[1] == again[1]  # byte for byte: the same signed acknowledgement
    status, answer = post(url, disclosure_body(granted), granted.key, message_id=message_id)
    assert status == 409
    assert "webhook-id" in error_of(answer)


def test_alg_none_and_hs256_receipts_are_refused(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server)
    url = granted.meta.inbox.consents or ""
    _, _, key = verify_receipt(granted.token)
    original = b64url_decode(granted.token.split(".")[2])
    none = with_header(granted.token, {"alg": "none", "kid": key.kid}, original)
    head = b64url(json.dumps({"alg": "HS256", "kid": key.kid}).encode())
    payload = granted.token.split(".")[1]
    # HS256 keyed with the public key bytes: the classic algorithm-confusion forgery.
    mac = hmac.new(key.raw, f"{head}.{payload}".encode(), hashlib.sha256).digest()
    hs256 = f"{head}.{payload}.{b64url(mac)}"
    for forged in (none, hs256):
        status, answer = post(url, disclosure_body(granted, receipt=forged), granted.key)
        assert status == 401, answer
        assert "not allowed" in error_of(answer)
    # The bare unsigned form (empty signature part) is not even a compact JWS: refused as such.
    unsigned = granted.token.rsplit(".", 1)[0] + "."
    body = json.loads(disclosure_body(granted))
    body["disclosure"]["receipt"] = unsigned
    status, answer = post(url, json.dumps(body).encode(), granted.key)
    assert status == 400
    assert "receipt" in error_of(answer)
    assert granted.held() is None


def test_small_order_key_in_the_receipt_is_401(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server)
    _, canonical, _ = verify_receipt(granted.token)
    receipt = json.loads(canonical)
    identity = bytes([1]) + bytes(31)  # the neutral point: "signatures" by it are trivial
    receipt["publicKey"] = {"kty": "OKP", "crv": "Ed25519", "x": b64url(identity)}
    head = b64url(json.dumps({"alg": "Ed25519"}).encode())
    forged = f"{head}.{b64url(canonical_bytes(receipt))}.{b64url(bytes(64))}"
    status, answer = post(
        granted.meta.inbox.consents or "", disclosure_body(granted, receipt=forged), granted.key
    )
    assert status == 401
    assert "small-order" in error_of(answer)


def test_a_receipt_id_is_bound_to_its_first_key(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server)
    accepted(granted)
    # Someone else re-signs the same receipt content with their own key, under the same id.
    _, canonical, _ = verify_receipt(granted.token)
    intruder = generate_signing_key()
    receipt = json.loads(canonical)
    receipt["publicKey"] = intruder.verifying_key.jwk
    receipt["piiPrincipalId"] = intruder.kid
    token = intruder.sign_jws(canonical_bytes(receipt), header={"typ": "kantara-cr+jws"})
    body = disclosure_body(
        granted, receipt=token, data={"email": "mallory@example.org"}, key=intruder
    )
    status, answer = post(granted.meta.inbox.consents or "", body, intruder)
    assert status == 401
    assert "not the expected key" in error_of(answer)
    assert granted.held() == FIELDS


# ------------------------------------------------------------------------------ updates


def test_update_through_the_wallet_is_acknowledged(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server)
    deliver_pending(vault, timeout=10)
    vault.fields.set("email", "ada.lovelace@example.org")
    book = ConsentBook(vault)
    [outcome] = book.propagate("email")
    assert outcome.queued
    report = deliver_pending(vault, timeout=10)
    assert report.acknowledgements.refused == []
    assert report.acknowledgements.accepted == [(granted.record.id, "UpdateAccepted")]
    assert granted.held() == {**FIELDS, "email": "ada.lovelace@example.org"}


def test_update_answer_and_its_refusals(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server)
    url = granted.meta.inbox.consents or ""
    update = disclosure_body(granted, kind="DisclosureUpdate", data={"postal_address": "Calle 1"})
    status, answer = post(url, update, granted.key)
    assert status == 404  # nothing was disclosed yet
    assert "send the Disclosure first" in error_of(answer)

    accepted(granted)
    status, answer = post(url, update, granted.key)
    assert status == 200, answer
    acknowledgement = parse_acknowledgement(answer).acknowledgement
    assert acknowledgement.type == "UpdateAccepted"
    assert acknowledgement.fields == ["postal_address"]
    assert acknowledgement.countersignature is None
    assert granted.held() == {**FIELDS, "postal_address": "Calle 1"}

    status, _ = post(
        granted.meta.inbox.revocations or "", notice_body(granted, granted.key), granted.key
    )
    assert status == 200
    status, answer = post(url, disclosure_body(granted, kind="DisclosureUpdate"), granted.key)
    assert status == 409
    assert "ended" in error_of(answer)


# ------------------------------------------------------------------------------ revocation


def test_revocation_deletes_the_data_with_a_termination_receipt(
    vault: Vault, server: BackgroundVendors
) -> None:
    granted = grant(vault, server)
    deliver_pending(vault, timeout=10)
    assert granted.held() == FIELDS
    book = ConsentBook(vault)
    assert book.revoke(granted.record.id).queued
    report = deliver_pending(vault, timeout=10)
    assert report.acknowledgements.refused == []
    assert report.acknowledgements.accepted == [(granted.record.id, "ConsentTerminated")]
    assert granted.held() is None

    # The termination receipt, as the wallet stored it, verifies with the vendor's key.
    row = book.get(granted.record.id).row
    assert row.status == "revoked"
    assert row.termination is not None
    _, canonical, _ = verify_receipt(granted.token)
    termination = verify_signed_acknowledgement(
        parse_acknowledgement(row.termination.encode()),
        granted.vendor_key,
        canonical_receipt=canonical,
    )
    assert termination.type == "ConsentTerminated"
    assert termination.fields == ["email", "postal_address"]
    [notice_row] = [
        r for r in Outbox(vault).rows(subject=granted.record.id) if r.kind == KIND_REVOCATION
    ]
    notice = SignedConsentNotice.model_validate_json(notice_row.body).notice
    assert termination.inReplyTo == notice.id

    # A repeated notice (a new webhook-id) is answered with the same termination receipt.
    status, answer = post(granted.meta.inbox.revocations or "", notice_row.body, granted.key)
    assert status == 200
    assert parse_acknowledgement(answer) == parse_acknowledgement(row.termination.encode())


def test_notice_signed_by_another_key_is_401(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server)
    accepted(granted)
    intruder = generate_signing_key()
    url = granted.meta.inbox.revocations or ""
    status, answer = post(url, notice_body(granted, intruder), intruder)
    assert status == 401
    assert "not signed by the key the consent was given with" in error_of(answer)
    # The notice's own JWS must be by the key it names, and the webhook by the same key.
    status, _ = post(url, notice_body(granted, granted.key), intruder)
    assert status == 401
    assert granted.held() == FIELDS


def test_notice_for_an_unknown_receipt_is_404(vault: Vault, server: BackgroundVendors) -> None:
    granted = grant(vault, server)
    status, answer = post(
        granted.meta.inbox.revocations or "", notice_body(granted, granted.key), granted.key
    )
    assert status == 404
    assert "no consent" in error_of(answer)


# ------------------------------------------------------------------------------ vrm-vendor verify


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vendorkit.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_verify_prints_who_what_why_until_when(
    vault: Vault, server: BackgroundVendors, tmp_path: Path
) -> None:
    granted = grant(vault, server)
    path = tmp_path / "receipt.jws"
    path.write_bytes(ConsentBook(vault).receipt_bytes(granted.record.id, format="jws"))
    result = run_cli("verify", str(path), "--key", json.dumps(granted.key.verifying_key.jwk))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert granted.key.kid in out  # who (piiPrincipalId)
    assert "Demo Vendor 1" in out  # to whom
    assert "email  [2 - Contact]" in out and "postal_address" in out
    assert "2 - Contracted Service" in out and "3 - Delivery" in out
    assert "https://w3id.org/dpv#DeliveryOfGoods" in out
    until = time.strftime("%Y-%m-%d", time.gmtime(granted.record.row.expires_at))
    assert f"until:     {until}" in out
    assert "signature OK" in out.splitlines()[-1]


def test_verify_checks_the_countersignature_of_an_export(
    vault: Vault, server: BackgroundVendors, tmp_path: Path
) -> None:
    granted = grant(vault, server)
    deliver_pending(vault, timeout=10)
    path = tmp_path / "receipt.json"
    path.write_bytes(ConsentBook(vault).receipt_bytes(granted.record.id, format="json"))
    key_file = tmp_path / "vendor.json"
    key_file.write_text(json.dumps({"publicKey": granted.meta.publicKey.model_dump()}))
    result = run_cli("verify", str(path), "--vendor-key", str(key_file))
    assert result.returncode == 0, result.stderr
    assert "countersignature OK" in result.stdout

    other = json.dumps(generate_signing_key().verifying_key.jwk)
    result = run_cli("verify", str(path), "--vendor-key", other)
    assert result.returncode == 1
    assert result.stderr.startswith("error: The vendor countersignature does not verify")

    edited = json.loads(path.read_text())
    edited["receipt"]["vrm"]["validUntil"] += 365 * 24 * 3600
    path.write_text(json.dumps(edited))
    result = run_cli("verify", str(path))
    assert result.returncode == 1
    assert "differs from the signed one" in result.stderr


def test_verify_refuses_tampered_and_foreign_receipts(
    vault: Vault, server: BackgroundVendors, tmp_path: Path
) -> None:
    granted = grant(vault, server)
    head, payload, signature = granted.token.split(".")
    receipt = json.loads(b64url_decode(payload))
    receipt["vrm"]["validUntil"] += 1
    tampered = f"{head}.{b64url(canonical_bytes(receipt))}.{signature}"
    none = with_header(granted.token, {"alg": "none"}, b64url_decode(signature))
    cases = {
        "tampered.jws": (tampered, [], "does not verify"),
        "none.jws": (none, [], "'none' is not allowed"),
        "other-key.jws": (
            granted.token,
            ["--key", json.dumps(generate_signing_key().verifying_key.jwk)],
            "not the expected key",
        ),
        "garbage.jws": ("not a receipt at all", [], "neither a compact JWS"),
    }
    for name, (content, extra, problem) in cases.items():
        path = tmp_path / name
        path.write_text(content + "\n")
        result = run_cli("verify", str(path), *extra)
        assert result.returncode == 1, (name, result.stdout)
        assert result.stderr.startswith("error: "), name
        assert problem in result.stderr, (name, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, name


def test_verify_refuses_a_small_order_key_and_bad_key_arguments(
    vault: Vault, server: BackgroundVendors, tmp_path: Path
) -> None:
    granted = grant(vault, server)
    _, canonical, _ = verify_receipt(granted.token)
    receipt = json.loads(canonical)
    identity = bytes([1]) + bytes(31)
    receipt["publicKey"] = {"kty": "OKP", "crv": "Ed25519", "x": b64url(identity)}
    head = b64url(json.dumps({"alg": "Ed25519"}).encode())
    path = tmp_path / "small.jws"
    path.write_text(f"{head}.{b64url(canonical_bytes(receipt))}.{b64url(bytes(64))}")
    result = run_cli("verify", str(path))
    assert result.returncode == 1
    assert "small-order" in result.stderr

    good = tmp_path / "good.jws"
    good.write_text(granted.token)
    result = run_cli("verify", str(good), "--key", '{"kty": "RSA", "n": "AQAB"}')
    assert result.returncode == 1
    assert result.stderr.startswith("error: The --key: Only Ed25519 keys")
    result = run_cli("verify", str(good), "--key", str(tmp_path / "missing.jwk"))
    assert result.returncode == 1
    assert "does not exist" in result.stderr
