"""``vrm-wallet-cli intent broadcast ID --relay URL`` and ``intent follow``: the open market.

Casting publishes the intention on a NATS relay (vendors listening on its category answer with
sealed offers); ``intent follow`` reads those offers as they arrive and puts them through the
same checks as offers over HTTP. ``intent withdraw`` tells the relays an intention was cast on.

Vendors met on a relay (outside the directory) are shown with their key's fingerprint and "not
in your directory" wherever their offers are (``intent follow``, ``offers list``, ``offers show``,
``offers accept``, which pins the vendor); their names and URLs are remote text, made printable.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
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
from wallet.offers import store as offer_store
from wallet.relay import RelayError
from wallet.terminal import printable
from wallet.vault.facade import Vault
from wallet.vendors import met
from wallet.vendors.met import MetVendor

NOT_IN_DIRECTORY = "not in your directory"

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


def met_json(vault: Vault, intention_id: str) -> list[dict[str, Any]]:
    """The vendors met on a relay for the intention (``offers list``, ``intent follow``)."""
    return [
        {
            "vendor": vendor.id,
            "name": vendor.name,
            "fingerprint": vendor.fingerprint,
            "metadataUrl": vendor.metadata_url,
            "inDirectory": False,
        }
        for vendor in met.met_for(vault.reader, intention_id)
    ]


def met_line(vendor: MetVendor) -> str:
    """One met vendor: id, name, fingerprint, and that it is not in the directory."""
    return (
        f"  {one_line(vendor.id, 40)} ({one_line(vendor.name, 40)}): {NOT_IN_DIRECTORY}, "
        f"fingerprint {vendor.fingerprint}"
    )


def print_met(vault: Vault, intention_id: str) -> None:
    """The vendors met on a relay for the intention, if any, and what accepting does."""
    vendors = met.met_for(vault.reader, intention_id)
    if not vendors:
        return
    print(
        f"Met on a relay, {NOT_IN_DIRECTORY} ({len(vendors)}; accepting an offer adds its vendor):"
    )
    print_capped(
        [met_line(vendor) for vendor in vendors],
        more="  ... and {count} more (--json lists them all)",
    )


def _message_lines(vault: Vault, report: IngestReport) -> None:
    for offer_id in report.stored:
        standing = _offer_standing(vault, offer_id)
        print(printable(f"  offer {offer_id} stored{standing}"), flush=True)
    print_capped(
        [
            f"  refused from {r.vendor_id}: {r.code} - {one_line(r.reason, 120)}"
            for r in report.rejected
        ],
        more="  ... and {count} more refusals (`offers list ID` shows those recorded)",
    )


def _offer_standing(vault: Vault, offer_id: str) -> str:
    """`` (from V, not in your directory, fingerprint F)`` for an offer of a met vendor."""
    row = offer_store.get_offer(vault.reader, offer_id)
    vendor = None if row is None else met.get(vault.reader, row.vendor_id)
    if vendor is None:
        return ""
    return f" (from {vendor.id}, {NOT_IN_DIRECTORY}, fingerprint {vendor.fingerprint})"


def _follow_json(vault: Vault, intention_id: str, report: FollowReport) -> dict[str, Any]:
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
        "metVendors": met_json(vault, intention_id),
    }


async def _follow(args: argparse.Namespace, vault: Vault) -> FollowReport:
    total = FollowReport()
    deadline = time.monotonic() + args.seconds
    on_message = None if args.json else functools.partial(_message_lines, vault)
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
            print_json(_follow_json(vault, args.id, report))
            return 0
        print_met(vault, args.id)
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
