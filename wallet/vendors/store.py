"""SQL for the vendor directory (the ``vendors`` table of schema 3)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from wallet.storage.connection import Connection

VendorStatus = Literal["active", "disabled"]

_COLUMNS = (
    "id, name, metadata_url, intentions_url, offers_url, public_jwk, kid, categories, "
    "accepted_agreements, contact, policy_url, metadata, added, updated, status, status_reason, "
    "pending_jwk, pending_metadata, pending_since"
)


@dataclass(frozen=True, slots=True)
class VendorRow:
    """One vendor as stored: the pinned key and the metadata that came with it."""

    id: str
    name: str
    metadata_url: str
    intentions_url: str
    offers_url: str
    public_jwk: dict[str, str]
    kid: str
    categories: tuple[str, ...]
    accepted_agreements: tuple[str, ...]
    contact: str
    policy_url: str
    metadata: dict[str, Any]
    added: datetime
    updated: datetime
    status: VendorStatus
    status_reason: str
    pending_jwk: dict[str, str] | None
    pending_metadata: dict[str, Any] | None
    pending_since: datetime | None

    def inbox_url(self, endpoint: str) -> str:
        """The vendor's address for ``endpoint`` (``consents``, ``decisions``...) from its
        pinned metadata, or "" when it lists none (optional endpoints came later)."""
        return str((self.metadata.get("inbox") or {}).get(endpoint) or "")


def _row(row: Sequence[Any]) -> VendorRow:
    return VendorRow(
        id=row[0],
        name=row[1],
        metadata_url=row[2],
        intentions_url=row[3],
        offers_url=row[4],
        public_jwk=json.loads(row[5]),
        kid=row[6],
        categories=tuple(json.loads(row[7])),
        accepted_agreements=tuple(json.loads(row[8])),
        contact=row[9],
        policy_url=row[10],
        metadata=json.loads(row[11]),
        added=datetime.fromisoformat(row[12]),
        updated=datetime.fromisoformat(row[13]),
        status=row[14],
        status_reason=row[15],
        pending_jwk=json.loads(row[16]) if row[16] else None,
        pending_metadata=json.loads(row[17]) if row[17] else None,
        pending_since=datetime.fromisoformat(row[18]) if row[18] else None,
    )


def get(connection: Connection, vendor_id: str) -> VendorRow | None:
    found = connection.execute(f"SELECT {_COLUMNS} FROM vendors WHERE id = ?", (vendor_id,))
    row = found.fetchone()
    return _row(row) if row else None


def all_vendors(connection: Connection) -> list[VendorRow]:
    rows = connection.execute(f"SELECT {_COLUMNS} FROM vendors ORDER BY name COLLATE NOCASE, id")
    return [_row(row) for row in rows]


def names(connection: Connection) -> dict[str, str]:
    """Vendor id -> name of every vendor, without reading (and parsing) the rest of each row."""
    return {str(row[0]): str(row[1]) for row in connection.execute("SELECT id, name FROM vendors")}


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def upsert(
    connection: Connection,
    *,
    metadata: dict[str, Any],
    metadata_url: str,
    kid: str,
    status: VendorStatus,
    now: datetime,
) -> None:
    """Insert or replace a vendor's pinned metadata (clears any pending key change)."""
    values = (
        metadata["id"],
        metadata["name"],
        metadata_url,
        metadata["inbox"]["intentions"],
        metadata["inbox"]["offers"],
        _dump(metadata["publicKey"]),
        kid,
        _dump(metadata.get("categories", [])),
        _dump(metadata.get("acceptedAgreements", [])),
        metadata["contact"],
        metadata["policyUrl"],
        _dump(metadata),
        now.isoformat(),
        now.isoformat(),
        status,
    )
    connection.execute(
        "INSERT INTO vendors (id, name, metadata_url, intentions_url, offers_url, public_jwk, kid, "
        "categories, accepted_agreements, contact, policy_url, metadata, added, updated, status) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
        "metadata_url = excluded.metadata_url, intentions_url = excluded.intentions_url, "
        "offers_url = excluded.offers_url, public_jwk = excluded.public_jwk, kid = excluded.kid, "
        "categories = excluded.categories, accepted_agreements = excluded.accepted_agreements, "
        "contact = excluded.contact, policy_url = excluded.policy_url, "
        "metadata = excluded.metadata, updated = excluded.updated, status = excluded.status, "
        "status_reason = '', pending_jwk = NULL, pending_metadata = NULL, pending_since = NULL",
        values,
    )


def set_pending(
    connection: Connection, vendor_id: str, metadata: dict[str, Any], now: datetime
) -> None:
    connection.execute(
        "UPDATE vendors SET pending_jwk = ?, pending_metadata = ?, pending_since = ? WHERE id = ?",
        (_dump(metadata["publicKey"]), _dump(metadata), now.isoformat(), vendor_id),
    )


def set_status(
    connection: Connection, vendor_id: str, status: VendorStatus, reason: str, now: datetime
) -> bool:
    """Change a vendor's status; False if there is no such vendor or nothing changed."""
    cursor = connection.execute(
        "UPDATE vendors SET status = ?, status_reason = ?, updated = ? "
        "WHERE id = ? AND status != ?",
        (status, reason, now.isoformat(), vendor_id, status),
    )
    return bool(cursor.rowcount)


def delete(connection: Connection, vendor_id: str) -> bool:
    return bool(connection.execute("DELETE FROM vendors WHERE id = ?", (vendor_id,)).rowcount)
