"""Text from other parties made safe to print on a terminal: the one reviewed place for it.

Vendor names, offer ids, reasons and anything else that arrives from outside may hold terminal
escape sequences (``ESC [ 8 m`` hides the rest of a line), carriage returns and newlines (which
forge extra lines, such as a fake URL or key fingerprint under a real-looking name), bidirectional
overrides (which reorder what is shown) or lone surrogates (which cannot be encoded and would
crash the print). :func:`printable` shows each such character as a visible escape (``\\x1b``,
``\\n``, ``\\u202e``), so nothing is hidden and the reader can see that something odd was sent.

Every CLI line that may contain remote text goes through :func:`printable` (tables and error lines
do so centrally in ``cli_support``); JSON output goes through :func:`printable_json`.
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


def printable_json(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) safe for a terminal.

    ``json.dumps`` already escapes C0 controls inside strings; this escapes the rest (DEL, C1,
    bidi and invisible characters, lone surrogates) as ``\\uXXXX``, which keeps the JSON valid
    and equal in meaning, because such characters can only occur inside JSON strings.
    """
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def is_printable(text: str) -> bool:
    """True if :func:`printable` would leave ``text`` unchanged (no escapes needed)."""
    return _UNSAFE.search(text) is None
