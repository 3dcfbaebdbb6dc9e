"""The only home of ``sqlcipher3``: opening, keying, transactions, backup and integrity checks.

The database is keyed with a random 256-bit key passed as raw hex (``x'..'``), which skips
SQLCipher's own PBKDF2: our key slots already did the slow derivation once, and a raw key keeps
every connection open under a millisecond. ``PRAGMA key`` cannot take bound parameters, so only
hex produced here from bytes is ever interpolated.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from wallet.errors import DatabaseError, WalletError

Connection = Any  # sqlcipher3 ships no type information
KEY_BYTES = 32
StorageError = sqlcipher3.Error


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("SQLCipher raw keys are 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def open_encrypted(path: Path, key: bytes) -> Connection:
    """An open, verified connection to the encrypted database at ``path`` (created if missing).

    Raises :class:`DatabaseError` if the key does not open the file.
    """
    connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=True)
    try:
        # SQLCipher logs HMAC failures to stderr on a wrong key; we report them ourselves.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(_key_pragma(key))
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed change survives a power cut, not only a killed process.
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA busy_timeout = 5000")
    except sqlcipher3.DatabaseError as exc:
        connection.close()
        raise DatabaseError(
            "The vault database could not be opened with its key: it is damaged or does not "
            f"belong to this header ({exc})."
        ) from None
    return connection


@contextlib.contextmanager
def transaction(connection: Connection) -> Iterator[Connection]:
    """One write transaction: committed if the block succeeds, rolled back on any exception."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    else:
        try:
            connection.execute("COMMIT")
        except sqlcipher3.Error as exc:
            with contextlib.suppress(sqlcipher3.Error):
                connection.execute("ROLLBACK")
            raise translate_error(exc) from exc


def translate_error(exc: Exception) -> WalletError:
    """A user-facing error for a storage failure."""
    text = str(exc)
    if "full" in text:
        return WalletError(
            "The disk is full: the change was not saved. Free some space and try again."
        )
    if "locked" in text or "busy" in text:
        return WalletError(
            "The vault is busy in another VRM Wallet window or process; try again in a moment."
        )
    if "readonly" in text:
        return WalletError("The vault is on a read-only disk: the change was not saved.")
    return DatabaseError(f"The vault database reported an error: {text}.")


def backup_encrypted(connection: Connection, target: Path, key: bytes) -> None:
    """Copy a consistent snapshot of the database to ``target``, encrypted with the same key."""
    destination = sqlcipher3.connect(str(target), isolation_level=None)
    try:
        destination.execute(_key_pragma(key))
        connection.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
    except sqlcipher3.Error as exc:
        raise translate_error(exc) from exc
    finally:
        destination.close()


def integrity_problems(connection: Connection) -> list[str]:
    """Problems found by SQLCipher's page HMAC check and SQLite's structural check (empty = ok)."""
    problems = [str(row[0]) for row in connection.execute("PRAGMA cipher_integrity_check")]
    quick = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
    return problems + [line for line in quick if line != "ok"]


def checkpoint(connection: Connection) -> None:
    """Fold the write-ahead log into the main file (before copying the file or closing)."""
    with contextlib.suppress(sqlcipher3.Error):
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
