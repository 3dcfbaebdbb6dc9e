"""``vrm-wallet-cli loyalty ...``: memberships, imports and exports, loyalty proposals."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from wallet.cli.support import (
    CliError,
    check_can_confirm,
    command,
    command_group,
    confirm,
    iso,
    local,
    non_negative_int,
    one_line,
    print_json,
    print_table,
    unlocked,
)
from wallet.errors import command_line_text
from wallet.loyalty.book import (
    EXPORT_FORMATS,
    ExportFormat,
    ImportPreview,
    LoyaltyBook,
    RejectedRow,
    parse_mapping,
    validated,
)
from wallet.loyalty.expiry import CardExpiry
from wallet.loyalty.models import (
    BARCODE_TYPES,
    PROPOSAL_STATUSES,
    Membership,
    MembershipDraft,
    Proposal,
    amount_value,
    points_value,
)
from wallet.terminal import printable
from wallet.wire.loyalty import REWARD_KINDS, ProposalTerms

# A file of thousands of bad rows lists this many of them, then says how many more there are.
MAX_PRINTED_REJECTED = 50


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from None


def _amount(text: str) -> Decimal:
    try:
        return amount_value(text)
    except ValueError as exc:
        shown = printable(text, max_chars=40)
        message = f"{shown!r} is not an amount ({command_line_text(exc)}); write it like 12.50"
        raise argparse.ArgumentTypeError(message) from None


def _points(text: str) -> int | Decimal | None:
    try:
        return points_value(text)
    except ValueError as exc:
        shown = printable(text, max_chars=40)
        reason = command_line_text(exc)
        raise argparse.ArgumentTypeError(f"{shown!r} is not a points balance ({reason})") from None


def _membership_json(membership: Membership, expiry: CardExpiry) -> dict[str, Any]:
    data = membership.model_dump(mode="json")
    data["created"], data["updated"] = iso(membership.created), iso(membership.updated)
    data["expiry_state"] = expiry.state  # "valid", "expiring" (within the lead time), "expired"
    data["barcode_text"] = membership.code_value  # exactly what the code encodes
    return data


def _expiry_text(expiry: CardExpiry) -> str:
    """ "2027-01-31", "2026-12-10 (expiring)", "2026-11-30 (expired)"."""
    if expiry.expiry is None:
        return ""
    day = expiry.expiry.isoformat()
    return day if expiry.state == "valid" else f"{day} ({expiry.state})"


def _proposal_json(proposal: Proposal) -> dict[str, Any]:
    return {
        "id": proposal.id,
        "status": proposal.status,
        "terms": proposal.terms.model_dump(mode="json"),
        "created": iso(proposal.created),
        "updated": iso(proposal.updated),
    }


def describe_commitment(terms: ProposalTerms) -> str:
    """ "12 purchases per year" / "500.00 EUR over the validity"."""
    commitment = terms.commitment
    amount = (
        f"{commitment.count} purchases"
        if commitment.kind == "purchases"
        else f"{commitment.amount} {commitment.currency}"
    )
    return f"{amount} {'per year' if terms.period == 'year' else 'in total'}"


def describe_reward(terms: ProposalTerms) -> str:
    reward = terms.reward
    if reward.kind == "percent_discount":
        return f"{reward.value}% discount"
    if reward.kind == "points_multiplier":
        return f"{reward.value}× points"
    return reward.kind.replace("_", " ")


# ------------------------------------------------------------------------------ memberships


def cmd_loyalty_add(args: argparse.Namespace) -> int:
    """Add a loyalty membership (card)."""
    draft = validated(
        MembershipDraft,
        {
            "program": args.program,
            "vendor": args.vendor,
            "member_number": args.member_number,
            "tier": args.tier,
            "points_balance": args.points,
            "expiry": args.expiry,
            "notes": args.notes,
            "barcode_type": args.barcode_type,
            "barcode_value": args.barcode_value,
        },
    )
    with unlocked(args) as vault:
        membership = LoyaltyBook(vault).add(draft)
    print(f"Added membership #{membership.id} ({printable(membership.program)}).")
    return 0


def cmd_loyalty_list(args: argparse.Namespace) -> int:
    """Your loyalty memberships."""
    with unlocked(args) as vault:
        memberships = LoyaltyBook(vault).memberships_with_expiry()
    if args.json:
        print_json([_membership_json(m, expiry) for m, expiry in memberships])
        return 0
    rows = [
        (
            str(m.id),
            one_line(m.program, 28),
            one_line(m.vendor, 24),
            m.member_number,
            m.tier,
            "" if m.points_balance is None else str(m.points_balance),
            _expiry_text(expiry),
        )
        for m, expiry in memberships
    ]
    print_table(("id", "program", "vendor", "member number", "tier", "points", "expiry"), rows)
    return 0


def cmd_loyalty_show(args: argparse.Namespace) -> int:
    """One membership in full."""
    with unlocked(args) as vault:
        book = LoyaltyBook(vault)
        membership = book.membership(args.id)
        expiry = book.expiry(membership)
    if args.json:
        print_json(_membership_json(membership, expiry))
        return 0
    for name, value in (
        ("Program", membership.program),
        ("Vendor", membership.vendor),
        ("Member number", membership.member_number),
        ("Tier", membership.tier),
        ("Points", "" if membership.points_balance is None else str(membership.points_balance)),
        ("Expiry", _expiry_text(expiry)),
        ("Barcode", f"{membership.barcode_type}: {membership.code_value}"),
        ("Notes", membership.notes),
        ("Updated", local(membership.updated)),
    ):
        print(f"{name + ':':15}{printable(value)}")
    return 0


def cmd_loyalty_delete(args: argparse.Namespace) -> int:
    """Delete a membership."""
    check_can_confirm(f"Deleting membership #{args.id}", assume_yes=args.yes)
    with unlocked(args) as vault:
        book = LoyaltyBook(vault)
        membership = book.membership(args.id)
        confirm(
            f"Delete membership #{args.id} ({one_line(membership.program)})", assume_yes=args.yes
        )
        book.delete(args.id)
    print(f"Deleted membership #{args.id}.")
    return 0


def _print_rejected(rejected: tuple[RejectedRow, ...], *, will: bool) -> None:
    """The rows left out and why; a file of thousands of bad rows prints the first ones."""
    if not rejected:
        return
    print(f"{len(rejected)} rows {'will be' if will else 'were'} left out:")
    print_table(
        ("row", "card", "reason"),
        [
            (str(r.row), one_line(r.summary, 32), one_line(r.reason, 120))
            for r in rejected[:MAX_PRINTED_REJECTED]
        ],
    )
    if len(rejected) > MAX_PRINTED_REJECTED:
        print(f"… and {len(rejected) - MAX_PRINTED_REJECTED} more rows left out.")


def _print_preview(preview: ImportPreview) -> None:
    print(f"File: {printable(preview.source)} ({preview.format})")
    if preview.mapping:
        print("Column mapping (change with --map COLUMN=FIELD, or COLUMN= to ignore):")
        print_table(
            ("column", "field"),
            [(column, name or "(ignored)") for column, name in preview.mapping],
        )
    print(f"{len(preview.good)} memberships can be imported.")
    _print_rejected(preview.rejected, will=True)


def cmd_loyalty_import(args: argparse.Namespace) -> int:
    """Import memberships from CSV, Google Wallet, Apple Wallet or a VRM Wallet export."""
    mapping = parse_mapping(args.map or ())
    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"The file {source} does not exist; check the path.")
    check_can_confirm("Importing", assume_yes=args.yes)
    with unlocked(args) as vault:
        book = LoyaltyBook(vault)
        preview = book.preview(source, mapping or None)
        _print_preview(preview)
        if not preview.good:
            raise CliError("Nothing to import: every row was left out (see above).")
        confirm(f"Import {len(preview.good)} memberships", assume_yes=args.yes)
        result = book.import_rows(preview)
    print(f"Imported {len(result.imported)} memberships.")
    if len(result.rejected) != len(preview.rejected):
        _print_rejected(result.rejected, will=False)
    elif result.rejected:
        print(f"{len(result.rejected)} rows were left out (listed above).")
    return 0


def cmd_loyalty_export(args: argparse.Namespace) -> int:
    """Export every membership to a CSV or JSON file (unencrypted: keep it safe)."""
    target = Path(args.file)
    if target.exists() and not args.force:
        raise CliError(f"{target} already exists; choose another name, or pass --force.")
    export_format: ExportFormat = args.format or (
        "json" if target.suffix.lower() == ".json" else "csv"
    )
    with unlocked(args) as vault:
        count = LoyaltyBook(vault).export(target, format=export_format)
    print(f"Exported {count} memberships to {printable(target)} ({export_format}, not encrypted).")
    return 0


# ------------------------------------------------------------------------------ proposals


def _terms_from_args(args: argparse.Namespace) -> ProposalTerms:
    if (args.purchases is None) == (args.amount is None):
        raise CliError("Commit to either --purchases N or --amount X (with --currency).")
    commitment: dict[str, Any] = (
        {"kind": "purchases", "count": args.purchases}
        if args.purchases is not None
        else {"kind": "amount", "amount": args.amount, "currency": args.currency or ""}
    )
    valid_from = args.valid_from or date.today()
    valid_until = args.valid_until or valid_from.replace(year=valid_from.year + 1)
    return validated(
        ProposalTerms,
        {
            "title": args.title,
            "vendor": args.vendor or "",
            "category": args.category,
            "commitment": commitment,
            "period": args.period,
            "reward": {"kind": args.reward, "value": args.reward_value},
            "valid_from": valid_from,
            "valid_until": valid_until,
        },
    )


def cmd_proposal_add(args: argparse.Namespace) -> int:
    """Write a loyalty proposal: your commitment and the reward you ask for."""
    terms = _terms_from_args(args)
    with unlocked(args) as vault:
        proposal = LoyaltyBook(vault).add_proposal(terms, status=args.status)
    print(
        f"Saved proposal #{proposal.id}: {describe_commitment(terms)} in "
        f"{printable(terms.category)} for {describe_reward(terms)}, {terms.valid_from} to "
        f"{terms.valid_until}."
    )
    return 0


def cmd_proposal_list(args: argparse.Namespace) -> int:
    """Your loyalty proposals."""
    with unlocked(args) as vault:
        proposals = LoyaltyBook(vault).proposals()
    if args.json:
        print_json([_proposal_json(p) for p in proposals])
        return 0
    rows = [
        (
            str(p.id),
            one_line(p.terms.title, 28),
            p.terms.vendor or "(any)",
            describe_commitment(p.terms),
            describe_reward(p.terms),
            f"{p.terms.valid_from} – {p.terms.valid_until}",
            p.status,
        )
        for p in proposals
    ]
    print_table(("id", "title", "vendor", "commitment", "reward", "valid", "status"), rows)
    return 0


def cmd_proposal_delete(args: argparse.Namespace) -> int:
    """Delete a proposal and its recorded purchases."""
    check_can_confirm(f"Deleting proposal #{args.id}", assume_yes=args.yes)
    with unlocked(args) as vault:
        book = LoyaltyBook(vault)
        book.proposal(args.id)
        confirm(f"Delete proposal #{args.id} and its purchases", assume_yes=args.yes)
        book.delete_proposal(args.id)
    print(f"Deleted proposal #{args.id}.")
    return 0


def cmd_proposal_record(args: argparse.Namespace) -> int:
    """Record a purchase towards a proposal's commitment."""
    with unlocked(args) as vault:
        purchase = LoyaltyBook(vault).record_purchase(
            args.id, vendor=args.vendor, amount=args.amount, day=args.date
        )
    print(f"Recorded {purchase.amount} at {printable(purchase.vendor)} on {purchase.date}.")
    return 0


