"""Reading consents: one or all with their receipts, their history and deliveries, the who-holds-
what overview, and the windowed table's row access.

Reading first ends the consents that are past their date (:func:`~wallet.consents.ending.
expire_due`), so that nothing is ever shown as active after it expired.
"""

from __future__ import annotations

from collections.abc import Sequence

from wallet.consents import store
from wallet.consents.ending import expire_due
from wallet.consents.records import (
    EXPIRING_SOON_SECONDS,
    ConsentRecord,
    Overview,
    existing_row,
    now_seconds,
)
from wallet.consents.store import ConsentEvent, ConsentRow, ConsentStatus
from wallet.outbox import store as outbox_store
from wallet.vault.facade import Vault
from wallet.wire.consent_signing import read_receipt_unverified


def _record(row: ConsentRow, names: dict[str, str]) -> ConsentRecord:
    return ConsentRecord(
        row, read_receipt_unverified(row.receipt_jws), names.get(row.vendor_id, row.vendor_id)
    )


def consents(
    vault: Vault, *, status: ConsentStatus | None = None, vendor_id: str | None = None
) -> list[ConsentRecord]:
    """Consents newest first (optionally of one status and/or vendor), with their receipts."""
    expire_due(vault)
    names = vendor_names(vault)
    rows = store.all_consents(vault.reader, vendor_id=vendor_id, status=status)
    return [_record(row, names) for row in rows]


def consent(vault: Vault, consent_id: str) -> ConsentRecord:
    expire_due(vault)
    return _record(existing_row(vault.reader, consent_id), vendor_names(vault))


def history(vault: Vault, consent_id: str) -> list[ConsentEvent]:
    existing_row(vault.reader, consent_id)
    return store.events(vault.reader, consent_id)


def deliveries(vault: Vault, consent_id: str) -> list[outbox_store.OutboxRow]:
    """The outbox messages about this consent (disclosure, updates, notices)."""
    return outbox_store.rows(vault.reader, subject=consent_id)


def overview(vault: Vault, *, now: int | None = None) -> Overview:
    """The vendors x fields matrix of active consents, with counts (a few indexed scans)."""
    at = now or now_seconds()
    connection = vault.reader
    cells = {
        (vendor_id, key): (count, consent_id)
        for vendor_id, key, count, consent_id in store.holdings_matrix(connection)
    }
    names = vendor_names(vault)
    vendor_ids = {vendor_id for vendor_id, _ in cells}
    vendors = sorted(
        ((vendor_id, names.get(vendor_id, vendor_id)) for vendor_id in vendor_ids),
        key=lambda item: (item[1].casefold(), item[0]),
    )
    keys = sorted({key for _, key in cells})
    counts = store.status_counts(connection, expiring_before=at + EXPIRING_SOON_SECONDS)
    pending = store.pending_deliveries(connection)
    open_offers = store.open_offers(connection)
    return Overview(tuple(vendors), tuple(keys), cells, counts, pending, open_offers)


def row_ids(vault: Vault, *, status: ConsentStatus | None = None) -> list[int]:
    """Row ids of the consents, newest first (for a windowed table; see
    :func:`rows_by_row_ids`)."""
    return store.ordered_row_ids(vault.reader, status=status)


def rows_by_row_ids(vault: Vault, row_ids: Sequence[int]) -> dict[int, ConsentRow]:
    return store.rows_by_row_ids(vault.reader, row_ids)


def row_id_of(vault: Vault, consent_id: str) -> int | None:
    """The row id of a consent (to bring it into view in a windowed table)."""
    return store.row_id_of(vault.reader, consent_id)


def vendor_names(vault: Vault) -> dict[str, str]:
    """Directory vendors' names by id (rows carry only the vendor id)."""
    return store.vendor_names(vault.reader)


def rows(vault: Vault, *, status: ConsentStatus | None = None) -> list[ConsentRow]:
    """The consents as stored, newest first, like :func:`consents` but without reading every
    receipt (the desktop's table: 50 000 consents list in seconds, not half a minute)."""
    expire_due(vault)
    return store.all_consents(vault.reader, status=status)
