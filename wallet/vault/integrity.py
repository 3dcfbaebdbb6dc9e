"""The vault's integrity check: every file-level and database-level check, in plain language.

``vrm-wallet-cli check`` and the desktop's *Check vault…* both run these, and neither changes the
vault: the command line unwraps the data key and opens the database read-only; the desktop checks
the vault it has open. Each check gives a :class:`Finding` saying what was looked at, whether it
is fine, and what to do when it is not. The checks, in order:

1. the header parses (format, version, KDF bounds) and its MAC verifies with the data key;
2. the database file is there, a file, and not empty or truncated;
3. the database opens with the key and is *this* vault's (tables and vault id);
4. every page's HMAC (SQLCipher's ``cipher_integrity_check``) and SQLite's ``integrity_check``;
5. the schema version is one this app knows;
6. the activity log's hash chain verifies;
7. the outbox's waiting messages have their bodies, and references between tables hold;
8. no work folder of a killed backup or restore and no torn header write is left behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from wallet import activity
from wallet.activity import log as activity_log
from wallet.errors import WalletError, Wording, command_line_text
from wallet.storage.connection import (
    MAX_INTEGRITY_PROBLEMS,
    Connection,
    StorageError,
    open_encrypted,
    translate_error,
)
from wallet.storage.migrations import LATEST_VERSION, schema_version
from wallet.vault.binding import check_database_belongs, check_database_file
from wallet.vault.header import VaultHeader, check_header_mac, read_header
from wallet.vault.layout import VaultPaths, headerless_database_message, no_vault_here
from wallet.vault.unlocking import SlotKey
from wallet.vault.work_dirs import abandoned_work_dirs, holds_a_replaced_vault, stray_temp_files

RESTORE = Wording(
    "Restore the vault from a backup; keep this copy as evidence.",
    "Restore the vault from a backup (`vrm-wallet-cli restore`); keep this copy as evidence.",
)
# How many integrity problems a finding quotes (the count says how many there were).
QUOTED_PROBLEMS = 3


@dataclass(frozen=True, slots=True)
class Finding:
    """The result of one check: what was checked, whether it is fine, and what to do if not.

    ``cli_message`` and ``cli_advice`` say the same naming commands, where they do (else empty).
    """

    check: str
    ok: bool
    message: str
    advice: str = ""
    cli_message: str = ""
    cli_advice: str = ""

    def on_command_line(self) -> Finding:
        """The finding as the CLI says it."""
        message, advice = self.cli_message or self.message, self.cli_advice or self.advice
        return replace(self, message=message, advice=advice)


@dataclass(frozen=True, slots=True)
class IntegrityReport:
    """All findings for one vault; ``ok`` when every check passed."""

    directory: Path
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return all(finding.ok for finding in self.findings)

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if not finding.ok)


def check_vault(directory: Path, unlock: Callable[[VaultPaths], SlotKey]) -> IntegrityReport:
    """Check the vault in ``directory`` without changing it.

    ``unlock`` unwraps the data key (see :mod:`wallet.vault.unlocking`); a wrong secret raises as it
    would when unlocking, since nothing beyond the files can be checked without the key.
    """
    paths = VaultPaths(Path(directory))
    header_finding, header = _header_finding(paths)
    if header is None:
        findings = [header_finding, _file_finding(paths), _leftovers_finding(paths)]
        return IntegrityReport(paths.directory, tuple(findings))
    key = unlock(paths)
    file_finding = _file_finding(paths)
    findings = [header_finding, _mac_finding(header, key.unwrapped.data_key), file_finding]
    if file_finding.ok:
        findings.extend(_opened_database_findings(paths, header, key.unwrapped.data_key))
    findings.append(_leftovers_finding(paths))
    return IntegrityReport(paths.directory, tuple(findings))


def check_unlocked(
    paths: VaultPaths, header: VaultHeader, data_key: bytes, connection: Connection
) -> IntegrityReport:
    """Check a vault that is open (the desktop app's), through its own connection.

    The header is read again from disk, so an edit made while the vault was open is found.
    """
    header_finding, on_disk = _header_finding(paths)
    findings = [header_finding]
    if on_disk is not None:
        findings.append(_mac_finding(on_disk, data_key))
    findings.append(_file_finding(paths))
    findings.extend(_database_findings(connection, header.vault_id))
    findings.append(_leftovers_finding(paths))
    return IntegrityReport(paths.directory, tuple(findings))


def _header_finding(paths: VaultPaths) -> tuple[Finding, VaultHeader | None]:
    try:
        header = read_header(paths.header)
    except FileNotFoundError:
        if not paths.database.exists():
            raise no_vault_here(paths) from None
        return _needs_restore("header", headerless_database_message(paths)), None
    except WalletError as exc:
        return _needs_restore("header", exc), None
    return Finding("header", True, "The header is readable and its settings are safe."), header


def _mac_finding(header: VaultHeader, data_key: bytes) -> Finding:
    try:
        check_header_mac(header, data_key)
    except WalletError as exc:
        return _needs_restore("header integrity", exc)
    return Finding("header integrity", True, "The header has not been changed outside VRM Wallet.")


def _file_finding(paths: VaultPaths) -> Finding:
    try:
        check_database_file(paths.database)
    except WalletError as exc:
        return _needs_restore("database file", exc)
    return Finding("database file", True, "The database file is there and not truncated.")


def _opened_database_findings(
    paths: VaultPaths, header: VaultHeader, data_key: bytes
) -> list[Finding]:
    try:
        connection = open_encrypted(paths.database, data_key, create=False, read_only=True)
    except WalletError as exc:
        return [_needs_restore("database key", exc)]
    try:
        return [
            Finding("database key", True, "The database opens with the vault's key."),
            *_database_findings(connection, header.vault_id),
        ]
    finally:
        connection.close()


def _database_findings(connection: Connection, vault_id: str) -> list[Finding]:
    try:
        check_database_belongs(connection, vault_id)
    except WalletError as exc:
        return [_needs_restore("binding", exc)]
    findings = [Finding("binding", True, "The database is this vault's (same vault id).")]
    for check in (_pages, _structure, _schema, _activity_log, _outbox):
        try:
            findings.append(check(connection, vault_id))
        except StorageError as exc:
            reason = translate_error(exc, failed="this check could not finish")
            findings.append(_needs_restore(check.__name__.strip("_"), reason))
    return findings


def _pages(connection: Connection, vault_id: str) -> Finding:
    problems = [
        row[0] for row in _rows(connection, "PRAGMA cipher_integrity_check") if row[0] != "ok"
    ]
    if problems:
        return _needs_restore(
            "pages",
            f"{len(problems)} page(s) of the database fail their integrity check (HMAC): the file "
            f"was damaged on disk or edited ({_quoted(problems)}).",
        )
    return Finding("pages", True, "Every database page passes its integrity check (HMAC).")


def _structure(connection: Connection, vault_id: str) -> Finding:
    pragma = f"PRAGMA integrity_check({MAX_INTEGRITY_PROBLEMS})"
    problems = [row[0] for row in _rows(connection, pragma) if row[0] != "ok"]
    if problems:
        return _needs_restore(
            "structure",
            f"SQLite found {len(problems)} problem(s) in the database's structure "
            f"({_quoted(problems)}).",
        )
    return Finding("structure", True, "The database's tables and indexes are consistent.")


def _schema(connection: Connection, vault_id: str) -> Finding:
    version = schema_version(connection)
    if version > LATEST_VERSION:
        return Finding(
            "schema",
            False,
            f"The database was written by a newer VRM Wallet (schema {version}; this app knows "
            f"up to {LATEST_VERSION}).",
            "Update VRM Wallet, then check again.",
        )
    if version < LATEST_VERSION:
        return Finding(
            "schema",
            True,
            f"The database uses schema {version}; it is upgraded to {LATEST_VERSION} at the next "
            "unlock.",
        )
    return Finding("schema", True, f"The database uses the current schema ({version}).")


def _activity_log(connection: Connection, vault_id: str) -> Finding:
    report = activity_log.verify(connection, genesis=activity.genesis_hash(vault_id))
    if not report.ok:
        return Finding(
            "activity log",
            False,
            f"The activity log fails verification at {report.problem}; the {report.checked} "
            "entries before it are intact.",
            "Keep this vault and a backup as evidence; restore a backup to continue with an "
            "intact log.",
        )
    return Finding("activity log", True, f"The activity log verifies ({report.checked} entries).")


def _outbox(connection: Connection, vault_id: str) -> Finding:
    tables = {row[0] for row in _rows(connection, "SELECT name FROM sqlite_master")}
    if not {"outbox", "outbox_bodies"} <= tables:
        return Finding("outbox", True, "The outbox is checked once the vault has been upgraded.")
    broken_links = _rows(connection, "PRAGMA foreign_key_check")
    bodiless = _rows(
        connection,
        "SELECT count(*) FROM outbox o LEFT JOIN outbox_bodies b ON b.id = o.body_id "
        "WHERE o.status IN ('pending', 'delivering') AND b.id IS NULL",
    )[0][0]
    if broken_links or bodiless:
        where = sorted({str(row[0]) for row in broken_links})
        return _needs_restore(
            "outbox",
            f"{bodiless} message(s) waiting to be sent have lost their content, and "
            f"{len(broken_links)} reference(s) between tables are broken"
            + (f" (in {', '.join(where[:QUOTED_PROBLEMS])})." if where else "."),
        )
    waiting = _rows(
        connection, "SELECT count(*) FROM outbox WHERE status IN ('pending', 'delivering')"
    )[0][0]
    return Finding(
        "outbox", True, f"The outbox is consistent ({waiting} message(s) waiting to be sent)."
    )


def _leftovers_finding(paths: VaultPaths) -> Finding:
    abandoned = abandoned_work_dirs(paths.directory.parent)
    replaced = [folder for folder in abandoned if holds_a_replaced_vault(folder)]
    if replaced:
        return Finding(
            "leftovers",
            False,
            f"A restore was interrupted after putting the backup in place: the vault it replaced "
            f"is in {_listed(replaced)}.",
            "It is moved aside (to <vault>.replaced-<time>) at the next unlock of the restored "
            "vault. Do not delete it unless you no longer need that vault.",
        )
    leftovers = [
        *(folder for folder in abandoned if folder not in replaced),
        *stray_temp_files(paths.directory),
    ]
    if leftovers:
        return Finding(
            "leftovers",
            False,
            f"An interrupted backup, restore or header write left {len(leftovers)} temporary "
            f"item(s) behind: {_listed(leftovers)}. They hold no more than the vault does "
            "(encrypted).",
            "They are removed at the next unlock, or delete them yourself.",
        )
    return Finding("leftovers", True, "No interrupted backup or restore left anything behind.")


def _needs_restore(check: str, problem: str | WalletError | Wording) -> Finding:
    """A failed check that restoring a backup repairs; ``problem`` says what is wrong."""
    if isinstance(problem, str):
        message = cli_message = problem
    elif isinstance(problem, WalletError):
        message, cli_message = str(problem), command_line_text(problem)
    else:
        message, cli_message = problem
    return Finding(
        check,
        False,
        message,
        RESTORE.plain,
        cli_message=cli_message,
        cli_advice=RESTORE.command_line,
    )


def _listed(paths: list[Path]) -> str:
    names = ", ".join(str(path) for path in paths[:QUOTED_PROBLEMS])
    extra = len(paths) - QUOTED_PROBLEMS
    return names + (f" and {extra} more" if extra > 0 else "")


def _rows(connection: Connection, sql: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in connection.execute(sql)]


def _quoted(problems: list[object]) -> str:
    shown = "; ".join(
        " ".join(str(problem).split())[:100] for problem in problems[:QUOTED_PROBLEMS]
    )
    return shown + ("; …" if len(problems) > QUOTED_PROBLEMS else "")


def describe(report: IntegrityReport, *, command_line: bool = False) -> Iterator[str]:
    """The report as lines for people: each check with OK or PROBLEM, then what to do.

    ``command_line``: say it as the CLI does, naming commands.
    """
    for shown in report.findings:
        finding = shown.on_command_line() if command_line else shown
        yield f"{'OK     ' if finding.ok else 'PROBLEM'}  {finding.check}: {finding.message}"
        if not finding.ok and finding.advice:
            yield f"         → {finding.advice}"
