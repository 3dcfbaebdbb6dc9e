"""The JavaScript vendor answers as docs/protocol.md §3 and §6 say, to messages made here by hand.

The messages are made with ``cryptography`` and ``rfc8785`` only (no wallet code), so these tests
check the JavaScript side on its own: it accepts an intention that leaves out every defaulted
member, signs its offer as the document says, and refuses what the document tells it to refuse,
with the status it names. Without Node 20 or the npm packages the tests skip and say why.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from tests.js_vendor_helpers import REPO, JsVendor, node_or_reason, running_js_vendor

SMALL_ORDER_POINT = bytes.fromhex("01" + "00" * 31)  # the identity point
# With the identity as public key A, the signature R = identity, S = 0 passes [S]B = R + [k]A for
# every message: only refusing small-order keys stops it.
FORGED_SIGNATURE = SMALL_ORDER_POINT + bytes(32)


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_jwk(x: bytes) -> dict[str, str]:
    return {"kty": "OKP", "crv": "Ed25519", "x": b64url(x)}


def thumbprint(jwk: dict[str, str]) -> str:
    """RFC 7638: SHA-256 of the required members in lexicographic order, no whitespace."""
    members = json.dumps({k: jwk[k] for k in ("crv", "kty", "x")}, separators=(",", ":"))
    return b64url(hashlib.sha256(members.encode()).digest())


@dataclass
class Requester:
    """An intention's fresh key, as a stranger's wallet would hold it."""

    private: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    x: bytes = b""  # given: a small-order key, whose "signatures" are forged

    def sign(self, content: bytes) -> bytes:
        if self.x == SMALL_ORDER_POINT:
            return FORGED_SIGNATURE
        return self.private.sign(content)

    def __post_init__(self) -> None:
        if not self.x:
            self.x = self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def identity(self) -> dict[str, Any]:
        jwk = public_jwk(self.x)
        return {"publicKey": jwk, "kid": thumbprint(jwk)}

    def jws(self, document: Any, *, alg: str = "Ed25519") -> str:
        header = {"alg": alg, "kid": self.identity["kid"]}
        signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(rfc8785.dumps(document))}"
        signature = self.sign(signing_input.encode("ascii"))
        return f"{signing_input}.{b64url(signature)}"

    def headers(self, body: bytes, *, message_id: str, timestamp: int) -> dict[str, str]:
        content = f"{message_id}.{timestamp}.".encode() + body
        signature = base64.b64encode(self.sign(content)).decode("ascii")
        return {
            "content-type": "application/json",
            "webhook-id": message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": f"v1a,{signature}",
        }


def utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def minimal_intention(requester: Requester, **changes: Any) -> dict[str, Any]:
    """Only the members the schema requires: every defaulted member is left out."""
    now = datetime.now(UTC)
    intention = {
        "id": uuid.uuid4().urn,
        "issued": utc(now),
        "validThrough": utc(now + timedelta(days=7)),
        "itemOffered": {"name": "Trail running shoes", "category": "shoes"},
        "priceSpecification": {"maxPrice": "120.00", "priceCurrency": "EUR"},
        "requester": requester.identity,
    }
    intention.update(changes)
    return intention


def send_raw(
    vendor: JsVendor,
    path: str,
    requester: Requester,
    body: bytes,
    *,
    message_id: str | None = None,
    timestamp: int | None = None,
) -> tuple[int, bytes]:
    headers = requester.headers(
        body,
        message_id=message_id or str(uuid.uuid4()),
        timestamp=int(time.time()) if timestamp is None else timestamp,
    )
    return vendor.post(path, body, headers)


def send(vendor: JsVendor, path: str, requester: Requester, body: bytes) -> tuple[int, Any]:
    """POST with fresh webhook headers: (status, the answer's JSON)."""
    status, answer = send_raw(vendor, path, requester, body)
    return status, json.loads(answer)


def signed_intention(requester: Requester, intention: dict[str, Any]) -> bytes:
    return json.dumps({"intention": intention, "signature": requester.jws(intention)}).encode()


@pytest.fixture(scope="module")
def js_vendor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JsVendor]:
    node, reason = node_or_reason()
    if node is None:
        pytest.skip(reason)
    log: Path = tmp_path_factory.mktemp("js-vendor") / "js-vendor.log"
    with running_js_vendor(node, log) as vendor:
        yield vendor


