"""Signing and verifying intentions and offers, the signing rule, and bounded parsing of wire JSON.

**The signing rule** (``docs/protocol.md``), the same for every signed document: the JWS payload
is the RFC 8785 canonical form of exactly the JSON object that is sent (an absent member stays
absent; ``null`` is a value). A signer builds the object once (``model.wire()``), signs its
canonical form and sends that same object. A verifier (:func:`verify_signed_object`) checks the
JWS and that the object it *received* (the raw parsed member, e.g. the ``offer`` inside the
envelope as it arrived) canonicalises to exactly the payload; it never re-serialises its own
model (defaults filled in) to compare, so a sender that leaves out a member with a default, or
writes ``null`` where ``null`` is allowed, is understood as it signed. The model is validated as
well, separately.

Which key verifies what is the heart of the protocol:

* **Intentions** are verified with the ``requester`` key *inside* the intention. This is safe
  because that key is not an identity: the wallet makes a fresh key for every intention, and the
  signature only proves "whoever holds this key wrote exactly this intention". Anyone may write an
  intention with their own key (that is what anonymous demand is), but nobody can alter someone
  else's intention without breaking its signature, and replacing the key makes it a different
  requester. Follow-ups about an intention (the webhook signature, withdrawal, acceptance) must be
  signed by the same key, and a vendor binds an intention id to the key it first saw with it, so
  a stranger cannot speak for an intention it did not write.
* **Offers** are verified with the vendor key the wallet *pinned* when it added the vendor (from
  its ``/.well-known/vrm-vendor.json``); an offer whose ``seller`` key is not that key is refused,
  whatever its signature.

Keys always pass :func:`verifying_key_from_raw`, which refuses small-order points (with which a
zero signature verifies for any message); algorithms other than Ed25519 (``none``, HS256...) are
refused by :meth:`VerifyingKey.verify_jws`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import (
    SigningKey,
    VerifyingKey,
    verifying_key_from_jwk,
    verifying_key_from_raw,
)
from wallet.errors import InvalidInput, SignatureInvalid
from wallet.terminal import printable
from wallet.wire.canonical import canonical_wire
from wallet.wire.models import (
    MAX_WIRE_BYTES,
    Intention,
    Offer,
    SellerIdentity,
    SignedIntention,
    SignedOffer,
)

M = TypeVar("M", bound=BaseModel)
MAX_JSON_DEPTH = 32
MAX_SHOWN_NAME = 40


class WireFormatError(InvalidInput):
    """A wire document is too large, not JSON, or not the expected format."""


# ---------------------------------------------------------------------------- parsing


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise WireFormatError(
                f"The JSON repeats the key {_shown(key)}; each key may appear once."
            )
        result[key] = value
    return result


def _depth(value: Any, limit: int) -> int:
    if limit < 0:
        return 0
    if isinstance(value, dict):
        return 1 + max((_depth(item, limit - 1) for item in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(item, limit - 1) for item in value), default=0)
    return 0


def load_json(raw: bytes, *, max_bytes: int = MAX_WIRE_BYTES, what: str = "document") -> Any:
    """``raw`` as JSON, refusing oversize, non-UTF-8, repeated keys and deep nesting."""
    if len(raw) > max_bytes:
        raise WireFormatError(
            f"The {what} is {len(raw)} bytes, more than the {max_bytes} bytes allowed."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise WireFormatError(f"The {what} is not UTF-8 text.") from None
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, WireFormatError):
            raise
        raise WireFormatError(f"The {what} is not valid JSON ({exc}).") from None
    if _depth(value, MAX_JSON_DEPTH + 1) > MAX_JSON_DEPTH:
        raise WireFormatError(f"The {what} nests deeper than {MAX_JSON_DEPTH} levels.")
    return value


def first_error(exc: ValidationError) -> str:
    """The first validation problem as ``field.path: message``."""
    error = exc.errors(include_url=False)[0]
    where = ".".join(_shown(part, quoted=False) for part in error["loc"]) or "(top level)"
    return f"{where}: {error['msg']}"


def _shown(part: object, *, quoted: bool = True) -> str:
    """A member name from the document, escaped and cut short: a message stays one clear line
    whatever a sender puts in its keys (newlines, terminal escapes, 100 kB names)."""
    text = printable(part, max_chars=MAX_SHOWN_NAME)
    return f"'{text}'" if quoted else text


def validate_wire(data: Any, model: type[M], *, what: str | None = None) -> M:
    """``data`` as ``model``, or :class:`WireFormatError` naming the first problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        name = what or model.__name__
        raise WireFormatError(
            f"This is not a valid {name}: {first_error(exc)} "
            f"({exc.error_count()} problem(s) in all)."
        ) from None


def parse_wire(
    raw: bytes, model: type[M], *, max_bytes: int = MAX_WIRE_BYTES, what: str | None = None
) -> M:
    """Bounded JSON parsing then validation against ``model``."""
    name = what or model.__name__
    return validate_wire(load_json(raw, max_bytes=max_bytes, what=name), model, what=name)


def parse_received(
    raw: bytes, model: type[M], *, max_bytes: int = MAX_WIRE_BYTES, what: str | None = None
) -> tuple[M, dict[str, Any]]:
    """:func:`parse_wire` that also returns the JSON object as it arrived, which a verifier
    checks the signatures against (the signing rule)."""
    name = what or model.__name__
    data = load_json(raw, max_bytes=max_bytes, what=name)
    return validate_wire(data, model, what=name), data


