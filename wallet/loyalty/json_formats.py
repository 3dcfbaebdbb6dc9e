"""Loyalty cards as JSON: which format a document is, our own export, and schema.org.

:func:`parse_json` tells the formats apart (our export, a Google Wallet ``LoyaltyObject``, an
Apple Wallet ``pass.json``, schema.org ``ProgramMembership`` objects) and hands the document to
the reader of that format. Shape errors (:class:`~wallet.loyalty.json_shapes.ShapeError`) are
raised to :func:`wallet.loyalty.formats.parse_file`, which refuses the whole file with them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from wallet.errors import InvalidInput
from wallet.loyalty.apple_wallet import apple_candidate, is_apple_pass
from wallet.loyalty.google_wallet import google_candidate, google_classes, google_objects
from wallet.loyalty.json_shapes import (
    object_or_none,
    objects_at,
    objects_in,
    path_of,
    text,
    wrong_kind,
)
from wallet.loyalty.models import MEMBERSHIP_FIELDS, MembershipDraft
from wallet.loyalty.values import (
    Candidate,
    ParsedFile,
    candidate,
    draft_from_values,
    points_from_json,
    quoted,
    summary_of,
)

OWN_FORMAT = "vrm-wallet.loyalty"
OWN_FORMAT_VERSION = 1
SCHEMA_ORG_TYPE = "ProgramMembership"


def parse_json(document: Any, path: Path) -> ParsedFile:
    """The candidate rows of a JSON document read from ``path``."""
    if isinstance(document, dict) and document.get("format") == OWN_FORMAT:
        return _own_format(document, path)
    if is_apple_pass(document):
        return ParsedFile("apple-wallet", (), (), (apple_candidate(document, path),))
    objects = google_objects(document)
    if objects is not None:
        classes = google_classes(document)
        candidates = tuple(
            google_candidate(row, item, where, classes)
            for row, (where, item) in enumerate(objects, 1)
        )
        return ParsedFile("google-wallet", (), (), candidates)
    memberships = _schema_org_memberships(document)
    if memberships is not None:
        candidates = tuple(
            _schema_org(row, item, f"[{row - 1}]" if isinstance(document, list) else "")
            for row, item in enumerate(memberships, 1)
        )
        return ParsedFile("schema.org", (), (), candidates)
    raise InvalidInput(
        f"{path} is JSON but not a loyalty file this app reads: expected a VRM Wallet export, a "
        "Google Wallet LoyaltyObject, an Apple Wallet pass.json (store card) or schema.org "
        "ProgramMembership objects."
    )


# ------------------------------------------------------------------------------ our export


def memberships_json(drafts: Iterable[MembershipDraft], exported: datetime) -> bytes:
    """Our JSON export: every field of every card, read back by :func:`parse_json`."""
    document = {
        "format": OWN_FORMAT,
        "version": OWN_FORMAT_VERSION,
        "exported": exported.isoformat(),
        "memberships": [draft.model_dump(mode="json") for draft in drafts],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _own_format(document: dict[str, Any], path: Path) -> ParsedFile:
    version = document.get("version")
    if version != OWN_FORMAT_VERSION or isinstance(version, bool):
        raise InvalidInput(
            f"{path} is a VRM Wallet loyalty export of version {quoted(str(version))}; this "
            f"app reads version {OWN_FORMAT_VERSION}. Update VRM Wallet."
        )
    if not isinstance(document.get("memberships"), list):
        raise wrong_kind("memberships", "a list of objects", document.get("memberships"))
    candidates = []
    for row, item in enumerate(objects_at(document, "memberships"), 1):
        values = {k: v for k, v in item.items() if k in MEMBERSHIP_FIELDS}
        summary = summary_of(values.get("program"), values.get("vendor"))
        candidates.append(candidate(row, partial(draft_from_values, values), summary))
    return ParsedFile("vrm-json", (), (), tuple(candidates))


# ------------------------------------------------------------------------------ schema.org


def _schema_org_memberships(document: Any) -> list[dict[str, Any]] | None:
    items = document if isinstance(document, list) else [document]
    if items and all(
        isinstance(item, dict) and item.get("@type") == SCHEMA_ORG_TYPE for item in items
    ):
        return objects_in(items, "the list")
    return None


def _schema_org(row: int, item: dict[str, Any], where: str) -> Candidate:
    host = item.get("hostingOrganization")
    vendor = text(host.get("name")) if isinstance(host, dict) else text(host)
    program_object = object_or_none(item.get("program"), path_of(where, "program")) or {}
    program = text(item.get("programName")) or text(program_object.get("name"))
    earned = item.get("membershipPointsEarned")
    if isinstance(earned, dict):
        earned = earned.get("value")

    def build() -> MembershipDraft:
        return draft_from_values(
            {
                "program": program or vendor,
                "vendor": vendor,
                "member_number": text(item.get("membershipNumber")),
                "points_balance": points_from_json(earned),
            }
        )

    return candidate(row, build, summary_of(program, vendor))
