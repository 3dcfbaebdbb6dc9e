"""Remote text on the command line: a vendor cannot forge lines, hide text or crash a print.

Issue 11: a vendor named ``"Legit Shop\\nhttps://legit.example\\nKey: AAAA…\\x1b[8m"`` made
``vendor add`` print a fake URL and key fingerprint and hide the real ones. Now such a document
is refused when it is added, and a vendor pinned by an older version with such a name (stored
before the check) is still printed on one visible line everywhere: ``vendor list/show``,
``offers list``, ``log list``, ``consent list/show``. The vendors are the real vendor kit on
127.0.0.1; the CLI runs in-process (``main``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests import test_consents_cli
from tests.conftest import PASSPHRASE
from tests.intent_helpers import funnel_catalog
from tests.test_consents_cli import Run
from vendorkit.server import BackgroundVendors, Vendor, VendorApp
from wallet.crypto.signing import b64url, generate_signing_key
from wallet.vault.facade import Vault
from wallet.vendors import store

run = test_consents_cli.run  # the fixture: the CLI in-process, on the vault of ``home`` below
FORGED_NAME = "Legit Shop\nhttps://legit.example\nKey: AAAA\x1b[8m"
FORGED_CONTACT = "shop@legit.example\r\nKey: BBBB\u202e"
FORGED_CATEGORY = "shoes\r\x1b[2K"
OFF_CURVE_POINT = "0200000000000000000000000000000000000000000000000000000000000000"  # y = 2
QUIET_NAME = "Quiet\u200bShop\u200f"  # invisible but harmless characters: accepted, shown escaped
FORGED_LINES = ("https://legit.example", "Key: AAAA", "Key: BBBB")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A new vault with an e-mail field, where the CLI finds it, with its passphrase."""
    path = tmp_path / "home-vault"
    monkeypatch.setenv("VRM_WALLET_HOME", str(path))
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    vault = Vault.create(path, PASSPHRASE, kdf_target_seconds=0).vault
    try:
        vault.fields.set("email", "ada@example.org")
    finally:
        vault.lock()
    yield path


@pytest.fixture
def kit() -> Iterator[BackgroundVendors]:
    """Two vendors: one with the forged name, one with invisible (allowed) characters."""
    catalog = funnel_catalog(careless=False)
    vendors = [
        Vendor(1, generate_signing_key(), FORGED_NAME, "forged-shop", "/vendors/1"),
        Vendor(2, generate_signing_key(), QUIET_NAME, "quiet-shop", "/vendors/2"),
    ]
    with BackgroundVendors(VendorApp(vendors, catalog)) as server:
        yield server


def assert_safe(text: str) -> None:
    """Nothing raw from the vendors: no escape, carriage return, invisible or forged line."""
    for raw in ("\x1b", "\r", "\u202e", "\u200b", "\u200f"):
        assert raw not in text, (raw, text)
    for line in text.splitlines():
        assert not line.strip().startswith(FORGED_LINES), (line, text)


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 0, err
    assert_safe(out)
    assert_safe(err)
    return out


def pin_as_an_older_version_did(home: Path, kit: BackgroundVendors, *, x: str = "") -> str:
    """Store the forged vendor the way a version without the checks stored it (with key ``x``
    if given); its fingerprint."""
    forged = kit.vendor_app.vendors[0]
    metadata = forged.metadata(kit.base_url, kit.vendor_app.catalog).wire()
    if x:
        metadata["publicKey"]["x"] = x
    metadata["contact"] = FORGED_CONTACT
    metadata["categories"] = [*metadata["categories"], FORGED_CATEGORY]
    vault = Vault.open_with_passphrase(home, PASSPHRASE)
    try:
        with vault.write() as connection:
            store.upsert(
                connection,
                metadata=metadata,
                metadata_url=kit.metadata_urls[0],
                kid=forged.key.kid,
                status="active",
                now=datetime.now(UTC),
            )
    finally:
        vault.lock()
    return forged.key.verifying_key.fingerprint


def test_vendor_add_refuses_a_forged_name_and_escapes_invisible_characters(
    run: Run, kit: BackgroundVendors
) -> None:
    forged_url, quiet_url = kit.metadata_urls
    code, out, err = run("vendor", "add", forged_url, "--yes")
    assert code == 1 and out == ""
    assert_safe(err)
    (line,) = err.strip().splitlines()
    assert line.startswith("error: ") and "control character (\\n) in name" in line

    out = ok(run("vendor", "add", quiet_url, "--yes"))
    fingerprint = kit.vendor_app.vendors[1].key.verifying_key.fingerprint
    assert out.splitlines() == [
        "Vendor:      Quiet\\u200bShop\\u200f (quiet-shop)",
        f"From:        {quiet_url}",
        f"Key:         {fingerprint}",
        "Added vendor quiet-shop.",
    ]


