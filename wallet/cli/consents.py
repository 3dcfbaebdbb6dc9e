"""``vrm-wallet-cli consent ...`` and ``request ...``: grant, list, show, revoke and export
consents, send a changed field to the vendors holding it, and write GDPR data-subject requests.

Everything is checked before the passphrase is asked for where it can be (purposes, days, field
list syntax, whether a confirmation could be asked). ``consent grant`` prints only the new
consent's id on standard output, so a script can capture it; the summary it asks about and the
delivery report go to standard error. ``request access|erasure`` prints the request itself (or
writes it with ``--out``); notes about it go to standard error.

Commands that queue messages for a vendor (grant, revoke, update) leave them in the outbox unless
``--wait SECONDS`` is given: then they are delivered at once and the vendors' signed
acknowledgements are read and reported. ``consent deliver`` sends whatever is still queued.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wallet.cli.consent_messages import add_renew_command, add_wait, deliver_or_queue
from wallet.cli.support import (
    CliError,
    check_can_confirm,
    command,
    command_group,
    confirm,
    iso,
    local,
    one_line,
    print_json,
    print_listing,
    print_table,
    unlocked,
    wait_seconds,
)
from wallet.consents import ConsentBook, ConsentRecord
from wallet.consents.book import MAX_DAYS
from wallet.consents.purposes import PURPOSES, parse_purpose
from wallet.consents.requests import FORMATS, DataRequestBook, DataRequestRecord
from wallet.consents.views import consent_details
from wallet.files import atomic_write_bytes
from wallet.terminal import printable, printable_json, printable_lines
from wallet.wire.terms import LANGUAGES

RECEIPT_FORMATS = {
    "jws": "signed receipt (compact JWS)",
    "json": "readable receipt (with both signatures)",
    "dpv": "DPV consent record",
}


# ---------------------------------------------------------------------------- parsing


def _given(value: str | None, what: str) -> str | None:
    """``value``, unless it was given as empty or blank text: that is refused with one clear line
    (an empty ``--offer`` once fell through to "There is no vendor None")."""
    if value is not None and not value.strip():
        raise CliError(f"The {what} is empty; nothing was done.")
    return value


def _purposes(texts: Sequence[str]) -> tuple[int, ...]:
    try:
        return tuple(parse_purpose(text).number for text in texts)
    except ValueError as exc:
        raise CliError(str(exc)) from None


def _days(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        days = int(text)
    except ValueError:
        days = 0
    if not 1 <= days <= MAX_DAYS:
        raise CliError(f"--days must be a whole number from 1 to {MAX_DAYS}, not {text!r}.")
    return days


def _field_keys(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    keys = tuple(key.strip() for key in text.split(",") if key.strip())
    if not keys:
        raise CliError("--fields names at least one field, e.g. --fields email,postal_address.")
    return keys


def _when(epoch: int | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC)


def _local(epoch: int | None) -> str:
    moment = _when(epoch)
    return local(moment) if moment else "-"


def _iso(epoch: int | None) -> str | None:
    moment = _when(epoch)
    return iso(moment) if moment else None


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise CliError(
            f"{path} already exists; choose another name, or pass --force to replace it."
        )


# ---------------------------------------------------------------------------- delivery


def _ask(action: str, *, assume_yes: bool) -> None:
    """:func:`confirm`, asking on standard error (standard output carries only the result)."""
    check_can_confirm(action, assume_yes=assume_yes)
    if assume_yes:
        return
    print(f"{printable(action)}? [y/N] ", end="", file=sys.stderr, flush=True)
    if input().strip().lower() not in ("y", "yes"):
        raise CliError("Cancelled; nothing was changed.")


# ---------------------------------------------------------------------------- consents


def _purpose_json(number: int) -> dict[str, Any]:
    purpose = PURPOSES[number]
    return {"number": number, "label": purpose.label, "dpv": purpose.dpv_iri}


def _consent_json(record: ConsentRecord) -> dict[str, Any]:
    row = record.row
    return {
        "id": record.id,
        "vendor": row.vendor_id,
        "vendor_name": record.vendor_name,
        "status": row.status,
        "fields": list(row.field_keys),
        "purposes": [_purpose_json(number) for number in row.purposes],
        "granted": _iso(row.granted_at),
        "expires": _iso(row.expires_at),
        "ended": _iso(row.ended_at),
        "offer": row.offer_id,
        "acknowledged": _iso(row.acknowledged_at),
        "terminated": _iso(row.terminated_at),
        "summary": row.summary,
    }


def cmd_consent_grant(args: argparse.Namespace) -> int:
    """Give a vendor chosen fields for stated purposes and a period; prints the consent id."""
    offer_id, vendor_id = _given(args.offer, "offer id"), _given(args.vendor, "vendor id")
    third_party = _given(args.third_party, "third party's name")
    purposes = _purposes(args.purpose)
    days = _days(args.days)
    fields = _field_keys(args.fields)
    if vendor_id is not None and fields is None:
        raise CliError("Name the fields to share with --fields KEY,KEY (see `data list`).")
    check_can_confirm("Granting a consent", assume_yes=args.yes)
    with unlocked(args) as vault:
        book = ConsentBook(vault)
        if offer_id is not None:
            plan = book.plan_from_offer(offer_id)
        else:
            assert vendor_id is not None  # argparse requires one of --offer and --vendor
            plan = book.plan_for_vendor(vendor_id)
        changes: dict[str, object] = {"purposes": purposes}
        if fields is not None:
            changes["field_keys"] = fields
        if days is not None:
            changes["days"] = days
        if third_party is not None:
            changes["third_party_name"] = third_party
        request = plan.request(**changes)
        summary = book.summary(request)  # refuses what grant would refuse, before asking
        labels = {field.key: field.label for field in plan.fields}
        err = sys.stderr
        # The vendor's name and the offer's item come from the vendor: escaped, one line each.
        print(f"Vendor:    {printable(plan.vendor_name)} ({printable(plan.vendor_id)})", file=err)
        if plan.item_name:
            print(f"Offer:     {printable(plan.item_name)} ({printable(plan.offer_id)})", file=err)
        shared = ", ".join(f"{labels.get(key, key)} ({key})" for key in request.field_keys)
        print(f"Fields:    {printable(shared)}", file=err)
        print(f"Purposes:  {', '.join(PURPOSES[n].label for n in request.purposes)}", file=err)
        print(f"Period:    {request.days} days", file=err)
        print(printable(summary), file=err)
        _ask(f"Grant this consent to {plan.vendor_name}", assume_yes=args.yes)
        record = book.grant(request)
        print(record.id, flush=True)
        deliver_or_queue(
            vault, args.wait, queued="The disclosure (with the signed receipt) is", out=err
        )
    return 0


def cmd_consent_list(args: argparse.Namespace) -> int:
    """List your consents: vendor, status, fields and expiry."""
    with unlocked(args) as vault:
        records = ConsentBook(vault).list()
    print_listing(
        records,
        as_json=args.json,
        to_json=_consent_json,
        empty="No consents yet; give one with `consent grant`.",
        headers=("id", "vendor", "status", "fields", "expires"),
        to_row=lambda record: (
            record.id,
            one_line(record.vendor_name, 24),
            record.status,
            one_line(", ".join(record.field_keys), 36),
            _local(record.row.expires_at),
        ),
    )
    return 0


def _event_detail(detail: str) -> str:
    # Acknowledgement events keep the vendor's whole signed answer: too long to print.
    return "(the vendor's signed answer is kept)" if detail.startswith("{") else detail


def cmd_consent_show(args: argparse.Namespace) -> int:
    """Show one consent: summary, scope, purposes, dates, acknowledgement and history."""
    _given(args.id, "consent id")
    with unlocked(args) as vault:
        details = consent_details(vault, args.id)
    record, history, deliveries = details.record, details.events, details.deliveries
    row, receipt = record.row, record.receipt
    if args.json:
        print_json(
            {
                **_consent_json(record),
                "scope": [item.wire() for item in receipt.vrm.fields],
                "receipt": receipt.wire(),
                "history": [
                    {
                        "at": _iso(event.at),
                        "type": event.type,
                        "fields": list(event.field_names),
                        "detail": event.detail,
                    }
                    for event in history
                ],
                "deliveries": [
                    {"kind": d.kind, "status": d.status, "attempts": d.attempts} for d in deliveries
                ],
            }
        )
        return 0
    print(f"{record.id}  ({row.status})")
    print(f"  vendor:       {printable(record.vendor_name)} ({printable(row.vendor_id)})")
    print(f"  summary:      {printable(row.summary)}")
    print("  scope:")
    for item in receipt.vrm.fields:
        print(f"    {item.key}  ({item.piiCategory}; {item.dpv})")
    print("  purposes:")
    for number in row.purposes:
        print(f"    {PURPOSES[number].label}  ({PURPOSES[number].dpv_iri})")
    print(f"  granted:      {_local(row.granted_at)}")
    print(f"  expires:      {_local(row.expires_at)}")
    if row.ended_at is not None:
        print(f"  {row.status + ':':<13} {_local(row.ended_at)}")
    if row.offer_id:
        print(f"  offer:        {printable(row.offer_id)}")
    acknowledged = (
        f"yes, countersigned by the vendor on {_local(row.acknowledged_at)}"
        if row.acknowledged_at is not None
        else "not yet"
    )
    print(f"  acknowledged: {acknowledged}")
    if row.status != "active":
        terminated = (
            f"the vendor confirmed deleting the data on {_local(row.terminated_at)}"
            if row.terminated_at is not None
            else "no termination receipt from the vendor yet"
        )
        print(f"  termination:  {terminated}")
    if deliveries:
        print("  deliveries:")
        for delivery in deliveries:
            error = f" - {one_line(delivery.last_error, 60)}" if delivery.last_error else ""
            print(f"    {delivery.kind}: {delivery.status} ({delivery.attempts} attempt(s)){error}")
    print("  history:")
    print_table(
        ("    time", "event", "fields", "detail"),
        [
            (
                "    " + _local(event.at),
                event.type,
                ", ".join(event.field_names),
                one_line(_event_detail(event.detail), 72),
            )
            for event in history
        ],
    )
    return 0


def cmd_consent_revoke(args: argparse.Namespace) -> int:
    """Revoke a consent: the vendor is sent a signed notice to delete the data."""
    _given(args.id, "consent id")
    check_can_confirm(f"Revoking {args.id}", assume_yes=args.yes)
    with unlocked(args) as vault:
        book = ConsentBook(vault)
        record = book.get(args.id)
        if record.status != "active":
            raise CliError(
                f"Consent {args.id} is already {record.status}; only an active consent can be "
                "revoked."
            )
        fields = ", ".join(record.field_keys)
        confirm(f"Revoke the consent of {record.vendor_name} to {fields}", assume_yes=args.yes)
        outcome = book.revoke(args.id)
        print(f"Revoked {args.id}.")
        if outcome.queued:
            deliver_or_queue(
                vault, args.wait, queued="The signed revocation notice is", out=sys.stdout
            )
        else:
            print(f"{printable(record.vendor_name)} is not told: {printable(outcome.reason)}.")
    return 0


def cmd_consent_receipt(args: argparse.Namespace) -> int:
    """Export one consent's receipt (signed JWS, readable JSON, or a DPV record)."""
    _given(args.id, "consent id")
    _given(args.file, "file name")
    target = Path(args.file)
    _refuse_existing(target, args.force)
    with unlocked(args) as vault:
        ConsentBook(vault).export_receipt(args.id, target, format=args.format)
    print(f"Wrote the {RECEIPT_FORMATS[args.format]} of {args.id} to {target}.")
    return 0


