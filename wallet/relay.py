"""The only home of the NATS client (``nats-py``): the relay's subjects, streams and messages.

The open market (docs/protocol.md, "Relay (NATS)") runs over one NATS server with JetStream, or a
cluster of them. Everything the wallet and the reference vendor say to a relay goes through this
module, so the subject scheme, the stream limits and the error wording live in one place:

* ``vrm.intent.<region>.<category>`` carries signed intentions (and their signed withdrawals) in
  the stream :data:`INTENTIONS_STREAM`; each message lives until its intention's ``validThrough``
  (NATS 2.11 per-message TTL, the ``Nats-TTL`` header), the stream keeps nothing past
  :data:`MAX_INTENTION_AGE_SECONDS` whatever a publisher asks.
* ``vrm.offers.<intention uuid>`` carries sealed offers (compact JWE, :mod:`wallet.crypto.sealing`)
  in the stream :data:`OFFERS_STREAM`: durable, so a wallet that was offline gets them later, and
  bounded per intention (:data:`MAX_OFFER_MESSAGES_PER_INTENTION`, new messages refused when full).

Tokens are lower-case ``[a-z0-9-]``, at most :data:`MAX_TOKEN` characters (:func:`subject_token`).
Callers get :class:`RelayError` with a one-line reason, never a ``nats`` exception.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import nats
import nats.errors
import nats.js.errors
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.js import JetStreamContext
from nats.js.api import (
    AckPolicy,
    ConsumerConfig,
    DeliverPolicy,
    DiscardPolicy,
    StorageType,
    StreamConfig,
)

from wallet.errors import InvalidInput, WalletError

INTENT_PREFIX = "vrm.intent"
OFFERS_PREFIX = "vrm.offers"
INTENTIONS_STREAM = "VRM_INTENTIONS"
OFFERS_STREAM = "VRM_OFFERS"
MAX_TOKEN = 32
ANY_TOKEN = "any"
HEADER_KIND = "Vrm-Kind"
HEADER_MSG_ID = "Nats-Msg-Id"
KIND_INTENTION = "intention"
KIND_WITHDRAWAL = "withdrawal"
KIND_OFFERS = "offers"
MAX_INTENTION_AGE_SECONDS = 366 * 24 * 3600  # intentions are valid at most 365 days
MAX_OFFER_AGE_SECONDS = 400 * 24 * 3600
MAX_INTENTION_MESSAGE_BYTES = 300 * 1024  # a 256 KiB signed intention, with room for headers
MAX_OFFER_MESSAGE_BYTES = 600 * 1024  # a sealed 256 KiB offer list (base64url: 4/3)
MAX_OFFER_MESSAGES_PER_INTENTION = 200
MAX_STREAM_BYTES = 1024 * 1024 * 1024
DUPLICATE_WINDOW_SECONDS = 3600.0
CONNECT_TIMEOUT_SECONDS = 5.0
REQUEST_TIMEOUT_SECONDS = 5.0
MIN_TTL_SECONDS = 1
_UUID = re.compile(r"urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")
_NOT_TOKEN = re.compile(r"[^a-z0-9-]+")


QueueSubscription = JetStreamContext.PullSubscription  # what :meth:`Relay.queue` gives


class RelayError(WalletError):
    """The relay could not be reached, or refused or lost a request (one-line reason)."""


def subject_token(text: str | None) -> str:
    """``text`` as one subject token: lower case, accents dropped, runs of anything else than
    ``[a-z0-9-]`` made one ``-``, at most :data:`MAX_TOKEN` characters; empty → ``any``."""
    if not text:
        return ANY_TOKEN
    plain = unicodedata.normalize("NFKD", text[: MAX_TOKEN * 4]).encode("ascii", "ignore")
    token = _NOT_TOKEN.sub("-", plain.decode("ascii").lower()).strip("-")[:MAX_TOKEN].strip("-")
    return token or ANY_TOKEN


def intention_subject(*, region: str | None, category: str) -> str:
    """``vrm.intent.<region>.<category>``: where an intention (and its withdrawal) is cast."""
    return f"{INTENT_PREFIX}.{subject_token(region)}.{subject_token(category)}"


def category_filter(category: str) -> str:
    """``vrm.intent.*.<category>``: every region's intentions of one category (vendors)."""
    return f"{INTENT_PREFIX}.*.{subject_token(category)}"


def offers_subject(intention_id: str) -> str:
    """``vrm.offers.<uuid>``: where sealed offers for the intention ``urn:uuid:<uuid>`` go."""
    match = _UUID.fullmatch(intention_id)
    if match is None:
        raise InvalidInput("An intention id is urn:uuid: followed by a lower-case UUID.")
    return f"{OFFERS_PREFIX}.{match.group(1)}"


