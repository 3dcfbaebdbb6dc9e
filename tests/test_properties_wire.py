"""Property tests (issue 11, item 4) of the wire parsers and signature checks the outside world
reaches: signed offers and offer lists, signed intentions and notices (what the vendor kit
receives), consent disclosures, notices and acknowledgements, compact JWS, webhook signatures,
and the canonical encoder against the ``rfc8785`` package.

The rule: any input is accepted only when it is genuinely what was signed (its canonical form is
exactly a signed one), or refused with a :class:`~wallet.errors.WalletError` whose message is one
clear line; never any other exception. Inputs are arbitrary JSON and bytes, and valid signed
documents mutated by a few structural edits (a value replaced, a member removed or added, a
string edited with hostile or NFC-equivalent text) or by byte edits of their JSON.
"""

from __future__ import annotations

import base64
import copy
import json
import unicodedata
import uuid
from collections.abc import Callable
from functools import partial
from typing import Any

import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.consent_wire_helpers import (
    acknowledgement_document,
    notice_document,
    receipt_document,
)
from tests.properties import HOSTILE_TEXT, JSON_VALUES, RAW_NASTY, dumps, examples
from tests.wire_helpers import make_intention, make_offer
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import (
    ACCEPTED_ALGORITHMS,
    SigningKey,
    b64url,
    unverified_payload,
)
from wallet.errors import InvalidInput, SignatureInvalid, WalletError
from wallet.webhooks import sign_webhook, verify_webhook
from wallet.wire import (
    OfferList,
    SignedIntention,
    SignedOffer,
    parse_wire,
    sign_intention,
    sign_offer,
    verify_signed_intention,
    verify_signed_offer,
    wire_bytes,
)
from wallet.wire.consent import (
    ConsentAcknowledgement,
    ConsentNotice,
    ConsentReceipt,
    Disclosure,
    SignedConsentNotice,
    SignedDisclosure,
)
from wallet.wire.consent_signing import (
    countersign,
    parse_acknowledgement,
    receipt_sha256,
    sign_acknowledgement,
    sign_consent_notice,
    sign_disclosure,
    sign_receipt,
    verify_signed_acknowledgement,
    verify_signed_consent_notice,
    verify_signed_disclosure,
)
from wallet.wire.notices import IntentionNotice, SignedNotice, sign_notice, verify_signed_notice

VENDOR = SigningKey(bytes(range(32)))
OTHER_VENDOR = SigningKey(bytes(range(32, 64)))
PAIRWISE = SigningKey(bytes(range(64, 96)))

# ---------------------------------------------------------------------------- valid documents

INTENTION, REQUESTER = make_intention(SigningKey(bytes(range(96, 128))))
SIGNED_INTENTION = sign_intention(INTENTION, REQUESTER)
SIGNED_OFFERS = [
    sign_offer(
        make_offer(
            VENDOR,
            INTENTION.id,
            itemOffered={"name": "Shoes", "category": "shoes", "specs": {"Kind": "leather"}},
        ),
        VENDOR,
    ),
    sign_offer(make_offer(VENDOR, INTENTION.id, price="12.5"), VENDOR),
]
FOREIGN_OFFER = sign_offer(make_offer(OTHER_VENDOR, INTENTION.id), OTHER_VENDOR)
WITHDRAWAL = sign_notice(
    IntentionNotice(
        type="IntentionWithdrawn",
        intention=INTENTION.id,
        issued="2030-01-01T00:00:00Z",
        requester=INTENTION.requester,
    ),
    REQUESTER,
)
PRINCIPAL = {"publicKey": PAIRWISE.verifying_key.jwk, "kid": PAIRWISE.kid}
RECEIPT_TOKEN, RECEIPT_CANONICAL = sign_receipt(
    ConsentReceipt.model_validate(receipt_document(PAIRWISE.verifying_key.jwk, PAIRWISE.kid)),
    PAIRWISE,
)
DISCLOSURE = sign_disclosure(
    Disclosure.model_validate(
        {
            "type": "Disclosure",
            "id": uuid.UUID(int=1).urn,
            "consentReceiptID": ConsentReceipt.model_validate_json(
                unverified_payload(RECEIPT_TOKEN)
            ).consentReceiptID,
            "issued": "2030-01-01T00:00:00Z",
            "receipt": RECEIPT_TOKEN,
            "data": {"email": "ada@example.org"},
        }
    ),
    PAIRWISE,
)
CONSENT_NOTICE = sign_consent_notice(
    ConsentNotice.model_validate(notice_document(PRINCIPAL, uuid.UUID(int=2).urn)), PAIRWISE
)
VENDOR_IDENTITY = {"publicKey": VENDOR.verifying_key.jwk, "kid": VENDOR.kid}
ACKNOWLEDGEMENTS = [
    sign_acknowledgement(
        ConsentAcknowledgement.model_validate(
            acknowledgement_document(
                VENDOR_IDENTITY,
                in_reply_to=uuid.UUID(int=2).urn,
                receipt_sha256=receipt_sha256(RECEIPT_CANONICAL),
            )
        ),
        VENDOR,
    ),
    sign_acknowledgement(
        ConsentAcknowledgement.model_validate(
            acknowledgement_document(
                VENDOR_IDENTITY,
                in_reply_to=uuid.UUID(int=1).urn,
                receipt_sha256=receipt_sha256(RECEIPT_CANONICAL),
                type="DisclosureAccepted",
                fields=[],
                countersignature=countersign(RECEIPT_CANONICAL, VENDOR),
            )
        ),
        VENDOR,
    ),
]

