"""The vault facade: the one API the CLI and the desktop app use.

A :class:`Vault` is an unlocked vault: it owns the SQLCipher connection, so all its methods must
be called from the thread that opened it (the desktop app keeps one worker thread for that).
Mutating methods log what they did in the activity log, in the same transaction, and return what
changed so a view can refresh only that.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from wallet import activity, crypto
from wallet.activity import ActivityEntry, ActivityEvent, VerifyReport
from wallet.activity import log as activity_log
from wallet.changes import ACTIVITY_LOGGED, NO_CHANGES, ChangeLog, Changes, Outcome, Part
from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.errors import (
    KeyringUnavailable,
    NotFound,
    VaultLocked,
    WalletError,
    WrongPassphrase,
)
from wallet.i18n import QT_TRANSLATE_NOOP
from wallet.keystore import KeyStore
from wallet.personal_data.book import PersonalData
from wallet.settings import VaultSettings, changed_settings
from wallet.storage import keys, settings_store
from wallet.storage.connection import (
    Connection,
    StorageError,
    checkpoint,
    integrity_problems,
    transaction,
    translate_error,
)
from wallet.vault import integrity, keyring_slot, opening, slots, unlocking
from wallet.vault.backup import RestoreResult, restore_backup, write_backup
from wallet.vault.header import (
    KeyringSlot,
    PassphraseSlot,
    VaultHeader,
    header_bytes,
    seal_header,
    write_header,
)
from wallet.vault.integrity import IntegrityReport
from wallet.vault.layout import (
    DATABASE_FILE,
    HEADER_FILE,
    PENDING_EVENTS_FILE,
    VaultPaths,
    remembered_on_device,
    vault_exists,
)

__all__ = [
    "DATABASE_FILE",
    "HEADER_FILE",
    "PENDING_EVENTS_FILE",
    "CreatedVault",
    "RestoreResult",
    "Vault",
    "remembered_on_device",
    "vault_exists",
]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class UnlockTimings:
    """How long the last unlock took: key derivation versus everything else."""

    kdf_seconds: float
    total_seconds: float

    @property
    def rest_seconds(self) -> float:
        return self.total_seconds - self.kdf_seconds


@dataclass(frozen=True, slots=True)
class CreatedVault:
    """A new, unlocked vault and its recovery key, to be shown to the user exactly once."""

    vault: Vault
    recovery_key: str


class Vault:
    """An unlocked vault. Use :meth:`create` or one of the ``open_with_*`` class methods."""

    def __init__(
        self, paths: VaultPaths, header: VaultHeader, data_key: bytes, connection: Connection
    ) -> None:
        self._paths = paths
        self._header = header
        self._data_key: bytes | None = data_key
        self._connection: Connection | None = connection
        self._genesis = activity.genesis_hash(header.vault_id)
        self.unlock_timings = UnlockTimings(0.0, 0.0)
        self._change_log = ChangeLog()  # what the running operation changed (vault thread)
        self._fields = PersonalData(self)

    # ----------------------------------------------------------------- creation and unlocking

    @classmethod
    def create(
        cls,
        directory: Path,
        passphrase: str,
        *,
        kdf_target_seconds: float = 0.5,
    ) -> CreatedVault:
        """Create a vault in ``directory``; returns it unlocked with its recovery key.

        ``kdf_target_seconds`` calibrates Argon2id to about that long on this machine (0 keeps
        the minimum defaults: 64 MiB, 3 iterations, 4 lanes).
        """
        new = opening.new_vault(directory, passphrase, kdf_target_seconds=kdf_target_seconds)
        return CreatedVault(opening.write_new_vault(new, cls), new.recovery_key)

    @classmethod
    def open_with_passphrase(cls, directory: Path, passphrase: str) -> Vault:
        """Unlock with the passphrase. Raises :class:`WrongPassphrase` and logs the attempt."""
        started = time.perf_counter()
        paths = VaultPaths(Path(directory))
        vault = cls._finish_unlock(paths, unlocking.with_passphrase(paths, passphrase), started)
        vault._extend_keyring_after_passphrase()
        return vault

    @classmethod
    def open_with_recovery_key(cls, directory: Path, recovery_key: str) -> Vault:
        """Unlock with the recovery key. Raises :class:`WrongRecoveryKey` and logs the attempt."""
        started = time.perf_counter()
        paths = VaultPaths(Path(directory))
        return cls._finish_unlock(paths, unlocking.with_recovery_key(paths, recovery_key), started)

    @classmethod
    def open_with_keyring(cls, directory: Path, keystore: KeyStore) -> Vault:
        """Unlock with the secret remembered in the OS keyring on this device."""
        started = time.perf_counter()
        paths = VaultPaths(Path(directory))
        return cls._finish_unlock(paths, unlocking.with_keyring(paths, keystore), started)

    @classmethod
    def _finish_unlock(cls, paths: VaultPaths, key: unlocking.SlotKey, started: float) -> Vault:
        vault = opening.open_unlocked(paths, key, cls)
        kdf_seconds = key.unwrapped.kdf_seconds
        vault.unlock_timings = UnlockTimings(kdf_seconds, time.perf_counter() - started)
        return vault

    @classmethod
    def reset_passphrase(cls, directory: Path, recovery_key: str, new_passphrase: str) -> Vault:
        """Set a new passphrase using the recovery key (for a forgotten passphrase)."""
        slots.check_passphrase_acceptable(new_passphrase)
        vault = cls.open_with_recovery_key(directory, recovery_key)
        try:
            vault._replace_passphrase_slot(new_passphrase, activity.PASSPHRASE_RESET)
        except BaseException:
            vault.lock()
            raise
        return vault

    # ----------------------------------------------------------------------------- state

    @property
    def directory(self) -> Path:
        return self._paths.directory

    @property
    def vault_id(self) -> str:
        return self._header.vault_id

    @property
    def fields(self) -> PersonalData:
        """The person's fields in this vault: ``vault.fields.set(key, value)`` and so on."""
        return self._fields

    @property
    def is_locked(self) -> bool:
        return self._connection is None

    @property
    def _db(self) -> Connection:
        if self._connection is None:
            raise VaultLocked("The vault is locked; unlock it first.")
        return self._connection

    @property
    def _key(self) -> bytes:
        if self._data_key is None:
            raise VaultLocked("The vault is locked; unlock it first.")
        return self._data_key

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with transaction(self._db) as connection:
                yield connection
        except StorageError as exc:
            raise translate_error(exc, database=self._paths.database) from exc

    def _log(self, event: ActivityEvent) -> ActivityEntry:
        with self._write() as connection:
            return self.record(connection, event)

    def lock(self) -> None:
        """Close the database and forget the key. Safe to call twice."""
        if self._connection is None:
            return
        with contextlib.suppress(WalletError):
            self._log(ActivityEvent(activity.VAULT_LOCKED))
        checkpoint(self._connection)
        self._connection.close()
        self._connection = None
        self._data_key = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.lock()

    # ------------------------------------------------------------------- header changes

    def _save_header(self, header: VaultHeader) -> None:
        sealed = seal_header(header, self._key)
        write_header(self._paths.header, sealed)
        self._header = sealed

    def _replace_passphrase_slot(self, new_passphrase: str, event_type: str) -> None:
        self._save_header(slots.with_new_passphrase(self._header, self._key, new_passphrase))
        self._log(ActivityEvent(event_type))

    def change_passphrase(self, current_passphrase: str, new_passphrase: str) -> Changes:
        """Replace the passphrase after checking the current one; only the header is rewritten."""
        slot = self._header.slot("passphrase")
        assert isinstance(slot, PassphraseSlot)
        slots.check_passphrase_acceptable(new_passphrase)
        try:
            slots.open_passphrase_slot(self.vault_id, slot, current_passphrase)
        except crypto.AuthenticationFailed:
            self._log(
                ActivityEvent(
                    activity.PASSPHRASE_CHANGED,
                    result=activity.NOT_COMPLETED,
                    reason="current passphrase was wrong",
                )
            )
            raise WrongPassphrase.worded(
                QT_TRANSLATE_NOOP(
                    "CoreError", "The current passphrase is wrong; the passphrase was not changed."
                )
            ) from None
        self._replace_passphrase_slot(new_passphrase, activity.PASSPHRASE_CHANGED)
        return self._changed(Part.HEADER, Part.ACTIVITY)

    def keyring_enabled(self) -> bool:
        """True if this vault can be unlocked from the OS keyring on this device."""
        return isinstance(self._header.slot("keyring"), KeyringSlot)

    def enable_keyring(self, keystore: KeyStore) -> Changes:
        """Remember the vault on this device through the OS keyring."""
        reason = keystore.unavailable_reason()
        if reason:
            self._log(
                ActivityEvent(
                    activity.KEYRING_ENABLED,
                    result=activity.NOT_COMPLETED,
                    reason="no secure keyring",
                )
            )
            raise KeyringUnavailable(reason)
        keyring_slot.remember(self._header, self._key, keystore, self._save_header)
        self._log(ActivityEvent(activity.KEYRING_ENABLED))
        return self._changed(Part.HEADER, Part.ACTIVITY)

    def disable_keyring(self, keystore: KeyStore) -> Changes:
        """Forget the vault on this device: remove the slot, then the keyring secret."""
        reason = keyring_slot.forget(self._header, keystore, self._save_header)
        if reason is None:
            return NO_CHANGES
        self._log(ActivityEvent(activity.KEYRING_DISABLED, reason=reason))
        return self._changed(Part.HEADER, Part.ACTIVITY)

    def _extend_keyring_after_passphrase(self) -> None:
        renewed = keyring_slot.renewed_after_passphrase(self._header)
        if renewed is not None:
            with contextlib.suppress(WalletError):
                self._save_header(renewed)

    # --------------------------------------------------- building blocks for features

    @property
    def reader(self) -> Connection:
        """The connection, for feature repositories' reads (same thread rules as the vault)."""
        return self._db

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction for a feature's changes; log them inside it with :meth:`record`."""
        with self._write() as connection:
            yield connection

    def record(self, connection: Connection, event: ActivityEvent) -> ActivityEntry:
        """Append ``event`` to the activity log inside the caller's :meth:`write` transaction."""
        entry = activity_log.append(connection, event, genesis=self._genesis)
        self._change_log.note(ACTIVITY_LOGGED)
        return entry

    def note_changed(self, *parts: Part, field_keys: tuple[str, ...] = ()) -> None:
        """Say that the running operation changed ``parts`` (feature books call this)."""
        self._change_log.note(Changes.of(*parts, field_keys=field_keys))

    def take_changes(self) -> Changes:
        """Everything noted since the last call (and forget it)."""
        return self._change_log.take()

    def perform(self, operation: Callable[[Vault], T]) -> Outcome[T]:
        """Run ``operation(self)`` and return its value with everything it changed.

        Changes noted before (by work that was not performed this way) are returned too, so
        that no view misses them.
        """
        value = operation(self)
        return Outcome(value, self.take_changes())

    def _changed(self, *parts: Part, field_keys: tuple[str, ...] = ()) -> Changes:
        """Note ``parts`` as changed and return them (the vault's own operations return them)."""
        changes = Changes.of(*parts, field_keys=field_keys)
        self._change_log.note(changes)
        return changes

    def new_signing_key(self, connection: Connection, *, purpose: str) -> SigningKey:
        """A fresh Ed25519 key stored in the vault (inside the caller's transaction)."""
        key = generate_signing_key()
        keys.add(connection, key, purpose=purpose, created=datetime.now(UTC))
        return key

    def signing_key(self, kid: str) -> SigningKey:
        """One of the vault's own signing keys, by its RFC 7638 thumbprint."""
        stored = keys.get(self._db, kid)
        if stored is None:
            raise NotFound(f"The vault has no signing key {kid}.")
        return stored.key

    def latest_signing_key(self, purpose: str) -> SigningKey | None:
        stored = keys.latest_for(self._db, purpose)
        return stored.key if stored else None

    # -------------------------------------------------------------------- activity log

    def activity_count(self, *, type_prefix: str | None = None, text: str | None = None) -> int:
        return activity_log.count(self._db, type_prefix=type_prefix, text=text)

    def activity_page(
        self,
        *,
        offset: int = 0,
        limit: int = -1,
        newest_first: bool = True,
        type_prefix: str | None = None,
        text: str | None = None,
    ) -> list[ActivityEntry]:
        return activity_log.page(
            self._db,
            offset=offset,
            limit=limit,
            newest_first=newest_first,
            type_prefix=type_prefix,
            text=text,
        )

    def activity_seqs(
        self,
        *,
        newest_first: bool = True,
        type_prefix: str | None = None,
        text: str | None = None,
    ) -> list[int]:
        """Entry numbers in display order, for views that fetch pages of entries on demand."""
        return activity_log.ordered_seqs(
            self._db, newest_first=newest_first, type_prefix=type_prefix, text=text
        )

    def activity_by_seqs(self, seqs: Sequence[int]) -> dict[int, ActivityEntry]:
        return activity_log.entries_by_seqs(self._db, seqs)

    def verify_activity(self) -> VerifyReport:
        """Check the whole hash chain; the check itself is logged afterwards."""
        report = activity_log.verify(self._db, genesis=self._genesis)
        if report.ok:
            self._log(ActivityEvent(activity.LOG_VERIFIED))
        return report

    # ------------------------------------------------------------------------ settings

    def settings(self) -> VaultSettings:
        return VaultSettings.model_validate(settings_store.load(self._db))

    def update_settings(self, **changes: Any) -> Changes:
        """Change some settings (validated); unknown names are refused."""
        merged = changed_settings(self.settings(), changes)
        with self._write() as connection:
            settings_store.save(connection, {name: getattr(merged, name) for name in changes})
            self.record(
                connection,
                ActivityEvent(activity.SETTINGS_CHANGED, reason=", ".join(sorted(changes))),
            )
        return self._changed(Part.SETTINGS, Part.ACTIVITY)

    # ------------------------------------------------------------------ backup, restore

    def backup(self, target: Path) -> Path:
        """Write an encrypted backup (header + database snapshot) to ``target``.

        The backup opens with the same passphrase or recovery key. The device-only keyring slot
        is left out, so a backup copied elsewhere cannot be opened by this device's keyring.
        See :func:`wallet.vault.backup.write_backup`.
        """
        portable = seal_header(
            self._header.model_copy(
                update={"slots": tuple(s for s in self._header.slots if s.type != "keyring")}
            ),
            self._key,
        )
        written = write_backup(
            self._db, header_bytes=header_bytes(portable), data_key=self._key, target=Path(target)
        )
        self._log(ActivityEvent(activity.BACKUP_CREATED))
        return written

    @staticmethod
    def restore(
        backup_file: Path,
        directory: Path,
        *,
        passphrase: str | None = None,
        recovery_key: str | None = None,
        force: bool = False,
    ) -> RestoreResult:
        """Restore a backup into ``directory`` (see :func:`wallet.vault.backup.restore_backup`)."""
        return restore_backup(
            Path(backup_file),
            Path(directory),
            passphrase=passphrase,
            recovery_key=recovery_key,
            force=force,
        )

    def check_integrity(self) -> IntegrityReport:
        """Every integrity check on this open vault, changing nothing (see :mod:`integrity`)."""
        return integrity.check_unlocked(self._paths, self._header, self._key, self._db)

    def integrity_problems(self) -> list[str]:
        """SQLCipher and SQLite integrity checks (empty list = healthy)."""
        return integrity_problems(self._db)
