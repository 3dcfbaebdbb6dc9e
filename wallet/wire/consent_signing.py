"""Signing and verifying consent receipts, disclosures, consent notices and acknowledgements.

Who signs what, and which key verifies it:

* The **receipt** is a compact JWS by the consumer's pairwise key for the vendor; that key is in
  the receipt (``publicKey``), as Kantara foresees. A verifier that knows the key from elsewhere
  (the wallet itself, a vendor that stored it with the first disclosure, an auditor with
  ``vrm-vendor verify --key``) passes it as ``expected_key`` and a receipt naming another key is
  refused. The JWS payload is the receipt: it must be exactly the canonical form (RFC 8785) of
  the JSON object it holds (the signing rule: an absent member stays absent).
* A **disclosure** and a **consent notice** are signed by the same pairwise key.
* An **acknowledgement** is signed by the vendor's pinned key, and a disclosure's acceptance
  carries the vendor's **countersignature**: a JWS by that key whose payload is the receipt's
  canonical bytes.

Every other document follows the signing rule of :mod:`wallet.wire.signing`: the payload is the
canonical form of the object exactly as sent, and a receiver passes that object (``received``).

Every key passes :func:`~wallet.crypto.signing.verifying_key_from_jwk` (small-order points and
malformed keys refused) and every JWS the algorithm allow-list (``none``/HMAC refused).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import (
    SigningKey,
    VerifyingKey,
    unverified_payload,
    verifying_key_from_jwk,
)
from wallet.errors import InvalidInput, SignatureInvalid
from wallet.wire.canonical import canonical_document_bytes, canonical_wire
from wallet.wire.consent import (
    ConsentAcknowledgement,
    ConsentNotice,
    ConsentReceipt,
    Disclosure,
    SignedAcknowledgement,
    SignedConsentNotice,
    SignedDisclosure,
)
from wallet.wire.models import MAX_WIRE_BYTES
from wallet.wire.signing import (
    WireFormatError,
    first_error,
    load_json,
    sent_object,
    validate_wire,
    verify_signed_object,
)


def receipt_bytes(receipt: ConsentReceipt) -> bytes:
    """The canonical bytes both parties sign: RFC 8785 of the receipt's JSON."""
    return canonical_wire(receipt)


def receipt_sha256(canonical: bytes) -> str:
    return hashlib.sha256(canonical).hexdigest()


def _check_signer(key: SigningKey, jwk: dict[str, str], what: str) -> None:
    if key.verifying_key.jwk != jwk:
        raise InvalidInput(f"A {what} is signed by the key it names.")


def sign_receipt(receipt: ConsentReceipt, key: SigningKey) -> tuple[str, bytes]:
    """The receipt as a compact JWS by the pairwise ``key``, and its canonical bytes."""
    _check_signer(key, receipt.publicKey.model_dump(), "consent receipt")
    canonical = receipt_bytes(receipt)
    return key.sign_jws(canonical, header={"typ": "kantara-cr+jws"}), canonical


def read_receipt_unverified(token: str) -> ConsentReceipt:
    """The receipt inside ``token`` WITHOUT checking its signature (to show what failed).

    pydantic parses the JSON itself (a receipt is read for every verification, and the strict
    pre-parse of :func:`load_json` cost three times the parsing). What it lets through is caught
    by :func:`verify_receipt`: a payload with repeated keys or any other spelling is not the
    canonical form, and the model bounds nesting and forbids unknown members.
    """
    payload = unverified_payload(token)
    if len(payload) > MAX_WIRE_BYTES:
        raise WireFormatError(
            f"The consent receipt is {len(payload)} bytes, more than the {MAX_WIRE_BYTES} allowed."
        )
    try:
        return ConsentReceipt.model_validate_json(payload)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        if errors and errors[0]["type"] == "json_invalid":
            raise WireFormatError(
                f"The consent receipt is not valid JSON ({errors[0]['msg']})."
            ) from None
        raise WireFormatError(
            f"This is not a valid consent receipt: {first_error(exc)} "
            f"({exc.error_count()} problem(s) in all)."
        ) from None


