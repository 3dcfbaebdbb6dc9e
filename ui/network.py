"""The network executor: one asyncio event loop on its own thread, reporting on the GUI thread.

DESIGN §4: the vault has one owner thread (:class:`ui.tasks.VaultRunner`); network fan-out runs
on its own executor, so a slow vendor never holds up the GUI or the database. Here that executor
is a single asyncio loop, so thousands of requests share one thread and one connection pool
(:class:`~wallet.transport.Transport`, created lazily on the loop and closed at shutdown).

Widgets call :meth:`NetworkRunner.submit` with a *factory* returning a coroutine; it runs on the
loop, and its result or error comes back through a queued Qt signal on the GUI thread. A
coroutine that needs the database awaits the ``run_db`` of :func:`vault_db_adapter`, which runs a
plain function on the vault's worker and awaits its result without blocking the loop.

Be careful not to touch any widget inside a coroutine: it runs on the network thread.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import Future
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from ui.priority import lower_this_threads_priority
from ui.tasks import VaultRunner
from wallet.transport import Transport
from wallet.vault.facade import Vault

T = TypeVar("T")
log = logging.getLogger(__name__)

SHUTDOWN_TIMEOUT_SECONDS = 10.0
CoroutineFactory = Callable[[], Coroutine[Any, Any, T]]


class _Relay(QObject):
    """Carries a finished coroutine from the loop's thread to the GUI thread."""

    finished = Signal(int, object, object)  # ticket, result, error


class NetworkTask:
    """A submitted coroutine: :meth:`cancel` stops it; its callbacks are then never called."""

    def __init__(self, runner: NetworkRunner, ticket: int, future: Future[Any]) -> None:
        self._runner = runner
        self.ticket = ticket
        self.future = future

    def cancel(self) -> None:
        """Cancel the coroutine (on the loop) and drop its callbacks (call on the GUI thread)."""
        self._runner._cancel(self)

    @property
    def done(self) -> bool:
        return self.future.done()


