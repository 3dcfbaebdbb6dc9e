"""The vault facade: the one API the CLI and the desktop app use.

A :class:`Vault` is an unlocked vault: it owns the SQLCipher connection, so all its methods must
be called from the thread that opened it (the desktop app keeps one worker thread for that).
Mutating methods log what they did in the activity log, in the same transaction, and return what
changed so a view can refresh only that.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import tempfile
import time
import uuid
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from wallet import activity, crypto, slots
from wallet.activity import ActivityEntry, ActivityEvent, VerifyReport
from wallet.crypto.signing import SigningKey, generate_signing_key
from wallet.errors import (
    BackupError,
    HeaderError,
    InvalidInput,
    KeyringUnavailable,
    NotFound,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WalletError,
    WrongPassphrase,
    WrongRecoveryKey,
)
from wallet.files import append_line_durably, atomic_write_bytes, ensure_private_dir, fsync_dir
from wallet.header import (
    KeyringSlot,
    PassphraseSlot,
    RecoverySlot,
    VaultHeader,
    check_header_mac,
    header_bytes,
    now_utc,
    parse_header,
    read_header,
    seal_header,
    write_header,
)
from wallet.keystore import SERVICE as KEYRING_SERVICE
from wallet.keystore import KeyStore, KeyStoreError
from wallet.personal_data import (
    FieldInput,
    FieldSnapshot,
    HistoryEntry,
    default_label,
    parse_category,
    standard_field,
    validate_key,
    validate_label,
    validate_value,
)
from wallet.recovery import format_recovery_key, new_recovery_secret, parse_recovery_key
from wallet.settings import VaultSettings
from wallet.storage import activity_log, fields, keys, settings_store
from wallet.storage.connection import (
    Connection,
    StorageError,
    backup_encrypted,
    checkpoint,
    integrity_problems,
    open_encrypted,
    transaction,
    translate_error,
)
from wallet.storage.fields import FieldQuery
from wallet.storage.migrations import migrate

HEADER_FILE = "vault.json"
DATABASE_FILE = "vault.db"
PENDING_EVENTS_FILE = "pending-events.jsonl"
MAX_PENDING_EVENTS = 1_000
BACKUP_MEMBERS = (HEADER_FILE, DATABASE_FILE)
MAX_BACKUP_DATABASE_BYTES = 16 * 1024**3
# An import of more fields than this is logged with their number instead of their names.
MAX_NAMED_IMPORTED_FIELDS = 100
UnlockMethod = Literal["passphrase", "recovery key", "keyring"]


@dataclass(frozen=True, slots=True)
class Changes:
    """What a mutation changed: the views showing these parts should refresh."""

    field_keys: tuple[str, ...] = ()
    fields_changed: bool = False
    settings_changed: bool = False
    header_changed: bool = False
    activity_changed: bool = True


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


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """Where the vault was restored and where the replaced vault (if any) was moved."""

    directory: Path
    replaced_moved_to: Path | None


@dataclass(slots=True)
class _Paths:
    directory: Path
    header: Path = field(init=False)
    database: Path = field(init=False)
    pending: Path = field(init=False)

    def __post_init__(self) -> None:
        self.header = self.directory / HEADER_FILE
        self.database = self.directory / DATABASE_FILE
        self.pending = self.directory / PENDING_EVENTS_FILE


def vault_exists(directory: Path) -> bool:
    """True if ``directory`` holds a vault (its header is the marker)."""
    return (Path(directory) / HEADER_FILE).exists()


def remembered_on_device(directory: Path) -> bool:
    """True if the vault in ``directory`` has a keyring slot ("remember on this device").

    Reads only the header, without any key, so an unlock screen can offer the keyring button.
    Having the slot does not prove the keyring still holds the secret; unlocking will tell.
    A missing vault is simply not remembered; a damaged header raises :class:`HeaderError`.
    """
    try:
        header = read_header(Path(directory) / HEADER_FILE)
    except FileNotFoundError:
        return False
    return isinstance(header.slot("keyring"), KeyringSlot)


def _load_header(paths: _Paths) -> VaultHeader:
    try:
        return read_header(paths.header)
    except FileNotFoundError:
        raise VaultNotFound(
            f"There is no vault in {paths.directory}. Create one with `vrm-wallet-cli init` "
            "or choose another location."
        ) from None


def _record_failed_unlock(paths: _Paths, *, method: UnlockMethod, reason: str) -> None:
    """Remember a failed unlock outside the database (which cannot be opened without the key).

    Only the time, method and reason are written, never what was typed; the next successful
    unlock moves these into the activity log.
    """
    try:
        if paths.pending.exists() and paths.pending.stat().st_size > MAX_PENDING_EVENTS * 256:
            return  # someone is hammering the vault: keep the file bounded
        line = json.dumps({"at": now_utc().isoformat(), "method": method, "reason": reason})
        append_line_durably(paths.pending, line)
    except OSError:
        pass  # failing to record a failure must not hide the failure itself


def _read_pending_events(paths: _Paths) -> list[ActivityEvent]:
    try:
        lines = paths.pending.read_text(encoding="utf-8").splitlines()[:MAX_PENDING_EVENTS]
    except (FileNotFoundError, OSError, UnicodeDecodeError):
        return []
    events = []
    for line in lines:
        try:
            record = json.loads(line)
            at = datetime.fromisoformat(str(record["at"]))
            method = str(record["method"])[:40]
            reason = str(record["reason"])[:200]
        except (ValueError, KeyError, TypeError):
            continue  # a torn or forged line is not worth failing an unlock over
        events.append(
            ActivityEvent(
                activity.VAULT_UNLOCK_FAILED,
                result=activity.NOT_COMPLETED,
                reason=f"{method}: {reason}",
                at=at if at.tzinfo else at.replace(tzinfo=UTC),
            )
        )
    return events


class Vault:
    """An unlocked vault. Use :meth:`create` or one of the ``open_with_*`` class methods."""

    def __init__(
        self, paths: _Paths, header: VaultHeader, data_key: bytes, connection: Connection
    ) -> None:
        self._paths = paths
        self._header = header
        self._data_key: bytes | None = data_key
        self._connection: Connection | None = connection
        self._genesis = activity.genesis_hash(header.vault_id)
        self.unlock_timings = UnlockTimings(0.0, 0.0)

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
        paths = _Paths(Path(directory))
        if paths.header.exists() or paths.database.exists():
            raise VaultExists(
                f"{paths.directory} already contains a vault; nothing was changed. Choose another "
                "location, or restore/remove that vault first."
            )
        slots.check_passphrase_acceptable(passphrase)
        ensure_private_dir(paths.directory)
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
        connection = open_encrypted(paths.database, data_key)
        try:
            migrate(connection)
            vault = cls(paths, header, data_key, connection)
            vault._log(ActivityEvent(activity.VAULT_CREATED))
            # The header goes last: its presence is what marks the directory as a vault.
            write_header(paths.header, header)
        except BaseException:
            connection.close()
            for leftover in (
                paths.database,
                Path(f"{paths.database}-wal"),
                Path(f"{paths.database}-shm"),
            ):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise
        return CreatedVault(vault, format_recovery_key(recovery_secret))

    @classmethod
    def open_with_passphrase(cls, directory: Path, passphrase: str) -> Vault:
        """Unlock with the passphrase. Raises :class:`WrongPassphrase` and logs the attempt."""
        started = time.perf_counter()
        paths = _Paths(Path(directory))
        header = _load_header(paths)
        slot = header.slot("passphrase")
        if not isinstance(slot, PassphraseSlot):
            raise HeaderError("The vault header has no passphrase slot; it is damaged.")
        try:
            unwrapped = slots.open_passphrase_slot(header.vault_id, slot, passphrase)
        except crypto.AuthenticationFailed:
            _record_failed_unlock(paths, method="passphrase", reason="wrong passphrase")
            raise WrongPassphrase(
                "The passphrase is wrong. Nothing was changed; check Caps Lock and the keyboard "
                "layout, or use your recovery key."
            ) from None
        vault = cls._finish_unlock(paths, header, unwrapped, "passphrase", started)
        vault._extend_keyring_after_passphrase()
        return vault

    @classmethod
    def open_with_recovery_key(cls, directory: Path, recovery_key: str) -> Vault:
        """Unlock with the recovery key. Raises :class:`WrongRecoveryKey` and logs the attempt."""
        started = time.perf_counter()
        paths = _Paths(Path(directory))
        header = _load_header(paths)
        slot = header.slot("recovery")
        if not isinstance(slot, RecoverySlot):
            raise HeaderError("The vault header has no recovery slot; it is damaged.")
        try:
            secret = parse_recovery_key(recovery_key)
            unwrapped = slots.open_recovery_slot(header.vault_id, slot, secret)
        except WrongRecoveryKey as exc:
            _record_failed_unlock(paths, method="recovery key", reason="malformed recovery key")
            raise exc from None
        except crypto.AuthenticationFailed:
            _record_failed_unlock(paths, method="recovery key", reason="wrong recovery key")
            raise WrongRecoveryKey(
                "This recovery key does not belong to this vault. Nothing was changed."
            ) from None
        return cls._finish_unlock(paths, header, unwrapped, "recovery key", started)

    @classmethod
    def open_with_keyring(cls, directory: Path, keystore: KeyStore) -> Vault:
        """Unlock with the secret remembered in the OS keyring on this device."""
        started = time.perf_counter()
        paths = _Paths(Path(directory))
        header = _load_header(paths)
        slot = header.slot("keyring")
        if not isinstance(slot, KeyringSlot):
            raise KeyringUnavailable("This vault is not remembered on this device.")
        if slots.keyring_passphrase_due(slot):
            raise KeyringUnavailable(
                "It has been a while since you typed your passphrase. Please type it now so you "
                "keep remembering it; this device will remember the vault again afterwards."
            )
        reason = keystore.unavailable_reason()
        if reason:
            raise KeyringUnavailable(reason)
        try:
            secret = keystore.load(slot.keyring_service, slot.keyring_username)
        except KeyStoreError as exc:
            raise KeyringUnavailable(str(exc)) from None
        if secret is None:
            _record_failed_unlock(paths, method="keyring", reason="secret missing from keyring")
            raise KeyringUnavailable(
                "The OS keyring no longer holds this vault's secret. Unlock with your passphrase."
            )
        try:
            unwrapped = slots.open_keyring_slot(header.vault_id, slot, secret)
        except crypto.AuthenticationFailed:
            _record_failed_unlock(paths, method="keyring", reason="keyring secret does not match")
            raise KeyringUnavailable(
                "The secret in the OS keyring does not open this vault. Unlock with your "
                "passphrase, then turn 'remember on this device' off and on again."
            ) from None
        return cls._finish_unlock(paths, header, unwrapped, "keyring", started)

    @classmethod
    def _finish_unlock(
        cls,
        paths: _Paths,
        header: VaultHeader,
        unwrapped: slots.Unwrapped,
        method: UnlockMethod,
        started: float,
    ) -> Vault:
        check_header_mac(header, unwrapped.data_key)
        connection = open_encrypted(paths.database, unwrapped.data_key)
        try:
            migrate(connection)
            vault = cls(paths, header, unwrapped.data_key, connection)
            pending = _read_pending_events(paths)
            with vault.write():
                for event in pending:
                    vault.record(connection, event)
                vault.record(connection, ActivityEvent(activity.VAULT_UNLOCKED, reason=method))
        except BaseException:
            connection.close()
            raise
        if pending:
            with contextlib.suppress(OSError):
                paths.pending.unlink()
        vault.unlock_timings = UnlockTimings(unwrapped.kdf_seconds, time.perf_counter() - started)
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
            raise translate_error(exc) from exc

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
        current = self._header.slot("passphrase")
        cost = current.kdf.cost if isinstance(current, PassphraseSlot) else None
        new_slot = slots.make_passphrase_slot(
            self.vault_id,
            self._key,
            new_passphrase,
            cost=cost or slots.calibrated_cost(target_seconds=0),
        )
        others = tuple(s for s in self._header.slots if s.type != "passphrase")
        self._save_header(self._header.model_copy(update={"slots": (new_slot, *others)}))
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
            raise WrongPassphrase(
                "The current passphrase is wrong; the passphrase was not changed."
            ) from None
        self._replace_passphrase_slot(new_passphrase, activity.PASSPHRASE_CHANGED)
        return Changes(header_changed=True)

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
        secret = crypto.random_bytes(crypto.KEY_BYTES)
        username = self.vault_id
        try:
            keystore.store(KEYRING_SERVICE, username, secret)
        except KeyStoreError as exc:
            raise KeyringUnavailable(str(exc)) from None
        new_slot = slots.make_keyring_slot(
            self.vault_id, self._key, secret, service=KEYRING_SERVICE, username=username
        )
        others = tuple(s for s in self._header.slots if s.type != "keyring")
        self._save_header(self._header.model_copy(update={"slots": (*others, new_slot)}))
        self._log(ActivityEvent(activity.KEYRING_ENABLED))
        return Changes(header_changed=True)

    def disable_keyring(self, keystore: KeyStore) -> Changes:
        """Forget the vault on this device: remove the slot, then the keyring secret."""
        slot = self._header.slot("keyring")
        if not isinstance(slot, KeyringSlot):
            return Changes(activity_changed=False)
        others = tuple(s for s in self._header.slots if s.type != "keyring")
        self._save_header(self._header.model_copy(update={"slots": others}))
        with contextlib.suppress(KeyStoreError):
            keystore.delete(slot.keyring_service, slot.keyring_username)
        self._log(ActivityEvent(activity.KEYRING_DISABLED))
        return Changes(header_changed=True)

    def _extend_keyring_after_passphrase(self) -> None:
        slot = self._header.slot("keyring")
        if isinstance(slot, KeyringSlot):
            renewed = slot.model_copy(
                update={
                    "passphrase_required_after": now_utc() + slots.KEYRING_PASSPHRASE_INTERVAL,
                }
            )
            updated = tuple(renewed if s.type == "keyring" else s for s in self._header.slots)
            with contextlib.suppress(WalletError):
                self._save_header(self._header.model_copy(update={"slots": updated}))

    # ------------------------------------------------------------------- personal data

    def set_field(
        self,
        key: str,
        value: str,
        *,
        label: str | None = None,
        category: str | int | None = None,
        sensitive: bool | None = None,
    ) -> Changes:
        """Create or update a field; options left ``None`` keep their current or default value."""
        validate_key(key)
        existing = fields.get(self._db, key)
        item = FieldInput(key, value, label=label, category=category, sensitive=sensitive)
        snapshot = _field_snapshot(item, existing, datetime.now(UTC))
        if existing is not None and _editable_parts(snapshot) == _editable_parts(existing):
            return Changes(activity_changed=False)
        event_type = activity.FIELD_CREATED if existing is None else activity.FIELD_UPDATED
        with self._write() as connection:
            _store_field(connection, snapshot, existing)
            self.record(connection, ActivityEvent(event_type, field_names=(key,)))
        return Changes(field_keys=(key,), fields_changed=True)

    def import_fields(self, items: Iterable[FieldInput]) -> Changes:
        """Create or update many fields in one transaction, logged as one ``data.imported`` entry.

        Each field follows :meth:`set_field`'s rules; one invalid field refuses the whole import
        and nothing is changed. The entry names the fields when there are at most
        :data:`MAX_NAMED_IMPORTED_FIELDS` of them, otherwise only how many there were.
        """
        now = datetime.now(UTC)
        stored: dict[str, None] = {}  # keys in order, without repeats
        with self._write() as connection:
            for item in items:
                try:
                    validate_key(item.key)
                    existing = fields.get(connection, item.key)
                    snapshot = _field_snapshot(item, existing, now)
                except InvalidInput as exc:
                    raise InvalidInput(f"Field {item.key!r}: {exc} Nothing was imported.") from None
                if existing is None or _editable_parts(snapshot) != _editable_parts(existing):
                    _store_field(connection, snapshot, existing)
                    stored[item.key] = None
            if not stored:
                return Changes(activity_changed=False)
            named = tuple(stored) if len(stored) <= MAX_NAMED_IMPORTED_FIELDS else ()
            self.record(
                connection,
                ActivityEvent(
                    activity.FIELDS_IMPORTED, field_names=named, reason=f"{len(stored)} fields"
                ),
            )
        return Changes(field_keys=named, fields_changed=True)

    def get_field(
        self, key: str, *, purpose: Literal["reveal", "copy", "edit"] = "reveal"
    ) -> FieldSnapshot:
        """A field with its value; revealing or copying is logged (the name, not the value)."""
        snapshot = fields.get(self._db, key)
        if snapshot is None:
            raise NotFound(f"There is no field {key!r}.")
        if purpose != "edit":
            event_type = activity.FIELD_REVEALED if purpose == "reveal" else activity.FIELD_COPIED
            self._log(ActivityEvent(event_type, field_names=(key,)))
        return snapshot

    def field_info(self, key: str) -> FieldSnapshot:
        """A field's label, category and dates without its value (nothing to log)."""
        snapshot = fields.get(self._db, key)
        if snapshot is None:
            raise NotFound(f"There is no field {key!r}.")
        return dataclasses.replace(snapshot, value=None)

    def delete_field(self, key: str) -> Changes:
        """Delete a field and its value history."""
        with self._write() as connection:
            if not fields.delete(connection, key):
                raise NotFound(f"There is no field {key!r}.")
            self.record(connection, ActivityEvent(activity.FIELD_DELETED, field_names=(key,)))
        return Changes(field_keys=(key,), fields_changed=True)

    def count_fields(self, *, category: int | None = None, search: str | None = None) -> int:
        return fields.count(self._db, FieldQuery(category, search))

    def list_fields(
        self,
        *,
        category: int | None = None,
        search: str | None = None,
        offset: int = 0,
        limit: int = -1,
    ) -> list[FieldSnapshot]:
        """Fields in key order; sensitive values are ``None`` (use :meth:`get_field`)."""
        return fields.page(self._db, offset=offset, limit=limit, query=FieldQuery(category, search))

    def field_row_ids(self, *, category: int | None = None, search: str | None = None) -> list[int]:
        """Row ids in display order, for views that fetch pages of rows on demand."""
        return fields.ordered_ids(self._db, FieldQuery(category, search))

    def fields_by_row_ids(self, row_ids: Sequence[int]) -> dict[int, FieldSnapshot]:
        return fields.rows_by_ids(self._db, row_ids)

    def search_fields(self, text: str, *, limit: int = 100) -> list[FieldSnapshot]:
        """Full-text search over keys, labels and values, best matches first."""
        return fields.search(self._db, text, limit=limit)

    def field_history(self, key: str) -> list[HistoryEntry]:
        if fields.get(self._db, key) is None:
            raise NotFound(f"There is no field {key!r}.")
        return fields.history(self._db, key)

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
        return activity_log.append(connection, event, genesis=self._genesis)

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
        unknown = set(changes) - set(VaultSettings.model_fields)
        if unknown:
            raise InvalidInput(f"Unknown setting(s): {', '.join(sorted(unknown))}.")
        try:
            merged = VaultSettings.model_validate({**self.settings().model_dump(), **changes})
        except ValidationError as exc:
            first = exc.errors()[0]
            name = ".".join(str(part) for part in first["loc"])
            raise InvalidInput(f"Invalid value for the setting {name}: {first['msg']}.") from None
        with self._write() as connection:
            settings_store.save(connection, {name: getattr(merged, name) for name in changes})
            self.record(
                connection,
                ActivityEvent(activity.SETTINGS_CHANGED, reason=", ".join(sorted(changes))),
            )
        return Changes(settings_changed=True)

    # ------------------------------------------------------------------ backup, restore

    def backup(self, target: Path) -> Path:
        """Write an encrypted backup (header + database snapshot) to ``target``.

        The backup opens with the same passphrase or recovery key. The device-only keyring slot
        is left out, so a backup copied elsewhere cannot be opened by this device's keyring.
        """
        target = Path(target)
        if target.exists() and target.is_dir():
            raise InvalidInput(f"{target} is a directory; give a file name for the backup.")
        portable = seal_header(
            self._header.model_copy(
                update={
                    "slots": tuple(s for s in self._header.slots if s.type != "keyring"),
                }
            ),
            self._key,
        )
        ensure_private_dir(target.parent)
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".vrm-backup-") as work:
            snapshot = Path(work) / DATABASE_FILE
            backup_encrypted(self._db, snapshot, self._key)
            archive = Path(work) / "backup.zip"
            with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as bundle:
                bundle.writestr(HEADER_FILE, header_bytes(portable))
                bundle.write(snapshot, DATABASE_FILE)
            with open(archive, "rb") as handle:
                os.fsync(handle.fileno())
            os.chmod(archive, 0o600)
            os.replace(archive, target)
        fsync_dir(target.parent)
        self._log(ActivityEvent(activity.BACKUP_CREATED))
        return target

    @staticmethod
    def restore(
        backup_file: Path,
        directory: Path,
        *,
        passphrase: str | None = None,
        recovery_key: str | None = None,
        force: bool = False,
    ) -> RestoreResult:
        """Restore a backup into ``directory`` after proving it opens with the given secret.

        An existing vault there is never overwritten: without ``force`` this refuses; with it, the
        current vault is moved aside (the returned path) rather than deleted.
        """
        directory = Path(directory)
        if (passphrase is None) == (recovery_key is None):
            raise InvalidInput("Give either the backup's passphrase or its recovery key.")
        if vault_exists(directory) and not force:
            raise VaultExists(
                f"A vault already exists in {directory}. Restoring would replace it; confirm with "
                "--force (the current vault is moved aside, not deleted)."
            )
        if directory.exists() and not vault_exists(directory):
            if any(directory.iterdir()):
                raise VaultExists(
                    f"{directory} is not empty and holds no vault; restore into an empty or new "
                    "folder instead. Nothing was changed."
                )
            directory.rmdir()
        ensure_private_dir(directory.parent)
        staging = Path(tempfile.mkdtemp(dir=directory.parent, prefix=".vrm-restore-"))
        try:
            _extract_backup(Path(backup_file), staging)
            if passphrase is not None:
                restored = Vault.open_with_passphrase(staging, passphrase)
            else:
                assert recovery_key is not None
                restored = Vault.open_with_recovery_key(staging, recovery_key)
            with restored:
                problems = integrity_problems(restored._db)
                if problems:
                    raise BackupError(f"The backup is damaged: {problems[0]}")
                restored._log(ActivityEvent(activity.VAULT_RESTORED))
            with contextlib.suppress(OSError):
                (staging / PENDING_EVENTS_FILE).unlink()
            moved_to = None
            if directory.exists():
                moved_to = directory.with_name(
                    f"{directory.name}.replaced-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}"
                )
                os.replace(directory, moved_to)
            os.replace(staging, directory)
            fsync_dir(directory.parent)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return RestoreResult(directory, moved_to)

    def integrity_problems(self) -> list[str]:
        """SQLCipher and SQLite integrity checks (empty list = healthy)."""
        return integrity_problems(self._db)


