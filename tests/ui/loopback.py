"""A small aiohttp server on 127.0.0.1 in a thread, for behaviours the vendor kit does not have
(slow answers, for instance). Real sockets, real HTTP: nothing of the client is mocked."""

from __future__ import annotations

import asyncio
import threading

from aiohttp import web


class LoopbackServer:
    """``with LoopbackServer(app) as server: server.url("/path")``; any free port, stops on exit."""

    def __init__(self, app: web.Application) -> None:
        self.app = app
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="loopback-server", daemon=True)
        self._ready = threading.Event()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        runner = web.AppRunner(self.app, access_log=None)
        self._loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = int(runner.addresses[0][1])
        self._ready.set()
        self._loop.run_forever()
        pending = asyncio.all_tasks(self._loop)  # handlers still waiting (a hanging answer)
        for task in pending:
            task.cancel()
        self._loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        self._loop.run_until_complete(runner.cleanup())
        self._loop.close()

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        if not self._ready.wait(timeout=30):
            raise RuntimeError("the loopback server did not start")
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)