# ---------------------------------------------------------------------------- mutations

# Text that NFC, case or look-alikes make close to what was signed, and text nobody should send.
EDIT_TEXT = st.one_of(
    HOSTILE_TEXT,
    st.sampled_from(["\u0301", "\u212a", "\u037e", "e\u0301", "\u00e9", "K", ";", " ", "", "0"]),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document, the document itself first."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


# Characters whose NFC form is ASCII: a member named with them is another key, until NFC.
_NFC_SINGLETONS = {"K": "\u212a", ";": "\u037e", "`": "\u1fef"}


def _nfc_twin(name: str) -> str:
    """A different name that NFC turns into ``name`` (where one exists), e.g. the Kelvin sign
    for K; names with nothing to swap get a decomposed form, or stay as they are."""
    for plain, twin in _NFC_SINGLETONS.items():
        if plain in name:
            return name.replace(plain, twin, 1)
    return unicodedata.normalize("NFD", name)


def _edited_text(draw: st.DrawFn, text: str) -> str:
    position = draw(st.integers(min_value=0, max_value=len(text)))
    cut = draw(st.integers(min_value=0, max_value=3))
    return text[:position] + draw(EDIT_TEXT) + text[position + cut :]


def _places(document: Any, kind: type | None = None) -> list[tuple[Any, ...]]:
    """The paths of ``document`` whose node is a ``kind`` (any node when None)."""
    return [
        path for path in _paths(document) if kind is None or isinstance(_at(document, path), kind)
    ]


@st.composite
def _mutated_document(draw: st.DrawFn, document: dict[str, Any]) -> Any:
    """``document`` after one to three structural edits (an action, then a place it fits)."""
    mutated: Any = copy.deepcopy(document)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        action = draw(st.sampled_from(["replace", "edit", "remove", "add", "rename"]))
        kind = {"edit": str, "add": dict, "rename": dict}.get(action)
        places = _places(mutated, kind)
        if action in ("remove", "rename"):
            places = [path for path in places if path or action == "rename"]
        if action == "rename":
            places = [path for path in places if _at(mutated, path)]
        if not places:
            continue
        path = draw(st.sampled_from(places))
        node = _at(mutated, path)
        if action == "edit":
            _put(mutated, path, _edited_text(draw, node))
        elif action == "add":
            node[draw(_member_names(node))] = draw(EDIT_TEXT | JSON_VALUES)
        elif action == "rename":
            name = draw(st.sampled_from(sorted(node)))
            node[_edited_text(draw, name)] = node.pop(name)
        elif action == "remove":
            del _at(mutated, path[:-1])[path[-1]]
        elif path:
            _put(mutated, path, draw(JSON_VALUES))
        else:
            mutated = draw(JSON_VALUES)
    return mutated


def _put(document: Any, path: tuple[Any, ...], value: Any) -> None:
    _at(document, path[:-1])[path[-1]] = value


def _member_names(node: dict[str, Any]) -> st.SearchStrategy[str]:
    """Names for a new member: hostile text, an existing name, or an NFC twin of one."""
    if not node:
        return EDIT_TEXT
    existing = st.sampled_from(sorted(node))
    return EDIT_TEXT | existing | existing.map(_nfc_twin)


@st.composite
def _mutated_bytes(draw: st.DrawFn, raw: bytes) -> bytes:
    """``raw`` with a few bytes flipped, cut out or inserted."""
    data = bytearray(raw)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        position = draw(st.integers(min_value=0, max_value=max(0, len(data) - 1)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if action == "flip" and data:
            data[position] ^= 1 << draw(st.integers(min_value=0, max_value=7))
        elif action == "cut":
            del data[position : position + draw(st.integers(min_value=1, max_value=8))]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[position:]
    return bytes(data)


def _inputs(document: dict[str, Any]) -> st.SearchStrategy[bytes]:
    """What a hostile sender might post in place of ``document``."""
    raw = dumps(document)
    return st.one_of(
        st.just(raw),
        _mutated_document(document).map(dumps),
        _mutated_bytes(raw),
        JSON_VALUES.map(dumps),
        RAW_NASTY,
    )


def _refused_clearly(error: WalletError) -> None:
    message = str(error)
    assert message and "\n" not in message and len(message) < 1000, message


def _normal_form(value: Any) -> Any:
    """``value`` with every string in NFC and objects as sorted member lists: equal for two
    documents exactly when they say the same, and two members that NFC makes equal stay two."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_normal_form(item) for item in value]
    if isinstance(value, dict):
        return sorted((_normal_form(key), _normal_form(item)) for key, item in value.items())
    return value


def _accepted_only_if_signed(outcome: Callable[[], Any], signed: list[Any]) -> None:
    """Run ``outcome``: a refusal must be a clear WalletError; an acceptance must be one of the
    ``signed`` documents, member for member (text compared in NFC, which is what is signed)."""
    try:
        accepted = outcome()
    except WalletError as error:
        _refused_clearly(error)
        return
    assert _normal_form(accepted.wire()) in [_normal_form(model.wire()) for model in signed]


# ---------------------------------------------------------------------------- offers


SIGNED_OFFER_DOCUMENTS = [signed.offer for signed in SIGNED_OFFERS]


@settings(max_examples=examples(600))
@given(raw=_inputs(SIGNED_OFFERS[0].wire()))
def test_signed_offers_are_accepted_only_as_signed(raw: bytes) -> None:
    _accepted_only_if_signed(
        lambda: verify_signed_offer(parse_wire(raw, SignedOffer), VENDOR.verifying_key),
        SIGNED_OFFER_DOCUMENTS,
    )


OFFER_LIST = {"offers": [signed.wire() for signed in [*SIGNED_OFFERS, FOREIGN_OFFER]]}


@settings(max_examples=examples(300))
@given(raw=_inputs(OFFER_LIST))
def test_offer_lists_yield_only_offers_the_pinned_key_signed(raw: bytes) -> None:
    try:
        offers = parse_wire(raw, OfferList).offers
    except WalletError as error:
        _refused_clearly(error)
        return
    for envelope in offers:
        _accepted_only_if_signed(
            partial(verify_signed_offer, envelope, VENDOR.verifying_key), SIGNED_OFFER_DOCUMENTS
        )


# ---------------------------------------------------------------------------- the kit receives


@settings(max_examples=examples(500))
@given(raw=_inputs(SIGNED_INTENTION.wire()))
def test_signed_intentions_are_accepted_only_as_signed(raw: bytes) -> None:
    _accepted_only_if_signed(
        lambda: verify_signed_intention(parse_wire(raw, SignedIntention)),
        [INTENTION],
    )


@settings(max_examples=examples(300))
@given(raw=_inputs(WITHDRAWAL.wire()))
def test_intention_notices_are_accepted_only_as_signed(raw: bytes) -> None:
    _accepted_only_if_signed(
        lambda: verify_signed_notice(parse_wire(raw, SignedNotice)),
        [WITHDRAWAL.notice],
    )


@settings(max_examples=examples(300))
@given(raw=_inputs(DISCLOSURE.wire()))
def test_disclosures_are_accepted_only_as_signed(raw: bytes) -> None:
    _accepted_only_if_signed(
        lambda: verify_signed_disclosure(parse_wire(raw, SignedDisclosure))[0],
        [DISCLOSURE.disclosure],
    )


@settings(max_examples=examples(300))
@given(raw=_inputs(CONSENT_NOTICE.wire()))
def test_consent_notices_are_accepted_only_as_signed(raw: bytes) -> None:
    _accepted_only_if_signed(
        lambda: verify_signed_consent_notice(parse_wire(raw, SignedConsentNotice))[0],
        [CONSENT_NOTICE.notice],
    )


# ---------------------------------------------------------------------------- the wallet receives


@settings(max_examples=examples(500))
@given(raw=st.sampled_from(ACKNOWLEDGEMENTS).flatmap(lambda signed: _inputs(signed.wire())))
def test_acknowledgements_are_accepted_only_as_signed(raw: bytes) -> None:
    _accepted_only_if_signed(
        lambda: verify_signed_acknowledgement(
            parse_acknowledgement(raw), VENDOR.verifying_key, canonical_receipt=RECEIPT_CANONICAL
        ),
        [signed.acknowledgement for signed in ACKNOWLEDGEMENTS],
    )


# ---------------------------------------------------------------------------- NFC twins

# (document as sent, how it is checked) for every kind of signed document received.
RECEIVED: list[tuple[dict[str, Any], Callable[[bytes], Any]]] = [
    (
        SIGNED_OFFERS[0].wire(),
        lambda raw: verify_signed_offer(parse_wire(raw, SignedOffer), VENDOR.verifying_key),
    ),
    (
        SIGNED_INTENTION.wire(),
        lambda raw: verify_signed_intention(parse_wire(raw, SignedIntention)),
    ),
    (WITHDRAWAL.wire(), lambda raw: verify_signed_notice(parse_wire(raw, SignedNotice))),
    (
        DISCLOSURE.wire(),
        lambda raw: verify_signed_disclosure(parse_wire(raw, SignedDisclosure))[0],
    ),
    (
        CONSENT_NOTICE.wire(),
        lambda raw: verify_signed_consent_notice(parse_wire(raw, SignedConsentNotice))[0],
    ),
    *(
        (
            signed.wire(),
            lambda raw: verify_signed_acknowledgement(
                parse_acknowledgement(raw),
                VENDOR.verifying_key,
                canonical_receipt=RECEIPT_CANONICAL,
            ),
        )
        for signed in ACKNOWLEDGEMENTS
    ),
]


# Every (document, place, member name) whose name has an NFC twin ("publicKey", "Kind").
TWINNABLE = [
    (document, check, path, name)
    for document, check in RECEIVED
    for path in _places(document, dict)
    for name in _at(document, path)
    if _nfc_twin(name) != name
]


@settings(max_examples=examples(300))
@given(case=st.sampled_from(TWINNABLE), data=st.data())
def test_a_member_beside_its_nfc_twin_is_never_accepted(
    case: tuple[dict[str, Any], Callable[[bytes], Any], tuple[Any, ...], str],
    data: st.DataObject,
) -> None:
    """A second member whose name NFC makes equal to a signed one would vanish from the
    canonical form, so the signature would not cover it: always refused."""
    document, check, path, name = case
    mutated = copy.deepcopy(document)
    node = _at(mutated, path)
    twin = _nfc_twin(name)
    value = data.draw(st.one_of(EDIT_TEXT, st.just(node[name]), JSON_VALUES))
    if data.draw(st.booleans()):  # the twin first, so the signed member is read last
        members = {twin: value, **node}
        node.clear()
        node.update(members)
    else:
        node[twin] = value
    try:
        check(dumps(mutated))
    except WalletError as error:
        _refused_clearly(error)
    else:
        raise AssertionError(f"accepted with {twin!a} beside {name!a} at {path}")


def test_every_kind_of_received_document_has_a_member_with_an_nfc_twin() -> None:
    kinds = {id(check) for _, check, _, _ in TWINNABLE}
    missing = [document for document, check in RECEIVED if id(check) not in kinds]
    assert [sorted(document) for document in missing] == [["disclosure", "signature"]]


# ---------------------------------------------------------------------------- compact JWS

TOKEN = VENDOR.sign_jws(b'{"pay":"10.00"}', header={"typ": "JWT"})
B64URL_TEXT = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


@st.composite
def _mutated_token(draw: st.DrawFn) -> str:
    token = TOKEN
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        position = draw(st.integers(min_value=0, max_value=len(token)))
        cut = draw(st.integers(min_value=0, max_value=4))
        insert = draw(st.one_of(B64URL_TEXT.filter(lambda text: len(text) < 5), EDIT_TEXT))
        token = token[:position] + insert + token[position + cut :]
    return token


@settings(max_examples=examples(1500))
@given(
    token=st.one_of(
        _mutated_token(),
        st.text(max_size=200),
        HOSTILE_TEXT,
        st.tuples(B64URL_TEXT, B64URL_TEXT, B64URL_TEXT).map(".".join),
    )
)
def test_compact_jws_is_accepted_only_as_signed(token: str) -> None:
    try:
        header, payload = VENDOR.verifying_key.verify_jws(token)
    except WalletError as error:
        _refused_clearly(error)
    else:
        assert token == TOKEN and payload == b'{"pay":"10.00"}' and header["typ"] == "JWT"
    try:
        unverified_payload(token)
    except SignatureInvalid as error:
        _refused_clearly(error)


def _acceptable_header(header: Any) -> bool:
    """An independent statement of which protected headers may verify."""
    if not isinstance(header, dict) or header.get("alg") not in ACCEPTED_ALGORITHMS:
        return False
    refused = {"crit", "b64", "zip", "enc", "jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256"}
    return not refused & set(header) and header.get("kid", VENDOR.kid) == VENDOR.kid


HEADER_MEMBERS = st.sampled_from(
    ["alg", "kid", "typ", "crit", "b64", "jwk", "jku", "x5u", "x5c", "zip", "enc", "cty"]
)
HEADER_VALUES = st.one_of(
    st.sampled_from(["Ed25519", "EdDSA", "none", "HS256", "ES256", VENDOR.kid, OTHER_VENDOR.kid]),
    JSON_VALUES,
)


@settings(max_examples=examples(600))
@given(
    header=st.one_of(
        st.dictionaries(HEADER_MEMBERS, HEADER_VALUES, max_size=4),
        JSON_VALUES,
    ),
    payload=st.binary(max_size=64),
)
def test_headers_signed_by_the_right_key_verify_only_when_acceptable(
    header: Any, payload: bytes
) -> None:
    """The signature is genuine: only the header decides."""
    encoded = f"{b64url(dumps(header))}.{b64url(payload)}"
    token = f"{encoded}.{b64url(VENDOR.sign_raw(encoded.encode('ascii')))}"
    try:
        verified = VENDOR.verifying_key.verify_jws(token)
    except WalletError as error:
        _refused_clearly(error)
        assert not _acceptable_header(header) or _header_text_is_not_json(header)
    else:
        assert _acceptable_header(header) and verified == (header, payload)


def _header_text_is_not_json(header: Any) -> bool:
    """``dumps`` writes lone surrogates as they are: that header is not UTF-8, so not JSON."""
    try:
        dumps(header).decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


# ---------------------------------------------------------------------------- webhooks

WEBHOOK_ID, WEBHOOK_TIME, WEBHOOK_BODY = "msg_2f1c", 1_900_000_000, wire_bytes(SIGNED_INTENTION)
WEBHOOK_HEADER = sign_webhook(
    REQUESTER, message_id=WEBHOOK_ID, timestamp=WEBHOOK_TIME, body=WEBHOOK_BODY
)


@st.composite
def _webhook_header(draw: st.DrawFn) -> str:
    entries = [WEBHOOK_HEADER] if draw(st.booleans()) else []
    entries += draw(
        st.lists(
            st.one_of(
                st.sampled_from(["v1,abc", "v1a,", "v1a", "v2a," + WEBHOOK_HEADER[4:], ","]),
                st.builds(lambda raw: "v1a," + base64.b64encode(raw).decode(), st.binary()),
                HOSTILE_TEXT,
            ),
            max_size=3,
        )
    )
    header = " ".join(draw(st.permutations(entries)))
    if header and draw(st.booleans()):
        position = draw(st.integers(min_value=0, max_value=len(header) - 1))
        header = header[:position] + draw(EDIT_TEXT) + header[position + 1 :]
    return header


@settings(max_examples=examples(800))
@given(
    header=_webhook_header(),
    message_id=st.one_of(st.just(WEBHOOK_ID), HOSTILE_TEXT),
    timestamp=st.one_of(
        st.just(WEBHOOK_TIME),
        st.integers(min_value=WEBHOOK_TIME - 400, max_value=WEBHOOK_TIME + 400),
        st.integers(),
    ),
    body=st.one_of(st.just(WEBHOOK_BODY), _mutated_bytes(WEBHOOK_BODY)),
    now=st.integers(min_value=WEBHOOK_TIME - 400, max_value=WEBHOOK_TIME + 400),
)
def test_webhooks_are_accepted_only_as_signed_and_fresh(
    header: str, message_id: str, timestamp: int, body: bytes, now: int
) -> None:
    try:
        verify_webhook(
            header,
            REQUESTER.verifying_key,
            message_id=message_id,
            timestamp=timestamp,
            body=body,
            now=now,
        )
    except WalletError as error:
        _refused_clearly(error)
    else:
        assert (message_id, timestamp, body) == (WEBHOOK_ID, WEBHOOK_TIME, WEBHOOK_BODY)
        assert abs(now - timestamp) <= 300


# ---------------------------------------------------------------------------- canonical form


def _reference_nfc(value: Any) -> Any:
    """NFC for the reference serialiser; member names equal after NFC are refused, as ours."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_reference_nfc(item) for item in value]
    if isinstance(value, dict):
        normalised = {_reference_nfc(key): _reference_nfc(item) for key, item in value.items()}
        if len(normalised) != len(value):
            raise ValueError("member names collide after NFC")
        return normalised
    return value


@settings(max_examples=examples(700))
@given(document=JSON_VALUES)
def test_the_canonical_encoder_equals_rfc8785_or_both_refuse(document: Any) -> None:
    try:
        ours: bytes | None = canonical_bytes(document)
    except InvalidInput as error:
        _refused_clearly(error)
        ours = None
    try:
        reference: bytes | None = rfc8785.dumps(_reference_nfc(document))
    except (rfc8785.CanonicalizationError, ValueError, TypeError):
        reference = None
    assert ours == reference
    if ours is not None:  # a fixed point, read back as I-JSON reads numbers (IEEE doubles)
        assert canonical_bytes(json.loads(ours, parse_int=float)) == ours


def test_the_documents_the_properties_start_from_are_accepted() -> None:
    """The properties are not vacuous: unmutated, every starting document verifies."""
    for signed in SIGNED_OFFERS:
        verify_signed_offer(parse_wire(wire_bytes(signed), SignedOffer), VENDOR.verifying_key)
    verify_signed_intention(parse_wire(wire_bytes(SIGNED_INTENTION), SignedIntention))
    verify_signed_notice(parse_wire(wire_bytes(WITHDRAWAL), SignedNotice))
    verify_signed_disclosure(parse_wire(wire_bytes(DISCLOSURE), SignedDisclosure))
    verify_signed_consent_notice(parse_wire(wire_bytes(CONSENT_NOTICE), SignedConsentNotice))
    for acknowledgement in ACKNOWLEDGEMENTS:
        verify_signed_acknowledgement(
            parse_acknowledgement(wire_bytes(acknowledgement)),
            VENDOR.verifying_key,
            canonical_receipt=RECEIPT_CANONICAL,
        )
    assert VENDOR.verifying_key.verify_jws(TOKEN)[1] == b'{"pay":"10.00"}'
    verify_webhook(
        WEBHOOK_HEADER,
        REQUESTER.verifying_key,
        message_id=WEBHOOK_ID,
        timestamp=WEBHOOK_TIME,
        body=WEBHOOK_BODY,
        now=WEBHOOK_TIME,
    )
