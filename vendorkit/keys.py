"""Vendor signing keys as private JWK files (``vrm-vendor keygen``; ``serve --keys DIR``).

A key file is ``{"kty": "OKP", "crv": "Ed25519", "x": ..., "d": ...}`` written with mode 0600; on
load, ``x`` must be the public half of ``d`` and pass the usual public-key checks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wallet.crypto.signing import (
    SigningKey,
    b64url,
    b64url_decode,
    generate_signing_key,
    verifying_key_from_jwk,
)
from wallet.errors import InvalidKey
from wallet.files import atomic_write_bytes, ensure_private_dir, read_bounded

MAX_KEY_FILE_BYTES = 4096


def private_jwk(key: SigningKey) -> dict[str, str]:
    return {**key.verifying_key.jwk, "d": b64url(key.seed)}


def write_key_file(path: Path, key: SigningKey) -> None:
    """Write ``key`` as a private JWK, readable only by the user."""
    data = json.dumps(private_jwk(key), indent=2) + "\n"
    atomic_write_bytes(path, data.encode("utf-8"))


def _unique_members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    members: dict[str, Any] = {}
    for name, value in pairs:
        if name in members:
            raise InvalidKey(f"it repeats the member {name[:20]!r}")
        members[name] = value
    return members


def read_key_file(path: Path) -> SigningKey:
    """The signing key in a private JWK file, checked against its public half.

    Every problem is an :class:`InvalidKey` naming the file: not JSON (or nested too deeply for a
    key), a member given twice, no private ``d``, a ``d`` that is not 32 bytes of strict
    base64url, or an ``x`` that is not the public half of ``d`` or is refused as a public key.
    """
    raw = read_bounded(path, max_bytes=MAX_KEY_FILE_BYTES, what="key file")
    try:
        jwk = json.loads(raw, object_pairs_hook=_unique_members)
    except InvalidKey as exc:
        raise InvalidKey(f"The key file {path} is not a private JWK: {exc}.") from None
    except (ValueError, RecursionError):
        raise InvalidKey(
            f"The key file {path} is not JSON; write one with vrm-vendor keygen."
        ) from None
    if not isinstance(jwk, dict) or not isinstance(jwk.get("d"), str):
        raise InvalidKey(f"The key file {path} holds no private Ed25519 JWK ('d' is missing).")
    try:
        seed = b64url_decode(jwk["d"])
        if len(seed) != 32:
            raise InvalidKey("The private key 'd' is not 32 bytes.")
        key = SigningKey(seed)
        public = verifying_key_from_jwk({name: value for name, value in jwk.items() if name != "d"})
    except InvalidKey as exc:
        raise InvalidKey(f"In the key file {path}: {exc}") from None
    if public.raw != key.verifying_key.raw:
        raise InvalidKey(f"In {path}, the public key 'x' does not belong to the private key 'd'.")
    return key


def load_or_create_key(directory: Path, index: int) -> SigningKey:
    """Vendor ``index``'s key from ``directory/vendor-<index>.jwk``, created on first use."""
    path = directory / f"vendor-{index}.jwk"
    if path.exists():
        return read_key_file(path)
    ensure_private_dir(directory)
    key = generate_signing_key()
    write_key_file(path, key)
    return key
