"""``vrm-vendor``: run reference vendors, validate wire documents, verify consent receipts, make
vendor keys.

Exit codes as ``vrm-wallet-cli``: 0 success, 1 a problem (one ``error:`` line), 2 usage, 130
interrupted.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import multiprocessing
import os
import signal
import socket
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from multiprocessing.synchronize import Semaphore
from pathlib import Path
from typing import Any

from aiohttp import web

from vendorkit.agreements import add_agreements_command
from vendorkit.catalog import default_catalog_path, load_catalog
from vendorkit.conformance import add_conformance_command
from vendorkit.keys import load_or_create_key, write_key_file
from vendorkit.market.cli import add_listen_command
from vendorkit.server import VendorApp, make_vendors
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import VerifyingKey, generate_signing_key, verifying_key_from_jwk
from wallet.errors import InvalidInput, InvalidKey, SignatureInvalid, WalletError
from wallet.files import read_bounded
from wallet.wire.consent import ConsentReceipt
from wallet.wire.consent_signing import verify_countersignature, verify_receipt
from wallet.wire.models import (
    MAX_WIRE_BYTES,
    Intention,
    Offer,
    SignedIntention,
    SignedOffer,
    VendorMetadata,
)
from wallet.wire.signing import (
    WireFormatError,
    load_json,
    validate_wire,
    verify_signed_intention,
    verify_signed_offer,
)

PROG = "vrm-vendor"
MAX_VENDORS = 10_000
MAX_PROCESSES = 64
BACKLOG = 128  # aiohttp's default, for the sockets that --processes shares
WORKER_START_SECONDS = 60.0


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
    if not 1 <= args.processes <= MAX_PROCESSES:
        return fail(f"--processes must be between 1 and {MAX_PROCESSES}.")
    if args.processes > 1 and not _can_share_port():
        return fail("--processes above 1 needs fork() and SO_REUSEPORT (Linux); use 1 here.")
    catalog = load_catalog(Path(args.catalog) if args.catalog else None)
    if args.keys:
        keys = [load_or_create_key(Path(args.keys), i) for i in range(1, args.vendors + 1)]
    else:
        keys = [generate_signing_key() for _ in range(args.vendors)]
    # Made before any worker is forked, so every process serves the same vendors and keys.
    records = Path(args.records) if args.records else None
    vendor_app = VendorApp(make_vendors(keys, catalog), catalog, records_dir=records)
    if args.processes == 1:
        return asyncio.run(_serve(vendor_app, args.host, args.port))
    return _serve_processes(vendor_app, args.host, args.port, args.processes)


def _can_share_port() -> bool:
    return hasattr(socket, "SO_REUSEPORT") and "fork" in multiprocessing.get_all_start_methods()


def _shared_port_socket(host: str, port: int, *, first: bool = False) -> socket.socket:
    """A listening socket on ``host:port`` that other processes may bind too (SO_REUSEPORT):
    the kernel then spreads incoming connections over the processes.

    The ``first`` socket binds the port alone beforehand, so that a port another server already
    shares this way (which SO_REUSEPORT would let us join) is refused as in use."""
    family, _, _, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    address = address[:2]
    if first:
        with socket.create_server(address, family=family) as probe:
            address = probe.getsockname()[:2]  # port 0: the free port picked
    sock = socket.create_server(address, family=family, backlog=BACKLOG, reuse_port=True)
    sock.setblocking(False)
    return sock


def _serve_processes(vendor_app: VendorApp, host: str, port: int, processes: int) -> int:
    """Serve from ``processes`` processes sharing one port: this one and forked workers.

    Each process keeps its own memory (seen webhook ids, offers made): a follow-up about an
    intention (offers GET, notices, a retried delivery) may reach a process that has not seen
    it. This mode is for load tests; demos and tests use one process.
    """
    try:
        sock = _shared_port_socket(host, port, first=True)
    except OSError as exc:
        return fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}.")
    bound = int(sock.getsockname()[1])
    context = multiprocessing.get_context("fork")
    ready = context.Semaphore(0)
    workers = [
        context.Process(
            target=_worker,
            args=(vendor_app, host, bound, ready, os.getpid(), sock),
            name=f"vrm-vendor-{number}",
            daemon=True,
        )
        for number in range(1, processes)
    ]
    try:
        for worker in workers:
            worker.start()
        deadline = time.monotonic() + WORKER_START_SECONDS
        started = 0
        while started < len(workers):
            if ready.acquire(timeout=0.2):
                started += 1
            elif time.monotonic() > deadline or not all(w.is_alive() for w in workers):
                return fail("a worker process did not start; see its error above.")
        return asyncio.run(_serve(vendor_app, host, bound, sock=sock, processes=processes))
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
        for worker in workers:
            worker.join(timeout=10)
        sock.close()


def _worker(
    vendor_app: VendorApp,
    host: str,
    port: int,
    ready: Semaphore,
    parent: int,
    inherited: socket.socket,
) -> None:
    """One forked worker: serve the same app on the shared port until the parent goes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the parent, which stops us
    inherited.close()  # the parent's socket: its connections are the parent's to accept
    sock = _shared_port_socket(host, port)

    async def serve() -> None:
        runner = web.AppRunner(vendor_app.app, access_log=None)
        await runner.setup()
        await web.SockSite(runner, sock, backlog=BACKLOG).start()
        ready.release()
        try:
            while os.getppid() == parent:  # not orphaned: the parent stops us when it stops
                await asyncio.sleep(1)
        finally:
            await runner.cleanup()

    asyncio.run(serve())