class NetworkRunner(QObject):
    """Runs coroutines on the network loop; callbacks run on the GUI thread.

    Signals:
        busy_changed(bool): a task started while idle, or the last one finished or was cancelled.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, transport_timeout: float = 15.0) -> None:
        super().__init__(parent)
        self._transport_timeout = transport_timeout
        self._loop = asyncio.new_event_loop()
        self._transport: Transport | None = None  # used on the loop's thread only
        self._transport_lock: asyncio.Lock | None = None
        self._tickets = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None, Callable[..., None] | None]]
        self._callbacks = {}
        self._futures: dict[int, Future[Any]] = {}
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._stopped = False
        self._shared: dict[str, Any] = {}
        self._thread = threading.Thread(target=self._run, name="network", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ public API

    @property
    def is_busy(self) -> bool:
        return bool(self._callbacks)

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def submit(
        self,
        coroutine_factory: CoroutineFactory[T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> NetworkTask:
        """Run ``coroutine_factory()`` on the loop; the outcome arrives on the GUI thread.

        Without ``on_error`` a failure is logged. Call from the GUI thread.
        """
        if self._stopped:
            raise RuntimeError("the network runner was shut down")
        ticket = next(self._tickets)
        if not self._callbacks:
            self.busy_changed.emit(True)
        self._callbacks[ticket] = (on_success, on_error)
        future = asyncio.run_coroutine_threadsafe(
            self._guarded(ticket, coroutine_factory), self._loop
        )
        self._futures[ticket] = future
        return NetworkTask(self, ticket, future)

    def start_background(self, coroutine_factory: CoroutineFactory[Any]) -> Future[Any]:
        """Run a long-lived coroutine (the market link's) on the loop without counting it as
        busy; it reports through its own signals and is cancelled at :meth:`shutdown`. Cancel
        it earlier with the returned future's ``cancel()``."""
        if self._stopped:
            raise RuntimeError("the network runner was shut down")
        return asyncio.run_coroutine_threadsafe(coroutine_factory(), self._loop)

    def shared(self, name: str, make: Callable[[], T]) -> T:
        """One object per runner under ``name`` (the market link), made on first use: every
        page and every rebuild of the window gets the same one. Call on the GUI thread."""
        if name not in self._shared:
            self._shared[name] = make()
        return self._shared[name]  # type: ignore[no-any-return]

    async def transport(self) -> Transport:
        """The shared HTTP transport (await it from a coroutine running on this loop)."""
        if self._transport_lock is None:
            self._transport_lock = asyncio.Lock()
        async with self._transport_lock:
            if self._transport is None:
                self._transport = await Transport(timeout=self._transport_timeout).__aenter__()
        return self._transport

    def cancel_all(self) -> None:
        """Cancel every running task (their callbacks are dropped)."""
        for ticket, future in list(self._futures.items()):
            self._cancel(NetworkTask(self, ticket, future))

    def shutdown(self) -> None:
        """Cancel the tasks, close the transport, stop the loop and join its thread."""
        if self._stopped:
            return
        self._stopped = True
        self._callbacks.clear()
        closing = asyncio.run_coroutine_threadsafe(self._close(), self._loop)
        try:
            closing.result(timeout=SHUTDOWN_TIMEOUT_SECONDS)
        except Exception:  # still stop the loop; a failed close only leaks a socket
            log.exception("closing the network loop failed")
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=SHUTDOWN_TIMEOUT_SECONDS)
        if not self._thread.is_alive():
            self._loop.close()

    # ------------------------------------------------------------------ machinery

    def _run(self) -> None:
        lower_this_threads_priority()
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()

    async def _guarded(self, ticket: int, factory: CoroutineFactory[T]) -> T | None:
        try:
            result = await factory()
        except asyncio.CancelledError:
            raise  # nothing to deliver: cancel() already dropped the callbacks
        except Exception as exc:  # delivered to the GUI thread, never lost
            self._relay.finished.emit(ticket, None, exc)
            return None
        self._relay.finished.emit(ticket, result, None)
        return result

    async def _close(self) -> None:
        current = asyncio.current_task()
        tasks = [task for task in asyncio.all_tasks() if task is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._transport is not None:
            await self._transport.close()
            self._transport = None

    def _cancel(self, task: NetworkTask) -> None:
        self._futures.pop(task.ticket, None)
        task.future.cancel()  # run_coroutine_threadsafe cancels the asyncio task on the loop
        if self._callbacks.pop(task.ticket, None) is not None and not self._callbacks:
            self.busy_changed.emit(False)

    @Slot(int, object, object)
    def _deliver(self, ticket: int, result: Any, error: Exception | None) -> None:
        self._futures.pop(ticket, None)
        callbacks = self._callbacks.pop(ticket, None)
        if callbacks is None:
            return  # cancelled, or the runner was shut down
        if not self._callbacks:
            self.busy_changed.emit(False)
        on_success, on_error = callbacks
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                log.error("network task failed", exc_info=error)
        elif on_success is not None:
            on_success(result)


def vault_db_adapter(runner: VaultRunner) -> Callable[[Callable[[], Any]], Awaitable[Any]]:
    """An async ``run_db(fn)`` running ``fn()`` on the vault's worker (the outbox's ``DbRunner``).

    Awaiting it from the network loop suspends only the awaiting coroutine; cancelling that
    coroutine stops waiting (a database call already running still finishes on the worker).
    """

    async def run_db(fn: Callable[[], T]) -> T:
        return await asyncio.wrap_future(runner.submit_raw(fn))

    return run_db


def vault_call_adapter(runner: VaultRunner) -> Callable[[Callable[[Vault], Any]], Awaitable[Any]]:
    """Like :func:`vault_db_adapter`, but ``fn(vault)`` gets the open vault (or fails locked)."""

    async def run_vault(fn: Callable[[Vault], T]) -> T:
        return await asyncio.wrap_future(runner.submit_raw_vault(fn))

    return run_vault
