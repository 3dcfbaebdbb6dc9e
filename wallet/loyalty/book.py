"""The loyalty book: memberships, imports and exports, proposals and their progress.

``LoyaltyBook(vault)`` is a thin service over an unlocked vault; like the vault, it must be used
from the thread that opened the vault. Every change is logged in the same transaction, with field
names only: a member number, a balance or a program's name never enters the activity log.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.errors import InvalidInput, NotFound
from wallet.files import atomic_write_bytes
from wallet.loyalty import store
from wallet.loyalty.csv_format import memberships_csv
from wallet.loyalty.expiry import CardExpiry, expiry_state, local_day
from wallet.loyalty.formats import parse_file
from wallet.loyalty.json_formats import memberships_json
from wallet.loyalty.models import (
    MEMBERSHIP_FIELDS,
    Membership,
    MembershipDraft,
    Proposal,
    ProposalProgress,
    ProposalStatus,
    Purchase,
    VendorProgress,
    amount_value,
)
from wallet.loyalty.values import SourceFormat, quoted, validation_reason
from wallet.vault.facade import Vault
from wallet.wire.loyalty import ProposalTerms

ExportFormat = Literal["csv", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json")
M = TypeVar("M", bound=BaseModel)


def validated(model: type[M], data: Mapping[str, Any]) -> M:
    """``model`` built from ``data``, or :class:`InvalidInput` saying what is wrong in words."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        raise InvalidInput(f"Not saved: {validation_reason(exc)}.") from None


class DuplicateMembership(InvalidInput):
    """A membership of the same program with the same number is already in the vault."""

    def __init__(self, existing: Membership) -> None:
        super().__init__(
            f"You already have this card (membership #{existing.id}, {existing.program}); "
            "edit that one instead."
        )
        self.existing = existing


@dataclass(frozen=True, slots=True)
class ImportRow:
    """A row that will be imported."""

    row: int
    draft: MembershipDraft


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """A row that will not be imported, and why (``summary`` names the card, if it can)."""

    row: int
    reason: str
    summary: str = ""


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What importing ``source`` would do: its column mapping, the good and the rejected rows.

    Rows are numbered as a spreadsheet shows them (the CSV header is row 1), or by position for
    the objects of a JSON file. ``mapping`` pairs each CSV column with a field (or ``None``).
    """

    source: Path
    format: SourceFormat
    columns: tuple[str, ...]
    mapping: tuple[tuple[str, str | None], ...]
    good: tuple[ImportRow, ...]
    rejected: tuple[RejectedRow, ...]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: ids of the new memberships and the rows left out, with reasons."""

    imported: tuple[int, ...]
    rejected: tuple[RejectedRow, ...]


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def period_of(terms: ProposalTerms, as_of: date) -> tuple[date, date]:
    """The commitment period containing ``as_of`` (the first or last one if outside validity)."""
    if terms.period == "validity":
        return terms.valid_from, terms.valid_until
    clamped = min(max(as_of, terms.valid_from), terms.valid_until)
    years = clamped.year - terms.valid_from.year
    if _add_years(terms.valid_from, years) > clamped:
        years -= 1
    start = _add_years(terms.valid_from, years)
    end = _add_years(terms.valid_from, years + 1) - timedelta(days=1)
    return start, min(end, terms.valid_until)


def _vendor_key(vendor: str) -> str:
    return " ".join(vendor.split()).casefold()


def _duplicate(membership_id: int) -> str:
    return f"duplicate of membership #{membership_id} already in the vault"


def _changed_fields(before: MembershipDraft, after: MembershipDraft) -> tuple[str, ...]:
    return tuple(n for n in MEMBERSHIP_FIELDS if getattr(before, n) != getattr(after, n))


