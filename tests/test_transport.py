"""The HTTP client's response cap, with and without a declared length, over real loopback HTTP."""

from __future__ import annotations

import asyncio

from aiohttp import web
from aiohttp.test_utils import TestServer

from wallet.transport import Transport

CAP = 64 * 1024


async def _chunked(request: web.Request) -> web.StreamResponse:
    """``size`` bytes in 16 KiB chunks with no Content-Length (chunked transfer encoding)."""
    size = int(request.query["size"])
    response = web.StreamResponse()
    response.enable_chunked_encoding()
    await response.prepare(request)
    sent = 0
    while sent < size:
        part = min(16 * 1024, size - sent)
        await response.write(b"z" * part)
        sent += part
    await response.write_eof()
    return response


async def _declared(request: web.Request) -> web.Response:
    return web.Response(body=b"d" * int(request.query["size"]))


def _fetch(path: str, size: int) -> tuple[int, bytes, str | None, str]:
    async def main() -> tuple[int, bytes, str | None, str]:
        app = web.Application()
        app.router.add_get("/chunked", _chunked)
        app.router.add_get("/declared", _declared)
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        try:
            async with Transport(max_body_bytes=CAP) as transport:
                result = await transport.get(str(server.make_url(f"/{path}?size={size}")))
                return result.status, result.body, result.failure, result.message
        finally:
            await server.close()

    return asyncio.run(main())


def test_cookies_a_vendor_sets_are_never_sent_back() -> None:
    seen: list[str | None] = []

    async def tracker(request: web.Request) -> web.Response:
        seen.append(request.headers.get("Cookie"))
        response = web.Response(text="{}")
        response.set_cookie("track", "wallet-42", path="/")
        return response

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/t", tracker)
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        try:
            async with Transport() as transport:
                # by name: a cookie jar would not keep cookies for an IP address anyway
                url = f"http://localhost:{server.port}/t"
                for _ in range(2):
                    assert (await transport.get(url)).ok
        finally:
            await server.close()

    asyncio.run(main())
    assert seen == [None, None]


def test_bodies_within_the_cap_are_read_whole_with_or_without_a_length() -> None:
    assert _fetch("declared", CAP)[:3] == (200, b"d" * CAP, None)
    assert _fetch("chunked", CAP)[:3] == (200, b"z" * CAP, None)
    assert _fetch("chunked", 0)[:3] == (200, b"", None)


def test_a_declared_length_over_the_cap_is_refused_before_reading() -> None:
    status, body, failure, message = _fetch("declared", CAP + 1)
    assert (status, body, failure) == (200, b"", "too_large")
    assert "larger than the 64 KiB allowed" in message


def test_an_undeclared_body_is_cut_off_once_it_passes_the_cap() -> None:
    status, body, failure, message = _fetch("chunked", 10 * CAP)
    assert (status, body, failure) == (200, b"", "too_large")
    assert "larger than the 64 KiB allowed" in message
