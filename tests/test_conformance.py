"""``vrm-vendor conformance`` against the reference vendor (a real kit vendor on 127.0.0.1) and
against a careless vendor whose wrong answers, and hostile text, it must report."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import pytest
from aiohttp import web

from vendorkit.catalog import load_catalog
from vendorkit.cli import main
from vendorkit.conformance import Outcome, Report, check_answer, metadata_url, run
from vendorkit.server import BackgroundVendors, VendorApp, make_vendors
from vendorkit.vector_documents import Setting, vector_keys
from vendorkit.vectors import inbox_cases
from wallet.crypto.signing import generate_signing_key
from wallet.wire.models import VendorMetadata
from wallet.wire.signing import wire_bytes

LABELS = [case.label for case in inbox_cases(Setting(now=0), vector_keys())]


def _serve(count: int) -> BackgroundVendors:
    catalog = load_catalog()
    keys = [generate_signing_key() for _ in range(count)]
    return BackgroundVendors(VendorApp(make_vendors(keys, catalog), catalog))


@pytest.fixture(scope="module")
def kit_vendor() -> Iterator[BackgroundVendors]:
    with _serve(1) as server:
        yield server


@pytest.fixture(scope="module")
def kit_report(kit_vendor: BackgroundVendors) -> Report:
    return asyncio.run(run(kit_vendor.base_url))


@pytest.mark.parametrize("label", LABELS)
def test_the_reference_vendor_answers_each_case_as_required(kit_report: Report, label: str) -> None:
    outcome = next(item for item in kit_report.outcomes if item.case.label == label)
    assert not outcome.skipped
    assert outcome.received == outcome.case.status, outcome.detail
    assert outcome.answer_problem == ""


def test_every_case_was_sent_and_the_good_answers_were_checked(kit_report: Report) -> None:
    assert [item.case.label for item in kit_report.outcomes] == LABELS
    assert kit_report.summary() == {
        "cases": len(LABELS),
        "asExpected": len(LABELS),
        "mismatches": 0,
        "skipped": 0,
    }
    good = next(item for item in kit_report.outcomes if item.case.label == "intention/good")
    assert json.loads(good.body)["offers"], "the sample catalogue has shoes: offers to verify"


def test_the_command_passes_against_vrm_vendor_serve_and_runs_again(
    kit_vendor: BackgroundVendors, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second and third run against the same vendor (fresh ids each time) pass as well."""
    assert main(["conformance", kit_vendor.base_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith(f"{len(LABELS)} cases: {len(LABELS)} as expected, 0 not")
    assert any(line.split()[:2] == ["ok", "intention/oversize"] for line in lines)
    assert main(["conformance", kit_vendor.metadata_urls[0], "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["summary"]["mismatches"] == 0
    assert {item["result"] for item in document["cases"]} == {"ok"}


def test_a_vendor_among_several_is_tested_at_its_own_metadata_url() -> None:
    with _serve(3) as server:
        report = asyncio.run(run(server.metadata_urls[1]))
    assert report.vendor.id == "demo-vendor-2"
    assert report.mismatches == []


def test_the_metadata_url_is_found_from_a_base_url() -> None:
    assert metadata_url("http://h:1/") == "http://h:1/.well-known/vrm-vendor.json"
    assert metadata_url("http://h:1/v/2") == "http://h:1/v/2/.well-known/vrm-vendor.json"
    assert metadata_url("http://h:1/v.json") == "http://h:1/v.json"


# ---------------------------------------------------------------------------- a careless vendor

HOSTILE = "\x1b[2J\x1b[31mall good\r\nok       intention/forged  200  200"


def _careless_app() -> web.Application:
    """Answers 200 to everything it is sent, and an error message with terminal escapes and a
    forged line to the consent inbox."""
    key = generate_signing_key()

    async def metadata(request: web.Request) -> web.Response:
        origin = str(request.url.origin())
        document = VendorMetadata.model_validate(
            {
                "id": "careless",
                "name": "Careless \x1b[8m Vendor",
                "publicKey": key.verifying_key.jwk,
                "inbox": {
                    "intentions": f"{origin}/in",
                    "offers": f"{origin}/offers",
                    "consents": f"{origin}/consents",
                },
                "policyUrl": f"{origin}/policy",
                "contact": "x@example.org",
            }
        )
        return web.Response(body=wire_bytes(document), content_type="application/json")

    async def anything(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"offers": []})

    async def consents(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"error": HOSTILE}, status=418)

    app = web.Application(client_max_size=1024 * 1024)
    app.router.add_get("/.well-known/vrm-vendor.json", metadata)
    app.router.add_post("/in", anything)
    app.router.add_post("/consents", consents)
    return app


def _careless() -> BackgroundVendors:
    catalog = load_catalog()
    served = VendorApp(make_vendors([generate_signing_key()], catalog), catalog)
    served.app = _careless_app()  # the thread and socket of the kit, another application
    return BackgroundVendors(served)


def test_a_careless_vendor_is_reported_case_by_case_without_raw_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with _careless() as server:
        assert main(["conformance", server.base_url]) == 1
        text = capsys.readouterr().out
        assert main(["conformance", server.base_url, "--json"]) == 1
        document = json.loads(capsys.readouterr().out)
    assert "\x1b" not in text and "\r" not in text
    assert "\\x1b[2J" in text and "Careless \\x1b[8m Vendor" in text
    lines = text.splitlines()
    assert not any(line.startswith("ok       intention/forged") for line in lines)
    by_case = {item["case"]: item for item in document["cases"]}
    assert by_case["intention/good"]["result"] == "ok"
    assert by_case["intention/member-changed"] == {
        "case": "intention/member-changed",
        "endpoint": "intentions",
        "expected": 401,
        "received": 200,
        "result": "mismatch",
        "detail": "",
    }
    assert by_case["disclosure/good"]["received"] == 418
    assert by_case["disclosure/good"]["detail"].startswith("\\x1b[2J\\x1b[31mall good\\r\\n")
    assert by_case["notice/good"]["result"] == "skipped"  # no decisions inbox listed
    summary = document["summary"]
    assert summary["skipped"] == sum(label.startswith("notice/") for label in LABELS) + sum(
        label.startswith("consent-notice/") and label != "consent-notice/disclosure-after-end"
        for label in LABELS
    )
    assert summary["mismatches"] > 0


def test_a_retry_with_other_bytes_is_a_mismatch() -> None:
    """A 200 to a retry is not enough: a wallet gets the same answer, byte for byte."""
    first, retry = (
        Outcome(case, "http://x/in", received=200, body=body)
        for case, body in zip(
            [c for c in inbox_cases(Setting(now=0), vector_keys()) if c.name in ("good", "retry")][
                :2
            ],
            (b'{"offers":[]}', b'{"offers": []}'),
            strict=True,
        )
    )
    key = generate_signing_key().verifying_key
    check_answer(retry, {"intention/good": first}, key, b"")
    assert retry.answer_problem == "the retry's answer is not byte for byte the first answer"
    assert not retry.passed