class LoyaltyBook:
    """Memberships and proposals in an unlocked vault."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    @staticmethod
    def _now() -> datetime:
        return datetime.now(UTC)

    # ------------------------------------------------------------------ memberships

    def memberships(self) -> list[Membership]:
        """Every membership, by program then vendor."""
        return store.list_memberships(self._vault.reader)

    def memberships_with_expiry(
        self, *, now: datetime | None = None
    ) -> list[tuple[Membership, CardExpiry]]:
        """Every membership with its expiry state at ``now`` (the current time if ``None``)."""
        today, lead_days = local_day(now), self.expiry_lead_days()
        return [
            (card, expiry_state(card.expiry, today=today, lead_days=lead_days))
            for card in self.memberships()
        ]

    def expiry(self, membership: Membership, *, now: datetime | None = None) -> CardExpiry:
        """Whether ``membership`` is expired, expiring soon or valid at ``now``."""
        lead_days = self.expiry_lead_days()
        return expiry_state(membership.expiry, today=local_day(now), lead_days=lead_days)

    def expiry_lead_days(self) -> int:
        """How many days before its expiry a card counts as expiring: the reminders' lead time."""
        return self._vault.settings().reminder_lead_days

    def membership(self, membership_id: int) -> Membership:
        found = store.get_membership(self._vault.reader, membership_id)
        if found is None:
            raise NotFound(f"There is no loyalty membership #{membership_id}.")
        return found

    def find_duplicate(self, draft: MembershipDraft) -> Membership | None:
        """The stored membership with the same program and number (case and spaces ignored)."""
        existing = store.membership_ids_by_key(self._vault.reader).get(draft.key)
        return None if existing is None else self.membership(existing)

    def add(self, draft: MembershipDraft) -> Membership:
        """Store a new membership; a duplicate raises :class:`DuplicateMembership`."""
        duplicate = self.find_duplicate(draft)
        if duplicate is not None:
            raise DuplicateMembership(duplicate)
        with self._vault.write() as connection:
            new_id = store.insert_membership(connection, draft, self._now())
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.LOYALTY_ADDED,
                    field_names=tuple(n for n in MEMBERSHIP_FIELDS if getattr(draft, n)),
                    reason=f"membership #{new_id}",
                ),
            )
            self._vault.note_changed(Part.LOYALTY)
        return self.membership(new_id)

    def update(self, membership_id: int, draft: MembershipDraft) -> Membership:
        """Replace a membership's details (it keeps its id and creation time)."""
        current = self.membership(membership_id)
        duplicate = self.find_duplicate(draft)
        if duplicate is not None and duplicate.id != membership_id:
            raise DuplicateMembership(duplicate)
        changed = _changed_fields(current.draft(), draft)
        if not changed:
            return current
        with self._vault.write() as connection:
            store.update_membership(connection, membership_id, draft, self._now())
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.LOYALTY_UPDATED,
                    field_names=changed,
                    reason=f"membership #{membership_id}",
                ),
            )
            self._vault.note_changed(Part.LOYALTY)
        return self.membership(membership_id)

    def delete(self, membership_id: int) -> None:
        with self._vault.write() as connection:
            if not store.delete_membership(connection, membership_id):
                raise NotFound(f"There is no loyalty membership #{membership_id}.")
            self._vault.record(
                connection,
                ActivityEvent(activity.LOYALTY_DELETED, reason=f"membership #{membership_id}"),
            )
            self._vault.note_changed(Part.LOYALTY)

    # ------------------------------------------------------------------ import and export

    def preview(self, file: Path, mapping: Mapping[str, str | None] | None = None) -> ImportPreview:
        """Read ``file`` and say what importing it would do; nothing is changed.

        ``mapping`` (CSV only) overrides the guessed field of some columns (``None``: ignore).
        """
        parsed = parse_file(Path(file), mapping)
        existing = store.membership_ids_by_key(self._vault.reader)
        first_row_of: dict[str, int] = {}
        good: list[ImportRow] = []
        rejected: list[RejectedRow] = []
        for candidate in parsed.candidates:
            draft = candidate.draft
            if draft is None:
                rejected.append(RejectedRow(candidate.row, candidate.reason, candidate.summary))
            elif draft.key in existing:
                reason = _duplicate(existing[draft.key])
                rejected.append(RejectedRow(candidate.row, reason, candidate.summary))
            elif draft.key in first_row_of:
                reason = f"duplicate of row {first_row_of[draft.key]} in this file"
                rejected.append(RejectedRow(candidate.row, reason, candidate.summary))
            else:
                first_row_of[draft.key] = candidate.row
                good.append(ImportRow(candidate.row, draft))
        return ImportPreview(
            Path(file), parsed.format, parsed.columns, parsed.mapping, tuple(good), tuple(rejected)
        )

    def import_rows(self, preview: ImportPreview) -> ImportResult:
        """Import the good rows of ``preview`` in one transaction, logged as one entry.

        A row that became a duplicate since the preview is left out and reported.
        """
        rejected = list(preview.rejected)
        imported: list[int] = []
        with self._vault.write() as connection:
            existing = store.membership_ids_by_key(connection)
            now = self._now()
            for item in preview.good:
                if item.draft.key in existing:
                    rejected.append(RejectedRow(item.row, _duplicate(existing[item.draft.key])))
                    continue
                new_id = store.insert_membership(connection, item.draft, now)
                existing[item.draft.key] = new_id
                imported.append(new_id)
            if imported:
                self._vault.note_changed(Part.LOYALTY)
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.LOYALTY_IMPORTED,
                    result=activity.COMPLETED,
                    reason=(
                        f"{len(imported)} memberships from {preview.format}; "
                        f"{len(rejected)} rows left out"
                    ),
                ),
            )
        return ImportResult(tuple(imported), tuple(sorted(rejected, key=lambda r: r.row)))

    def export(self, target: Path, *, format: ExportFormat = "csv") -> int:
        """Write every membership to ``target`` (atomically, mode 0600); returns how many."""
        if format not in EXPORT_FORMATS:
            raise InvalidInput(f"Unknown export format {format!r}; use csv or json.")
        drafts = [membership.draft() for membership in self.memberships()]
        now = self._now()
        data = memberships_csv(drafts) if format == "csv" else memberships_json(drafts, now)
        atomic_write_bytes(Path(target), data)
        with self._vault.write() as connection:
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.LOYALTY_EXPORTED,
                    field_names=MEMBERSHIP_FIELDS,
                    reason=f"{len(drafts)} memberships as {format}",
                ),
            )
        return len(drafts)

    # ------------------------------------------------------------------ proposals

    def proposals(self) -> list[Proposal]:
        return store.list_proposals(self._vault.reader)

    def proposals_with_progress(self) -> list[tuple[Proposal, ProposalProgress]]:
        """Every proposal with its progress in the current period (what the Loyalty page shows)."""
        return [(proposal, self.progress(proposal.id)) for proposal in self.proposals()]

    def proposal(self, proposal_id: int) -> Proposal:
        found = store.get_proposal(self._vault.reader, proposal_id)
        if found is None:
            raise NotFound(f"There is no loyalty proposal #{proposal_id}.")
        return found

    def add_proposal(self, terms: ProposalTerms, *, status: ProposalStatus = "draft") -> Proposal:
        with self._vault.write() as connection:
            new_id = store.insert_proposal(connection, terms, status, self._now())
            self._vault.record(
                connection,
                ActivityEvent(activity.PROPOSAL_SAVED, reason=f"proposal #{new_id} ({status})"),
            )
            self._vault.note_changed(Part.LOYALTY)
        return self.proposal(new_id)

    def update_proposal(
        self, proposal_id: int, terms: ProposalTerms, *, status: ProposalStatus | None = None
    ) -> Proposal:
        current = self.proposal(proposal_id)
        new_status = status or current.status
        with self._vault.write() as connection:
            store.update_proposal(connection, proposal_id, terms, new_status, self._now())
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.PROPOSAL_SAVED, reason=f"proposal #{proposal_id} ({new_status})"
                ),
            )
            self._vault.note_changed(Part.LOYALTY)
        return self.proposal(proposal_id)

    def delete_proposal(self, proposal_id: int) -> None:
        """Delete a proposal and the purchases recorded against it."""
        with self._vault.write() as connection:
            if not store.delete_proposal(connection, proposal_id):
                raise NotFound(f"There is no loyalty proposal #{proposal_id}.")
            self._vault.record(
                connection,
                ActivityEvent(activity.PROPOSAL_DELETED, reason=f"proposal #{proposal_id}"),
            )
            self._vault.note_changed(Part.LOYALTY)

    def record_purchase(
        self,
        proposal_id: int,
        *,
        vendor: str,
        amount: Decimal | int | str,
        day: date | None = None,
    ) -> Purchase:
        """Record a purchase from ``vendor`` towards a proposal's commitment."""
        proposal = self.proposal(proposal_id)
        vendor = " ".join(vendor.split())
        if not vendor:
            raise InvalidInput("Name the vendor the purchase was made from.")
        if proposal.terms.vendor and _vendor_key(vendor) != _vendor_key(proposal.terms.vendor):
            raise InvalidInput(
                f"Proposal #{proposal_id} is made to {proposal.terms.vendor}, not to {vendor}."
            )
        try:
            value = amount_value(amount)
        except ValueError as exc:
            raise InvalidInput(
                f"{quoted(str(amount))} is not an amount ({exc}); write it like 12.50."
            ) from None
        with self._vault.write() as connection:
            new_id = store.insert_purchase(
                connection,
                proposal_id,
                vendor=vendor,
                day=day or date.today(),
                amount=value,
                now=self._now(),
            )
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.PURCHASE_RECORDED,
                    party=vendor,
                    field_names=("date", "amount"),
                    reason=f"proposal #{proposal_id}",
                ),
            )
            self._vault.note_changed(Part.LOYALTY)
        return next(p for p in self.purchases(proposal_id) if p.id == new_id)

    def purchases(self, proposal_id: int) -> list[Purchase]:
        self.proposal(proposal_id)
        return store.purchases(self._vault.reader, proposal_id)

    def progress(self, proposal_id: int, *, as_of: date | None = None) -> ProposalProgress:
        """Purchases recorded per vendor in the current period against the commitment."""
        proposal = self.proposal(proposal_id)
        terms = proposal.terms
        today = as_of or date.today()
        start, end = period_of(terms, today)
        commitment = terms.commitment
        target = Decimal(commitment.count if commitment.kind == "purchases" else commitment.amount)
        unit = "purchases" if commitment.kind == "purchases" else commitment.currency
        totals: dict[str, tuple[str, int, Decimal]] = {}
        if terms.vendor:
            totals[_vendor_key(terms.vendor)] = (terms.vendor, 0, Decimal(0))
        for purchase in store.purchases(self._vault.reader, proposal_id, start=start, end=end):
            key = _vendor_key(purchase.vendor)
            name, count, amount = totals.get(key, (purchase.vendor, 0, Decimal(0)))
            totals[key] = (name, count + 1, amount + purchase.amount)
        vendors = []
        for name, count, amount in totals.values():
            achieved = Decimal(count) if commitment.kind == "purchases" else amount
            vendors.append(
                VendorProgress(
                    vendor=name,
                    purchases=count,
                    amount=amount,
                    achieved=achieved,
                    fraction=float(min(Decimal(1), achieved / target)),
                )
            )
        vendors.sort(key=lambda v: (-v.fraction, v.vendor.casefold()))
        return ProposalProgress(
            proposal_id=proposal_id,
            period_start=start,
            period_end=end,
            target=target,
            unit=unit,
            vendors=tuple(vendors),
            in_window=terms.valid_from <= today <= terms.valid_until,
        )


def parse_mapping(pairs: Sequence[str]) -> dict[str, str | None]:
    """``COLUMN=FIELD`` pairs (``COLUMN=`` ignores the column) as a mapping."""
    mapping: dict[str, str | None] = {}
    for pair in pairs:
        column, separator, name = pair.partition("=")
        if not separator or not column.strip():
            raise InvalidInput(f"{pair!r} is not COLUMN=FIELD (e.g. 'Card number=member_number').")
        mapping[column.strip()] = name.strip() or None
    return mapping
