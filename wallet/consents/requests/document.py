"""The signed document of a GDPR data-subject request (access, Art. 15; erasure, Art. 17).

:class:`DataSubjectRequest` names what the consumer gave the vendor through the wallet (the field
*labels and keys*, never a value, and the consent receipts with their dates) and is signed as a
compact JWS by the consumer's *pairwise* key for that vendor (the key its consent receipts name),
in a :class:`SignedDataSubjectRequest` (``{request, signature}``, the JWS payload being the
RFC 8785 form of ``request``). The letter and the ``mailto:`` link are rendered from it
(:mod:`wallet.consents.requests.letters`), so a stored request reads the same later.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, model_validator

from wallet.crypto.signing import SigningKey, VerifyingKey, verifying_key_from_jwk
from wallet.errors import InvalidInput, SignatureInvalid
from wallet.wire.canonical import canonical_wire
from wallet.wire.consent import (
    CategoryLabel,
    EpochSeconds,
    FieldKey,
    ReceiptId,
    _ConsentWire,
)
from wallet.wire.models import MAX_WIRE_BYTES, CompactJws, Name, RequesterKey, UrnUuid
from wallet.wire.signing import load_json, sent_object, validate_wire, verify_signed_object
from wallet.wire.terms import LANGUAGES, Language, UtcTimestamp

RequestKind = Literal["access", "erasure"]
KINDS: tuple[RequestKind, ...] = ("access", "erasure")
ARTICLES: dict[RequestKind, Literal[15, 17]] = {"access": 15, "erasure": 17}
TYPES: dict[RequestKind, Literal["DataAccessRequest", "DataErasureRequest"]] = {
    "access": "DataAccessRequest",
    "erasure": "DataErasureRequest",
}
# A request lists at most this many receipts (the newest) and fields: far beyond real use, and
# it keeps the signed document under the wire size limit.
MAX_ITEMS = 1000


class RequestVendor(_ConsentWire):
    """Who the request is addressed to: the vendor and its data controller."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$")]
    name: Name
    controller: Name = Field(description="the controller's legal name (or the vendor's name)")


class RequestedField(_ConsentWire):
    """A field given to the vendor: its key, its label and Kantara category; never its value."""

    key: FieldKey
    label: Name
    piiCategory: CategoryLabel


class ReceiptReference(_ConsentWire):
    """A consent receipt the request is about: its dates and its state when the request was made."""

    consentReceiptID: ReceiptId
    consentTimestamp: EpochSeconds
    validUntil: EpochSeconds
    status: Literal["active", "expired", "revoked"]
    endedAt: EpochSeconds | None = None


class DataSubjectRequest(_ConsentWire):
    """A GDPR data-subject request (access, Art. 15; erasure, Art. 17) issued by the consumer."""

    model_config = ConfigDict(title="DataSubjectRequest")

    type: Literal["DataAccessRequest", "DataErasureRequest"]
    id: UrnUuid
    regulation: Literal["EU 2016/679"] = "EU 2016/679"
    article: Literal[15, 17]
    language: Language
    issued: UtcTimestamp
    vendor: RequestVendor
    fields: list[RequestedField] = Field(default_factory=list, max_length=MAX_ITEMS)
    receipts: list[ReceiptReference] = Field(default_factory=list, max_length=MAX_ITEMS)
    principal: RequesterKey = Field(
        description="the consumer's pairwise key for this vendor, which signs the request"
    )

    @model_validator(mode="after")
    def _consistent(self) -> DataSubjectRequest:
        kind: RequestKind = "access" if self.type == "DataAccessRequest" else "erasure"
        if self.article != ARTICLES[kind]:
            raise ValueError(f"a {self.type} cites Article {ARTICLES[kind]}")
        if kind == "erasure" and not self.receipts:
            raise ValueError("an erasure request names at least one consent receipt")
        keys = [item.key for item in self.fields]
        if len(set(keys)) != len(keys):
            raise ValueError("each field appears once")
        return self

    @property
    def kind(self) -> RequestKind:
        return "access" if self.type == "DataAccessRequest" else "erasure"


class SignedDataSubjectRequest(_ConsentWire):
    """A data-subject request and its JWS by the pairwise key (``principal``)."""

    model_config = ConfigDict(title="SignedDataSubjectRequest")

    request: DataSubjectRequest
    signature: CompactJws


def sign_request(request: DataSubjectRequest, key: SigningKey) -> SignedDataSubjectRequest:
    if key.verifying_key.jwk != request.principal.publicKey.model_dump():
        raise InvalidInput("A data-subject request is signed by the key it names.")
    return SignedDataSubjectRequest(
        request=request, signature=key.sign_jws(canonical_wire(request))
    )


def verify_signed_request(
    envelope: SignedDataSubjectRequest,
    *,
    expected_key: VerifyingKey | None = None,
    received: Mapping[str, Any] | None = None,
) -> DataSubjectRequest:
    """The request, if signed by the key it names (and that is ``expected_key``, if given) over
    exactly the ``request`` object as it arrived (``received``: the signing rule);
    :class:`SignatureInvalid` otherwise."""
    request = envelope.request
    key = verifying_key_from_jwk(request.principal.publicKey.model_dump())
    if key.kid != request.principal.kid:
        raise SignatureInvalid("The principal kid is not the thumbprint of the principal key.")
    if expected_key is not None and key.raw != expected_key.raw:
        raise SignatureInvalid(
            f"The request is signed by key {key.kid}, not the expected key {expected_key.kid}."
        )
    verify_signed_object(
        key,
        envelope.signature,
        sent_object(received, request),
        what="request",
        mismatch="The request signature covers other bytes than the request.",
    )
    return request


def parse_signed_request(raw: bytes) -> SignedDataSubjectRequest:
    """A signed request read from JSON (bounded, strict; the signature is not checked here)."""
    data = load_json(raw, max_bytes=MAX_WIRE_BYTES, what="data-subject request")
    return validate_wire(data, SignedDataSubjectRequest, what="signed data-subject request")


def parse_kind(text: str) -> RequestKind:
    if text not in KINDS:
        raise InvalidInput(
            f"A data-subject request is an access (Art. 15) or erasure (Art. 17) request, "
            f"not {text!r}."
        )
    return text


def parse_language(text: str) -> Language:
    if text not in LANGUAGES:
        raise InvalidInput(
            f"Requests are written in {', '.join(LANGUAGES)} (English, Spanish, Italian), "
            f"not {text!r}."
        )
    return text
