"""The vault's files on disk: the header binds the database, permissions, and leftover folders.

Each test reproduces a problem found in issue 11 on real files: an empty or missing database
that opened as a new vault, parent folders chmod-ed by backup and restore, encrypted work
folders left behind by killed backups, and tracebacks instead of a one-line error.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from wallet.cli.main import main
from wallet.errors import BackupError, DatabaseError, NotFound, VaultExists, VaultNotFound
from wallet.files import exchange_paths
from wallet.storage.connection import open_encrypted
from wallet.storage.migrations import migrate
from wallet.vault import slots
from wallet.vault.facade import DATABASE_FILE, HEADER_FILE, CreatedVault, Vault
from wallet.vault.header import PassphraseSlot, read_header
from wallet.vault.work_dirs import (
    WORK_MARKER,
    free_aside_name,
    holds_a_replaced_vault,
    note_where_the_replaced_vault_goes,
    remove_stale_work_dirs,
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _data_key(vault_dir: Path) -> bytes:
    header = read_header(vault_dir / HEADER_FILE)
    slot = header.slot("passphrase")
    assert isinstance(slot, PassphraseSlot)
    return slots.open_passphrase_slot(header.vault_id, slot, PASSPHRASE).data_key


def _snapshot(directory: Path) -> dict[str, bytes | None]:
    """Every file below ``directory`` with its bytes (folders as ``None``), to prove no change."""
    return {
        str(path.relative_to(directory)): None if path.is_dir() else path.read_bytes()
        for path in sorted(directory.rglob("*"))
    }


@pytest.fixture
def locked_dir(created: CreatedVault, vault_dir: Path) -> Path:
    created.vault.fields.set("email", "ada@example.org")
    created.vault.lock()
    return vault_dir


# ------------------------------------------------------------- the header binds the database


def _remove(database: Path) -> None:
    database.unlink()


def _empty(database: Path) -> None:
    database.write_bytes(b"")


def _one_byte(database: Path) -> None:
    database.write_bytes(b"\x00")


def _truncated(database: Path) -> None:
    database.write_bytes(database.read_bytes()[:1000])


def _folder(database: Path) -> None:
    database.unlink()
    database.mkdir()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_remove, "missing"),
        (_empty, "empty"),
        (_one_byte, "too short"),
        (_truncated, "too short"),
        (_folder, "not a file"),
    ],
)
def test_a_missing_or_empty_database_never_opens_as_a_new_vault(
    locked_dir: Path, damage: object, message: str
) -> None:
    database = locked_dir / DATABASE_FILE
    damage(database)  # type: ignore[operator]
    before = _snapshot(locked_dir)
    with pytest.raises(DatabaseError, match=message) as raised:
        Vault.open_with_passphrase(locked_dir, PASSPHRASE)
    assert "\n" not in str(raised.value) and "backup" in str(raised.value)
    assert _snapshot(locked_dir) == before  # nothing created, nothing written


def test_a_fresh_database_under_the_right_key_is_refused(locked_dir: Path) -> None:
    """SQLCipher opens an empty file with any key as a new database: that is not our vault."""
    database = locked_dir / DATABASE_FILE
    key = _data_key(locked_dir)
    database.unlink()
    fresh = open_encrypted(database, key, create=True)
    fresh.execute("CREATE TABLE unrelated (x)")
    fresh.close()
    with pytest.raises(DatabaseError, match="not this vault's database"):
        Vault.open_with_passphrase(locked_dir, PASSPHRASE)


def test_a_database_of_another_vault_id_under_the_same_key_is_refused(locked_dir: Path) -> None:
    database = locked_dir / DATABASE_FILE
    key = _data_key(locked_dir)
    database.unlink()
    other = open_encrypted(database, key, create=True)
    migrate(other)
    other.execute("INSERT INTO settings (key, value) VALUES ('vault_id', ?)", (json.dumps("x"),))
    other.close()
    with pytest.raises(DatabaseError, match="belongs to another vault"):
        Vault.open_with_passphrase(locked_dir, PASSPHRASE)


def test_a_vault_from_before_the_binding_is_bound_by_its_log_and_then_recorded(
    locked_dir: Path,
) -> None:
    connection = open_encrypted(locked_dir / DATABASE_FILE, _data_key(locked_dir))
    connection.execute("DELETE FROM settings WHERE key = 'vault_id'")
    connection.close()
    with Vault.open_with_passphrase(locked_dir, PASSPHRASE) as reopened:
        assert reopened.fields.get("email").value == "ada@example.org"
        stored = reopened.reader.execute(
            "SELECT value FROM settings WHERE key = 'vault_id'"
        ).fetchone()
        assert json.loads(stored[0]) == reopened.vault_id


def test_cli_commands_refuse_an_empty_database(
    locked_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    (locked_dir / DATABASE_FILE).write_bytes(b"")
    for argv in (["data", "list"], ["log", "verify"]):
        assert main(["--vault", str(locked_dir), *argv]) == 1
        captured = capsys.readouterr()
        assert "No fields yet" not in captured.out and "OK" not in captured.out
        assert captured.err.startswith("error: ") and "empty" in captured.err
    assert (locked_dir / DATABASE_FILE).read_bytes() == b""


def _backup_with_members(tmp_path: Path, source: Path, **replaced: bytes) -> Path:
    """A copy of the backup ``source`` with some members' bytes replaced."""
    target = tmp_path / f"edited-{len(list(tmp_path.iterdir()))}.vrmbackup"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as edited:
        for name in original.namelist():
            edited.writestr(name, replaced.get(name.replace(".", "_"), original.read(name)))
    return target