def test_vendor_import_reports_a_forged_entry_on_one_line(
    run: Run, kit: BackgroundVendors, tmp_path: Path
) -> None:
    vendors = kit.vendor_app.vendors
    entries = [
        {
            "metadataUrl": url,
            "metadata": vendor.metadata(kit.base_url, kit.vendor_app.catalog).wire(),
        }
        for url, vendor in zip(kit.metadata_urls, vendors, strict=True)
    ]
    entries[1]["metadata"]["contact"] = FORGED_CONTACT
    path = tmp_path / "vendors.json"
    path.write_text(json.dumps({"type": "VrmVendorList", "version": 1, "vendors": entries}))
    code, out, err = run("vendor", "import", str(path))
    assert code == 1, err  # nothing imported
    assert_safe(out)
    assert out.splitlines()[0] == "Imported 0 new and 0 updated vendors; 2 refused."
    assert [line.split(":")[0] for line in out.splitlines()[1:]] == ["  entry 1", "  entry 2"]
    assert "control character (\\n) in name" in out and "control character (\\r) in contact" in out


def test_a_forged_vendor_pinned_earlier_prints_on_one_visible_line_everywhere(
    run: Run, home: Path, kit: BackgroundVendors
) -> None:
    ok(run("vendor", "add", kit.metadata_urls[1], "--yes"))
    fingerprint = pin_as_an_older_version_did(home, kit)
    escaped_name = "Legit Shop\\nhttps://legit.example\\nKey: AAAA\\x1b[8m"

    listed = ok(run("vendor", "list"))
    assert len(listed.splitlines()) == 3  # the header and two vendors
    assert "Legit Shop https://legit" in listed and fingerprint[:19] in listed  # squeezed
    as_json = json.loads(ok(run("vendor", "list", "--json")))
    assert {vendor["name"] for vendor in as_json} == {FORGED_NAME, QUIET_NAME}

    shown = ok(run("vendor", "show", "forged-shop"))
    assert shown.splitlines()[0] == f"{escaped_name} (forged-shop)"
    assert f"  key:         {fingerprint}" in shown.splitlines()
    assert f"  metadata:    {kit.metadata_urls[0]}" in shown.splitlines()
    assert "shop@legit.example\\r\\nKey: BBBB\\u202e" in shown
    assert "shoes\\r\\x1b[2K" in shown
    assert len(shown.splitlines()) == 11

    create = "intent create --item Trail --category shoes --max-price 120 --currency EUR"
    intention = ok(run(*create.split(), "--region", "ES-MD")).strip()
    broadcast = ok(run("intent", "broadcast", intention, "--wait", "20"))
    assert "Delivered 2" in broadcast
    offers = ok(run("offers", "list", intention))
    assert "Legit Shop https" in offers and "Quiet\\u200bShop" in offers
    assert json.loads(ok(run("offers", "list", intention, "--json")))["kept"]

    grant = "consent grant --vendor forged-shop --fields email --purpose 2 --yes"
    consent_id = ok(run(*grant.split())).strip()
    assert "Legit Shop https" in ok(run("consent", "list"))
    consent = ok(run("consent", "show", consent_id))
    assert f"  vendor:       {escaped_name} (forged-shop)" in consent.splitlines()
    ok(run("log", "list"))


def test_a_key_pinned_earlier_and_refused_now_fails_only_its_own_line(
    run: Run, home: Path, kit: BackgroundVendors
) -> None:
    """An older version pinned an off-curve key (issue 11); the key checks refuse it now. The
    listing still shows every vendor, and that one says its key is refused."""
    ok(run("vendor", "add", kit.metadata_urls[1], "--yes"))
    pin_as_an_older_version_did(home, kit, x=b64url(bytes.fromhex(OFF_CURVE_POINT)))
    listed = ok(run("vendor", "list"))
    assert len(listed.splitlines()) == 3 and "key refused" in listed
    as_json = json.loads(ok(run("vendor", "list", "--json")))
    assert [vendor["fingerprint"] is None for vendor in as_json] == [True, False]
    shown = ok(run("vendor", "show", "forged-shop"))
    assert "key:         refused (" in shown and "not an Ed25519 public key" in shown
