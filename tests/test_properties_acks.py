"""Property tests (issue 11, item 4): vendors' answers to consent messages, and notices.

The wallet reads a vendor's answer to a disclosure, an update, a revocation or an expiry notice
(:func:`~wallet.consents.acks.ingest_acknowledgements`). Whatever the answer holds (nasty bytes,
any JSON, a correct acknowledgement signed by the pinned key with one member changed to anything,
one signed by another key) it is read once and either kept or refused with a short printable
reason; never an exception; after a refusal the consent is as it was; the log chain holds.

Each answer enters the vault the way the delivery worker records one (``Outbox.claim`` then
``Outbox.record`` with the response body), so thousands of cases need no network round trip;
tests/test_hostile_acks.py sends hostile answers over real HTTP.

Notices (``SignedNotice`` about intentions, ``SignedConsentNotice`` about consents) are what the
vendor kit reads from anyone who can reach it: parsing and verifying them accepts or refuses with
the errors the kit answers as 400/401, never another exception.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from tests.properties import HOSTILE_TEXT, JSON_VALUES, RAW_NASTY, dumps, examples
from tests.test_consents_requests import VENDOR_ID, add_offline_vendor
from wallet.consents import ConsentBook, GrantRequest
from wallet.consents import store as consent_store
from wallet.consents.acks import EXPECTED_ANSWER, MAX_REASON, ingest_acknowledgements
from wallet.consents.book import CONSENT_KINDS, KIND_UPDATE
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.errors import InvalidKey, SignatureInvalid
from wallet.outbox import DeliveryOutcome, Outbox, OutboxMessage, enqueue
from wallet.terminal import is_printable
from wallet.vault.facade import Vault
from wallet.wire.consent import ConsentAcknowledgement, ConsentNotice, SignedConsentNotice
from wallet.wire.consent_signing import (
    countersign,
    receipt_sha256,
    sign_consent_notice,
    verify_receipt,
    verify_signed_consent_notice,
)
from wallet.wire.models import RequesterKey, SellerIdentity
from wallet.wire.notices import IntentionNotice, SignedNotice, sign_notice, verify_signed_notice
from wallet.wire.signing import WireFormatError, parse_wire
from wallet.wire.terms import PublicJwk

MEMBERS = (
    "type", "consentReceiptID", "inReplyTo", "issued", "vendor", "receiptSha256", "fields",
    "countersignature",
)  # fmt: skip


@dataclass
class Answered:
    """A vault with one consent to a pinned vendor whose key the test holds."""

    vault: Vault
    consent_id: str
    key: SigningKey
    canonical_receipt: bytes
    url: str

    def consent_state(self) -> tuple[Any, ...]:
        row = consent_store.get(self.vault.reader, self.consent_id)
        assert row is not None
        return (row.status, row.acknowledged_at, row.countersignature, row.terminated_at)

    def answer(self, kind: str, body: bytes) -> Any:
        """Record ``body`` as the vendor's answer to a new ``kind`` message, then read it."""
        with self.vault.write() as connection:
            message = OutboxMessage(
                kind=kind,
                vendor_id=VENDOR_ID,
                url=self.url,
                body=b"{}",
                signing_kid=self.key.kid,
                subject=self.consent_id,
            )
            enqueue(connection, [message])
        outbox = Outbox(self.vault)
        now = time.time()
        rows, _ = outbox.claim(now, 10)
        outbox.record(
            [
                DeliveryOutcome(
                    item_id=row.id,
                    webhook_id=row.webhook_id,
                    vendor_id=row.vendor_id,
                    kind=row.kind,
                    subject=row.subject,
                    status="delivered",
                    attempts=1,
                    next_attempt_at=now,
                    response_status=200,
                    response_body=body,
                )
                for row in rows
            ],
            now,
        )
        return ingest_acknowledgements(self.vault)


