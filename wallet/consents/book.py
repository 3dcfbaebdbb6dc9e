"""The consumer's consents: grant (with a signed receipt), disclose, update, expire, revoke, export.

:class:`ConsentBook` is the one object the app, the CLI and the vendor kit's demo use; each of its
jobs lives in a module of its own, which the book only puts together:

* :mod:`~wallet.consents.planning`: what a grant starts from, and the checks it passes;
* :mod:`~wallet.consents.granting`: the signed receipt, the consent and its disclosure;
* :mod:`~wallet.consents.ending`: revoking and expiring, with the vendor's notice;
* :mod:`~wallet.consents.updates`: a changed field sent to the vendors holding it;
* :mod:`~wallet.consents.queries`: consents, history, the overview and the windowed table;
* :mod:`~wallet.consents.export`: receipts as JWS, readable JSON or a DPV record.

The constants and records (:mod:`~wallet.consents.records`) are importable from here too.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from pathlib import Path

from wallet.consents import ending, export, granting, planning, queries, renewal, updates
from wallet.consents.records import (
    CONSENT_KINDS,
    DAY_SECONDS,
    DEFAULT_DAYS,
    EXPIRING_SOON_SECONDS,
    KEY_PURPOSE_PREFIX,
    KIND_DISCLOSURE,
    KIND_EXPIRY,
    KIND_REVOCATION,
    KIND_UPDATE,
    MAX_DAYS,
    ConsentRecord,
    GrantPlan,
    GrantRequest,
    Holder,
    NoticeOutcome,
    Overview,
    PlannedField,
    describe_purposes,
    summary_text,
)
from wallet.consents.store import ConsentEvent, ConsentRow, ConsentStatus
from wallet.outbox.store import OutboxRow
from wallet.vault.facade import Vault

__all__ = [
    "CONSENT_KINDS",
    "DAY_SECONDS",
    "DEFAULT_DAYS",
    "EXPIRING_SOON_SECONDS",
    "KEY_PURPOSE_PREFIX",
    "KIND_DISCLOSURE",
    "KIND_EXPIRY",
    "KIND_REVOCATION",
    "KIND_UPDATE",
    "MAX_DAYS",
    "ConsentBook",
    "ConsentRecord",
    "GrantPlan",
    "GrantRequest",
    "Holder",
    "NoticeOutcome",
    "Overview",
    "PlannedField",
    "describe_purposes",
    "summary_text",
]


class ConsentBook:
    """The consents of one unlocked vault (same thread rules as the vault)."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # ------------------------------------------------------------------ planning and granting

    def plan_from_offer(self, offer_id: str) -> GrantPlan:
        """Fields the accepted offer requires pre-selected (not optional ones); purposes too."""
        return planning.plan_from_offer(self._vault.reader, offer_id)

    def plan_for_vendor(self, vendor_id: str) -> GrantPlan:
        """Every field of the vault, none selected: the consumer picks."""
        return planning.plan_for_vendor(self._vault.reader, vendor_id)

    def summary(self, request: GrantRequest, *, now: int | None = None) -> str:
        """The plain-language summary of ``request`` (checked as :meth:`grant` would)."""
        return planning.summary(self._vault.reader, request, now=now)

    def grant(self, request: GrantRequest, *, now: int | None = None) -> ConsentRecord:
        """Give ``request.vendor_id`` the chosen fields: sign the receipt and queue the
        disclosure (exactly those fields) in one transaction. Returns the new consent."""
        return granting.grant(self._vault, request, now=now)

    def grant_many(
        self, requests: Sequence[GrantRequest], *, now: int | None = None
    ) -> builtins.list[ConsentRecord]:
        """:meth:`grant` for several requests (e.g. one scope to several vendors) in ONE
        transaction: all are granted or, if one is refused, none is."""
        return granting.grant_many(self._vault, requests, now=now)

    # ------------------------------------------------------------------ ending and updates

    def renew(self, consent_id: str, *, now: int | None = None) -> ConsentRecord:
        """Give the vendor of active consent ``consent_id`` the same fields, for the same
        purposes and as long again, under a new consent with a new signed receipt."""
        return renewal.renew(self._vault, consent_id, now=now)

    def revoke(self, consent_id: str, *, now: int | None = None) -> NoticeOutcome:
        """Revoke an active consent; the signed revocation waits in the outbox if offline."""
        return ending.revoke(self._vault, consent_id, now=now)

    def expire_due(self, *, now: int | None = None) -> builtins.list[NoticeOutcome]:
        """Active consents past their expiry become ``expired``; their vendors are told."""
        return ending.expire_due(self._vault, now=now)

    def holders(self, field_key: str) -> builtins.list[Holder]:
        """Vendors holding ``field_key`` under an active consent (one entry per consent)."""
        return updates.holders(self._vault, field_key)

    def propagate(
        self, field_key: str, consent_ids: Sequence[str] | None = None, *, now: int | None = None
    ) -> builtins.list[NoticeOutcome]:
        """Send the field's current value to the vendors holding it (all active holders, or
        those of ``consent_ids``); consents no longer active are skipped with a reason."""
        return updates.propagate(self._vault, field_key, consent_ids, now=now)

    # ------------------------------------------------------------------ reading

    def list(
        self, *, status: ConsentStatus | None = None, vendor_id: str | None = None
    ) -> builtins.list[ConsentRecord]:
        return queries.consents(self._vault, status=status, vendor_id=vendor_id)

    def get(self, consent_id: str) -> ConsentRecord:
        return queries.consent(self._vault, consent_id)

    def history(self, consent_id: str) -> builtins.list[ConsentEvent]:
        return queries.history(self._vault, consent_id)

    def deliveries(self, consent_id: str) -> builtins.list[OutboxRow]:
        """The outbox messages about this consent (disclosure, updates, notices)."""
        return queries.deliveries(self._vault, consent_id)

    def overview(self, *, now: int | None = None) -> Overview:
        """The vendors x fields matrix of active consents, with counts (a few indexed scans)."""
        return queries.overview(self._vault, now=now)

    def row_ids(self, *, status: ConsentStatus | None = None) -> builtins.list[int]:
        """Row ids of the consents, newest first (for a windowed table; see
        :meth:`rows_by_row_ids`)."""
        return queries.row_ids(self._vault, status=status)

    def rows_by_row_ids(self, row_ids: Sequence[int]) -> dict[int, ConsentRow]:
        return queries.rows_by_row_ids(self._vault, row_ids)

    def row_id_of(self, consent_id: str) -> int | None:
        """The row id of a consent (to bring it into view in a windowed table)."""
        return queries.row_id_of(self._vault, consent_id)

    def vendor_names(self) -> dict[str, str]:
        """Directory vendors' names by id (rows carry only the vendor id)."""
        return queries.vendor_names(self._vault)

    def rows(self, *, status: ConsentStatus | None = None) -> builtins.list[ConsentRow]:
        """The consents as stored, newest first, like :meth:`list` but without reading every
        receipt (the desktop's table: 50 000 consents list in seconds, not half a minute)."""
        return queries.rows(self._vault, status=status)

    # ------------------------------------------------------------------ export

    def receipt_bytes(self, consent_id: str, *, format: str = "jws") -> bytes:
        """One receipt as the signed compact JWS, or as readable JSON with both signatures."""
        return export.receipt_bytes(self._vault, consent_id, format=format)

    def export_receipt(self, consent_id: str, target: Path, *, format: str = "jws") -> Path:
        return export.export_receipt(self._vault, consent_id, target, format=format)

    def export_all(self, directory: Path) -> builtins.list[Path]:
        """Every consent's receipt as ``<id>.jws``, ``<id>.json`` and ``<id>.dpv.json``."""
        return export.export_all(self._vault, directory)
