"""``vrm-wallet-cli check`` and :mod:`wallet.vault.integrity` on real vaults, healthy and damaged.

Also the command line's handling of sensitive values (never from argv) and of undecodable input.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from wallet.cli.main import main
from wallet.errors import WrongPassphrase
from wallet.vault import unlocking
from wallet.vault.facade import DATABASE_FILE, HEADER_FILE, CreatedVault, Vault
from wallet.vault.integrity import check_vault


@pytest.fixture
def locked_dir(created: CreatedVault, vault_dir: Path) -> Path:
    for number in range(60):
        created.vault.fields.set(f"note_{number}", "x" * 300)
    created.vault.lock()
    return vault_dir


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", PASSPHRASE)


def _check(
    vault_dir: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[int, str, str]:
    code = main(["--vault", str(vault_dir), "check", *options])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def _flip_pages(database: Path, *pages: int) -> None:
    data = bytearray(database.read_bytes())
    for page in pages:
        data[page * 4096 + 300] ^= 0x01
    database.write_bytes(bytes(data))


def test_a_healthy_vault_passes_every_check(
    locked_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (locked_dir / DATABASE_FILE).read_bytes()
    code, out, err = _check(locked_dir, capsys)
    assert code == 0 and err == ""
    assert "PROBLEM" not in out and out.strip().endswith("checks passed.")
    for check in ("header", "pages", "structure", "activity log", "outbox", "leftovers"):
        assert f"OK       {check}:" in out, check
    assert (locked_dir / DATABASE_FILE).read_bytes() == before  # the check changed nothing

    code, out, _ = _check(locked_dir, capsys, "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True
    assert {finding["check"] for finding in report["findings"]} >= {"binding", "schema"}


def test_a_flipped_page_passes_list_and_log_verify_but_not_check_and_backup_says_damaged(
    locked_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's case: one flipped page went unnoticed, then backup blamed a read-only disk."""
    database = locked_dir / DATABASE_FILE
    pages = database.stat().st_size // 4096
    _flip_pages(database, pages - 2)
    code, out, err = _check(locked_dir, capsys)
    assert code == 1 and err.startswith("error: the check found")
    assert "PROBLEM  pages: 1 page(s) of the database fail their integrity check" in out
    assert "→ Restore the vault from a backup" in out

    assert main(["--vault", str(locked_dir), "backup", str(tmp_path / "b.vrmbackup")]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "read-only" not in err
    assert not (tmp_path / "b.vrmbackup").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".vrm-backup-")]


@pytest.mark.parametrize(
    ("damage", "check", "words"),
    [
        (lambda d: (d / DATABASE_FILE).write_bytes(b""), "database file", "empty"),
        (lambda d: (d / DATABASE_FILE).unlink(), "database file", "missing"),
        (lambda d: (d / HEADER_FILE).unlink(), "header", "is missing"),
        (lambda d: (d / HEADER_FILE).write_text("{"), "header", "not valid JSON"),
    ],
    ids=["empty-db", "missing-db", "headerless", "broken-header"],
)
def test_damaged_files_are_named_with_what_to_do(
    locked_dir: Path, capsys: pytest.CaptureFixture[str], damage: Any, check: str, words: str
) -> None:
    damage(locked_dir)
    code, out, _ = _check(locked_dir, capsys)
    assert code == 1
    line = next(line for line in out.splitlines() if line.startswith(f"PROBLEM  {check}:"))
    assert words in line


def test_an_edited_header_fails_its_mac(locked_dir: Path) -> None:
    path = locked_dir / HEADER_FILE
    document = json.loads(path.read_text())
    document["created"] = "2001-01-01T00:00:00Z"
    path.write_text(json.dumps(document))
    report = check_vault(locked_dir, lambda paths: unlocking.with_passphrase(paths, PASSPHRASE))
    assert [finding.check for finding in report.problems] == ["header integrity"]


def test_leftovers_of_a_killed_backup_are_reported(
    locked_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leftover = tmp_path / ".vrm-restore-k2j4h5g6"
    leftover.mkdir()
    (leftover / DATABASE_FILE).write_bytes(b"encrypted")
    os.utime(leftover, (0, 0))
    code, out, _ = _check(locked_dir, capsys)
    assert code == 1 and "PROBLEM  leftovers:" in out and str(leftover) in out
    assert leftover.exists()  # the check itself removes nothing


def test_a_wrong_passphrase_is_an_error_not_a_finding(
    locked_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VRM_WALLET_PASSPHRASE", "not the passphrase")
    code, out, err = _check(locked_dir, capsys)
    assert code == 1 and out == "" and "passphrase is wrong" in err
    with pytest.raises(WrongPassphrase):
        check_vault(locked_dir, lambda paths: unlocking.with_passphrase(paths, "nope nope"))


def test_the_open_vault_checks_itself_and_sees_a_header_edit(vault: Vault, vault_dir: Path) -> None:
    assert vault.check_integrity().ok
    path = vault_dir / HEADER_FILE
    document = json.loads(path.read_text())
    document["created"] = "2001-01-01T00:00:00Z"
    path.write_text(json.dumps(document))
    assert [finding.check for finding in vault.check_integrity().problems] == ["header integrity"]


# ------------------------------------------------------------------------- sensitive values


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_a_sensitive_value_on_the_command_line_is_refused(
    created: CreatedVault, vault_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    created.vault.lock()
    argv = ["--vault", str(vault_dir), "data", "set", "iban", "DE89 3704", "--sensitive"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "never taken from the command line" in err
    assert "data set iban --sensitive" in err
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:
        assert reopened.fields.count() == 0


def test_a_field_already_sensitive_takes_no_value_from_the_command_line(
    created: CreatedVault, vault_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    created.vault.fields.set("iban", "DE89 3704 0044", sensitive=True)
    created.vault.fields.set("note", "plain")
    created.vault.lock()
    assert main(["--vault", str(vault_dir), "data", "set", "iban", "ES91 2100"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "iban is a sensitive field" in err
    assert main(["--vault", str(vault_dir), "data", "set", "note", "still plain"]) == 0
    assert main(["--vault", str(vault_dir), "data", "set", "new", "fine", "--no-sensitive"]) == 0
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:
        assert reopened.fields.get("iban").value == "DE89 3704 0044"
        assert reopened.fields.get("note").value == "still plain"


@pytest.mark.parametrize("value_argument", [[], ["-"]], ids=["no-value", "dash"])
def test_a_sensitive_value_comes_from_standard_input(
    created: CreatedVault,
    vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    value_argument: list[str],
) -> None:
    created.vault.lock()
    _stdin(monkeypatch, "DE89 3704 0044 – ünïcode\n".encode())
    argv = ["--vault", str(vault_dir), "data", "set", "iban", *value_argument, "--sensitive"]
    assert main(argv) == 0
    assert "Saved iban." in capsys.readouterr().out
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:
        field = reopened.fields.get("iban")
        assert (field.value, field.sensitive) == ("DE89 3704 0044 – ünïcode", True)


def test_non_utf8_standard_input_is_refused(
    created: CreatedVault,
    vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    created.vault.lock()
    _stdin(monkeypatch, b"caf\xe9\n")
    assert main(["--vault", str(vault_dir), "data", "set", "note", "-"]) == 1
    assert "not UTF-8" in capsys.readouterr().err
