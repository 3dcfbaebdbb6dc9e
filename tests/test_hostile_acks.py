"""A hostile answer to a consent message fails alone (issue 11, isolation).

Two vendors on 127.0.0.1 answer the disclosures of the same delivery run: the vendor kit (honest,
signed acknowledgements) and a scripted vendor whose answer a test chooses: malformed, oversized,
deeply nested, huge numbers, a wrong key, unknown members holding escape sequences, lone
surrogates or a personal value echoed back. The hostile answer is refused and recorded with a
short reason of the wallet's own words (no raw remote text, no personal data), its consent keeps
its state, the honest vendor's acknowledgement of the same run is kept, and later runs work.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from aiohttp import web

from tests.intent_helpers import add_vendors, serve
from vendorkit.server import BackgroundVendors
from wallet import activity
from wallet.consents import ConsentBook, GrantRequest
from wallet.consents.acks import MAX_REASON, AckReport
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.delivery.cycle import DeliveryReport, deliver_pending
from wallet.outbox.dead_letters import DeadLetters
from wallet.terminal import is_printable
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory, parse_metadata
from wallet.wire.consent import ConsentAcknowledgement, SignedDisclosure
from wallet.wire.consent_signing import countersign, receipt_sha256, verify_receipt
from wallet.wire.models import SellerIdentity
from wallet.wire.terms import PublicJwk

EMAIL = "ada@example.org"
HOSTILE_ID = "hostile-shop"
# Text that must never reach the vault or the terminal as it was sent.
MARKER = "\x1b[8mSECRET-MARKER"
Answer = Callable[[SignedDisclosure, SigningKey], bytes]


def acknowledgement(disclosure: SignedDisclosure, key: SigningKey) -> dict[str, Any]:
    """A correct DisclosureAccepted for ``disclosure`` (unsigned JSON), as ``key``'s vendor."""
    _, canonical, _ = verify_receipt(disclosure.disclosure.receipt)
    return ConsentAcknowledgement(
        type="DisclosureAccepted",
        consentReceiptID=disclosure.disclosure.consentReceiptID,
        inReplyTo=disclosure.disclosure.id,
        issued="2030-01-01T00:00:00Z",
        vendor=SellerIdentity(
            id=HOSTILE_ID,
            name="Hostile Shop",
            publicKey=PublicJwk.model_validate(key.verifying_key.jwk),
            kid=key.kid,
        ),
        receiptSha256=receipt_sha256(canonical),
        fields=sorted(disclosure.disclosure.data),
        countersignature=countersign(canonical, key),
    ).wire()


def signed(document: dict[str, Any], key: SigningKey, **extra: Any) -> bytes:
    """``document`` signed by ``key`` as a vendor would (over its own bytes if it has to)."""
    try:
        payload = canonical_bytes(document)
    except Exception:
        payload = json.dumps(document).encode()
    body = {"acknowledgement": document, "signature": key.sign_jws(payload), **extra}
    return json.dumps(body).encode()  # ensure_ascii: lone surrogates travel as \ud800 escapes


def _with(member: str, value: Any) -> Answer:
    def answer(disclosure: SignedDisclosure, key: SigningKey) -> bytes:
        return signed({**acknowledgement(disclosure, key), member: value}, key)

    return answer


HOSTILE_ANSWERS: dict[str, Answer] = {
    "not JSON": lambda d, k: b"{not json" + MARKER.encode(),
    "empty": lambda d, k: b"",
    "a JSON string": lambda d, k: json.dumps(MARKER).encode(),
    "deep nesting": lambda d, k: b"[" * 100_000 + b"]" * 100_000,
    "oversized": lambda d, k: b'{"pad":"' + b"x" * 300_000 + b'"}',
    "5000-digit number": lambda d, k: b'{"acknowledgement":' + b"9" * 5000 + b"}",
    "1e999999 number": lambda d, k: signed({**acknowledgement(d, k), "issued": 1e308 * 10}, k),
    "huge integer member": _with("fields", 10**4000),
    "wrong key": lambda d, k: signed(acknowledgement(d, k), generate_signing_key()),
    "unknown member with escapes": _with(MARKER, 1),
    "unknown member with a lone surrogate": _with("\ud800" + MARKER, 1),
    "unknown member echoing personal data": _with(EMAIL, EMAIL),
    "unknown top-level member": lambda d, k: signed(acknowledgement(d, k), k, **{MARKER: 1}),
    "repeated key": lambda d, k: (
        signed(acknowledgement(d, k), k)[:-1]
        + f", {json.dumps(MARKER)}: 1, {json.dumps(MARKER)}: 2}}".encode()
    ),
    "lone surrogate in the vendor name": lambda d, k: signed(
        {**acknowledgement(d, k), "vendor": {**acknowledgement(d, k)["vendor"], "name": "\udfff"}},
        k,
    ),
    "lone surrogate in a field key": _with("fields", ["email\ud800"]),
    "a vendor kid naming another key": lambda d, k: signed(
        {
            **acknowledgement(d, k),
            "vendor": {**acknowledgement(d, k)["vendor"], "kid": generate_signing_key().kid},
        },
        k,
    ),
}


class ScriptedConsentVendor:
    """A vendor whose answer to each disclosure is ``answer(disclosure, its key)``; it has the
    ``app`` and ``vendors`` that :class:`BackgroundVendors` serves."""

    def __init__(self) -> None:
        self.key = generate_signing_key()
        self.answer: Answer = lambda disclosure, key: b""
        self.vendors: list[Any] = []
        self.app = web.Application(client_max_size=1024 * 1024)
        self.app.router.add_post("/inbox/{name}", self.handle)

    async def handle(self, request: web.Request) -> web.Response:
        disclosure = SignedDisclosure.model_validate_json(await request.read())
        body = self.answer(disclosure, self.key)
        return web.Response(body=body, content_type="application/json")