def check_relay_url(url: str) -> str:
    """A relay URL the wallet connects to: ``nats://`` on this machine, ``tls://`` elsewhere."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in ("nats", "tls") or not host or parts.username or parts.password:
        raise InvalidInput(
            "A relay is a nats://host:port (this machine) or tls://host:port URL without a "
            "user name or password."
        )
    if parts.scheme == "nats" and host not in ("127.0.0.1", "localhost", "::1"):
        raise InvalidInput(
            "A relay on another machine must use tls:// (the relay sees intentions)."
        )
    return url


def intention_stream_config() -> StreamConfig:
    """Intentions live until they expire (per-message TTL), within fixed bounds; when full, the
    oldest go first."""
    return StreamConfig(
        name=INTENTIONS_STREAM,
        subjects=[f"{INTENT_PREFIX}.>"],
        storage=StorageType.FILE,
        allow_msg_ttl=True,
        max_age=MAX_INTENTION_AGE_SECONDS,
        max_msg_size=MAX_INTENTION_MESSAGE_BYTES,
        max_bytes=MAX_STREAM_BYTES,
        discard=DiscardPolicy.OLD,
        duplicate_window=DUPLICATE_WINDOW_SECONDS,
    )


def offer_stream_config() -> StreamConfig:
    """Sealed offers: durable, at most :data:`MAX_OFFER_MESSAGES_PER_INTENTION` per intention
    (then new ones are refused, so a flood cannot push out offers already there)."""
    return StreamConfig(
        name=OFFERS_STREAM,
        subjects=[f"{OFFERS_PREFIX}.*"],
        storage=StorageType.FILE,
        allow_msg_ttl=True,
        max_age=MAX_OFFER_AGE_SECONDS,
        max_msg_size=MAX_OFFER_MESSAGE_BYTES,
        max_bytes=MAX_STREAM_BYTES,
        max_msgs_per_subject=MAX_OFFER_MESSAGES_PER_INTENTION,
        discard=DiscardPolicy.NEW,
        discard_new_per_subject=True,
        duplicate_window=DUPLICATE_WINDOW_SECONDS,
    )


@dataclass(frozen=True, slots=True)
class RelayMessage:
    """One message read from a stream: its subject, bytes, headers and stream sequence."""

    subject: str
    data: bytes
    headers: Mapping[str, str]
    sequence: int
    pending: int  # messages left after this one when it was delivered

    @property
    def kind(self) -> str:
        return self.headers.get(HEADER_KIND, "")


def _message(msg: Msg) -> RelayMessage:
    try:
        metadata = msg.metadata
        sequence, pending = int(metadata.sequence.stream), int(metadata.num_pending)
    except (ValueError, AttributeError, TypeError):
        sequence, pending = 0, 0
    return RelayMessage(msg.subject, bytes(msg.data), dict(msg.headers or {}), sequence, pending)


def _reason(error: BaseException) -> str:
    if isinstance(error, nats.js.errors.APIError):
        return f"the relay refused it ({(error.description or 'no reason')[:120]})"
    if isinstance(error, (asyncio.TimeoutError, nats.errors.TimeoutError)):
        return "the relay did not answer in time"
    if isinstance(error, nats.errors.NoServersError):
        return "no relay answers at that address"
    return f"the relay connection failed ({type(error).__name__})"


class Relay:
    """A connection to one relay (async context manager); use it from one event loop."""

    def __init__(self, url: str, *, name: str = "vrm") -> None:
        self.url = check_relay_url(url)
        self._name = name
        self._client: Client | None = None
        self._js: JetStreamContext | None = None

    async def __aenter__(self) -> Relay:
        try:
            self._client = await nats.connect(
                self.url,
                name=self._name,
                connect_timeout=CONNECT_TIMEOUT_SECONDS,
                max_reconnect_attempts=2,
                allow_reconnect=False,
                error_cb=_ignore_error,
            )
        except Exception as exc:  # nats-py raises many kinds; the caller needs one
            raise RelayError(f"Could not connect to the relay: {_reason(exc)}.") from None
        self._js = self._client.jetstream(timeout=REQUEST_TIMEOUT_SECONDS)
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:  # every publish waited for its ack: nothing to drain
            await _quietly(self._client.close())
            self._client = None

    @property
    def connected(self) -> bool:
        """True while the connection is up (a dropped one is not reopened: connect again)."""
        return self._client is not None and bool(self._client.is_connected)

    async def watch(self, subject: str, wake: Callable[[], None]) -> Callable[[], Awaitable[None]]:
        """Call ``wake()`` (on this loop) whenever a message is published on ``subject``, without
        reading it (read it from its stream); returns the coroutine function that stops it."""
        if self._client is None:
            raise RelayError("The relay is not connected.")

        async def woken(_msg: Msg) -> None:
            wake()

        subscription = await self._call(self._client.subscribe(subject, cb=woken), "watch")

        async def stop() -> None:
            await _quietly(subscription.unsubscribe())

        return stop

    @property
    def js(self) -> JetStreamContext:
        if self._js is None:
            raise RelayError("The relay is not connected.")
        return self._js

    async def ensure_streams(self) -> None:
        """Create the two streams if the relay has none yet (a relay's operator may have)."""
        manager = self.js
        for config in (intention_stream_config(), offer_stream_config()):
            try:
                await manager.stream_info(str(config.name))
            except nats.js.errors.NotFoundError:
                await self._call(manager.add_stream(config), "create the streams")
            except Exception as exc:
                raise RelayError(
                    f"Could not look up the relay's streams: {_reason(exc)}."
                ) from None

    async def _call(self, request: Any, what: str) -> Any:
        try:
            return await request
        except Exception as exc:  # one line, whatever nats-py raised
            raise RelayError(f"Could not {what}: {_reason(exc)}.") from None

    async def publish(
        self,
        subject: str,
        data: bytes,
        *,
        kind: str,
        message_id: str,
        ttl_seconds: int,
    ) -> int:
        """Publish into the stream holding ``subject``; the stream sequence it got. The same
        ``message_id`` within :data:`DUPLICATE_WINDOW_SECONDS` is stored once."""
        headers = {HEADER_KIND: kind, HEADER_MSG_ID: message_id}
        ack = await self._call(
            self.js.publish(
                subject, data, headers=headers, msg_ttl=max(MIN_TTL_SECONDS, ttl_seconds)
            ),
            f"publish the {kind}",
        )
        return int(ack.seq)

    async def delete(self, stream: str, sequence: int) -> bool:
        """Remove one message (a withdrawn intention) from ``stream``; False if already gone."""
        try:
            return bool(await self.js.delete_msg(stream, sequence))
        except nats.js.errors.NotFoundError:
            return False
        except Exception as exc:
            raise RelayError(f"Could not remove the message: {_reason(exc)}.") from None

    async def read(
        self,
        subject: str,
        *,
        stream: str,
        after: int = 0,
        wait_seconds: float = 1.0,
        limit: int = 1000,
    ) -> AsyncIterator[RelayMessage]:
        """Messages of ``subject`` after stream sequence ``after``, oldest first, through an
        ephemeral consumer (no state left on the relay); ends after ``limit`` messages or when
        none came for ``wait_seconds``."""
        config = ConsumerConfig(
            deliver_policy=DeliverPolicy.BY_START_SEQUENCE if after else DeliverPolicy.ALL,
            opt_start_seq=after + 1 if after else None,
            ack_policy=AckPolicy.NONE,
            inactive_threshold=30.0,
        )
        subscription = await self._call(
            self.js.pull_subscribe(subject, stream=stream, config=config), "read from the relay"
        )
        try:
            count = 0
            while count < limit:
                try:
                    batch = await subscription.fetch(min(100, limit - count), timeout=wait_seconds)
                except (TimeoutError, nats.errors.TimeoutError):  # nothing came
                    return
                except Exception as exc:
                    raise RelayError(f"Could not read from the relay: {_reason(exc)}.") from None
                for msg in batch:
                    count += 1
                    yield _message(msg)
        finally:
            await _quietly(subscription.unsubscribe())

    async def queue(self, subjects: Sequence[str], *, group: str) -> list[QueueSubscription]:
        """One durable pull consumer per subject, named after ``group``: every process that
        joins with the same group shares the work (each message goes to one of them)."""
        found = []
        for subject in subjects:
            durable = f"{subject_token(group)}-{subject.rsplit('.', 1)[-1]}"
            config = ConsumerConfig(
                ack_policy=AckPolicy.EXPLICIT, ack_wait=30.0, max_deliver=5, filter_subject=subject
            )
            found.append(
                await self._call(
                    self.js.pull_subscribe(
                        subject, durable=durable, stream=INTENTIONS_STREAM, config=config
                    ),
                    "join the queue group",
                )
            )
        return found

    @staticmethod
    async def take(
        subscription: QueueSubscription, *, wait_seconds: float, batch: int = 20
    ) -> list[tuple[RelayMessage, Msg]]:
        """The next messages of a queue subscription (empty when none came in time); the caller
        acknowledges each with :meth:`done` once handled."""
        try:
            return [(_message(msg), msg) for msg in await subscription.fetch(batch, wait_seconds)]
        except (TimeoutError, nats.errors.TimeoutError):  # nothing came in time
            return []
        except Exception as exc:
            raise RelayError(f"Could not read from the relay: {_reason(exc)}.") from None

    @staticmethod
    async def done(msg: Msg) -> None:
        await _quietly(msg.ack())


async def _quietly(action: Any) -> None:
    try:
        await action
    except Exception:  # best effort: the relay forgets ephemeral state on its own
        return


async def _ignore_error(error: Exception) -> None:
    """nats-py reports connection trouble here too; requests fail with their own error."""
