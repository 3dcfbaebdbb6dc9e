"""The home of whole-file writes and bounded reads: every file the core writes goes through here.

Writes follow chmod → write → fsync → rename → fsync(dir), so a crash leaves either the old or the
new file, never a torn one, and secrets are never readable by other users even for an instant.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from wallet.errors import WalletError

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) if needed, readable only by the user."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_DIR_MODE)


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
    """Replace ``path`` with ``data`` atomically and durably, with mode 0600."""
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
        raise WalletError(f"Could not write {path}: {exc.strerror or exc}.") from exc
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
