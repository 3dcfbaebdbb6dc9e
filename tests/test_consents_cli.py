"""``vrm-wallet-cli consent ...`` and ``request ...`` on real vaults, run in-process (``main``).

Standard input is pytest's (not a terminal), so commands that would ask must refuse without
``--yes``. Vendors are either offline (their consent inboxes on a loopback port nobody listens
on: messages stay queued) or the real vendor kit on 127.0.0.1 (delivery, acknowledgements).
"""

from __future__ import annotations

import io
import json
import re
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from jwcrypto import jwk as jwcrypto_jwk
from jwcrypto import jws as jwcrypto_jws

from tests.conftest import PASSPHRASE
from tests.intent_helpers import add_vendors, create, serve
from tests.test_consents_requests import VALUES, VENDOR_ID, add_offline_vendor, fill
from tests.wire_helpers import make_offer
from wallet.cli.main import main
from wallet.consents import ConsentBook
from wallet.consents.requests import parse_signed_request, verify_signed_request
from wallet.crypto.signing import generate_signing_key
from wallet.delivery.cycle import deliver_pending
from wallet.intents import IntentionBook
from wallet.offers import OfferBook
from wallet.offers.ingest import ingest_body
from wallet.vault.facade import Vault
from wallet.wire import sign_offer, wire_bytes
from wallet.wire.consent_signing import verify_receipt
from wallet.wire.models import OfferList

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the CLI finds the vault (VRM_WALLET_HOME), with the passphrase in the environment."""
    path = tmp_path / "home-vault"
    monkeypatch.setenv("VRM_WALLET_HOME", str(path))
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    return path


@pytest.fixture
def run(home: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """``vrm-wallet-cli ARGS`` in-process: (exit code, stdout, stderr)."""

    def invoke(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


@pytest.fixture
def offline(home: Path) -> Iterator[Path]:
    """A vault with two fields and one offline vendor (nothing is ever delivered)."""
    vault = Vault.create(home, PASSPHRASE, kdf_target_seconds=0).vault
    try:
        fill(vault)
        add_offline_vendor(vault)
    finally:
        vault.lock()
    yield home


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 0, err
    return out


def fails(result: tuple[int, str, str], *, expect: str) -> str:
    """Exit 1 with one ``error:`` line mentioning ``expect``."""
    code, _, err = result
    assert code == 1, err
    lines = err.strip().splitlines()
    assert lines[-1].startswith("error: "), err
    assert expect in lines[-1], lines[-1]
    return lines[-1]


def grant(run: Run, *extra: str) -> str:
    code, out, err = run(
        "consent", "grant", "--vendor", VENDOR_ID, "--fields", "email,postal_address",
        "--purpose", "2", "--purpose", "Delivery", "--yes", *extra,
    )  # fmt: skip
    assert code == 0, err
    consent_id = out.strip()
    assert UUID.match(consent_id), out  # the id alone on standard output
    return consent_id


def test_grant_list_show_receipts_export_and_revoke(
    offline: Path, run: Run, tmp_path: Path
) -> None:
    code, out, err = run(
        "consent", "grant", "--vendor", VENDOR_ID, "--fields", "email, postal_address",
        "--purpose", "2", "--purpose", "dpv:DeliveryOfGoods", "--days", "30", "--yes",
    )  # fmt: skip
    assert code == 0, err
    consent_id = out.strip()
    assert UUID.match(consent_id) and out == consent_id + "\n"
    assert "Fixture Books may use your Email address and Postal address" in err
    assert "Purposes:  2 - Contracted Service, 3 - Delivery" in err
    assert "queued" in err  # no --wait: the disclosure waits in the outbox

    listed = json.loads(ok(run("consent", "list", "--json")))
    assert [(c["id"], c["status"], c["fields"]) for c in listed] == [
        (consent_id, "active", ["email", "postal_address"])
    ]
    assert listed[0]["vendor"] == VENDOR_ID and listed[0]["expires"]
    assert [p["label"] for p in listed[0]["purposes"]] == ["2 - Contracted Service", "3 - Delivery"]
    table = ok(run("consent", "list"))
    assert "Fixture Books" in table and "active" in table and "email, postal_address" in table

    shown = ok(run("consent", "show", consent_id))
    for expected in (
        f"{consent_id}  (active)",
        "vendor:       Fixture Books (fixture-books)",
        "email  (2 - Contact; https://w3id.org/dpv/pd#EmailAddress)",
        "3 - Delivery  (https://w3id.org/dpv#DeliveryOfGoods)",
        "acknowledged: not yet",
        "consent.disclosure: pending",
        "granted",
    ):
        assert expected in shown, expected
    assert VALUES["email"] not in shown
    detail = json.loads(ok(run("consent", "show", consent_id, "--json")))
    assert detail["receipt"]["consentReceiptID"] == consent_id
    assert [event["type"] for event in detail["history"]] == ["granted"]

    jws_file, json_file = tmp_path / "receipt.jws", tmp_path / "receipt.json"
    ok(run("consent", "receipt", consent_id, str(jws_file)))
    token = jws_file.read_text().strip()
    receipt, canonical, key = verify_receipt(token)
    assert receipt.consentReceiptID == consent_id
    verifier = jwcrypto_jws.JWS()
    verifier.deserialize(token)
    verifier.verify(jwcrypto_jwk.JWK(**key.jwk), alg="Ed25519")
    assert verifier.payload == canonical
    fails(run("consent", "receipt", consent_id, str(jws_file)), expect="already exists")
    ok(run("consent", "receipt", consent_id, str(json_file), "--format", "json"))
    readable = json.loads(json_file.read_text())
    assert readable["receipt"]["version"] == "KI-CR-v1.1.0"
    assert readable["signatures"]["consumer"] == token

    out_dir = tmp_path / "export"
    assert "Exported 1 consent(s)" in ok(run("consent", "export-all", str(out_dir)))
    assert sorted(p.name for p in out_dir.iterdir()) == [
        f"{consent_id}.dpv.json",
        f"{consent_id}.json",
        f"{consent_id}.jws",
    ]
    assert json.loads((out_dir / f"{consent_id}.dpv.json").read_text())["@type"] == (
        "dpv:ConsentRecord"
    )

    assert f"Revoked {consent_id}." in ok(run("consent", "revoke", consent_id, "--yes"))
    fails(
        run("consent", "revoke", consent_id, "--yes"),
        expect=f"Consent {consent_id} is already revoked; only an active consent can be revoked.",
    )
    assert "(revoked)" in ok(run("consent", "show", consent_id))
    assert json.loads(ok(run("consent", "list", "--json")))[0]["status"] == "revoked"


def test_grant_refuses_bad_input_with_one_clear_line(offline: Path, run: Run) -> None:
    base = ("consent", "grant", "--vendor", VENDOR_ID, "--purpose", "2")
    fails(run(*base, "--fields", "email"), expect="needs confirmation and there is no terminal")
    fails(run(*base, "--fields", "email,nope", "--yes"), expect="There is no field 'nope'")
    fails(
        run("consent", "grant", "--vendor", VENDOR_ID, "--fields", "email", "--purpose",
            "Astrology", "--yes"),
        expect="Unknown purpose 'Astrology'",
    )  # fmt: skip
    fails(
        run("consent", "grant", "--vendor", VENDOR_ID, "--fields", "email", "--purpose", "17",
            "--yes"),
        expect="A purpose category is a number from 1 to 16, not 17.",
    )  # fmt: skip
    for days in ("0", "3651", "ten", "-5"):
        fails(
            run(*base, "--fields", "email", "--days", days, "--yes"),
            expect=f"--days must be a whole number from 1 to 3650, not '{days}'",
        )
    fails(run(*base, "--yes"), expect="Name the fields to share with --fields")
    fails(run(*base, "--fields", ",", "--yes"), expect="--fields names at least one field")
    fails(run(*base, "--fields", "email,email", "--yes"), expect="Each field can be chosen once")
    fails(
        run("consent", "grant", "--vendor", "nobody", "--purpose", "2", "--fields", "email",
            "--yes"),
        expect="There is no vendor 'nobody'",
    )  # fmt: skip
    fails(run("consent", "show", "nope"), expect="There is no consent 'nope'")
    fails(run("consent", "revoke", "nope", "--yes"), expect="There is no consent 'nope'")
    with pytest.raises(SystemExit) as usage:  # --offer or --vendor is required
        main(["consent", "grant", "--fields", "email", "--purpose", "2"])
    assert usage.value.code == 2
    assert json.loads(ok(run("consent", "list", "--json"))) == []


def test_grant_asks_on_standard_error_when_there_is_a_terminal(
    offline: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("wallet.cli.support.stdin_is_terminal", lambda: True)
    args = ("consent", "grant", "--vendor", VENDOR_ID, "--fields", "email", "--purpose", "2")
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, err = run(*args)
    assert code == 1 and out == ""
    assert "Grant this consent to Fixture Books? [y/N]" in err and "Cancelled" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    code, out, err = run(*args)
    assert code == 0, err
    assert UUID.match(out.strip()) and out.count("\n") == 1


def test_update_lists_the_holders_then_queues_the_new_value(offline: Path, run: Run) -> None:
    assert "No vendor holds email" in ok(run("consent", "update", "email", "--yes"))
    consent_id = grant(run)
    fails(run("consent", "update", "email"), expect="needs confirmation")
    out = ok(run("consent", "update", "email", "--yes"))
    assert "Email address (email) is held under an active consent by:" in out
    assert f"Fixture Books (fixture-books), consent {consent_id}" in out
    assert "fixture-books: update queued" in out and "queued; it is sent by" in out
    fails(run("consent", "update", "nope", "--yes"), expect="There is no field 'nope'")
    assert VALUES["email"] not in out


def test_request_erasure_in_spanish_to_a_file_and_other_formats(
    offline: Path, run: Run, tmp_path: Path
) -> None:
    consent_id = grant(run)
    target = tmp_path / "supresion.txt"
    code, out, err = run(
        "request", "erasure", VENDOR_ID, "--lang", "es", "--out", str(target)
    )  # fmt: skip
    assert code == 0, err
    assert f"to {target}" in out and "(es, letter)" in out
    assert "still active" in err  # revoking is suggested, not done behind the user's back
    letter = target.read_text(encoding="utf-8")
    assert letter.startswith("Asunto: Solicitud de supresión de datos personales (artículo 17")
    for expected in (
        "artículo 17, apartado 1, letra b)",
        consent_id,
        "Dirección de correo electrónico (email)",
    ):
        assert expected in letter
    for value in VALUES.values():
        assert value not in letter
    assert target.stat().st_mode & 0o777 == 0o600
    fails(run("request", "erasure", VENDOR_ID, "--out", str(target)), expect="already exists")

    link = ok(run("request", "access", VENDOR_ID, "--lang", "it", "--format", "mailto"))
    assert link.startswith("mailto:privacy@fixture-books.example?subject=Richiesta%20di%20accesso")
    assert link.count("\n") == 1
    signed = ok(run("request", "erasure", VENDOR_ID, "--format", "json"))
    request = verify_signed_request(parse_signed_request(signed.encode()))
    assert request.article == 17 and request.language == "en"
    assert [r.consentReceiptID for r in request.receipts] == [consent_id]

    listed = json.loads(ok(run("request", "list", "--json")))
    assert sorted((r["kind"], r["language"]) for r in listed) == [
        ("access", "it"),
        ("erasure", "en"),
        ("erasure", "es"),
    ]
    spanish = next(r for r in listed if r["language"] == "es")
    assert spanish["fields"] == ["email", "postal_address"] and spanish["receipts"] == [consent_id]
    assert ok(run("request", "show", spanish["id"])) == letter

    log = json.loads(ok(run("log", "list", "--json", "--type", "consent.request")))
    assert {entry["reason"] for entry in log} == {"erasure, es", "access, it", "erasure, en"}
    assert all(entry["field_names"] == ["email", "postal_address"] for entry in log)


@pytest.mark.parametrize("empty", ["", "   "])
def test_an_empty_id_is_refused_with_one_line_naming_it(
    offline: Path, run: Run, empty: str
) -> None:
    """``consent grant --offer ''`` answered "There is no vendor None" (issue 13)."""
    grant_args = ("consent", "grant", "--purpose", "2", "--fields", "email", "--yes")
    cases = [
        ("offer id", (*grant_args, "--offer", empty)),
        ("vendor id", (*grant_args, "--vendor", empty)),
        ("third party's name", (*grant_args, "--vendor", VENDOR_ID, "--third-party", empty)),
        ("consent id", ("consent", "show", empty)),
        ("consent id", ("consent", "revoke", empty, "--yes")),
        ("consent id", ("consent", "receipt", empty, "out.jws")),
        ("field key", ("consent", "update", empty, "--yes")),
        ("vendor id", ("request", "access", empty)),
        ("vendor id", ("request", "erasure", empty)),
        ("request id", ("request", "show", empty)),
    ]
    for what, args in cases:
        fails(run(*args), expect=f"error: The {what} is empty; nothing was done.")
    assert json.loads(ok(run("consent", "list", "--json"))) == []


def test_request_refusals(offline: Path, run: Run) -> None:
    fails(run("request", "access", "nobody"), expect="There is no vendor 'nobody'")
    fails(
        run("request", "erasure", VENDOR_ID, "--lang", "it"),
        expect="You have never given Fixture Books a consent",
    )
    code, out, err = run("request", "access", VENDOR_ID)
    assert code == 0, err
    assert "I have not shared any personal data with you through VRM Wallet" in out
    assert "no consent through the wallet" in err
    with pytest.raises(SystemExit) as usage:
        main(["request", "access", VENDOR_ID, "--lang", "fr"])
    assert usage.value.code == 2
    fails(run("request", "show", str(uuid.uuid4())), expect="There is no request")


def test_grant_for_an_accepted_offer_preselects_the_fields_it_asks_for(
    home: Path, run: Run
) -> None:
    vendor_key = generate_signing_key()
    vault = Vault.create(home, PASSPHRASE, kdf_target_seconds=0).vault
    try:
        fill(vault)
        add_offline_vendor(vault, key=vendor_key)
        intention = create(vault, use_terms=False)
        IntentionBook(vault).broadcast(intention.id)
        offer = make_offer(
            vendor_key,
            intention.id,
            seller={
                "id": VENDOR_ID,
                "name": "Fixture Books",
                "publicKey": vendor_key.verifying_key.jwk,
                "kid": vendor_key.kid,
            },
            areaServed=["ES"],
            acceptsTerms=None,
            delivery={
                "method": "delivery",
                "deliverBy": (date.today() + timedelta(days=5)).isoformat(),
                "leadTimeDays": 3,
            },
            dataRequested=[
                {"field": "email", "purpose": "order updates"},
                {"field": "postal_address", "required": False},
                {"field": "phone", "required": False},
            ],
        )
        body = wire_bytes(OfferList(offers=[sign_offer(offer, vendor_key)]))
        report = ingest_body(vault, vendor_id=VENDOR_ID, intention_id=intention.id, raw=body)
        assert report.stored == [offer.id], report
        OfferBook(vault).accept(offer.id)
    finally:
        vault.lock()
    code, out, err = run("consent", "grant", "--offer", offer.id, "--purpose", "3", "--yes")
    assert code == 0, err
    assert f"Offer:     Trail running shoes ({offer.id})" in err
    shown = json.loads(ok(run("consent", "show", out.strip(), "--json")))
    assert shown["fields"] == ["email"]  # required and in the vault; optional ones left out
    assert shown["offer"] == offer.id
    fails(
        run("consent", "grant", "--offer", offer.id, "--fields", "postal_address",
            "--purpose", "3", "--yes"),
        expect="The offer needs email to be fulfilled",
    )  # fmt: skip


def test_with_the_vendor_kit_grant_update_and_revoke_are_acknowledged(home: Path, run: Run) -> None:
    with serve(1) as vendors:
        vault = Vault.create(home, PASSPHRASE, kdf_target_seconds=0).vault
        try:
            fill(vault)
            [vendor_id] = add_vendors(vault, vendors.metadata_urls)
        finally:
            vault.lock()
        kit = vendors.vendor_app
        [served] = kit.vendors

        code, out, err = run(
            "consent", "grant", "--vendor", vendor_id, "--fields", "email", "--purpose", "2",
            "--yes", "--wait", "20",
        )  # fmt: skip
        assert code == 0, err
        consent_id = out.strip()
        assert UUID.match(consent_id), out
        assert f"acknowledged: {consent_id} (DisclosureAccepted" in err
        assert kit.consents.held_data(served, consent_id) == {"email": VALUES["email"]}
        shown = ok(run("consent", "show", consent_id))
        assert "acknowledged: yes, countersigned by the vendor" in shown
        assert "consent.disclosure: delivered" in shown

        ok(run("data", "set", "email", "new.quokka@example.org"))
        out = ok(run("consent", "update", "email", "--yes", "--wait", "20"))
        assert f"acknowledged: {consent_id} (UpdateAccepted" in out
        assert kit.consents.held_data(served, consent_id) == {"email": "new.quokka@example.org"}

        out = ok(run("consent", "revoke", consent_id, "--yes", "--wait", "20"))
        assert f"acknowledged: {consent_id} (ConsentTerminated" in out
        assert kit.consents.held_data(served, consent_id) is None
        shown = ok(run("consent", "show", consent_id))
        assert "(revoked)" in shown and "the vendor confirmed deleting the data on" in shown

        vault = Vault.open_with_passphrase(home, PASSPHRASE)
        try:
            assert deliver_pending(vault, deadline=5).summary.delivered == 0  # nothing left
            assert ConsentBook(vault).get(consent_id).row.terminated_at is not None
        finally:
            vault.lock()
        text = ok(run("request", "erasure", vendor_id))
        assert consent_id in text and "withdrawn on" in text
