"""Private work folders of backups and restores, and what a killed run left in them.

A backup snapshots the database into ``.vrm-backup-<pid>-<random>`` beside its target, and a
restore unpacks into ``.vrm-restore-<pid>-<random>`` beside the vault, so the final renames stay
on one file system. Each work folder carries a marker file (:data:`WORK_MARKER`) from the moment
it is made. A run that is killed leaves its folder behind: encrypted, but a copy of the vault
nobody asked for. The next backup, restore or unlock removes such folders, and only those that
are certainly ours and certainly abandoned: the name pattern, owned by this user, holding our
marker and nothing but the files we put there, made by a process that no longer runs (or, for
folders named before the process id was in the name, untouched for a while).

Replacing a vault exchanges the work folder and the vault folder in one step, so the marker
travels into the restored vault and the *replaced* vault sits, without a marker, in the work
folder until it is renamed aside. The marker then says where it goes: if the run is killed in
between, the replaced vault is never removed, and the next unlock of the restored vault finishes
the move (:func:`finish_interrupted_restore`).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import stat
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from wallet.files import atomic_write_bytes, create_private_file

WorkKind = Literal["backup", "restore"]
WORK_MARKER = ".vrm-work"
REPLACED_MARK = ".replaced-"
_WORK_DIR_NAME = re.compile(r"\.vrm-(?:backup|restore)-(?:(?P<pid>[0-9]{1,10})-)?[a-z0-9_]{1,16}")
# What a backup or restore puts in its folder (the vault's files and the archive being written).
_OUR_FILES = re.compile(
    r"vault\.json|vault\.db(?:-wal|-shm|-journal)?|pending-events\.jsonl|backup\.zip"
    r"|\.vault\.json\.[0-9]+\.tmp|\.vrm-work(?:\.[0-9]+\.tmp)?"
)
_STRAY_TEMP_FILE = re.compile(r"\.vault\.json\.(?P<pid>[0-9]{1,10})\.tmp")
# A folder named without a process id is abandoned once nothing touched it for this long.
UNNAMED_STALE_SECONDS = 10 * 60
# Even a folder whose process id is in use again (ids are recycled) is abandoned after this.
NAMED_STALE_SECONDS = 24 * 3600


def make_work_dir(parent: Path, kind: WorkKind) -> Path:
    """A new private (0700) work folder in ``parent``, marked, named after this process."""
    folder = Path(tempfile.mkdtemp(dir=parent, prefix=f".vrm-{kind}-{os.getpid()}-"))
    create_private_file(folder / WORK_MARKER)
    return folder


def is_work_dir(folder: Path) -> bool:
    """True if ``folder`` is named like a work folder (a staging vault must not be tidied)."""
    return _WORK_DIR_NAME.fullmatch(folder.name) is not None


def remove_stale_work_dirs(parent: Path) -> list[Path]:
    """Remove the abandoned work folders in ``parent``; returns those removed. Never raises."""
    removed = []
    for folder in stale_work_dirs(parent):
        remove_work_dir(folder)
        if not folder.exists():
            removed.append(folder)
    return removed


def remove_work_dir(folder: Path) -> None:
    """Remove a work folder, its marker last: a removal cut short still reads as a work folder."""
    names: list[str] = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        names = [entry.name for entry in entries if entry.name != WORK_MARKER]
    for name in names:
        path = folder / name
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink()
    with contextlib.suppress(OSError):
        (folder / WORK_MARKER).unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()


def stale_work_dirs(parent: Path) -> list[Path]:
    """The abandoned work folders in ``parent`` that may be removed (see the module docstring)."""
    return [folder for folder in abandoned_work_dirs(parent) if _removable(folder)]


def abandoned_work_dirs(parent: Path) -> list[Path]:
    """Folders in ``parent`` named like work folders whose run is over, whatever they hold."""
    return [path for path, pid in _named_like(parent, _WORK_DIR_NAME) if _run_is_over(path, pid)]


def _named_like(directory: Path, pattern: re.Pattern[str]) -> list[tuple[Path, str | None]]:
    """The entries of ``directory`` whose whole name matches, with the process id in it."""
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return []
    return [
        (directory / name, match["pid"]) for name in names if (match := pattern.fullmatch(name))
    ]


def _run_is_over(folder: Path, pid_text: str | None) -> bool:
    try:
        status = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(status.st_mode) or status.st_uid != os.getuid():
        return False
    age = time.time() - status.st_mtime
    if pid_text is None:
        return age > UNNAMED_STALE_SECONDS
    pid = int(pid_text)
    if pid == os.getpid():
        return False  # this process is using it right now
    return age > NAMED_STALE_SECONDS or not _process_runs(pid)


def _removable(folder: Path) -> bool:
    """Holding only our files, and marked as a work folder unless it holds no vault header.

    A folder named the old way (before markers) counts as marked. One without marker but with a
    ``vault.json`` is the vault a restore swapped out (see the module docstring): never removed.
    """
    try:
        with os.scandir(folder) as entries:
            listed = [(entry.name, entry.is_file(follow_symlinks=False)) for entry in entries]
    except OSError:
        return False
    match = _WORK_DIR_NAME.fullmatch(folder.name)
    named_the_old_way = match is not None and match["pid"] is None
    names = {name for name, _ in listed}
    ours = named_the_old_way or WORK_MARKER in names or "vault.json" not in names
    return ours and all(is_file and _OUR_FILES.fullmatch(name) for name, is_file in listed)


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


def free_aside_name(directory: Path) -> Path:
    """``<directory>.replaced-<UTC time>``, with a number added if that name is taken."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        candidate = directory.with_name(f"{directory.name}{REPLACED_MARK}{stamp}{suffix}")
        if not candidate.exists():
            return candidate
    raise FileExistsError(errno.EEXIST, "too many replaced vaults in one second", str(directory))


