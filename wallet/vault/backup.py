"""Backup files: writing one from an unlocked vault, and restoring one without risking the vault.

A backup is a zip archive of exactly two stored members: the vault header (without the device-only
keyring slot) and a consistent snapshot of the encrypted database. It is written in a private
work folder beside the target and renamed into place, so the target is either the old file or
the whole new backup. A restore treats the file as hostile: it checks the archive's shape,
unpacks into a work folder, and proves that the backup opens with the given secret and is a whole
vault (header bound to its database, pages intact) before anything at the destination moves; an
existing vault is moved aside, never deleted. Killed runs leave work folders that the next run
removes (:mod:`wallet.vault.work_dirs`).
"""

from __future__ import annotations

import contextlib
import lzma
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.errors import BackupError, InvalidInput, VaultExists, Wording
from wallet.files import (
    atomic_write_bytes,
    create_private_file,
    ensure_private_dir,
    exchange_paths,
    fsync_dir,
    write_failure,
)
from wallet.i18n import QT_TRANSLATE_NOOP
from wallet.storage.connection import Connection, backup_encrypted, integrity_problems
from wallet.vault.header import MAX_HEADER_BYTES, parse_header
from wallet.vault.layout import DATABASE_FILE, HEADER_FILE, PENDING_EVENTS_FILE, vault_exists
from wallet.vault.work_dirs import (
    WORK_MARKER,
    WorkKind,
    free_aside_name,
    make_work_dir,
    note_where_the_replaced_vault_goes,
    remove_stale_work_dirs,
    remove_work_dir,
)

if TYPE_CHECKING:
    from wallet.vault.facade import Vault

BACKUP_MEMBERS = (HEADER_FILE, DATABASE_FILE)
MAX_BACKUP_DATABASE_BYTES = 16 * 1024**3
# An encrypted database does not compress: a database member that inflates to more than twice
# its packed size is a decompression bomb, not a backup (the header, JSON, is bounded apart).
MAX_DATABASE_INFLATION = 2
INFLATION_SLACK_BYTES = 64 * 1024
# We write stored members; deflate is accepted for a backup someone re-packed with a zip tool.
ACCEPTED_COMPRESSION = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_ENCRYPTED_FLAG = 0x1
_COPY_CHUNK = 1024 * 1024
# What the standard library may raise on a damaged or hostile archive while reading it.
_ARCHIVE_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    struct.error,
    zlib.error,
    lzma.LZMAError,
)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """Where the vault was restored and where the replaced vault (if any) was moved."""

    directory: Path
    replaced_moved_to: Path | None