def cmd_proposal_progress(args: argparse.Namespace) -> int:
    """How far each vendor is towards a proposal's commitment this period."""
    with unlocked(args) as vault:
        progress = LoyaltyBook(vault).progress(args.id)
    if args.json:
        print_json(progress.model_dump(mode="json"))
        return 0
    print(
        f"Period {progress.period_start} – {progress.period_end}: target {progress.target} "
        f"{progress.unit}" + ("" if progress.in_window else " (outside the proposal's validity)")
    )
    rows = [
        (v.vendor, str(v.purchases), str(v.amount), f"{v.achieved}", f"{v.fraction:.0%}")
        for v in progress.vendors
    ]
    if rows:
        print_table(("vendor", "purchases", "amount", "achieved", "progress"), rows)
    else:
        print("No purchases recorded in this period.")
    return 0


# ------------------------------------------------------------------------------ parser


def _add_membership_commands(loyalty: Any) -> None:
    add = command(loyalty, "add", cmd_loyalty_add)
    add.add_argument("--program", required=True, metavar="P", help="the program's name")
    add.add_argument("--vendor", required=True, metavar="V", help="the company running it")
    add.add_argument("--member-number", required=True, metavar="N", help="your card's number")
    add.add_argument("--tier", default="", metavar="T", help="your tier or level")
    add.add_argument("--points", type=_points, metavar="N", help="your points balance")
    add.add_argument("--expiry", type=_day, metavar="DATE", help="YYYY-MM-DD")
    add.add_argument("--notes", default="", metavar="TEXT")
    add.add_argument(
        "--barcode-type", choices=BARCODE_TYPES, default="qr", help="how the card is scanned"
    )
    add.add_argument(
        "--barcode-value", default="", metavar="V", help="what the code holds (default: number)"
    )
    command(loyalty, "list", cmd_loyalty_list, json_output=True)
    show = command(loyalty, "show", cmd_loyalty_show, json_output=True)
    show.add_argument("id", type=non_negative_int, metavar="ID")
    delete = command(loyalty, "delete", cmd_loyalty_delete)
    delete.add_argument("id", type=non_negative_int, metavar="ID")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    imports = command(loyalty, "import", cmd_loyalty_import)
    imports.add_argument("file", metavar="FILE", help="CSV, Google/Apple Wallet JSON or export")
    imports.add_argument("--yes", action="store_true", help="import the good rows without asking")
    imports.add_argument(
        "--map",
        action="append",
        metavar="COLUMN=FIELD",
        help="CSV: put COLUMN into FIELD (repeatable; COLUMN= ignores it)",
    )
    export = command(loyalty, "export", cmd_loyalty_export)
    export.add_argument("file", metavar="FILE")
    export.add_argument("--format", choices=EXPORT_FORMATS, help="default: from the file name")
    export.add_argument("--force", action="store_true", help="replace an existing file")


