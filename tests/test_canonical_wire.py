"""The fast path to canonical bytes of wire models agrees with RFC 8785 (the rfc8785 package),
and a model that could hold a float, a big integer or any JSON value does not take it."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
import rfc8785
from pydantic import BaseModel, Field

from tests.wire_helpers import make_intention, make_offer
from wallet.crypto.signing import generate_signing_key
from wallet.errors import InvalidInput
from wallet.wire.canonical import canonical_document_bytes, canonical_wire, plain_json_only
from wallet.wire.consent import ConsentNotice, ConsentReceipt, Disclosure
from wallet.wire.models import Intention, Offer, SignedOffer, VendorMetadata

TRICKY_TEXT = [
    "plain",
    'quote " and backslash \\ and slash /',
    "controls \x00 \x01 \x08 \t \n \x0c \r \x1f and DEL \x7f",
    "Caf\u00e9",  # composed: not ASCII, so the general path
    "Cafe\u0301",  # decomposed: NFC makes it equal to the composed one
    "emoji \U0001f600 and \u2028 line separator",
]


def _reference(document: Any) -> bytes:
    """RFC 8785 by the reference package, with NFC applied to every string first."""

    def nfc(value: Any) -> Any:
        if isinstance(value, str):
            return unicodedata.normalize("NFC", value)
        if isinstance(value, dict):
            return {nfc(key): nfc(item) for key, item in value.items()}
        if isinstance(value, list):
            return [nfc(item) for item in value]
        return value

    return rfc8785.dumps(nfc(document))


@pytest.mark.parametrize("model", [Offer, SignedOffer, Intention, VendorMetadata, ConsentReceipt])
def test_the_wire_models_we_sign_in_bulk_earn_the_fast_path(model: type[BaseModel]) -> None:
    assert plain_json_only(model)


@pytest.mark.parametrize("text", TRICKY_TEXT)
def test_offers_and_intentions_match_the_reference_serialiser(text: str) -> None:
    key = generate_signing_key()
    offer = make_offer(
        key,
        itemOffered={"name": text, "category": "shoes", "description": text},
        areaServed=["ES", "ES-MD"],
    )
    intention, _ = make_intention(itemOffered={"name": text, "category": "shoes"})
    for model in (offer, intention):
        assert canonical_wire(model) == _reference(model.wire())  # type: ignore[arg-type]


def test_a_disclosure_with_free_text_values_matches_the_reference() -> None:
    document = {
        "type": "Disclosure",
        "id": "urn:uuid:8f0c1a6e-58a1-4d2e-9f57-1d3f0e2b7c11",
        "consentReceiptID": "55a8b7c1-f9d2-48d0-a610-2eff4e467bb0",
        "issued": "2026-11-22T10:00:00Z",
        "receipt": "a.b.c",
        "data": {f"field_{index}": text for index, text in enumerate(TRICKY_TEXT)},
    }
    disclosure = Disclosure.model_validate(document)
    assert canonical_wire(disclosure) == _reference(disclosure.wire())
    key = generate_signing_key().verifying_key
    notice = ConsentNotice.model_validate(
        {
            "type": "ConsentRevoked",
            "id": "urn:uuid:8f0c1a6e-58a1-4d2e-9f57-1d3f0e2b7c12",
            "consentReceiptID": "55a8b7c1-f9d2-48d0-a610-2eff4e467bb0",
            "issued": "2026-11-22T10:00:00Z",
            "principal": {"publicKey": key.jwk, "kid": key.kid},
        }
    )
    assert canonical_wire(notice) == _reference(notice.wire())


class _WithFloat(BaseModel):
    amount: float
    name: str


class _WithBigInteger(BaseModel):
    count: int = Field(ge=0)  # no upper bound: could exceed 2^53


class _WithAnyValue(BaseModel):
    extra: dict[str, Any]


class _Nested(BaseModel):
    inner: _WithFloat


@pytest.mark.parametrize("model", [_WithFloat, _WithBigInteger, _WithAnyValue, _Nested])
def test_models_that_could_hold_other_numbers_or_anything_take_the_general_path(
    model: type[BaseModel],
) -> None:
    assert not plain_json_only(model)


def test_the_general_path_still_gives_rfc8785_for_floats_and_refuses_big_integers() -> None:
    document = _WithFloat(amount=1.0, name="x").model_dump(mode="json")
    assert canonical_document_bytes(_WithFloat, document) == b'{"amount":1,"name":"x"}'
    with pytest.raises(InvalidInput, match="safe integer"):
        canonical_document_bytes(_WithBigInteger, {"count": 2**60})
