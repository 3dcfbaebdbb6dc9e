"""The transactional outbox: messages enqueued with the change that caused them, delivered
with Standard Webhooks signatures, retried with backoff, resumed after a crash; a message the
wallet cannot handle becomes a dead letter the person can see and retry."""

from wallet.outbox.dead_letters import DeadLetters, OutboxEntry, RetryResult
from wallet.outbox.ledger import DeliveryOutcome, Outbox
from wallet.outbox.retry import RetryPolicy, parse_retry_after
from wallet.outbox.store import OutboxRow, Status
from wallet.outbox.worker import (
    DbRunner,
    DeliveryProgress,
    DeliveryWorker,
    OutboxMessage,
    RunSummary,
    due,
    enqueue,
    inline_runner,
)

__all__ = [
    "DbRunner",
    "DeadLetters",
    "DeliveryOutcome",
    "DeliveryProgress",
    "DeliveryWorker",
    "Outbox",
    "OutboxEntry",
    "OutboxMessage",
    "OutboxRow",
    "RetryPolicy",
    "RetryResult",
    "RunSummary",
    "Status",
    "due",
    "enqueue",
    "inline_runner",
    "parse_retry_after",
]