def _add_proposal_commands(loyalty: Any) -> None:
    proposal = command_group(loyalty, "proposal", "your own loyalty proposals")
    add = command(proposal, "add", cmd_proposal_add)
    add.add_argument("--title", required=True, metavar="TEXT", help="a name for the proposal")
    add.add_argument("--category", required=True, metavar="C", help="e.g. groceries")
    add.add_argument("--vendor", metavar="V", help="the one vendor (default: whoever accepts)")
    add.add_argument("--purchases", type=non_negative_int, metavar="N", help="commit to N buys")
    add.add_argument("--amount", type=_amount, metavar="X", help="commit to spending X")
    add.add_argument("--currency", metavar="CUR", help="ISO 4217 code for --amount, e.g. EUR")
    add.add_argument(
        "--period",
        choices=("year", "validity"),
        default="year",
        help="the commitment is per year (default) or over the whole validity",
    )
    add.add_argument("--reward", required=True, choices=REWARD_KINDS, help="what you ask for")
    add.add_argument(
        "--reward-value", type=_amount, metavar="X", help="the percentage or the multiplier"
    )
    add.add_argument("--valid-from", type=_day, metavar="DATE", help="default: today")
    add.add_argument("--valid-until", type=_day, metavar="DATE", help="default: a year later")
    add.add_argument("--status", choices=PROPOSAL_STATUSES, default="draft")
    command(proposal, "list", cmd_proposal_list, json_output=True)
    delete = command(proposal, "delete", cmd_proposal_delete)
    delete.add_argument("id", type=non_negative_int, metavar="ID")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    record = command(proposal, "record", cmd_proposal_record)
    record.add_argument("id", type=non_negative_int, metavar="ID")
    record.add_argument("--vendor", required=True, metavar="V")
    record.add_argument("--amount", required=True, type=_amount, metavar="X")
    record.add_argument("--date", type=_day, metavar="DATE", help="default: today")
    progress = command(proposal, "progress", cmd_proposal_progress, json_output=True)
    progress.add_argument("id", type=non_negative_int, metavar="ID")


def add_commands(commands: Any) -> None:
    """The ``loyalty`` command group."""
    loyalty = command_group(commands, "loyalty", "loyalty memberships and your own proposals")
    _add_membership_commands(loyalty)
    _add_proposal_commands(loyalty)
