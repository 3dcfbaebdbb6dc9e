"""Consents in the core: grant, receipt, scope, expiry, revocation, updates, export, overview.

Receipts are checked against a Kantara CR v1.1 JSON Schema written by hand from the specification
(resources/schemas/external/) and verified with jwcrypto, a JOSE library independent of ours.
"""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import jsonschema
import pytest
import rfc8785
from jwcrypto import jwk as jc_jwk
from jwcrypto import jws as jc_jws

from tests.fixtures.make_fixture_vault import FIXTURE_CONSENT_VENDOR_ID
from wallet import activity
from wallet.consents import ConsentBook, GrantRequest
from wallet.consents.book import KIND_DISCLOSURE, KIND_REVOCATION, KIND_UPDATE
from wallet.crypto.signing import b64url, generate_signing_key
from wallet.delivery.cycle import deliver_pending
from wallet.errors import InvalidInput, InvalidKey, NotFound, SignatureInvalid
from wallet.outbox import Outbox
from wallet.resources import resources_dir
from wallet.vault.facade import Vault
from wallet.vendors.directory import VendorDirectory, parse_metadata
from wallet.wire.consent import SignedConsentNotice, SignedDisclosure
from wallet.wire.consent_signing import (
    receipt_bytes,
    verify_receipt,
    verify_signed_consent_notice,
    verify_signed_disclosure,
)

VENDOR = FIXTURE_CONSENT_VENDOR_ID
CANARY = "CANARY-out-of-scope"
KANTARA_SCHEMA = (
    resources_dir() / "schemas" / "external" / "kantara-consent-receipt-v1.1.schema.json"
)
DAY = 24 * 3600
NOW = 1_900_000_000


def add_vendor(vault: Vault, vendor_id: str = VENDOR, *, port: int = 9) -> str:
    """A vendor that takes disclosures (on a loopback port nothing listens on)."""
    base = f"http://127.0.0.1:{port}/{vendor_id}"
    document = {
        "type": "VrmVendor",
        "version": 1,
        "id": vendor_id,
        "name": f"Shop {vendor_id}",
        "publicKey": generate_signing_key().verifying_key.jwk,
        "inbox": {
            "intentions": f"{base}/inbox/intentions",
            "offers": f"{base}/inbox/offers",
            "consents": f"{base}/inbox/consents",
            "revocations": f"{base}/inbox/revocations",
        },
        "policyUrl": f"{base}/privacy",
        "contact": f"privacy@{vendor_id}.example",
    }
    VendorDirectory(vault).add(parse_metadata(document, url=f"{base}/.well-known/vrm-vendor.json"))
    return vendor_id


@pytest.fixture
def ready(vault: Vault) -> Vault:
    vault.fields.set("email", "ada@example.org")
    vault.fields.set("postal_address", "12 Rue de l'Église, Montréal")
    vault.fields.set("phone", CANARY)
    vault.fields.set("health_note", "allergic", category=6, sensitive=True)
    add_vendor(vault)
    return vault


def grant(vault: Vault, *fields: str, days: int = 30, vendor: str = VENDOR, now: int = NOW):
    request = GrantRequest(vendor_id=vendor, field_keys=fields, purposes=(2, 3), days=days)
    return ConsentBook(vault).grant(request, now=now)


def _disclosures(vault: Vault, consent_id: str, kind: str = KIND_DISCLOSURE) -> list[bytes]:
    return [row.body for row in Outbox(vault).rows(subject=consent_id) if row.kind == kind]


# ------------------------------------------------------------------------------ the receipt


def test_receipt_is_kantara_v11_and_verifies_with_jwcrypto(ready: Vault) -> None:
    record = grant(ready, "email", "postal_address")
    token = record.row.receipt_jws
    receipt, canonical, key = verify_receipt(token)
    data = json.loads(canonical)
    jsonschema.validate(data, json.loads(KANTARA_SCHEMA.read_text(encoding="utf-8")))
    assert data["version"] == "KI-CR-v1.1.0"
    assert "policyUrl" in data and "policyURL" not in data
    assert data["consentTimestamp"] == NOW and isinstance(data["consentTimestamp"], int)
    assert data["publicKey"] == key.jwk
    assert data["piiPrincipalId"] == key.kid
    assert [f["key"] for f in data["vrm"]["fields"]] == ["email", "postal_address"]
    assert data["vrm"]["validUntil"] == NOW + 30 * DAY
    purposes = data["services"][0]["purposes"]
    assert purposes[0]["purposeCategory"] == ["2 - Contracted Service"]
    assert purposes[1]["purposeCategory"] == ["3 - Delivery"]
    assert "https://w3id.org/dpv#DeliveryOfGoods" in data["vrm"]["purposes"]
    assert all(p["thirdPartyDisclosure"] is False for p in purposes)
    assert all("thirdPartyName" not in p for p in purposes)
    assert data["sensitive"] is False and data["spiCat"] == []

    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header["alg"] == "Ed25519" and header["kid"] == key.kid
    independent = jc_jws.JWS()
    independent.deserialize(token)
    independent.verify(jc_jwk.JWK(**receipt.publicKey.model_dump()), alg="Ed25519")
    assert independent.payload == canonical


