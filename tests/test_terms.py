"""The consumer's terms: catalogue, canonical hashing, signatures (checked with jwcrypto, an
independent JOSE library), validation, versions, rendering, agreements and the activity log."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata

import pytest
import rfc8785
from jwcrypto import jwk as jwcrypto_jwk
from jwcrypto import jws as jwcrypto_jws

from wallet import activity
from wallet.crypto.canonical import canonical_sha256
from wallet.crypto.signing import b64url, generate_signing_key
from wallet.errors import InvalidInput, NotFound, SignatureInvalid
from wallet.terms import (
    LANGUAGES,
    AgreementRecord,
    AgreementRefused,
    ClauseChoice,
    SignedTerms,
    TermsBook,
    load_catalogue,
    render_draft,
    sign_agreement,
    verify_signed_terms,
)
from wallet.vault.facade import Vault
from wallet.wire.terms import PublicJwk

ALL_CLAUSES = [ClauseChoice(clause.id) for clause in load_catalogue().clauses]
FREE_TEXT = "Tell me before any price change, por favor"


def compose(book: TermsBook, **days: int) -> None:
    book.compose(
        [
            ClauseChoice("CC-NO-TRACKING"),
            ClauseChoice("CC-RETENTION-DAYS", {"days": days.get("days", 30)}),
            ClauseChoice.free(FREE_TEXT),
        ],
        language="en",
    )


def jwcrypto_payload(signed: dict[str, object], token: str | None = None) -> bytes:
    """Verify with jwcrypto and the exported publicKey only; returns the payload."""
    key = jwcrypto_jwk.JWK(**signed["publicKey"])  # type: ignore[arg-type]
    jws_token = jwcrypto_jws.JWS()
    jws_token.deserialize(token or str(signed["signature"]))
    jws_token.verify(key)
    return bytes(jws_token.payload)


# ---------------------------------------------------------------------------- canonical form


def test_hash_is_stable_across_key_order_and_unicode_forms() -> None:
    text = "Café señor naïve"
    one = {"b": 1.0, "a": unicodedata.normalize("NFC", text), "c": {"y": [1, 2], "x": None}}
    decomposed = unicodedata.normalize("NFD", text)
    two = json.loads('{"c": {"x": null, "y": [1, 2]}, "a": "' + decomposed + '", "b": 1}')
    assert unicodedata.normalize("NFD", text) != unicodedata.normalize("NFC", text)
    assert canonical_sha256(one) == canonical_sha256(two)
    assert canonical_sha256(one) != canonical_sha256({**one, "b": 2})


def test_free_text_is_stored_nfc_so_plain_rfc8785_finds_the_same_hash(vault: Vault) -> None:
    book = TermsBook(vault)
    saved = book.compose([ClauseChoice.free(unicodedata.normalize("NFD", "Niño"))], language="es")
    wire = saved.document.wire()
    assert hashlib.sha256(rfc8785.dumps(wire)).hexdigest() == saved.sha256


# ---------------------------------------------------------------------------- signatures


def test_export_verifies_with_jwcrypto_and_fails_after_any_byte_change(vault: Vault) -> None:
    book = TermsBook(vault)
    compose(book)
    signed = json.loads(book.export().model_dump_json())
    payload = jwcrypto_payload(signed)
    assert payload == rfc8785.dumps(signed["document"])
    assert hashlib.sha256(payload).hexdigest() == signed["sha256"]
    assert verify_signed_terms(SignedTerms.model_validate(signed)).version == 1

    header, body, signature = signed["signature"].split(".")
    raw_body = base64.urlsafe_b64decode(body + "==")
    raw_signature = base64.urlsafe_b64decode(signature + "==")
    for position in (0, len(raw_body) // 2, len(raw_body) - 1):
        changed = bytearray(raw_body)
        changed[position] ^= 0x01
        with pytest.raises(jwcrypto_jws.InvalidJWSSignature):
            jwcrypto_payload(signed, f"{header}.{b64url(bytes(changed))}.{signature}")
    for position in (0, 31, 63):
        changed = bytearray(raw_signature)
        changed[position] ^= 0x01
        with pytest.raises(jwcrypto_jws.InvalidJWSSignature):
            jwcrypto_payload(signed, f"{header}.{body}.{b64url(bytes(changed))}")


def test_our_verifier_refuses_an_edited_document_hash_or_foreign_key(vault: Vault) -> None:
    book = TermsBook(vault)
    compose(book)
    signed = book.export()
    edited = signed.model_copy(
        update={"document": signed.document.model_copy(update={"language": "it"})}
    )
    with pytest.raises(SignatureInvalid, match="different document"):
        verify_signed_terms(edited)
    with pytest.raises(SignatureInvalid, match="sha256"):
        verify_signed_terms(signed.model_copy(update={"sha256": "0" * 64}))
    with pytest.raises(SignatureInvalid, match="expected key"):
        verify_signed_terms(signed, expected_kid=generate_signing_key().kid)
    other = PublicJwk.model_validate(generate_signing_key().verifying_key.jwk)
    with pytest.raises(SignatureInvalid):
        verify_signed_terms(
            signed.model_copy(update={"publicKey": other, "kid": generate_signing_key().kid})
        )


# ---------------------------------------------------------------------------- validation


def test_negative_retention_is_refused_with_the_allowed_range(vault: Vault) -> None:
    book = TermsBook(vault)
    with pytest.raises(InvalidInput, match=r"CC-RETENTION-DAYS: days must be .* from 1 to 3650"):
        book.compose([ClauseChoice("CC-RETENTION-DAYS", {"days": -5})], language="en")
    assert book.versions() == []


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (ClauseChoice("CC-DOES-NOT-EXIST"), "Unknown clause id 'CC-DOES-NOT-EXIST'"),
        (ClauseChoice("CC-RETENTION-DAYS", {"weeks": 2}), "has no parameter 'weeks'"),
        (ClauseChoice("CC-RETENTION-DAYS", {"days": "ten"}), "whole number"),
        (ClauseChoice("CC-DATA-REGION", {"region": "MARS"}), "one of EEA"),
        (ClauseChoice.free("   "), "free-text clause is empty"),
    ],
)
def test_bad_clauses_are_refused_clearly(choice: ClauseChoice, message: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(message)):
        render_draft([choice], "en", load_catalogue())


def test_a_clause_picked_twice_and_empty_terms_are_refused() -> None:
    catalogue = load_catalogue()
    with pytest.raises(InvalidInput, match="picked twice"):
        render_draft(
            [ClauseChoice("CC-NO-TRACKING"), ClauseChoice("cc-no-tracking")], "en", catalogue
        )
    with pytest.raises(InvalidInput, match="at least one clause"):
        render_draft([], "en", catalogue)


# ---------------------------------------------------------------------------- versions


def test_versions_are_kept_and_older_ones_still_read_and_verify(vault: Vault) -> None:
    book = TermsBook(vault)
    compose(book, days=30)
    first = book.export(1)
    compose(book, days=90)
    assert [v.version for v in book.versions()] == [1, 2]
    assert book.latest() is not None and book.latest().version == 2  # type: ignore[union-attr]
    again = book.export(1)
    assert again == first
    assert verify_signed_terms(again).clauses[1].params == {"days": 30}  # type: ignore[union-attr]
    assert verify_signed_terms(book.export(2)).clauses[1].params == {"days": 90}  # type: ignore[union-attr]
    assert book.version(1).kid == book.version(2).kid  # one "terms" key, made on first use
    lines = book.diff(1, 2).describe(book.catalogue())
    assert lines == ["~ CC-RETENTION-DAYS (Retention limit): days 30 → 90"]
    with pytest.raises(NotFound, match="no terms version 7"):
        book.version(7)


def test_every_clause_renders_in_every_language_without_placeholders(vault: Vault) -> None:
    book = TermsBook(vault)
    book.compose([*ALL_CLAUSES, ClauseChoice.free(FREE_TEXT)], language="en")
    texts = {language: book.render(1, language) for language in LANGUAGES}
    for language, text in texts.items():
        assert not re.search(r"\{\w*\}", text), language
        assert FREE_TEXT in text
        assert "90" in text  # the retention default
    assert "conservazione" in texts["it"] and "conservación" in texts["es"]
    assert len(set(texts.values())) == 3


# ---------------------------------------------------------------------------- agreements


def test_a_validly_signed_agreement_is_stored(vault: Vault) -> None:
    book = TermsBook(vault)
    compose(book)
    version = book.latest()
    assert version is not None
    record = sign_agreement(
        generate_signing_key(), terms_sha256=version.sha256, vendor_id="shop-1", vendor_name="Shop"
    )
    stored = book.store_agreement(record.model_dump_json())
    assert stored.terms_version == 1
    assert book.store_agreement(record).id == stored.id  # the same record is kept once
    [listed] = book.agreements()
    assert listed.record == record and listed.terms_version == 1


def _refused(vault: Vault, record: AgreementRecord | dict[str, object], match: str) -> None:
    with pytest.raises(AgreementRefused, match=match):
        TermsBook(vault).store_agreement(record)
    entry = vault.activity_page(limit=1)[0]
    assert entry.type == activity.AGREEMENT_REFUSED
    assert entry.result == activity.NOT_COMPLETED


def test_agreements_with_a_wrong_key_tampering_or_unknown_hash_are_refused(vault: Vault) -> None:
    book = TermsBook(vault)
    compose(book)
    sha = book.versions()[0].sha256
    vendor_key, stranger = generate_signing_key(), generate_signing_key()
    good = sign_agreement(vendor_key, terms_sha256=sha, vendor_id="v", vendor_name="Vendor")
    wrong_key = good.model_copy(
        update={
            "vendor": good.vendor.model_copy(
                update={"publicKey": PublicJwk.model_validate(stranger.verifying_key.jwk)}
            )
        }
    )
    _refused(vault, wrong_key, "signature does not verify")
    _refused(vault, good.model_copy(update={"accepted_at": "2020-01-01T00:00:00Z"}), "different")
    unknown = sign_agreement(vendor_key, terms_sha256="a" * 64, vendor_id="v", vendor_name="V")
    _refused(vault, unknown, "none of your saved versions")
    _refused(vault, {"vendor": {"name": "Junk"}}, "not a valid agreement record")
    assert book.agreements() == []


def test_an_agreement_from_a_small_order_key_is_refused(vault: Vault) -> None:
    book = TermsBook(vault)
    compose(book)
    sha = book.versions()[0].sha256
    identity = b64url(bytes([1]) + bytes(31))  # the identity point: (R=identity, S=0) "verifies"
    vendor = {
        "id": "evil",
        "name": "Evil",
        "publicKey": {"kty": "OKP", "crv": "Ed25519", "x": identity},
    }
    acceptance = {"terms_sha256": sha, "accepted_at": "2025-01-01T00:00:00Z", "vendor": vendor}
    header = b64url(json.dumps({"alg": "Ed25519"}).encode())
    forged = f"{header}.{b64url(rfc8785.dumps(acceptance))}.{b64url(bytes([1]) + bytes(63))}"
    _refused(vault, {**acceptance, "signature": forged}, "small-order")


# ---------------------------------------------------------------------------- activity log


def test_saves_and_exports_are_logged_with_names_never_values(vault: Vault) -> None:
    book = TermsBook(vault)
    compose(book, days=3217)
    book.export(1)
    entries = {entry.type: entry for entry in vault.activity_page()}
    saved, exported = entries[activity.TERMS_SAVED], entries[activity.TERMS_EXPORTED]
    assert saved.field_names == ("CC-NO-TRACKING", "CC-RETENTION-DAYS", "free text")
    assert saved.reason == "version 1" and exported.reason == "version 1"
    for entry in vault.activity_page():
        flat = json.dumps([entry.party, list(entry.field_names), entry.reason])
        assert "3217" not in flat and "por favor" not in flat
    assert vault.verify_activity().ok