def verify_receipt(
    token: str, *, expected_key: VerifyingKey | None = None
) -> tuple[ConsentReceipt, bytes, VerifyingKey]:
    """The receipt, its canonical bytes and its key, if ``token`` is a valid signed receipt.

    The payload is the receipt as sent, so it must be the canonical form of the JSON object it
    holds (members left out stay out: nothing is compared with the model's own dump).
    Raises :class:`WireFormatError` (not a receipt), :class:`SignatureInvalid` or
    :class:`~wallet.errors.InvalidKey` saying what is wrong.
    """
    receipt = read_receipt_unverified(token)
    key = verifying_key_from_jwk(receipt.publicKey.model_dump())
    if expected_key is not None and key.raw != expected_key.raw:
        raise SignatureInvalid(
            f"The receipt names key {key.kid}, not the expected key {expected_key.kid}."
        )
    if receipt.piiPrincipalId != key.kid:
        raise SignatureInvalid("The receipt's piiPrincipalId is not its key's thumbprint.")
    header, payload = key.verify_jws(token)
    if header.get("kid") != key.kid:
        raise SignatureInvalid("The receipt's JWS kid is not the thumbprint of its publicKey.")
    if not _is_canonical_json(payload):
        raise SignatureInvalid("The receipt is signed, but not in its canonical (RFC 8785) form.")
    return receipt, payload, key


def _is_canonical_json(payload: bytes) -> bool:
    """True if ``payload`` is the RFC 8785 form of the JSON it holds (a payload with a repeated
    member, other spacing or order, or no canonical form at all is not)."""
    try:
        return canonical_bytes(json.loads(payload)) == payload
    except (ValueError, RecursionError, InvalidInput):
        return False


def countersign(canonical: bytes, vendor_key: SigningKey) -> str:
    """The vendor's JWS over the receipt's canonical bytes."""
    return vendor_key.sign_jws(canonical, header={"typ": "kantara-cr+jws"})


def verify_countersignature(token: str, canonical: bytes, vendor_key: VerifyingKey) -> None:
    header, payload = vendor_key.verify_jws(token)
    if header.get("kid") not in (None, vendor_key.kid):
        raise SignatureInvalid("The countersignature's kid is not the vendor key's thumbprint.")
    if payload != canonical:
        raise SignatureInvalid("The countersignature covers other bytes than this receipt.")


# ---------------------------------------------------------------------------- envelopes


def sign_disclosure(disclosure: Disclosure, key: SigningKey) -> SignedDisclosure:
    return SignedDisclosure(
        disclosure=disclosure, signature=key.sign_jws(canonical_wire(disclosure))
    )


def signed_disclosure_bytes(disclosure: Disclosure, key: SigningKey) -> bytes:
    """The POST body of :func:`sign_disclosure` (what ``wire_bytes`` of it gives), built from
    the one serialisation that is signed: grants are issued in bulk."""
    document = disclosure.wire()
    signature = key.sign_jws(canonical_document_bytes(Disclosure, document))
    body = {"disclosure": document, "signature": signature}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def verify_signed_disclosure(
    envelope: SignedDisclosure,
    *,
    expected_key: VerifyingKey | None = None,
    received: Mapping[str, Any] | None = None,
) -> tuple[Disclosure, ConsentReceipt, bytes, VerifyingKey]:
    """Check a disclosure: its receipt verifies, it is signed by the receipt's key over the
    ``disclosure`` object as it arrived (``received``, see
    :func:`~wallet.wire.signing.sent_object`), it names that receipt, and it carries only fields
    the receipt's scope covers."""
    disclosure = envelope.disclosure
    receipt, canonical, key = verify_receipt(disclosure.receipt, expected_key=expected_key)
    sent = sent_object(received, disclosure)
    verify_signed_object(key, envelope.signature, sent, what="disclosure")
    if disclosure.consentReceiptID != receipt.consentReceiptID:
        raise SignatureInvalid("The disclosure names another receipt than the one it carries.")
    outside = sorted(set(disclosure.data) - set(receipt.field_keys))
    if outside:
        raise SignatureInvalid(
            f"The disclosure carries fields outside the consent's scope: {', '.join(outside)}."
        )
    return disclosure, receipt, canonical, key