def test_sensitive_fields_and_third_parties_are_declared(ready: Vault) -> None:
    request = GrantRequest(
        vendor_id=VENDOR,
        field_keys=("health_note",),
        purposes=(8,),
        days=5,
        third_party_name="Parcel Co",
    )
    data = ConsentBook(ready).grant(request).receipt.wire()
    jsonschema.validate(data, json.loads(KANTARA_SCHEMA.read_text(encoding="utf-8")))
    assert data["sensitive"] is True and data["spiCat"] == ["6 - Health"]
    purpose = data["services"][0]["purposes"][0]
    assert purpose["thirdPartyDisclosure"] is True and purpose["thirdPartyName"] == "Parcel Co"


def _flip(token: str, part: int) -> str:
    pieces = token.split(".")
    raw = bytearray(base64.urlsafe_b64decode(pieces[part] + "=" * (-len(pieces[part]) % 4)))
    raw[len(raw) // 2] ^= 0x01
    pieces[part] = b64url(bytes(raw))
    return ".".join(pieces)


def test_any_byte_change_breaks_the_receipt(ready: Vault) -> None:
    token = grant(ready, "email").row.receipt_jws
    for part in (1, 2):
        with pytest.raises((SignatureInvalid, InvalidInput)):
            verify_receipt(_flip(token, part))
    independent = jc_jws.JWS()
    independent.deserialize(_flip(token, 2))
    receipt, _, _ = verify_receipt(token)
    with pytest.raises(jc_jws.InvalidJWSSignature):
        independent.verify(jc_jwk.JWK(**receipt.publicKey.model_dump()), alg="Ed25519")


def _with_header(token: str, header: dict[str, str], signature: bytes = b"") -> str:
    _, payload, _ = token.split(".")
    encoded = b64url(json.dumps(header).encode())
    return f"{encoded}.{payload}.{b64url(signature)}"


def test_alg_none_and_hs256_receipts_are_refused(ready: Vault) -> None:
    token = grant(ready, "email").row.receipt_jws
    with pytest.raises(SignatureInvalid, match="not allowed"):
        verify_receipt(_with_header(token, {"alg": "none"}))
    # HS256 "signed" with the public key bytes as the HMAC secret: the classic confusion attack.
    import hashlib
    import hmac

    _, _, key = verify_receipt(token)
    forged_head = b64url(json.dumps({"alg": "HS256", "kid": key.kid}).encode())
    signing_input = f"{forged_head}.{token.split('.')[1]}".encode()
    mac = hmac.new(key.raw, signing_input, hashlib.sha256).digest()
    with pytest.raises(SignatureInvalid, match="not allowed"):
        verify_receipt(f"{forged_head}.{token.split('.')[1]}.{b64url(mac)}")


def test_small_order_key_with_zero_signature_is_refused(ready: Vault) -> None:
    token = grant(ready, "email").row.receipt_jws
    _, canonical, _ = verify_receipt(token)
    identity = bytes([1]) + bytes(31)
    data = json.loads(canonical)
    data["publicKey"] = {"kty": "OKP", "crv": "Ed25519", "x": b64url(identity)}
    data["piiPrincipalId"] = "x" * 43
    payload = b64url(json.dumps(data).encode())
    head = b64url(json.dumps({"alg": "Ed25519"}).encode())
    forged = f"{head}.{payload}.{b64url(bytes(64))}"
    with pytest.raises(InvalidKey, match="small-order"):
        verify_receipt(forged)


def test_expected_key_pins_the_receipt(ready: Vault) -> None:
    token = grant(ready, "email").row.receipt_jws
    with pytest.raises(SignatureInvalid, match="not the expected key"):
        verify_receipt(token, expected_key=generate_signing_key().verifying_key)


# ------------------------------------------------------------------------------ disclosure


def test_disclosure_carries_exactly_the_fields_in_scope(ready: Vault) -> None:
    record = grant(ready, "email", "postal_address")
    [body] = _disclosures(ready, record.id)
    assert CANARY.encode() not in body
    assert b"allergic" not in body
    envelope = SignedDisclosure.model_validate_json(body)
    disclosure, receipt, _, _ = verify_signed_disclosure(envelope)
    assert disclosure.data == {
        "email": "ada@example.org",
        "postal_address": "12 Rue de l'Église, Montréal",
    }
    assert receipt.consentReceiptID == record.id
    # the exact bytes sent: compact JSON of the signed envelope, nothing else
    assert json.loads(body) == json.loads(envelope.model_dump_json(by_alias=True))
    [row] = [r for r in Outbox(ready).rows(subject=record.id)]
    assert row.signing_kid == receipt.piiPrincipalId
    assert row.url.endswith("/inbox/consents")


def test_pairwise_key_is_per_vendor(ready: Vault) -> None:
    other = add_vendor(ready, "other-shop")
    first = grant(ready, "email")
    again = grant(ready, "postal_address")
    elsewhere = grant(ready, "email", vendor=other)
    assert first.row.kid == again.row.kid
    assert elsewhere.row.kid != first.row.kid


def test_grant_is_logged_with_names_only(ready: Vault) -> None:
    grant(ready, "email")
    [entry] = [e for e in ready.activity_page(limit=50) if e.type == activity.CONSENT_GRANTED]
    assert entry.party == VENDOR and entry.field_names == ("email",)
    assert "ada@" not in json.dumps([entry.reason, *entry.field_names])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"field_keys": ()}, "at least one field"),
        ({"field_keys": ("nope",)}, "no field 'nope'"),
        ({"purposes": ()}, "at least one purpose"),
        ({"purposes": (17,)}, "from 1 to 16"),
        ({"days": 0}, "1 to 3650 days"),
        ({"vendor_id": "ghost"}, "no vendor 'ghost'"),
    ],
)
def test_bad_grants_are_refused_and_nothing_is_queued(
    ready: Vault, changes: dict[str, object], message: str
) -> None:
    values: dict[str, object] = {
        "vendor_id": VENDOR,
        "field_keys": ("email",),
        "purposes": (2,),
        "days": 30,
    }
    values.update(changes)
    with pytest.raises((InvalidInput, NotFound), match=message):
        ConsentBook(ready).grant(GrantRequest(**values))  # type: ignore[arg-type]
    assert ConsentBook(ready).list() == []
    assert Outbox(ready).rows() == []


