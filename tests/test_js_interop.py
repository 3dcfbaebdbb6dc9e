"""A second stack: the JavaScript vendor of ``interop/js/`` against the real ``vrm-wallet-cli``.

The vendor (Node, ``jose``, Ajv, an RFC 8785 package) was written from ``docs/protocol.md`` and
``resources/schemas/`` only and shares no code with the wallet. Its offers leave out every member
the schema gives a default, and ``acceptsTerms`` unless it accepts, as the document allows. The CLI
runs in subprocesses on a temporary vault; the vendor listens on a free 127.0.0.1 port. Without
Node 20 or the npm packages (``make node-deps`` installs them) the tests skip and say why.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.js_vendor_helpers import JS_DIR, REPO, JsVendor, node_or_reason, running_js_vendor

PASSPHRASE = "correct horse battery staple"
EMAIL = "quokka@example.org"
NEW_EMAIL = "new.quokka@example.org"
# Members of an offer that the schema defaults, which the JavaScript vendor leaves out.
DEFAULTED_OFFER_MEMBERS = {"@context", "@type", "isAlternative", "acceptsLoyaltyProposal"}

Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def node() -> str:
    found, reason = node_or_reason()
    if found is None:
        pytest.skip(reason)
    return found


@pytest.fixture
def js_vendor(node: str, tmp_path: Path) -> Iterator[JsVendor]:
    with running_js_vendor(node, tmp_path / "js-vendor.log") as vendor:
        yield vendor


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """``vrm-wallet-cli ARGS`` of this checkout in a subprocess, on a fresh vault, no terminal."""
    environment = {
        **os.environ,
        "VRM_WALLET_HOME": str(tmp_path / "vault"),
        "VRM_WALLET_PASSPHRASE": PASSPHRASE,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "PYTHONPATH": str(REPO),
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "wallet.cli.main", *args],
            cwd=tmp_path,
            env=environment,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        return result

    run("init", "--kdf-target-ms", "0")
    run("data", "set", "email", EMAIL)
    return run


def _add_vendor(cli: Cli, vendor: JsVendor) -> None:
    added = cli("vendor", "add", "--yes", vendor.metadata_url)
    assert "Added vendor js-vendor." in added.stdout


def _broadcast(cli: Cli, vendor: JsVendor, *options: str) -> str:
    """One intention created (with ``options``) and broadcast to the JS vendor; its id."""
    intention_id = cli(
        "intent", "create", "--item", "Trail running shoes", "--category", "shoes",
        "--max-price", "120.00", "--currency", "EUR", "--region", "ES",
        "--deliver-by", (date.today() + timedelta(days=10)).isoformat(),
        "--delivery-method", "delivery", *options,
    ).stdout.strip()  # fmt: skip
    broadcast = cli("intent", "broadcast", "--wait", "30", intention_id)
    assert "Delivered 1, failed 0" in broadcast.stdout, broadcast.stdout
    assert intention_id in vendor.state()["intentions"]  # it verified and validated it
    return intention_id


def _add_and_broadcast(cli: Cli, vendor: JsVendor) -> str:
    """The JS vendor added (its key pinned) and one intention broadcast to it; the intention id."""
    _add_vendor(cli, vendor)
    return _broadcast(cli, vendor)


def test_every_schema_compiles_with_ajv_2020_in_strict_mode(node: str) -> None:
    result = subprocess.run(
        [node, "compile-schemas.mjs"],
        cwd=JS_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "schemas compile in strict mode" in result.stdout


def test_lifecycle_broadcast_offer_without_defaults_accept_consent_revoke(
    cli: Cli, js_vendor: JsVendor
) -> None:
    intention_id = _add_and_broadcast(cli, js_vendor)
    [sent] = js_vendor.get(f"/inbox/offers?intention={intention_id}")["offers"]
    assert DEFAULTED_OFFER_MEMBERS.isdisjoint(sent["offer"])  # what this test is about
    assert (
        "acceptsTerms" not in sent["offer"] and "required" not in sent["offer"]["dataRequested"][0]
    )

    funnel = json.loads(cli("--json", "offers", "list", intention_id).stdout)
    assert funnel["refused"] == [] and funnel["removed"] == []  # not `forged`
    [kept] = funnel["kept"]
    offer_id = kept["id"]
    assert offer_id == sent["offer"]["id"] and kept["vendor"] == "js-vendor"

    fetched = cli("offers", "fetch", intention_id)  # GET inbox.offers: the same signed offer
    assert "0 new, 1 already known" in fetched.stdout + fetched.stderr, fetched

    cli("offers", "accept", "--yes", "--wait", "30", offer_id)
    assert js_vendor.state()["notices"] == [
        {"type": "OfferAccepted", "intention": intention_id, "offer": offer_id}
    ]

    granted = cli(
        "consent", "grant", "--offer", offer_id, "--purpose", "3", "--yes", "--wait", "30"
    )
    consent_id = granted.stdout.strip()
    assert f"acknowledged: {consent_id} (DisclosureAccepted" in granted.stderr
    held = js_vendor.state()["consents"][consent_id]
    assert held == {"data": {"email": EMAIL}, "terminated": False, "endedBy": None}
    shown = cli("consent", "show", consent_id).stdout
    assert "acknowledged: yes, countersigned by the vendor" in shown

    revoked = cli("consent", "revoke", consent_id, "--yes", "--wait", "30")
    assert f"acknowledged: {consent_id} (ConsentTerminated" in revoked.stdout
    held = js_vendor.state()["consents"][consent_id]
    assert held == {"data": {}, "terminated": True, "endedBy": "ConsentRevoked"}
    detail = json.loads(cli("consent", "show", consent_id, "--json").stdout)
    assert detail["status"] == "revoked" and detail["terminated"] is not None
    assert detail["offer"] == offer_id


def test_consent_given_directly_is_countersigned_and_its_revocation_acknowledged(
    cli: Cli, js_vendor: JsVendor, tmp_path: Path
) -> None:
    cli("vendor", "add", "--yes", js_vendor.metadata_url)
    granted = cli(
        "consent", "grant", "--vendor", "js-vendor", "--fields", "email", "--purpose", "2",
        "--yes", "--wait", "30",
    )  # fmt: skip
    consent_id = granted.stdout.strip()
    assert f"acknowledged: {consent_id} (DisclosureAccepted" in granted.stderr
    assert js_vendor.state()["consents"][consent_id]["data"] == {"email": EMAIL}

    cli("data", "set", "email", NEW_EMAIL)
    updated = cli("consent", "update", "email", "--yes", "--wait", "30")
    assert f"acknowledged: {consent_id} (UpdateAccepted" in updated.stdout
    assert js_vendor.state()["consents"][consent_id]["data"] == {"email": NEW_EMAIL}

    # The JavaScript countersignature verifies with the wallet side's own receipt checker.
    export = tmp_path / "receipt.json"
    cli("consent", "receipt", consent_id, str(export), "--format", "json")
    vendor_key = json.dumps(js_vendor.get("/.well-known/vrm-vendor.json")["publicKey"])
    verified = subprocess.run(
        [sys.executable, "-m", "vendorkit.cli", "verify", str(export), "--vendor-key", vendor_key],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert verified.returncode == 0, verified.stderr
    assert "signature OK" in verified.stdout

    revoked = cli("consent", "revoke", consent_id, "--yes", "--wait", "30")
    assert f"acknowledged: {consent_id} (ConsentTerminated" in revoked.stdout
    assert js_vendor.state()["consents"][consent_id]["terminated"] is True
    detail = json.loads(cli("consent", "show", consent_id, "--json").stdout)
    assert detail["status"] == "revoked" and detail["terminated"] is not None


def test_a_withdrawal_reaches_the_vendor_signed_by_the_intention_key(
    cli: Cli, js_vendor: JsVendor
) -> None:
    intention_id = _add_and_broadcast(cli, js_vendor)
    withdrawn = cli("intent", "withdraw", "--yes", "--wait", "30", intention_id)
    assert "js-vendor: withdrawal delivered" in withdrawn.stdout, withdrawn
    assert js_vendor.state()["notices"] == [
        {"type": "IntentionWithdrawn", "intention": intention_id, "offer": None}
    ]


def test_terms_travel_with_the_intention_and_the_vendor_accepts_a_roster_agreement_by_hash(
    cli: Cli, js_vendor: JsVendor
) -> None:
    _add_vendor(cli, js_vendor)
    cli("terms", "compose", "--agreement", "PDC-INTENT")
    accepted = _broadcast(cli, js_vendor, "--terms", "latest")
    funnel = json.loads(cli("--json", "offers", "list", accepted).stdout)
    assert funnel["refused"] == [] and funnel["removed"] == []
    [kept] = funnel["kept"]
    [sent] = js_vendor.get(f"/inbox/offers?intention={accepted}")["offers"]
    assert set(sent["offer"]["acceptsTerms"]) == {"sha256"}  # by hash: no record
    [agreement] = json.loads(cli("--json", "terms", "agreements").stdout)
    assert agreement["status"] == "in force" and agreement["agreement"] == "PDC-INTENT"
    assert agreement["vendor"]["id"] == "js-vendor" and agreement["offer"] == kept["id"]
    assert agreement["terms_sha256"] == sent["offer"]["acceptsTerms"]["sha256"]

    # A clause this vendor does not list: it declines (no acceptsTerms), the funnel removes it.
    cli("terms", "compose", "--agreement", "PDC-INTENT", "--clause", "CC-RETENTION-DAYS=30")
    declined = _broadcast(cli, js_vendor, "--terms", "latest")
    funnel = json.loads(cli("--json", "offers", "list", declined).stdout)
    assert funnel["refused"] == [] and funnel["kept"] == []
    assert [removal["code"] for removal in funnel["removed"]] == ["terms_not_accepted"]