def cmd_consent_export_all(args: argparse.Namespace) -> int:
    """Export every consent's receipt as ID.jws, ID.json and ID.dpv.json into DIR."""
    directory = Path(args.dir)
    if directory.exists() and not directory.is_dir():
        raise CliError(f"{directory} is not a directory; give a directory to export into.")
    with unlocked(args) as vault:
        written = ConsentBook(vault).export_all(directory)
    count = len(written) // len(RECEIPT_FORMATS)
    if not count:
        print("No consents yet; nothing was exported.")
    else:
        print(
            f"Exported {count} consent(s) to {directory}: ID.jws (signed receipt), ID.json "
            "(readable, with both signatures), ID.dpv.json (DPV record)."
        )
    return 0


def cmd_consent_update(args: argparse.Namespace) -> int:
    """Send a field's current value to the vendors holding it under an active consent."""
    _given(args.field, "field key")
    check_can_confirm(f"Sending the new value of {args.field}", assume_yes=args.yes)
    with unlocked(args) as vault:
        info = vault.fields.info(args.field)
        book = ConsentBook(vault)
        holders = book.holders(args.field)
        if not holders:
            print(f"No vendor holds {args.field} under an active consent; nothing to send.")
            return 0
        print(f"{printable(info.label)} ({info.key}) is held under an active consent by:")
        for holder in holders:
            vendor = f"{printable(holder.vendor_name)} ({printable(holder.vendor_id)})"
            print(f"  {vendor}, consent {holder.consent_id}")
        confirm(
            f"Send the current value of {args.field} to {len(holders)} vendor(s)",
            assume_yes=args.yes,
        )
        outcomes = book.propagate(args.field, [holder.consent_id for holder in holders])
        for outcome in outcomes:
            state = "update queued" if outcome.queued else f"not sent - {outcome.reason}"
            print(f"  {printable(outcome.vendor_id)}: {printable(state)}")
        if any(outcome.queued for outcome in outcomes):
            deliver_or_queue(vault, args.wait, queued="The update is", out=sys.stdout)
    return 0


