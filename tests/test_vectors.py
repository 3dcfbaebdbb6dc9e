"""The test vectors in docs/test-vectors/: committed as written, judged by the wallet's verifiers
as they say, and checked by hand with nothing of ours (the ``cryptography`` package's Ed25519,
plain base64url, the ``rfc8785`` package)."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import jsonschema
import pytest
import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from vendorkit.vector_documents import VECTOR_NOW, Setting, vector_keys
from vendorkit.vector_tokens import Case
from vendorkit.vectors import DEFAULT_DIRECTORY, DOCUMENTS, all_cases, differences, main
from wallet.consents.acks import parse_answer
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import VerifyingKey, verifying_key_from_jwk
from wallet.errors import InvalidKey, SignatureInvalid, WalletError
from wallet.offers.ingest import check_offers
from wallet.terms.signing import verify_agreement, verify_signed_terms
from wallet.vendors.store import VendorRow
from wallet.webhooks import HEADER_ID, HEADER_SIGNATURE, HEADER_TIMESTAMP, verify_webhook
from wallet.wire.consent import SignedConsentNotice, SignedDisclosure
from wallet.wire.consent_signing import (
    verify_receipt,
    verify_signed_acknowledgement,
    verify_signed_consent_notice,
    verify_signed_disclosure,
)
from wallet.wire.models import MAX_WIRE_BYTES, SignedIntention
from wallet.wire.notices import SignedNotice, notice_key, verify_signed_notice
from wallet.wire.signing import (
    WireFormatError,
    parse_received,
    requester_key,
    verify_signed_intention,
)
from wallet.wire.terms import AgreementRecord, SignedTerms

ROOT = DEFAULT_DIRECTORY.parent.parent
JS_PACKAGES = ROOT / "interop" / "js"  # the JavaScript interop test's npm packages (make node-deps)
KEYS = vector_keys()
SETTING = Setting(now=VECTOR_NOW)
CASES = all_cases(SETTING, KEYS)
TOLERANCE = 300


def test_the_committed_files_are_what_the_script_writes() -> None:
    assert differences(DEFAULT_DIRECTORY) == []
    assert main(["--check"]) == 0


def test_every_document_has_good_and_bad_vectors() -> None:
    for document in DOCUMENTS:
        mine = [case for case in CASES if case.document == document]
        assert any(case.stage == "accepted" for case in mine), document
        assert sum(case.stage != "accepted" for case in mine) >= 3, document
    labels = [case.label for case in CASES]
    assert len(labels) == len(set(labels))


def test_the_files_hold_the_cases() -> None:
    for document in DOCUMENTS:
        written = json.loads((DEFAULT_DIRECTORY / f"{document}.json").read_text(encoding="utf-8"))
        names = [entry["name"] for entry in written["cases"]]
        assert names == [case.name for case in CASES if case.document == document]


# ---------------------------------------------------------------------------- by hand


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _files() -> dict[str, Any]:
    return {
        document: json.loads((DEFAULT_DIRECTORY / f"{document}.json").read_text(encoding="utf-8"))
        for document in DOCUMENTS
    }


def _raw_public(jwk: dict[str, str]) -> bytes:
    return _b64url_decode(jwk["x"])


def test_the_keys_by_hand() -> None:
    """Seeds give the published public keys and RFC 7638 thumbprints (hashlib, json only)."""
    published = json.loads((DEFAULT_DIRECTORY / "keys.json").read_text(encoding="utf-8"))
    assert "TEST ONLY" in published["warning"]
    for entry in published["keys"].values():
        private = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(entry["seedHex"]))
        raw = private.public_key().public_bytes_raw()
        assert _b64url(raw) == entry["publicJwk"]["x"] == entry["privateJwk"]["x"]
        assert _b64url_decode(entry["privateJwk"]["d"]) == bytes.fromhex(entry["seedHex"])
        members = json.dumps(
            {"crv": "Ed25519", "kty": "OKP", "x": entry["publicJwk"]["x"]}, separators=(",", ":")
        )
        assert _b64url(hashlib.sha256(members.encode()).digest()) == entry["kid"]


def _good_entries() -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{document}/{entry['name']}", entry)
        for document, content in _files().items()
        for entry in content["cases"]
        if "signed" in entry
    ]


@pytest.mark.parametrize(
    ("label", "entry"), _good_entries(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_good_jws_by_hand(label: str, entry: dict[str, Any]) -> None:
    """A stranger's check: RFC 8785 with the ``rfc8785`` package, the JWS rebuilt and verified
    with ``cryptography``'s Ed25519 and plain base64url."""
    signed = entry["signed"]
    canonical = signed["canonical"].encode("utf-8")
    assert rfc8785.dumps(signed["json"]) == canonical
    assert hashlib.sha256(canonical).hexdigest() == signed["canonicalSha256"]
    header, payload, signature = signed["jws"].split(".")
    assert json.loads(_b64url_decode(header)) == signed["header"]
    assert _b64url_decode(payload) == canonical
    published = json.loads((DEFAULT_DIRECTORY / "keys.json").read_text(encoding="utf-8"))["keys"]
    signer = next(key for key in published.values() if key["kid"] == signed["header"]["kid"])
    public = Ed25519PublicKey.from_public_bytes(_raw_public(signer["publicJwk"]))
    public.verify(_b64url_decode(signature), f"{header}.{payload}".encode("ascii"))
    # What any JOSE library writes for this header object and payload: the same token.
    private = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(signer["seedHex"]))
    encoded_header = _b64url(json.dumps(signed["header"], separators=(",", ":")).encode())
    signing_input = f"{encoded_header}.{_b64url(canonical)}"
    rebuilt = f"{signing_input}.{_b64url(private.sign(signing_input.encode('ascii')))}"
    assert rebuilt == signed["jws"], label


