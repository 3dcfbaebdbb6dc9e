"""The verification examples of docs/vendors.md, taken from the page and run against the vectors.

Each fenced block marked ``title="verify_receipt.py"`` or ``title="verify_receipt.mjs"`` is
written to a temporary folder and run as a vendor would run it: the Python one with this
interpreter (it needs only ``cryptography`` and ``rfc8785``), the JavaScript one with Node and the
npm packages of ``interop/js`` (skipped, saying why, where Node 20 or those packages are missing).
The good receipt of ``docs/test-vectors/receipt.json`` must verify; every bad case there, the good
one with a byte of its payload changed, and the good one checked against another expected key
must be refused with one ``error:`` line; the webhook example (``title="verify_webhook.py"``)
must answer the good intention and its ``webhook-*`` cases with their statuses; the sealing
examples (``title="seal_offers.py"``, jwcrypto, and ``title="seal_offers.mjs"``, Node's ``jose``)
must seal the offer list of ``docs/test-vectors/sealed-offer.json`` to an intention's
``sealingKey`` so that the wallet's own reader opens it, with the header, ``apu``, ``apv`` and
plaintext §12 asks for. So the page cannot
drift from the protocol. And every link of the guides leads to a file of the repository (no web
address, nothing outside it).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.js_vendor_helpers import JS_DIR, REPO, node_or_reason
from wallet.crypto.sealing import (
    generate_sealing_key,
    open_sealed,
    thumbprint,
    x25519_public_from_jwk,
)
from wallet.wire.models import SealedOfferList

PAGE = REPO / "docs" / "vendors.md"
VECTORS = REPO / "docs" / "test-vectors"
GUIDES = (REPO / "docs" / "guide.md", PAGE, REPO / "CONTRIBUTING.md")
LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r'^```(\w+) title="([^"]+)"\n(.*?)^```$', re.MULTILINE | re.DOTALL)
TIMEOUT_SECONDS = 30


def _example(title: str) -> str:
    blocks: dict[str, str] = {
        name: code for _, name, code in FENCE.findall(PAGE.read_text(encoding="utf-8"))
    }
    assert title in blocks, f"docs/vendors.md has no block marked title={title!r}"
    return blocks[title]


def _cases() -> dict[str, str]:
    """Every receipt case by name, plus two made here: a changed payload byte, a wrong key."""
    document = json.loads((VECTORS / "receipt.json").read_text(encoding="utf-8"))
    cases = {case["name"]: case["body"] for case in document["cases"]}
    header, payload, signature = cases["good"].split(".")
    changed = payload[:40] + ("A" if payload[40] != "A" else "B") + payload[41:]
    cases["payload-byte-changed-here"] = f"{header}.{changed}.{signature}"
    return cases


def _expected_key(tmp_path: Path, role: str) -> Path:
    keys = json.loads((VECTORS / "keys.json").read_text(encoding="utf-8"))["keys"]
    path = tmp_path / f"{role}.jwk"
    path.write_text(json.dumps(keys[role]["publicJwk"]), encoding="utf-8")
    return path


def _check_every_case(command: list[str], tmp_path: Path) -> None:
    """Run ``command + [receipt file, (expected key)]`` on each case and judge the outcome."""
    receipt = tmp_path / "receipt.jws"
    outcomes = {}
    for name, body in _cases().items():
        receipt.write_text(body, encoding="ascii")
        outcomes[name] = _run([*command, str(receipt)], tmp_path)
    receipt.write_text(_cases()["good"], encoding="ascii")
    for role in ("consent", "vendor"):
        key = _expected_key(tmp_path, role)
        outcomes[f"good-expecting-{role}-key"] = _run([*command, str(receipt), str(key)], tmp_path)

    for name in ("good", "good-expecting-consent-key"):
        code, out, err = outcomes.pop(name)
        assert code == 0, f"{name}: {err}"
        assert out.splitlines()[-1] == "signature OK", name
        assert "715270b8-3ee3-4fc3-aef8-bc93af83ae2e" in out
    assert set(outcomes) >= {"member-changed", "not-canonical", "small-order-key", "alg-none"}
    for name, (code, out, err) in outcomes.items():
        assert code == 1, f"{name} was not refused: {out}"
        assert err.startswith("error: ") and len(err.strip().splitlines()) == 1, (name, err)
        assert "signature OK" not in out, name


def _run(command: list[str], cwd: Path) -> tuple[int, str, str]:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
    )
    return done.returncode, done.stdout, done.stderr


def _node_command(title: str, tmp_path: Path) -> list[str]:
    """The page's JavaScript example ``title`` written to ``tmp_path``, as a command to run (the
    test is skipped, saying why, where Node 20 or the npm packages of interop/js are missing)."""
    node, reason = node_or_reason()
    if node is None:
        pytest.skip(reason)
    # Node finds bare imports (jose, canonicalize) in a node_modules beside the script.
    (tmp_path / "node_modules").symlink_to(JS_DIR / "node_modules", target_is_directory=True)
    script = tmp_path / title
    script.write_text(_example(title), encoding="utf-8")
    return [node, str(script)]


def test_the_python_example_verifies_the_good_receipt_and_refuses_every_bad_one(
    tmp_path: Path,
) -> None:
    script = tmp_path / "verify_receipt.py"
    script.write_text(_example("verify_receipt.py"), encoding="utf-8")
    _check_every_case([sys.executable, str(script)], tmp_path)


def test_the_javascript_example_verifies_the_good_receipt_and_refuses_every_bad_one(
    tmp_path: Path,
) -> None:
    _check_every_case(_node_command("verify_receipt.mjs", tmp_path), tmp_path)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.name)
def test_every_link_of_the_guides_is_a_file_of_the_repository(guide: Path) -> None:
    links = LINK.findall(guide.read_text(encoding="utf-8"))
    assert links, f"{guide.name} links to nothing"
    broken = []
    for link in links:
        target = link.split("#", 1)[0]
        if not target:
            continue  # a heading of the same page
        resolved = (guide.parent / target).resolve()
        if "://" in link or not resolved.is_relative_to(REPO) or not resolved.exists():
            broken.append(link)
    assert broken == []


WEBHOOK_CASES = (
    "good",
    "webhook-stale",
    "webhook-future",
    "webhook-missing",
    "webhook-other-signer",
    "webhook-other-timestamp",
    "webhook-v1-only",
)


def test_the_webhook_example_answers_each_intention_case_with_its_status(tmp_path: Path) -> None:
    script = tmp_path / "verify_webhook.py"
    script.write_text(_example("verify_webhook.py"), encoding="utf-8")
    document = json.loads((VECTORS / "intention.json").read_text(encoding="utf-8"))
    cases = {case["name"]: case for case in document["cases"]}
    request = tmp_path / "request.json"
    for name in WEBHOOK_CASES:
        request.write_text(json.dumps(cases[name]), encoding="utf-8")
        code, out, err = _run([sys.executable, str(script), str(request)], tmp_path)
        status = cases[name]["expect"]["status"]
        if status == 200:
            assert (code, out.strip()) == (0, "webhook OK"), err
        else:
            assert code == 1 and err.strip().endswith(f"(answer {status})"), (name, err)


METADATA_URL = "https://shop.example/.well-known/vrm-vendor.json"


def _check_sealing(command: list[str], tmp_path: Path) -> None:
    """Run a sealing example on the good intention (given a fresh sealingKey) and the vectors'
    offer list; the wallet's strict reader must open what it prints, as §12 describes it."""
    key = generate_sealing_key()
    document = json.loads((VECTORS / "intention.json").read_text(encoding="utf-8"))
    signed = json.loads(next(c["body"] for c in document["cases"] if c["name"] == "good"))
    signed["intention"]["sealingKey"] = key.jwk
    intention_id = signed["intention"]["id"]
    (tmp_path / "intention.json").write_text(json.dumps(signed), encoding="utf-8")
    sealed = json.loads((VECTORS / "sealed-offer.json").read_text(encoding="utf-8"))
    offer_list = json.loads(sealed["plaintext"])
    (tmp_path / "offers.json").write_text(sealed["plaintext"], encoding="utf-8")
    arguments = ["intention.json", "offers.json", "demo-vendor", METADATA_URL]

    code, out, err = _run([*command, *arguments], tmp_path)
    assert code == 0, err
    opened = open_sealed(key.private, out.strip())
    assert (opened.apu, opened.apv) == (b"demo-vendor", intention_id.encode())
    assert set(opened.header) == {"alg", "enc", "epk", "kid", "apu", "apv"}
    assert opened.header["kid"] == thumbprint(x25519_public_from_jwk(key.jwk))
    body = json.loads(opened.plaintext)
    assert body == {"offers": offer_list["offers"], "metadataUrl": METADATA_URL}
    SealedOfferList.model_validate_json(opened.plaintext)
    again = _run([*command, *arguments], tmp_path)[1]
    assert again.split(".")[0] != out.split(".")[0], "the ephemeral key must be fresh each time"


def test_the_python_sealing_example_seals_what_the_wallet_opens(tmp_path: Path) -> None:
    script = tmp_path / "seal_offers.py"
    script.write_text(_example("seal_offers.py"), encoding="utf-8")
    _check_sealing([sys.executable, str(script)], tmp_path)


def test_the_javascript_sealing_example_seals_what_the_wallet_opens(tmp_path: Path) -> None:
    _check_sealing(_node_command("seal_offers.mjs", tmp_path), tmp_path)
