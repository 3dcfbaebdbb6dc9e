"""How a vault comes to be open: created in a new folder, or its database opened after an unlock.

Both paths end with a database that has its schema, knows its vault id and has logged the event
in its activity log; a creation that fails part-way leaves nothing that looks like a vault. The
facade passes its own class as the ``factory`` that wraps the open connection
(:class:`wallet.vault.facade.Vault`), so this module never imports it.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from wallet import activity, crypto
from wallet.activity import ActivityEntry, ActivityEvent
from wallet.errors import DiskFull, WalletError
from wallet.files import ensure_private_dir, is_disk_full
from wallet.storage.connection import (
    Connection,
    StorageError,
    open_encrypted,
    transaction,
    translate_error,
)
from wallet.storage.migrations import migrate
from wallet.vault import slots, unlocking
from wallet.vault.binding import check_database_belongs, check_database_file, record_vault_id
from wallet.vault.header import VaultHeader, check_header_mac, now_utc, seal_header, write_header
from wallet.vault.layout import DATABASE_FILE, VaultPaths, refuse_existing_vault
from wallet.vault.recovery import format_recovery_key, new_recovery_secret
from wallet.vault.work_dirs import (
    finish_interrupted_restore,
    remove_stale_work_dirs,
    remove_stray_temp_files,
)

# Said when opening fails for lack of space: even a read-only command logs the unlock.
NOT_OPENED = (
    "the vault was not opened (unlocking is recorded in the activity log, which needs space)"
)


class LoggingVault(Protocol):
    """What this module needs of the vault it opens: logging inside a transaction."""

    def record(self, connection: Connection, event: ActivityEvent) -> ActivityEntry: ...


V = TypeVar("V", bound=LoggingVault)
VaultFactory = Callable[[VaultPaths, VaultHeader, bytes, Connection], V]


@dataclass(frozen=True, slots=True)
class NewVault:
    """A vault about to be written: its sealed header, its data key and its recovery key."""

    paths: VaultPaths
    header: VaultHeader
    data_key: bytes
    recovery_key: str


def new_vault(directory: Path, passphrase: str, *, kdf_target_seconds: float) -> NewVault:
    """Keys and header for a new vault in ``directory`` (nothing is written yet)."""
    paths = VaultPaths(Path(directory))
    refuse_existing_vault(paths)
    slots.check_passphrase_acceptable(passphrase)
    vault_id = str(uuid.uuid4())
    data_key = crypto.random_bytes(crypto.KEY_BYTES)
    recovery_secret = new_recovery_secret()
    cost = slots.calibrated_cost(target_seconds=kdf_target_seconds)
    header = seal_header(
        VaultHeader(
            vault_id=vault_id,
            created=now_utc(),
            database_file=DATABASE_FILE,
            slots=(
                slots.make_passphrase_slot(vault_id, data_key, passphrase, cost=cost),
                slots.make_recovery_slot(vault_id, data_key, recovery_secret),
            ),
        ),
        data_key,
    )
    return NewVault(paths, header, data_key, format_recovery_key(recovery_secret))


def write_new_vault(new: NewVault, factory: VaultFactory[V]) -> V:
    """Write ``new`` to disk and return it open; on failure, remove what was written."""
    made_folder = not new.paths.directory.exists()
    try:
        return _write(new, factory)
    except BaseException as exc:
        _remove_unfinished_vault(new.paths, remove_folder=made_folder)
        if isinstance(exc, OSError | DiskFull):
            raise _not_created(new.paths, exc) from exc
        raise


def _write(new: NewVault, factory: VaultFactory[V]) -> V:
    """Folder, database (schema, vault id, first log entry), then the header that marks it."""
    paths, header = new.paths, new.header
    ensure_private_dir(paths.directory, claim=True)
    connection = open_encrypted(paths.database, new.data_key, create=True)
    try:
        migrate(connection)
        vault = factory(paths, header, new.data_key, connection)
        with transaction(connection):
            record_vault_id(connection, header.vault_id)
            vault.record(connection, ActivityEvent(activity.VAULT_CREATED))
        # The header goes last: its presence is what marks the directory as a vault.
        write_header(paths.header, header)
    except StorageError as exc:
        connection.close()
        raise translate_error(
            exc, failed="the vault was not created", database=paths.database
        ) from exc
    except BaseException:
        connection.close()
        raise
    return vault


def open_unlocked(paths: VaultPaths, key: unlocking.SlotKey, factory: VaultFactory[V]) -> V:
    """Open the database with the unwrapped key, after checking that it is this vault's.

    Failed attempts recorded outside the database move into the activity log with the unlock;
    an interrupted restore is finished and stale temporary files beside the vault are removed.
    """
    header, data_key = key.header, key.unwrapped.data_key
    check_header_mac(header, data_key)
    check_database_file(paths.database)
    connection = open_encrypted(paths.database, data_key, create=False)
    try:
        unrecorded = check_database_belongs(connection, header.vault_id)
        migrate(connection)
        vault = factory(paths, header, data_key, connection)
        pending = unlocking.read_pending_events(paths)
        with transaction(connection):
            if unrecorded:
                record_vault_id(connection, header.vault_id)
            for event in pending:
                vault.record(connection, event)
            vault.record(connection, ActivityEvent(activity.VAULT_UNLOCKED, reason=key.method))
    except StorageError as exc:
        connection.close()
        raise translate_error(exc, failed=NOT_OPENED, database=paths.database) from exc
    except DiskFull as exc:
        connection.close()
        raise DiskFull(
            f"The disk is full: {NOT_OPENED}. Nothing was changed; free some space and try again."
        ) from exc
    except BaseException:
        connection.close()
        raise
    if pending:
        with contextlib.suppress(OSError):
            paths.pending.unlink()
    finish_interrupted_restore(paths.directory)
    remove_stale_work_dirs(paths.directory.parent)
    remove_stray_temp_files(paths.directory)
    return vault


def _remove_unfinished_vault(paths: VaultPaths, *, remove_folder: bool) -> None:
    """Undo a creation that failed part-way: a half-made vault must not look like a vault."""
    for leftover in (*paths.database_files(), paths.header):
        with contextlib.suppress(OSError):
            leftover.unlink()
    if remove_folder:
        with contextlib.suppress(OSError):
            paths.directory.rmdir()  # only if empty: never anything someone else put there


def _not_created(paths: VaultPaths, exc: OSError | DiskFull) -> WalletError:
    if isinstance(exc, DiskFull) or is_disk_full(exc):
        return DiskFull(
            f"The disk is full: the vault was not created in {paths.directory}, and nothing was "
            "left behind. Free some space and try again."
        )
    return WalletError(
        f"The vault was not created in {paths.directory} ({exc.strerror or exc}); nothing was "
        "left behind."
    )
