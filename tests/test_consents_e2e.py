"""The consent lifecycle end to end against the real vendor kit on 127.0.0.1 (no HTTP mocks):
disclosure and countersignature, updates reaching exactly the holders, expiry, and a revocation
made offline that is delivered once when the vendor is back, after which its data is gone."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from jwcrypto import jwk as jc_jwk
from jwcrypto import jws as jc_jws

from tests.intent_helpers import add_vendors, serve
from wallet.consents import ConsentBook, GrantRequest
from wallet.consents.book import DAY_SECONDS, KIND_REVOCATION
from wallet.intents.delivery import deliver_pending
from wallet.outbox import Outbox
from wallet.vault import Vault
from wallet.vendor.server import BackgroundVendors, Vendor
from wallet.wire.consent import SignedAcknowledgement
from wallet.wire.consent_signing import verify_receipt

EMAIL = "ada@example.org"
ADDRESS = "12 Rue de l'Église, Montréal"
SECRET = "not-for-vendors"


@pytest.fixture
def kit() -> Iterator[BackgroundVendors]:
    with serve(3) as server:
        yield server


@pytest.fixture
def ready(vault: Vault, kit: BackgroundVendors) -> tuple[Vault, list[str]]:
    vault.set_field("email", EMAIL)
    vault.set_field("postal_address", ADDRESS)
    vault.set_field("phone", SECRET)
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
    vault.set_field("email", "ada@new.example")
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
    vault.set_field("email", "late@example.org")
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
    assert offline.summary.delivered == 0
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
