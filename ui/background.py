"""Small vault-free jobs off the GUI thread: peeking at a header, probing the keyring, restoring.

Everything that needs an open vault goes through :class:`ui.tasks.VaultRunner`. A few jobs need
no open vault but still touch the disk or D-Bus (reading the header to see whether the vault is
remembered on this device, asking the keyring whether it is usable, restoring a backup while the
vault is locked); they run here, on one worker thread, and report back on the GUI thread.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from ui.priority import lower_this_threads_priority

T = TypeVar("T")


def while_alive(owner: QObject, callback: Callable[[T], None]) -> Callable[[T], None]:
    """``callback``, skipped once ``owner`` is deleted (the page was dropped at lock, say).

    Results arrive later, on the GUI thread; by then the widget that asked may be gone.
    """

    def deliver(result: T) -> None:
        if shiboken6.isValid(owner):
            callback(result)

    return deliver


class BackgroundCalls(QObject):
    """Runs plain functions on one worker thread; callbacks run on the GUI thread.

    Signals:
        busy_changed(bool): a call started while idle, or the last one finished.
    """

    busy_changed = Signal(bool)
    _finished = Signal(int, object, object)  # ticket, result, error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(
            max_workers=1,
            thread_name_prefix="background",
            initializer=lower_this_threads_priority,
        )
        self._tickets = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._finished.connect(self._deliver)
        self._stopped = False  # set by shutdown: later calls are dropped, not an error

    @property
    def is_busy(self) -> bool:
        return bool(self._callbacks)

    def call(
        self,
        function: Callable[[], T],
        *,
        on_success: Callable[[T], None],
        on_error: Callable[[Exception], None],
        owner: QObject | None = None,
    ) -> Future[T]:
        """Run ``function()`` on the worker; never touch a widget inside it.

        With an ``owner``, the callbacks are skipped if it was deleted in the meantime. After
        :meth:`shutdown` (the app is quitting) the call is dropped: the future comes back
        cancelled and no callback runs, as with :class:`ui.tasks.VaultRunner`.
        """
        if self._stopped:
            dropped: Future[T] = Future()
            dropped.cancel()
            return dropped
        ticket = next(self._tickets)
        if not self._callbacks:
            self.busy_changed.emit(True)
        if owner is not None:
            on_success, on_error = while_alive(owner, on_success), while_alive(owner, on_error)
        self._callbacks[ticket] = (on_success, on_error)

        def work() -> T:
            try:
                result = function()
            except Exception as exc:  # delivered to the GUI thread, never lost
                self._finished.emit(ticket, None, exc)
                raise
            self._finished.emit(ticket, result, None)
            return result

        return self._executor.submit(work)

    def shutdown(self) -> None:
        """Stop the worker, waiting for a running call (used when the app quits); later calls
        are dropped."""
        self._stopped = True
        self._executor.shutdown(wait=True)

    @Slot(int, object, object)
    def _deliver(self, ticket: int, result: Any, error: Exception | None) -> None:
        callbacks = self._callbacks.pop(ticket, None)
        if not self._callbacks:
            self.busy_changed.emit(False)
        if callbacks is None:
            return
        on_success, on_error = callbacks
        if error is not None:
            on_error(error)
        else:
            on_success(result)