def test_a_backup_with_an_empty_database_never_replaces_the_vault(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    vault.fields.set("email", "current@example.org")
    backup = vault.backup(tmp_path / "good.vrmbackup")
    vault.lock()
    hollow = _backup_with_members(tmp_path, backup, vault_db=b"")
    before = _snapshot(vault_dir)
    with pytest.raises(DatabaseError, match="empty"):
        Vault.restore(hollow, tmp_path / "new", passphrase=PASSPHRASE)
    assert not (tmp_path / "new").exists()
    with pytest.raises(DatabaseError, match="empty"):
        Vault.restore(hollow, vault_dir, passphrase=PASSPHRASE, force=True)
    assert _snapshot(vault_dir) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".vrm-", "vault.replaced"))]


def test_a_backup_of_another_kind_of_database_is_refused(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    key = vault._key
    backup = vault.backup(tmp_path / "good.vrmbackup")
    vault.lock()
    foreign = tmp_path / "foreign.db"
    connection = open_encrypted(foreign, key, create=True)
    connection.execute("CREATE TABLE notes (x)")
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    crafted = _backup_with_members(tmp_path, backup, vault_db=foreign.read_bytes())
    with pytest.raises(DatabaseError, match="not this vault's database"):
        Vault.restore(crafted, tmp_path / "new", passphrase=PASSPHRASE)
    assert not (tmp_path / "new").exists()


def test_a_database_without_its_header_gets_a_clear_message(
    locked_dir: Path, tmp_path: Path
) -> None:
    (locked_dir / HEADER_FILE).unlink()
    with pytest.raises(VaultNotFound, match=r"header .* is missing"):
        Vault.open_with_passphrase(locked_dir, PASSPHRASE)
    with pytest.raises(VaultExists, match=r"header .* is missing"):
        Vault.create(locked_dir, PASSPHRASE, kdf_target_seconds=0)


# ----------------------------------------------------------------------------- permissions


def test_vault_files_are_private_and_nothing_else_is_chmodded(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        shared = tmp_path / "shared"
        shared.mkdir(mode=0o755)
        os.chmod(shared, 0o755)
        created = Vault.create(shared / "vault", PASSPHRASE, kdf_target_seconds=0)
        vault_dir = shared / "vault"
        with created.vault as vault:
            vault.fields.set("email", "ada@example.org")
            for name in (DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm"):
                assert _mode(vault_dir / name) == 0o600, name
            backup = vault.backup(shared / "wallet.vrmbackup")
            deeper = vault.backup(shared / "new" / "deeper" / "wallet.vrmbackup")
        assert _mode(vault_dir) == 0o700 and _mode(vault_dir / HEADER_FILE) == 0o600
        assert _mode(backup) == 0o600 and _mode(deeper) == 0o600
        assert _mode(shared / "new") == 0o700 and _mode(shared / "new" / "deeper") == 0o700
        assert _mode(shared) == 0o755  # the folder we were given is left alone

        Vault.restore(backup, shared / "restored", passphrase=PASSPHRASE)
        assert _mode(shared / "restored") == 0o700
        assert _mode(shared / "restored" / DATABASE_FILE) == 0o600
        assert _mode(shared) == 0o755
    finally:
        os.umask(previous)


def test_an_older_vaults_world_readable_database_is_made_private_on_open(
    locked_dir: Path,
) -> None:
    os.chmod(locked_dir / DATABASE_FILE, 0o644)
    with Vault.open_with_passphrase(locked_dir, PASSPHRASE):
        assert _mode(locked_dir / DATABASE_FILE) == 0o600


# ------------------------------------------------------------------- leftover work folders


def _dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                           capture_output=True, text=True)  # fmt: skip
    return int(child.stdout)


def _leftover(
    parent: Path, name: str, *, members: tuple[str, ...] = (WORK_MARKER, DATABASE_FILE)
) -> Path:
    folder = parent / name
    folder.mkdir(mode=0o700)
    for member in members:
        (folder / member).write_bytes(b"encrypted leftovers")
    return folder


def test_stale_work_folders_are_removed_and_others_are_kept(vault: Vault, tmp_path: Path) -> None:
    dead = _dead_pid()
    stale_backup = _leftover(tmp_path, f".vrm-backup-{dead}-abc123")
    stale_restore = _leftover(tmp_path, f".vrm-restore-{dead}-x_y9", members=(WORK_MARKER,))
    old_style = _leftover(tmp_path, ".vrm-backup-k2j4h5g6", members=(DATABASE_FILE,))
    an_hour_ago = time.time() - 3600
    os.utime(old_style, (an_hour_ago, an_hour_ago))
    recent_old_style = _leftover(tmp_path, ".vrm-restore-a1b2c3d4")
    alive = _leftover(tmp_path, f".vrm-backup-{os.getpid()}-live01")
    not_ours = _leftover(tmp_path, f".vrm-backup-{dead}-zzz999", members=(WORK_MARKER, "a.txt"))
    unmarked = _leftover(tmp_path, f".vrm-restore-{dead}-nomark", members=(HEADER_FILE,))
    vault.backup(tmp_path / "wallet.vrmbackup")
    for gone in (stale_backup, stale_restore, old_style):
        assert not gone.exists(), gone
    for kept in (recent_old_style, alive, not_ours, unmarked):
        assert kept.exists(), kept


def test_stale_restore_folders_beside_the_vault_are_removed_on_open(
    locked_dir: Path, tmp_path: Path
) -> None:
    stale = _leftover(tmp_path, f".vrm-restore-{_dead_pid()}-q1w2e3")
    with Vault.open_with_passphrase(locked_dir, PASSPHRASE):
        pass
    assert not stale.exists()


# --------------------------------------------------------- tracebacks become one error line


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the CLI in-process; it must fail with exactly one ``error:`` line, returned."""
    assert main(argv) == 1
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


@pytest.mark.parametrize(
    "content",
    [
        b'{"a":' * 30_000 + b"1" + b"}" * 30_000,
        b"[" * 30_000 + b"]" * 30_000,
        b'{"format": "vrm-wallet-vault", "format_version": ' + b"9" * 5_000 + b"}",
        b'{"format": "vrm-wallet-vault", "format_version": 1, "vault_id": ' + b"7" * 4000 + b"}",
    ],
    ids=["deep-object", "deep-array", "5000-digits", "4000-digits"],
)
def test_hostile_headers_fail_with_one_line(
    locked_dir: Path,
    content: bytes,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    (locked_dir / HEADER_FILE).write_bytes(content)
    line = _run(["--vault", str(locked_dir), "data", "list"], capsys)
    assert "header" in line and len(line) < 400


def _patched_zip(source: Path, target: Path, *, flag: int = 0, method: int | None = None) -> Path:
    """``source`` with every member's general-purpose flags or compression method rewritten."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as bundle:
        infos = bundle.infolist()
    for info in infos:
        local = info.header_offset
        data[local + 6 : local + 8] = (int.from_bytes(data[local + 6 : local + 8], "little") | flag
                                       ).to_bytes(2, "little")  # fmt: skip
        if method is not None:
            data[local + 8 : local + 10] = method.to_bytes(2, "little")
    central = data.find(b"PK\x01\x02")
    while central != -1:
        flags = int.from_bytes(data[central + 8 : central + 10], "little") | flag
        data[central + 8 : central + 10] = flags.to_bytes(2, "little")
        if method is not None:
            data[central + 10 : central + 12] = method.to_bytes(2, "little")
        central = data.find(b"PK\x01\x02", central + 4)
    target.write_bytes(bytes(data))
    return target


def _lzma_backup(source: Path, target: Path, *, corrupt: bool) -> Path:
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(target, "w", compression=zipfile.ZIP_LZMA) as packed,
    ):
        for name in original.namelist():
            packed.writestr(name, original.read(name))
    if corrupt:
        data = bytearray(target.read_bytes())
        with zipfile.ZipFile(target) as bundle:
            info = bundle.getinfo(DATABASE_FILE)
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        for offset in range(start + 20, start + 60):
            data[offset] ^= 0x5A
        target.write_bytes(bytes(data))
    return target


def test_hostile_backups_fail_with_one_line(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    good = vault.backup(tmp_path / "good.vrmbackup")
    hostile = {
        "encrypted": _patched_zip(good, tmp_path / "encrypted.zip", flag=0x1),
        "unknown compression": _patched_zip(good, tmp_path / "method.zip", method=99),
        "corrupt lzma": _lzma_backup(good, tmp_path / "lzma.zip", corrupt=True),
    }
    for name, backup in hostile.items():
        target = tmp_path / f"restored-{name.replace(' ', '-')}"
        line = _run(["--vault", str(target), "restore", str(backup)], capsys)
        assert "backup" in line, (name, line)
        assert not target.exists(), name
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".vrm-")], name
    with pytest.raises(BackupError):
        Vault.restore(hostile["encrypted"], tmp_path / "again", passphrase=PASSPHRASE)


