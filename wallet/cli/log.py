"""``vrm-wallet-cli log``: the activity log listed (what happened, never values) and verified."""

from __future__ import annotations

import argparse
from typing import Any

from wallet.activity import ActivityEntry
from wallet.cli.support import (
    CliError,
    command,
    command_group,
    iso,
    local,
    non_negative_int,
    one_line,
    print_json,
    print_table,
    unlocked,
)

DEFAULT_LOG_LIMIT = 50


def _entry_json(entry: ActivityEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": iso(entry.at),
        "type": entry.type,
        "result": entry.result,
        "party": entry.party,
        "field_names": list(entry.field_names),
        "reason": entry.reason,
        "hash": entry.hash,
    }


def cmd_log_list(args: argparse.Namespace) -> int:
    """The newest activity log entries (what happened, never the values)."""
    with unlocked(args) as vault:
        entries = vault.activity_page(limit=args.limit or -1, type_prefix=args.type)
        total = vault.activity_count(type_prefix=args.type)
    if args.json:
        print_json([_entry_json(entry) for entry in entries])
        return 0
    rows = [
        (
            str(e.seq),
            local(e.at),
            e.type,
            e.result,
            e.party,
            ", ".join(e.field_names),
            one_line(e.reason, 60),
        )
        for e in entries
    ]
    print_table(("seq", "time", "type", "result", "party", "fields", "reason"), rows)
    if len(entries) < total:
        print(f"(the newest {len(entries)} of {total} entries; --limit 0 shows all)")
    return 0


def cmd_log_verify(args: argparse.Namespace) -> int:
    """Check the log's hash chain; exit 1 naming the first bad entry."""
    with unlocked(args) as vault:
        report = vault.verify_activity()
    if not report.ok:
        raise CliError(
            f"the activity log failed verification at {report.problem}; the "
            f"{report.checked} entries before it are intact. Keep this vault and a backup as "
            "evidence."
        )
    print(f"OK: {report.checked} entries verified")
    return 0


def add_commands(commands: Any) -> None:
    """Register the ``log`` group."""
    log = command_group(commands, "log", "the activity log")
    log_list = command(log, "list", cmd_log_list, json_output=True)
    log_list.add_argument("--type", metavar="PREFIX", help="only types starting with PREFIX")
    log_list.add_argument(
        "--limit",
        type=non_negative_int,
        default=DEFAULT_LOG_LIMIT,
        metavar="N",
        help=f"at most N entries, newest first (default {DEFAULT_LOG_LIMIT}; 0 = all)",
    )
    command(log, "verify", cmd_log_verify)