def note_where_the_replaced_vault_goes(work: Path, aside: Path) -> None:
    """Write into the work folder's marker where the vault exchanged into it is to be moved."""
    record = {"work": work.name, "aside": aside.name}
    atomic_write_bytes(work / WORK_MARKER, json.dumps(record).encode("utf-8"))


def finish_interrupted_restore(vault_dir: Path) -> None:
    """Move aside the vault a killed restore left in its work folder; drop the marker. Quiet.

    Called when the vault in ``vault_dir`` is unlocked: a marker in it means a restore put it
    there, and names the work folder and the aside name for the vault it replaced.
    """
    marker = vault_dir / WORK_MARKER
    if is_work_dir(vault_dir) or not marker.exists():
        return  # a staging vault being proven keeps its marker
    with contextlib.suppress(OSError):
        move = _pending_move(vault_dir, marker)
        if move is not None:
            work, target = move
            os.replace(work, target if not target.exists() else free_aside_name(vault_dir))
    with contextlib.suppress(OSError):
        marker.unlink()


def _pending_move(vault_dir: Path, marker: Path) -> tuple[Path, Path] | None:
    """(work folder holding a replaced vault, where it goes), as the marker says, if still due."""
    try:
        record = json.loads(marker.read_bytes()[:4096])
        work = vault_dir.with_name(str(record["work"]))
        aside = str(record["aside"])
    except (ValueError, KeyError, TypeError):
        return None  # an empty marker: no vault was replaced
    if not is_work_dir(work) or REPLACED_MARK not in aside or "/" in aside:
        return None
    if not work.is_dir() or (work / WORK_MARKER).exists():
        return None  # already moved, or a copy (marked) rather than the replaced vault
    return work, vault_dir.with_name(aside)


def holds_a_replaced_vault(folder: Path) -> bool:
    """True for a work folder holding a vault but no marker: what a restore swapped out."""
    return (folder / "vault.json").exists() and not (folder / WORK_MARKER).exists()


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
