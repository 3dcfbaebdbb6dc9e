"""``vrm-vendor`` as a subprocess: keygen, validate, serve."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.intent_helpers import add_vendors, create
from tests.wire_helpers import make_intention, make_offer
from vendorkit.keys import read_key_file
from wallet.crypto.signing import generate_signing_key
from wallet.delivery.cycle import deliver_pending
from wallet.intents import IntentionBook
from wallet.vault.facade import Vault
from wallet.wire import VendorMetadata, parse_wire, sign_intention, sign_offer, wire_bytes

ROOT = Path(__file__).resolve().parents[1]
KIT = (sys.executable, "-m", "vendorkit.cli")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vendorkit.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_keygen_writes_a_private_key_file(tmp_path: Path) -> None:
    out = tmp_path / "vendor.jwk"
    result = run("keygen", "--out", str(out))
    assert result.returncode == 0, result.stderr
    public = json.loads(result.stdout)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    key = read_key_file(out)
    assert public == {"publicKey": key.verifying_key.jwk, "kid": key.kid}
    assert run("keygen", "--out", str(out)).returncode == 1  # no silent overwrite


def test_validate_good_and_bad_files(tmp_path: Path) -> None:
    intention, key = make_intention()
    vendor = generate_signing_key()
    files = {
        "intention.json": wire_bytes(intention),
        "signed-intention.json": wire_bytes(sign_intention(intention, key)),
        "offer.json": wire_bytes(make_offer(vendor)),
        "signed-offer.json": wire_bytes(sign_offer(make_offer(vendor), vendor)),
    }
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = run("validate", str(path))
        assert result.returncode == 0, (name, result.stderr)
        assert result.stdout.startswith("valid ")
    tampered = json.loads(files["signed-intention.json"])
    tampered["intention"]["priceSpecification"]["maxPrice"] = "999"
    bad = {
        "tampered.json": json.dumps(tampered).encode(),
        "currency.json": files["intention.json"].replace(b'"EUR"', b'"euro"'),
        "broken.json": b"{not json",
        "other.json": b'{"hello": "world"}',
    }
    for name, data in bad.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = run("validate", str(path))
        assert result.returncode == 1, name
        assert result.stderr.startswith("error: ")
        assert len(result.stderr.strip().splitlines()) == 1
    assert run("validate", str(tmp_path / "missing.json")).returncode == 1


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_the_metadata_url(tmp_path: Path) -> None:
    assert run("serve", "--host", "0.0.0.0").returncode == 1  # loopback only by default
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vendorkit.cli",
            "serve",
            "--port",
            str(port),
            "--vendors",
            "2",
            "--keys",
            str(tmp_path / "keys"),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}/vendors/2/.well-known/vrm-vendor.json"
    try:
        deadline = time.monotonic() + 30
        body = None
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    body = response.read()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                time.sleep(0.1)  # bounded polling for the server to come up
        assert body is not None, "the server did not come up"
        meta = parse_wire(body, VendorMetadata)
        assert meta.inbox.intentions == f"http://127.0.0.1:{port}/vendors/2/inbox/intentions"
        key = read_key_file(tmp_path / "keys" / "vendor-2.jwk")
        assert meta.publicKey.model_dump() == key.verifying_key.jwk
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout:
            process.stdout.close()
        if process.stderr:
            process.stderr.close()


def test_serve_from_several_processes_shares_one_port_and_stops_them_all(vault: Vault) -> None:
    """``--processes 2`` (load tests): both processes answer on one port, with the same vendors
    and keys; intentions are delivered and answered; SIGTERM stops the workers too."""
    process = subprocess.Popen(
        [*KIT, "serve", "--port", "0", "--vendors", "3", "--processes", "2"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert "(2 processes)" in first, first
        base = first.split(" on ", 1)[1].split(" ", 1)[0]
        urls = [f"{base}/vendors/{i}/.well-known/vrm-vendor.json" for i in (1, 2, 3)]
        keys = set()
        for _ in range(6):  # new connections: the kernel spreads them over both processes
            with urllib.request.urlopen(urls[0], timeout=10) as response:
                keys.add(parse_wire(response.read(), VendorMetadata).publicKey.x)
        assert len(keys) == 1  # every process serves the same vendor keys
        add_vendors(vault, urls)
        intention = create(vault, use_terms=False)
        IntentionBook(vault).broadcast(intention.id)
        report = deliver_pending(vault, deadline=30)
        assert report.summary.delivered == 3 and report.offers.stored
        workers = _children(process.pid)
        assert len(workers) == 1
    finally:
        process.terminate()
        assert process.wait(timeout=30) == 0
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found
