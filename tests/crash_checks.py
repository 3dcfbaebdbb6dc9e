"""What the crash harness expects of a vault after a kill, and the check that compares.

:class:`EpochState` is what the parent learned from its children's reports: every write they
*attempted* and every one that *returned* (a commit). :func:`check_epoch` reopens the vault and
says what does not hold:

* SQLCipher's page HMACs and SQLite's structure are sound;
* every reported commit is there (a field holds its last committed value or one attempted after
  it; intentions, broadcasts, consents, revocations and deliveries are stored as reported);
* the activity log's hash chain verifies;
* the vendors' record and the outbox agree: each message the vault marked delivered was accepted
  by its vendor, each message a vendor accepted is in the outbox with the same body, no webhook id
  was answered with a refusal, no logical message was queued twice (so none is accepted twice as
  a new message); after the final settling run, every message is delivered and accepted once;
* a passphrase change left a header that opens with the old or the new passphrase;
* a backup file is complete and restorable, or absent; a restore left the old vault or the new
  one at its place, and the old one intact wherever it was moved;
* files are 0600 and folders 0700, the folders backups and restores go into keep their mode; no
  temporary file or folder is left after a clean run.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.crash_vendor import VendorEntry, entries_by_id, read_vendor_log
from wallet.consents import ConsentBook
from wallet.errors import WalletError, WrongPassphrase
from wallet.intents import IntentionBook
from wallet.intents.book import KIND_INTENTION
from wallet.outbox import Outbox, OutboxRow
from wallet.vault.facade import HEADER_FILE, Vault, vault_exists

RESTORE_TEMP_PREFIX = ".vrm-restore-"
HEADER_TEMP_PREFIX = f".{HEADER_FILE}."
REPLACED_MARK = ".replaced-"
# Kinds of problems the CI test asserts in tests of their own (each with its owner).
LEFTOVER_KINDS = ("leftover-backup-temp", "leftover-restore-temp", "leftover-header-temp")
RESTORE_NOT_ATOMIC = "restore-not-atomic"
LEFTOVER_WORDS = {
    "leftover-backup-temp": "killed backups' .vrm-backup-* folders",
    "leftover-restore-temp": "killed restores' .vrm-restore-* folders",
    "leftover-header-temp": "killed header rewrites' .vault.json.<pid>.tmp files",
}
# The harness makes the folders backups and restores go into 0750: they must stay so.
SHARED_FOLDER_MODE = 0o750


@dataclass(slots=True)
class FieldTrack:
    """The values a field was given, in order, and the last one whose write returned."""

    attempts: list[str] = field(default_factory=list)
    committed: int = -1

    def allowed(self) -> list[str | None]:
        """What the field may hold now: its last committed value or any attempted after it."""
        if self.committed < 0:
            return [None, *self.attempts]
        return list(self.attempts[self.committed :])


@dataclass(slots=True)
class EpochState:
    """One vault's life in the harness: where it lives and what its children reported."""

    number: int
    root: Path
    passphrase: str
    recovery_key: str = ""
    vendor_log: Path = field(default=Path())
    passphrase_attempt: str | None = None
    passphrase_committed: bool = False
    header_before: bytes = b""
    fields: dict[str, FieldTrack] = field(default_factory=dict)
    intentions: set[str] = field(default_factory=set)
    broadcasts: set[str] = field(default_factory=set)
    consents: set[str] = field(default_factory=set)
    revocations: set[str] = field(default_factory=set)
    delivered: set[int] = field(default_factory=set)
    backups_attempted: set[str] = field(default_factory=set)
    backups_committed: set[str] = field(default_factory=set)
    backups_verified: set[str] = field(default_factory=set)
    restores_attempted: set[str] = field(default_factory=set)
    restores_committed: set[str] = field(default_factory=set)
    restores_verified: set[str] = field(default_factory=set)
    commits: int = 0

    @property
    def vault_dir(self) -> Path:
        return self.root / "vault"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def restores_dir(self) -> Path:
        return self.root / "restores"

    @property
    def scratch_dir(self) -> Path:
        return self.root / "scratch"

    def apply(self, event: list[Any]) -> None:
        """Take in one report of a child (``["attempt"|"commit", what, ...]``)."""
        if len(event) < 2 or event[0] not in ("attempt", "commit"):
            return
        committed = event[0] == "commit"
        what, args = event[1], event[2:]
        if what == "field":
            track = self.fields.setdefault(args[0], FieldTrack())
            if committed:
                # the value's last attempt is the one that returned
                track.committed = len(track.attempts) - 1 - track.attempts[::-1].index(args[1])
            else:
                track.attempts.append(args[1])
        elif what == "passphrase":
            self.passphrase_attempt = args[0]
            self.passphrase_committed = committed
        elif what == "backup":
            (self.backups_committed if committed else self.backups_attempted).add(args[0])
        elif what == "restore":
            (self.restores_committed if committed else self.restores_attempted).add(args[0])
        elif committed:
            self._apply_commit(what, args)
        if committed:
            self.commits += 1

    def _apply_commit(self, what: str, args: list[Any]) -> None:
        sets: dict[str, set[str]] = {
            "intention": self.intentions,
            "broadcast": self.broadcasts,
            "consent": self.consents,
            "revocation": self.revocations,
        }
        if what in sets:
            sets[what].add(args[0])
        elif what == "delivered":
            self.delivered.update(int(item) for item in args[0])


