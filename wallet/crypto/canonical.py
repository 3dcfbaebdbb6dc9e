"""RFC 8785 JSON canonicalisation (JCS) and hashes of canonical JSON.

Signed objects are canonicalised before hashing or signing, so that key order, whitespace and
number spelling (``1.0`` vs ``1``) cannot change a hash. Integers beyond 2^53 and NaN are refused
by the ``rfc8785`` package, as the RFC requires. Strings are NFC-normalised first, so the same
text in another Unicode form hashes alike; an object with two member names that NFC makes equal
is refused (one would vanish from the canonical form, uncovered by any signature over it).

Fast path: wire documents hold only ASCII keys, strings, safe integers, booleans, null, objects
and arrays. For those, ``json.dumps(sort_keys=True, ensure_ascii=False, separators=(",", ":"))``
produces exactly the RFC 8785 bytes (ASCII keys sort alike by code point and by UTF-16 unit; JSON
escapes ``"``, ``\\`` and U+0000..U+001F the same way, in lower-case ``\\u00xx`` except the short
forms; integers print the same), so the pure-Python ``rfc8785`` serialiser is used only for
anything else (floats, non-ASCII keys, big integers: which it refuses as before). ASCII strings
need no NFC pass.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

import rfc8785

from wallet.errors import InvalidInput

_MAX_SAFE_INTEGER = 2**53 - 1
_fast_encoder = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, sort_keys=True, separators=(",", ":"), check_circular=True
)


class _NotFast(Exception):
    """The document needs the full ``rfc8785`` serialiser."""


def _nfc_text(value: str) -> str:
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return _nfc_text(value)
    if isinstance(value, dict):
        normalised = {_nfc(key): _nfc(item) for key, item in value.items()}
        if len(normalised) != len(value):
            # e.g. "Kind" and "\u212aind" (Kelvin sign): one would silently replace the other,
            # and a signature over the canonical form would not cover the member it dropped.
            raise InvalidInput(
                "This document cannot be canonicalised: two member names are the same text once "
                "Unicode-normalised (NFC)."
            )
        return normalised
    if isinstance(value, list | tuple):
        return [_nfc(item) for item in value]
    return value


def _fast_nfc(value: Any) -> Any:
    """NFC strings, or :class:`_NotFast` if the value is outside the fast path's subset."""
    kind = type(value)
    if kind is str:
        return _nfc_text(value)
    if kind is dict:
        result: dict[str, Any] = {}
        for key, item in value.items():
            if type(key) is not str or not key.isascii():
                raise _NotFast
            result[key] = _fast_nfc(item)
        return result
    if kind is list or kind is tuple:
        return [_fast_nfc(item) for item in value]
    if kind is bool or value is None:
        return value
    if kind is int and -_MAX_SAFE_INTEGER <= value <= _MAX_SAFE_INTEGER:
        return value
    raise _NotFast


def canonical_bytes(document: Any, *, plain_values: bool = False) -> bytes:
    """The RFC 8785 serialisation of ``document`` (NFC strings).

    ``plain_values``: the caller vouches that ``document`` holds only string keys, strings,
    booleans, null and integers within 2^53 (a wire model's schema proves it, see
    :mod:`wallet.wire.canonical`). Then sorted compact JSON is already canonical when the text is
    ASCII, and the walk over every value is skipped.
    """
    if plain_values:
        try:
            text = _fast_encoder.encode(document)
        except ValueError:  # NaN or an infinity despite the promise: the general path refuses it
            pass
        else:
            if text.isascii():
                return text.encode("ascii")
    try:
        normalised = _fast_nfc(document)
    except (_NotFast, RecursionError):
        pass
    else:
        try:
            return _fast_encoder.encode(normalised).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: let rfc8785 give its own refusal
            pass
    try:
        return rfc8785.dumps(_nfc(document))
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:
        raise InvalidInput(f"This document cannot be canonicalised: {exc}.") from None


def canonical_sha256(document: Any) -> str:
    """Lower-case hex SHA-256 of the canonical form."""
    return hashlib.sha256(canonical_bytes(document)).hexdigest()
