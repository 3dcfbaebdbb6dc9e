"""Signing and verifying terms versions and agreement records.

Both follow the signing rule (:mod:`wallet.wire.signing`): the JWS payload is the RFC 8785 form
of exactly the JSON object that is sent, and a verifier compares it with the object it received,
never with its own model's dump. Terms: the JWS verifies with ``publicKey`` and its payload is the
canonical form of the ``document`` object as it arrived, whose SHA-256 is ``sha256``. The key in
an export is the consumer's own (the export is self-signed): a vendor that already knows the
consumer's ``kid`` passes it as ``expected_kid`` to pin it. An agreement record is verified with
the vendor key it names, and the signature must cover exactly the record as it arrived without
its ``signature`` member: ``{terms_sha256, accepted_at, vendor}``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey, VerifyingKey, verifying_key_from_jwk
from wallet.errors import SignatureInvalid, WalletError
from wallet.wire.canonical import canonical_wire
from wallet.wire.signing import verify_signed_object
from wallet.wire.terms import (
    Acceptance,
    AgreementRecord,
    PublicJwk,
    SignedTerms,
    TermsDocument,
    Vendor,
    utc_timestamp,
)


class AgreementRefused(WalletError):
    """An agreement record was not stored: bad signature, bad key, or terms we never issued."""


@dataclass(frozen=True, slots=True)
class SignedDocument:
    canonical: bytes
    sha256: str
    signature: str
    kid: str


def sign_document(document: TermsDocument, key: SigningKey) -> SignedDocument:
    canonical = canonical_wire(document)
    signature = key.sign_jws(canonical, header={"cty": "json"})
    return SignedDocument(canonical, hashlib.sha256(canonical).hexdigest(), signature, key.kid)


def verify_signed_terms(
    signed: SignedTerms,
    *,
    expected_kid: str | None = None,
    received: Mapping[str, Any] | None = None,
) -> TermsDocument:
    """The document if ``signed`` is intact and signed by its ``publicKey``.

    ``received`` is the ``document`` object as it arrived (the export read from a file or a
    request); without it ``signed`` must have been built here, and its document's own JSON
    (``wire()``) is what was signed. Raises :class:`SignatureInvalid` (or :class:`InvalidKey`)
    saying what does not match.
    """
    key = verifying_key_from_jwk(signed.publicKey.model_dump())
    if key.kid != signed.kid:
        raise SignatureInvalid("The export's kid is not the thumbprint of its publicKey.")
    if expected_kid is not None and key.kid != expected_kid:
        raise SignatureInvalid(
            f"These terms are signed by key {key.kid}, not by the expected key {expected_kid}."
        )
    sent = received if received is not None else signed.document.wire()
    payload = verify_signed_object(
        key,
        signed.signature,
        sent,
        what="terms",
        mismatch="The signature covers a different document than the one exported.",
    )
    if hashlib.sha256(payload).hexdigest() != signed.sha256:
        raise SignatureInvalid("The export's sha256 is not the hash of its canonical document.")
    return signed.document


def verify_agreement(
    record: AgreementRecord, *, received: Mapping[str, Any] | None = None
) -> VerifyingKey:
    """The vendor's key if its signature covers exactly this record.

    ``received`` is the record's JSON object as it arrived; the signature covers it without its
    ``signature`` member. Without it ``record`` must have been built here (its acceptance's own
    JSON is what was signed). Raises :class:`SignatureInvalid` or :class:`InvalidKey` otherwise.
    """
    key = verifying_key_from_jwk(record.vendor.publicKey.model_dump())
    if received is not None:
        sent = {name: value for name, value in received.items() if name != "signature"}
    else:
        sent = record.acceptance().model_dump(mode="json")
    verify_signed_object(
        key,
        record.signature,
        sent,
        what="agreement",
        mismatch="The vendor's signature covers a different acceptance (terms hash, time or "
        "vendor) than the record says.",
    )
    return key


def sign_agreement(
    key: SigningKey,
    *,
    terms_sha256: str,
    vendor_id: str,
    vendor_name: str,
    accepted_at: str | None = None,
) -> AgreementRecord:
    """A vendor's acceptance of ``terms_sha256`` signed with ``key`` (the vendor kit's side)."""
    acceptance = Acceptance(
        terms_sha256=terms_sha256,
        accepted_at=accepted_at or utc_timestamp(),
        vendor=Vendor(
            id=vendor_id,
            name=vendor_name,
            publicKey=PublicJwk.model_validate(key.verifying_key.jwk),
        ),
    )
    sent = acceptance.model_dump(mode="json")  # the record's members but its signature, as sent
    signature = key.sign_jws(canonical_bytes(sent), header={"cty": "json"})
    return AgreementRecord.model_validate({**sent, "signature": signature})
