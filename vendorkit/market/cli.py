"""``vrm-vendor listen --relay URL --category C [--category ...] [--queue NAME]``.

With ``--serve-port PORT`` the same process also serves its vendors over HTTP on 127.0.0.1 (the
kit's metadata, inboxes, decisions and consents) and names that metadata in its sealed offers, so
a wallet that never added them meets them, and its decisions and consents reach the very vendors
that answered on the relay. ``--metadata-base URL`` only names metadata served elsewhere (a
``vrm-vendor serve`` with the same keys).
"""

from __future__ import annotations

import argparse
import asyncio
import signal
from pathlib import Path
from typing import Any

from vendorkit.catalog import default_catalog_path, load_catalog
from vendorkit.keys import load_or_create_key
from vendorkit.market.listener import RelayVendors, listen
from vendorkit.server import BackgroundVendors, VendorApp, make_vendors
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
    if args.metadata_base and args.serve_port is not None:
        raise SystemExit("error: --metadata-base and --serve-port name the metadata twice.")
    server = None
    if args.serve_port is not None:
        server = BackgroundVendors(VendorApp(vendors, catalog), port=args.serve_port).start()
        print(f"Serving them on {server.base_url} too.", flush=True)
    metadata_urls = (
        [args.metadata_base.rstrip("/") + vendor.metadata_path for vendor in vendors]
        if args.metadata_base
        else (server.metadata_urls if server is not None else None)
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

    try:
        asyncio.run(run())
    finally:
        if server is not None:
            server.stop()
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
        "--serve-port",
        type=int,
        metavar="PORT",
        help="also serve these vendors over HTTP on 127.0.0.1:PORT (0: any free port) and name "
        "that metadata in sealed offers",
    )
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
