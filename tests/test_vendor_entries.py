"""The vendor directory as people see it (``VendorEntry``): the rules the Vendors page and the CLI's
``vendor list``/``vendor show`` share, from fingerprints to keys refused by today's checks."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory, VendorEntry, parse_metadata, pinned_fingerprint
from wallet.vendors import store as vendor_store

OFF_CURVE_X = "AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"  # y = 2: not a point of the curve
URL = "http://127.0.0.1:9/.well-known/vrm-vendor.json"


def metadata(vendor_id: str, key: SigningKey, *, x: str | None = None) -> dict[str, Any]:
    jwk = dict(key.verifying_key.jwk)
    if x is not None:
        jwk["x"] = x
    return {
        "type": "VrmVendor",
        "version": 1,
        "id": vendor_id,
        "name": vendor_id.title(),
        "publicKey": jwk,
        "inbox": {
            "intentions": "http://127.0.0.1:9/inbox/intentions",
            "offers": "http://127.0.0.1:9/inbox/offers",
        },
        "categories": ["shoes"],
        "policyUrl": "http://127.0.0.1:9/policy",
        "contact": "shop@example.org",
    }


def pin(vault: Vault, document: dict[str, Any], kid: str) -> None:
    """Store a vendor as an older version did: no key checks on the way in."""
    with vault.write() as connection:
        vendor_store.upsert(
            connection,
            metadata=document,
            metadata_url=URL,
            kid=kid,
            status="active",
            now=datetime.now(UTC),
        )


def test_an_entry_has_the_fingerprint_and_its_short_form(vault: Vault) -> None:
    key = generate_signing_key()
    pin(vault, metadata("acme", key), key.kid)
    (entry,) = VendorDirectory(vault).entries()
    fingerprint = key.verifying_key.fingerprint
    assert entry.vendor.id == "acme"
    assert entry.fingerprint == fingerprint and entry.key_problem is None
    assert entry.short_fingerprint == fingerprint[:19] + "…"
    assert entry.pending_fingerprint is None and not entry.key_change_pending
    assert VendorDirectory(vault).entry("acme") == entry


def test_a_key_refused_today_has_no_fingerprint_but_the_reason(vault: Vault) -> None:
    good, bad = generate_signing_key(), generate_signing_key()
    pin(vault, metadata("good-shop", good), good.kid)
    pin(vault, metadata("old-pin", bad, x=OFF_CURVE_X), bad.kid)
    entries = {entry.vendor.id: entry for entry in VendorDirectory(vault).entries()}
    assert entries["good-shop"].fingerprint == good.verifying_key.fingerprint
    refused = entries["old-pin"]
    assert refused.fingerprint is None and refused.short_fingerprint is None
    assert refused.key_problem is not None
    assert "not an Ed25519 public key" in str(refused.key_problem)
    assert pinned_fingerprint(refused.vendor.public_jwk) is None
    assert pinned_fingerprint(None) is None


def test_a_changed_key_waits_with_its_own_fingerprint(vault: Vault) -> None:
    old, new = generate_signing_key(), generate_signing_key()
    directory = VendorDirectory(vault)
    directory.add(parse_metadata(metadata("acme", old), url=URL))
    changed = parse_metadata(metadata("acme", new), url=URL)
    preview = directory.preview_add(changed)
    assert preview.outcome == "key_change_pending" and preview.fetched is changed
    directory.add(changed)
    entry = directory.entry("acme")
    assert entry.fingerprint == old.verifying_key.fingerprint
    assert entry.pending_fingerprint == new.verifying_key.fingerprint
    assert entry.key_change_pending


def test_an_entry_made_from_a_row_equals_the_directory_s(vault: Vault) -> None:
    key = generate_signing_key()
    pin(vault, metadata("acme", key), key.kid)
    row = VendorDirectory(vault).get("acme")
    assert VendorEntry.of(row) == VendorDirectory(vault).entry("acme")
    assert (
        VendorDirectory(vault)
        .preview_add(
            parse_metadata(metadata("shoe-shop", key), url="http://127.0.0.1:9/other.json")
        )
        .outcome
        == "added"
    )
