"""docs/protocol.md against what it documents: every published schema, and the inbox statuses.

A vendor written from the document alone (issue 13) must find every schema under
``resources/schemas/`` described there, and only statuses the reference vendor really answers.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "docs" / "protocol.md"
SCHEMAS = ROOT / "resources" / "schemas"
# The reference vendor's inboxes: the app and the consent inbox it mounts.
VENDOR_SOURCES = (ROOT / "vendorkit" / "server.py", ROOT / "vendorkit" / "consents.py")
# Statuses the document tells the wallet how to treat (§3: a gone endpoint, too many requests)
# although the reference vendor never answers them.
HANDLED_BY_THE_WALLET_ONLY = {410, 429}

# A 4xx/5xx status standing alone: not part of a hex string, a longer number, "1.400" or "4/400".
_STATUS_IN_TEXT = re.compile(r"(?<![\w.,/-])([45]\d\d)(?!\w)")
_STATUS_IN_CODE = re.compile(r"(?:_error\(|status=)\s*(\d{3})\b")


def _document() -> str:
    return DOCUMENT.read_text(encoding="utf-8")


def _statuses_the_vendor_returns() -> set[int]:
    found: set[int] = set()
    for source in VENDOR_SOURCES:
        found.update(int(code) for code in _STATUS_IN_CODE.findall(source.read_text("utf-8")))
    return found


def test_every_published_schema_is_named_in_the_document() -> None:
    names = sorted(path.name for path in SCHEMAS.glob("*.schema.json"))
    assert len(names) >= 15  # the glob found the published schemas (external/ is not published)
    text = _document()
    missing = [name for name in names if f"`{name}`" not in text]
    assert not missing, f"docs/protocol.md does not describe {missing}"


def test_the_status_patterns_see_what_they_must() -> None:
    returned = _statuses_the_vendor_returns()
    assert {200, 400, 401, 403, 404, 409, 413, 422} <= returned
    assert _STATUS_IN_TEXT.findall("26e8958fc2b227b045c3f489f2ef98f0 answers **409**, 4/400") == [
        "409"
    ]


def test_the_document_names_only_statuses_the_reference_vendor_answers() -> None:
    mentioned = {int(code) for code in _STATUS_IN_TEXT.findall(_document())}
    possible = _statuses_the_vendor_returns() | HANDLED_BY_THE_WALLET_ONLY
    assert mentioned - possible == set(), (
        "docs/protocol.md gives statuses that vendorkit/server.py and vendorkit/consents.py "
        f"never answer: {sorted(mentioned - possible)}"
    )


def test_every_refusal_of_the_reference_vendor_is_in_the_document() -> None:
    mentioned = {int(code) for code in _STATUS_IN_TEXT.findall(_document())}
    refusals = {code for code in _statuses_the_vendor_returns() if code >= 400}
    assert refusals - mentioned == set()