def test_webhook_signatures_by_hand() -> None:
    published = json.loads((DEFAULT_DIRECTORY / "keys.json").read_text(encoding="utf-8"))["keys"]
    checked = 0
    for content in _files().values():
        for entry in content["cases"]:
            if entry.get("expect") != {"status": 200} or "headers" not in entry:
                continue  # a refused message, or a GET
            headers = entry["headers"]
            body = entry["body"].encode("utf-8")
            signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
            version, signature = headers["webhook-signature"].split(",")
            assert version == "v1a"
            key = published[content["signedBy"]]["publicJwk"]
            Ed25519PublicKey.from_public_bytes(_raw_public(key)).verify(
                base64.b64decode(signature), signed
            )
            checked += 1
    assert checked >= 8


# A stranger's JOSE: Node with the ``jose`` and ``canonicalize`` npm packages.
JOSE_CHECK = """
import { readFileSync } from 'node:fs';
import { createPublicKey, verify } from 'node:crypto';
import { CompactSign, compactVerify, importJWK } from 'jose';
import canonicalize from 'canonicalize';
const [dir, ...documents] = process.argv.slice(2);
const keys = JSON.parse(readFileSync(`${dir}/keys.json`, 'utf8')).keys;
const failures = [];
let tokens = 0, webhooks = 0;
for (const document of documents) {
  const file = JSON.parse(readFileSync(`${dir}/${document}.json`, 'utf8'));
  for (const entry of file.cases) {
    const label = `${document}/${entry.name}`;
    if (entry.expect.status === 200 && entry.headers) {
      const h = entry.headers;
      const data = Buffer.concat([Buffer.from(`${h['webhook-id']}.${h['webhook-timestamp']}.`),
                                  Buffer.from(entry.body, 'utf8')]);
      const key = createPublicKey({ key: keys[file.signedBy].publicJwk, format: 'jwk' });
      const signature = Buffer.from(h['webhook-signature'].slice(4), 'base64');
      if (!verify(null, data, key, signature)) failures.push(`${label}: webhook signature`);
      webhooks += 1;
    }
    if (!entry.signed) continue;
    const signed = entry.signed;
    const canonical = canonicalize(signed.json);
    if (canonical !== signed.canonical) failures.push(`${label}: canonical form differs`);
    const signer = Object.values(keys).find((key) => key.kid === signed.header.kid);
    const jws = await new CompactSign(new TextEncoder().encode(canonical))
      .setProtectedHeader(signed.header).sign(await importJWK(signer.privateJwk, 'Ed25519'));
    if (jws !== signed.jws) failures.push(`${label}: jose signs another token`);
    const publicKey = await importJWK(signer.publicJwk, 'Ed25519');
    const { payload } = await compactVerify(signed.jws, publicKey, { algorithms: ['Ed25519'] });
    if (new TextDecoder().decode(payload) !== canonical) failures.push(`${label}: payload`);
    tokens += 1;
  }
}
console.log(JSON.stringify({ tokens, webhooks, failures }));
"""


