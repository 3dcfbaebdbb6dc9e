"""Fault injection (issue 11, item 6): full disks, failed writes and a failing OS keyring.

Two real ways to run out of space: a 4 MiB tmpfs mounted for the test (needs root and a kernel
that allows it; skipped with the reason otherwise) and, everywhere, a child process whose file
size limit (``RLIMIT_FSIZE``) makes writes fail with ``EFBIG``. Each case checks the message is
one truthful line (the disk is full, not "damaged"), that nothing half-written is left, and that
the vault still holds everything it held before. The keyring cases register backends through
keyring's own API that raise every error ``keyring.errors`` defines.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest

from tests.conftest import PASSPHRASE
from wallet import activity
from wallet.cli.main import main
from wallet.errors import DiskFull, KeyringUnavailable, NotFound
from wallet.keystore import KeyringKeyStore
from wallet.loyalty.book import LoyaltyBook
from wallet.loyalty.models import MembershipDraft
from wallet.vault.facade import DATABASE_FILE, HEADER_FILE, Vault
from wallet.vault.header import read_header

REPO = Path(__file__).resolve().parent.parent


def _leftovers(folder: Path) -> list[str]:
    """Work folders and temp files an interrupted write could leave in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".vrm-", ".")))


# ------------------------------------------------------------------------- a real full disk


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB tmpfs mounted for this test only."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip() or 'not root'}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(disk: Path) -> None:
    """Write until the disk refuses even one more byte (ENOSPC)."""
    for size in (1 << 20, 65536, 4096, 512, 1):  # big blocks first, then the last crumbs
        descriptor = os.open(disk / f"filler-{size}-{uuid.uuid4().hex}", os.O_WRONLY | os.O_CREAT)
        try:
            with contextlib.suppress(OSError):
                while True:
                    os.write(descriptor, b"\0" * size)
        finally:
            os.close(descriptor)
    probe = os.open(disk / "filler-probe", os.O_WRONLY | os.O_CREAT)
    try:
        with pytest.raises(OSError) as raised:
            os.write(probe, b"x")
    finally:
        os.close(probe)
    assert raised.value.errno == errno.ENOSPC


def _free(disk: Path) -> None:
    for path in disk.iterdir():
        if path.name.startswith("filler-"):
            path.unlink()


def _one_line(message: str, *words: str) -> None:
    assert "\n" not in message, message
    for word in words:
        assert word in message, (word, message)


def test_full_disk_while_saving_keeps_every_value_and_says_so(small_disk: Path) -> None:
    created = Vault.create(small_disk / "vault", PASSPHRASE, kdf_target_seconds=0)
    with created.vault as vault:
        vault.fields.set("email", "ada@example.org")
        _fill(small_disk)
        with pytest.raises(DiskFull) as raised:
            vault.fields.set("note", "a long note " * 800)
        _one_line(str(raised.value), "disk is full", "nothing was changed")
        _free(small_disk)
        with pytest.raises(NotFound):
            vault.fields.get("note")
        assert vault.fields.get("email").value == "ada@example.org"
        vault.fields.set("note", "saved once there is space")
        assert vault.verify_activity().ok


def test_full_disk_during_backup_and_exports_leaves_nothing_half_written(
    small_disk: Path,
) -> None:
    created = Vault.create(small_disk / "vault", PASSPHRASE, kdf_target_seconds=0)
    with created.vault as vault:
        book = LoyaltyBook(vault)
        book.add(MembershipDraft(program="Bakery", member_number="42", notes="n" * 1000))
        out = small_disk / "out"
        out.mkdir()
        _fill(small_disk)
        with pytest.raises(DiskFull) as raised:
            vault.backup(out / "wallet.vrmbackup")
        _one_line(str(raised.value), "disk is full", "backup", "not written")
        with pytest.raises(DiskFull) as raised:
            book.export(out / "cards.csv")
        _one_line(str(raised.value), "disk is full", "cards.csv")
        assert list(out.iterdir()) == []
        _free(small_disk)
        assert vault.check_integrity().ok


