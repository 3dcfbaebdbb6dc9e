"""Vendors met on a relay but not pinned: strangers whose sealed offers the person may weigh.

A vendor outside the directory introduces itself in its sealed offer list (``metadataUrl``,
docs/protocol.md §12). :mod:`wallet.market.meet` fetches that document and, when it names the
vendor and holds the key that signed the offers, keeps it here (``met_vendors``, schema 11) with
the key's fingerprint, linked to the intentions the vendor answered. Its offers are then stored
and ranked like any other; nothing is sent to it (no decision, no data) while it stays here.

Accepting one of its offers *pins* it (:func:`pin`): the document already checked becomes the
vendor's directory entry, exactly what ``vendor add`` would have stored, so notices and consents
work as for any directory vendor. Declining or letting the intention expire leaves it unpinned.

**Bounds.** At most :data:`MAX_MET_PER_INTENTION` vendors are met per intention and
:data:`MAX_MET_VENDORS` in all; when the second cap is reached, vendors none of whose intentions
is still open are forgotten first (:func:`make_room`). Each document is at most 64 KiB
(:data:`wallet.vendors.directory.MAX_METADATA_BYTES`).

For front ends: :func:`standing` says whether an offer's vendor is in the directory, and its
key's fingerprint (the offer details dialog shows "not in your directory — fingerprint …").
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.storage.connection import Connection
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store
from wallet.vendors.directory import FetchedMetadata, parse_metadata
from wallet.vendors.entries import pinned_fingerprint
from wallet.vendors.store import VendorRow

MAX_MET_PER_INTENTION = 20
MAX_MET_VENDORS = 500
_COLUMNS = "id, name, metadata_url, kid, fingerprint, metadata, met_at"
Standing = Literal["directory", "met", "unknown"]


@dataclass(frozen=True, slots=True)
class MetVendor:
    """A vendor met on a relay: its checked metadata document, where it came from, its key."""

    id: str
    name: str
    metadata_url: str
    kid: str
    fingerprint: str
    metadata: dict[str, Any]
    met_at: datetime

    def as_vendor(self) -> VendorRow:
        """The row ingest checks offers against (the key in the document), never stored as a
        directory entry until :func:`pin`."""
        inbox = self.metadata["inbox"]
        return VendorRow(
            id=self.id,
            name=self.name,
            metadata_url=self.metadata_url,
            intentions_url=str(inbox["intentions"]),
            offers_url=str(inbox["offers"]),
            public_jwk=dict(self.metadata["publicKey"]),
            kid=self.kid,
            categories=tuple(self.metadata.get("categories", [])),
            accepted_agreements=tuple(self.metadata.get("acceptedAgreements", [])),
            contact=str(self.metadata["contact"]),
            policy_url=str(self.metadata["policyUrl"]),
            metadata=self.metadata,
            added=self.met_at,
            updated=self.met_at,
            status="active",
            status_reason="",
            pending_jwk=None,
            pending_metadata=None,
            pending_since=None,
        )


@dataclass(frozen=True, slots=True)
class VendorStanding:
    """Whether a vendor is in the person's directory (``pinned``), was only met on a relay, or
    neither, and the fingerprint of the key that signed its offer (None if refused or none)."""

    vendor_id: str
    standing: Standing
    fingerprint: str | None

    @property
    def pinned(self) -> bool:
        return self.standing == "directory"


def _row(row: Sequence[Any]) -> MetVendor:
    return MetVendor(
        id=str(row[0]),
        name=str(row[1]),
        metadata_url=str(row[2]),
        kid=str(row[3]),
        fingerprint=str(row[4]),
        metadata=json.loads(row[5]),
        met_at=datetime.fromisoformat(row[6]),
    )


def get(connection: Connection, vendor_id: str) -> MetVendor | None:
    found = connection.execute(f"SELECT {_COLUMNS} FROM met_vendors WHERE id = ?", (vendor_id,))
    row = found.fetchone()
    return _row(row) if row else None


def met_for(connection: Connection, intention_id: str) -> list[MetVendor]:
    """The vendors met while following ``intention_id``, by name."""
    rows = connection.execute(
        f"SELECT {', '.join('m.' + c.strip() for c in _COLUMNS.split(','))} FROM met_vendors m "
        "JOIN met_vendor_intentions l ON l.vendor_id = m.id WHERE l.intention_id = ? "
        "ORDER BY m.name COLLATE NOCASE, m.id",
        (intention_id,),
    )
    return [_row(row) for row in rows]


def counts(connection: Connection, intention_id: str) -> tuple[int, int]:
    """Vendors met for ``intention_id``, and in all (what the caps look at)."""
    found = connection.execute(
        "SELECT (SELECT count(*) FROM met_vendor_intentions WHERE intention_id = ?), "
        "(SELECT count(*) FROM met_vendors)",
        (intention_id,),
    ).fetchone()
    return int(found[0]), int(found[1])


def is_linked(connection: Connection, vendor_id: str, intention_id: str) -> bool:
    found = connection.execute(
        "SELECT 1 FROM met_vendor_intentions WHERE vendor_id = ? AND intention_id = ?",
        (vendor_id, intention_id),
    ).fetchone()
    return found is not None


def make_room(connection: Connection, *, open_statuses: Sequence[str]) -> int:
    """Forget met vendors none of whose intentions is in ``open_statuses`` any more (their
    offers can no longer be accepted); how many were forgotten."""
    marks = ", ".join("?" for _ in open_statuses)
    cursor = connection.execute(
        "DELETE FROM met_vendors WHERE id NOT IN (SELECT l.vendor_id FROM met_vendor_intentions l "
        f"JOIN intentions i ON i.id = l.intention_id WHERE i.status IN ({marks}))",
        tuple(open_statuses),
    )
    return int(cursor.rowcount)


def remember(
    connection: Connection, fetched: FetchedMetadata, *, intention_id: str, now: datetime
) -> MetVendor:
    """Keep a checked document as a met vendor (the first one kept wins) and link it to the
    intention it answered."""
    document = fetched.metadata.wire()
    connection.execute(
        f"INSERT OR IGNORE INTO met_vendors ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            fetched.metadata.id,
            fetched.metadata.name,
            fetched.url,
            fetched.key.kid,
            fetched.fingerprint,
            json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
            now.isoformat(),
        ),
    )
    link(connection, fetched.metadata.id, intention_id)
    met = get(connection, fetched.metadata.id)
    assert met is not None
    return met


def link(connection: Connection, vendor_id: str, intention_id: str) -> None:
    connection.execute(
        "INSERT OR IGNORE INTO met_vendor_intentions (vendor_id, intention_id) VALUES (?, ?)",
        (vendor_id, intention_id),
    )


def pin(vault: Vault, connection: Connection, vendor_id: str, *, now: datetime) -> bool:
    """Make a met vendor a directory vendor (inside the caller's write transaction), from the
    document checked when it was met — re-checked with today's rules, not fetched again. False
    when it is in the directory already or was never met (nothing changes)."""
    if vendor_store.get(connection, vendor_id) is not None:
        return False
    met = get(connection, vendor_id)
    if met is None:
        return False
    fetched = parse_metadata(met.metadata, url=met.metadata_url)
    vendor_store.upsert(
        connection,
        metadata=fetched.metadata.wire(),
        metadata_url=met.metadata_url,
        kid=fetched.key.kid,
        status="active",
        now=now,
    )
    connection.execute("DELETE FROM met_vendors WHERE id = ?", (vendor_id,))
    vault.record(
        connection,
        ActivityEvent(
            activity.VENDOR_ADDED,
            party=vendor_id,
            reason="met on a relay; pinned when you accepted its offer",
        ),
    )
    vault.note_changed(Part.VENDORS)
    return True


def standing(
    connection: Connection, vendor_id: str, signer_jwk: Mapping[str, Any] | None = None
) -> VendorStanding:
    """Whether ``vendor_id`` is in the directory, met on a relay, or neither, with the
    fingerprint of ``signer_jwk`` (the key that signed its offer; else the key on record).

    The desktop app calls this (through :func:`wallet.offers.summary.offer_summary`, whose
    ``vendor_pinned`` and ``vendor_fingerprint`` come from it) to say "not in your directory —
    fingerprint …" beside an offer from a vendor met on a relay.
    """
    pinned = vendor_store.get(connection, vendor_id)
    if pinned is not None:
        return VendorStanding(
            vendor_id, "directory", pinned_fingerprint(signer_jwk or pinned.public_jwk)
        )
    met = get(connection, vendor_id)
    if met is not None:
        fingerprint = pinned_fingerprint(signer_jwk) if signer_jwk else met.fingerprint
        return VendorStanding(vendor_id, "met", fingerprint)
    return VendorStanding(vendor_id, "unknown", pinned_fingerprint(signer_jwk))
