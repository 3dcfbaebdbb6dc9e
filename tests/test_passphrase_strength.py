"""Rating a new passphrase (zxcvbn): weak and strong ones, and long pastes rated fast."""

from __future__ import annotations

import time

from wallet.vault.passphrase_strength import MAX_CHECKED_LENGTH, estimate_strength

STRONG = "correct horse battery staple"
WEAK = "password1"


def test_estimate_strength_rates_weak_and_strong() -> None:
    assert estimate_strength(WEAK).is_weak
    assert estimate_strength(WEAK).warning
    assert not estimate_strength(STRONG).is_weak


def test_estimate_strength_caps_the_checked_length() -> None:
    # A huge paste is rated on its first characters only, so it stays fast.
    assert estimate_strength("a" * (MAX_CHECKED_LENGTH * 100)).score >= 0


def test_rating_a_long_paste_stays_fast() -> None:
    started = time.perf_counter()
    estimate_strength("".join(chr(33 + (i * 7919) % 94) for i in range(10_000)))
    assert time.perf_counter() - started < 0.5
