"""Text from other parties made safe to print on a terminal: the one reviewed place for it.

Vendor names, offer ids, reasons and anything else that arrives from outside may hold terminal
escape sequences (``ESC [ 8 m`` hides the rest of a line), carriage returns and newlines (which
forge extra lines, such as a fake URL or key fingerprint under a real-looking name), bidirectional
overrides (which reorder what is shown) or lone surrogates (which cannot be encoded and would
crash the print). :func:`printable` shows each such character as a visible escape (``\\x1b``,
``\\n``, ``\\u202e``), so nothing is hidden and the reader can see that something odd was sent.

Every CLI line that may contain remote text goes through :func:`printable` (tables and error lines
do so centrally in ``cli_support``); JSON output goes through :func:`printable_json`, multi-line
documents such as letters through :func:`printable_lines`. Remote labels are also refused
earlier where they enter (:func:`label_problem`), so these escapes are the second line of
defence.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls; bidi embeddings/overrides/isolates and marks; zero-width and
# other invisible format characters; line/paragraph separators; lone surrogates.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)
# json.dumps escapes C0 controls inside strings itself, and the only ones outside are its newlines.
_UNSAFE_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)
# What no name, contact, label or address from another party needs, and what forges or hides
# lines: C0 and C1 controls, DEL, line and paragraph separators, bidi embeddings, overrides and
# isolates. (Zero-width joiners and directional marks are left to ``printable``: scripts and emoji
# need them.) Lone surrogates cannot even be stored as UTF-8.
_FORBIDDEN_IN_LABELS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\x1b"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return short
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: object, *, max_chars: int | None = None) -> str:
    """``text`` with every control, invisible or unencodable character shown as an escape.

    ``max_chars`` cuts the result (after escaping) to that many characters, ending in ``…``.
    """
    safe = _UNSAFE.sub(_escape, str(text))
    if max_chars is not None and len(safe) > max_chars:
        return safe[: max(0, max_chars - 1)] + "…"
    return safe


def printable_lines(text: str) -> str:
    """Multi-line text (a letter, a rendered document) with :func:`printable` applied to each
    line: its own line breaks are kept, every other control character is shown escaped."""
    return "\n".join(printable(line) for line in text.split("\n"))


def printable_json(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) safe for a terminal.

    ``json.dumps`` already escapes C0 controls inside strings; this escapes the rest (DEL, C1,
    bidi and invisible characters, lone surrogates) as ``\\uXXXX``, which keeps the JSON valid
    and equal in meaning, because such characters can only occur inside JSON strings.
    """
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def label_problem(text: str) -> str | None:
    """Why ``text`` may not be a one-line label (a vendor name, a contact...), or None.

    The answer names the character by its escape (``a control character (\\n)``), never
    raw, so it can go into an error message as it is.
    """
    match = _FORBIDDEN_IN_LABELS.search(text)
    if match is None:
        return None
    char = match.group()
    kind = "an unpaired surrogate" if "\ud800" <= char <= "\udfff" else "a control character"
    return f"{kind} ({_escape(match)})"


def is_printable(text: str) -> bool:
    """True if :func:`printable` would leave ``text`` unchanged (no escapes needed)."""
    return _UNSAFE.search(text) is None
