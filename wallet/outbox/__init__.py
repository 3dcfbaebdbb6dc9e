"""The transactional outbox: messages enqueued with the change that caused them, delivered
with Standard Webhooks signatures, retried with backoff, resumed after a crash."""

from wallet.outbox.store import OutboxRow, Status
from wallet.outbox.worker import (
    DbRunner,
    DeliveryOutcome,
    DeliveryProgress,
    DeliveryWorker,
    Outbox,
    OutboxMessage,
    RetryPolicy,
    RunSummary,
    due,
    enqueue,
    inline_runner,
    parse_retry_after,
)

__all__ = [
    "DbRunner",
    "DeliveryOutcome",
    "DeliveryProgress",
    "DeliveryWorker",
    "Outbox",
    "OutboxMessage",
    "OutboxRow",
    "RetryPolicy",
    "RunSummary",
    "Status",
    "due",
    "enqueue",
    "inline_runner",
    "parse_retry_after",
]
