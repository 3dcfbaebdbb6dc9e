"""``vrm-vendor agreements DIR``: the reference vendor's agreement records (IEEE 7012).

``vrm-vendor serve --records DIR`` logs, per vendor, the offers it served with a terms answer and
the person's signed acceptances of its counter-offers (``TermsAccepted`` notices). This lists them:
per intention and terms hash, the vendor's signed record, and for a counter-offer whether the
person accepted it, with their signature, so that the vendor's side matches the wallet's
``terms agreements``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from vendorkit.terms import logged_agreements
from wallet.errors import NotFound
from wallet.terminal import printable, printable_json


def cmd_agreements(args: argparse.Namespace) -> int:
    records_dir = Path(args.records)
    if not records_dir.is_dir():
        raise NotFound(f"{records_dir} is not a directory of agreement records.")
    entries = logged_agreements(records_dir)
    if args.json:
        print(printable_json(json.dumps(entries, indent=2, ensure_ascii=False)))
        return 0
    if not entries:
        print("No agreement records yet.")
    for entry in entries:
        print(printable(_line(entry)))
    return 0


def _line(entry: dict[str, Any]) -> str:
    record = entry["record"]
    person = entry.get("personAcceptance")
    signed = f"vendor signed {record['accepted_at']}"
    if person is not None:
        signed += f"; the person signed with key {person['kid']}"
    agreement = entry.get("agreement") or "the person's terms"
    return (
        f"{entry['vendor']}  {entry['status']}  {agreement}  {entry['terms_sha256'][:16]}…  "
        f"intention {entry['intention']}  ({signed})"
    )


def add_agreements_command(commands: Any) -> None:
    """The ``agreements`` subcommand of ``vrm-vendor`` (``commands``: its subparsers)."""
    parser = commands.add_parser(
        "agreements", help="list the agreement records logged by `serve --records DIR`"
    )
    parser.add_argument("records", help="the directory given to `serve --records`")
    parser.add_argument("--json", action="store_true", help="print the records as JSON")
    parser.set_defaults(handler=cmd_agreements)
