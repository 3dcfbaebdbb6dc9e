"""Tooltips that show text we did not write exactly as it is.

Qt reads a tooltip that looks like markup as rich text: a field value or a code read from an
imported file such as ``<img src=file:…>`` would be drawn, not shown. Such text is escaped and
wrapped in a paragraph that keeps its line breaks, so it always reads as typed.
"""

from __future__ import annotations

from ui.text import escape_html


def plain_tooltip(text: str) -> str:
    """A tooltip showing ``text`` verbatim (line breaks kept); empty text gives no tooltip."""
    if not text:
        return ""
    return f"<p style='white-space: pre-wrap'>{escape_html(text)}</p>"
