"""The person's acceptance of a counter-offer reaches the vendor (IEEE 7012: both sides keep
matching signed records): a real kit vendor on 127.0.0.1 counters, the person accepts with the
CLI, the wallet's ``TermsAccepted`` notice is delivered, and ``vrm-vendor agreements --json``
lists the same record and terms hash as ``terms agreements --json``, with the person's signature.
Forged acceptances are refused with their status and change nothing."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from jwcrypto import jwk as jwcrypto_jwk
from jwcrypto import jws as jwcrypto_jws
from pydantic import ValidationError

from tests.intent_helpers import add_vendors, create
from tests.test_cli import PASSPHRASE, Cli, cli, home, init, ok  # noqa: F401 (fixtures)
from tests.test_terms_e2e import _catalog
from tests.test_vendor_kit import post
from vendorkit.cli import main as vendor_main
from vendorkit.server import BackgroundVendors, Vendor, VendorApp
from vendorkit.terms import log_path
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey, generate_signing_key, verifying_key_from_jwk
from wallet.delivery.cycle import deliver_pending
from wallet.intents import IntentionBook
from wallet.intents import store as intent_store
from wallet.terms import TermsBook
from wallet.vault.facade import Vault
from wallet.webhooks import webhook_headers
from wallet.wire.models import RequesterKey, SignedIntention
from wallet.wire.notices import CounterAcceptance, IntentionNotice, sign_notice
from wallet.wire.signing import wire_bytes
from wallet.wire.terms import PublicJwk, utc_timestamp


def _notice(key: SigningKey, signed_intention: str, offer: str, **acceptance: Any) -> bytes:
    """A ``TermsAccepted`` notice about the intention, signed by ``key`` (and naming it)."""
    notice = IntentionNotice(
        type="TermsAccepted",
        intention=SignedIntention.model_validate_json(signed_intention).intention.id,
        offer=offer,
        issued=utc_timestamp(),
        requester=RequesterKey(publicKey=PublicJwk(**key.verifying_key.jwk), kid=key.kid),
        termsAcceptance=CounterAcceptance.model_validate(acceptance),
    )
    return wire_bytes(sign_notice(notice, key))


def _send(url: str, key: SigningKey, body: bytes) -> int:
    status, _ = post(url, body, webhook_headers(key, message_id=f"msg_{uuid.uuid4()}", body=body))
    return status


def test_the_vendor_keeps_the_persons_signed_acceptance_of_its_counter_offer(
    cli: Cli,  # noqa: F811
    home: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    init(cli)
    ok(cli("terms", "compose", "--agreement", "pdc-intent", "--clause", "CC-RETENTION-DAYS=30"))
    records = tmp_path / "vendor-records"
    vendor = Vendor(
        index=1, key=generate_signing_key(), name="Year Shop", vendor_id="year-shop", prefix=""
    )
    app = VendorApp([vendor], _catalog(retention_days=365), records_dir=records)
    with BackgroundVendors(app) as server:
        vault = Vault.open_with_passphrase(home, PASSPHRASE)
        try:
            add_vendors(vault, server.metadata_urls)
            record = create(vault)
            IntentionBook(vault).broadcast(record.id)
            assert deliver_pending(vault, deadline=30).summary.delivered == 1
        finally:
            vault.lock()
        [counter] = json.loads(ok(cli("terms", "counters", "--json")))
        assert vendor.agreements()[0]["status"] == "awaiting the person"
        ok(cli("terms", "answer", counter["offer"], "accept"))

        vault = Vault.open_with_passphrase(home, PASSPHRASE)
        try:
            row = intent_store.get(vault.reader, record.id)
            assert row is not None
            intention_key = vault.signing_key(row.kid)
            [kept] = TermsBook(vault).agreements()
            person_key, signature = kept.kept.person_key, kept.kept.person_signature
            assert person_key is not None and signature is not None and kept.kept.counter
            decisions = f"{server.base_url}/inbox/decisions"
            genuine = {
                "sha256": kept.terms_sha256,
                "signature": signature,
                "publicKey": person_key.model_dump(),
                "kid": verifying_key_from_jwk(person_key.model_dump()).kid,
            }
            stranger = generate_signing_key()
            by_stranger = stranger.sign_jws(
                canonical_bytes(kept.kept.counter.wire()), header={"cty": "json"}
            )
            forged = [
                (401, {**genuine, "signature": by_stranger}),  # another key signed
                (401, {**genuine, "kid": stranger.kid}),  # a kid naming another key
                (409, {**genuine, "sha256": "0" * 64}),  # a changed hash
            ]
            for status, acceptance in forged:
                body = _notice(intention_key, row.signed, counter["offer"], **acceptance)
                assert _send(decisions, intention_key, body) == status, acceptance
            unknown_offer = _notice(intention_key, row.signed, uuid.uuid4().urn, **genuine)
            assert _send(decisions, intention_key, unknown_offer) == 404
            # a stranger's notice about this intention (not its key), with the genuine acceptance
            by_another = _notice(stranger, row.signed, counter["offer"], **genuine)
            assert _send(decisions, stranger, by_another) == 401
            assert vendor.acceptances == {}
            assert "termsAcceptance" not in log_path(records, 1).read_text(encoding="utf-8")

            assert deliver_pending(vault, deadline=30).summary.delivered == 1  # TermsAccepted
            # another valid acceptance of the same counter-offer does not replace the kept one
            other = {
                "sha256": kept.terms_sha256,
                "signature": by_stranger,
                "publicKey": stranger.verifying_key.jwk,
                "kid": stranger.kid,
            }
            body = _notice(intention_key, row.signed, counter["offer"], **other)
            assert _send(decisions, intention_key, body) == 409
        finally:
            vault.lock()

    [held] = vendor.acceptances.values()
    assert held == genuine
    assert vendor_main(["agreements", str(records), "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    wallet_side = json.loads(ok(cli("terms", "agreements", "--json")))
    [mine] = [item for item in wallet_side if item["vendor"]["id"] == "year-shop"]
    assert listed["terms_sha256"] == mine["terms_sha256"] == kept.terms_sha256
    assert listed["record"] == mine["record"]  # the vendor's signed record, on both sides
    assert listed["status"] == "in force" and listed["agreement"] == "SD-BASE"
    assert listed["personAcceptance"]["signature"] == mine["person"]["signature"]
    # the person's signature verifies with a library we did not write, over the counter terms
    token = jwcrypto_jws.JWS()
    token.deserialize(listed["personAcceptance"]["signature"])
    token.verify(jwcrypto_jwk.JWK(**listed["personAcceptance"]["publicKey"]))
    assert bytes(token.payload) == canonical_bytes(kept.kept.counter.wire())
    assert vendor_main(["agreements", str(records)]) == 0
    assert "year-shop  in force  SD-BASE" in capsys.readouterr().out


def test_only_a_terms_accepted_notice_carries_an_acceptance_and_never_as_null() -> None:
    key = generate_signing_key()
    acceptance = {
        "sha256": "a" * 64,
        "signature": key.sign_jws(b"{}", header={"cty": "json"}),
        "publicKey": key.verifying_key.jwk,
        "kid": key.kid,
    }
    base = {
        "intention": uuid.uuid4().urn,
        "offer": uuid.uuid4().urn,
        "issued": utc_timestamp(),
        "requester": {"publicKey": key.verifying_key.jwk, "kid": key.kid},
    }
    notice = IntentionNotice.model_validate(
        base | {"type": "TermsAccepted", "termsAcceptance": acceptance}
    )
    assert notice.wire()["termsAcceptance"] == acceptance
    assert (
        "termsAcceptance"
        not in IntentionNotice.model_validate(base | {"type": "OfferAccepted"}).wire()
    )  # left out of the other notices, so their signed bytes do not change
    for spoiled in (
        base | {"type": "TermsAccepted"},
        base | {"type": "TermsAccepted", "termsAcceptance": None},
        base | {"type": "OfferAccepted", "termsAcceptance": acceptance},
        base | {"type": "TermsAccepted", "termsAcceptance": acceptance | {"extra": 1}},
    ):
        with pytest.raises(ValidationError):
            IntentionNotice.model_validate(spoiled)