@dataclass(slots=True)
class Verdict:
    """What one check found, and what it counted."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    commits_checked: int = 0
    deliveries_checked: int = 0
    resends_deduplicated: int = 0
    backups_checked: list[str] = field(default_factory=list)
    restores_checked: list[str] = field(default_factory=list)
    passphrase: str = ""
    leftovers: list[str] = field(default_factory=list)

    def problem(self, kind: str, detail: str) -> None:
        self.problems.append((kind, detail))


def check_epoch(state: EpochState, *, final: bool = False) -> Verdict:
    """Reopen the epoch's vault and everything around it; see the module's docstring."""
    verdict = Verdict(passphrase=state.passphrase)
    if state.passphrase_attempt is not None:
        _check_passphrase(state, verdict)
    try:
        vault = Vault.open_with_recovery_key(state.vault_dir, state.recovery_key)
    except WalletError as exc:
        verdict.problem("open", f"the vault does not open after the kill: {exc}")
        return verdict
    with vault:
        _check_database(vault, verdict)
        _check_commits(vault, state, verdict)
        _check_deliveries(vault, state, verdict, final=final)
        report = vault.verify_activity()
        if not report.ok:
            verdict.problem("log-chain", f"entry {report.first_bad_seq}: {report.problem}")
    _check_backups(state, verdict)
    _check_restores(state, verdict)
    _check_modes(state, verdict)
    _check_leftovers(state, verdict, final=final)
    return verdict


def _check_passphrase(state: EpochState, verdict: Verdict) -> None:
    assert state.passphrase_attempt is not None
    old, new = state.passphrase, state.passphrase_attempt
    changed = (state.vault_dir / HEADER_FILE).read_bytes() != state.header_before
    if state.passphrase_committed and not changed:
        verdict.problem("lost-commit", "a passphrase change returned but the header is the old one")
    expected, other = (new, old) if changed else (old, new)
    for candidate in (expected, other):
        try:
            Vault.open_with_passphrase(state.vault_dir, candidate).lock()
        except WrongPassphrase:
            continue
        verdict.passphrase = candidate
        if candidate is other:
            verdict.problem("passphrase", "the header opens with the passphrase it should not")
        return
    verdict.problem("passphrase", "after a kill during a change, neither passphrase opens")


def _check_database(vault: Vault, verdict: Verdict) -> None:
    for problem in vault.integrity_problems():
        verdict.problem("integrity", problem)
    for (line,) in vault.reader.execute("PRAGMA integrity_check"):
        if line != "ok":
            verdict.problem("integrity", str(line))


def _check_commits(vault: Vault, state: EpochState, verdict: Verdict) -> None:
    stored = {snapshot.key: snapshot.value for snapshot in vault.fields.listing()}
    for key, track in state.fields.items():
        if stored.get(key) not in track.allowed():
            verdict.problem(
                "lost-commit",
                f"field {key} holds {stored.get(key)!r:.40}, not its last committed value",
            )
    intentions = {record.id for record in IntentionBook(vault).list()}
    for missing in sorted(state.intentions - intentions):
        verdict.problem("lost-commit", f"intention {missing} is gone")
    outbox = Outbox(vault).rows()
    queued = {row.subject for row in outbox if row.kind == KIND_INTENTION}
    for missing in sorted(state.broadcasts - queued):
        verdict.problem("lost-commit", f"the broadcast of {missing} queued nothing")
    consents = {row.id: row.status for row in ConsentBook(vault).rows()}
    for missing in sorted(state.consents - set(consents)):
        verdict.problem("lost-commit", f"consent {missing} is gone")
    for consent_id in sorted(state.revocations):
        if consents.get(consent_id) != "revoked":
            verdict.problem("lost-commit", f"consent {consent_id} is no longer revoked")
    statuses = {row.id: row.status for row in outbox}
    for item_id in sorted(state.delivered):
        if statuses.get(item_id) != "delivered":
            verdict.problem("lost-commit", f"outbox row {item_id} is no longer delivered")
    verdict.commits_checked = state.commits


def _check_deliveries(vault: Vault, state: EpochState, verdict: Verdict, *, final: bool) -> None:
    rows = Outbox(vault).rows()
    log = read_vendor_log(state.vendor_log)
    compare_outbox_with_vendor_log(rows, log, verdict, final=final)


def compare_outbox_with_vendor_log(
    rows: list[OutboxRow], log: list[VendorEntry], verdict: Verdict, *, final: bool
) -> None:
    """The delivery checks of :func:`check_epoch` (see the module's docstring)."""
    by_id = {row.webhook_id: row for row in rows}
    accepted = {wid: [e for e in items if e.accepted] for wid, items in entries_by_id(log).items()}
    for entry in log:
        if not entry.accepted:
            verdict.problem(
                "delivery",
                f"a vendor answered {entry.status} to {entry.path} ({entry.error[:80]})",
            )
    for webhook_id, entries in accepted.items():
        row = by_id.get(webhook_id)
        if not entries:
            continue
        verdict.resends_deduplicated += len(entries) - 1
        if row is None:
            verdict.problem(
                "delivery", f"a vendor accepted {webhook_id}, which is in no outbox row"
            )
            continue
        if {e.path for e in entries} != {urlsplit(row.url).path}:
            verdict.problem("delivery", f"{webhook_id} was accepted at another address")
        if {e.body_sha256 for e in entries} != {hashlib.sha256(row.body).hexdigest()}:
            verdict.problem("delivery", f"{webhook_id} was accepted with another body")
    for row in rows:
        if row.status == "delivered":
            verdict.deliveries_checked += 1
            if not accepted.get(row.webhook_id):
                verdict.problem("delivery", f"row {row.id} is delivered but no vendor accepted it")
        elif row.status in ("failed", "disabled") or final:
            verdict.problem(
                "delivery", f"row {row.id} ({row.kind}) is {row.status}: {row.last_error}"
            )
    twice = Counter((row.kind, row.vendor_id, row.subject) for row in rows)
    for (kind, vendor_id, subject), count in twice.items():
        if count > 1:
            verdict.problem("delivery", f"{kind} {subject} to {vendor_id} was queued {count} times")


def _open_and_check(directory: Path, recovery_key: str) -> str:
    """'' if the vault in ``directory`` opens and is sound, else what is wrong."""
    try:
        with Vault.open_with_recovery_key(directory, recovery_key) as vault:
            problems = vault.integrity_problems()
            if problems:
                return problems[0]
            report = vault.verify_activity()
            return "" if report.ok else f"log entry {report.first_bad_seq}: {report.problem}"
    except WalletError as exc:
        return str(exc)


def _check_backups(state: EpochState, verdict: Verdict) -> None:
    for name in sorted(state.backups_attempted - state.backups_verified):
        backup = state.backups_dir / name
        if not backup.exists():
            if name in state.backups_committed:
                verdict.problem("lost-commit", f"backup {name} returned but is gone")
            continue
        scratch = state.scratch_dir / f"restored-{name}"
        try:
            Vault.restore(backup, scratch, recovery_key=state.recovery_key)
            problem = _open_and_check(scratch, state.recovery_key)
        except WalletError as exc:
            problem = str(exc)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        if problem:
            verdict.problem("backup", f"backup {name} is there but not restorable: {problem}")
        verdict.backups_checked.append(name)


def _check_restores(state: EpochState, verdict: Verdict) -> None:
    for name in sorted(state.restores_attempted - state.restores_verified):
        target = state.restores_dir / name
        moved = sorted(state.restores_dir.glob(f"{name}{REPLACED_MARK}*"))
        for old in moved:
            problem = _open_and_check(old, state.recovery_key)
            if problem:
                verdict.problem("restore", f"the vault moved aside by a restore is hurt: {problem}")
        if vault_exists(target):
            problem = _open_and_check(target, state.recovery_key)
            if problem:
                verdict.problem("restore", f"a restored vault is hurt: {problem}")
        elif moved:
            verdict.problem(
                RESTORE_NOT_ATOMIC,
                "killed between the two renames of a forced restore: no vault at the target; "
                "the old one is in <target>.replaced-*, the new one in .vrm-restore-*",
            )
        elif name in state.restores_committed:
            verdict.problem("lost-commit", f"restore into {name} returned but it is gone")
        verdict.restores_checked.append(name)


def _role(folder: Path, state: EpochState) -> str:
    """What a folder is, in words that stay the same from one kill to the next."""
    if folder == state.vault_dir:
        return "the vault"
    if folder == state.backups_dir:
        return "the backups' folder"
    if folder.name.startswith(RESTORE_TEMP_PREFIX):
        return "a restore's staging folder"
    if REPLACED_MARK in folder.name:
        return "a vault moved aside by a restore"
    return "a restored vault"


def _check_modes(state: EpochState, verdict: Verdict) -> None:
    """Every folder the vault writes is 0700 and every file in it 0600; the folders it writes
    into (backups, restores: made 0750 by the harness) are left as they were."""
    for folder in (state.backups_dir, state.restores_dir):
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode != SHARED_FOLDER_MODE:
            verdict.problem(
                "chmod-parent",
                f"the folder a backup or restore wrote into became {mode:o} "
                f"(was {SHARED_FOLDER_MODE:o}): only the vault's own files may be chmod-ed",
            )
    folders = [state.vault_dir, *state.restores_dir.glob("*")]
    for folder in folders:
        with contextlib.suppress(FileNotFoundError):
            mode = stat.S_IMODE(folder.stat().st_mode)
            if mode != 0o700:
                verdict.problem("mode", f"{_role(folder, state)} is a folder of mode {mode:o}")
    files = [(state.backups_dir, path) for path in state.backups_dir.glob("*.vrmbackup")]
    for folder in folders:
        with contextlib.suppress(FileNotFoundError):
            files.extend((folder, path) for path in folder.iterdir() if path.is_file())
    for folder, path in files:
        with contextlib.suppress(FileNotFoundError):
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode != 0o600:
                name = "a backup file" if path.suffix == ".vrmbackup" else path.name
                verdict.problem("mode", f"{name} in {_role(folder, state)} is {mode:o}")


def leftovers(state: EpochState) -> dict[str, list[str]]:
    """Temporary files and folders left in the epoch's folders, by kind."""
    found: dict[str, list[str]] = {kind: [] for kind in LEFTOVER_KINDS}
    for folder in (state.backups_dir, state.restores_dir):
        for path in folder.glob(".vrm-*"):
            kind = "leftover-backup-temp"
            if path.name.startswith(RESTORE_TEMP_PREFIX):
                kind = "leftover-restore-temp"
            found[kind].append(f"{folder.name}/{path.name}")
    for folder in (state.vault_dir, *state.restores_dir.glob("[!.]*")):
        if folder.is_dir():
            for path in folder.glob(f"{HEADER_TEMP_PREFIX}*"):
                found["leftover-header-temp"].append(f"{folder.name}/{path.name}")
    return found


def _check_leftovers(state: EpochState, verdict: Verdict, *, final: bool) -> None:
    """Count temporary leftovers; after a clean run (``final``) any is a problem."""
    for kind, paths in leftovers(state).items():
        verdict.leftovers.extend(paths)
        if final and paths:
            verdict.problem(kind, f"{LEFTOVER_WORDS[kind]} left after a clean run")
