"""Putting text we did not write into rich-text labels.

Vendor names, program names and field labels can come from remote metadata or imported files.
Qt labels guess "rich text" from the content, so such text is either shown in a plain-text label
or escaped here — one reviewed function, used everywhere a label mixes markup with outside text.
"""

from __future__ import annotations

import html


def escape_html(text: str) -> str:
    """``text`` safe as the content of Qt rich text: ``&``, ``<`` and ``>`` become entities.

    Outside text is never put inside a tag's attribute (no links or images built from it), so
    quotes stay as they are and read the same in a label's ``text()`` as on screen.
    """
    return html.escape(text, quote=False)
