"""How fields are named for people: the label shown for a key, and the key suggested for a label.

Consents, receipts, requests and the Overview name fields by key, and a field can be deleted
while a vendor still holds it; every view (desktop and command line) then shows the key itself.
That rule, and the one that turns a typed label into a valid key, live here once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wallet.personal_data import KEY_CHARACTERS, store
from wallet.storage.connection import Connection

_NOT_KEY_CHARACTERS = re.compile(rf"[^{KEY_CHARACTERS}]+")
_KEY_PUNCTUATION = "_.-"  # allowed inside a key, never at its start


def field_labels(connection: Connection, keys: Iterable[str]) -> dict[str, str]:
    """The label of each of these fields by key (one indexed look-up each, repeats once); a
    field deleted since keeps its key as its label."""
    labels: dict[str, str] = {}
    for key in keys:
        if key not in labels:
            field = store.get(connection, key)
            labels[key] = field.label if field is not None else key
    return labels


def suggested_key(label: str) -> str:
    """A field key suggested from a label: "Library card" → "library_card".

    Runs of characters a key may not hold become one ``_``, and the ends are trimmed so the key
    starts with a letter or digit; it is empty when the label holds none
    (:func:`wallet.personal_data.validate_key` then says why it cannot be used).
    """
    return _NOT_KEY_CHARACTERS.sub("_", label.strip().lower()).strip(_KEY_PUNCTUATION)