def test_vendor_without_consent_inbox_cannot_receive_data(vault: Vault) -> None:
    vault.fields.set("email", "ada@example.org")
    document = {
        "type": "VrmVendor",
        "version": 1,
        "id": "old-shop",
        "name": "Old Shop",
        "publicKey": generate_signing_key().verifying_key.jwk,
        "inbox": {
            "intentions": "http://127.0.0.1:9/inbox/intentions",
            "offers": "http://127.0.0.1:9/inbox/offers",
        },
        "policyUrl": "http://127.0.0.1:9/privacy",
        "contact": "privacy@old.example",
    }
    VendorDirectory(vault).add(parse_metadata(document, url="http://127.0.0.1:9/.well-known/x"))
    plan = ConsentBook(vault).plan_for_vendor("old-shop")
    assert "no address for disclosures" in plan.problem
    with pytest.raises(InvalidInput, match="no address for disclosures"):
        grant(vault, "email", vendor="old-shop")


# ------------------------------------------------------------------------------ lifecycle


def _attempt_delivery(vault: Vault) -> None:
    """One real delivery attempt to the (unreachable) vendor: its answer might have been lost,
    so from now on the vendor may hold the data."""
    report = deliver_pending(vault, deadline=3, timeout=2)
    assert report.summary.delivered == 0


