"""SQL for the vault's own Ed25519 signing keys (seeds stored inside the encrypted database).

The same table keeps each intention's X25519 sealing key (:func:`add_sealing`), purpose
``sealing:<the intention's signing kid>``: offers coming back over the relay are sealed to it.
"""

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


def add_sealing(
    connection: Connection, *, kid: str, private: bytes, intention_kid: str, created: datetime
) -> None:
    """Keep an intention's X25519 private key (``kid``: its RFC 7638 thumbprint) beside the
    intention's signing key ``intention_kid``."""
    connection.execute(
        "INSERT INTO signing_keys (kid, purpose, seed, created) VALUES (?, ?, ?, ?)",
        (kid, f"sealing:{intention_kid}", private, created.isoformat()),
    )


def sealing_for(connection: Connection, intention_kid: str) -> bytes | None:
    """The X25519 private key of the intention signed by ``intention_kid``, if it has one."""
    row = connection.execute(
        "SELECT seed FROM signing_keys WHERE purpose = ?", (f"sealing:{intention_kid}",)
    ).fetchone()
    return None if row is None else bytes(row[0])
