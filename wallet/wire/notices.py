"""Follow-up notices about an intention: withdrawn, offer accepted, offer declined, and the
person's acceptance of a vendor's counter-offer (``TermsAccepted``, with ``termsAcceptance``).

A notice is ``{"notice": {...}, "signature": "<compact JWS>"}``. It is signed by the intention's
own requester key (the same key as the intention and its webhook signature) and names that key,
so a vendor checks both that the JWS verifies and that the key is the one it bound to the
intention id when the intention arrived: only whoever wrote an intention can withdraw it or
decide on its offers. It carries no personal data: ids, the decision and a time (and, for
``TermsAccepted``, the person's terms key and signature over the counter terms).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from wallet.crypto.signing import SigningKey, VerifyingKey, verifying_key_from_jwk
from wallet.errors import InvalidInput, SignatureInvalid
from wallet.wire.canonical import canonical_wire
from wallet.wire.models import CompactJws, Kid, RequesterKey, UrnUuid, _Wire
from wallet.wire.signing import sent_object, verify_signed_object
from wallet.wire.terms import Omittable, PublicJwk, Sha256Hex, UtcTimestamp, _absent

NoticeType = Literal["IntentionWithdrawn", "OfferAccepted", "OfferDeclined", "TermsAccepted"]


class CounterAcceptance(_Wire):
    """The person's signed acceptance of the counter-offer in ``offer``: their compact JWS (header
    ``cty`` ``json``) by their terms key over the RFC 8785 form of the counter terms document the
    vendor sent, and that document's hash (the vendor's half is its own agreement record)."""

    sha256: Sha256Hex = Field(description="SHA-256 of the RFC 8785 form of the counter terms")
    signature: CompactJws = Field(description="the person's JWS over the counter terms")
    publicKey: PublicJwk = Field(description="the person's terms key")
    kid: Kid


class IntentionNotice(_Wire):
    """What the consumer decided about an intention (and, for decisions, which offer)."""

    model_config = ConfigDict(title="IntentionNotice")

    type: NoticeType
    intention: UrnUuid
    offer: UrnUuid | None = Field(default=None, description="the offer decided on (decisions)")
    issued: UtcTimestamp
    requester: RequesterKey
    termsAcceptance: Omittable[CounterAcceptance] = Field(
        default=None,
        description="TermsAccepted only: the person's acceptance of the offer's counter-offer",
        exclude_if=_absent,
    )

    @model_validator(mode="after")
    def _offer_for_decisions(self) -> IntentionNotice:
        if (self.type == "IntentionWithdrawn") != (self.offer is None):
            raise ValueError("decisions name an offer; a withdrawal does not")
        if (self.type == "TermsAccepted") != (self.termsAcceptance is not None):
            raise ValueError("a TermsAccepted notice, and only it, carries termsAcceptance")
        return self


class SignedNotice(_Wire):
    """A notice and its JWS by the intention's requester key: the POSTed body."""

    model_config = ConfigDict(title="SignedNotice")

    notice: IntentionNotice
    signature: CompactJws


def sign_notice(notice: IntentionNotice, key: SigningKey) -> SignedNotice:
    """Sign ``notice`` with the intention's key (the one its ``requester`` names)."""
    if key.verifying_key.jwk != notice.requester.publicKey.model_dump():
        raise InvalidInput("A notice is signed by the intention's own requester key.")
    return SignedNotice(notice=notice, signature=key.sign_jws(canonical_wire(notice)))


def notice_key(notice: IntentionNotice) -> VerifyingKey:
    """The notice's checked requester key (refuses bad and small-order keys, kid mismatch)."""
    key = verifying_key_from_jwk(notice.requester.publicKey.model_dump())
    if key.kid != notice.requester.kid:
        raise SignatureInvalid("The requester kid is not the thumbprint of the requester key.")
    return key


def verify_signed_notice(
    envelope: SignedNotice, *, received: Mapping[str, Any] | None = None
) -> IntentionNotice:
    """The notice if its JWS verifies with its requester key over the canonical form of
    ``received``, the ``notice`` object as it arrived (the signing rule; see
    :func:`~wallet.wire.signing.sent_object`)."""
    key = notice_key(envelope.notice)
    sent = sent_object(received, envelope.notice)
    verify_signed_object(key, envelope.signature, sent, what="notice")
    return envelope.notice
