"""The only home of the HTTP client (``aiohttp``): bounded, capped, HTTPS-only, never raising.

A :class:`Transport` is an async context manager owning one ``aiohttp.ClientSession`` whose
keep-alive pool is sized to the concurrency limit (a semaphore bounds requests in flight, so the
pool never has to open more connections than that). Every request has a timeout (15 s by
default), reads at most ``max_body_bytes`` of the response, never follows redirects (a redirect
could lead to plain HTTP or another host) and refuses non-HTTPS URLs unless the host is loopback.

Callers get an :class:`HttpResult`: either a response (status, headers, body bytes) or a
classified failure (:data:`FailureKind`) with a short message that names no personal data. Raw
``aiohttp`` exceptions never escape, so the delivery worker and the vendor directory can decide
what to retry from ``result.failure`` alone.

Use a transport from one event loop (the one that entered it).
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import TracebackType
from typing import Any, Literal
from urllib.parse import urlsplit

import aiohttp

from wallet.errors import InvalidInput, WalletError
from wallet.i18n import QT_TRANSLATE_NOOP

DEFAULT_TIMEOUT_SECONDS = 15.0
DEFAULT_MAX_BODY_BYTES = 256 * 1024
DEFAULT_CONCURRENCY = 64
USER_AGENT = "vrm-wallet/0.1"
_CHUNK_BYTES = 64 * 1024

FailureKind = Literal[
    "timeout", "refused", "dns", "tls", "too_large", "connection", "insecure_url", "invalid_url"
]
# Failures worth trying again later; the others need someone to change something first.
TRANSIENT_FAILURES: frozenset[FailureKind] = frozenset(
    {"timeout", "refused", "dns", "tls", "connection"}
)


class InsecureUrl(InvalidInput):
    """A URL that is not HTTPS and not on this machine (loopback)."""


class TransportFailure(WalletError):
    """A request failed (raised only by helpers that turn an :class:`HttpResult` into data)."""


@dataclass(frozen=True, slots=True)
class HttpResult:
    """A response (``failure is None``) or a classified failure (``status`` is 0)."""

    status: int = 0
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    failure: FailureKind | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.failure is None and 200 <= self.status < 300

    def describe(self) -> str:
        """A short reason for logs and people: ``HTTP 503`` or the failure message."""
        return self.message if self.failure else f"HTTP {self.status}"

    def json(self, *, what: str = "response") -> Any:
        """The body parsed as JSON; :class:`TransportFailure` if it is not JSON."""
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError):
            raise TransportFailure(f"The {what} is not valid JSON.") from None


def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ``::1``."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> None:
    """Raise :class:`InsecureUrl` / :class:`InvalidInput` unless ``url`` may be used."""
    problem = _url_problem(url)
    if problem is not None:
        insecure, message = problem
        raise InsecureUrl(message) if insecure else InvalidInput(message)


@lru_cache(maxsize=8192)
def _url_problem(url: str) -> tuple[bool, str] | None:
    """(insecure?, why) if ``url`` may not be used, else None.

    Cached: a broadcast checks the same vendor URLs when queuing and again before each request,
    and parsing them (``urlsplit``, ``ipaddress``) is pure Python.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises ValueError on a bad port
    except ValueError:
        return False, f"{url!r} is not a valid URL."
    if parts.scheme not in ("http", "https") or not host:
        return False, f"{url!r} is not an absolute http(s) URL."
    if parts.username or parts.password:
        return False, "URLs with a user name or password are not accepted."
    if parts.scheme == "http" and not is_loopback_host(host):
        return True, (
            f"{url} is not HTTPS: only vendors on this machine (localhost, 127.0.0.1, ::1) may "
            "use plain HTTP. Ask the vendor for its https:// address."
        )
    return None


def _classify(exc: BaseException, timeout: float) -> tuple[FailureKind, str]:
    # The reasons are marked for the desktop app, which shows them translated.
    if isinstance(exc, asyncio.TimeoutError | aiohttp.ServerTimeoutError):
        return "timeout", f"no answer within {timeout:g} s"
    if isinstance(exc, aiohttp.ClientConnectorCertificateError | aiohttp.ClientSSLError):
        return "tls", QT_TRANSLATE_NOOP(
            "CoreError", "the server's TLS certificate or handshake was refused"
        )
    if isinstance(exc, ssl.SSLError):
        return "tls", QT_TRANSLATE_NOOP("CoreError", "the TLS handshake failed")
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return "dns", QT_TRANSLATE_NOOP("CoreError", "the server's name could not be resolved")
    if isinstance(exc, aiohttp.ClientConnectorError):
        if isinstance(exc.os_error, socket.gaierror):
            return "dns", QT_TRANSLATE_NOOP("CoreError", "the server's name could not be resolved")
        if isinstance(exc.os_error, ConnectionRefusedError):
            return "refused", QT_TRANSLATE_NOOP(
                "CoreError", "the connection was refused (nothing is listening)"
            )
        return "connection", QT_TRANSLATE_NOOP("CoreError", "could not connect to the server")
    if isinstance(exc, aiohttp.InvalidURL):
        return "invalid_url", QT_TRANSLATE_NOOP("CoreError", "the URL is not valid")
    return "connection", QT_TRANSLATE_NOOP("CoreError", "the connection failed or was closed early")


