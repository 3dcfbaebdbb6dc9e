"""Private work folders of backups and restores, and the removal of those a killed run left.

A backup snapshots the database into ``.vrm-backup-<pid>-<random>`` beside its target, and a
restore unpacks into ``.vrm-restore-<pid>-<random>`` beside the vault, so the final rename stays
on one file system. A run that is killed leaves its folder behind: encrypted, but a copy of the
vault nobody asked for. The next backup, restore or unlock removes such folders, and only those
that are certainly ours and certainly abandoned: the name pattern, owned by this user, holding
nothing but the files we put there, and either made by a process that no longer runs or (for
folders named before the process id was in the name) untouched for a while.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import Literal

WorkKind = Literal["backup", "restore"]
_WORK_DIR_NAME = re.compile(r"\.vrm-(?:backup|restore)-(?:(?P<pid>[0-9]{1,10})-)?[a-z0-9_]{1,16}")
# What a backup or restore puts in its folder (the vault's files and the archive being written).
_OUR_FILES = re.compile(
    r"vault\.json|vault\.db(?:-wal|-shm|-journal)?|pending-events\.jsonl|backup\.zip"
    r"|\.vault\.json\.[0-9]+\.tmp"
)
# A folder named without a process id is abandoned once nothing touched it for this long.
UNNAMED_STALE_SECONDS = 10 * 60
# Even a folder whose process id is in use again (ids are recycled) is abandoned after this.
NAMED_STALE_SECONDS = 24 * 3600
_STRAY_TEMP_FILE = re.compile(r"\.vault\.json\.(?P<pid>[0-9]{1,10})\.tmp")


def make_work_dir(parent: Path, kind: WorkKind) -> Path:
    """A new private (0700) work folder in ``parent`` whose name says which process made it."""
    return Path(tempfile.mkdtemp(dir=parent, prefix=f".vrm-{kind}-{os.getpid()}-"))


def remove_stale_work_dirs(parent: Path) -> list[Path]:
    """Remove the abandoned work folders in ``parent``; returns those removed. Never raises."""
    removed = []
    for folder in stale_work_dirs(parent):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed


def stale_work_dirs(parent: Path) -> list[Path]:
    """The abandoned work folders in ``parent`` (see the module docstring for the rules)."""
    return [path for path, pid in _named_like(parent, _WORK_DIR_NAME) if _is_abandoned(path, pid)]


def _named_like(directory: Path, pattern: re.Pattern[str]) -> list[tuple[Path, str | None]]:
    """The entries of ``directory`` whose whole name matches, with the process id in it."""
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return []
    return [
        (directory / name, match["pid"]) for name in names if (match := pattern.fullmatch(name))
    ]


def _is_abandoned(folder: Path, pid_text: str | None) -> bool:
    try:
        status = os.lstat(folder)
        if not stat.S_ISDIR(status.st_mode) or status.st_uid != os.getuid():
            return False
        if not _holds_only_our_files(folder):
            return False
    except OSError:
        return False
    age = time.time() - status.st_mtime
    if pid_text is None:
        return age > UNNAMED_STALE_SECONDS
    pid = int(pid_text)
    if pid == os.getpid():
        return False  # this process is using it right now
    return age > NAMED_STALE_SECONDS or not _process_runs(pid)


def _holds_only_our_files(folder: Path) -> bool:
    with os.scandir(folder) as entries:
        return all(
            entry.is_file(follow_symlinks=False) and _OUR_FILES.fullmatch(entry.name)
            for entry in entries
        )


def _process_runs(pid: int) -> bool:
    if pid <= 0:
        return False  # 0 and negative numbers name process groups, never one process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, run by someone else
    except (OverflowError, OSError):
        return False
    return True


def stray_temp_files(directory: Path) -> list[Path]:
    """Header temp files (``.vault.json.<pid>.tmp``) left by a process that no longer runs."""
    return [
        path
        for path, pid in _named_like(directory, _STRAY_TEMP_FILE)
        if not _process_runs(int(pid or 0))
    ]


def remove_stray_temp_files(directory: Path) -> None:
    """Remove :func:`stray_temp_files` (a torn header write left them; the header is intact)."""
    for path in stray_temp_files(directory):
        with contextlib.suppress(OSError):
            path.unlink()
