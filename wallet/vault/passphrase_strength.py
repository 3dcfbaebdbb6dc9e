"""What a new passphrase must be: its minimum length, and how strong it is (zxcvbn's score from
0 to 4, and its advice).

The rule that a passphrase scoring below :data:`STRONG_ENOUGH_SCORE` is weak (the desktop then
asks the person to acknowledge it) lives here, beside the vault's minimum length, so every front
end rates passphrases alike. The desktop's first-run window imports this module, so it stays
light: zxcvbn (~30 ms to import) loads at the first rating, not at launch.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_PASSPHRASE_LENGTH = 8
# zxcvbn's cost grows steeply with the input: measured here, 48 characters take at most ~30 ms,
# 64 up to ~175 ms and 256 up to ~30 s. The desktop rates at each keystroke on the GUI thread, so
# only the first 48 characters are rated; a passphrase that long is past what needs judging.
MAX_CHECKED_LENGTH = 48
STRONG_ENOUGH_SCORE = 3


@dataclass(frozen=True, slots=True)
class Strength:
    """zxcvbn's verdict: ``score`` from 0 (guessable) to 4 (very strong) and its advice."""

    score: int
    warning: str
    suggestions: tuple[str, ...]

    @property
    def is_weak(self) -> bool:
        return self.score < STRONG_ENOUGH_SCORE


def estimate_strength(passphrase: str) -> Strength:
    """Rate ``passphrase`` with zxcvbn (only its first :data:`MAX_CHECKED_LENGTH` characters)."""
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:MAX_CHECKED_LENGTH], max_length=MAX_CHECKED_LENGTH)
    feedback = result.get("feedback") or {}
    return Strength(
        score=int(result["score"]),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
    )
