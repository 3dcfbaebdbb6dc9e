"""What the consent commands share about the messages they queue for a vendor (deliver them now
with ``--wait`` or leave them queued), and ``consent renew``."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

from wallet.cli.support import (
    check_can_confirm,
    command,
    confirm,
    local,
    one_line,
    unlocked,
    wait_seconds,
)
from wallet.consents import ConsentBook
from wallet.delivery.cycle import deliver_pending
from wallet.outbox import DeliveryProgress
from wallet.terminal import printable
from wallet.vault.facade import Vault


def deliver_or_queue(vault: Vault, wait: float | None, *, queued: str, out: TextIO) -> None:
    """Deliver now (``--wait``) and report acknowledgements, or say what waits in the outbox."""
    if wait is None:
        print(
            f"{queued} queued; it is sent by `consent deliver` (or pass --wait SECONDS).",
            file=out,
        )
        return

    def progress(event: DeliveryProgress) -> None:
        detail = f" ({event.error})" if event.error else ""
        print(f"  {event.vendor_id}: {event.kind} {event.status}{detail}", file=out, flush=True)

    report = deliver_pending(vault, deadline=wait, on_progress=progress)
    summary = report.summary
    print(
        f"Delivered {summary.delivered}, failed {summary.failed}, disabled {summary.disabled}, "
        f"still pending {summary.pending}.",
        file=out,
    )
    for consent_id, kind in report.acknowledgements.accepted:
        print(f"  acknowledged: {consent_id} ({kind}, signed by the vendor)", file=out)
    for consent_id, reason in report.acknowledgements.refused:
        print(f"  answer refused: {consent_id} - {one_line(reason, 120)}", file=out)


def add_wait(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        type=wait_seconds,
        metavar="SECONDS",
        help="deliver now, waiting at most SECONDS, and report the vendors' acknowledgements "
        "(default: leave the message queued)",
    )


def cmd_consent_renew(args: argparse.Namespace) -> int:
    """Renew a consent: the same vendor, fields and purposes, as long again, a new receipt."""
    check_can_confirm(f"Renewing {args.id}", assume_yes=args.yes)
    with unlocked(args) as vault:
        book = ConsentBook(vault)
        record = book.get(args.id)
        fields = ", ".join(record.field_keys)
        confirm(f"Renew the consent of {record.vendor_name} to {fields}", assume_yes=args.yes)
        renewed = book.renew(args.id)
        print(renewed.id)  # alone on standard output, as for ``consent grant``
        until = local(datetime.fromtimestamp(renewed.row.expires_at, UTC))
        print(f"Renewed for {printable(record.vendor_name)} until {until}.", file=sys.stderr)
        queued = "The new receipt and its disclosure are"
        deliver_or_queue(vault, args.wait, queued=queued, out=sys.stderr)
    return 0


def add_renew_command(consent: Any) -> None:
    renew = command(consent, "renew", cmd_consent_renew)
    renew.add_argument("id", metavar="ID")
    renew.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_wait(renew)
