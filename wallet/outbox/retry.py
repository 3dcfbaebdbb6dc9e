"""When to try a message again: exponential backoff with full jitter, and a vendor's
``Retry-After`` read within strict bounds.

``Retry-After`` is text a vendor writes, so it is read as an attacker's input: only ASCII digits
(at most :data:`MAX_RETRY_AFTER_DIGITS` of them: ``str.isdigit`` would accept ``²`` or ``١٢``, and
``int`` of 5 000 digits raises) or an HTTP date of reasonable length. Anything else is ignored and
the message is retried after the normal backoff, as if the header were absent.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import UTC

# More digits than this is beyond any sensible delay (115 days); the policy caps it anyway.
MAX_RETRY_AFTER_DIGITS = 7
# An IMF-fixdate is 29 characters; the obsolete forms are shorter than this too.
MAX_RETRY_AFTER_CHARS = 64
_DELTA_SECONDS = re.compile(rf"[0-9]{{1,{MAX_RETRY_AFTER_DIGITS}}}")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with full jitter, bounded attempts, ``Retry-After`` honoured."""

    base_seconds: float = 1.0
    cap_seconds: float = 600.0
    max_attempts: int = 8
    max_retry_after_seconds: float = 3600.0

    def backoff(self, attempts: int, rand: float) -> float:
        """Delay before the next attempt after ``attempts`` failed ones (``rand`` in [0, 1))."""
        return float(rand * min(self.cap_seconds, self.base_seconds * 2 ** (attempts - 1)))


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date), or None
    when there is none or it is not one of those within bounds (then back off normally)."""
    if not value or len(value) > MAX_RETRY_AFTER_CHARS:
        return None
    value = value.strip()
    if _DELTA_SECONDS.fullmatch(value):
        return float(value)
    if not value.isascii() or value.isdigit():  # other digits, or too many of them
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return max(0.0, moment.timestamp() - now)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
