"""``vrm-vendor listen --relay URL --category C [--category ...] [--queue NAME]``."""

from __future__ import annotations

import argparse
import asyncio
import signal
from pathlib import Path
from typing import Any

from vendorkit.catalog import default_catalog_path, load_catalog
from vendorkit.keys import load_or_create_key
from vendorkit.market.listener import RelayVendors, listen
from vendorkit.server import make_vendors
from wallet.crypto.signing import generate_signing_key
from wallet.relay import check_relay_url

MAX_LISTEN_VENDORS = 1000


def cmd_listen(args: argparse.Namespace) -> int:
    """Answer intentions cast on a relay with sealed offers, in a queue group."""
    check_relay_url(args.relay)
    if not 1 <= args.vendors <= MAX_LISTEN_VENDORS:
        raise SystemExit(f"error: --vendors must be between 1 and {MAX_LISTEN_VENDORS}.")
    catalog = load_catalog(Path(args.catalog) if args.catalog else None)
    if args.keys:
        keys = [load_or_create_key(Path(args.keys), i) for i in range(1, args.vendors + 1)]
    else:
        keys = [generate_signing_key() for _ in range(args.vendors)]
    vendors = make_vendors(keys, catalog)
    queue = args.queue or vendors[0].vendor_id
    metadata_urls = (
        [args.metadata_base.rstrip("/") + vendor.metadata_path for vendor in vendors]
        if args.metadata_base
        else None
    )
    categories = args.category or list(catalog.categories)
    print(
        f"{len(vendors)} vendor(s) listening on {args.relay} for {', '.join(categories)} "
        f"(queue {queue}) — Ctrl+C to stop",
        flush=True,
    )

    async def run() -> None:
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        stats = await listen(
            args.relay,
            RelayVendors(vendors, catalog, metadata_urls=metadata_urls),
            categories=categories,
            queue=queue,
            seconds=args.seconds,
            stop=stop,
        )
        print(
            f"Answered {stats.intentions} intention(s) with {stats.sealed} sealed offer "
            f"message(s); {stats.withdrawn} withdrawn, {stats.refused} refused.",
            flush=True,
        )

    asyncio.run(run())
    return 0


def add_listen_command(commands: Any) -> None:
    listen_parser = commands.add_parser(
        "listen", help="answer intentions cast on a NATS relay with sealed offers"
    )
    listen_parser.add_argument("--relay", required=True, metavar="URL", help="nats://host:port")
    listen_parser.add_argument(
        "--category", action="append", help="a category to answer (repeatable; default: all)"
    )
    listen_parser.add_argument(
        "--queue",
        help="queue group: processes sharing it share the intentions (default: the vendor id)",
    )
    listen_parser.add_argument(
        "--catalog", help=f"catalogue JSON (default: {default_catalog_path().name} shipped)"
    )
    listen_parser.add_argument("--vendors", type=int, default=1, help="how many vendors")
    listen_parser.add_argument("--keys", help="directory of vendor-<i>.jwk keys (stable keys)")
    listen_parser.add_argument(
        "--metadata-base",
        metavar="URL",
        help="where `vrm-vendor serve` (same --keys and --vendors) serves these vendors' "
        "metadata; named in sealed offers so wallets that never added them can meet them",
    )
    listen_parser.add_argument(
        "--seconds", type=float, default=None, help="stop after this many seconds"
    )
    listen_parser.set_defaults(handler=cmd_listen)
