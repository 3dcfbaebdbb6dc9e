"""RFC 8785 JSON canonicalisation (JCS) and hashes of canonical JSON.

Signed objects are canonicalised before hashing or signing, so that key order, whitespace and
number spelling (``1.0`` vs ``1``) cannot change a hash. Integers beyond 2^53 and NaN are refused
by the ``rfc8785`` package, as the RFC requires. Strings are NFC-normalised first, so the same
text in another Unicode form hashes alike.
"""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Any

import rfc8785

from wallet.errors import InvalidInput


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(key): _nfc(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc(item) for item in value]
    return value


def canonical_bytes(document: Any) -> bytes:
    """The RFC 8785 serialisation of ``document`` (NFC strings)."""
    try:
        return rfc8785.dumps(_nfc(document))
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:
        raise InvalidInput(f"This document cannot be canonicalised: {exc}.") from None


def canonical_sha256(document: Any) -> str:
    """Lower-case hex SHA-256 of the canonical form."""
    return hashlib.sha256(canonical_bytes(document)).hexdigest()