def test_expired_consent_is_never_disclosed_and_the_vendor_is_told(ready: Vault) -> None:
    record = grant(ready, "email", days=1, now=int(time.time()))
    _attempt_delivery(ready)
    book = ConsentBook(ready)
    granted = record.row.granted_at
    assert book.expire_due(now=granted + DAY - 1) == []
    [outcome] = book.expire_due(now=granted + DAY)
    assert outcome.queued
    rows = Outbox(ready).rows(subject=record.id)
    [disclosure] = [r for r in rows if r.kind == KIND_DISCLOSURE]
    assert disclosure.status == "failed" and "expired" in disclosure.last_error
    [notice] = [r for r in rows if r.kind == "consent.expiry"]
    envelope = SignedConsentNotice.model_validate_json(notice.body)
    checked, kid = verify_signed_consent_notice(envelope)
    assert checked.type == "ConsentExpired" and kid == record.row.kid
    assert book.get(record.id).status == "expired"
    # no later update reaches it
    ready.fields.set("email", "new@example.org")
    assert book.holders("email") == []
    [skipped] = book.propagate("email", [record.id])
    assert not skipped.queued and "expired" in skipped.reason
    assert _disclosures(ready, record.id, KIND_UPDATE) == []


def test_revoking_before_anything_was_sent_tells_nobody(ready: Vault) -> None:
    record = grant(ready, "email")
    outcome = ConsentBook(ready).revoke(record.id)
    assert not outcome.queued and "never left the vault" in outcome.reason
    assert [(r.kind, r.status) for r in Outbox(ready).rows(subject=record.id)] == [
        (KIND_DISCLOSURE, "failed")
    ]


def test_revocation_cancels_pending_disclosure_and_queues_a_signed_notice(ready: Vault) -> None:
    record = grant(ready, "email")
    _attempt_delivery(ready)
    book = ConsentBook(ready)
    outcome = book.revoke(record.id)
    assert outcome.queued
    shown = book.get(record.id)
    assert shown.status == "revoked" and shown.row.ended_at is not None
    rows = Outbox(ready).rows(subject=record.id)
    assert [r.status for r in rows if r.kind == KIND_DISCLOSURE] == ["failed"]
    [notice] = [r for r in rows if r.kind == KIND_REVOCATION]
    assert notice.status == "pending"  # offline: it waits in the outbox
    checked, _ = verify_signed_consent_notice(SignedConsentNotice.model_validate_json(notice.body))
    assert checked.consentReceiptID == record.id and checked.type == "ConsentRevoked"
    with pytest.raises(InvalidInput, match="already revoked"):
        book.revoke(record.id)
    assert [e.type for e in book.history(record.id)] == ["granted", "revoked"]


def test_update_reaches_exactly_the_vendors_in_scope(ready: Vault) -> None:
    other = add_vendor(ready, "other-shop")
    third = add_vendor(ready, "third-shop")
    holds_email = grant(ready, "email")
    also_email = grant(ready, "email", "postal_address", vendor=other)
    no_email = grant(ready, "postal_address", vendor=third)
    revoked = grant(ready, "email", vendor=third)
    book = ConsentBook(ready)
    book.revoke(revoked.id)
    ready.fields.set("email", "ada@new.example")
    holders = book.holders("email")
    assert sorted(h.consent_id for h in holders) == sorted([holds_email.id, also_email.id])
    outcomes = book.propagate("email")
    assert all(o.queued for o in outcomes) and len(outcomes) == 2
    for record in (holds_email, also_email):
        [body] = _disclosures(ready, record.id, KIND_UPDATE)
        disclosure, *_ = verify_signed_disclosure(SignedDisclosure.model_validate_json(body))
        assert disclosure.type == "DisclosureUpdate"
        assert disclosure.data == {"email": "ada@new.example"}
    assert _disclosures(ready, no_email.id, KIND_UPDATE) == []
    assert _disclosures(ready, revoked.id, KIND_UPDATE) == []
    logged = [e for e in ready.activity_page(limit=100) if e.type == activity.CONSENT_UPDATE_SENT]
    assert sorted(e.party for e in logged) == sorted([VENDOR, other])


# ------------------------------------------------------------------------------ export, overview


