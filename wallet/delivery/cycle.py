"""Deliver queued messages and take in the offers that came back, on the calling thread.

For the CLI and tests: the vault's thread runs the event loop (:func:`inline_runner`). The desktop
app awaits :func:`deliver_pending_async` on its network loop with a ``run_db`` that runs database
work on the vault's thread, and its shared ``transport``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from wallet.changes import Part
from wallet.consents.acks import AckReport, ingest_acknowledgements
from wallet.offers.ingest import IngestReport, ingest_delivered
from wallet.outbox import (
    DbRunner,
    DeliveryProgress,
    DeliveryWorker,
    Outbox,
    RunSummary,
    inline_runner,
)
from wallet.transport import DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_SECONDS, Transport
from wallet.vault.facade import Vault


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    summary: RunSummary
    offers: IngestReport
    acknowledgements: AckReport


async def deliver_pending_async(
    vault: Vault,
    *,
    deadline: float | None = None,
    on_progress: Callable[[DeliveryProgress], None] | None = None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    concurrency: int = DEFAULT_CONCURRENCY,
    run_db: DbRunner[object] = inline_runner,
    transport: Transport | None = None,
    lease_seconds: float | None = None,
) -> DeliveryReport:
    """Run the delivery worker until nothing is due, then ingest the offers in the answers.

    ``deadline`` (seconds) bounds the whole call in real time, which is what ``--wait N``
    promises: retries not due by then stay pending, and requests still in flight at the
    deadline are cancelled (their rows stay ``delivering`` and the next run resumes them, so
    nothing is lost). Reading the answers that did come in follows; it is local work only.

    Every database call (claiming, recording, ingesting) goes through ``run_db``, which must run
    it on the vault's thread; ``transport`` (if given) is used and left open. ``lease_seconds``
    is how long a message being sent stays this run's without a renewal (see
    :class:`~wallet.outbox.DeliveryWorker`): another process takes up the messages of a run that
    was killed once their lease runs out.
    """
    until = None if deadline is None else time.time() + deadline

    async def run(http: Transport) -> RunSummary:
        worker = DeliveryWorker(
            Outbox(vault),
            http,
            vault.signing_key,
            run_db=run_db,
            on_progress=on_progress,
            lease_seconds=lease_seconds,
        )
        remaining = None if until is None else max(0.0, until - time.time())
        return await worker.run(deadline=until, time_limit=remaining)

    if transport is not None:
        summary = await run(transport)
    else:
        async with Transport(timeout=timeout, concurrency=concurrency) as owned:
            summary = await run(owned)
    handled = summary.delivered + summary.failed + summary.disabled + summary.dead
    if handled + summary.retried + summary.resumed:
        await run_db(lambda: vault.note_changed(Part.OUTBOX))  # rows changed status
    offers = await run_db(lambda: ingest_delivered(vault))
    assert isinstance(offers, IngestReport)
    acknowledgements = await run_db(lambda: ingest_acknowledgements(vault))
    assert isinstance(acknowledgements, AckReport)
    return DeliveryReport(summary, offers, acknowledgements)


def deliver_pending(
    vault: Vault,
    *,
    deadline: float | None = None,
    on_progress: Callable[[DeliveryProgress], None] | None = None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    concurrency: int = DEFAULT_CONCURRENCY,
    lease_seconds: float | None = None,
) -> DeliveryReport:
    """:func:`deliver_pending_async` on a fresh event loop (call on the vault's thread)."""
    return asyncio.run(
        deliver_pending_async(
            vault,
            deadline=deadline,
            on_progress=on_progress,
            timeout=timeout,
            concurrency=concurrency,
            lease_seconds=lease_seconds,
        )
    )
