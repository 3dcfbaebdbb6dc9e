"""SQL for saved terms versions and vendors' agreement records (tables of schema 2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wallet.storage.connection import Connection


@dataclass(frozen=True, slots=True)
class VersionRow:
    version: int
    canonical: bytes
    sha256: str
    signature: str
    kid: str


@dataclass(frozen=True, slots=True)
class AgreementRow:
    id: int
    record: str
    stored_at: datetime


_VERSION_COLUMNS = "version, canonical, sha256, signature, kid"


def _version(row: Any) -> VersionRow:
    return VersionRow(int(row[0]), bytes(row[1]), str(row[2]), str(row[3]), str(row[4]))


def next_version(connection: Connection) -> int:
    row = connection.execute("SELECT coalesce(max(version), 0) FROM terms_versions").fetchone()
    return int(row[0]) + 1


def add_version(
    connection: Connection,
    row: VersionRow,
    *,
    document_id: str,
    issued: str,
    language: str,
) -> None:
    connection.execute(
        "INSERT INTO terms_versions (version, document_id, issued, language, canonical, sha256, "
        "signature, kid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row.version,
            document_id,
            issued,
            language,
            row.canonical,
            row.sha256,
            row.signature,
            row.kid,
        ),
    )


def versions(connection: Connection) -> list[VersionRow]:
    rows = connection.execute(
        f"SELECT {_VERSION_COLUMNS} FROM terms_versions ORDER BY version"
    ).fetchall()
    return [_version(row) for row in rows]


def version(connection: Connection, number: int) -> VersionRow | None:
    row = connection.execute(
        f"SELECT {_VERSION_COLUMNS} FROM terms_versions WHERE version = ?", (number,)
    ).fetchone()
    return _version(row) if row else None


def latest(connection: Connection) -> VersionRow | None:
    row = connection.execute(
        f"SELECT {_VERSION_COLUMNS} FROM terms_versions ORDER BY version DESC LIMIT 1"
    ).fetchone()
    return _version(row) if row else None


def version_of_hash(connection: Connection, sha256: str) -> int | None:
    row = connection.execute(
        "SELECT version FROM terms_versions WHERE sha256 = ?", (sha256,)
    ).fetchone()
    return int(row[0]) if row else None


def find_agreement(
    connection: Connection, *, vendor_id: str, terms_sha256: str, accepted_at: str
) -> AgreementRow | None:
    row = connection.execute(
        "SELECT id, record, stored_at FROM terms_agreements "
        "WHERE vendor_id = ? AND terms_sha256 = ? AND accepted_at = ?",
        (vendor_id, terms_sha256, accepted_at),
    ).fetchone()
    return (
        AgreementRow(int(row[0]), str(row[1]), datetime.fromisoformat(str(row[2]))) if row else None
    )


def add_agreement(
    connection: Connection,
    *,
    vendor_id: str,
    vendor_name: str,
    terms_sha256: str,
    accepted_at: str,
    record: str,
    stored_at: datetime,
) -> int:
    cursor = connection.execute(
        "INSERT INTO terms_agreements (vendor_id, vendor_name, terms_sha256, accepted_at, record, "
        "stored_at) VALUES (?, ?, ?, ?, ?, ?)",
        (vendor_id, vendor_name, terms_sha256, accepted_at, record, stored_at.isoformat()),
    )
    return int(cursor.lastrowid)


def agreements(connection: Connection) -> list[AgreementRow]:
    rows = connection.execute(
        "SELECT id, record, stored_at FROM terms_agreements ORDER BY id"
    ).fetchall()
    return [
        AgreementRow(int(row[0]), str(row[1]), datetime.fromisoformat(str(row[2]))) for row in rows
    ]


def find_agreement_for(
    connection: Connection, *, vendor_id: str, terms_sha256: str
) -> AgreementRow | None:
    """The first agreement kept with ``vendor_id`` for the terms ``terms_sha256``."""
    row = connection.execute(
        "SELECT id, record, stored_at FROM terms_agreements "
        "WHERE vendor_id = ? AND terms_sha256 = ? ORDER BY id LIMIT 1",
        (vendor_id, terms_sha256),
    ).fetchone()
    return (
        AgreementRow(int(row[0]), str(row[1]), datetime.fromisoformat(str(row[2]))) if row else None
    )


def replace_agreement_record(connection: Connection, agreement_id: int, record: str) -> None:
    """Write the person's answer to a counter-offer into its row (once: answers are final)."""
    connection.execute(
        "UPDATE terms_agreements SET record = ? WHERE id = ?", (record, agreement_id)
    )


def agreements_holding(connection: Connection, member: str) -> list[AgreementRow]:
    """The agreements whose kept JSON has the top-level-style member ``member`` (a quick
    pre-filter; callers parse and check): counter-offers hold ``counter``, answered ones
    ``answer``."""
    rows = connection.execute(
        "SELECT id, record, stored_at FROM terms_agreements WHERE instr(record, ?) > 0 ORDER BY id",
        (f'"{member}":',),
    ).fetchall()
    return [
        AgreementRow(int(row[0]), str(row[1]), datetime.fromisoformat(str(row[2]))) for row in rows
    ]
