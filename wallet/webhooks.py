"""Standard Webhooks v1.0 signatures with Ed25519 (the ``v1a`` scheme), both directions.

The signed content is ``f"{message_id}.{timestamp}."`` (UTF-8) followed by the raw body bytes,
and the ``webhook-signature`` header carries ``v1a,<standard base64 signature>``; a header may
list several space-separated ``version,signature`` entries, of which only ``v1a`` ones count (the
HMAC ``v1`` scheme needs a shared secret, which this protocol does not have). Receivers must
verify the raw bytes *before* parsing them, enforce the timestamp window (done here) and drop
repeated ``webhook-id`` values (the receiver's job: it needs storage).
"""

from __future__ import annotations

import base64
import binascii
import time

from wallet.crypto.signing import SigningKey, VerifyingKey
from wallet.errors import SignatureInvalid

SIGNATURE_VERSION = "v1a"
DEFAULT_TOLERANCE_SECONDS = 300
ED25519_SIGNATURE_BYTES = 64
# A header this long is not a list of a few signatures: refuse it before splitting it.
MAX_SIGNATURE_HEADER_CHARS = 4096
MAX_MESSAGE_ID_CHARS = 256

HEADER_ID = "webhook-id"
HEADER_TIMESTAMP = "webhook-timestamp"
HEADER_SIGNATURE = "webhook-signature"
CONTENT_TYPE = "application/json"


def signed_content(*, message_id: str, timestamp: int, body: bytes) -> bytes:
    """The exact bytes that are signed: ``{id}.{timestamp}.{body}``.

    Ids are 1 to 256 characters without a dot (ours are UUIDs), so the bytes parse one way only;
    anything else raises :class:`ValueError`.
    """
    if not message_id or "." in message_id or len(message_id) > MAX_MESSAGE_ID_CHARS:
        raise ValueError("a webhook id is 1 to 256 characters without a dot")
    return f"{message_id}.{int(timestamp)}.".encode() + body


def sign_webhook(key: SigningKey, *, message_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` header value: ``v1a,<base64 Ed25519 signature>``."""
    content = signed_content(message_id=message_id, timestamp=timestamp, body=body)
    signature = base64.b64encode(key.sign_raw(content)).decode("ascii")
    return f"{SIGNATURE_VERSION},{signature}"


def _v1a_signatures(header: str) -> list[bytes]:
    if len(header) > MAX_SIGNATURE_HEADER_CHARS:
        raise SignatureInvalid("The webhook-signature header is too long to be genuine.")
    signatures = []
    for entry in header.split():
        version, separator, value = entry.partition(",")
        if not separator or version != SIGNATURE_VERSION:
            continue
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            continue
        if len(raw) == ED25519_SIGNATURE_BYTES:
            signatures.append(raw)
    return signatures


def verify_webhook(
    header: str,
    key: VerifyingKey,
    *,
    message_id: str,
    timestamp: int,
    body: bytes,
    now: int | None = None,
    tolerance_seconds: int = DEFAULT_TOLERANCE_SECONDS,
) -> None:
    """Raise :class:`SignatureInvalid` unless a ``v1a`` entry of ``header`` signs the message.

    The timestamp must be within ``tolerance_seconds`` of ``now`` (default: the current time),
    so a captured delivery cannot be replayed later; the signature is checked as well, so a
    forged timestamp does not help.
    """
    current = int(time.time()) if now is None else int(now)
    if timestamp < current - tolerance_seconds:
        raise SignatureInvalid(
            f"The webhook timestamp is stale: {current - timestamp} s old, more than the "
            f"{tolerance_seconds} s allowed. It may be a replay; it was refused."
        )
    if timestamp > current + tolerance_seconds:
        raise SignatureInvalid(
            f"The webhook timestamp is in the future by {timestamp - current} s, more than the "
            f"{tolerance_seconds} s allowed; check the sender's clock. It was refused."
        )
    key.require_usable()  # a forgeable key's refusal says so, not "no signature matches"
    signatures = _v1a_signatures(header)
    if not signatures:
        raise SignatureInvalid(
            "The webhook-signature header has no v1a (Ed25519) signature; it was refused."
        )
    try:
        content = signed_content(message_id=message_id, timestamp=timestamp, body=body)
    except ValueError:
        raise SignatureInvalid(
            "The webhook-id header is empty, too long or contains a dot; it was refused."
        ) from None
    for signature in signatures:
        try:
            key.verify_raw(signature, content)
        except SignatureInvalid:
            continue
        return
    raise SignatureInvalid(
        "No v1a signature in the webhook-signature header matches the message and the sender's "
        "key; it was refused."
    )


def webhook_headers(
    key: SigningKey, *, message_id: str, body: bytes, timestamp: int | None = None
) -> dict[str, str]:
    """The Standard Webhooks headers for one delivery attempt (timestamp: now by default)."""
    moment = int(time.time()) if timestamp is None else int(timestamp)
    return {
        HEADER_ID: message_id,
        HEADER_TIMESTAMP: str(moment),
        HEADER_SIGNATURE: sign_webhook(key, message_id=message_id, timestamp=moment, body=body),
        "content-type": CONTENT_TYPE,
    }