def test_a_minimal_intention_gets_an_offer_signed_over_exactly_what_was_sent(
    js_vendor: JsVendor,
) -> None:
    requester = Requester()
    intention = minimal_intention(requester)
    body = signed_intention(requester, intention)
    message_id = str(uuid.uuid4())
    status, raw = send_raw(js_vendor, "/inbox/intentions", requester, body, message_id=message_id)
    assert status == 200, raw
    [signed] = json.loads(raw)["offers"]
    offer = signed["offer"]
    assert offer["intention"] == intention["id"]
    assert {"isAlternative", "acceptsLoyaltyProposal", "@context", "acceptsTerms"}.isdisjoint(offer)

    vendor_jwk = js_vendor.get("/.well-known/vrm-vendor.json")["publicKey"]
    header, payload, signature = signed["signature"].split(".")
    assert json.loads(b64url_decode(header)) == {"alg": "Ed25519", "kid": thumbprint(vendor_jwk)}
    assert b64url_decode(payload) == rfc8785.dumps(offer)
    Ed25519PublicKey.from_public_bytes(b64url_decode(vendor_jwk["x"])).verify(
        b64url_decode(signature), f"{header}.{payload}".encode("ascii")
    )

    # A retry (same webhook-id and body, a new timestamp) gets byte-identical offers.
    again = send_raw(js_vendor, "/inbox/intentions", requester, body, message_id=message_id)
    assert again == (200, raw)
    changed = {**intention, "itemOffered": {"name": "Other shoes", "category": "shoes"}}
    other_body = signed_intention(requester, changed)
    reused = send_raw(js_vendor, "/inbox/intentions", requester, other_body, message_id=message_id)
    assert reused[0] == 409, reused
    # The same intention again under a new webhook-id (sent anew): the same offers.
    assert send_raw(js_vendor, "/inbox/intentions", requester, body)[1] == raw
    # The same intention id with other content, or with another key: 409.
    assert send(js_vendor, "/inbox/intentions", requester, other_body)[0] == 409
    stranger = Requester()
    taken = signed_intention(stranger, {**intention, "requester": stranger.identity})
    assert send(js_vendor, "/inbox/intentions", stranger, taken)[0] == 409


@pytest.mark.parametrize(
    ("case", "status"),
    [
        ("body changed after the webhook signature", 401),
        ("signature over another document", 401),
        ("alg HS256", 401),
        ("small-order requester key", 401),
        ("a member the schema does not have", 400),
        ("timestamp six minutes old", 400),
        ("no webhook headers", 400),
        ("past validThrough", 422),
        ("over 256 KiB", 413),
    ],
)
def test_the_vendor_refuses_with_the_documented_status(
    js_vendor: JsVendor, case: str, status: int
) -> None:
    requester = Requester()
    intention = minimal_intention(requester)
    signature = requester.jws(intention)
    timestamp = int(time.time())
    headers_for = requester
    if case == "signature over another document":
        intention = {**intention, "itemOffered": {"name": "Cheaper shoes", "category": "shoes"}}
    elif case == "alg HS256":
        signature = requester.jws(intention, alg="HS256")
    elif case == "small-order requester key":
        headers_for = Requester(x=SMALL_ORDER_POINT)
        intention = minimal_intention(headers_for)
        signature = headers_for.jws(intention)
    elif case == "a member the schema does not have":
        intention = {**intention, "shoeSize": "42"}
        signature = requester.jws(intention)
    elif case == "timestamp six minutes old":
        timestamp -= 360
    elif case == "past validThrough":
        intention = minimal_intention(requester, validThrough=utc(datetime.now(UTC)))
        signature = requester.jws(intention)
    body = json.dumps({"intention": intention, "signature": signature}).encode()
    if case == "over 256 KiB":
        body = body[:-1] + b" " * (256 * 1024) + b"}"
    headers = headers_for.headers(body, message_id=str(uuid.uuid4()), timestamp=timestamp)
    if case == "body changed after the webhook signature":
        body = body.replace(b'"shoes"', b'"boots"')
    if case == "no webhook headers":
        headers = {"content-type": "application/json"}
    got, answer = js_vendor.post("/inbox/intentions", body, headers)
    assert got == status, answer
    assert set(json.loads(answer)) == {"error"}


def test_notices_need_a_known_intention_and_its_own_key(js_vendor: JsVendor) -> None:
    requester = Requester()
    intention = minimal_intention(requester)
    first = send(js_vendor, "/inbox/intentions", requester, signed_intention(requester, intention))
    assert first[0] == 200, first

    def notice(signer: Requester, intention_id: str, kind: str = "IntentionWithdrawn") -> bytes:
        document = {
            "type": kind,
            "intention": intention_id,
            "issued": utc(datetime.now(UTC)),
            "requester": signer.identity,
        }
        return json.dumps({"notice": document, "signature": signer.jws(document)}).encode()

    unknown = notice(requester, uuid.uuid4().urn)
    assert send(js_vendor, "/inbox/withdrawals", requester, unknown)[0] == 404
    stranger = Requester()
    foreign = notice(stranger, intention["id"])
    assert send(js_vendor, "/inbox/withdrawals", stranger, foreign)[0] == 401
    accepted = send(js_vendor, "/inbox/withdrawals", requester, notice(requester, intention["id"]))
    assert accepted == (200, {"ok": True})
    assert js_vendor.state()["notices"] == [
        {"type": "IntentionWithdrawn", "intention": intention["id"], "offer": None}
    ]


def test_vrm_vendor_conformance_passes_against_the_javascript_vendor(js_vendor: JsVendor) -> None:
    """Every good and bad case a wallet may send (``vrm-vendor conformance``) gets its status."""
    result = subprocess.run(
        [sys.executable, "-m", "vendorkit.cli", "conformance", "--json", js_vendor.metadata_url],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr
