"""Delivering the outbox from a page: the one way the desktop app runs a delivery cycle.

A page that has queued messages (an intention's broadcast, a withdrawal or decision notice, a
consent grant, update or revocation) calls :func:`start_delivery` to send them. It runs
:func:`wallet.delivery.cycle.deliver_pending_async` (the outbox worker, then taking in the offers
and acknowledgements that came back) on the network loop (:class:`ui.network.NetworkRunner`),
with every database step on the vault's thread (:meth:`ui.tasks.VaultRunner.submit_raw`):

* network loop: the HTTP requests and the worker's scheduling;
* vault thread: claiming, recording and ingesting, one ``run_db`` step at a time;
* GUI thread: only the callbacks below.

What the page gets back, always on the GUI thread and only while ``owner`` is alive:

* ``on_progress(batch)``: the worker's :class:`~wallet.outbox.DeliveryProgress` events in the
  order they happened, gathered into one list per frame (at most one call every
  :data:`FRAME_MS` ms), so that 1 000 answers arriving together cost one view update, not 1 000;
* ``runner.changed``: what the cycle changed (outbox, offers, intentions, consents), once, just
  before the report, so pages refresh from it as after any other vault operation;
* ``on_success(report)``: the :class:`~wallet.delivery.cycle.DeliveryReport`, after the last
  progress batch;
* ``on_error(exc)``: the cycle failed; by default ``owner.show_error`` (as
  :meth:`ui.tasks.VaultRunner.run` does).

:meth:`Delivery.cancel` stops waiting: no callback is called afterwards, and what was not
delivered stays in the outbox for the next cycle (rows in flight are resumed by it).

A page keeps the running delivery to cancel it (at lock, say) and to avoid starting two::

    def send_now(self) -> None:
        if self.delivery is None:
            self.delivery = start_delivery(
                self._runner,
                self._network,
                owner=self,
                on_success=self._on_delivered,  # sets self.delivery = None first
                on_error=self._on_delivery_failed,  # likewise
            )
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from ui.background import while_alive
from ui.network import NetworkRunner, NetworkTask, vault_call_adapter, vault_db_adapter
from ui.tasks import VaultRunner
from wallet.delivery.cycle import DeliveryReport, deliver_pending_async
from wallet.outbox import DeliveryProgress
from wallet.vault.facade import Vault

DELIVERY_DEADLINE_SECONDS = 60.0
FRAME_MS = 16  # one frame at 60 Hz: progress reaches the GUI at most this often

ProgressBatch = list[DeliveryProgress]


class ProgressBatches(QObject):
    """Gathers progress events posted from any thread and hands them to ``deliver`` on the GUI
    thread, at most once per frame. Create it on the GUI thread."""

    _posted = Signal()

    def __init__(self, deliver: Callable[[ProgressBatch], None]) -> None:
        super().__init__()
        self._deliver = deliver
        self._lock = threading.Lock()
        self._pending: ProgressBatch = []
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.flush)
        self._posted.connect(self._schedule, Qt.ConnectionType.QueuedConnection)

    def post(self, event: DeliveryProgress) -> None:
        """Add ``event`` (thread-safe); the first event of a batch schedules its delivery."""
        with self._lock:
            if self._stopped:
                return
            first = not self._pending
            self._pending.append(event)
        if first:
            self._posted.emit()

    @Slot()
    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def flush(self) -> None:
        """Hand over what was gathered now (GUI thread)."""
        self._timer.stop()
        with self._lock:
            batch, self._pending = self._pending, []
            stopped = self._stopped
        if batch and not stopped:
            self._deliver(batch)

    def stop(self) -> None:
        """Drop what was gathered and ignore what comes later."""
        with self._lock:
            self._stopped = True
            self._pending = []
        self._timer.stop()


class Delivery:
    """A running delivery cycle started by :func:`start_delivery`."""

    def __init__(self, task: NetworkTask, batches: ProgressBatches | None) -> None:
        self._task = task
        self._batches = batches

    def cancel(self) -> None:
        """Stop waiting (GUI thread); no callback is called after this."""
        if self._batches is not None:
            self._batches.stop()
        self._task.cancel()

    @property
    def done(self) -> bool:
        return self._task.done


def start_delivery(
    runner: VaultRunner,
    network: NetworkRunner,
    *,
    owner: QObject,
    on_success: Callable[[DeliveryReport], None],
    on_error: Callable[[Exception], None] | None = None,
    on_progress: Callable[[ProgressBatch], None] | None = None,
    deadline: float = DELIVERY_DEADLINE_SECONDS,
) -> Delivery:
    """Deliver everything due in the outbox and take in the answers (see the module docstring).

    Call on the GUI thread. ``deadline`` bounds the cycle in seconds: retries not due by then
    stay queued.
    """
    if on_error is None:
        on_error = getattr(owner, "show_error", None)
    run_db = vault_db_adapter(runner)
    run_vault = vault_call_adapter(runner)
    batches = None if on_progress is None else ProgressBatches(while_alive(owner, on_progress))
    post = None if batches is None else batches.post

    async def deliver() -> DeliveryReport:
        vault: Vault = await run_vault(lambda opened: opened)
        report = await deliver_pending_async(
            vault,
            deadline=deadline,
            on_progress=post,  # on the loop's thread: gathered, then handed to the GUI
            run_db=run_db,
            transport=await network.transport(),
        )
        # Relay what the cycle noted as one ``runner.changed``, before the report arrives.
        await run_vault(lambda _vault: None)
        return report

    def succeeded(report: DeliveryReport) -> None:
        if batches is not None:
            batches.flush()
            batches.stop()
        on_success(report)

    def failed(error: Exception) -> None:
        if batches is not None:
            batches.stop()
        if on_error is not None:
            on_error(error)

    task = network.submit(
        deliver, on_success=while_alive(owner, succeeded), on_error=while_alive(owner, failed)
    )
    return Delivery(task, batches)
