"""SQL for the vault's own Ed25519 signing keys (seeds stored inside the encrypted database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wallet.crypto.signing import SigningKey
from wallet.storage.connection import Connection


@dataclass(frozen=True, slots=True)
class StoredKey:
    """A signing key and what it is for (``purpose``: "terms", "intention", "vendor:<id>"...)."""

    key: SigningKey
    purpose: str
    created: datetime


def add(connection: Connection, key: SigningKey, *, purpose: str, created: datetime) -> None:
    connection.execute(
        "INSERT INTO signing_keys (kid, purpose, seed, created) VALUES (?, ?, ?, ?)",
        (key.kid, purpose, key.seed, created.isoformat()),
    )


def get(connection: Connection, kid: str) -> StoredKey | None:
    row = connection.execute(
        "SELECT seed, purpose, created FROM signing_keys WHERE kid = ?", (kid,)
    ).fetchone()
    if row is None:
        return None
    return StoredKey(SigningKey(bytes(row[0])), str(row[1]), datetime.fromisoformat(str(row[2])))


def latest_for(connection: Connection, purpose: str) -> StoredKey | None:
    row = connection.execute(
        "SELECT seed, purpose, created FROM signing_keys WHERE purpose = ? "
        "ORDER BY created DESC, rowid DESC LIMIT 1",
        (purpose,),
    ).fetchone()
    if row is None:
        return None
    return StoredKey(SigningKey(bytes(row[0])), str(row[1]), datetime.fromisoformat(str(row[2])))
