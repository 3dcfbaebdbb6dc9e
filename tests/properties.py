"""Shared pieces of the property-based tests (hypothesis) of every parser the outside world reaches.

The rule each of those tests states: any input is either accepted or refused with a clear
:class:`~wallet.errors.WalletError` (a one-line message), never another exception; after a
refusal the vault is unchanged. :func:`examples` scales the number of cases: ``make test`` runs
the counts written in the tests, ``make soak`` multiplies them by ``VRM_SOAK_FACTOR``.
"""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import strategies as st

SOAK_FACTOR_ENV = "VRM_SOAK_FACTOR"


def examples(count: int) -> int:
    """``count`` cases, times the soak factor when ``make soak`` runs."""
    return count * max(1, int(os.environ.get(SOAK_FACTOR_ENV, "1") or "1"))


# Text a hostile party might send: terminal escapes, bidi overrides, newlines, lone surrogates,
# NUL, astral characters, very long digit runs.
HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.sampled_from(
            ["\x1b[8m", "\n", "\r", "\x00", "\u202e", "\ud800", "\udfff", "𝔘", "e", "9", '"', "\\"]
        ),
        max_size=20,
    ).map("".join),
    st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),
)

# Any JSON value, including awkward numbers (huge integers, exponents, -0.0) and hostile text.
JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=False, allow_infinity=False),
    HOSTILE_TEXT,
)
JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    JSON_SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(HOSTILE_TEXT, children, max_size=5),
    ),
    max_leaves=30,
)

# Raw JSON-ish bytes that are not what a model wants: deep nesting, giant numbers, bad UTF-8.
RAW_NASTY = st.one_of(
    st.binary(max_size=200),
    st.integers(min_value=1, max_value=50_000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(min_value=1, max_value=50_000).map(lambda n: b'{"a":' * n + b"1" + b"}" * n),
    st.integers(min_value=1, max_value=20_000).map(lambda n: b"1" + b"0" * n),
    st.sampled_from(
        [b"1e999999999", b"-1e999999", b"NaN", b"Infinity", b'"\\ud800"', b"\xff\xfe", b""]
    ),
)


def dumps(value: Any) -> bytes:
    """``value`` as JSON bytes, the way a careless or hostile sender might write it."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")