def test_exports_receipts_and_dpv_records(ready: Vault, tmp_path: Path) -> None:
    record = grant(ready, "email")
    book = ConsentBook(ready)
    jws_file = book.export_receipt(record.id, tmp_path / "r.jws")
    verify_receipt(jws_file.read_text().strip())
    readable = json.loads(book.receipt_bytes(record.id, format="json"))
    assert readable["receipt"]["consentReceiptID"] == record.id
    assert readable["signatures"]["vendor"] is None  # not acknowledged yet
    written = book.export_all(tmp_path / "all")
    assert sorted(p.name for p in written) == sorted(
        f"{record.id}{suffix}" for suffix in (".jws", ".json", ".dpv.json")
    )
    dpv = json.loads((tmp_path / "all" / f"{record.id}.dpv.json").read_text())
    assert dpv["@type"] == "dpv:ConsentRecord"
    assert dpv["dct:conformsTo"] == "https://w3id.org/dpv/guides/dpv-27560"
    assert dpv["dpv:hasConsentStatus"] == {"@id": "dpv:ConsentGiven"}
    assert {"@id": "https://w3id.org/dpv/pd#EmailAddress", "dct:identifier": "email"} in dpv[
        "dpv:hasPersonalData"
    ]
    with pytest.raises(InvalidInput):
        book.receipt_bytes(record.id, format="pdf")


def test_overview_matrix_and_counts(ready: Vault) -> None:
    other = add_vendor(ready, "other-shop")
    a = grant(ready, "email", "postal_address", now=NOW)
    grant(ready, "email", vendor=other, now=NOW)
    gone = grant(ready, "postal_address", vendor=other, now=NOW)
    book = ConsentBook(ready)
    book.revoke(gone.id, now=NOW + 10)
    view = book.overview(now=NOW)
    assert view.field_keys == ("email", "postal_address")
    assert {vendor_id for vendor_id, _ in view.vendors} == {VENDOR, other}
    assert view.cells[(VENDOR, "email")] == (1, a.id)
    assert (other, "postal_address") not in view.cells
    assert view.counts["active"] == 2 and view.counts["revoked"] == 1
    assert view.pending_deliveries == 2  # the revoked one was never sent: no notice needed


def test_receipt_bytes_are_rfc8785_for_ascii_and_non_ascii_receipts(ready: Vault) -> None:
    ready.fields.set("given_name", "Zoë", label="Prénom")  # non-ASCII label and value
    plain = grant(ready, "email").receipt
    accented = grant(ready, "given_name", "postal_address").receipt
    for receipt in (plain, accented):
        assert receipt_bytes(receipt) == rfc8785.dumps(receipt.wire())


def test_receipt_with_repeated_keys_is_not_canonical_and_is_refused(ready: Vault) -> None:
    token = grant(ready, "email").row.receipt_jws
    receipt, canonical, _ = verify_receipt(token)
    text = canonical.decode()
    doubled = text.replace('"language":"en"', '"language":"it","language":"en"', 1)
    key = ready.signing_key(receipt.piiPrincipalId)
    forged = key.sign_jws(doubled.encode(), header={"typ": "kantara-cr+jws"})
    with pytest.raises(SignatureInvalid, match="canonical"):
        verify_receipt(forged)


def test_overview_holdings_stay_equal_to_the_consents_they_summarise(ready: Vault) -> None:
    vendors = [VENDOR, add_vendor(ready, "other-shop"), add_vendor(ready, "third-shop")]
    book = ConsentBook(ready)
    granted = [
        grant(ready, *fields, vendor=vendors[index % 3], now=NOW + index).id
        for index, fields in enumerate(
            [("email",), ("email", "postal_address"), ("postal_address",), ("email",)] * 3
        )
    ]
    for consent_id in granted[::4]:
        book.revoke(consent_id, now=NOW + 100)
    book.expire_due(now=NOW + 31 * DAY)  # the rest expire: the matrix must empty out
    connection = ready.reader

    def truth() -> dict[tuple[str, str], int]:
        return {
            (row[0], row[1]): int(row[2])
            for row in connection.execute(
                "SELECT vendor_id, field_key, count(*) FROM consent_fields WHERE active = 1 "
                "GROUP BY vendor_id, field_key"
            )
        }

    assert book.overview(now=NOW).cells == {}
    assert truth() == {}
    survivors = [grant(ready, "email", vendor=v, days=60, now=NOW + 40 * DAY) for v in vendors]
    book.revoke(survivors[0].id, now=NOW + 41 * DAY)
    cells = book.overview(now=NOW + 41 * DAY).cells
    assert {key: count for key, (count, _) in cells.items()} == truth()
    for (vendor_id, key), (_, consent_id) in cells.items():
        shown = book.get(consent_id)
        assert shown.status == "active" and shown.row.vendor_id == vendor_id
        assert key in shown.field_keys