def cmd_consent_deliver(args: argparse.Namespace) -> int:
    """Send queued messages now (disclosures, updates, notices) and read the acknowledgements."""
    with unlocked(args) as vault:
        deliver_or_queue(vault, args.wait, queued="Nothing was sent; everything is", out=sys.stdout)
    return 0


# ---------------------------------------------------------------------------- requests


def _request_json(record: DataRequestRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "kind": record.kind,
        "article": record.request.article,
        "language": record.request.language,
        "vendor": record.vendor_id,
        "created": _iso(record.created),
        "fields": list(record.field_keys),
        "receipts": list(record.receipt_ids),
    }


def _emit(record: DataRequestRecord, args: argparse.Namespace) -> None:
    """The request on standard output, or written to ``--out``; notes on standard error."""
    rendered = record.render(args.format)  # names the vendor, from its metadata
    if args.out:
        target = Path(args.out)
        atomic_write_bytes(target, rendered.encode("utf-8"))
        what = {"text": "letter", "mailto": "mailto: link", "json": "signed JSON"}[args.format]
        print(
            f"Wrote the {record.kind} request ({record.request.language}, {what}) for "
            f"{printable(record.request.vendor.name)} to {target}."
        )
    else:
        shown = printable_json(rendered) if args.format == "json" else printable_lines(rendered)
        sys.stdout.write(shown)
    if args.format == "mailto" and not record.email:
        where = f"; its contact is {record.contact}" if record.contact else ""
        print(
            f"note: {printable(record.request.vendor.name)} publishes no e-mail address"
            f"{printable(where)}; the link leaves the recipient for you to fill in.",
            file=sys.stderr,
        )