def wire_bytes(model: BaseModel) -> bytes:
    """Compact UTF-8 JSON of a wire model as sent over HTTP: its ``wire()`` object, the one its
    signatures cover (aliases applied; absent members left out where the format says so)."""
    wire = getattr(model, "wire", None)
    data = wire() if callable(wire) else model.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# ---------------------------------------------------------------------------- signatures


def verify_signed_object(
    key: VerifyingKey, signature: str, received: Any, *, what: str, mismatch: str = ""
) -> bytes:
    """The signing rule, verifier side: ``signature`` is a JWS by ``key`` (its ``kid``, if given,
    the key's thumbprint) whose payload is exactly the RFC 8785 form of ``received``, the JSON
    object as it arrived. Returns that payload (the document's canonical bytes, to hash).

    Raises :class:`SignatureInvalid` (``mismatch``, if given, says how the payload differs; a
    received object without a canonical form, e.g. two member names equal once NFC-normalised,
    is refused the same way, as not what was signed).
    """
    header, payload = key.verify_jws(signature)
    if header.get("kid") not in (None, key.kid):
        raise SignatureInvalid(f"The {what} signature's kid is not the signing key's thumbprint.")
    try:
        sent = canonical_bytes(received)
    except InvalidInput as exc:
        raise SignatureInvalid(f"The {what} cannot be signed as it is: {exc}") from None
    if payload != sent:
        raise SignatureInvalid(
            mismatch
            or f"The {what} signature covers different bytes than the canonical form of the "
            f"{what} sent with it."
        )
    return payload


def sent_object(received: Mapping[str, Any] | None, document: BaseModel) -> Any:
    """What a signature over ``document`` must cover: ``received``, the object as it arrived,
    or, for a document built in this process (``received`` is None), the object its signer
    sends, ``document.wire()``. Every receiver passes ``received``."""
    if received is not None:
        return received
    return document.wire()  # type: ignore[attr-defined]


def sign_intention(intention: Intention, key: SigningKey) -> SignedIntention:
    """Sign ``intention`` with its own fresh key (whose public half is its ``requester``)."""
    if key.verifying_key.jwk != intention.requester.publicKey.model_dump():
        raise InvalidInput("An intention is signed by the key named in its requester field.")
    payload = canonical_wire(intention)
    return SignedIntention(intention=intention, signature=key.sign_jws(payload))


def verify_signed_intention(
    envelope: SignedIntention, *, received: Mapping[str, Any] | None = None
) -> Intention:
    """The intention if its JWS verifies with its own ``requester`` key over the canonical form
    of ``received``, the ``intention`` object as it arrived (see :func:`sent_object`).

    Raises :class:`SignatureInvalid` or :class:`~wallet.errors.InvalidKey` saying what is wrong.
    """
    return verify_signed_intention_canonical(envelope, received=received)[0]


def verify_signed_intention_canonical(
    envelope: SignedIntention, *, received: Mapping[str, Any] | None = None
) -> tuple[Intention, bytes]:
    """:func:`verify_signed_intention`, also returning the intention's canonical bytes.

    A receiver that hashes the intention (to recognise it again) reuses these bytes instead of
    canonicalising it a second time.
    """
    intention = envelope.intention
    key = requester_key(intention)
    sent = sent_object(received, intention)
    canonical = verify_signed_object(key, envelope.signature, sent, what="intention")
    return intention, canonical


def requester_key(intention: Intention) -> VerifyingKey:
    """The intention's checked requester key (refuses bad and small-order keys, kid mismatch)."""
    key = verifying_key_from_jwk(intention.requester.publicKey.model_dump())
    if key.kid != intention.requester.kid:
        raise SignatureInvalid("The requester kid is not the thumbprint of the requester key.")
    return key


def check_seller_key(key: SigningKey, seller: SellerIdentity) -> None:
    """Refuse to sign offers naming ``seller`` with any key but the one ``seller`` names."""
    if key.verifying_key.jwk != seller.publicKey.model_dump():
        raise InvalidInput("An offer is signed by the key named in its seller field.")


def sign_offer(offer: Offer, key: SigningKey) -> SignedOffer:
    """Sign ``offer`` with the vendor's key (the one its ``seller`` field names)."""
    check_seller_key(key, offer.seller)
    payload = canonical_wire(offer)
    return SignedOffer(offer=offer, signature=key.sign_jws(payload))


def verify_signed_offer(
    envelope: SignedOffer, pinned_key: VerifyingKey, *, received: Mapping[str, Any] | None = None
) -> Offer:
    """The offer if it is signed by ``pinned_key`` (the vendor key pinned on first use) over the
    canonical form of ``received``, the ``offer`` object as it arrived (see :func:`sent_object`).

    Refuses an offer whose ``seller`` key is not the pinned key, a small-order or malformed key,
    a JWS with another algorithm, and a signature over anything but the offer as sent.
    """
    offer = envelope.offer
    pinned = verifying_key_from_raw(pinned_key.raw)  # re-checked: a VerifyingKey can be built raw
    seller = verifying_key_from_jwk(offer.seller.publicKey.model_dump())
    if seller.raw != pinned.raw:
        raise SignatureInvalid(
            f"The offer names seller key {seller.kid}, not the vendor's pinned key {pinned.kid}."
        )
    if offer.seller.kid != pinned.kid:
        raise SignatureInvalid("The offer's seller kid is not the thumbprint of its key.")
    verify_signed_object(pinned, envelope.signature, sent_object(received, offer), what="offer")
    return offer
