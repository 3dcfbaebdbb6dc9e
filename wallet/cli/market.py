"""``vrm-wallet-cli intent broadcast ID --relay URL`` and ``intent follow``: the open market.

Casting publishes the intention on a NATS relay (vendors listening on its category answer with
sealed offers); ``intent follow`` reads those offers as they arrive and puts them through the
same checks as offers over HTTP. ``intent withdraw`` tells the relays an intention was cast on.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

from wallet.cli.support import (
    command,
    iso,
    local,
    one_line,
    print_capped,
    print_json,
    unlocked,
    wait_seconds,
)
from wallet.market import (
    FollowReport,
    cast_intention,
    follow_offers,
    relay_casts,
    withdraw_on_relays,
)
from wallet.offers import IngestReport
from wallet.relay import RelayError
from wallet.terminal import printable
from wallet.vault.facade import Vault

DEFAULT_FOLLOW_SECONDS = 60.0
IDLE_SECONDS = 1.0


def cast(vault: Vault, relay_url: str, intention_id: str) -> None:
    """Cast the intention on the relay and say where it went."""
    report = asyncio.run(cast_intention(vault, relay_url, intention_id))
    hours = report.ttl_seconds / 3600
    print(
        f"Cast to {printable(report.relay)} on {report.subject} (message {report.sequence}); "
        f"it stays there {hours:.1f} hours, until it expires."
    )


def casts_json(vault: Vault, intention_id: str) -> list[dict[str, Any]]:
    """Where the intention was cast (``intent show``)."""
    return [
        {
            "relay": cast.relay,
            "subject": cast.subject,
            "castAt": iso(cast.cast_at),
            "withdrawnAt": iso(cast.withdrawn_at) if cast.withdrawn_at else None,
            "messagesRead": cast.messages_read,
            "refused": cast.refused,
        }
        for cast in relay_casts(vault, intention_id)
    ]


def print_casts(vault: Vault, intention_id: str) -> None:
    for cast in relay_casts(vault, intention_id):
        withdrawn = f", withdrawn {local(cast.withdrawn_at)}" if cast.withdrawn_at else ""
        print(
            printable(
                f"  relay: {cast.relay} on {cast.subject} (cast {local(cast.cast_at)}{withdrawn}; "
                f"{cast.messages_read} message(s) read, {cast.refused} refused)"
            )
        )


def tell_relays(vault: Vault, intention_id: str) -> None:
    """After a withdrawal: tell the relays the intention was cast on (if any)."""
    try:
        told = asyncio.run(withdraw_on_relays(vault, intention_id))
    except RelayError as exc:
        print(f"  the relay was not told ({exc}); it drops the intention when it expires.")
        return
    if told:
        print(f"  {len(told)} relay(s) told; the intention was removed there.")


def _message_lines(report: IngestReport) -> None:
    for offer_id in report.stored:
        print(printable(f"  offer {offer_id} stored"), flush=True)
    print_capped(
        [
            f"  refused from {r.vendor_id}: {r.code} - {one_line(r.reason, 120)}"
            for r in report.rejected
        ],
        more="  ... and {count} more refusals (`offers list ID` shows those recorded)",
    )


def _follow_json(report: FollowReport) -> dict[str, Any]:
    offers = report.offers
    return {
        "messages": report.messages,
        "stored": offers.stored,
        "duplicates": offers.duplicates,
        "refused": [
            {"vendor": r.vendor_id, "offer": r.offer_id, "code": r.code, "reason": r.reason}
            for r in offers.rejected
        ],
        "refusedNotRecorded": offers.unrecorded,
        "capped": report.capped,
    }


async def _follow(args: argparse.Namespace, vault: Vault) -> FollowReport:
    total = FollowReport()
    deadline = time.monotonic() + args.seconds
    on_message = None if args.json else _message_lines
    while True:
        report = await follow_offers(
            vault, args.relay, args.id, wait_seconds=IDLE_SECONDS, on_message=on_message
        )
        total.messages += report.messages
        total.offers.merge(report.offers)
        total.capped = report.capped
        if args.once or report.capped or time.monotonic() >= deadline:
            return total


def cmd_intent_follow(args: argparse.Namespace) -> int:
    """Follow the sealed offers coming back from a relay, as they arrive (then rank them)."""
    with unlocked(args) as vault:
        if not args.json:
            print(f"Following offers for {args.id} on {printable(args.relay)}...", flush=True)
        report = asyncio.run(_follow(args, vault))
    if args.json:
        print_json(_follow_json(report))
        return 0
    offers = report.offers
    print(
        f"{report.messages} message(s): {len(offers.stored)} offer(s) stored, "
        f"{offers.duplicates} already known, {len(offers.rejected) + offers.unrecorded} refused."
    )
    if report.capped:
        print("  The cap on messages read for this intention was reached; no more are read.")
    return 0


def add_relay_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--relay",
        metavar="URL",
        help="cast to this NATS relay (nats://127.0.0.1:PORT); directory vendors only if named",
    )


def add_intent_commands(intent: Any) -> None:
    """``intent follow`` (registered in the ``intent`` group)."""
    follow = command(intent, "follow", cmd_intent_follow, json_output=True)
    follow.add_argument("id", metavar="ID")
    follow.add_argument("--relay", required=True, metavar="URL", help="the relay it was cast on")
    follow.add_argument("--once", action="store_true", help="read what is there, then stop")
    follow.add_argument(
        "--seconds",
        type=wait_seconds,
        default=DEFAULT_FOLLOW_SECONDS,
        metavar="SECONDS",
        help=f"how long to follow (default {DEFAULT_FOLLOW_SECONDS:.0f})",
    )
