"""Sealed offers against a second stranger: Node's ``jose`` (interop/js) opens what the wallet's
JWE home seals, and the wallet opens what ``jose`` seals (ECDH-ES + A256GCM, apu/apv)."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.js_vendor_helpers import JS_DIR, node_or_reason
from wallet.crypto.sealing import b64url, generate_sealing_key, open_sealed, seal_to

SCRIPT = """
import { CompactEncrypt, compactDecrypt, importJWK } from 'jose';
const input = JSON.parse(process.argv[1]);
const text = new TextEncoder();
if (input.open) {
  const key = await importJWK(input.jwk, 'ECDH-ES');
  const { plaintext, protectedHeader } = await compactDecrypt(input.token, key);
  console.log(JSON.stringify({ plaintext: new TextDecoder().decode(plaintext), protectedHeader }));
} else {
  const key = await importJWK(input.jwk, 'ECDH-ES');
  const token = await new CompactEncrypt(text.encode(input.plaintext))
    .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM' })
    .setKeyManagementParameters({ apu: text.encode('js-vendor'), apv: text.encode(input.apv) })
    .encrypt(key);
  console.log(JSON.stringify({ token }));
}
"""


@pytest.fixture(scope="module")
def node() -> str:
    found, reason = node_or_reason()
    if found is None:
        pytest.skip(reason)
    return found


def _run(node: str, request: dict[str, object]) -> dict[str, object]:
    done = subprocess.run(
        [node, "--input-type=module", "-e", SCRIPT, json.dumps(request)],
        cwd=JS_DIR,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_jose_opens_what_the_wallet_seals(node: str) -> None:
    key = generate_sealing_key()
    token = seal_to(key.jwk, b'{"offers":[]}', apu=b"demo-vendor", apv=b"urn:uuid:x")
    opened = _run(
        node, {"open": True, "token": token, "jwk": {**key.jwk, "d": b64url(key.private)}}
    )
    assert opened["plaintext"] == '{"offers":[]}'
    header = opened["protectedHeader"]
    assert isinstance(header, dict) and header["apu"] == b64url(b"demo-vendor")


def test_the_wallet_opens_what_jose_seals(node: str) -> None:
    key = generate_sealing_key()
    sealed = _run(node, {"jwk": key.jwk, "plaintext": "an offer list", "apv": "urn:uuid:y"})
    opened = open_sealed(key.private, sealed["token"])
    assert (opened.plaintext, opened.apu, opened.apv) == (
        b"an offer list",
        b"js-vendor",
        b"urn:uuid:y",
    )
