"""``vrm-wallet-cli vendor ...``: the vendor directory (add from URL, list, show, remove,
import, export, approve a changed key).

``vendor add`` fetches the vendor's metadata *before* asking for the passphrase, shows its name
and key fingerprint, and asks; ``--yes`` accepts, and without a terminal or ``--yes`` it refuses.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

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
    unlocked,
)
from wallet.errors import InvalidKey, command_line_text
from wallet.terminal import printable
from wallet.transport import Transport
from wallet.vendors import FetchedMetadata, VendorDirectory, VendorEntry, fetch_metadata

# A refused import entry's reason is cut to this many characters (it may quote the vendor).
MAX_REASON_CHARS = 300


def _shown_key(fingerprint: str | None, problem: InvalidKey | None) -> str:
    """The fingerprint for people, or why the key is refused."""
    if fingerprint is not None:
        return fingerprint
    return f"refused ({command_line_text(problem)})" if problem else "refused"


def _vendor_json(entry: VendorEntry) -> dict[str, Any]:
    vendor = entry.vendor
    return {
        "id": vendor.id,
        "name": vendor.name,
        "status": vendor.status,
        "status_reason": vendor.status_reason,
        "metadata_url": vendor.metadata_url,
        "inbox": {"intentions": vendor.intentions_url, "offers": vendor.offers_url},
        "kid": vendor.kid,
        "fingerprint": entry.fingerprint,  # None: the key is refused now
        "public_key": vendor.public_jwk,
        "categories": list(vendor.categories),
        "accepted_agreements": list(vendor.accepted_agreements),
        "contact": vendor.contact,
        "policy_url": vendor.policy_url,
        "added": iso(vendor.added),
        "updated": iso(vendor.updated),
        "pending_key_change": (
            {
                "fingerprint": entry.pending_fingerprint,
                "since": iso(vendor.pending_since) if vendor.pending_since else None,
            }
            if vendor.pending_jwk
            else None
        ),
    }


def _fetch(url: str) -> FetchedMetadata:
    async def run() -> FetchedMetadata:
        async with Transport() as transport:
            return await fetch_metadata(transport, url)

    return asyncio.run(run())


def cmd_vendor_add(args: argparse.Namespace) -> int:
    """Add a vendor from its URL (fetches /.well-known/vrm-vendor.json, pins its key)."""
    check_can_confirm("Adding a vendor", assume_yes=args.yes)
    fetched = _fetch(args.url)
    metadata = fetched.metadata
    # The name, id and URL come from the vendor (or a pasted link): shown escaped, on one line,
    # so they cannot forge the lines that follow (the fingerprint the user checks).
    print(f"Vendor:      {printable(metadata.name)} ({printable(metadata.id)})")
    print(f"From:        {printable(fetched.url)}")
    print(f"Key:         {fetched.fingerprint}")
    with unlocked(args) as vault:
        directory = VendorDirectory(vault)
        outcome = directory.preview(fetched)
        if outcome == "key_change_pending":
            old = directory.entry(metadata.id)
            print(f"Pinned key:  {_shown_key(old.fingerprint, old.key_problem)}")
            directory.add(fetched)  # records the refused key as pending
            raise CliError(
                f"{metadata.name} now presents a DIFFERENT key than the one you pinned; it was "
                "not trusted. If the vendor confirms the change through another channel, run "
                f"`vendor approve-key {metadata.id}`."
            )
        if outcome == "unchanged":
            print("Already in your directory with this key; nothing changed.")
            return 0
        action = "Add this vendor" if outcome == "added" else "Refresh this vendor's details"
        confirm(f"{action} and trust its key", assume_yes=args.yes)
        result = directory.add(fetched)
    added = "Added" if result.outcome == "added" else "Updated"
    print(f"{added} vendor {printable(result.vendor.id)}.")
    return 0


def cmd_vendor_list(args: argparse.Namespace) -> int:
    """List the vendors in your directory."""
    with unlocked(args) as vault:
        entries = VendorDirectory(vault).entries()
    print_listing(
        entries,
        as_json=args.json,
        to_json=_vendor_json,
        empty="No vendors yet; add one with `vendor add URL`.",
        headers=("id", "name", "status", "key"),
        to_row=lambda entry: (
            one_line(entry.vendor.id, 30),
            one_line(entry.vendor.name, 30),
            entry.vendor.status + (" (key change pending)" if entry.vendor.pending_jwk else ""),
            entry.short_fingerprint or "key refused",
        ),
    )
    return 0


def cmd_vendor_show(args: argparse.Namespace) -> int:
    """Show one vendor: inbox, key fingerprint, categories, agreements, contact."""
    with unlocked(args) as vault:
        entry = VendorDirectory(vault).entry(args.id)
    if args.json:
        print_json(_vendor_json(entry))
        return 0
    vendor = entry.vendor
    # Everything but the fingerprints and dates came from the vendor: escaped, one line each.
    print(f"{printable(vendor.name)} ({printable(vendor.id)})")
    reason = f" - {vendor.status_reason}" if vendor.status_reason else ""
    print(f"  status:      {vendor.status}{printable(reason)}")
    print(f"  key:         {_shown_key(entry.fingerprint, entry.key_problem)}")
    if vendor.pending_jwk:
        pending = _shown_key(entry.pending_fingerprint, entry.pending_key_problem)
        print(f"  NEW key (not trusted, awaiting approval): {pending}")
    for label, text in (
        ("metadata", vendor.metadata_url),
        ("intentions", vendor.intentions_url),
        ("offers", vendor.offers_url),
        ("categories", ", ".join(vendor.categories) or "-"),
        ("agreements", ", ".join(vendor.accepted_agreements) or "-"),
        ("contact", vendor.contact),
        ("policy", vendor.policy_url),
    ):
        print(f"  {label + ':':<12} {printable(text)}")
    print(f"  added:       {local(vendor.added)}")
    return 0


def cmd_vendor_remove(args: argparse.Namespace) -> int:
    """Remove a vendor (undelivered messages to it are cancelled)."""
    check_can_confirm(f"Removing vendor {args.id}", assume_yes=args.yes)
    with unlocked(args) as vault:
        directory = VendorDirectory(vault)
        vendor = directory.get(args.id)
        confirm(f"Remove {vendor.name} ({vendor.id})", assume_yes=args.yes)
        cancelled = directory.remove(args.id)
    extra = f"; {cancelled} undelivered messages cancelled" if cancelled else ""
    print(f"Removed vendor {printable(args.id)}{extra}.")
    return 0


def cmd_vendor_approve_key(args: argparse.Namespace) -> int:
    """Trust the new key a vendor presented (check its fingerprint with the vendor first)."""
    check_can_confirm(f"Approving the new key of {args.id}", assume_yes=args.yes)
    with unlocked(args) as vault:
        directory = VendorDirectory(vault)
        entry = directory.entry(args.id)
        vendor = entry.vendor
        if vendor.pending_jwk is None:
            raise CliError(f"Vendor {args.id} has no key change waiting for approval.")
        print(f"Pinned key:  {_shown_key(entry.fingerprint, entry.key_problem)}")
        print(f"New key:     {_shown_key(entry.pending_fingerprint, entry.pending_key_problem)}")
        confirm(f"Trust the new key of {vendor.name}", assume_yes=args.yes)
        directory.approve_key_change(args.id)
    print(f"Vendor {printable(args.id)} now uses its new key.")
    return 0


def cmd_vendor_import(args: argparse.Namespace) -> int:
    """Import a vendor list JSON (bad entries are reported and skipped)."""
    with unlocked(args) as vault:
        report = VendorDirectory(vault).import_file(Path(args.file))
    print(
        f"Imported {len(report.added)} new and {len(report.updated)} updated vendors; "
        f"{len(report.refused)} refused."
    )
    for index, reason in report.refused:
        print(f"  entry {index}: {one_line(reason, MAX_REASON_CHARS)}")
    return 1 if report.refused and not (report.added or report.updated) else 0


def cmd_vendor_export(args: argparse.Namespace) -> int:
    """Export your vendor directory as a vendor list JSON (readable only by you)."""
    path = Path(args.file)
    if path.exists() and not args.force:
        raise CliError(f"{path} already exists; pass --force to replace it.")
    with unlocked(args) as vault:
        count = VendorDirectory(vault).export_file(path, force=args.force)
    print(f"Exported {count} vendors to {path}.")
    return 0


def add_commands(commands: Any) -> None:
    """The ``vendor`` command group."""
    vendor = command_group(commands, "vendor", "the vendors you deal with and their pinned keys")
    add = command(vendor, "add", cmd_vendor_add)
    add.add_argument("url", metavar="URL", help="the vendor's site or metadata document URL")
    add.add_argument("--yes", action="store_true", help="trust the shown key without asking")
    command(vendor, "list", cmd_vendor_list, json_output=True)
    show = command(vendor, "show", cmd_vendor_show, json_output=True)
    show.add_argument("id", metavar="ID")
    remove = command(vendor, "remove", cmd_vendor_remove)
    remove.add_argument("id", metavar="ID")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    approve = command(vendor, "approve-key", cmd_vendor_approve_key)
    approve.add_argument("id", metavar="ID")
    approve.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    imp = command(vendor, "import", cmd_vendor_import)
    imp.add_argument("file", metavar="FILE")
    export = command(vendor, "export", cmd_vendor_export)
    export.add_argument("file", metavar="FILE")
    export.add_argument("--force", action="store_true", help="replace an existing file")