def test_a_page_failing_its_hmac_is_an_error_line_not_a_traceback(
    vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    for number in range(150):
        vault.fields.set(f"note_{number}", "x" * 400)
    vault.lock()
    database = vault_dir / DATABASE_FILE
    data = bytearray(database.read_bytes())
    for page in range(3, len(data) // 4096):
        data[page * 4096 + 200] ^= 0x01
    database.write_bytes(bytes(data))
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    line = _run(["--vault", str(vault_dir), "data", "list"], capsys)
    assert "damaged" in line and "check" in line


def test_a_non_utf8_value_on_the_command_line_is_refused(
    created: CreatedVault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    created.vault.lock()
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    value = b"caf\xe9".decode("utf-8", "surrogateescape")
    line = _run(["--vault", str(vault_dir), "data", "set", "note", value], capsys)
    assert "UTF-8" in line


def test_a_decompression_bomb_is_refused_before_anything_is_unpacked(
    vault: Vault, tmp_path: Path
) -> None:
    good = vault.backup(tmp_path / "good.vrmbackup")
    bomb = tmp_path / "bomb.vrmbackup"
    with zipfile.ZipFile(good) as original, zipfile.ZipFile(bomb, "w") as packed:
        packed.writestr(HEADER_FILE, original.read(HEADER_FILE))
        packed.writestr(DATABASE_FILE, bytes(8 * 1024 * 1024), compress_type=zipfile.ZIP_DEFLATED)
    assert bomb.stat().st_size < 100_000
    with pytest.raises(BackupError, match="inflate"):
        Vault.restore(bomb, tmp_path / "new", passphrase=PASSPHRASE)
    assert not (tmp_path / "new").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".vrm-")]


# ------------------------------------------------------------------ replacing a vault safely


def _vault_copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def _killed_restore(locked_dir: Path, tmp_path: Path, *, exchanged: bool) -> tuple[Path, Path]:
    """The state a forced restore killed before or after its exchange leaves: (target, work)."""
    target = _vault_copy(locked_dir, tmp_path / "target")
    with Vault.open_with_passphrase(target, PASSPHRASE) as old:
        old.fields.set("which", "the replaced vault")
    work = _vault_copy(locked_dir, tmp_path / f".vrm-restore-{_dead_pid()}-k1ll3d")
    (work / WORK_MARKER).write_bytes(b"")
    note_where_the_replaced_vault_goes(work, free_aside_name(target))
    if exchanged and not exchange_paths(work, target):
        pytest.skip("this file system cannot exchange two folders")
    return target, work


def test_a_restore_killed_after_its_exchange_is_finished_by_the_next_unlock(
    locked_dir: Path, tmp_path: Path
) -> None:
    """The target holds the new vault at every instant; the old one is moved aside later."""
    target, work = _killed_restore(locked_dir, tmp_path, exchanged=True)
    assert holds_a_replaced_vault(work)
    remove_stale_work_dirs(tmp_path)  # a backup or restore beside it never removes that vault
    assert work.exists()
    with Vault.open_with_passphrase(target, PASSPHRASE) as restored, pytest.raises(NotFound):
        restored.fields.get("which")
    assert not work.exists() and not (target / WORK_MARKER).exists()
    (aside,) = tmp_path.glob("target.replaced-*")
    with Vault.open_with_passphrase(aside, PASSPHRASE) as replaced:
        assert replaced.fields.get("which").value == "the replaced vault"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".vrm-")]


def test_a_restore_killed_before_its_exchange_leaves_only_a_copy_to_remove(
    locked_dir: Path, tmp_path: Path
) -> None:
    target, work = _killed_restore(locked_dir, tmp_path, exchanged=False)
    with Vault.open_with_passphrase(target, PASSPHRASE) as old:
        assert old.fields.get("which").value == "the replaced vault"
    assert not work.exists() and not list(tmp_path.glob("target.replaced-*"))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".vrm-")]
