"""Recovery keys: 160 random bits written as 8 groups of 5 base32 characters with a checksum.

The key is meant to be printed or written down, so it avoids look-alike characters, tolerates
spaces, dashes and lower case, and a checksum catches typos before any decryption is attempted.
"""

from __future__ import annotations

import base64
import hashlib

from wallet.crypto import random_bytes
from wallet.errors import WrongRecoveryKey
from wallet.i18n import QT_TRANSLATE_NOOP

SECRET_BYTES = 20
CHECKSUM_BYTES = 5
GROUP = 5
# base32 has no 0, 1 or 8: read them as the letters people confuse them with.
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def _checksum(secret: bytes) -> bytes:
    return hashlib.sha256(b"vrm-wallet recovery key" + secret).digest()[:CHECKSUM_BYTES]


def new_recovery_secret() -> bytes:
    """Fresh random recovery secret."""
    return random_bytes(SECRET_BYTES)


def format_recovery_key(secret: bytes) -> str:
    """Human form: ``ABCDE-FGHIJ-...`` (40 characters in 8 groups)."""
    text = base64.b32encode(secret + _checksum(secret)).decode("ascii")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The secret in a recovery key as typed; raises :class:`WrongRecoveryKey` on a typo."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_LOOKALIKES)
    expected_length = (SECRET_BYTES + CHECKSUM_BYTES) * 8 // 5
    if len(cleaned) != expected_length:
        raise WrongRecoveryKey.worded(
            QT_TRANSLATE_NOOP(
                "CoreError",
                "A recovery key has {expected} letters and digits; this one has "
                "{given}. Check that you copied all 8 groups.",
            ),
            expected=expected_length,
            given=len(cleaned),
        )
    try:
        raw = base64.b32decode(cleaned)
    except ValueError as exc:
        raise WrongRecoveryKey.worded(
            QT_TRANSLATE_NOOP(
                "CoreError",
                "The recovery key contains characters that cannot be part of a recovery key.",
            )
        ) from exc
    secret, checksum = raw[:SECRET_BYTES], raw[SECRET_BYTES:]
    if _checksum(secret) != checksum:
        raise WrongRecoveryKey.worded(
            QT_TRANSLATE_NOOP(
                "CoreError", "The recovery key has a typo: its checksum does not match."
            )
        )
    return secret
