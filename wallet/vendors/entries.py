"""The vendor directory as people see it: each vendor with the fingerprints of its keys.

The desktop app's Vendors page and the CLI's ``vendor list``/``vendor show`` show the same thing,
so they read the same entries. A key pinned by an older version may be refused by today's key
checks (off the curve, say): its entry then has no fingerprint but the reason, so that listing the
directory still works and only that one vendor shows a refused key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wallet.crypto.signing import verifying_key_from_jwk
from wallet.errors import InvalidKey
from wallet.vendors.store import VendorRow

# A listing shows the first four groups of a fingerprint; the full one is in ``vendor show``.
SHORT_FINGERPRINT_CHARS = 19


def _checked(jwk: Mapping[str, Any] | None) -> tuple[str | None, InvalidKey | None]:
    """A stored key's fingerprint, or why today's key checks refuse it (both None: no key)."""
    if jwk is None:
        return None, None
    try:
        return verifying_key_from_jwk(jwk).fingerprint, None
    except InvalidKey as exc:
        return None, exc


def pinned_fingerprint(jwk: Mapping[str, Any] | None) -> str | None:
    """The fingerprint of a pinned key, or None when today's key checks refuse it (or none)."""
    return _checked(jwk)[0]


@dataclass(frozen=True, slots=True)
class VendorEntry:
    """A vendor with the fingerprints of its pinned key and of a key waiting for approval.

    ``fingerprint`` is None when today's key checks refuse the pinned key (``key_problem`` says
    why); ``pending_fingerprint`` likewise for the new key (``pending_key_problem``), and None when
    no key change waits.
    """

    vendor: VendorRow
    fingerprint: str | None
    pending_fingerprint: str | None
    key_problem: InvalidKey | None = field(default=None, compare=False)
    pending_key_problem: InvalidKey | None = field(default=None, compare=False)

    @classmethod
    def of(cls, vendor: VendorRow) -> VendorEntry:
        fingerprint, problem = _checked(vendor.public_jwk)
        pending, pending_problem = _checked(vendor.pending_jwk)
        return cls(vendor, fingerprint, pending, problem, pending_problem)

    @property
    def key_change_pending(self) -> bool:
        """A usable new key waits for the person's approval."""
        return self.pending_fingerprint is not None

    @property
    def short_fingerprint(self) -> str | None:
        """The fingerprint's first groups for a listing, or None when the key is refused."""
        if self.fingerprint is None:
            return None
        return self.fingerprint[:SHORT_FINGERPRINT_CHARS] + "…"
