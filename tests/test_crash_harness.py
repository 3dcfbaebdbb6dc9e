"""The crash-safety harness in CI (issue 11, item 5): 200 SIGKILLs of vault work, and the checks
that judge each one shown able to fail.

The harness runs once per module in its own process (``python -m tests.crash_harness``: a fork
server must not inherit pytest's threads); the tests below read its figures. What it finds about
file modes, the folders around the vault, leftovers and restores is asserted apart, each in its
own test, so that a failure names its owner at once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from tests.crash_checks import (
    LEFTOVER_KINDS,
    RESTORE_NOT_ATOMIC,
    EpochState,
    Verdict,
    check_epoch,
    compare_outbox_with_vendor_log,
)
from tests.crash_vendor import VendorEntry
from wallet.outbox.store import OutboxRow
from wallet.vault.facade import CreatedVault, Vault

KILLS = 200
CI_SEED = 1011  # CI replays the same plans; elsewhere each run draws new ones
# Kinds asserted by their own tests below (the main test checks all the others).
SEPARATE_KINDS = {"mode", "chmod-parent", RESTORE_NOT_ATOMIC, *LEFTOVER_KINDS}
REPO = Path(__file__).resolve().parents[1]
# The shared harness run (about 45 s here) happens in whichever of these tests comes first.
pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One harness run of ``KILLS`` kills, shared by this module's tests."""
    seed = CI_SEED if os.environ.get("CI") else int.from_bytes(os.urandom(3), "big")
    command = [sys.executable, "-m", "tests.crash_harness", "--kills", str(KILLS)]
    command += ["--seed", str(seed), "--json", "--workdir", str(tmp_path_factory.mktemp("crash"))]
    done = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.stdout.strip(), f"the harness printed nothing: {done.stderr[-2000:]}"
    figures: dict[str, Any] = json.loads(done.stdout)
    print(json.dumps({k: v for k, v in figures.items() if k != "problems"}))
    return figures


def _problems(figures: dict[str, Any], kinds: set[str] | None = None) -> list[str]:
    return [
        f"[{p['kind']}] {p['where']}: {p['detail']} (x{p['times']}, seed {figures['seed']})"
        for p in figures["problems"]
        if (p["kind"] in kinds if kinds is not None else p["kind"] not in SEPARATE_KINDS)
    ]


def test_two_hundred_kills_lose_and_damage_nothing(harness: dict[str, Any]) -> None:
    assert _problems(harness) == []
    assert harness["kills"] >= KILLS
    assert harness["exact_kills"] >= 20  # killed exactly before a header/backup/restore rename
    assert harness["rounds"]["passphrase"] >= 5 and harness["rounds"]["restore"] >= 10
    assert harness["commits_checked"] >= 1000
    assert harness["deliveries_checked"] >= 300
    assert harness["backups_checked"] >= 10 and harness["restores_checked"] >= 10
    assert harness["passphrase_kept"] >= 1 and harness["passphrase_changed"] >= 1


def test_every_file_the_vault_writes_is_private(harness: dict[str, Any]) -> None:
    assert _problems(harness, {"mode"}) == []


def test_backup_and_restore_leave_the_parent_folder_alone(harness: dict[str, Any]) -> None:
    assert _problems(harness, {"chmod-parent"}) == []


def test_nothing_temporary_is_left_after_a_clean_run(harness: dict[str, Any]) -> None:
    assert _problems(harness, set(LEFTOVER_KINDS)) == []


def test_a_killed_restore_leaves_the_old_or_the_new_vault_in_place(
    harness: dict[str, Any],
) -> None:
    assert _problems(harness, {RESTORE_NOT_ATOMIC}) == []


# ----------------------------------------------------------------- the checks can fail


def _state(created: CreatedVault, vault_dir: Path) -> EpochState:
    root = vault_dir.parent
    state = EpochState(number=1, root=root, passphrase=PASSPHRASE)
    state.recovery_key = created.recovery_key
    state.vendor_log = root / "vendors.jsonl"
    for folder in (state.backups_dir, state.restores_dir):
        folder.mkdir()
        folder.chmod(0o750)
    return state


def _kinds(verdict: Verdict) -> list[str]:
    return sorted({kind for kind, _ in verdict.problems} - SEPARATE_KINDS)


