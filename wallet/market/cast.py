"""Casting an intention to a relay, and withdrawing it there (docs/protocol.md, "Relay (NATS)").

Casting publishes the signed intention, exactly as stored, on ``vrm.intent.<region>.<category>``
with a time to live that ends at its ``validThrough``, and records where it went
(``relay_casts``). Casting to a relay and delivering to directory vendors over HTTP coexist:
the person chooses per intention, and may do both. Casting again is harmless: the relay stores a
message id once within its duplicate window, and the record keeps the latest sequence.

Withdrawing publishes the signed ``IntentionWithdrawn`` notice (the same notice HTTP vendors get,
signed by the intention's key) on the intention's subject, so listening vendors learn it, and
removes the intention's own message from the stream, so vendors that join later never see it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.errors import InvalidInput, NotFound
from wallet.intents import IntentionBook
from wallet.intents import store as intent_store
from wallet.intents.status import is_open, status_text
from wallet.intents.store import IntentionRow
from wallet.market import store
from wallet.outbox import DbRunner, inline_runner
from wallet.relay import (
    INTENTIONS_STREAM,
    KIND_INTENTION,
    KIND_WITHDRAWAL,
    Relay,
    check_relay_url,
    intention_subject,
)
from wallet.vault.facade import Vault
from wallet.wire.models import Intention, SignedIntention
from wallet.wire.notices import IntentionNotice, sign_notice
from wallet.wire.signing import wire_bytes
from wallet.wire.terms import parse_utc_timestamp, utc_timestamp


@dataclass(frozen=True, slots=True)
class CastReport:
    """Where an intention was cast: the relay, the subject and its stream sequence."""

    intention_id: str
    relay: str
    subject: str
    sequence: int
    ttl_seconds: int


def _row(vault: Vault, intention_id: str) -> IntentionRow:
    row = intent_store.get(vault.reader, intention_id)
    if row is None:
        raise NotFound(
            f"There is no intention {intention_id!r}.",
            cli_hint="`intent list` shows your intentions.",
        )
    return row


def seconds_left(valid_through: str, now: datetime) -> int:
    """Whole seconds until ``valid_through`` (at least 1: the relay's smallest TTL)."""
    return max(1, int((parse_utc_timestamp(valid_through) - now).total_seconds()))


def _castable(vault: Vault, intention_id: str) -> tuple[IntentionRow, Intention]:
    """The intention to cast and its row, or why it cannot be cast."""
    IntentionBook(vault).expire_due()
    row = _row(vault, intention_id)
    if not is_open(row.status):
        raise InvalidInput(
            f"This intention is {status_text(row.status)}; only a draft or an intention still "
            "collecting offers can be cast."
        )
    intention = SignedIntention.model_validate_json(row.signed).intention
    if intention.sealingKey is None:
        raise InvalidInput(
            "This intention was made before casting to a relay existed: it has no key for "
            "sealed offers. Create it again to cast it."
        )
    return row, intention


def _record_cast(vault: Vault, report: CastReport, now: datetime) -> None:
    with vault.write() as connection:
        store.record_cast(
            connection,
            intention_id=report.intention_id,
            relay=report.relay,
            subject=report.subject,
            sequence=report.sequence,
            now=now,
        )
        intent_store.set_status(
            connection, report.intention_id, "broadcast", now, only_from=("draft",), broadcast=True
        )
        vault.record(
            connection, ActivityEvent(activity.INTENTION_BROADCAST, reason="cast to a relay")
        )
        vault.note_changed(Part.INTENTIONS)


@asynccontextmanager
async def connected(url: str, relay: Relay | None) -> AsyncIterator[Relay]:
    """``relay`` when it is a connection to ``url`` (left open), else a new connection closed
    on leaving (a long-running app keeps one connection; the CLI connects per command)."""
    if relay is not None and relay.url == url:
        yield relay
        return
    async with Relay(url) as fresh:
        yield fresh


async def cast_intention(
    vault: Vault,
    relay_url: str,
    intention_id: str,
    *,
    relay: Relay | None = None,
    run_db: DbRunner[Any] = inline_runner,
) -> CastReport:
    """Publish an open intention on the relay and record where it went.

    ``relay``: an open connection to ``relay_url`` to use; ``run_db`` runs the vault steps on
    the vault's thread (:data:`wallet.outbox.DbRunner`)."""
    relay_url = check_relay_url(relay_url)
    row, intention = await run_db(lambda: _castable(vault, intention_id))
    now = datetime.now(UTC)
    subject = intention_subject(region=intention.delivery.region, category=row.category)
    ttl = seconds_left(intention.validThrough, now)
    async with connected(relay_url, relay) as link:
        await link.ensure_streams()
        sequence = await link.publish(
            subject,
            row.signed.encode("utf-8"),
            kind=KIND_INTENTION,
            message_id=intention_id,
            ttl_seconds=ttl,
        )
    report = CastReport(intention_id, relay_url, subject, sequence, ttl)
    await run_db(lambda: _record_cast(vault, report, now))
    return report


def _withdrawal(vault: Vault, intention_id: str) -> tuple[bytes, int, list[store.CastRow]]:
    """The signed withdrawal notice, its time to live, and the casts not yet told."""
    row = _row(vault, intention_id)
    if row.status != "withdrawn":
        raise InvalidInput("Withdraw the intention first; then the relays are told.")
    intention = SignedIntention.model_validate_json(row.signed).intention
    now = datetime.now(UTC)
    notice = IntentionNotice(
        type="IntentionWithdrawn",
        intention=intention_id,
        offer=None,
        issued=utc_timestamp(now),
        requester=intention.requester,
    )
    body = wire_bytes(sign_notice(notice, vault.signing_key(row.kid)))
    casts = [c for c in store.casts_of(vault.reader, intention_id) if c.withdrawn_at is None]
    return body, seconds_left(intention.validThrough, now), casts


def _mark_withdrawn(vault: Vault, intention_id: str, relay_url: str) -> None:
    with vault.write() as connection:
        store.mark_withdrawn(connection, intention_id, relay_url, datetime.now(UTC))
        vault.note_changed(Part.INTENTIONS)


async def withdraw_on_relays(
    vault: Vault,
    intention_id: str,
    *,
    relay: Relay | None = None,
    run_db: DbRunner[Any] = inline_runner,
) -> list[str]:
    """Tell every relay the (already withdrawn) intention was cast on; the relays told.

    ``relay`` and ``run_db`` as for :func:`cast_intention`."""
    body, ttl, casts = await run_db(lambda: _withdrawal(vault, intention_id))
    told = []
    for cast in casts:
        async with connected(cast.relay, relay) as link:
            await link.publish(
                cast.subject,
                body,
                kind=KIND_WITHDRAWAL,
                message_id=f"{intention_id}#withdrawn",
                ttl_seconds=ttl,
            )
            await link.delete(INTENTIONS_STREAM, cast.sequence)
        await run_db(partial(_mark_withdrawn, vault, intention_id, cast.relay))
        told.append(cast.relay)
    return told


def relay_casts(vault: Vault, intention_id: str) -> list[store.CastRow]:
    """Where the intention was cast: relay, subject, when, withdrawn, offers read and refused."""
    return store.casts_of(vault.reader, intention_id)
