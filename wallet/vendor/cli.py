"""``vrm-vendor``: run reference vendors, validate wire documents, make vendor keys.

Exit codes as ``vrm-wallet-cli``: 0 success, 1 a problem (one ``error:`` line), 2 usage, 130
interrupted.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aiohttp import web

from wallet.crypto.signing import generate_signing_key, verifying_key_from_jwk
from wallet.errors import WalletError
from wallet.files import read_bounded
from wallet.vendor.catalog import default_catalog_path, load_catalog
from wallet.vendor.keys import load_or_create_key, write_key_file
from wallet.vendor.server import VendorApp, make_vendors
from wallet.wire.models import (
    MAX_WIRE_BYTES,
    Intention,
    Offer,
    SignedIntention,
    SignedOffer,
    VendorMetadata,
)
from wallet.wire.signing import (
    load_json,
    validate_wire,
    verify_signed_intention,
    verify_signed_offer,
)

PROG = "vrm-vendor"
MAX_VENDORS = 10_000


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_serve(args: argparse.Namespace) -> int:
    if not _is_loopback(args.host) and not args.allow_remote:
        return fail(
            f"{args.host} is not a loopback address; this reference vendor is for demos and tests. "
            "Pass --allow-remote to serve it to other machines anyway."
        )
    if not 1 <= args.vendors <= MAX_VENDORS:
        return fail(f"--vendors must be between 1 and {MAX_VENDORS}.")
    catalog = load_catalog(Path(args.catalog) if args.catalog else None)
    if args.keys:
        keys = [load_or_create_key(Path(args.keys), i) for i in range(1, args.vendors + 1)]
    else:
        keys = [generate_signing_key() for _ in range(args.vendors)]
    vendor_app = VendorApp(make_vendors(keys, catalog), catalog)
    return asyncio.run(_serve(vendor_app, args.host, args.port))


async def _serve(vendor_app: VendorApp, host: str, port: int) -> int:
    runner = web.AppRunner(vendor_app.app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        return fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}.")
    bound = runner.addresses[0][1]
    shown = f"[{host}]" if ":" in host else host
    vendors = vendor_app.vendors
    print(f"{len(vendors)} vendor(s) on http://{shown}:{bound} — Ctrl+C to stop", flush=True)
    for vendor in vendors[:20]:
        print(
            f"  {vendor.name}: http://{shown}:{bound}{vendor.metadata_path}  "
            f"(key {vendor.key.verifying_key.fingerprint})",
            flush=True,
        )
    if len(vendors) > 20:
        print(f"  … and {len(vendors) - 20} more under /vendors/<i>/", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
    return 0


def _validate(data: Any) -> str:
    if not isinstance(data, dict):
        raise WalletError("The file is not a JSON object.")
    if "signature" in data and "intention" in data:
        envelope = validate_wire(data, SignedIntention, what="signed intention")
        intention = verify_signed_intention(envelope)
        return f"valid signed intention {intention.id} (signature verifies with its requester key)"
    if "signature" in data and "offer" in data:
        signed = validate_wire(data, SignedOffer, what="signed offer")
        seller = verifying_key_from_jwk(signed.offer.seller.publicKey.model_dump())
        offer = verify_signed_offer(signed, seller)
        return (
            f"valid signed offer {offer.id} (signature verifies with the seller key it names, "
            f"{seller.fingerprint}; a wallet also checks that key is the vendor's pinned key)"
        )
    kind = data.get("@type")
    if kind == "Demand":
        return f"valid intention {validate_wire(data, Intention, what='intention').id} (unsigned)"
    if kind == "Offer":
        return f"valid offer {validate_wire(data, Offer, what='offer').id} (unsigned)"
    if data.get("type") == "VrmVendor":
        metadata = validate_wire(data, VendorMetadata, what="vendor metadata")
        verifying_key_from_jwk(metadata.publicKey.model_dump())
        return f"valid vendor metadata for {metadata.name} ({metadata.id})"
    raise WalletError(
        "This is neither an intention (@type Demand), an offer (@type Offer), a signed envelope "
        "({intention|offer, signature}) nor vendor metadata (type VrmVendor)."
    )


def cmd_validate(args: argparse.Namespace) -> int:
    raw = read_bounded(Path(args.file), max_bytes=MAX_WIRE_BYTES, what="document")
    print(_validate(load_json(raw, what="document")))
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    key = generate_signing_key()
    if args.out:
        path = Path(args.out)
        if path.exists() and not args.force:
            return fail(f"{path} already exists; pass --force to replace it.")
        write_key_file(path, key)
        print(f"wrote the private key to {path} (mode 0600)", file=sys.stderr)
    else:
        print(
            "no --out given: the private key is not saved; use --out FILE to keep it",
            file=sys.stderr,
        )
    public = key.verifying_key
    print(json.dumps({"publicKey": public.jwk, "kid": public.kid}, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="The VRM Wallet vendor kit.")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run reference vendors on loopback")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8787, help="0 picks a free port")
    serve.add_argument(
        "--catalog", help=f"catalogue JSON (default: {default_catalog_path().name} shipped)"
    )
    serve.add_argument("--vendors", type=int, default=1, help="how many vendors to serve")
    serve.add_argument(
        "--keys", help="directory of vendor-<i>.jwk keys (created if missing) for stable keys"
    )
    serve.add_argument("--allow-remote", action="store_true", help="allow a non-loopback host")
    serve.set_defaults(handler=cmd_serve)

    validate = commands.add_parser("validate", help="check an intention, offer or metadata file")
    validate.add_argument("file")
    validate.set_defaults(handler=cmd_validate)

    keygen = commands.add_parser("keygen", help="make a vendor signing key")
    keygen.add_argument("--out", help="write the private JWK here (mode 0600)")
    keygen.add_argument("--force", action="store_true", help="replace an existing --out file")
    keygen.set_defaults(handler=cmd_keygen)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.handler(args)
        return result
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except WalletError as exc:
        return fail(str(exc))
    except FileNotFoundError as exc:
        return fail(f"{exc.filename or exc} does not exist; check the path.")
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        return fail(f"{exc.strerror or exc}{where}; check the path and its permissions.")


if __name__ == "__main__":
    sys.exit(main())
