"""Cases of the test vectors, and the token-level attacks every signed document is tried with.

A :class:`Case` is one message and the answer it must get: for a message a wallet POSTs to a
vendor (intentions, notices, disclosures, consent notices) the HTTP status the vendor must answer,
with the exact Standard Webhooks headers; for a document a wallet reads (offers, acknowledgements,
receipts, terms, agreement records) ``accepted`` or the wallet's refusal code.

The JWS variants here are built by hand around :meth:`SigningKey.sign_raw` so that each one is
wrong in exactly one way: another signer, ``alg: none``, an HMAC (``HS256`` keyed with the
public key's bytes: the classic key-confusion attack), a ``kid`` naming another key, a forged
signature for a small-order key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from vendorkit.vector_documents import Json, Setting, Signed, VectorKeys, body_bytes
from wallet.crypto.signing import SigningKey, b64url
from wallet.webhooks import (
    CONTENT_TYPE,
    HEADER_ID,
    HEADER_SIGNATURE,
    HEADER_TIMESTAMP,
    sign_webhook,
)

MAX_BODY_BYTES = 256 * 1024
MAX_DEPTH = 32
STALE_SECONDS = 600  # twice the 300 s window every receiver enforces
# The Ed25519 identity point: a small-order key with which R = identity, S = 0 "verifies"
# any message in a library that does not refuse such keys.
SMALL_ORDER_KEY = bytes([1]) + bytes(31)
SMALL_ORDER_SIGNATURE = SMALL_ORDER_KEY + bytes(32)
SMALL_ORDER_JWK = {"kty": "OKP", "crv": "Ed25519", "x": b64url(SMALL_ORDER_KEY)}


def jwk_thumbprint(jwk: Json) -> str:
    """RFC 7638 thumbprint of an OKP JWK (also of keys :mod:`wallet.crypto` refuses)."""
    members = json.dumps(
        {"crv": jwk["crv"], "kty": jwk["kty"], "x": jwk["x"]}, separators=(",", ":")
    )
    return b64url(hashlib.sha256(members.encode("ascii")).digest())


SMALL_ORDER_KID = jwk_thumbprint(SMALL_ORDER_JWK)
SMALL_ORDER_MEMBER = {"publicKey": SMALL_ORDER_JWK, "kid": SMALL_ORDER_KID}


@dataclass(frozen=True, slots=True)
class Case:
    """One message of the vectors and the answer it must get.

    A case with a ``query`` is a GET of ``endpoint`` with that query string (later offers).
    ``status`` is the HTTP status a vendor must answer (messages POSTed to ``endpoint``, a member
    of the vendor's ``inbox``); ``refusal`` is the wallet's verdict on a document it reads
    (``accepted`` or a refusal code). ``stage`` says which check decides: ``size``, ``headers``,
    ``schema``, ``signature`` (the verifiers alone decide these) or ``state`` (it depends on the
    messages listed in ``after`` having been received first), or ``accepted``.
    """

    document: str
    name: str
    description: str
    body: bytes
    stage: str
    status: int | None = None
    refusal: str | None = None
    endpoint: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    signed: Signed | None = None
    pad_to: int | None = None
    after: tuple[str, ...] = ()
    received_at: int | None = None
    query: str | None = None  # a GET (inbox.offers): the query string; no body, no webhook

    @property
    def method(self) -> str:
        return "POST" if self.query is None else "GET"

    @property
    def label(self) -> str:
        return f"{self.document}/{self.name}"

    def wire_body(self) -> bytes:
        """The exact bytes sent: ``body`` padded with spaces to ``pad_to`` bytes if set."""
        if self.pad_to is None:
            return self.body
        return self.body + b" " * (self.pad_to - len(self.body))


# ---------------------------------------------------------------------------- tokens


def _b64_json(value: Json) -> str:
    return b64url(json.dumps(value, separators=(",", ":")).encode("utf-8"))


def token(header: Json, payload: bytes, key: SigningKey) -> str:
    """A compact JWS with exactly ``header``, signed by ``key`` (whatever the header says)."""
    signing_input = f"{_b64_json(header)}.{b64url(payload)}"
    return f"{signing_input}.{b64url(key.sign_raw(signing_input.encode('ascii')))}"


def hs256_token(header: Json, payload: bytes, secret: bytes) -> str:
    signing_input = f"{_b64_json(header)}.{b64url(payload)}"
    mac = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(mac)}"


def small_order_token(header: Json, payload: bytes) -> str:
    """A JWS "signed" for the small-order identity key: R = identity, S = 0."""
    return f"{_b64_json(header)}.{b64url(payload)}.{b64url(SMALL_ORDER_SIGNATURE)}"


@dataclass(frozen=True, slots=True)
class TokenVariant:
    name: str
    description: str
    jws: str
    stage: str


def token_variants(signed: Signed, key: SigningKey, keys: VectorKeys) -> list[TokenVariant]:
    """The good document with a JWS wrong in one way each (the document itself unchanged)."""
    extra = {name: value for name, value in signed.header.items() if name not in ("alg", "kid")}
    payload = signed.canonical
    none_header = {**extra, "alg": "none", "kid": key.kid}
    return [
        TokenVariant(
            "other-signer",
            "the JWS is made by another key (and names it in kid); the document is unchanged",
            keys.other.sign_jws(payload, header=extra or None),
            "signature",
        ),
        TokenVariant(
            "alg-none",
            'the header says "alg": "none"; the signature part still holds the right signature',
            token(none_header, payload, key),
            "signature",
        ),
        TokenVariant(
            "alg-none-unsigned",
            '"alg": "none" with an empty signature part: not a compact JWS the schema admits',
            f"{_b64_json(none_header)}.{b64url(payload)}.",
            "schema",
        ),
        TokenVariant(
            "alg-hs256",
            '"alg": "HS256", an HMAC keyed with the public key\'s 32 bytes (key confusion)',
            hs256_token({**extra, "alg": "HS256", "kid": key.kid}, payload, key.verifying_key.raw),
            "signature",
        ),
        TokenVariant(
            "wrong-kid",
            "signed by the right key, but the header's kid names another key",
            token({**extra, "alg": "Ed25519", "kid": keys.other.kid}, payload, key),
            "signature",
        ),
    ]


# ---------------------------------------------------------------------------- bodies


def deep_value(levels: int) -> Any:
    """Arrays nested ``levels`` deep: ``[[[...]]]``."""
    value: Any = []
    for _ in range(levels - 1):
        value = [value]
    return value


def with_duplicate(document_text: bytes, member: str, value: Any) -> bytes:
    """The JSON object text ``document_text`` with ``member`` written a second time, as ``value``
    (a parser keeping the last one would read another document than the one signed)."""
    assert document_text.endswith(b"}")
    extra = json.dumps({member: value}, ensure_ascii=False, separators=(",", ":"))[1:]
    return document_text[:-1] + b"," + extra.encode("utf-8")


def envelope_text(member: str, document_text: bytes, signature: str) -> bytes:
    """``{"<member>": <document_text>, "signature": "<signature>"}`` around raw document text."""
    return b'{"%s":%s,"signature":"%s"}' % (member.encode(), document_text, signature.encode())


def changed(document: Json, path: tuple[str | int, ...], value: Any) -> Json:
    """A deep copy of ``document`` with the member at ``path`` set to ``value``."""
    copy: Json = json.loads(json.dumps(document))
    target: Any = copy
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return copy


def without(document: Json, member: str) -> Json:
    return {name: value for name, value in document.items() if name != member}


# ---------------------------------------------------------------------------- webhooks


@dataclass(frozen=True, slots=True)
class Delivery:
    """How a message is POSTed: to which inbox, signed by which key, at what time."""

    setting: Setting
    document: str
    endpoint: str
    key: SigningKey

    def headers(
        self,
        body: bytes,
        *,
        message_id: str,
        offset: int = 0,
        key: SigningKey | None = None,
        signature: str | None = None,
    ) -> dict[str, str]:
        timestamp = self.setting.now + offset
        signer = key or self.key
        return {
            HEADER_ID: message_id,
            HEADER_TIMESTAMP: str(timestamp),
            HEADER_SIGNATURE: signature
            or sign_webhook(signer, message_id=message_id, timestamp=timestamp, body=body),
            "content-type": CONTENT_TYPE,
        }

    def message_id(self, name: str) -> str:
        return f"msg_{self.setting.new_id(f'webhook {self.document} {name}')}"

    def case(
        self,
        name: str,
        description: str,
        body: bytes,
        *,
        status: int,
        stage: str,
        signed: Signed | None = None,
        message_id: str | None = None,
        after: tuple[str, ...] = (),
        pad_to: int | None = None,
        tweak: Callable[[dict[str, str]], dict[str, str]] | None = None,
        offset: int = 0,
        key: SigningKey | None = None,
    ) -> Case:
        """A POSTed message with valid webhook headers over its exact bytes (``tweak`` then
        breaks them on purpose)."""
        sent = body + b" " * ((pad_to or 0) - len(body)) if pad_to else body
        headers = self.headers(
            sent, message_id=message_id or self.message_id(name), offset=offset, key=key
        )
        if tweak is not None:
            headers = tweak(headers)
        return Case(
            document=self.document,
            name=name,
            description=description,
            body=body,
            stage=stage,
            status=status,
            endpoint=self.endpoint,
            headers=headers,
            signed=signed,
            pad_to=pad_to,
            after=after,
            received_at=self.setting.now,
        )


def webhook_signature_of(key: SigningKey, headers: dict[str, str], body: bytes) -> str:
    return sign_webhook(
        key,
        message_id=headers[HEADER_ID],
        timestamp=int(headers[HEADER_TIMESTAMP]),
        body=body,
    )


def hmac_v1_signature(headers: dict[str, str]) -> str:
    """A ``v1`` (HMAC) entry only: the scheme needs a shared secret this protocol lacks."""
    return "v1," + base64.b64encode(hashlib.sha256(headers[HEADER_ID].encode()).digest()).decode()


def body_of(member: str, document: Json, jws: str) -> bytes:
    return body_bytes({member: document, "signature": jws})