def test_a_reported_commit_missing_from_the_vault_is_found(
    created: CreatedVault, vault_dir: Path
) -> None:
    state = _state(created, vault_dir)
    created.vault.fields.set("email", "ada@example.org")
    created.vault.lock()
    for event in (
        ["attempt", "field", "email", "ada@example.org"],
        ["commit", "field", "email", "ada@example.org"],
        ["attempt", "field", "email", "ada@new.example"],
        ["commit", "field", "email", "ada@new.example"],  # reported, never written
        ["commit", "consent", "urn:uuid:00000000-0000-4000-8000-000000000000"],
    ):
        state.apply(event)
    verdict = check_epoch(state)
    assert _kinds(verdict) == ["lost-commit"]
    assert len([kind for kind, _ in verdict.problems if kind == "lost-commit"]) == 2


def test_a_torn_backup_file_is_found(created: CreatedVault, vault_dir: Path) -> None:
    state = _state(created, vault_dir)
    backup = created.vault.backup(state.backups_dir / "torn.vrmbackup")
    created.vault.lock()
    backup.write_bytes(backup.read_bytes()[:-700])
    state.apply(["attempt", "backup", "torn.vrmbackup"])
    assert _kinds(check_epoch(state)) == ["backup"]


def test_a_header_that_opens_with_neither_passphrase_is_found(
    created: CreatedVault, vault_dir: Path
) -> None:
    state = _state(created, vault_dir)
    state.header_before = (vault_dir / "vault.json").read_bytes()
    created.vault.change_passphrase(PASSPHRASE, "a third passphrase nobody reported")
    created.vault.lock()
    state.apply(["attempt", "passphrase", "the new passphrase the child chose"])
    assert "passphrase" in _kinds(check_epoch(state))


def _row(item_id: int, webhook_id: str, *, status: str = "delivered") -> OutboxRow:
    return OutboxRow(
        id=item_id,
        webhook_id=webhook_id,
        kind="intention",
        subject=f"urn:uuid:{item_id}",
        vendor_id="demo-vendor-1",
        url="http://127.0.0.1:1/vendors/1/inbox/intentions",
        body=b"body",
        signing_kid="kid",
        status=status,  # type: ignore[arg-type]
        attempts=1,
        next_attempt_at=0.0,
        last_error="",
        response_status=200,
        response_body=b"{}",
        created=datetime.now(UTC),
        delivered_at=None,
    )


def _accepted(webhook_id: str, body: bytes = b"body", status: int = 200) -> VendorEntry:
    sha = hashlib.sha256(body).hexdigest()
    return VendorEntry("/vendors/1/inbox/intentions", webhook_id, sha, status, "")


@pytest.mark.parametrize(
    ("rows", "log", "final", "expected"),
    [
        pytest.param([_row(1, "a")], [_accepted("a"), _accepted("a")], True, 0, id="resend-ok"),
        pytest.param([_row(1, "a")], [], False, 1, id="delivered-never-accepted"),
        pytest.param([], [_accepted("a")], False, 1, id="accepted-not-queued"),
        pytest.param([_row(1, "a")], [_accepted("a", b"other")], False, 1, id="other-body"),
        pytest.param([_row(1, "a")], [_accepted("a", status=409)], False, 2, id="refused"),
        pytest.param([_row(1, "a", status="pending")], [], True, 1, id="final-still-pending"),
    ],
)
def test_the_delivery_comparison_finds_lost_and_doubled_messages(
    rows: list[OutboxRow], log: list[VendorEntry], final: bool, expected: int
) -> None:
    verdict = Verdict()
    compare_outbox_with_vendor_log(rows, log, verdict, final=final)
    assert len(verdict.problems) == expected, verdict.problems


def test_one_message_queued_twice_is_found() -> None:
    first = _row(1, "a")
    twice = [first, dataclasses.replace(_row(2, "b"), subject=first.subject)]
    verdict = Verdict()
    compare_outbox_with_vendor_log(twice, [_accepted("a"), _accepted("b")], verdict, final=True)
    assert [kind for kind, _ in verdict.problems] == ["delivery"]


def test_forced_restores_within_one_second_each_keep_the_vault_they_replace(
    created: CreatedVault, tmp_path: Path
) -> None:
    backup = created.vault.backup(tmp_path / "wallet.vrmbackup")
    created.vault.lock()
    target = tmp_path / "restored"
    for _ in range(4):  # well within a second or two: two of them share a second
        Vault.restore(backup, target, recovery_key=created.recovery_key, force=True)
    assert len(list(tmp_path.glob("restored.replaced-*"))) == 3