async def _serve(
    vendor_app: VendorApp,
    host: str,
    port: int,
    *,
    sock: socket.socket | None = None,
    processes: int = 1,
) -> int:
    runner = web.AppRunner(vendor_app.app, access_log=None)
    await runner.setup()
    site: web.BaseSite
    if sock is None:
        site = web.TCPSite(runner, host, port)
    else:
        site = web.SockSite(runner, sock, backlog=BACKLOG)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        return fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}.")
    bound = runner.addresses[0][1]
    shown = f"[{host}]" if ":" in host else host
    vendors = vendor_app.vendors
    served = f" ({processes} processes)" if processes > 1 else ""
    print(
        f"{len(vendors)} vendor(s) on http://{shown}:{bound}{served} — Ctrl+C to stop", flush=True
    )
    for vendor in vendors[:20]:
        print(
            f"  {vendor.name}: http://{shown}:{bound}{vendor.metadata_path}  "
            f"(key {vendor.key.verifying_key.fingerprint})",
            flush=True,
        )
    if len(vendors) > 20:
        print(f"  … and {len(vendors) - 20} more under /vendors/<i>/", flush=True)
    stopped = asyncio.Event()
    if processes > 1:  # stop cleanly on SIGTERM too, so that the workers are stopped with us
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stopped.set)
    try:
        await stopped.wait()
    finally:
        await runner.cleanup()
    return 0


def _validate(data: Any) -> str:
    if not isinstance(data, dict):
        raise WalletError("The file is not a JSON object.")
    if "signature" in data and "intention" in data:
        envelope = validate_wire(data, SignedIntention, what="signed intention")
        intention = verify_signed_intention(envelope, received=data["intention"])
        return f"valid signed intention {intention.id} (signature verifies with its requester key)"
    if "signature" in data and "offer" in data:
        signed = validate_wire(data, SignedOffer, what="signed offer")
        seller = verifying_key_from_jwk(signed.offer.seller.publicKey.model_dump())
        offer = verify_signed_offer(signed, seller, received=data["offer"])
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


# ---------------------------------------------------------------------------- verify


class ReceiptProblem(WalletError):
    """A receipt file that does not verify, said in one line."""


def _read_jwk(given: str, what: str) -> VerifyingKey:
    """A public key from a JWK JSON string or a file holding one (a bare JWK, or an object with
    a ``publicKey`` member such as ``vrm-vendor keygen`` output or vendor metadata)."""
    text = given.strip()
    if not text.startswith("{"):
        text = read_bounded(Path(given), max_bytes=MAX_WIRE_BYTES, what=what).decode(
            "utf-8", errors="replace"
        )
    try:
        data = json.loads(text)
    except ValueError:
        raise InvalidKey(
            f"The {what} is neither a JWK JSON object nor a file holding one."
        ) from None
    if isinstance(data, dict) and isinstance(data.get("publicKey"), dict):
        data = data["publicKey"]
    try:
        return verifying_key_from_jwk(data)
    except InvalidKey as exc:
        raise InvalidKey(f"The {what}: {exc}") from None


def _receipt_tokens(path: Path) -> tuple[str, str | None, dict[str, Any] | None]:
    """(consumer JWS, vendor countersignature or None, readable receipt or None) from a ``.jws``
    file or the readable ``.json`` export."""
    raw = read_bounded(path, max_bytes=MAX_WIRE_BYTES, what="receipt file")
    text = raw.decode("utf-8", errors="replace").strip()
    if not text.startswith("{"):
        if not text or any(char.isspace() for char in text):
            raise ReceiptProblem(
                f"{path.name} is neither a compact JWS receipt (.jws) nor a receipt export (.json)."
            )
        return text, None, None
    data = load_json(raw, what="receipt export")
    signatures = data.get("signatures") if isinstance(data, dict) else None
    consumer = signatures.get("consumer") if isinstance(signatures, dict) else None
    if not isinstance(consumer, str):
        raise ReceiptProblem(
            f"{path.name} is JSON but not a receipt export: it has no signatures.consumer JWS."
        )
    vendor = signatures.get("vendor") if isinstance(signatures, dict) else None
    readable = data.get("receipt")
    return (
        consumer,
        vendor if isinstance(vendor, str) else None,
        readable if isinstance(readable, dict) else None,
    )


