"""Standard Webhooks ``v1a`` (Ed25519) signing and verification."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from wallet.crypto.signing import generate_signing_key
from wallet.errors import SignatureInvalid
from wallet.webhooks import sign_webhook, verify_webhook, webhook_headers

MESSAGE_ID = "0f7c2b1e-6f8a-4c1b-9d7e-2a3b4c5d6e7f"
NOW = 1_750_000_000
BODY = b'{"type":"intention","x":"\xc3\xa9"}'


def test_signature_verifies_with_cryptography_over_the_documented_bytes() -> None:
    key = generate_signing_key()
    header = sign_webhook(key, message_id=MESSAGE_ID, timestamp=NOW, body=BODY)
    version, _, encoded = header.partition(",")
    assert version == "v1a"
    signature = base64.b64decode(encoded, validate=True)  # standard base64, not base64url
    public = Ed25519PublicKey.from_public_bytes(key.verifying_key.raw)
    public.verify(signature, f"{MESSAGE_ID}.{NOW}.".encode() + BODY)  # raises if wrong


def test_round_trip_and_headers() -> None:
    key = generate_signing_key()
    headers = webhook_headers(key, message_id=MESSAGE_ID, body=BODY, timestamp=NOW)
    assert headers["webhook-id"] == MESSAGE_ID
    assert headers["webhook-timestamp"] == str(NOW)
    assert headers["content-type"] == "application/json"
    verify_webhook(
        headers["webhook-signature"],
        key.verifying_key,
        message_id=MESSAGE_ID,
        timestamp=NOW,
        body=BODY,
        now=NOW + 10,
    )


def test_several_entries_only_v1a_counts() -> None:
    key = generate_signing_key()
    good = sign_webhook(key, message_id=MESSAGE_ID, timestamp=NOW, body=BODY)
    hmac_like = "v1," + base64.b64encode(b"x" * 32).decode()
    other = sign_webhook(generate_signing_key(), message_id=MESSAGE_ID, timestamp=NOW, body=BODY)
    header = f"{hmac_like} {other} {good}"
    verify_webhook(
        header, key.verifying_key, message_id=MESSAGE_ID, timestamp=NOW, body=BODY, now=NOW
    )
    # the same signature labelled v1 does not count
    relabelled = "v1," + good.partition(",")[2]
    with pytest.raises(SignatureInvalid, match="no v1a"):
        verify_webhook(
            relabelled, key.verifying_key, message_id=MESSAGE_ID, timestamp=NOW, body=BODY, now=NOW
        )


@pytest.mark.parametrize(
    ("change", "value"),
    [("body", BODY + b" "), ("message_id", "another-id"), ("timestamp", NOW + 1)],
)
def test_any_change_breaks_the_signature(change: str, value: object) -> None:
    key = generate_signing_key()
    header = sign_webhook(key, message_id=MESSAGE_ID, timestamp=NOW, body=BODY)
    kwargs: dict[str, object] = {"message_id": MESSAGE_ID, "timestamp": NOW, "body": BODY}
    kwargs[change] = value
    with pytest.raises(SignatureInvalid, match="matches"):
        verify_webhook(header, key.verifying_key, now=NOW, **kwargs)  # type: ignore[arg-type]


def test_wrong_key_is_refused() -> None:
    header = sign_webhook(generate_signing_key(), message_id=MESSAGE_ID, timestamp=NOW, body=BODY)
    with pytest.raises(SignatureInvalid):
        verify_webhook(
            header,
            generate_signing_key().verifying_key,
            message_id=MESSAGE_ID,
            timestamp=NOW,
            body=BODY,
            now=NOW,
        )


def test_stale_and_future_timestamps_are_refused() -> None:
    key = generate_signing_key()
    header = sign_webhook(key, message_id=MESSAGE_ID, timestamp=NOW, body=BODY)
    common = {"message_id": MESSAGE_ID, "timestamp": NOW, "body": BODY}
    with pytest.raises(SignatureInvalid, match="stale"):
        verify_webhook(header, key.verifying_key, now=NOW + 301, **common)  # type: ignore[arg-type]
    with pytest.raises(SignatureInvalid, match="future"):
        verify_webhook(header, key.verifying_key, now=NOW - 301, **common)  # type: ignore[arg-type]
    verify_webhook(header, key.verifying_key, now=NOW + 300, **common)  # type: ignore[arg-type]
    verify_webhook(
        header,
        key.verifying_key,
        now=NOW + 1000,
        tolerance_seconds=1000,
        **common,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    "header",
    ["", "garbage", "v1a,", "v1a,not-base64!!", "v1a," + base64.b64encode(b"short").decode()],
)
def test_malformed_headers_are_refused(header: str) -> None:
    key = generate_signing_key()
    with pytest.raises(SignatureInvalid):
        verify_webhook(
            header, key.verifying_key, message_id=MESSAGE_ID, timestamp=NOW, body=BODY, now=NOW
        )


def test_ids_with_dots_cannot_be_signed_or_verified() -> None:
    key = generate_signing_key()
    with pytest.raises(ValueError):
        sign_webhook(key, message_id="a.b", timestamp=NOW, body=BODY)
    header = sign_webhook(key, message_id=MESSAGE_ID, timestamp=NOW, body=BODY)
    with pytest.raises(SignatureInvalid, match="webhook-id"):
        verify_webhook(
            header, key.verifying_key, message_id="a.b", timestamp=NOW, body=BODY, now=NOW
        )