@pytest.fixture
def answered(vault: Vault) -> Answered:
    key = generate_signing_key()
    vault.fields.set("email", "ada@example.org")
    add_offline_vendor(vault, key=key)
    book = ConsentBook(vault)
    record = book.grant(GrantRequest(vendor_id=VENDOR_ID, field_keys=("email",), purposes=(2,)))
    (row,) = Outbox(vault).rows(subject=record.id)
    _, canonical, _ = verify_receipt(record.row.receipt_jws)
    setup = Answered(vault, record.id, key, canonical, row.url)
    # the grant's own disclosure: answered with nothing, so later claims find only the test's
    setup.answer(row.kind, b"")
    return setup


def acknowledgement(setup: Answered, kind: str) -> dict[str, Any]:
    """The correct answer to a ``kind`` message (unsigned JSON)."""
    answer_type = EXPECTED_ANSWER[kind]
    return ConsentAcknowledgement(
        type=answer_type,  # type: ignore[arg-type]
        consentReceiptID=setup.consent_id,
        inReplyTo=f"urn:uuid:{uuid.uuid4()}",
        issued="2030-01-01T00:00:00Z",
        vendor=SellerIdentity(
            id=VENDOR_ID,
            name="Fixture Books",
            publicKey=PublicJwk.model_validate(setup.key.verifying_key.jwk),
            kid=setup.key.kid,
        ),
        receiptSha256=receipt_sha256(setup.canonical_receipt),
        fields=["email"],
        countersignature=(
            countersign(setup.canonical_receipt, setup.key)
            if answer_type == "DisclosureAccepted"
            else None
        ),
    ).wire()


def signed(document: Any, key: SigningKey, *, escaped: bool = True, **extra: Any) -> bytes:
    """``document`` signed by ``key`` as a vendor would (over its own bytes if it has to); sent
    as ASCII JSON (lone surrogates as ``\\ud800`` escapes) or raw (as invalid UTF-8)."""
    try:
        payload = canonical_bytes(document)
    except Exception:
        payload = dumps(document)
    body = {"acknowledgement": document, "signature": key.sign_jws(payload), **extra}
    return json.dumps(body).encode() if escaped else dumps(body)


def plausible_values(setup: Answered) -> dict[str, st.SearchStrategy[Any]]:
    """Members changed to values of the right shape but the wrong meaning, which only the
    signature, receipt and type checks can refuse."""
    other = generate_signing_key()
    return {
        "type": st.sampled_from(sorted(set(EXPECTED_ANSWER.values()))),
        "consentReceiptID": st.uuids(version=4).map(str),
        "receiptSha256": st.text("0123456789abcdef", min_size=64, max_size=64),
        "fields": st.lists(st.sampled_from(["email", "phone", "postal_address"]), max_size=3),
        "countersignature": st.sampled_from(
            [countersign(setup.canonical_receipt + b" ", setup.key), countersign(b"{}", other)]
        ),
        "vendor": st.just({**acknowledgement(setup, KIND_UPDATE)["vendor"], "id": "other"}),
    }


@st.composite
def answers(draw: st.DrawFn, setup: Answered) -> tuple[str, bytes]:
    """(the message kind, the vendor's answer body)."""
    kind = draw(st.sampled_from(CONSENT_KINDS))
    document = acknowledgement(setup, kind)
    shape = draw(
        st.sampled_from(
            ["raw", "json", "correct", "plausible", "member", "unknown", "foreign key", "envelope"]
        )
    )
    event(shape)
    if shape == "raw":
        return kind, draw(RAW_NASTY)
    if shape == "json":
        return kind, dumps(draw(JSON_VALUES))
    if shape == "plausible":
        values = plausible_values(setup)
        member = draw(st.sampled_from(sorted(values)))
        document[member] = draw(values[member])
    elif shape == "member":
        document[draw(st.sampled_from(MEMBERS))] = draw(st.one_of(JSON_VALUES, HOSTILE_TEXT))
    elif shape == "unknown":
        document[draw(HOSTILE_TEXT)] = draw(JSON_VALUES)
    key = generate_signing_key() if shape == "foreign key" else setup.key
    escaped = draw(st.booleans())
    if shape == "envelope":
        extra = {draw(HOSTILE_TEXT): draw(JSON_VALUES)}
        return kind, signed(document, key, escaped=escaped, **extra)
    return kind, signed(document, key, escaped=escaped)