def _cmd_request(args: argparse.Namespace, kind: str) -> int:
    _given(args.vendor_id, "vendor id")
    if args.out:
        _refuse_existing(Path(args.out), args.force)
    with unlocked(args) as vault:
        record = DataRequestBook(vault).create(args.vendor_id, kind, language=args.lang)
    _emit(record, args)
    if not record.receipt_ids:
        print(
            "note: you gave this vendor no consent through the wallet; the request says so and "
            "asks about any data it holds.",
            file=sys.stderr,
        )
    if record.active_consents:
        print(
            f"note: {len(record.active_consents)} consent(s) to this vendor are still active in "
            "your wallet; revoke them (`consent revoke ID`) so no further updates are sent.",
            file=sys.stderr,
        )
    return 0


def cmd_request_access(args: argparse.Namespace) -> int:
    """Write a GDPR Art. 15 access request to a vendor (letter, mailto link or signed JSON)."""
    return _cmd_request(args, "access")


def cmd_request_erasure(args: argparse.Namespace) -> int:
    """Write a GDPR Art. 17 erasure request to a vendor (letter, mailto link or signed JSON)."""
    return _cmd_request(args, "erasure")


def cmd_request_list(args: argparse.Namespace) -> int:
    """List the data-subject requests you wrote."""
    with unlocked(args) as vault:
        records = DataRequestBook(vault).list()
    print_listing(
        records,
        as_json=args.json,
        to_json=_request_json,
        empty="No requests yet; write one with `request access VENDOR_ID`.",
        headers=("id", "created", "kind", "lang", "vendor", "fields"),
        to_row=lambda record: (
            record.id,
            _local(record.created),
            record.kind,
            record.request.language,
            one_line(record.vendor_id, 24),
            one_line(", ".join(record.field_keys), 36),
        ),
    )
    return 0