def write_backup(
    connection: Connection, *, header_bytes: bytes, data_key: bytes, target: Path
) -> Path:
    """Write the backup archive to ``target`` (0600) atomically; returns ``target``.

    Only folders this creates are made private; the folder given is left as it is.
    """
    target = Path(target)
    if target.is_dir():
        raise InvalidInput(f"{target} is a directory; give a file name for the backup.")
    what = f"the backup {target}"
    work = _fresh_work_dir(target.parent, "backup", what=what)
    try:
        snapshot = work / DATABASE_FILE
        backup_encrypted(connection, snapshot, data_key)
        archive = work / "backup.zip"
        create_private_file(archive)
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as bundle:
            bundle.writestr(HEADER_FILE, header_bytes)
            bundle.write(snapshot, DATABASE_FILE)
        with open(archive, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(archive, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise write_failure(exc, what=what) from exc
    finally:
        remove_work_dir(work)
    return target


def restore_backup(
    backup_file: Path,
    directory: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    force: bool = False,
) -> RestoreResult:
    """Restore a backup into ``directory`` after proving it is a whole vault the secret opens.

    An existing vault there is never overwritten: without ``force`` this refuses; with it, the
    current vault is moved aside (the returned path) rather than deleted. Nothing at
    ``directory`` changes unless the backup passed every check.
    """
    directory = Path(directory)
    if (passphrase is None) == (recovery_key is None):
        raise InvalidInput.worded(
            QT_TRANSLATE_NOOP(
                "CoreError", "Give either the backup's passphrase or its recovery key."
            )
        )
    if vault_exists(directory) and not force:
        raise Wording(
            "confirm to replace it (the current vault is moved aside, not deleted).",
            "confirm with --force (the current vault is moved aside, not deleted).",
        ).error(
            VaultExists,
            before=f"A vault already exists in {directory}. Restoring would replace it; ",
        )
    if directory.is_dir() and not vault_exists(directory) and any(directory.iterdir()):
        raise VaultExists.worded(
            QT_TRANSLATE_NOOP(
                "CoreError",
                "{folder} is not empty and holds no vault; restore into an empty or new "
                "folder instead. Nothing was changed.",
            ),
            folder=directory,
        )
    what = f"the restored vault in {directory}"
    staging = _fresh_work_dir(directory.parent, "restore", what=what)
    try:
        extract_backup(Path(backup_file), staging)
        _prove_whole_vault(staging, passphrase=passphrase, recovery_key=recovery_key)
    except OSError as exc:
        remove_work_dir(staging)
        raise write_failure(exc, what=what) from exc
    except BaseException:
        remove_work_dir(staging)
        raise
    return RestoreResult(directory, _move_into_place(staging, directory, what=what))


def _fresh_work_dir(parent: Path, kind: WorkKind, *, what: str) -> Path:
    """A new work folder in ``parent`` (made if missing), after removing abandoned ones."""
    try:
        ensure_private_dir(parent)
        remove_stale_work_dirs(parent)
        return make_work_dir(parent, kind)
    except OSError as exc:
        raise write_failure(exc, what=what) from exc


def _prove_whole_vault(staging: Path, *, passphrase: str | None, recovery_key: str | None) -> None:
    """Open the unpacked backup (header MAC, binding, schema) and check every page's HMAC."""
    from wallet.vault.facade import Vault  # the vault module builds on this one

    restored: Vault
    if passphrase is not None:
        restored = Vault.open_with_passphrase(staging, passphrase)
    else:
        assert recovery_key is not None
        restored = Vault.open_with_recovery_key(staging, recovery_key)
    with restored:
        problems = integrity_problems(restored.reader)
        if problems:
            raise BackupError(
                f"The backup is damaged ({problems[0]}); nothing was changed. Use another backup."
            )
        with restored.write() as connection:
            restored.record(connection, ActivityEvent(activity.VAULT_RESTORED))
    with contextlib.suppress(OSError):
        (staging / PENDING_EVENTS_FILE).unlink()


def _move_into_place(staging: Path, directory: Path, *, what: str) -> Path | None:
    """Put the proven vault in ``staging`` at ``directory``; returns where a replaced vault went.

    Replacing a vault is one atomic exchange of the two folders (the target holds the old vault
    or the new one at every instant), then the old vault, now in the work folder, is renamed
    aside. The work folder's marker, which the exchange carries into the restored vault, says
    where it goes, so that if this process is killed in between, the next unlock finishes the
    move and nothing ever removes that vault (:mod:`wallet.vault.work_dirs`). Where folders cannot
    be exchanged, the old vault is renamed aside first.
    """
    try:
        if not directory.exists() or (directory.is_dir() and not any(directory.iterdir())):
            with contextlib.suppress(FileNotFoundError):
                directory.rmdir()
            os.replace(staging, directory)
            _drop_marker(directory)
            return None
        aside = free_aside_name(directory)
        note_where_the_replaced_vault_goes(staging, aside)
        exchanged = exchange_paths(staging, directory)
    except OSError as exc:
        remove_work_dir(staging)
        raise write_failure(exc, what=what) from exc
    if not exchanged:
        _replace_in_two_renames(staging, directory, aside, what=what)
    else:
        try:
            os.replace(staging, aside)  # the old vault, which the exchange put in the work folder
        except OSError as exc:
            raise BackupError(
                f"The backup was restored into {directory}, but the vault it replaced could not "
                f"be moved to {aside} ({exc.strerror}); it is safe in {staging} and is moved "
                "there at the next unlock."
            ) from exc
    _drop_marker(directory)
    return aside


def _drop_marker(directory: Path) -> None:
    """The restored vault is in place: its work-folder marker has served."""
    with contextlib.suppress(OSError):
        (directory / WORK_MARKER).unlink()
    fsync_dir(directory.parent)


def _replace_in_two_renames(staging: Path, directory: Path, aside: Path, *, what: str) -> None:
    """The fallback where folders cannot be exchanged: old vault aside, then the new one in."""
    try:
        os.replace(directory, aside)
    except OSError as exc:
        remove_work_dir(staging)
        raise write_failure(exc, what=what) from exc
    try:
        os.replace(staging, directory)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.replace(aside, directory)  # put the old vault back
        remove_work_dir(staging)
        raise write_failure(exc, what=what) from exc


def extract_backup(backup_file: Path, staging: Path) -> None:
    """Check a backup archive's shape and unpack its two members into ``staging``.

    Everything is refused with a :class:`BackupError` (or :class:`HeaderError` for the header's
    content) before any key derivation: other members, encrypted members, unknown compression,
    oversize members, damaged data.
    """
    try:
        bundle = zipfile.ZipFile(backup_file)
    except FileNotFoundError:
        raise BackupError.worded(
            QT_TRANSLATE_NOOP("CoreError", "The backup file {file} does not exist."),
            file=backup_file,
        ) from None
    except IsADirectoryError:
        raise BackupError.worded(
            QT_TRANSLATE_NOOP("CoreError", "{file} is a folder, not a backup file."),
            file=backup_file,
        ) from None
    except (OSError, *_ARCHIVE_ERRORS) as exc:
        raise BackupError(f"{backup_file} is not a VRM Wallet backup ({_reason(exc)}).") from None
    with bundle:
        infos = _checked_members(bundle, backup_file)
        try:
            header = bundle.read(infos[HEADER_FILE])
            parse_header(header, source="backup's vault header")
            atomic_write_bytes(staging / HEADER_FILE, header)
            _copy_member(bundle, infos[DATABASE_FILE], staging / DATABASE_FILE)
        except _ARCHIVE_ERRORS as exc:
            raise BackupError(
                f"The backup {backup_file} is damaged ({_reason(exc)}); nothing was changed."
            ) from None


def _checked_members(bundle: zipfile.ZipFile, backup_file: Path) -> dict[str, zipfile.ZipInfo]:
    infos = bundle.infolist()
    if sorted(info.filename for info in infos) != sorted(BACKUP_MEMBERS):
        raise BackupError.worded(
            QT_TRANSLATE_NOOP(
                "CoreError", "{file} is not a VRM Wallet backup (unexpected contents)."
            ),
            file=backup_file,
        )
    for info in infos:
        if info.flag_bits & _ENCRYPTED_FLAG:
            raise BackupError(
                f"{backup_file} is not a VRM Wallet backup: its {info.filename} is encrypted with "
                "a zip password (VRM Wallet backups are encrypted inside, never by zip)."
            )
        if info.compress_type not in ACCEPTED_COMPRESSION:
            raise BackupError(
                f"{backup_file} is not a VRM Wallet backup: its {info.filename} uses a "
                "compression method VRM Wallet does not read (only stored or deflated)."
            )
    by_name = {info.filename: info for info in infos}
    database = by_name[DATABASE_FILE]
    if (
        by_name[HEADER_FILE].file_size > MAX_HEADER_BYTES
        or database.file_size > MAX_BACKUP_DATABASE_BYTES
    ):
        raise BackupError(f"{backup_file} is not a VRM Wallet backup (member too large).")
    if database.file_size > database.compress_size * MAX_DATABASE_INFLATION + INFLATION_SLACK_BYTES:
        raise BackupError(
            f"{backup_file} is not a VRM Wallet backup: its database would inflate to "
            f"{database.file_size} bytes from {database.compress_size}, which no encrypted "
            "database does."
        )
    return by_name


def _copy_member(bundle: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    """Copy one member to a new private file, never more bytes than its declared size."""
    create_private_file(target)
    remaining = info.file_size
    with bundle.open(info) as source, open(target, "wb") as out:
        while chunk := source.read(min(_COPY_CHUNK, remaining + 1)):
            remaining -= len(chunk)
            if remaining < 0:
                raise zipfile.BadZipFile("a member is larger than it says")
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def _reason(exc: BaseException) -> str:
    """A short, single-line reason from a library exception (its text may come from the file)."""
    text = " ".join(str(exc).split())[:120]
    return text or type(exc).__name__
