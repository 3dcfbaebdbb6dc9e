"""The bridge between widgets and the vault: one worker thread owns the vault.

SQLCipher connections belong to the thread that opened them, and serialising every vault call on
one thread rules out races between, say, a table page fetch and a delete (Anki and Picard do the
same). Key derivation and database work therefore never run on the GUI thread: widgets submit an
operation, and its result comes back through a queued Qt signal on the GUI thread.

Be careful not to touch any widget inside an operation: it runs on the worker thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from ui.background import while_alive
from ui.i18n.error_texts import error_kind_text, worded_error_text
from ui.priority import lower_this_threads_priority
from wallet.errors import VaultLocked, WalletError

if TYPE_CHECKING:  # the vault's modules load on the worker, not before the first window
    from wallet.changes import Changes
    from wallet.vault.facade import Vault

T = TypeVar("T")
log = logging.getLogger(__name__)

SuccessCallback = Callable[[Any], None]
ErrorCallback = Callable[[Exception], None]


class _Relay(QObject):
    """Carries a finished operation from the worker thread to the GUI thread."""

    finished = Signal(int, object, object)  # ticket, result, error
    changed = Signal(object)  # Changes, emitted before the operation's ``finished``


class VaultRunner(QObject):
    """Runs operations on the vault's worker thread and reports back on the GUI thread.

    Signals:
        busy_changed(bool): an operation started while idle, or the last one finished.
        changed(Changes): a mutation succeeded; views refresh what it names.
        unlocked(): a vault was opened.
        locked(): the vault was locked (by the user, auto-lock, or a failure).
        error(str): an operation failed and no ``on_error`` callback was given.
    """

    busy_changed = Signal(bool)
    changed = Signal(object)
    unlocked = Signal()
    locked = Signal()
    error = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        before_first_open: Callable[[], object] | None = None,
    ) -> None:
        """``before_first_open`` runs once on the worker, ahead of the first open in its
        queue (the app's :func:`ui.heap.preload_and_freeze`); :meth:`prepare` may run it
        earlier."""
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="vault", initializer=lower_this_threads_priority
        )
        self._before_first_open = before_first_open
        self._vault: Vault | None = None  # read and written on the worker thread only
        self._is_unlocked = False  # GUI-thread mirror of "a vault is open"
        self._tickets = itertools.count(1)
        self._stopped = False  # set by shutdown: later work is dropped, not an error
        self._callbacks: dict[int, tuple[SuccessCallback | None, ErrorCallback | None]] = {}
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._relay.changed.connect(self.changed)

    # ------------------------------------------------------------------ public API

    @property
    def is_busy(self) -> bool:
        return bool(self._callbacks)

    @property
    def is_unlocked(self) -> bool:
        return self._is_unlocked

    def run(
        self,
        operation: Callable[[Vault], T],
        *,
        owner: QObject | None = None,
        on_success: Callable[[T], None] | None = None,
        on_error: ErrorCallback | None = None,
    ) -> Future[T]:
        """Run ``operation(vault)`` on the worker; what it changed is emitted as ``changed``.

        With an ``owner`` (the page or dialog that asked), the callbacks are skipped once it is
        deleted (results arrive later; the page may have been dropped at lock), and a failure
        goes to the owner's ``show_error`` unless ``on_error`` says otherwise. Without one, an
        unhandled failure is emitted as ``error``.
        """
        if owner is not None:
            if on_error is None:
                on_error = getattr(owner, "show_error", None)
            on_success = while_alive(owner, on_success) if on_success else None
            on_error = while_alive(owner, on_error) if on_error else None
        return self._submit(lambda: self._perform(operation), on_success, on_error)

    def submit_raw(self, fn: Callable[[], T]) -> Future[T]:
        """Run ``fn()`` on the worker with no callbacks or signals; thread-safe.

        For code off the GUI thread (the network loop awaits it through
        :func:`ui.network.vault_db_adapter`); widgets use :meth:`run`.
        """
        return self._executor.submit(fn)

    def submit_raw_vault(self, operation: Callable[[Vault], T]) -> Future[T]:
        """Like :meth:`submit_raw`, but ``operation(vault)`` gets the open vault (else locked);
        what it changed is still emitted as ``changed`` on the GUI thread."""
        return self._executor.submit(lambda: self._perform(operation))

    def prepare(self) -> None:
        """Queue the ``before_first_open`` step now, if it has not been queued yet."""
        step, self._before_first_open = self._before_first_open, None
        if step is not None and not self._stopped:
            self._executor.submit(step)

    def open(
        self,
        opener: Callable[[], Vault],
        *,
        on_success: Callable[[Vault], None] | None = None,
        on_error: ErrorCallback | None = None,
    ) -> Future[Vault]:
        """Open (unlock or create) a vault on the worker; it becomes the vault ``run`` uses.

        ``on_success`` receives the vault for reading plain attributes only; call its methods
        through :meth:`run`.
        """

        self.prepare()  # one worker: the step runs before this open

        def call() -> Vault:
            if self._vault is not None:
                self._vault.lock()
            self._vault = opener()
            return self._vault

        return self._submit(call, self._after(True, on_success), on_error)

    def lock(self, *, on_done: Callable[[], None] | None = None) -> None:
        """Lock the vault (close the database, forget the key) on the worker."""

        def call() -> None:
            if self._vault is not None:
                self._vault.lock()
                self._vault = None

        self._submit(call, lambda _result: on_done() if on_done else None, None, locking=True)

    def shutdown(self) -> None:
        """Lock and stop the worker, waiting for it (used when the app quits; a second call
        does nothing)."""

        def close() -> None:
            if self._vault is not None:
                self._vault.lock()
                self._vault = None

        if self._stopped:
            return
        self._stopped = True
        self._executor.submit(close)
        self._executor.shutdown(wait=True)

    # ------------------------------------------------------------------ machinery

    def _perform(self, operation: Callable[[Vault], T]) -> T:
        """On the worker: run ``operation`` and relay what it changed, even when it failed
        (a failed attempt may have been logged)."""
        vault = self._vault
        if vault is None or vault.is_locked:
            raise VaultLocked("The vault is locked; unlock it first.")
        try:
            outcome = vault.perform(operation)
        except BaseException:
            self._relay_changes(vault.take_changes())
            raise
        self._relay_changes(outcome.changes)
        return outcome.value

    def _relay_changes(self, changes: Changes) -> None:
        if changes:
            self._relay.changed.emit(changes)

    def _submit(
        self,
        call: Callable[[], Any],
        on_success: SuccessCallback | None,
        on_error: ErrorCallback | None,
        *,
        locking: bool = False,
    ) -> Future[Any]:
        if self._stopped:
            # A late result (a page refreshing from the last ``changed``) may ask for more work
            # while the app quits: there is no vault any more, so nothing runs and nobody waits.
            stopped: Future[Any] = Future()
            stopped.cancel()
            return stopped
        ticket = next(self._tickets)
        was_idle = not self._callbacks
        success = self._after(False, on_success) if locking else on_success
        self._callbacks[ticket] = (success, on_error)
        if was_idle:
            self.busy_changed.emit(True)

        def work() -> Any:
            try:
                result = call()
            except Exception as exc:  # delivered to the GUI thread, never lost
                self._relay.finished.emit(ticket, None, exc)
                raise
            self._relay.finished.emit(ticket, result, None)
            return result

        return self._executor.submit(work)

    def _after(self, unlocked: bool, on_success: SuccessCallback | None) -> SuccessCallback:
        """``on_success``, preceded by noting (and signalling) that the vault is now open or not."""

        def done(result: Any) -> None:
            self._is_unlocked = unlocked
            (self.unlocked if unlocked else self.locked).emit()
            if on_success:
                on_success(result)

        return done

    @Slot(int, object, object)
    def _deliver(self, ticket: int, result: Any, error: Exception | None) -> None:
        on_success, on_error = self._callbacks.pop(ticket, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        if error is not None:
            self._report(error, on_error)
            return
        if on_success is not None:
            on_success(result)

    def _report(self, error: Exception, on_error: ErrorCallback | None) -> None:
        if isinstance(error, VaultLocked) and self._is_unlocked:
            self._is_unlocked = False
            self.locked.emit()
        if on_error is not None:
            on_error(error)
        elif isinstance(error, WalletError):  # in the interface's language
            self.error.emit(worded_error_text(error) or error_kind_text(error))
        else:
            log.error("vault operation failed", exc_info=error)
            self.error.emit(self.tr("Unexpected error: %1").replace("%1", repr(error)))