def test_answers_are_kept_or_refused_alone_and_the_consent_keeps_its_state(
    answered: Answered,
) -> None:
    setup = answered

    @settings(max_examples=examples(400))
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        kind, body = data.draw(answers(setup))
        before = setup.consent_state()
        report = setup.answer(kind, body)
        assert consent_store.unread_delivered_ids(setup.vault.reader, CONSENT_KINDS) == []
        if report.accepted:
            assert report.accepted == [(setup.consent_id, EXPECTED_ANSWER[kind])]
            assert report.refused == []
            event("kept")
            return
        ((consent_id, reason),) = report.refused
        assert consent_id == setup.consent_id
        assert reason and is_printable(reason) and len(reason) <= MAX_REASON
        assert setup.consent_state() == before
        event("refused")

    check()
    assert setup.vault.verify_activity().ok


NOTICE_MODELS = (SignedNotice, SignedConsentNotice)
NOTICE_KEY = generate_signing_key()


def valid_notice(model: type[SignedNotice] | type[SignedConsentNotice]) -> dict[str, Any]:
    """A correctly signed notice of ``model``, as JSON."""
    requester = RequesterKey(
        publicKey=PublicJwk.model_validate(NOTICE_KEY.verifying_key.jwk), kid=NOTICE_KEY.kid
    )
    if model is SignedNotice:
        notice = IntentionNotice(
            type="OfferAccepted",
            intention=f"urn:uuid:{uuid.uuid4()}",
            offer=f"urn:uuid:{uuid.uuid4()}",
            issued="2030-01-01T00:00:00Z",
            requester=requester,
        )
        return sign_notice(notice, NOTICE_KEY).wire()
    consent_notice = ConsentNotice(
        type="ConsentRevoked",
        id=f"urn:uuid:{uuid.uuid4()}",
        consentReceiptID=str(uuid.uuid4()),
        issued="2030-01-01T00:00:00Z",
        principal=requester,
    )
    return sign_consent_notice(consent_notice, NOTICE_KEY).wire()


@st.composite
def notices(draw: st.DrawFn) -> tuple[type[SignedNotice] | type[SignedConsentNotice], bytes]:
    """(the model, a body): nasty bytes, any JSON, or a signed notice with a member changed."""
    model = draw(st.sampled_from(NOTICE_MODELS))
    shape = draw(st.sampled_from(["raw", "json", "correct", "member", "unknown", "signature"]))
    event(shape)
    if shape == "raw":
        return model, draw(RAW_NASTY)
    if shape == "json":
        return model, dumps(draw(JSON_VALUES))
    document = valid_notice(model)
    notice = document["notice"]
    if shape == "member":  # anything, or a value of the right shape that breaks the signature
        plausible = st.sampled_from([f"urn:uuid:{uuid.uuid4()}", "2031-01-01T00:00:00Z"])
        value = draw(st.one_of(JSON_VALUES, HOSTILE_TEXT, plausible))
        notice[draw(st.sampled_from(sorted(notice)))] = value
    elif shape == "unknown":
        notice[draw(HOSTILE_TEXT)] = draw(JSON_VALUES)
    elif shape == "signature":
        document["signature"] = draw(st.one_of(HOSTILE_TEXT, JSON_VALUES))
    return model, (json.dumps(document).encode() if draw(st.booleans()) else dumps(document))


@settings(max_examples=examples(600))
@given(case=notices())
def test_notices_are_parsed_and_verified_or_refused_as_the_vendor_kit_expects(
    case: tuple[type[SignedNotice] | type[SignedConsentNotice], bytes],
) -> None:
    model, raw = case
    try:
        envelope = parse_wire(raw, model, what="notice")
    except WireFormatError as exc:
        assert "\n" not in str(exc)
        return
    try:
        if isinstance(envelope, SignedNotice):
            verify_signed_notice(envelope)
        else:
            verify_signed_consent_notice(envelope)
    except (SignatureInvalid, InvalidKey):
        event("refused: signature")
        return
    event("verified")
