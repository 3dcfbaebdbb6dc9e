"""The header binds the database: a vault opens only with *its* database, never an empty new one.

SQLCipher keyed with the right key opens an empty or missing file as a brand-new database, so a
deleted, emptied or swapped ``vault.db`` would otherwise unlock as an empty vault (and a backup
with an empty database would "restore" over a real one). Before anything is read or written, the
file must exist and be plausibly a database, and once keyed it must hold the vault's tables and
name the header's vault id. The id is kept in the settings table (``vault_id``); vaults created
before it was recorded are recognised by their activity log, whose first entry links to a genesis
hash made from the vault id, and get the id recorded at that unlock.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from wallet.activity import genesis_hash
from wallet.errors import DatabaseError, Wording
from wallet.storage.connection import Connection, StorageError, translate_error

VAULT_ID_SETTING = "vault_id"
# Tables every vault has had since schema 1; a database without them is not a vault's.
REQUIRED_TABLES = frozenset({"settings", "fields", "activity", "activity_head"})
# One SQLCipher page: a vault database (or its write-ahead log) is never smaller.
MIN_DATABASE_BYTES = 4096
RESTORE_ADVICE = Wording(
    "Nothing was changed; restore the vault from a backup.",
    "Nothing was changed; restore the vault from a backup (`vrm-wallet-cli restore`).",
)


def check_database_file(path: Path) -> None:
    """Refuse a database file that is missing, not a file, empty or too short, before keying it.

    A short main file is fine when its write-ahead log holds the pages (a vault killed before
    its first checkpoint), so the log's size counts too.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise RESTORE_ADVICE.error(
            DatabaseError,
            before=f"The vault database {path} is missing: the header is here but your data is "
            "not. ",
        ) from None
    except OSError as exc:
        raise DatabaseError(f"The vault database {path} cannot be read: {exc.strerror}.") from None
    if not stat.S_ISREG(status.st_mode):
        raise RESTORE_ADVICE.error(
            DatabaseError,
            before=f"The vault database {path} is not a file (it is a folder or a device). ",
        )
    size = status.st_size + _size_or_zero(Path(f"{path}-wal"))
    if size == 0:
        raise RESTORE_ADVICE.error(
            DatabaseError,
            before=f"The vault database {path} is empty (0 bytes): it holds none of your data. ",
        )
    if size < MIN_DATABASE_BYTES:
        raise RESTORE_ADVICE.error(
            DatabaseError,
            before=f"The vault database {path} is too short ({size} bytes) to be a vault "
            "database: it was truncated or replaced. ",
        )


def _size_or_zero(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def check_database_belongs(connection: Connection, vault_id: str) -> bool:
    """Refuse a keyed database that is not the vault ``vault_id``'s; reads only.

    Returns True when the database is the vault's but does not record its id yet (a vault from
    before the binding): the caller records it with :func:`record_vault_id` in its next write.
    """
    try:
        tables = {str(row[0]) for row in connection.execute("SELECT name FROM sqlite_master")}
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version < 1 or not tables >= REQUIRED_TABLES:
            raise RESTORE_ADVICE.error(
                DatabaseError,
                before="The vault database opens with this vault's key but is not this vault's "
                "database (it has none of the vault's tables): it was emptied or replaced. ",
            )
        recorded = _recorded_vault_id(connection)
        if recorded is not None:
            if recorded != vault_id:
                raise RESTORE_ADVICE.error(
                    DatabaseError,
                    before="The vault database belongs to another vault (its vault id differs "
                    "from the header's): the files were mixed up. ",
                )
            return False
        first = connection.execute("SELECT prev_hash FROM activity ORDER BY seq LIMIT 1").fetchone()
    except StorageError as exc:
        raise translate_error(exc, failed="the vault was not opened") from exc
    if first is None or str(first[0]) != genesis_hash(vault_id):
        raise RESTORE_ADVICE.error(
            DatabaseError,
            before="The vault database is not this vault's database (it holds no record of this "
            "vault). ",
        )
    return True


def _recorded_vault_id(connection: Connection) -> str | None:
    row = connection.execute(
        "SELECT value FROM settings WHERE key = ?", (VAULT_ID_SETTING,)
    ).fetchone()
    if row is None:
        return None
    try:
        value = json.loads(str(row[0]))
    except ValueError:
        return ""  # unreadable: certainly not the header's id
    return value if isinstance(value, str) else ""


def record_vault_id(connection: Connection, vault_id: str) -> None:
    """Write the vault id into the database, inside the caller's write transaction."""
    connection.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (VAULT_ID_SETTING, json.dumps(vault_id)),
    )
