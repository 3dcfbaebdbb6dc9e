"""A stranger's signer for the signing-rule tests: ``cryptography``'s Ed25519, a compact JWS built
by hand, RFC 8785 bytes from the ``rfc8785`` package; nothing of the wallet's own signing code.

It signs exactly the JSON object it is given (members left out stay out, ``null`` stays ``null``),
as ``docs/protocol.md`` says a vendor in any language does.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass
class Stranger:
    """An Ed25519 key held outside the wallet, and the few things a stranger's code does with it."""

    private: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)

    @property
    def jwk(self) -> dict[str, str]:
        raw = self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}

    @property
    def kid(self) -> str:
        """The RFC 7638 thumbprint: SHA-256 of the required members, sorted, no whitespace."""
        members = json.dumps(self.jwk, sort_keys=True, separators=(",", ":")).encode()
        return b64url(hashlib.sha256(members).digest())

    def jws(self, document: Any, *, alg: str = "EdDSA", typ: str | None = None) -> str:
        """A compact JWS whose payload is the RFC 8785 form of exactly ``document``."""
        header: dict[str, str] = {"alg": alg, "kid": self.kid}
        if typ is not None:
            header["typ"] = typ
        head = b64url(json.dumps(header).encode())
        body = b64url(rfc8785.dumps(document))
        signature = self.private.sign(f"{head}.{body}".encode("ascii"))
        return f"{head}.{body}.{b64url(signature)}"

    def webhook_signature(self, *, message_id: str, timestamp: int, body: bytes) -> str:
        """Standard Webhooks ``v1a``: standard base64 Ed25519 over ``id.timestamp.body``."""
        signed = f"{message_id}.{timestamp}.".encode() + body
        return "v1a," + base64.b64encode(self.private.sign(signed)).decode("ascii")


def envelope(member: str, document: dict[str, Any], signer: Stranger) -> dict[str, Any]:
    """``{member: document, "signature": <JWS over exactly document>}``."""
    return {member: document, "signature": signer.jws(document)}


def body_of(document: Any) -> bytes:
    """JSON as a stranger sends it: key order as built, with spaces (not canonical on purpose)."""
    return json.dumps(document, indent=1).encode("utf-8")