def test_node_jose_signs_and_verifies_the_good_vectors_alike() -> None:
    """``jose`` signing each good document's canonical form with its header object and key
    writes exactly the vector's JWS, and verifies it; ``node:crypto`` verifies the webhooks."""
    node = shutil.which("node")
    if node is None or not (JS_PACKAGES / "node_modules" / "jose").is_dir():
        pytest.skip("Node or the interop npm packages are not installed (make node-deps)")
    result = subprocess.run(
        [node, "--input-type=module", "-", str(DEFAULT_DIRECTORY), *DOCUMENTS],
        input=JOSE_CHECK,
        cwd=JS_PACKAGES,  # bare imports resolve from the working directory's node_modules
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["failures"] == []
    assert outcome["tokens"] == sum(case.signed is not None for case in CASES)
    assert outcome["webhooks"] >= 8


@pytest.mark.parametrize("case", [c for c in CASES if c.signed is not None], ids=lambda c: c.label)
def test_canonical_bytes_are_the_wallets(case: Case) -> None:
    assert case.signed is not None
    assert canonical_bytes(case.signed.document) == case.signed.canonical


# ---------------------------------------------------------------------------- vendor side


def _intention_key(envelope: Any, received: dict[str, Any]) -> VerifyingKey:
    verify_signed_intention(envelope, received=received["intention"])
    return requester_key(envelope.intention)


def _notice_key(envelope: Any, received: dict[str, Any]) -> VerifyingKey:
    verify_signed_notice(envelope, received=received["notice"])
    return notice_key(envelope.notice)


def _disclosure_key(envelope: Any, received: dict[str, Any]) -> VerifyingKey:
    return verify_signed_disclosure(envelope, received=received["disclosure"])[3]


def _consent_notice_key(envelope: Any, received: dict[str, Any]) -> VerifyingKey:
    verify_signed_consent_notice(envelope, received=received["notice"])
    return verifying_key_from_jwk(envelope.notice.principal.publicKey.model_dump())


INBOXES: dict[str, tuple[Any, Callable[[Any, dict[str, Any]], VerifyingKey]]] = {
    "intentions": (SignedIntention, _intention_key),
    "decisions": (SignedNotice, _notice_key),
    "withdrawals": (SignedNotice, _notice_key),
    "consents": (SignedDisclosure, _disclosure_key),
    "revocations": (SignedConsentNotice, _consent_notice_key),
}


def vendor_verdict(case: Case) -> int | None:
    """What the wallet's verifiers make of a POSTed case, in the order of docs/protocol.md §3:
    size 413, headers and window 400, format 400, signatures 401; None if all pass (what is left
    is the vendor's state: expiry, scope, ids already seen)."""
    body = case.wire_body()
    if len(body) > MAX_WIRE_BYTES:
        return 413
    headers = case.headers
    if not all(headers.get(name) for name in (HEADER_ID, HEADER_TIMESTAMP, HEADER_SIGNATURE)):
        return 400
    timestamp = int(headers[HEADER_TIMESTAMP])
    assert case.received_at is not None
    if abs(case.received_at - timestamp) > TOLERANCE:
        return 400
    model, verify = INBOXES[str(case.endpoint)]
    try:
        envelope, received = parse_received(body, model)
        key = verify(envelope, received)
        verify_webhook(
            headers[HEADER_SIGNATURE],
            key,
            message_id=headers[HEADER_ID],
            timestamp=timestamp,
            body=body,
            now=case.received_at,
        )
    except WireFormatError:
        return 400
    except (SignatureInvalid, InvalidKey):
        return 401
    return None


POSTED = [case for case in CASES if case.endpoint is not None and case.query is None]


@pytest.mark.parametrize("case", POSTED, ids=lambda case: case.label)
def test_vendor_side_verifiers_answer_as_the_vector_says(case: Case) -> None:
    verdict = vendor_verdict(case)
    if case.stage in ("accepted", "state"):
        assert verdict is None, f"{case.label}: refused with {verdict}"
    else:
        assert verdict == case.status, case.label


# ---------------------------------------------------------------------------- wallet side


def _vendor_row() -> VendorRow:
    moment = datetime.fromtimestamp(VECTOR_NOW, UTC)
    values: dict[str, Any] = {field.name: None for field in dataclasses.fields(VendorRow)}
    values.update(
        id=SETTING.vendor_id,
        name=SETTING.vendor_name,
        metadata_url="http://127.0.0.1:8787/.well-known/vrm-vendor.json",
        intentions_url="http://127.0.0.1:8787/inbox/intentions",
        offers_url="http://127.0.0.1:8787/inbox/offers",
        public_jwk=KEYS.vendor.verifying_key.jwk,
        kid=KEYS.vendor.kid,
        categories=("shoes",),
        accepted_agreements=(),
        contact="privacy@vendor.example",
        policy_url=SETTING.policy_url,
        metadata={},
        added=moment,
        updated=moment,
        status="active",
        status_reason="",
    )
    return VendorRow(**values)


def offer_verdict(case: Case) -> str:
    intention = SETTING.urn("intention")
    accepted, rejected = check_offers(
        case.wire_body(),
        vendor=_vendor_row(),
        intention_id=intention,
        is_known=lambda other: other == intention,
    )
    return "accepted" if accepted and not rejected else rejected[0].code


def acknowledgement_verdict(case: Case) -> str:
    receipt = vector_receipt_bytes()
    pinned = KEYS.vendor.verifying_key
    try:
        envelope, received = parse_answer(case.body)
    except WireFormatError:
        return "malformed"
    try:
        verify_signed_acknowledgement(
            envelope, pinned, canonical_receipt=receipt, received=received["acknowledgement"]
        )
    except InvalidKey:
        return "bad_key"
    except SignatureInvalid:
        return _acknowledgement_fault(envelope, receipt)
    return "accepted"


def _acknowledgement_fault(envelope: Any, receipt: bytes) -> str:
    acknowledgement = envelope.acknowledgement
    if acknowledgement.vendor.publicKey.model_dump() != KEYS.vendor.verifying_key.jwk:
        return "wrong_key"
    if acknowledgement.receiptSha256 != hashlib.sha256(receipt).hexdigest():
        return "other_receipt"
    return "forged"


def vector_receipt_bytes() -> bytes:
    good = next(c for c in CASES if c.label == "receipt/good")
    assert good.signed is not None
    return good.signed.canonical


def _by_exception(check: Callable[[], object]) -> str:
    try:
        check()
    except InvalidKey:
        return "bad_key"
    except WireFormatError:
        return "malformed"
    except SignatureInvalid:
        return "forged"
    return "accepted"


def receipt_verdict(case: Case) -> str:
    return _by_exception(lambda: verify_receipt(case.body.decode("ascii")))


def terms_verdict(case: Case) -> str:
    received = json.loads(case.body)
    return _by_exception(
        lambda: verify_signed_terms(
            SignedTerms.model_validate(received), received=received["document"]
        )
    )


def agreement_verdict(case: Case) -> str:
    received = json.loads(case.body)
    return _by_exception(
        lambda: verify_agreement(AgreementRecord.model_validate(received), received=received)
    )


VERDICTS: dict[str, Callable[[Case], str]] = {
    "offer": offer_verdict,
    "acknowledgement": acknowledgement_verdict,
    "receipt": receipt_verdict,
    "terms": terms_verdict,
    "agreement": agreement_verdict,
}
READ = [case for case in CASES if case.endpoint is None]


@pytest.mark.parametrize("case", READ, ids=lambda case: case.label)
def test_wallet_side_verifiers_give_the_listed_verdict(case: Case) -> None:
    assert VERDICTS[case.document](case) == case.refusal, case.label


def test_a_refused_acknowledgement_is_refused_by_the_wallet_itself() -> None:
    """The codes above are the vectors' names; the wallet's own check refuses each one."""
    receipt = vector_receipt_bytes()
    for case in READ:
        if case.document != "acknowledgement" or case.refusal == "accepted":
            continue
        with pytest.raises(WalletError):
            envelope, received = parse_answer(case.body)
            verify_signed_acknowledgement(
                envelope,
                KEYS.vendor.verifying_key,
                canonical_receipt=receipt,
                received=received["acknowledgement"],
            )


# ---------------------------------------------------------------------------- published schemas

SCHEMA_OF_ENDPOINT = {
    "intentions": "signed-intention",
    "decisions": "signed-notice",
    "withdrawals": "signed-notice",
    "consents": "signed-disclosure",
    "revocations": "signed-consent-notice",
}
SCHEMA_OF_DOCUMENT = {
    "offer": "offer-list",
    "acknowledgement": "signed-acknowledgement",
    "terms": "terms",
    "agreement": "agreement",
}
# Bad cases that are well-formed JSON but not the published format. (Not
# acknowledgement/countersignature-missing: that DisclosureAccepted needs its countersignature is
# a rule of the model the schema does not state.)
NOT_THE_FORMAT = {"member-added", "member-missing", "alg-none-unsigned", "unsigned"}


def _schema_validator(name: str) -> jsonschema.Draft202012Validator:
    path = ROOT / "resources" / "schemas" / f"{name}.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _schema_checked(case: Case) -> tuple[str, Any] | None:
    """The schema name and JSON value a case is checked against (None: not a schema matter)."""
    if case.document == "receipt":
        if case.stage != "accepted":
            return None
        return "consent-receipt", json.loads(_b64url_decode(case.body.decode().split(".")[1]))
    if case.query is not None:
        return None
    name = SCHEMA_OF_ENDPOINT.get(str(case.endpoint)) or SCHEMA_OF_DOCUMENT.get(case.document)
    if name is None or (case.stage != "accepted" and case.name not in NOT_THE_FORMAT):
        return None
    return name, json.loads(case.body)


SCHEMA_CASES = [case for case in CASES if _schema_checked(case) is not None]


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=lambda case: case.label)
def test_the_published_schemas_accept_the_good_and_refuse_the_misshapen(case: Case) -> None:
    checked = _schema_checked(case)
    assert checked is not None
    name, value = checked
    errors = list(_schema_validator(name).iter_errors(value))
    if case.stage == "accepted":
        assert errors == [], f"{case.label}: {errors[0].message}"
    else:
        assert errors, f"{case.label} is valid against {name}.schema.json"
