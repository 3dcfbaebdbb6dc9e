"""The open market from the command lines (issue 15): two ``vrm-vendor listen`` processes of the
same vendors in one queue group, ``intent broadcast --relay`` and ``intent follow``."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.intent_helpers import add_vendors, create, funnel_catalog, save_terms
from tests.nats_server import NatsServer, nats_server
from vendorkit.keys import load_or_create_key
from vendorkit.server import BackgroundVendors, VendorApp, make_vendors
from wallet.cli.main import main as wallet_cli
from wallet.vault.facade import Vault

__all__ = ["nats_server"]

FOLLOW_SECONDS = 15.0


def _listener(relay: str, keys: Path, catalog: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable, "-m", "vendorkit.cli", "listen", "--relay", relay,
            "--keys", str(keys), "--vendors", "2", "--catalog", str(catalog),
            "--category", "shoes", "--queue", "demo-vendors", "--seconds", "60",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def test_two_listening_processes_one_answer_and_the_wallet_follows(
    tmp_path: Path,
    nats_server: NatsServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    catalog = funnel_catalog(careless=False)
    catalog_file = tmp_path / "catalog.json"
    catalog_file.write_text(catalog.model_dump_json(by_alias=True), encoding="utf-8")
    keys = [load_or_create_key(tmp_path / "keys", index) for index in (1, 2)]
    vault_dir = tmp_path / "vault"
    vault = Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0).vault
    with BackgroundVendors(VendorApp(make_vendors(keys, catalog), catalog)) as server:
        add_vendors(vault, server.metadata_urls)  # the directory pins the vendors' keys
    save_terms(vault)
    intention_id = create(vault).id
    vault.lock()

    listeners = [_listener(nats_server.url, tmp_path / "keys", catalog_file) for _ in range(2)]
    try:
        monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
        where = ["--vault", str(vault_dir)]
        assert (
            wallet_cli([*where, "intent", "broadcast", intention_id, "--relay", nats_server.url])
            == 0
        )
        assert "on vrm.intent.es-md.shoes" in capsys.readouterr().out
        stored: list[str] = []
        deadline = time.monotonic() + FOLLOW_SECONDS
        while len(stored) < 2 and time.monotonic() < deadline:
            follow = ["intent", "follow", intention_id, "--relay", nats_server.url, "--once"]
            assert wallet_cli([*where, "--json", *follow]) == 0
            report = json.loads(capsys.readouterr().out)
            assert report["refused"] == []
            stored += report["stored"]
        assert len(stored) >= 2
        assert wallet_cli([*where, "--json", "offers", "list", intention_id]) == 0
        funnel = json.loads(capsys.readouterr().out)
        assert {item["vendor"] for item in funnel["kept"]} == {"demo-vendor-1", "demo-vendor-2"}
        assert wallet_cli([*where, "intent", "withdraw", intention_id, "--yes"]) == 0
        assert "1 relay(s) told" in capsys.readouterr().out
        assert wallet_cli([*where, "--json", "intent", "show", intention_id]) == 0
        (relay,) = json.loads(capsys.readouterr().out)["relays"]
        assert relay["relay"] == nats_server.url and relay["subject"] == "vrm.intent.es-md.shoes"
        assert relay["withdrawnAt"] and relay["messagesRead"] == 2 and relay["refused"] == 0
    finally:
        outputs = []
        for process in listeners:
            process.send_signal(signal.SIGTERM)
            outputs.append(process.communicate(timeout=15)[0])
    answered = sorted(line for out in outputs for line in out.splitlines() if "Answered" in line)
    assert answered[0].startswith("Answered 0 intention(s)"), outputs
    assert answered[1].startswith("Answered 1 intention(s) with 2 sealed"), outputs
