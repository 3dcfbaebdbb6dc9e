"""The home of whole-file writes and bounded reads: every file the core writes goes through here.

Writes follow chmod → write → fsync → rename → fsync(dir), so a crash leaves either the old or the
new file, never a torn one, and secrets are never readable by other users even for an instant.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import stat
import sys
from pathlib import Path

from wallet.errors import DiskFull, WalletError

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
# A full disk, a full quota, or a file-size limit (RLIMIT_FSIZE): the cure is the same, free space.
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def is_disk_full(exc: OSError) -> bool:
    return exc.errno in DISK_FULL_ERRNOS


def write_failure(exc: OSError, *, what: str) -> WalletError:
    """The one-line error for a failed write of ``what`` (say what was not written, and why)."""
    if is_disk_full(exc):
        return DiskFull(
            f"The disk is full (or a size limit was reached): {what} was not written and nothing "
            "was changed. Free some space and try again."
        )
    return WalletError(f"Could not write {what}: {exc.strerror or exc}. Nothing was changed.")


def ensure_private_dir(path: Path, *, claim: bool = False) -> None:
    """Create ``path`` and its missing parents, each new folder readable only by the user.

    Folders that already exist are left as they are (a backup in ``/tmp`` or ``~`` must not
    change who can read those), unless ``claim`` says ``path`` itself becomes ours (the vault's
    own folder), in which case it is made private too.
    """
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            continue  # made by someone else meanwhile: not ours to chmod
        os.chmod(folder, PRIVATE_DIR_MODE)  # the umask may have removed bits we asked for
    if claim and not missing:
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_DIR_MODE)
    if not path.is_dir():
        raise WalletError(f"{path} is not a folder; choose another location.")


def create_private_file(path: Path) -> None:
    """Create the empty file ``path`` with mode 0600; refuse if it already exists."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    try:
        os.fchmod(descriptor, PRIVATE_FILE_MODE)
    finally:
        os.close(descriptor)


def make_private(path: Path) -> None:
    """Take group and other permissions away from our own file ``path`` (if it exists)."""
    with contextlib.suppress(OSError):
        status = os.lstat(path)
        if stat.S_ISREG(status.st_mode) and status.st_mode & 0o077:
            os.chmod(path, PRIVATE_FILE_MODE)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# renameat2(2) swaps two paths in one step on Linux (glibc 2.28+); elsewhere it is missing.
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
_RENAMEAT2 = getattr(_LIBC, "renameat2", None)


def exchange_paths(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically; False where the system or file system cannot."""
    if _RENAMEAT2 is None:
        return False
    result = _RENAMEAT2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(first))


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably, with mode 0600.

    On any failure the temporary file is removed and ``path`` keeps its old content; a full disk
    raises :class:`DiskFull`, anything else a :class:`WalletError` naming the file.
    """
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
        try:
            os.fchmod(fd, PRIVATE_FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise write_failure(exc, what=str(path)) from exc
    fsync_dir(path.parent)


def read_bounded(path: Path, *, max_bytes: int, what: str) -> bytes:
    """The bytes of ``path``; files above ``max_bytes`` are refused as damaged or hostile."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise WalletError(f"Could not read the {what} {path}: {exc.strerror or exc}.") from exc
    if len(data) > max_bytes:
        raise WalletError(
            f"The {what} {path} is larger than {max_bytes} bytes, so it is not a valid {what}."
        )
    return data


def append_line_durably(path: Path, line: str) -> None:
    """Append one line to a private text file and fsync it (for the small pending-events file)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE)
    try:
        os.write(fd, (line.rstrip("\n") + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
