"""GDPR data-subject requests (Art. 15 access, Art. 17 erasure): letters in three languages,
mailto links, signed JSON checked with an independent JOSE library, storage and the log."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import jsonschema
import pytest
import rfc8785
from jwcrypto import jwk as jwcrypto_jwk
from jwcrypto import jws as jwcrypto_jws
from jwcrypto.common import JWException

from tests.webhook_servers import closed_port
from wallet.consents import ConsentBook, GrantRequest
from wallet.consents.requests import (
    DataRequestBook,
    DataRequestRecord,
    letter_body,
    long_date,
    parse_signed_request,
    verify_signed_request,
)
from wallet.consents.requests.texts import letter_texts
from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.errors import InvalidInput, NotFound, SignatureInvalid
from wallet.schemas import schema_path
from wallet.vault.facade import Vault
from wallet.vendors.directory import VendorDirectory, parse_metadata
from wallet.wire.terms import LANGUAGES, Language

VENDOR_ID = "fixture-books"
VALUES = {"email": "quokka.ann@example.org", "postal_address": "7 Wombat Lane, Springfield"}
LABELS: dict[Language, dict[str, str]] = {
    "en": {"email": "Email address", "postal_address": "Postal address"},
    "es": {"email": "Dirección de correo electrónico", "postal_address": "Dirección postal"},
    "it": {"email": "Indirizzo email", "postal_address": "Indirizzo postale"},
}
# What each language must cite: the right's article, and the other provisions the letter uses.
CITATIONS: dict[Language, dict[str, tuple[str, ...]]] = {
    "en": {
        "access": ("Article 15", "Article 15(1)", "Article 15(3)", "Article 12(3)"),
        "erasure": ("Article 17", "Article 17(1)(b)", "Article 7(3)", "Article 12(3)"),
    },
    "es": {
        "access": ("artículo 15", "artículo 15, apartado 1", "artículo 12, apartado 3"),
        "erasure": ("artículo 17", "artículo 17, apartado 1, letra b)", "artículo 7, apartado 3"),
    },
    "it": {
        "access": ("articolo 15", "articolo 15, paragrafo 1", "articolo 12, paragrafo 3"),
        "erasure": (
            "articolo 17",
            "articolo 17, paragrafo 1, lettera b)",
            "articolo 7, paragrafo 3",
        ),
    },
}
ONE_MONTH = {"en": "within one month", "es": "en el plazo de un mes", "it": "entro un mese"}


def add_offline_vendor(
    vault: Vault,
    *,
    vendor_id: str = VENDOR_ID,
    name: str = "Fixture Books",
    contact: str = "privacy@fixture-books.example",
    controller: dict[str, Any] | None = None,
    key: SigningKey | None = None,
) -> str:
    """A vendor whose consent and revocation inboxes are on a loopback port nobody listens on:
    grants work (the disclosure waits in the outbox), nothing is ever delivered."""
    base = f"http://127.0.0.1:{closed_port()}"
    document: dict[str, Any] = {
        "type": "VrmVendor",
        "version": 1,
        "id": vendor_id,
        "name": name,
        "publicKey": (key or generate_signing_key()).verifying_key.jwk,
        "inbox": {
            "intentions": f"{base}/inbox/intentions",
            "offers": f"{base}/inbox/offers",
            "consents": f"{base}/inbox/consents",
            "revocations": f"{base}/inbox/revocations",
        },
        "categories": ["books", "shoes"],
        "policyUrl": f"{base}/privacy",
        "contact": contact,
    }
    if controller is not None:
        document["controller"] = controller
    url = f"{base}/.well-known/vrm-vendor.json"
    return VendorDirectory(vault).add(parse_metadata(document, url=url)).vendor.id


def fill(vault: Vault) -> None:
    for key, value in VALUES.items():
        vault.fields.set(key, value)


@pytest.fixture
def granted(vault: Vault) -> tuple[str, str]:
    """Two consents to the vendor: one revoked (email, postal address), one active (email)."""
    fill(vault)
    add_offline_vendor(vault)
    book = ConsentBook(vault)
    first = book.grant(
        GrantRequest(vendor_id=VENDOR_ID, field_keys=("email", "postal_address"), purposes=(2, 3))
    )
    book.revoke(first.id)
    second = book.grant(
        GrantRequest(vendor_id=VENDOR_ID, field_keys=("email",), purposes=(2,), days=30)
    )
    return first.id, second.id


def assert_no_values(text: str) -> None:
    for value in VALUES.values():
        assert value not in text
        assert value.split("@")[0] not in text and "Wombat" not in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["access", "erasure"])
def test_letters_cite_the_law_and_name_fields_and_receipts_never_values(
    vault: Vault, granted: tuple[str, str], language: Language, kind: str
) -> None:
    record = DataRequestBook(vault).create(VENDOR_ID, kind, language=language)
    text = record.text()
    for citation in CITATIONS[language][kind]:
        assert citation in text, citation
    assert ONE_MONTH[language] in text  # Art. 12(3)
    assert "Fixture Books" in text
    for key, label in LABELS[language].items():  # standard fields in the letter's language
        assert f"{label} ({key})" in text
    consents = ConsentBook(vault).list(vendor_id=VENDOR_ID)
    for consent in consents:
        assert consent.id in text
        assert long_date(datetime.fromtimestamp(consent.row.granted_at, UTC), language) in text
    assert record.request.principal.kid in text
    assert_no_values(text)
    assert not re.search(r"[{}]", text), "a placeholder was left in the letter"
    assert text.startswith(
        {"en": "Subject: ", "es": "Asunto: ", "it": "Oggetto: "}[language] + record.subject()
    )


def test_every_language_has_every_piece_of_the_letter() -> None:
    texts = {language: letter_texts(language).pieces for language in LANGUAGES}
    for language in LANGUAGES:
        assert set(texts[language]) == set(texts["en"]), language
        assert all(text.strip() for text in texts[language].values()), language


def test_the_revoked_consent_is_dated_as_withdrawn(vault: Vault, granted: tuple[str, str]) -> None:
    revoked, active = granted
    text = DataRequestBook(vault).create(VENDOR_ID, "erasure", language="es").text()
    assert re.search(rf"{revoked}, otorgado el .*, retirado el ", text)
    assert re.search(rf"{active}, otorgado el .*, vigente hasta el ", text)


def test_mailto_is_a_valid_url_with_encoded_subject_and_body(
    vault: Vault, granted: tuple[str, str]
) -> None:
    record = DataRequestBook(vault).create(VENDOR_ID, "erasure", language="it")
    link = record.mailto()
    assert re.fullmatch(r"mailto:[A-Za-z0-9%@._~?=&-]+", link), "unencoded characters"
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    assert parts.path == "privacy@fixture-books.example"
    query = parse_qs(parts.query, strict_parsing=True)
    assert set(query) == {"subject", "body"}
    assert query["subject"] == [record.subject()]
    assert query["body"] == [letter_body(record.request).replace("\n", "\r\n")]  # RFC 6068
    assert "%0D%0A" in link and "%C3%A8" in link  # CRLF line breaks; UTF-8 for "è"
    assert_no_values(unquote(link))


def test_mailto_goes_to_the_controller_email_or_leaves_the_recipient_empty(
    vault: Vault,
) -> None:
    fill(vault)
    add_offline_vendor(
        vault,
        vendor_id="shop-a",
        name="Shop A",
        contact="https://shop-a.example/contact",
        controller={"legalName": "Shop A S.r.l.", "email": "dpo+eu@shop-a.example"},
    )
    add_offline_vendor(vault, vendor_id="shop-b", contact="https://shop-b.example/contact")
    book = DataRequestBook(vault)
    first = book.create("shop-a", "access")
    assert first.mailto().startswith("mailto:dpo%2Beu@shop-a.example?subject=")
    assert urlsplit(first.mailto()).path == "dpo%2Beu@shop-a.example"
    assert unquote(urlsplit(first.mailto()).path) == "dpo+eu@shop-a.example"
    assert "To: Shop A S.r.l. (Shop A)," in first.text()
    second = book.create("shop-b", "access", language="es")
    assert second.email == "" and second.contact == "https://shop-b.example/contact"
    assert second.mailto().startswith("mailto:?subject=Solicitud%20de%20acceso")


def _jwcrypto_verify(token: str, public_jwk: dict[str, str]) -> tuple[dict[str, Any], bytes]:
    """The protected header and payload, if jwcrypto verifies ``token`` with ``public_jwk``."""
    verifier = jwcrypto_jws.JWS()
    verifier.deserialize(token)
    verifier.verify(jwcrypto_jwk.JWK(**public_jwk), alg="Ed25519")
    return dict(verifier.jose_header), bytes(verifier.payload)


def test_signed_json_verifies_with_jwcrypto_and_fails_after_a_byte_change(
    vault: Vault, granted: tuple[str, str]
) -> None:
    record = DataRequestBook(vault).create(VENDOR_ID, "erasure", language="en")
    envelope = json.loads(record.signed_json())
    request = envelope["request"]
    jsonschema.validate(request, json.loads(schema_path("data-subject-request").read_text()))
    assert request["type"] == "DataErasureRequest" and request["article"] == 17
    assert [f["key"] for f in request["fields"]] == ["email", "postal_address"]
    assert {r["consentReceiptID"] for r in request["receipts"]} == set(granted)
    assert_no_values(record.signed_json())

    # Signed by the pairwise key the consents were given with.
    public = request["principal"]["publicKey"]
    pairwise = vault.latest_signing_key(f"pairwise:{VENDOR_ID}")
    assert pairwise is not None and public == pairwise.verifying_key.jwk
    for consent in ConsentBook(vault).list(vendor_id=VENDOR_ID):
        assert consent.row.kid == request["principal"]["kid"] == consent.receipt.piiPrincipalId
    token = envelope["signature"]
    header, payload = _jwcrypto_verify(token, public)
    assert payload == rfc8785.dumps(request)
    assert header["alg"] == "Ed25519" and header["kid"] == request["principal"]["kid"]
    assert verify_signed_request(parse_signed_request(record.signed_json().encode()))

    # One byte changed in the signature: jwcrypto refuses it.
    head, body, signature = token.split(".")
    flipped = ("A" if signature[5] != "A" else "B").join((signature[:5], signature[6:]))
    with pytest.raises(JWException):
        _jwcrypto_verify(f"{head}.{body}.{flipped}", public)
    # One byte changed in the document: the signature no longer covers it.
    raw = record.signed_json().encode()
    tampered = raw.replace(b'"article": 17', b'"article": 15').replace(
        b"DataErasureRequest", b"DataAccessRequest"
    )
    assert tampered != raw
    with pytest.raises(SignatureInvalid):
        verify_signed_request(parse_signed_request(tampered))
    changed = json.loads(raw)
    changed["request"]["vendor"]["name"] = "Fixture Bookz"
    assert _jwcrypto_verify(token, public)[1] != rfc8785.dumps(changed["request"])


def test_requests_are_stored_and_logged_with_field_names_only(
    vault: Vault, granted: tuple[str, str]
) -> None:
    book = DataRequestBook(vault)
    record = book.create(VENDOR_ID, "erasure", language="es")
    entry = vault.activity_page(limit=1, type_prefix="consent.request")[0]
    assert entry.type == "consent.request_created"
    assert entry.party == VENDOR_ID
    assert entry.field_names == ("email", "postal_address")
    assert entry.reason == "erasure, es"
    for logged in vault.activity_page(limit=-1):
        assert_no_values(" ".join((logged.party, logged.reason, *logged.field_names)))
    assert vault.verify_activity().ok

    row = vault.reader.execute(
        "SELECT vendor_id, kind, language, field_names, receipt_ids FROM data_requests "
        "WHERE id = ?",
        (record.id,),
    ).fetchone()
    assert tuple(row[:3]) == (VENDOR_ID, "erasure", "es")
    assert json.loads(row[3]) == ["email", "postal_address"]
    assert set(json.loads(row[4])) == set(granted)
    stored = book.get(record.id)
    assert isinstance(stored, DataRequestRecord)
    assert stored.text() == record.text() and stored.mailto() == record.mailto()
    assert stored.signed_json() == record.signed_json()
    assert [item.id for item in book.list()] == [record.id]


def test_refusals_and_an_access_request_without_consents(vault: Vault) -> None:
    fill(vault)
    add_offline_vendor(vault)
    book = DataRequestBook(vault)
    with pytest.raises(NotFound, match="There is no vendor 'nobody'"):
        book.create("nobody", "access")
    with pytest.raises(InvalidInput, match="never given Fixture Books a consent"):
        book.create(VENDOR_ID, "erasure")
    with pytest.raises(InvalidInput, match="en, es, it"):
        book.create(VENDOR_ID, "access", language="fr")
    with pytest.raises(InvalidInput, match=r"access .* or erasure"):
        book.create(VENDOR_ID, "rectification")
    assert book.list() == []

    record = book.create(VENDOR_ID, "access", language="it")
    text = record.text()
    assert "Non vi ho comunicato alcun dato personale tramite VRM Wallet" in text
    assert "articolo 12, paragrafo 6" in text  # the vendor may ask how to identify the person
    assert record.request.receipts == [] and record.request.fields == []
    # The pairwise key for this vendor now exists, and a later consent uses it.
    ConsentBook(vault).grant(
        GrantRequest(vendor_id=VENDOR_ID, field_keys=("email",), purposes=(2,))
    )
    assert ConsentBook(vault).list()[0].row.kid == record.request.principal.kid


def test_a_vendor_removed_from_the_directory_can_still_be_asked(
    vault: Vault, granted: tuple[str, str]
) -> None:
    VendorDirectory(vault).remove(VENDOR_ID)
    record = DataRequestBook(vault).create(VENDOR_ID, "erasure")
    assert record.email == "privacy@fixture-books.example"  # from the receipts' controller
    assert "To: Fixture Books," in record.text()
    assert set(record.receipt_ids) == set(granted)
    assert DataRequestBook(vault).get(record.id).email == record.email


def test_a_deleted_field_is_named_by_its_key(vault: Vault, granted: tuple[str, str]) -> None:
    vault.fields.delete("postal_address")
    text = DataRequestBook(vault).create(VENDOR_ID, "access").text()
    assert "- postal_address (postal_address)" in text
    assert "- Email address (email)" in text


def test_the_schema_file_is_published(tmp_path: Path) -> None:
    schema = json.loads(schema_path("data-subject-request").read_text(encoding="utf-8"))
    assert schema["title"] == "DataSubjectRequest"
    assert {"type", "article", "language", "vendor", "fields", "receipts", "issued"} <= set(
        schema["properties"]
    )


def test_an_expired_consent_is_dated_by_its_expiry(vault: Vault) -> None:
    fill(vault)
    add_offline_vendor(vault)
    granted_at = int(datetime(2025, 3, 1, 12, tzinfo=UTC).timestamp())
    consent = ConsentBook(vault).grant(
        GrantRequest(vendor_id=VENDOR_ID, field_keys=("email",), purposes=(2,), days=14),
        now=granted_at,
    )
    record = DataRequestBook(vault).create(VENDOR_ID, "erasure", language="it")
    assert [r.status for r in record.request.receipts] == ["expired"]  # expired on the way
    assert f"{consent.id}, prestato il 1 marzo 2025, scaduto il 15 marzo 2025" in record.text()
    assert record.active_consents == ()