def _day(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M UTC")


def describe_receipt(receipt: ConsentReceipt) -> list[str]:
    """Who consented to what, for which purposes, until when: the lines ``verify`` prints."""
    scope = receipt.vrm
    lines = [
        f"consent receipt {receipt.consentReceiptID} ({receipt.version}, jurisdiction "
        f"{receipt.jurisdiction}, language {receipt.language})",
        f"who:       {receipt.piiPrincipalId} (pseudonymous: the thumbprint of the person's "
        "pairwise key)",
    ]
    for controller in receipt.piiControllers:
        lines.append(
            f"to whom:   {controller.piiController} (vendor {scope.vendor}; contact "
            f"{controller.contact})"
        )
    lines.append("what:")
    lines += [f"  {item.key}  [{item.piiCategory}]  {item.dpv}" for item in scope.fields]
    categories = sorted(
        {label for service in receipt.services for p in service.purposes for label in p.piiCategory}
    )
    lines.append(f"PII categories: {', '.join(categories)}")
    lines.append("purposes:")
    for service in receipt.services:
        for purpose in service.purposes:
            primary = ", primary" if purpose.primaryPurpose else ""
            third = (
                f"; shared with {purpose.thirdPartyName}" if purpose.thirdPartyDisclosure else ""
            )
            lines.append(
                f"  {', '.join(purpose.purposeCategory)} ({purpose.consentType}{primary}): "
                f"{purpose.purpose}{third}"
            )
    lines += [f"  DPV: {iri}" for iri in scope.purposes]
    lines.append(f"from:      {_day(scope.validFrom)}")
    lines.append(f"until:     {_day(scope.validUntil)}")
    sensitive = ", ".join(receipt.spiCat) if receipt.sensitive else "none"
    lines.append(f"sensitive: {sensitive}")
    if scope.offer:
        lines.append(f"offer:     {scope.offer}")
    lines.append(f"policy:    {receipt.policyUrl}")
    return lines


def _is_signed_object(readable: dict[str, Any], canonical: bytes) -> bool:
    """True if ``readable`` is exactly the signed receipt: its RFC 8785 form is the payload
    (a member added, even as ``null``, or ``1`` for ``true`` is an edit)."""
    try:
        return canonical_bytes(readable) == canonical
    except InvalidInput:
        return False


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def cmd_verify(args: argparse.Namespace) -> int:
    path = Path(args.receipt)
    expected = _read_jwk(args.key, "--key") if args.key else None
    vendor_key = _read_jwk(args.vendor_key, "--vendor-key") if args.vendor_key else None
    token, countersignature, readable = _receipt_tokens(path)
    try:
        receipt, canonical, key = verify_receipt(token, expected_key=expected)
    except (SignatureInvalid, InvalidKey, WireFormatError) as exc:
        raise ReceiptProblem(f"The receipt does not verify: {_one_line(exc)}") from None
    if readable is not None and not _is_signed_object(readable, canonical):
        raise ReceiptProblem(
            "The readable receipt in the export differs from the signed one: it was edited."
        )
    if vendor_key is not None:
        if countersignature is None:
            raise ReceiptProblem(
                "There is no vendor countersignature to check: a .jws file holds only the "
                "person's signature, and an export of an unacknowledged consent has none."
            )
        try:
            verify_countersignature(countersignature, canonical, vendor_key)
        except (SignatureInvalid, InvalidKey) as exc:
            raise ReceiptProblem(
                f"The vendor countersignature does not verify: {_one_line(exc)}"
            ) from None
    print("\n".join(describe_receipt(receipt)))
    how = "the expected key" if expected is not None else "the key inside the receipt"
    print(f"signature OK (Ed25519 by {how}, {key.kid})")
    if vendor_key is not None:
        print(f"countersignature OK (vendor key {vendor_key.kid})")
    elif countersignature is not None:
        print("countersignature present, not checked (pass --vendor-key to check it)")
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
    serve.add_argument(
        "--processes",
        type=int,
        default=1,
        help="serve from N processes sharing the port (Linux; for load tests: each process "
        "remembers only the deliveries it received)",
    )
    serve.add_argument(
        "--records", help="directory to log agreement records in (for `vrm-vendor agreements`)"
    )
    serve.set_defaults(handler=cmd_serve)

    add_listen_command(commands)  # vrm-vendor listen --relay URL (issue 15)

    validate = commands.add_parser("validate", help="check an intention, offer or metadata file")
    validate.add_argument("file")
    validate.set_defaults(handler=cmd_validate)

    verify = commands.add_parser(
        "verify", help="check a consent receipt and say who consented to what, until when"
    )
    verify.add_argument("receipt", help="a receipt file: compact JWS (.jws) or export (.json)")
    verify.add_argument(
        "--key", help="the person's expected public key: a JWK JSON string or a file holding one"
    )
    verify.add_argument(
        "--vendor-key",
        help="the vendor's public key (JWK string or file): also check its countersignature",
    )
    verify.set_defaults(handler=cmd_verify)

    keygen = commands.add_parser("keygen", help="make a vendor signing key")
    keygen.add_argument("--out", help="write the private JWK here (mode 0600)")
    keygen.add_argument("--force", action="store_true", help="replace an existing --out file")
    keygen.set_defaults(handler=cmd_keygen)

    add_conformance_command(commands)
    add_agreements_command(commands)
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