def _editable_parts(snapshot: FieldSnapshot) -> tuple[str, str | None, int, bool]:
    return snapshot.label, snapshot.value, snapshot.category, snapshot.sensitive


def _field_snapshot(
    item: FieldInput, existing: FieldSnapshot | None, now: datetime
) -> FieldSnapshot:
    """The field as it will be stored: validated, with defaults or current values filled in."""
    validate_value(item.value)
    standard = standard_field(item.key)
    if item.label is not None:
        label = validate_label(item.label)
    else:
        label = existing.label if existing else default_label(item.key)
    if item.category is not None:
        category = parse_category(item.category)
    else:
        category = existing.category if existing else (standard.category if standard else 1)
    if item.sensitive is not None:
        sensitive = item.sensitive
    else:
        sensitive = existing.sensitive if existing else bool(standard and standard.sensitive)
    return FieldSnapshot(
        key=item.key,
        label=label,
        value=item.value,
        category=category,
        sensitive=sensitive,
        created=existing.created if existing else now,
        updated=now,
    )


def _store_field(
    connection: Connection, snapshot: FieldSnapshot, existing: FieldSnapshot | None
) -> None:
    if existing is None:
        fields.insert(connection, snapshot)
    else:
        fields.update(connection, snapshot, value_changed=existing.value != snapshot.value)