def test_init_on_a_full_disk_leaves_nothing_behind(
    small_disk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """It used to leave an empty vault.db: then init said a vault existed, and others none."""
    _fill(small_disk)
    with pytest.raises(DiskFull) as raised:
        Vault.create(small_disk / "direct", PASSPHRASE, kdf_target_seconds=0)
    _one_line(str(raised.value), "disk is full", "nothing was left behind")
    assert not (small_disk / "direct").exists()

    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    target = small_disk / "by-cli"
    assert main(["--vault", str(target), "init", "--kdf-target-ms", "0"]) == 1
    assert "disk is full" in capsys.readouterr().err
    assert not target.exists()
    _free(small_disk)
    assert main(["--vault", str(target), "init", "--kdf-target-ms", "0"]) == 0
    assert (target / HEADER_FILE).exists()


def test_unlocking_on_a_full_disk_says_full_not_damaged(
    small_disk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    created = Vault.create(small_disk / "vault", PASSPHRASE, kdf_target_seconds=0)
    created.vault.fields.set("email", "ada@example.org")
    created.vault.lock()
    _fill(small_disk)
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    for argv in (["data", "list"], ["log", "verify"], ["data", "set", "x", "y"]):
        assert main(["--vault", str(small_disk / "vault"), *argv]) == 1
        err = capsys.readouterr().err
        _one_line(err.strip(), "disk is full")
        assert "damaged" not in err
    _free(small_disk)
    with Vault.open_with_passphrase(small_disk / "vault", PASSPHRASE) as reopened:
        assert reopened.fields.get("email").value == "ada@example.org"
        assert reopened.check_integrity().ok


# ------------------------------------------------------- a file-size limit, on any system


def _child(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "VRM_WALLET_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "tests.fault_child", *args],
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    _one_line(lines[0], *words)


@pytest.fixture
def filled_vault(tmp_path: Path) -> Path:
    created = Vault.create(tmp_path / "vault", PASSPHRASE, kdf_target_seconds=0)
    with created.vault as vault:
        book = LoyaltyBook(vault)
        for number in range(60):
            book.add(MembershipDraft(program=f"Shop {number}", member_number=str(number),
                                     notes="n" * 1500))  # fmt: skip
    return tmp_path / "vault"


def test_a_size_limit_during_init_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "new-vault"
    result = _child("16384", "cli", "--vault", str(target), "init", "--kdf-target-ms", "0",
                    cwd=tmp_path)  # fmt: skip
    _refused(result, "disk is full", "nothing was left behind")
    assert not target.exists()


def test_a_size_limit_during_backup_and_export_leaves_nothing(
    filled_vault: Path, tmp_path: Path
) -> None:
    before = (filled_vault / DATABASE_FILE).read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    limit = str(64 * 1024)
    backup = _child(limit, "cli", "--vault", str(filled_vault), "backup", str(out / "w.vrm"),
                    cwd=tmp_path)  # fmt: skip
    _refused(backup, "disk is full", "backup")
    export = _child(limit, "cli", "--vault", str(filled_vault), "loyalty", "export",
                    str(out / "cards.csv"), cwd=tmp_path)  # fmt: skip
    _refused(export, "disk is full", "cards.csv")
    assert list(out.iterdir()) == []
    assert _leftovers(tmp_path) == []
    with Vault.open_with_passphrase(filled_vault, PASSPHRASE) as reopened:
        assert reopened.check_integrity().ok
        assert len(LoyaltyBook(reopened).memberships()) == 60
    assert len(before) > 64 * 1024


def test_a_size_limit_during_a_save_is_a_full_disk_and_loses_nothing(
    filled_vault: Path, tmp_path: Path
) -> None:
    result = _child("4096", "set", str(filled_vault), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome is not None, "the save should have met the limit"
    assert outcome["type"] == "DiskFull", outcome
    _one_line(outcome["message"], "disk is full")
    with Vault.open_with_passphrase(filled_vault, PASSPHRASE) as reopened:
        with pytest.raises(NotFound):
            reopened.fields.get("note")
        assert reopened.check_integrity().ok


# ------------------------------------------------------- header and database damage via CLI


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda d: (d / HEADER_FILE).unlink(), "header (vault.json) is missing"),
        (lambda d: (d / HEADER_FILE).write_bytes((d / HEADER_FILE).read_bytes()[:40]), "header"),
        (lambda d: (d / HEADER_FILE).write_text(
            (d / HEADER_FILE).read_text().replace('"iterations": 3', '"iterations": 4')
        ), "passphrase is wrong"),
        (lambda d: (d / DATABASE_FILE).unlink(), "missing"),
        (lambda d: (d / DATABASE_FILE).write_bytes(b""), "empty"),
        (lambda d: (d / DATABASE_FILE).write_bytes((d / DATABASE_FILE).read_bytes()[:2048]),
         "too short"),
    ],
    ids=["header-missing", "header-truncated", "header-edited", "db-missing", "db-empty",
         "db-truncated"],
)  # fmt: skip
def test_damaged_files_fail_every_command_with_one_line(
    filled_vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    damage: object,
    words: str,
) -> None:
    damage(filled_vault)  # type: ignore[operator]
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    for argv in (["data", "list"], ["log", "verify"], ["loyalty", "list"]):
        assert main(["--vault", str(filled_vault), *argv]) == 1
        captured = capsys.readouterr()
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], lines
        assert captured.out == ""


