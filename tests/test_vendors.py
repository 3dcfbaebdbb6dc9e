"""The vendor directory against a real metadata server on 127.0.0.1, and the CLI in a subprocess."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestServer

from tests.test_signing import SMALL_ORDER_POINTS
from tests.webhook_servers import metadata_app
from wallet import activity
from wallet.crypto.signing import b64url, generate_signing_key
from wallet.errors import InvalidInput, InvalidKey
from wallet.transport import Transport
from wallet.vault.facade import Vault
from wallet.vendors import (
    WELL_KNOWN_PATH,
    FetchedMetadata,
    MetadataError,
    VendorDirectory,
    fetch_metadata,
)


def document(base: str, *, x: str | None = None, vendor_id: str = "acme", **extra: Any) -> bytes:
    key = (
        generate_signing_key().verifying_key.jwk
        if x is None
        else {"kty": "OKP", "crv": "Ed25519", "x": x}
    )
    doc = {
        "type": "VrmVendor",
        "version": 1,
        "id": vendor_id,
        "name": "ACME Bikes",
        "publicKey": key,
        "inbox": {"intentions": f"{base}/inbox", "offers": f"{base}/offers"},
        "categories": ["bicycles"],
        "acceptedAgreements": ["SD-BASE"],
        "policyUrl": f"{base}/privacy",
        "contact": "shop@acme.example",
        **extra,
    }
    return json.dumps(doc).encode()


class MetadataServer:
    """A real aiohttp server in a background thread, so sync code and subprocesses can use it."""

    def __init__(self) -> None:
        self.documents: dict[str, bytes] = {}
        self.loop = asyncio.new_event_loop()
        self.server = TestServer(metadata_app(self.documents), host="127.0.0.1")
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.server.start_server(), self.loop).result(10)
        self.base = str(self.server.make_url("")).rstrip("/")

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self.server.close(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()

    def serve(self, body: bytes, path: str = WELL_KNOWN_PATH) -> str:
        self.documents[path] = body
        return self.base + path


@pytest.fixture
def site() -> Iterator[MetadataServer]:
    server = MetadataServer()
    try:
        yield server
    finally:
        server.close()


def fetch(url: str) -> FetchedMetadata:
    async def run() -> FetchedMetadata:
        async with Transport(timeout=5) as transport:
            return await fetch_metadata(transport, url)

    return asyncio.run(run())


def test_add_pins_key_refuses_a_changed_one_until_approved(
    vault: Vault, site: MetadataServer
) -> None:
    site.serve(document(site.base))
    fetched = fetch(site.base)  # the site URL resolves to the well-known document
    directory = VendorDirectory(vault)
    result = directory.add(fetched)
    assert result.outcome == "added"
    assert result.vendor.kid == fetched.key.kid and result.vendor.categories == ("bicycles",)
    assert directory.add(fetch(site.base)).outcome == "unchanged"

    site.serve(document(site.base))  # same id, new key
    changed = fetch(site.base)
    result = directory.add(changed)
    assert result.outcome == "key_change_pending"
    assert result.vendor.kid == fetched.key.kid  # the old key is still the trusted one
    assert result.vendor.pending_jwk == changed.key.jwk
    approved = directory.approve_key_change("acme")
    assert approved.kid == changed.key.kid and approved.pending_jwk is None
    with pytest.raises(InvalidInput, match="no key change"):
        directory.approve_key_change("acme")
    types = [entry.type for entry in vault.activity_page()]
    assert types[:3] == [
        activity.VENDOR_KEY_CHANGE_APPROVED,
        activity.VENDOR_KEY_CHANGE_REFUSED,
        activity.VENDOR_ADDED,
    ]
    # the same id announced from another URL cannot take over the vendor
    other = site.serve(document(site.base), "/elsewhere.json")
    with pytest.raises(InvalidInput, match="claims the same id"):
        directory.add(fetch(other))
    assert directory.remove("acme") == 0
    assert directory.list() == []


@pytest.mark.parametrize("point", SMALL_ORDER_POINTS)
def test_small_order_keys_are_refused(site: MetadataServer, point: str) -> None:
    site.serve(document(site.base, x=b64url(bytes.fromhex(point))))
    with pytest.raises(InvalidKey, match="small-order"):
        fetch(site.base)


@pytest.mark.parametrize(
    ("body", "error", "match"),
    [
        (b"{not json", MetadataError, "not valid JSON"),
        (b"[]", MetadataError, "not a JSON object"),
        (b"x" * 70_000, MetadataError, "larger than 64 KiB"),
        (None, InvalidKey, "32 bytes"),
        (None, MetadataError, "not a valid VRM vendor document"),
    ],
)
def test_bad_metadata_is_refused_clearly(
    site: MetadataServer, body: bytes | None, error: type[Exception], match: str
) -> None:
    if body is None and error is InvalidKey:
        body = document(site.base, x=b64url(b"\x01" * 31))
    elif body is None:
        body = document(site.base, surprise="field")
    site.serve(body)
    with pytest.raises(error, match=match):
        fetch(site.base)


def test_missing_document_and_plain_http_elsewhere(site: MetadataServer) -> None:
    with pytest.raises(MetadataError, match="HTTP 404"):
        fetch(site.base + "/nothing.json")
    with pytest.raises(InvalidInput, match="not HTTPS"):
        fetch("http://vendor.example")
    site.serve(document("http://vendor.example"))
    with pytest.raises(InvalidInput, match="not HTTPS"):
        fetch(site.base)  # its inbox would be plain HTTP on the internet


def test_export_import_round_trip(vault: Vault, site: MetadataServer, tmp_path: Path) -> None:
    site.serve(document(site.base))
    directory = VendorDirectory(vault)
    directory.add(fetch(site.base))
    target = tmp_path / "vendors.json"
    assert directory.export_file(target) == 1
    assert os.stat(target).st_mode & 0o777 == 0o600
    with pytest.raises(Exception, match="already exists"):
        directory.export_file(target)
    exported = json.loads(target.read_text())
    directory.remove("acme")
    bad_key = json.loads(document(site.base, x=b64url(bytes.fromhex(SMALL_ORDER_POINTS[0]))))
    bad_key["id"] = "evil"
    exported["vendors"] += [
        {"metadataUrl": site.base + "/evil.json", "metadata": bad_key},
        {
            "metadataUrl": "http://far.example/x.json",
            "metadata": exported["vendors"][0]["metadata"],
        },
        "not an object",
    ]
    target.write_text(json.dumps(exported))
    report = directory.import_file(target)
    assert report.added == ("acme",)
    assert [index for index, _ in report.refused] == [2, 3, 4]
    assert "small-order" in report.refused[0][1] and "not HTTPS" in report.refused[1][1]
    (vendor,) = directory.list()
    assert vendor.kid == exported["vendors"][0]["kid"]


def _cli(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VRM_WALLET_PASSPHRASE": "correct horse battery staple"}
    return subprocess.run(
        [sys.executable, "-m", "wallet.cli.main", "--vault", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=60,
        check=False,
    )


def test_cli_vendor_commands(site: MetadataServer, tmp_path: Path) -> None:
    home = tmp_path / "vault"
    site.serve(document(site.base))
    assert _cli(home, "init", "--kdf-target-ms", "0").returncode == 0
    refused = _cli(home, "vendor", "add", site.base)  # no terminal, no --yes
    assert refused.returncode == 1 and "--yes" in refused.stderr
    added = _cli(home, "vendor", "add", site.base, "--yes")
    assert added.returncode == 0, added.stderr
    assert "ACME Bikes" in added.stdout and "Key:" in added.stdout
    site.serve(document(site.base))  # the key changes
    changed = _cli(home, "vendor", "add", site.base, "--yes")
    assert changed.returncode == 1 and "DIFFERENT key" in changed.stderr
    listed = json.loads(_cli(home, "vendor", "list", "--json").stdout)
    assert listed[0]["id"] == "acme" and listed[0]["pending_key_change"] is not None
    approved = _cli(home, "vendor", "approve-key", "acme", "--yes")
    assert approved.returncode == 0, approved.stderr
    export = tmp_path / "out.json"
    assert _cli(home, "vendor", "export", str(export)).returncode == 0
    assert _cli(home, "vendor", "remove", "acme", "--yes").returncode == 0
    imported = _cli(home, "vendor", "import", str(export))
    assert imported.returncode == 0 and "Imported 1 new" in imported.stdout
    shown = _cli(home, "vendor", "show", "acme")
    assert shown.returncode == 0 and "intentions:" in shown.stdout