def cmd_request_show(args: argparse.Namespace) -> int:
    """Show a request you wrote, again (letter, mailto link or signed JSON)."""
    _given(args.id, "request id")
    if args.out:
        _refuse_existing(Path(args.out), args.force)
    with unlocked(args) as vault:
        record = DataRequestBook(vault).get(args.id)
    _emit(record, args)
    return 0


# ---------------------------------------------------------------------------- parser


def _add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of printing")
    parser.add_argument("--force", action="store_true", help="replace an existing --out file")


def add_commands(commands: Any) -> None:
    """The ``consent`` and ``request`` command groups."""
    consent = command_group(commands, "consent", "scoped, expiring, revocable consents")
    grant = command(consent, "grant", cmd_consent_grant)
    source = grant.add_mutually_exclusive_group(required=True)
    source.add_argument("--offer", metavar="OFFER_ID", help="for an accepted offer")
    source.add_argument("--vendor", metavar="VENDOR_ID", help="directly to a vendor")
    grant.add_argument(
        "--fields",
        metavar="KEY,KEY",
        help="the fields to share (with --offer, default: those the offer asks for)",
    )
    grant.add_argument(
        "--purpose",
        action="append",
        required=True,
        metavar="P",
        help="a Kantara purpose number (3), name (Delivery) or DPV term (dpv:DeliveryOfGoods); "
        "repeatable",
    )
    grant.add_argument("--days", metavar="N", help=f"how long, 1 to {MAX_DAYS} days (default 90)")
    grant.add_argument(
        "--third-party", metavar="NAME", help="who receives the data for third-party purposes"
    )
    grant.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_wait(grant)
    command(consent, "list", cmd_consent_list, json_output=True)
    show = command(consent, "show", cmd_consent_show, json_output=True)
    show.add_argument("id", metavar="ID")
    add_renew_command(consent)
    revoke = command(consent, "revoke", cmd_consent_revoke)
    revoke.add_argument("id", metavar="ID")
    revoke.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_wait(revoke)
    receipt = command(consent, "receipt", cmd_consent_receipt)
    receipt.add_argument("id", metavar="ID")
    receipt.add_argument("file", metavar="FILE")
    receipt.add_argument("--format", choices=tuple(RECEIPT_FORMATS), default="jws")
    receipt.add_argument("--force", action="store_true", help="replace an existing file")
    export_all = command(consent, "export-all", cmd_consent_export_all)
    export_all.add_argument("dir", metavar="DIR")
    update = command(consent, "update", cmd_consent_update)
    update.add_argument("field", metavar="FIELD")
    update.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_wait(update)
    deliver = command(consent, "deliver", cmd_consent_deliver)
    deliver.add_argument("--wait", type=wait_seconds, default=30.0, metavar="SECONDS")

    request = command_group(commands, "request", "GDPR data-subject requests to a vendor")
    for name, handler in (("access", cmd_request_access), ("erasure", cmd_request_erasure)):
        parser = command(request, name, handler)
        parser.add_argument("vendor_id", metavar="VENDOR_ID")
        parser.add_argument("--lang", choices=LANGUAGES, default="en", help="default: en")
        _add_output(parser)
    command(request, "list", cmd_request_list, json_output=True)
    show_request = command(request, "show", cmd_request_show)
    show_request.add_argument("id", metavar="ID")
    _add_output(show_request)
