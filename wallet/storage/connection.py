"""The only home of ``sqlcipher3``: opening, keying, transactions, backup and integrity checks.

The database is keyed with a random 256-bit key passed as raw hex (``x'..'``), which skips
SQLCipher's own PBKDF2: our key slots already did the slow derivation once, and a raw key keeps
every connection open under a millisecond. ``PRAGMA key`` cannot take bound parameters, so only
hex produced here from bytes is ever interpolated.

Storage failures become one-line :class:`WalletError` messages chosen by SQLite's error code, not
by the wording of its message: a full disk says so, a damaged page says the vault is damaged.
Advice that names a command is a :class:`Wording`: the desktop says it without the command, the
CLI (``command_line_text``) with it.
"""

from __future__ import annotations

import contextlib
import os
import resource
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from wallet.errors import DatabaseError, DiskFull, WalletError, Wording
from wallet.files import create_private_file, make_private

Connection = Any  # sqlcipher3 ships no type information
KEY_BYTES = 32
StorageError = sqlcipher3.Error
# How many problems PRAGMA integrity_check lists at most (the first ones tell the story).
MAX_INTEGRITY_PROBLEMS = 20

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


DAMAGED_ADVICE = Wording(
    "Nothing was changed. Check the vault to see what is damaged, and restore it from a backup "
    "if the check finds problems.",
    "Nothing was changed. Run `vrm-wallet-cli check` to see what is damaged, and restore the "
    "vault from a backup if it finds problems.",
)
CHECK_THE_DISK = Wording(
    "Check the disk, then check the vault.", "Check the disk, then run `vrm-wallet-cli check`."
)


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("SQLCipher raw keys are 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _uri(path: Path, *, mode: str) -> str:
    return f"file:{urllib.parse.quote(str(path.absolute()))}?mode={mode}"


def open_encrypted(
    path: Path, key: bytes, *, create: bool = True, read_only: bool = False
) -> Connection:
    """An open, verified connection to the encrypted database at ``path``.

    A missing file is created with mode 0600 when ``create`` is true; otherwise it is refused,
    never silently replaced by a new empty database. ``read_only`` connections (for checks)
    cannot change the database. Raises :class:`DatabaseError` if the key does not open the
    file and :class:`DiskFull` if the disk is full.
    """
    if create and not read_only and not path.exists():
        create_private_file(path)  # SQLite would create it world-readable (0644 under umask 022)
    try:
        connection = sqlcipher3.connect(
            _uri(path, mode="ro" if read_only else "rw"),
            uri=True,
            isolation_level=None,
            check_same_thread=True,
        )
    except sqlcipher3.Error as exc:
        raise _open_error(exc, path) from None
    try:
        # SQLCipher logs HMAC failures to stderr on a wrong key; we report them ourselves.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(_key_pragma(key))
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not read_only:
            connection.execute("PRAGMA journal_mode = WAL")
            # FULL: a committed change survives a power cut, not only a killed process.
            connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA busy_timeout = 5000")
    except sqlcipher3.Error as exc:
        connection.close()
        raise _open_error(exc, path) from None
    for companion in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        make_private(companion)  # SQLite gives these the main file's mode; older vaults had 0644
    return connection


def _open_error(exc: sqlcipher3.Error, path: Path) -> WalletError:
    code = _primary_code(exc)
    if code == SQLITE_NOTADB:
        return DatabaseError(
            "The vault database could not be opened with its key: it is damaged or does not "
            f"belong to this header ({exc}). Nothing was changed; restore the vault from a backup."
        )
    if code == SQLITE_CANTOPEN:
        return DatabaseError(
            f"The vault database could not be opened ({exc}): check that it is a file you may "
            "read and write, on a disk that is mounted. Nothing was changed."
        )
    return translate_error(exc, failed="the vault was not opened", database=path)


# SQLite's fixed texts for its result codes (sqlite3_errstr), for the few errors that reach us
# without a code (the backup API raises them so).
_CODES_BY_TEXT = {
    "database or disk is full": SQLITE_FULL,
    "disk I/O error": SQLITE_IOERR,
    "database is locked": SQLITE_BUSY,
    "database table is locked": SQLITE_LOCKED,
    "attempt to write a readonly database": SQLITE_READONLY,
    "database disk image is malformed": SQLITE_CORRUPT,
    "file is not a database": SQLITE_NOTADB,
    "unable to open database file": SQLITE_CANTOPEN,
}
# Below this much free space, an I/O error while writing is taken to be the full disk it
# almost certainly is (SQLite reports some ENOSPC cases, like growing its -shm file, as I/O).
NEARLY_FULL_BYTES = 1024 * 1024


def _primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    return _CODES_BY_TEXT.get(str(exc))


def _out_of_space(path: Path) -> bool:
    """True if the folder of ``path`` has (almost) no space left, or a file-size limit is set."""
    soft_limit, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    if soft_limit != resource.RLIM_INFINITY:
        return True  # EFBIG looks like an I/O error to SQLite
    try:
        status = os.statvfs(path.parent)
    except OSError:
        return False
    return status.f_bavail * status.f_frsize < NEARLY_FULL_BYTES


@contextlib.contextmanager
def transaction(connection: Connection) -> Iterator[Connection]:
    """One write transaction: committed if the block succeeds, rolled back on any exception.

    Storage errors (a failed COMMIT included) propagate as ``StorageError``; the vault turns them
    into messages with :func:`translate_error`.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        with contextlib.suppress(sqlcipher3.Error):  # SQLite may have rolled back already
            connection.execute("ROLLBACK")
        raise
    else:
        try:
            connection.execute("COMMIT")
        except sqlcipher3.Error:
            with contextlib.suppress(sqlcipher3.Error):
                connection.execute("ROLLBACK")
            raise  # the caller knows what failed and translates (see translate_error)


def translate_error(
    exc: Exception, *, failed: str = "the change was not saved", database: Path | None = None
) -> WalletError:
    """A user-facing one-line error for a storage failure; ``failed`` says what did not happen.

    Given the ``database`` path, a "read-only" failure on a file that can be written is told as
    what it is: SQLCipher stops every write on a connection after a page failed its HMAC.
    """
    code = _primary_code(exc)
    if code == SQLITE_IOERR and database is not None and _out_of_space(database):
        code = SQLITE_FULL
    if code == SQLITE_READONLY and database is not None and _writable(database):
        return DAMAGED_ADVICE.error(
            DatabaseError,
            before=f"The vault database is damaged: a page failed its integrity check, so "
            f"{failed} (SQLCipher refuses to write after that). ",
        )
    if code == SQLITE_FULL:
        return DiskFull(
            f"The disk is full (or a file-size limit was reached): {failed}, and nothing was "
            "changed. Free some space and try again."
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return WalletError(
            "The vault is busy in another VRM Wallet window or process; try again in a moment."
        )
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return WalletError(
            f"The vault's files cannot be written (read-only disk or permissions): {failed}."
        )
    if code == SQLITE_IOERR:
        return CHECK_THE_DISK.error(
            WalletError,
            before=f"The disk reported an error while VRM Wallet used the vault ({exc}): "
            f"{failed}. ",
        )
    if code == SQLITE_NOMEM:
        return WalletError(f"The computer ran out of memory: {failed}. Close some programs.")
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DAMAGED_ADVICE.error(
            DatabaseError, before=f"The vault database is damaged ({exc}). "
        )
    return DatabaseError(f"The vault database reported an error: {exc}; {failed}.")


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def damaged_pages(connection: Connection) -> list[str]:
    """The pages failing SQLCipher's HMAC check (reads every page; empty = none)."""
    return [str(row[0]) for row in connection.execute("PRAGMA cipher_integrity_check")]


def backup_encrypted(connection: Connection, target: Path, key: bytes) -> None:
    """Copy a consistent snapshot of the database to a new ``target`` (0600), same key.

    The source's pages are checked first: SQLite's backup would copy a page that fails its HMAC
    without a word, making a damaged backup that looks whole.
    """
    try:
        damaged = damaged_pages(connection)
    except sqlcipher3.Error as exc:
        raise _backup_error(exc, target) from exc
    if damaged:
        raise DAMAGED_ADVICE.error(
            DatabaseError,
            before=f"The backup was not written: {len(damaged)} page(s) of the vault database "
            "fail their integrity check, so the vault is damaged. ",
        )
    create_private_file(target)
    try:
        destination = sqlcipher3.connect(_uri(target, mode="rw"), uri=True, isolation_level=None)
    except sqlcipher3.Error as exc:
        raise translate_error(exc, failed="the backup was not written", database=target) from exc
    try:
        destination.execute(_key_pragma(key))
        connection.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
    except sqlcipher3.Error as exc:
        raise _backup_error(exc, target) from exc
    finally:
        destination.close()


def _backup_error(exc: sqlcipher3.Error, target: Path) -> WalletError:
    # The backup reads every page of the vault: an unreadable page is the vault's damage, not the
    # target's (SQLite reports some of those as a failure to write the copy).
    if _primary_code(exc) not in (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseError(
            f"The backup was not written: a page of the vault database could not be read ({exc}),"
            f" so the vault is damaged. {DAMAGED_ADVICE}"
        )
    return translate_error(exc, failed="the backup was not written", database=target)


def integrity_problems(connection: Connection, *, thorough: bool = False) -> list[str]:
    """Problems found by SQLCipher's page HMAC check and SQLite's structural check (empty = ok).

    ``thorough`` runs SQLite's full ``integrity_check`` (indexes against tables too) instead of
    the quicker ``quick_check``. A check that cannot even run reports why, as a problem.
    """
    problems: list[str] = []
    structural = "integrity_check" if thorough else "quick_check"
    for pragma in ("cipher_integrity_check", f"{structural}({MAX_INTEGRITY_PROBLEMS})"):
        try:
            rows = [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}")]
        except sqlcipher3.Error as exc:
            problems.append(f"{pragma.split('(')[0]} could not run: {exc}")
            continue
        problems.extend(row for row in rows if row != "ok")
    return problems


def checkpoint(connection: Connection) -> None:
    """Fold the write-ahead log into the main file (before copying the file or closing)."""
    with contextlib.suppress(sqlcipher3.Error):
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
