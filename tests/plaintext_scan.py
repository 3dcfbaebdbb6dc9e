"""Canaries and the scans that look for them (issue 11, item 8: no plaintext at rest, no secrets
in ``ps``).

A canary is a unique random string entered as personal data; if any of its byte forms (UTF-8,
UTF-16-LE, base64 at each of the three alignments, standard and URL-safe, and hex) turns up in a
file, that file holds the value in plaintext or trivially encoded. :func:`scan_tree` reads every
byte of every regular file below a folder; :func:`process_leaks` reads the command lines and
environments of the running processes.
"""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

CHUNK_BYTES = 1 << 20


def canary(label: str) -> str:
    """A value nothing else contains: ``vrm-canary-<label>-<24 random hex digits>``."""
    return f"vrm-canary-{label}-{secrets.token_hex(12)}"


def _base64_cores(data: bytes) -> Iterable[tuple[str, bytes]]:
    """The part of base64(``prefix`` + data + ``suffix``) fixed by ``data`` alone, for each of
    the three positions ``data`` can start at within a 3-byte group."""
    for offset in range(3):
        skip = (3 - offset) % 3  # bytes of data that share a group with the prefix
        groups = (len(data) - skip) // 3
        core = base64.b64encode(b"\0" * offset + data)[4 * ((offset + 2) // 3) :]
        core = core[: 4 * groups]
        yield f"base64+{offset}", core
        yield f"base64url+{offset}", core.replace(b"+", b"-").replace(b"/", b"_")


def byte_forms(value: str) -> dict[str, bytes]:
    """Every form in which ``value`` is looked for, by name."""
    utf8 = value.encode("utf-8")
    forms = {"utf-8": utf8, "utf-16-le": value.encode("utf-16-le"), "hex": utf8.hex().encode()}
    forms.update(_base64_cores(utf8))
    return forms


@dataclass(frozen=True, slots=True)
class Hit:
    """A canary found: where, which one, in what form."""

    path: Path
    label: str
    form: str


@dataclass(slots=True)
class ScanReport:
    """What a scan read and found."""

    bytes_scanned: int = 0
    files_scanned: int = 0
    hits: list[Hit] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)

    def add(self, other: ScanReport) -> None:
        self.bytes_scanned += other.bytes_scanned
        self.files_scanned += other.files_scanned
        self.hits.extend(other.hits)
        self.paths.extend(other.paths)


def _needles(canaries: dict[str, str]) -> list[tuple[str, str, bytes]]:
    return [
        (label, form, needle)
        for label, value in canaries.items()
        for form, needle in byte_forms(value).items()
    ]


def scan_file(path: Path, canaries: dict[str, str], report: ScanReport) -> None:
    """Look for every canary form in every byte of ``path`` (read in overlapping chunks)."""
    needles = _needles(canaries)
    overlap = max(len(needle) for _, _, needle in needles) - 1
    found: set[tuple[str, str]] = set()
    tail = b""
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                report.bytes_scanned += len(chunk)
                window = tail + chunk
                for label, form, needle in needles:
                    if needle in window:
                        found.add((label, form))
                tail = window[-overlap:]
    except (FileNotFoundError, PermissionError):
        return  # removed while we looked (a temp file), or not ours
    report.files_scanned += 1
    report.hits.extend(Hit(path, label, form) for label, form in sorted(found))


def scan_tree(
    root: Path,
    canaries: dict[str, str],
    *,
    skip: Iterable[Path] = (),
    changed_since: float | None = None,
    max_file_bytes: int | None = None,
) -> ScanReport:
    """Scan every regular file below ``root`` (symlinks not followed), except ``skip`` (files or
    folders); with ``changed_since``, only files modified since then (epoch seconds), and with
    ``max_file_bytes`` only files up to that size (for folders other programs share)."""
    skipped = {Path(path).resolve() for path in skip}
    report = ScanReport()
    for folder, folders, files in os.walk(root):
        here = Path(folder)
        folders[:] = [name for name in folders if (here / name).resolve() not in skipped]
        for name in files:
            path = here / name
            if path.resolve() in skipped or path.is_symlink() or not path.is_file():
                continue
            try:
                status = path.stat()
            except FileNotFoundError:
                continue
            if changed_since is not None and status.st_mtime < changed_since:
                continue
            if max_file_bytes is not None and status.st_size > max_file_bytes:
                continue
            scan_file(path, canaries, report)
            report.paths.append(path)
    return report


@dataclass(frozen=True, slots=True)
class ProcessLeak:
    """A secret seen in a process's command line or environment."""

    pid: int
    where: str  # "cmdline" or "environ"
    label: str


def process_leaks(
    secrets_by_label: dict[str, str], *, environ_labels: Iterable[str] | None = None
) -> list[ProcessLeak]:
    """Secrets visible in ``/proc/*/cmdline`` (all labels) or ``/proc/*/environ`` (the labels in
    ``environ_labels``; all by default) of every process we may read, as ``ps`` would show."""
    in_environ = set(secrets_by_label if environ_labels is None else environ_labels)
    leaks = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        for where in ("cmdline", "environ"):
            try:
                data = (entry / where).read_bytes()
            except OSError:
                continue  # gone, or another user's
            for label, value in secrets_by_label.items():
                if (where == "cmdline" or label in in_environ) and value.encode() in data:
                    leaks.append(ProcessLeak(int(entry.name), where, label))
    return leaks
