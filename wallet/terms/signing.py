"""Signing and verifying terms versions and agreement records.

Terms are signed over their RFC 8785 canonical bytes, which are the JWS payload itself, so a
vendor checks one thing: the JWS verifies with ``publicKey`` and its payload is the canonical form
of ``document`` whose SHA-256 is ``sha256``. The key in an export is the consumer's own (the
export is self-signed): a vendor that already knows the consumer's ``kid`` passes it as
``expected_kid`` to pin it. An agreement record is verified with the vendor key it names, and the
signature must cover exactly the record's ``{terms_sha256, accepted_at, vendor}``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey, VerifyingKey, verifying_key_from_jwk
from wallet.errors import InvalidInput, SignatureInvalid, WalletError
from wallet.wire.canonical import canonical_wire
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


def verify_signed_terms(signed: SignedTerms, *, expected_kid: str | None = None) -> TermsDocument:
    """The document if ``signed`` is intact and signed by its ``publicKey``.

    Raises :class:`SignatureInvalid` (or :class:`InvalidKey`) saying what does not match.
    """
    key = verifying_key_from_jwk(signed.publicKey.model_dump())
    if key.kid != signed.kid:
        raise SignatureInvalid("The export's kid is not the thumbprint of its publicKey.")
    if expected_kid is not None and key.kid != expected_kid:
        raise SignatureInvalid(
            f"These terms are signed by key {key.kid}, not by the expected key {expected_kid}."
        )
    header, payload = key.verify_jws(signed.signature)
    if header.get("kid") not in (None, key.kid):
        raise SignatureInvalid("The signature's kid does not match the export's key.")
    if payload != canonical_wire(signed.document):
        raise SignatureInvalid("The signature covers a different document than the one exported.")
    if hashlib.sha256(payload).hexdigest() != signed.sha256:
        raise SignatureInvalid("The export's sha256 is not the hash of its canonical document.")
    return signed.document


def verify_agreement(record: AgreementRecord) -> VerifyingKey:
    """The vendor's key if its signature covers exactly this record.

    Raises :class:`SignatureInvalid` or :class:`InvalidKey` otherwise.
    """
    key = verifying_key_from_jwk(record.vendor.publicKey.model_dump())
    header, payload = key.verify_jws(record.signature)
    if header.get("kid") not in (None, key.kid):
        raise SignatureInvalid("The signature's kid is not the vendor key's thumbprint.")
    try:
        signed = json.loads(payload)
    except ValueError:
        raise SignatureInvalid("The signed payload is not JSON.") from None
    try:
        same = canonical_bytes(signed) == canonical_bytes(record.acceptance().model_dump())
    except InvalidInput:
        same = False
    if not same:
        raise SignatureInvalid(
            "The vendor's signature covers a different acceptance (terms hash, time or vendor) "
            "than the record says."
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
    signature = key.sign_jws(canonical_bytes(acceptance.model_dump()), header={"cty": "json"})
    return AgreementRecord(**acceptance.model_dump(), signature=signature)