@pytest.fixture(scope="module")
def honest() -> Iterator[BackgroundVendors]:
    with serve(1) as server:
        yield server


@pytest.fixture(scope="module")
def hostile() -> Iterator[tuple[ScriptedConsentVendor, str]]:
    vendor = ScriptedConsentVendor()
    server = BackgroundVendors(vendor)  # type: ignore[arg-type]
    with server:
        yield vendor, server.base_url


def pin_hostile(vault: Vault, key: SigningKey, origin: str) -> None:
    inbox = {name: f"{origin}/inbox/{name}" for name in ("intentions", "offers", "consents")}
    document = {
        "id": HOSTILE_ID,
        "name": "Hostile Shop",
        "publicKey": key.verifying_key.jwk,
        "inbox": {**inbox, "revocations": f"{origin}/inbox/revocations"},
        "policyUrl": f"{origin}/privacy",
        "contact": "privacy@hostile.example",
    }
    url = f"{origin}/.well-known/vrm-vendor.json"
    VendorDirectory(vault).add(parse_metadata(document, url=url))


def grant(vault: Vault, vendor_id: str) -> str:
    request = GrantRequest(vendor_id=vendor_id, field_keys=("email",), purposes=(2,))
    return ConsentBook(vault).grant(request).id


def stored_text(vault: Vault) -> str:
    """Everything the log and the consents' histories hold, as text."""
    entries = vault.activity_page(limit=500)
    book = ConsentBook(vault)
    events = [event for record in book.list() for event in book.history(record.id)]
    return " ".join(
        [f"{e.party} {e.reason} {' '.join(e.field_names)}" for e in entries]
        + [f"{e.type} {e.detail}" for e in events if e.type == "answer_refused"]
    )


@pytest.mark.parametrize("case", sorted(HOSTILE_ANSWERS))
def test_a_hostile_acknowledgement_fails_alone(
    vault: Vault,
    honest: BackgroundVendors,
    hostile: tuple[ScriptedConsentVendor, str],
    case: str,
) -> None:
    scripted, origin = hostile
    scripted.answer = HOSTILE_ANSWERS[case]
    vault.fields.set("email", EMAIL)
    (honest_id,) = add_vendors(vault, honest.metadata_urls)
    pin_hostile(vault, scripted.key, origin)
    hostile_consent = grant(vault, HOSTILE_ID)
    honest_consent = grant(vault, honest_id)

    report: DeliveryReport = deliver_pending(vault, deadline=20)
    assert report.summary.delivered == 2
    assert report.acknowledgements.accepted == [(honest_consent, "DisclosureAccepted")]
    ((refused_id, reason),) = report.acknowledgements.refused
    assert refused_id == hostile_consent
    assert is_printable(reason) and len(reason) <= MAX_REASON
    assert "SECRET-MARKER" not in reason and EMAIL not in reason

    book = ConsentBook(vault)
    record = book.get(hostile_consent)
    assert record.status == "active" and not record.acknowledged
    assert [e.type for e in book.history(hostile_consent)] == ["granted", "answer_refused"]
    assert book.get(honest_consent).acknowledged
    refusals = [e for e in vault.activity_page(limit=50) if e.type == activity.CONSENT_ACK_REFUSED]
    assert [e.party for e in refusals] == [HOSTILE_ID]
    text = stored_text(vault)
    assert "SECRET-MARKER" not in text and EMAIL not in text and is_printable(text)

    # later runs are not stuck on the hostile answer, and go on working
    again = deliver_pending(vault, deadline=20)
    assert again.acknowledgements.refused == [] and again.acknowledgements.accepted == []
    third = grant(vault, honest_id)
    later = deliver_pending(vault, deadline=20)
    assert later.acknowledgements.accepted == [(third, "DisclosureAccepted")]
    assert vault.verify_activity().ok


def test_an_answer_that_cannot_be_read_at_all_is_set_aside_and_the_others_are_read(
    vault: Vault, honest: BackgroundVendors, hostile: tuple[ScriptedConsentVendor, str]
) -> None:
    """Something unexpected while reading one answer (here: its consent's row is damaged, so
    decoding it raises) sets that answer aside as a dead letter instead of stopping the run and,
    by rolling back its "read" mark, every later run."""
    scripted, origin = hostile
    scripted.answer = lambda d, k: signed(acknowledgement(d, k), k)
    vault.fields.set("email", EMAIL)
    (honest_id,) = add_vendors(vault, honest.metadata_urls)
    pin_hostile(vault, scripted.key, origin)
    damaged = grant(vault, HOSTILE_ID)
    kept = grant(vault, honest_id)
    with vault.write() as connection:
        connection.execute("UPDATE consents SET purposes = '[' WHERE id = ?", (damaged,))

    report = deliver_pending(vault, deadline=20)
    assert report.acknowledgements.accepted == [(kept, "DisclosureAccepted")]
    assert report.acknowledgements.unreadable == 1
    ((consent_id, reason),) = report.acknowledgements.refused
    assert consent_id == damaged and "could not read the answer" in reason
    (entry,) = [e for e in DeadLetters(vault).list(not_delivered=True) if e.subject == damaged]
    assert entry.state == "unreadable" and entry.retryable
    refusals = [e for e in vault.activity_page(limit=50) if e.type == activity.CONSENT_ACK_REFUSED]
    assert [e.party for e in refusals] == [HOSTILE_ID]

    again = deliver_pending(vault, deadline=20)
    assert again.acknowledgements == AckReport()
    later = grant(vault, honest_id)
    assert deliver_pending(vault, deadline=20).acknowledgements.accepted == [
        (later, "DisclosureAccepted")
    ]
