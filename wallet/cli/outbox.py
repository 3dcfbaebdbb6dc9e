"""``vrm-wallet-cli outbox ...``: the messages the wallet sends for you, and the dead letters.

``outbox list`` shows messages newest first (never a body); ``--failed`` only those not delivered:
refused or given up (``failed``), to a vendor that is gone (``disabled``), and dead letters — a
message the wallet itself could not handle (``dead``), or a delivered message whose answer it
could not read (``unreadable``). ``outbox retry ID...`` or ``--all`` queues dead letters again
and, unless ``--wait 0``, delivers them at once. Messages about one consent go in order, so a
dead letter holds back those queued after it (``blocked``) until it is retried or given up with
``outbox discard ID...``.
"""

from __future__ import annotations

import argparse
from typing import Any

from wallet.cli.intents import print_delivery_summary
from wallet.cli.support import (
    CliError,
    command,
    command_group,
    iso,
    local,
    non_negative_int,
    one_line,
    print_capped,
    print_json,
    print_table,
    unlocked,
    wait_seconds,
)
from wallet.delivery.cycle import deliver_pending
from wallet.outbox.dead_letters import MAX_LISTED, DeadLetters, OutboxEntry

DEFAULT_LIST_LIMIT = 100


def _entry_json(entry: OutboxEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "state": entry.state,
        "kind": entry.kind,
        "vendor": entry.vendor_id,
        "subject": entry.subject,
        "attempts": entry.attempts,
        "reason": entry.reason,
        "created": iso(entry.created),
        "retryable": entry.retryable,
        "waits_for": entry.waits_for,
    }


def cmd_outbox_list(args: argparse.Namespace) -> int:
    """List outbox messages newest first (--failed: only those not delivered)."""
    limit = min(args.limit, MAX_LISTED)
    with unlocked(args) as vault:
        entries = DeadLetters(vault).list(not_delivered=args.failed, limit=limit)
    if args.json:
        print_json([_entry_json(entry) for entry in entries])
        return 0
    if not entries:
        print("Every message was delivered." if args.failed else "The outbox is empty.")
        return 0
    print_table(
        ("id", "state", "kind", "vendor", "tries", "created", "reason"),
        [
            (
                str(entry.id),
                entry.state,
                entry.kind,
                one_line(entry.vendor_id, 30),
                str(entry.attempts),
                local(entry.created),
                one_line(entry.reason, 70),
            )
            for entry in entries
        ],
    )
    retryable = sum(entry.retryable for entry in entries)
    if retryable:
        print(f"{retryable} can be retried: `outbox retry ID` or `outbox retry --all`.")
    if any(entry.state == "blocked" for entry in entries):
        print("Blocked messages follow the one they wait for: retry it, or `outbox discard ID`.")
    if len(entries) == limit:
        print(f"(the newest {limit}; --limit N shows more, --json for scripts)")
    return 0


def cmd_outbox_retry(args: argparse.Namespace) -> int:
    """Queue dead letters again (messages the wallet could not handle) and deliver them."""
    if bool(args.ids) == args.all:
        raise CliError("Name the messages to retry (outbox retry ID...) or pass --all.")
    with unlocked(args) as vault:
        letters = DeadLetters(vault)
        result = letters.retry_all() if args.all else letters.retry(args.ids)
        if not result.count:
            print("There is nothing to retry.")
            return 0
        print(
            f"Queued again: {len(result.requeued)} message(s); "
            f"answers to read again: {len(result.reread)}."
        )
        if args.wait == 0:
            print("They are sent with the next delivery (any command given --wait).")
            return 0
        report = deliver_pending(vault, deadline=args.wait)
    print_delivery_summary(report.summary)
    offers = report.offers
    print(f"Offers: {len(offers.stored)} new.")
    print_capped(
        [
            f"  refused from {r.vendor_id}: {r.code} - {one_line(r.reason, 120)}"
            for r in offers.rejected
        ],
        more="  ... and {count} more refusals",
    )
    return 0


def cmd_outbox_discard(args: argparse.Namespace) -> int:
    """Give up dead letters: never sent, they no longer hold back the messages after them."""
    with unlocked(args) as vault:
        discarded = DeadLetters(vault).discard(args.ids)
    print(f"Discarded: {len(discarded)} message(s); messages queued after them can now go.")
    return 0


def add_commands(commands: Any) -> None:
    """The ``outbox`` command group."""
    outbox = command_group(commands, "outbox", "messages sent for you, and those that were not")
    listing = command(outbox, "list", cmd_outbox_list, json_output=True)
    listing.add_argument("--failed", action="store_true", help="only messages not delivered")
    listing.add_argument(
        "--limit",
        type=non_negative_int,
        default=DEFAULT_LIST_LIMIT,
        metavar="N",
        help=f"at most N messages (default {DEFAULT_LIST_LIMIT}, at most {MAX_LISTED})",
    )
    retry = command(outbox, "retry", cmd_outbox_retry)
    retry.add_argument("ids", metavar="ID", type=non_negative_int, nargs="*")
    retry.add_argument("--all", action="store_true", help="every message that can be retried")
    retry.add_argument(
        "--wait",
        type=wait_seconds,
        default=15.0,
        metavar="SECONDS",
        help="deliver now, waiting at most SECONDS (0: only queue them; default 15)",
    )
    discard = command(outbox, "discard", cmd_outbox_discard)
    discard.add_argument("ids", metavar="ID", type=non_negative_int, nargs="+")