class Transport:
    """The HTTP client: ``async with Transport() as transport: await transport.post(...)``."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        concurrency: int = DEFAULT_CONCURRENCY,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        if concurrency < 1 or timeout <= 0 or max_body_bytes < 0:
            raise ValueError("concurrency >= 1, timeout > 0 and max_body_bytes >= 0 are required")
        self.timeout = timeout
        self.max_body_bytes = max_body_bytes
        self.concurrency = concurrency
        self._ssl: ssl.SSLContext | bool = ssl_context if ssl_context is not None else True
        self._session: aiohttp.ClientSession | None = None
        self._semaphore: asyncio.Semaphore | None = None
        self._default_timeout = aiohttp.ClientTimeout(total=timeout)

    async def __aenter__(self) -> Transport:
        connector = aiohttp.TCPConnector(
            limit=self.concurrency, limit_per_host=0, ttl_dns_cache=300, ssl=self._ssl
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers={"user-agent": USER_AGENT},
            auto_decompress=False,  # so the body cap applies to the bytes on the wire
            trust_env=False,
            # Vendors get no cookies back: a cookie would let them link the wallet's requests
            # (every intention comes from a fresh key precisely so that they cannot).
            cookie_jar=aiohttp.DummyCookieJar(),
        )
        self._semaphore = asyncio.Semaphore(self.concurrency)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def post(
        self,
        url: str,
        body: bytes,
        headers: Mapping[str, str],
        *,
        timeout: float | None = None,
        max_body_bytes: int | None = None,
    ) -> HttpResult:
        """POST ``body`` with ``headers``; the response body is read up to the cap."""
        return await self._request("POST", url, body, headers, timeout, max_body_bytes)

    async def get(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        max_body_bytes: int | None = None,
    ) -> HttpResult:
        """GET ``url`` (``accept: application/json``); parse with :meth:`HttpResult.json`."""
        merged = {"accept": "application/json", **(headers or {})}
        return await self._request("GET", url, None, merged, timeout, max_body_bytes)

    async def _request(
        self,
        method: str,
        url: str,
        body: bytes | None,
        headers: Mapping[str, str],
        timeout: float | None,
        max_body_bytes: int | None,
    ) -> HttpResult:
        if self._session is None or self._semaphore is None:
            raise RuntimeError("use the transport inside `async with Transport() as transport:`")
        try:
            check_url(url)
        except InsecureUrl as exc:
            return HttpResult(failure="insecure_url", message=str(exc))
        except InvalidInput as exc:
            return HttpResult(failure="invalid_url", message=str(exc))
        seconds = self.timeout if timeout is None else timeout
        cap = self.max_body_bytes if max_body_bytes is None else max_body_bytes
        async with self._semaphore:
            try:
                return await self._send(method, url, body, headers, cap, seconds)
            except Exception as exc:  # every failure becomes a result, never a raw exception
                kind, message = _classify(exc, seconds)
                return HttpResult(failure=kind, message=message)

    def _client_timeout(self, seconds: float) -> aiohttp.ClientTimeout:
        """aiohttp's own timer for the whole exchange (connecting, sending, reading the answer
        to its end): a second timer around it cost a tenth of a broadcast's client time."""
        if seconds == self.timeout:
            return self._default_timeout
        return aiohttp.ClientTimeout(total=seconds)

    async def _send(
        self,
        method: str,
        url: str,
        body: bytes | None,
        headers: Mapping[str, str],
        cap: int,
        seconds: float,
    ) -> HttpResult:
        assert self._session is not None
        async with self._session.request(
            method,
            url,
            data=body,
            headers=dict(headers),
            allow_redirects=False,
            timeout=self._client_timeout(seconds),
        ) as response:
            declared = response.content_length
            if declared is not None and declared > cap:
                return _too_large(response, cap)
            if declared is not None:  # the parser stops at the declared length: one read
                body = await response.read()
            else:
                chunks: list[bytes] = []
                size = 0
                while chunk := await response.content.read(_CHUNK_BYTES):
                    size += len(chunk)
                    if size > cap:
                        return _too_large(response, cap)
                    chunks.append(chunk)
                body = b"".join(chunks)
            return HttpResult(
                status=response.status,
                headers={key.lower(): value for key, value in response.headers.items()},
                body=body,
            )


def _too_large(response: aiohttp.ClientResponse, cap: int) -> HttpResult:
    response.close()  # do not drain a hostile body just to reuse the connection
    return HttpResult(
        status=response.status,
        failure="too_large",
        message=f"the response is larger than the {cap // 1024} KiB allowed",
    )
