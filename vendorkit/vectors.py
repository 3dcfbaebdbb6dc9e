"""The protocol's test vectors: write them to ``docs/test-vectors/`` or check the committed ones.

``python -m vendorkit.vectors --write`` writes one JSON file per document the protocol signs
(intention, offer, notice, receipt, disclosure, consent-notice, acknowledgement, terms, agreement)
and ``keys.json`` (the published test keys); ``--check`` exits 1 if a committed file differs from
what would be written. Everything is deterministic: fixed seeds, ids and times, and Ed25519
signatures are deterministic. ``docs/test-vectors/README.md`` explains the files.

:func:`all_cases` is also what ``vrm-vendor conformance`` sends, built for the current time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vendorkit.vector_answers import (
    acknowledgement_cases,
    agreement_cases,
    offer_cases,
    receipt_cases,
    terms_cases,
)
from vendorkit.vector_consents import consent_notice_cases, disclosure_cases
from vendorkit.vector_documents import (
    KEY_NAMES,
    KEY_PURPOSES,
    VECTOR_NOW,
    Setting,
    Signed,
    VectorKeys,
    vector_keys,
)
from vendorkit.vector_inbox import intention_cases, notice_cases
from vendorkit.vector_sealing import sealed_offer_vector
from vendorkit.vector_tokens import SMALL_ORDER_JWK, SMALL_ORDER_KID, Case
from wallet.crypto.signing import b64url

DEFAULT_DIRECTORY = Path(__file__).resolve().parent.parent / "docs" / "test-vectors"

# document -> (what it is, who sends it where, which test key signs it)
DOCUMENTS: dict[str, tuple[str, str, str]] = {
    "intention": ("SignedIntention", "wallet -> vendor: POST inbox.intentions", "intention"),
    "offer": (
        "OfferList of SignedOffer",
        "vendor -> wallet: the 200 answer to an intention",
        "vendor",
    ),
    "notice": (
        "SignedNotice",
        "wallet -> vendor: POST inbox.decisions / inbox.withdrawals",
        "intention",
    ),
    "receipt": (
        "consent receipt, compact JWS",
        "inside a disclosure; vrm-vendor verify",
        "consent",
    ),
    "disclosure": ("SignedDisclosure", "wallet -> vendor: POST inbox.consents", "consent"),
    "consent-notice": (
        "SignedConsentNotice",
        "wallet -> vendor: POST inbox.revocations",
        "consent",
    ),
    "acknowledgement": ("SignedAcknowledgement", "vendor -> wallet: the 200 answer", "vendor"),
    "terms": (
        "SignedTerms (terms export)",
        "the person's terms, as a vendor fetches them",
        "terms",
    ),
    "agreement": ("AgreementRecord", "vendor -> wallet: acceptance of a terms hash", "vendor"),
}
WARNING = (
    "TEST ONLY. These keys are public (their seeds are SHA-256 of a sentence in "
    "vendorkit/vector_documents.py): anyone can sign with them. Never trust them outside tests."
)


def inbox_cases(setting: Setting, keys: VectorKeys) -> list[Case]:
    """The messages a wallet POSTs to a vendor, in the order a conformance run sends them."""
    builders = (intention_cases, notice_cases, disclosure_cases, consent_notice_cases)
    return [case for build in builders for case in build(setting, keys)]


def all_cases(setting: Setting, keys: VectorKeys) -> list[Case]:
    """Every case: :func:`inbox_cases`, then the documents a wallet reads."""
    builders = (
        offer_cases,
        acknowledgement_cases,
        receipt_cases,
        terms_cases,
        agreement_cases,
    )
    return inbox_cases(setting, keys) + [
        case for build in builders for case in build(setting, keys)
    ]


def _signed_json(signed: Signed) -> dict[str, Any]:
    return {
        "json": signed.document,
        "canonical": signed.canonical.decode("utf-8"),
        "canonicalSha256": hashlib.sha256(signed.canonical).hexdigest(),
        "header": signed.header,
        "jws": signed.jws,
    }


def case_json(case: Case) -> dict[str, Any]:
    """One case as written in the vector files."""
    entry: dict[str, Any] = {"name": case.name, "description": case.description}
    entry["expect"] = (
        {"status": case.status} if case.status is not None else {"verdict": case.refusal}
    )
    entry["stage"] = case.stage
    if case.after:
        entry["after"] = [*case.after]
    if case.query is not None:
        entry["endpoint"] = case.endpoint
        entry["method"] = "GET"
        entry["query"] = case.query
        return entry
    if case.endpoint is not None:
        entry["endpoint"] = case.endpoint
        entry["receivedAt"] = case.received_at
        entry["headers"] = case.headers
    entry["body"] = case.body.decode("utf-8")
    if case.pad_to is not None:
        entry["bodyPaddedTo"] = case.pad_to
    if case.signed is not None:
        entry["signed"] = _signed_json(case.signed)
    return entry


def keys_json(keys: VectorKeys) -> dict[str, Any]:
    entries = {}
    for name in KEY_NAMES:
        key = keys.by_name()[name]
        public = key.verifying_key.jwk
        entries[name] = {
            "purpose": KEY_PURPOSES[name],
            "seedHex": key.seed.hex(),
            "privateJwk": {**public, "d": b64url(key.seed)},
            "publicJwk": public,
            "kid": key.kid,
        }
    return {
        "warning": WARNING,
        "keys": entries,
        "smallOrderKey": {
            "purpose": "the Ed25519 identity point: a small-order key every receiver refuses",
            "publicJwk": SMALL_ORDER_JWK,
            "kid": SMALL_ORDER_KID,
        },
    }


def vector_files() -> dict[str, str]:
    """File name -> exact text of every generated file."""
    keys = vector_keys()
    cases = all_cases(Setting(now=VECTOR_NOW), keys)
    files = {"keys.json": _text(keys_json(keys))}
    for document, (model, direction, signer) in DOCUMENTS.items():
        content = {
            "document": document,
            "format": model,
            "direction": direction,
            "signedBy": signer,
            "cases": [case_json(case) for case in cases if case.document == document],
        }
        files[f"{document}.json"] = _text(content)
    files["sealed-offer.json"] = _text(sealed_offer_vector(Setting(now=VECTOR_NOW), keys))
    return files


def _text(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def write(directory: Path) -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in vector_files().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(name)
    return written


def differences(directory: Path) -> list[str]:
    """Files that are missing or differ from what :func:`write` would write."""
    found = []
    for name, text in vector_files().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            found.append(name)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m vendorkit.vectors",
        description="Write or check the protocol's test vectors.",
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="write the files")
    action.add_argument("--check", action="store_true", help="exit 1 if a file differs")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIRECTORY, help="the vector folder")
    args = parser.parse_args(argv)
    if args.write:
        written = write(args.dir)
        print(
            f"{len(written)} file(s) written in {args.dir}"
            + (f": {', '.join(written)}" if written else "")
        )
        return 0
    stale = differences(args.dir)
    if stale:
        print(
            f"error: these vectors are not what the script writes: {', '.join(stale)}; run "
            "python -m vendorkit.vectors --write",
            file=sys.stderr,
        )
        return 1
    print(f"the vectors in {args.dir} are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
