"""Real processes: a broadcast killed mid-delivery resumes exactly once per vendor; the CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.intent_helpers import add_vendors, create, serve
from tests.webhook_servers import closed_port
from wallet.delivery.cycle import deliver_pending
from wallet.intents import IntentionBook
from wallet.offers import OfferBook
from wallet.outbox import Outbox
from wallet.vault.facade import Vault

CHILD = """
import sys
from pathlib import Path
from wallet.vault.facade import Vault
from wallet.delivery.cycle import deliver_pending
vault = Vault.open_with_passphrase(Path(sys.argv[1]), sys.argv[2])
print("delivering", flush=True)
# a short lease: the killed run's messages are taken up a second after it dies
deliver_pending(vault, deadline=60, concurrency=1, lease_seconds=1.0)
print("finished", flush=True)
"""


def test_killed_mid_broadcast_resumes_with_one_delivery_per_vendor(tmp_path: Path) -> None:
    home = tmp_path / "vault"
    with serve(3, delay=1.0) as vendors:
        vault = Vault.create(home, PASSPHRASE, kdf_target_seconds=0).vault
        add_vendors(vault, vendors.metadata_urls)
        record = create(vault, use_terms=False)
        IntentionBook(vault).broadcast(record.id)
        vault.lock()

        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(home), PASSPHRASE],
            stdout=subprocess.PIPE,
            text=True,
        )
        served = vendors.vendor_app.vendors
        deadline = time.monotonic() + 30
        while not any(v.deliveries for v in served) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert any(v.deliveries for v in served), "the child never reached a vendor"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL

        vault = Vault.open_with_passphrase(home, PASSPHRASE)
        try:
            rows = Outbox(vault).rows(subject=record.id)
            assert {row.status for row in rows} <= {"pending", "delivering", "delivered"}
            assert any(row.status != "delivered" for row in rows)  # really cut short
            report = deliver_pending(vault, deadline=60)
            assert report.summary.resumed >= 1
            rows = Outbox(vault).rows(subject=record.id)
            assert [row.status for row in rows] == ["delivered"] * 3
            by_vendor = {row.vendor_id: row.webhook_id for row in rows}
            for vendor in served:
                assert list(vendor.deliveries) == [by_vendor[vendor.vendor_id]]
                assert list(vendor.intentions) == [record.id]
            assert OfferBook(vault).offers(record.id)
            assert IntentionBook(vault).get(record.id).status == "offers_in"
        finally:
            vault.lock()


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VRM_WALLET_PASSPHRASE": PASSPHRASE}
    return subprocess.run(
        [sys.executable, "-m", "wallet.cli.main", "--vault", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_cli_intent_and_offer_commands(tmp_path: Path) -> None:
    port = closed_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "vendorkit.cli", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/.well-known/vrm-vendor.json", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, "vrm-vendor serve did not start"
                time.sleep(0.1)
        home = tmp_path / "vault"
        assert _cli(home, "init", "--kdf-target-ms", "0").returncode == 0
        added = _cli(home, "vendor", "add", base, "--yes")
        assert added.returncode == 0, added.stderr
        created = _cli(
            home, "intent", "create", "--item", "Trail running shoes", "--category", "shoes",
            "--max-price", "120", "--currency", "eur", "--region", "ES",
            "--delivery-method", "delivery", "--open-to-alternatives",
        )  # fmt: skip
        assert created.returncode == 0, created.stderr
        intention_id = created.stdout.strip()
        refused = _cli(home, "intent", "create", "--item", "x", "--category", "shoes",
                       "--max-price", "1", "--currency", "EUR", "--terms", "latest")  # fmt: skip
        assert refused.returncode == 1 and "not saved any terms" in refused.stderr
        sent = _cli(home, "intent", "broadcast", intention_id, "--wait", "20")
        assert sent.returncode == 0, sent.stderr
        assert "demo-vendor: intention delivered" in sent.stdout
        assert "Delivered 1" in sent.stdout
        funnel = json.loads(_cli(home, "offers", "list", intention_id, "--json").stdout)
        assert funnel["kept"] and funnel["alternatives"]
        best = funnel["kept"][0]["id"]
        human = _cli(home, "offers", "list", intention_id)
        assert "Kept (" in human.stdout and "Alternatives (" in human.stdout
        accepted = _cli(home, "offers", "accept", best, "--yes")
        assert accepted.returncode == 0, accepted.stderr
        listed = json.loads(_cli(home, "intent", "list", "--json").stdout)
        assert [(item["id"], item["status"]) for item in listed] == [(intention_id, "chosen")]
        out = tmp_path / "intention.json"
        assert _cli(home, "intent", "export", intention_id, str(out)).returncode == 0
        assert json.loads(out.read_text())["intention"]["id"] == intention_id
        assert out.stat().st_mode & 0o777 == 0o600
    finally:
        server.terminate()
        server.wait(timeout=10)