def _extract_backup(backup_file: Path, staging: Path) -> None:
    """Unpack and sanity-check a backup archive into ``staging``."""
    try:
        bundle = zipfile.ZipFile(backup_file)
    except FileNotFoundError:
        raise BackupError(f"The backup file {backup_file} does not exist.") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(f"{backup_file} is not a VRM Wallet backup ({exc}).") from None
    with bundle:
        names = sorted(bundle.namelist())
        if names != sorted(BACKUP_MEMBERS):
            raise BackupError(f"{backup_file} is not a VRM Wallet backup (unexpected contents).")
        header_info = bundle.getinfo(HEADER_FILE)
        database_info = bundle.getinfo(DATABASE_FILE)
        if header_info.file_size > 64 * 1024 or database_info.file_size > MAX_BACKUP_DATABASE_BYTES:
            raise BackupError(f"{backup_file} is not a VRM Wallet backup (member too large).")
        try:
            parse_header(bundle.read(HEADER_FILE), source="backup's vault header")
            atomic_write_bytes(staging / HEADER_FILE, bundle.read(HEADER_FILE))
            with bundle.open(DATABASE_FILE) as source, open(staging / DATABASE_FILE, "wb") as out:
                shutil.copyfileobj(source, out)
                out.flush()
                os.fsync(out.fileno())
        except (zipfile.BadZipFile, OSError) as exc:
            raise BackupError(f"The backup {backup_file} is damaged ({exc}).") from None