def sign_consent_notice(notice: ConsentNotice, key: SigningKey) -> SignedConsentNotice:
    _check_signer(key, notice.principal.publicKey.model_dump(), "consent notice")
    return SignedConsentNotice(notice=notice, signature=key.sign_jws(canonical_wire(notice)))


def verify_signed_consent_notice(
    envelope: SignedConsentNotice, *, received: Mapping[str, Any] | None = None
) -> tuple[ConsentNotice, str]:
    """The notice and its signer's kid, if signed by the key it names over the ``notice`` object
    as it arrived (``received``; the caller then checks that this kid is the one the consent
    was granted with)."""
    notice = envelope.notice
    key = verifying_key_from_jwk(notice.principal.publicKey.model_dump())
    if key.kid != notice.principal.kid:
        raise SignatureInvalid("The principal kid is not the thumbprint of the principal key.")
    sent = sent_object(received, notice)
    verify_signed_object(key, envelope.signature, sent, what="consent notice")
    return notice, key.kid


def sign_acknowledgement(
    acknowledgement: ConsentAcknowledgement, vendor_key: SigningKey
) -> SignedAcknowledgement:
    _check_signer(vendor_key, acknowledgement.vendor.publicKey.model_dump(), "acknowledgement")
    return SignedAcknowledgement(
        acknowledgement=acknowledgement,
        signature=vendor_key.sign_jws(canonical_wire(acknowledgement)),
    )


def verify_signed_acknowledgement(
    envelope: SignedAcknowledgement,
    pinned_key: VerifyingKey,
    *,
    canonical_receipt: bytes,
    received: Mapping[str, Any] | None = None,
) -> ConsentAcknowledgement:
    """The acknowledgement if the vendor's pinned key signed the ``acknowledgement`` object as
    it arrived (``received``: a ``"countersignature": null`` it sent is a value it signed), it
    is about the receipt with ``canonical_receipt`` bytes, and (for an acceptance) the
    countersignature covers them."""
    acknowledgement = envelope.acknowledgement
    named = verifying_key_from_jwk(acknowledgement.vendor.publicKey.model_dump())
    if named.raw != pinned_key.raw:
        raise SignatureInvalid(
            f"The acknowledgement names vendor key {named.kid}, not the pinned key "
            f"{pinned_key.kid}."
        )
    if acknowledgement.vendor.kid != pinned_key.kid:  # as for an offer's seller
        raise SignatureInvalid("The acknowledgement's vendor kid is not the thumbprint of its key.")
    sent = sent_object(received, acknowledgement)
    verify_signed_object(pinned_key, envelope.signature, sent, what="acknowledgement")
    if acknowledgement.receiptSha256 != receipt_sha256(canonical_receipt):
        raise SignatureInvalid("The acknowledgement is about another receipt.")
    if acknowledgement.countersignature is not None:
        verify_countersignature(acknowledgement.countersignature, canonical_receipt, pinned_key)
    return acknowledgement


def parse_acknowledgement(raw: bytes) -> SignedAcknowledgement:
    """A vendor's answer body as a signed acknowledgement (bounded, strict)."""
    return parse_acknowledgement_received(raw)[0]


def parse_acknowledgement_received(raw: bytes) -> tuple[SignedAcknowledgement, dict[str, Any]]:
    """:func:`parse_acknowledgement`, also returning the answer's JSON object as it arrived
    (its ``acknowledgement`` member is what the signature is checked against)."""
    data = load_json(raw, max_bytes=MAX_WIRE_BYTES, what="acknowledgement")
    if not isinstance(data, dict):
        raise WireFormatError("The acknowledgement is not a JSON object.")
    return validate_wire(data, SignedAcknowledgement, what="signed acknowledgement"), data
