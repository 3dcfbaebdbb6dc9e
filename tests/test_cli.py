"""The CLI end to end: real vaults (minimum KDF cost), each command run in a subprocess.

Standard input is /dev/null, so the CLI sees no terminal: it must take secrets from files or the
environment and refuse anything that would need a question.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from wallet.cli.main import main
from wallet.cli.support import CliError, read_secret_file, strip_one_newline

PASSPHRASE = "correct horse battery staple"
RECOVERY_KEY = re.compile(r"\b[A-Z2-7]{5}(?:-[A-Z2-7]{5}){7}\b")
NULL_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}

Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home-vault"


@pytest.fixture
def cli(tmp_path: Path, home: Path) -> Cli:
    """Runs ``vrm-wallet-cli ARGS`` in ``tmp_path`` with VRM_WALLET_HOME=home and no terminal."""

    def run(
        *args: str, passphrase: str | None = PASSPHRASE, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, "VRM_WALLET_HOME": str(home), **(env or {})}
        environment.pop("VRM_WALLET_PASSPHRASE", None)
        if passphrase is not None:
            environment["VRM_WALLET_PASSPHRASE"] = passphrase
        return subprocess.run(
            [sys.executable, "-m", "wallet.cli.main", *args],
            cwd=tmp_path,
            env=environment,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    return run


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def fails(result: subprocess.CompletedProcess[str], *, expect: str) -> str:
    """Exit 1 with exactly one ``error:`` line mentioning ``expect``, and no traceback."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert expect in lines[0]
    return lines[0]


def init(cli: Cli, *options: str, vault: str | None = None) -> str:
    """``init`` at the minimum KDF cost, in ``vault`` (given with the global --vault) or home."""
    where = ("--vault", vault) if vault else ()
    return ok(cli(*where, "init", "--kdf-target-ms", "0", *options))


def test_init_prints_recovery_key_then_data_commands_work(cli: Cli, home: Path) -> None:
    assert RECOVERY_KEY.search(init(cli))
    assert (home / "vault.json").exists()
    ok(cli("data", "set", "email", "ann@example.org"))
    ok(cli("data", "set", "date_of_birth", "1990-02-03"))  # standard field: sensitive
    assert ok(cli("data", "get", "date_of_birth")).strip() == "1990-02-03"

    listed = json.loads(ok(cli("--json", "data", "list")))  # global option before the command
    assert [row["key"] for row in listed] == ["date_of_birth", "email"]
    birth, email = listed
    assert birth["value"] is None and birth["sensitive"] is True
    assert email["value"] == "ann@example.org" and email["category"] == 2
    assert email["category_label"] == "2 - Contact"
    assert set(email) == {
        *("key", "label", "value", "category", "category_label", "sensitive", "dpv_iri"),
        *("created", "updated"),
    }

    found = json.loads(ok(cli("data", "search", "1990", "--json")))  # --json after the command
    assert [(row["key"], row["value"]) for row in found] == [("date_of_birth", None)]

    ok(cli("data", "set", "email", "ann@example.com", "--label", "Mail"))
    history = json.loads(ok(cli("data", "history", "email", "--json")))
    assert [entry["value"] for entry in history] == ["ann@example.com", "ann@example.org"]

    assert "Deleted email" in ok(cli("data", "delete", "email", "--yes"))


def test_refusals_failed_unlock_and_log(cli: Cli) -> None:
    init(cli)
    # Confirmation is checked first: no terminal and no --yes means no, before any secret.
    fails(cli("data", "delete", "email", passphrase=None), expect="--yes")
    fails(
        cli("data", "list", passphrase=None),
        expect="no passphrase given: use --passphrase-file or VRM_WALLET_PASSPHRASE",
    )
    fails(cli("data", "list", passphrase="not the passphrase"), expect="passphrase is wrong")
    fails(cli("--passphrase-file", "missing.txt", "data", "list"), expect="missing.txt")

    entries = json.loads(ok(cli("log", "list", "--json", "--type", "vault.unlock")))
    failed = [entry for entry in entries if entry["type"] == "vault.unlock_failed"]
    assert len(failed) == 1 and failed[0]["result"] == "not completed"
    assert set(failed[0]) == {
        *("seq", "at", "type", "result", "party", "field_names", "reason", "hash"),
    }
    assert re.fullmatch(r"OK: \d+ entries verified\n", ok(cli("log", "verify")))