# ------------------------------------------------------------------------- a failing keyring

KEYRING_ERRORS = [
    keyring.errors.KeyringError,
    keyring.errors.PasswordSetError,
    keyring.errors.PasswordDeleteError,
    keyring.errors.InitError,
    keyring.errors.KeyringLocked,
    keyring.errors.NoKeyringError,
]


class FailingKeyring(keyring.backend.KeyringBackend):
    """A keyring backend that keeps secrets in memory and raises ``error`` in chosen operations."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}
        self.error: type[keyring.errors.KeyringError] = keyring.errors.KeyringError
        self.failing: set[str] = set()

    def _maybe_fail(self, operation: str) -> None:
        if operation in self.failing:
            raise self.error(f"simulated {self.error.__name__} in {operation}")

    def get_password(self, service: str, username: str) -> str | None:
        self._maybe_fail("get")
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._maybe_fail("set")
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._maybe_fail("delete")
        self.secrets.pop((service, username), None)


@pytest.fixture
def failing_keyring() -> Iterator[FailingKeyring]:
    previous = keyring.get_keyring()
    backend = FailingKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize("error", KEYRING_ERRORS, ids=lambda error: error.__name__)
def test_every_keyring_error_gives_a_clear_message(
    error: type[keyring.errors.KeyringError],
    failing_keyring: FailingKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    failing_keyring.error = error
    vault_dir = tmp_path / "vault"
    created = Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0)
    store = KeyringKeyStore()
    with created.vault as vault:
        header_before = (vault_dir / HEADER_FILE).read_bytes()
        failing_keyring.failing = {"set"}
        with pytest.raises(KeyringUnavailable) as raised:
            vault.enable_keyring(store)
        _one_line(str(raised.value), "OS keyring", error.__name__, "Nothing was changed")
        assert (vault_dir / HEADER_FILE).read_bytes() == header_before
        failing_keyring.failing = set()
        vault.enable_keyring(store)

    failing_keyring.failing = {"get"}
    with pytest.raises(KeyringUnavailable) as raised:
        Vault.open_with_keyring(vault_dir, store)
    _one_line(str(raised.value), "OS keyring", "passphrase")
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)
    assert main(["--vault", str(vault_dir), "--use-keyring", "data", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--use-keyring failed" in err

    failing_keyring.failing = {"delete"}
    assert main(["--vault", str(vault_dir), "keyring", "disable"]) == 0
    assert "no longer remembers" in capsys.readouterr().out
    assert read_header(vault_dir / HEADER_FILE).slot("keyring") is None
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:
        disabled = reopened.activity_page(type_prefix=activity.KEYRING_DISABLED)[0]
        if error is not keyring.errors.PasswordDeleteError:  # that one means "already gone"
            assert "keyring kept" in disabled.reason
