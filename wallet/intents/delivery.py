"""Deliver queued messages and take in the offers that came back, on the calling thread.

For the CLI and tests: the vault's thread runs the event loop (:func:`inline_runner`). The desktop
app runs :class:`~wallet.outbox.DeliveryWorker` with its own ``run_db`` instead.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from wallet.offers.ingest import IngestReport, ingest_delivered
from wallet.outbox import DeliveryProgress, DeliveryWorker, Outbox, RunSummary, inline_runner
from wallet.transport import DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_SECONDS, Transport
from wallet.vault import Vault


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    summary: RunSummary
    offers: IngestReport


async def deliver_pending_async(
    vault: Vault,
    *,
    deadline: float | None = None,
    on_progress: Callable[[DeliveryProgress], None] | None = None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> DeliveryReport:
    """Run the delivery worker until nothing is due (or ``deadline`` seconds from now), then
    ingest the offers in the answers. Retries not yet due stay pending for the next run."""
    until = None if deadline is None else time.time() + deadline
    async with Transport(timeout=timeout, concurrency=concurrency) as transport:
        worker = DeliveryWorker(
            Outbox(vault),
            transport,
            vault.signing_key,
            run_db=inline_runner,
            on_progress=on_progress,
        )
        summary = await worker.run(deadline=until)
    return DeliveryReport(summary, ingest_delivered(vault))


def deliver_pending(
    vault: Vault,
    *,
    deadline: float | None = None,
    on_progress: Callable[[DeliveryProgress], None] | None = None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> DeliveryReport:
    """:func:`deliver_pending_async` on a fresh event loop (call on the vault's thread)."""
    return asyncio.run(
        deliver_pending_async(
            vault,
            deadline=deadline,
            on_progress=on_progress,
            timeout=timeout,
            concurrency=concurrency,
        )
    )