def test_backup_restore_and_recovery_key_file(cli: Cli, tmp_path: Path, home: Path) -> None:
    output = init(cli, "--recovery-key-file", "key.txt", vault=str(home))
    key_file = tmp_path / "key.txt"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    recovery_key = key_file.read_text().strip()
    assert RECOVERY_KEY.fullmatch(recovery_key) and recovery_key not in output
    fails(
        cli("--vault", "third", "init", "--kdf-target-ms", "0", "--recovery-key-file", "key.txt"),
        expect="already exists",
    )
    assert key_file.read_text().strip() == recovery_key and not (tmp_path / "third").exists()

    ok(cli("data", "set", "phone", "+33 1 23 45 67 89"))
    ok(cli("backup", "backup.vrm"))
    restored = cli(
        "--vault", "other", "restore", "backup.vrm", "--recovery-key-file", "key.txt",
        passphrase=None,
    )  # fmt: skip
    assert "Restored" in ok(restored)
    assert ok(cli("--vault", "other", "data", "get", "phone")).strip() == "+33 1 23 45 67 89"

    fails(cli("restore", "backup.vrm"), expect="--force")
    fails(cli("restore", "backup.vrm", "--force"), expect="--yes")
    replaced = ok(cli("restore", "backup.vrm", "--force", "--yes"))
    moved = [path for path in tmp_path.iterdir() if path.name.startswith("home-vault.replaced-")]
    assert len(moved) == 1 and str(moved[0]) in replaced
    assert (moved[0] / "vault.json").exists() and (home / "vault.json").exists()


def test_unlock_with_recovery_key_then_passwd(cli: Cli, tmp_path: Path) -> None:
    init(cli, "--recovery-key-file", "key.txt")
    (tmp_path / "new.txt").write_text("a brand new passphrase\r\n")  # one CRLF is stripped
    args = ("--recovery-key-file", "key.txt", "--new-passphrase-file", "new.txt")
    assert "reset" in ok(cli("unlock", *args, passphrase=None))
    fails(cli("data", "list"), expect="passphrase is wrong")

    (tmp_path / "newer.txt").write_text("an even newer passphrase\n")
    changed = cli(
        "passwd", "--new-passphrase-file", "newer.txt", passphrase="a brand new passphrase"
    )
    assert "changed" in ok(changed)
    ok(cli("--passphrase-file", "newer.txt", "data", "list"))


def test_settings_keyring_and_vault_option_beats_environment(
    cli: Cli, tmp_path: Path, home: Path
) -> None:
    init(cli, vault="chosen")
    assert (tmp_path / "chosen" / "vault.json").exists() and not home.exists()

    ok(cli("--vault", "chosen", "settings", "set", "auto_lock_minutes", "10"))
    fails(cli("--vault", "chosen", "settings", "set", "clipboard_clear_seconds", "1"), expect="5")
    shown = json.loads(ok(cli("--vault", "chosen", "settings", "show", "--json")))
    assert shown == {
        "auto_lock_minutes": 10,
        "lock_on_screen_lock": True,
        "clipboard_clear_seconds": 30,
        "reminder_lead_days": 7,
        "relay_url": "",
    }

    status = ok(cli("--vault", "chosen", "keyring", "status", env=NULL_KEYRING))
    assert "Remembered on this device: no" in status
    assert "unavailable" in status and "null keyring backend" in status
    fails(cli("--vault", "chosen", "keyring", "enable", env=NULL_KEYRING), expect="null keyring")
    fails(
        cli("--vault", "chosen", "--use-keyring", "data", "list", env=NULL_KEYRING),
        expect="--use-keyring",
    )


def test_categories_need_no_vault_and_usage_errors_exit_2(cli: Cli, home: Path) -> None:
    categories = json.loads(ok(cli("data", "categories", "--json", passphrase=None)))
    assert len(categories) == 16 and categories[1]["label"] == "2 - Contact"
    assert all(row["dpv_iri"].startswith("https://w3id.org/dpv") for row in categories)
    assert not home.exists()
    result = cli("frobnicate")
    assert result.returncode == 2 and "invalid choice" in result.stderr


COMMAND_PATHS = [
    [],
    ["init"],
    ["passwd"],
    ["backup"],
    ["restore"],
    ["check"],
    ["unlock"],
    ["data"],
    *(
        ["data", name]
        for name in (
            *("set", "get", "list", "search", "delete", "history"),
            *("categories", "standard-fields"),
        )
    ),
    ["log"],
    ["log", "list"],
    ["log", "verify"],
    ["keyring"],
    *(["keyring", name] for name in ("status", "enable", "disable")),
    ["settings"],
    ["settings", "show"],
    ["settings", "set"],
]


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda path: " ".join(path) or "top")
def test_help_for_every_command(path: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*path, "--help"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("usage: vrm-wallet-cli")


def test_usage_errors_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["data"], ["data", "set"], ["settings", "set", "colour", "red"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_standard_fields_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", "data", "standard-fields"]) == 0
    rows = json.loads(capsys.readouterr().out)
    birth = next(row for row in rows if row["key"] == "date_of_birth")
    assert birth["sensitive"] is True and birth["category_label"] == "1 - Biographical"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("pw\n", "pw"), ("pw\r\n", "pw"), ("pw\n\n", "pw\n"), (" pw \n", " pw "), ("pw", "pw")],
)
def test_strip_one_newline(text: str, expected: str) -> None:
    assert strip_one_newline(text) == expected


def test_secret_file_problems(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    with pytest.raises(CliError, match="empty"):
        read_secret_file(str(empty), what="passphrase")
    with pytest.raises(CliError, match="does not exist"):
        read_secret_file(str(tmp_path / "nope.txt"), what="passphrase")
