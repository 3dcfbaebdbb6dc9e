"""Crash-safety harness (issue 11, item 5): SIGKILL a process doing vault work, many times, and
check after each kill that nothing committed was lost or damaged.

    python -m tests.crash_harness --kills 200 [--seed S] [--json] [--workdir DIR]

This process is a *fork server*: it imports everything once and never opens a database or starts
a thread, so forking it is cheap and safe. Per vault (an *epoch* of ``--kills-per-vault`` kills)
it forks the vendor kit's process (:mod:`tests.crash_vendor`, 127.0.0.1, which writes down every
POST it answered) and a child that creates the vault with the minimum KDF cost. Then, per round,
it forks a child that opens the vault (recovery key: no Argon2 per kill) and works
(:mod:`tests.crash_scenarios`): field writes, intentions broadcast and consents granted or revoked
to the vendors, delivered; or a passphrase change, backups, restores. The child reports each write
before and after it returns; the parent SIGKILLs it at a seeded random moment or exactly before a
chosen atomic rename, then forks a checker (:func:`tests.crash_checks.check_epoch`). After the
last kill of a vault a clean child delivers everything, backs up and restores, and a final check
demands every message delivered and accepted exactly once and no temporary file left.

The figures are printed at the end; the exit status is 1 if any problem was found.
"""

from __future__ import annotations

import argparse
import dataclasses
import fnmatch
import json
import os
import random
import select
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.crash_checks import EpochState, Verdict, check_epoch
from tests.crash_scenarios import Emit, RoundPlan, pipe_emitter, run_round, run_settle, run_setup
from tests.crash_vendor import VendorProcess, start_vendor_process

PASSPHRASE = "crash harness passphrase - not secret"
VENDORS = 3
KILLED_ROUND_TIMEOUT = 30.0  # a round that never reaches its kill point is a harness problem
FINISHING_TIMEOUT = 180.0  # set-up, settling and checks, which are left to finish
MAX_PROBLEMS = 200  # a broken build should print a page, not a book

# Kill points per round kind, used in turn so that every one occurs in a short run. Uniform
# delays are drawn from the seeded generator; stops are exact (just before a rename).
WORK_PLANS: tuple[tuple[str, float], ...] = (
    ("start", 0.012),  # during unlock, migration check, resume
    ("ready", 0.25),
    ("ready", 0.25),
    ("ready", 0.25),
    ("ready", 0.25),
    ("ready", 0.25),
)


@dataclass(slots=True)
class Figures:
    """What a run did and found."""

    seed: int
    kills: int = 0
    exact_kills: int = 0
    vaults: int = 0
    rounds: Counter[str] = field(default_factory=Counter)
    commits_checked: int = 0
    deliveries_checked: int = 0
    resends_deduplicated: int = 0
    backups_checked: int = 0
    restores_checked: int = 0
    passphrase_kept: int = 0
    passphrase_changed: int = 0
    leftovers_after_kills: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    stopped_early: bool = False

    def summary(self) -> str:
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.rounds.items()))
        lines = [
            f"crash harness (seed {self.seed}): {self.kills} kills ({self.exact_kills} exactly "
            f"before a rename) in {self.vaults} vaults, {self.seconds:.1f} s"
            + (" (stopped at --max-seconds)" if self.stopped_early else ""),
            f"  rounds: {kinds}",
            f"  commits checked: {self.commits_checked}; deliveries checked: "
            f"{self.deliveries_checked} ({self.resends_deduplicated} resends deduplicated)",
            f"  backups checked: {self.backups_checked}; restores checked: "
            f"{self.restores_checked}; passphrase after a killed change: old "
            f"{self.passphrase_kept}, new {self.passphrase_changed}",
            f"  temporary files or folders left by kills: {self.leftovers_after_kills}",
        ]
        if not self.problems:
            lines.append("  problems: none")
        for problem in self.problems:
            times = "" if problem["times"] == 1 else f" (found {problem['times']} times)"
            lines.append(
                f"  PROBLEM [{problem['kind']}] {problem['where']}: {problem['detail']}{times}"
            )
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["rounds"] = dict(self.rounds)
        return data


@dataclass(slots=True)
class ChildResult:
    """How a forked child ended and what it reported."""

    events: list[list[Any]]
    killed: bool = False
    exact: bool = False
    exit_code: int | None = None
    timed_out: bool = False

    def find(self, kind: str) -> list[Any] | None:
        return next((event for event in self.events if event and event[0] == kind), None)


class _LineReader:
    """Complete JSON lines out of pipe chunks (a line cut by a kill is dropped)."""

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, chunk: bytes) -> list[list[Any]]:
        self._buffer += chunk
        *lines, self._buffer = self._buffer.split(b"\n")
        return [json.loads(line) for line in lines if line]


def _fork() -> int:
    """``os.fork`` from a parent that holds no thread and no open database (checked)."""
    if threading.active_count() != 1:
        raise RuntimeError("the harness's parent must not start threads before forking")
    sys.stdout.flush()
    sys.stderr.flush()
    return os.fork()


def _trigger_matches(trigger: str | None, event: list[Any]) -> bool:
    if trigger is None:
        return False
    if trigger.startswith("replace:"):
        return event[:2] == ["phase", "replace"] and fnmatch.fnmatchcase(event[3], trigger[8:])
    return event == [trigger]


def run_child(target: Callable[[Emit], None], plan: RoundPlan | None) -> ChildResult:
    """Fork a child running ``target`` and kill it as ``plan`` says (None: let it finish)."""
    read_fd, write_fd = os.pipe()
    pid = _fork()
    if pid == 0:
        os.close(read_fd)
        emit = pipe_emitter(write_fd)
        code = 0
        try:
            target(emit)
        except BaseException:
            emit(["error", traceback.format_exc(limit=8)])
            code = 3
        os._exit(code)
    os.close(write_fd)
    try:
        return _Watch(pid, plan).run(read_fd)
    finally:
        os.close(read_fd)


class _Watch:
    """The parent's side of one child: read its reports, kill it when the plan says."""

    def __init__(self, pid: int, plan: RoundPlan | None) -> None:
        self.pid = pid
        self.plan = plan
        self.result = ChildResult(events=[])
        self.reader = _LineReader()
        started = time.monotonic()
        killing = plan is not None and plan.killed
        self.limit = started + (KILLED_ROUND_TIMEOUT if killing else FINISHING_TIMEOUT)
        self.kill_at: float | None = None
        if plan is not None and plan.kill_after == "start":
            self.kill_at = started + plan.kill_delay

    def kill(self, *, exact: bool = False, missed: bool = False) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        self.result.killed = True
        self.result.exact = exact
        self.result.timed_out = missed

    def take(self, chunk: bytes) -> None:
        for event in self.reader.feed(chunk):
            self.result.events.append(event)
            if self.result.killed or self.plan is None:
                continue
            if event[0] == "stop":
                os.waitpid(self.pid, os.WUNTRACED)  # stopped itself just before the rename
                self.kill(exact=True)
            elif event[0] == "special-done" and self.plan.stop_at is not None:
                self.kill(missed=True)  # the stop point was never reached
            elif self.kill_at is None and _trigger_matches(self.plan.kill_after, event):
                self.kill_at = time.monotonic() + self.plan.kill_delay

    def run(self, read_fd: int) -> ChildResult:
        while not self.result.killed:
            now = time.monotonic()
            deadline = self.limit if self.kill_at is None else min(self.limit, self.kill_at)
            if now >= deadline:
                self.kill(missed=now >= self.limit)
                break
            ready, _, _ = select.select([read_fd], [], [], deadline - now)
            if not ready:
                continue
            chunk = os.read(read_fd, 1 << 16)
            if not chunk:
                break  # the child ended by itself
            self.take(chunk)
        while chunk := os.read(read_fd, 1 << 16):  # what the child wrote before it died
            self.result.events.extend(self.reader.feed(chunk))
        _, status = os.waitpid(self.pid, 0)
        if os.WIFEXITED(status):
            self.result.exit_code = os.WEXITSTATUS(status)
        return self.result


class Harness:
    """One run: vaults one after the other, each killed ``per_vault`` times."""

    def __init__(
        self,
        *,
        workdir: Path,
        seed: int,
        kills: int,
        per_vault: int,
        max_seconds: float,
        keep: bool = False,
    ) -> None:
        """``keep`` leaves each vault's folder for a look afterwards (else removed once checked)."""
        self.workdir = workdir
        self.keep = keep
        self.rng = random.Random(seed)
        self.kills_wanted = kills
        self.per_vault = max(1, per_vault)
        self.max_seconds = max_seconds
        self.figures = Figures(seed=seed)
        self.turns: Counter[str] = Counter()  # which kill point of each kind comes next
        self.leftovers_seen: set[str] = set()
        self.started = time.monotonic()

    def run(self) -> Figures:
        while self.figures.kills < self.kills_wanted and not self._out_of_time():
            before = self.figures.kills
            self.run_epoch(self.figures.vaults + 1)
            if self.figures.kills == before:
                break  # a vault that could not even be set up: more would fail the same way
        self.figures.seconds = round(time.monotonic() - self.started, 2)
        return self.figures

    def _out_of_time(self) -> bool:
        late = self.max_seconds > 0 and time.monotonic() - self.started > self.max_seconds
        self.figures.stopped_early = self.figures.stopped_early or late
        return late

    def _problem(self, kind: str, where: str, detail: str) -> None:
        """Record a problem once, however many rounds find it again (counted)."""
        for known in self.figures.problems:
            if known["kind"] == kind and known["detail"] == detail:
                known["times"] += 1
                return
        if len(self.figures.problems) < MAX_PROBLEMS:
            entry = {"kind": kind, "where": where, "detail": detail, "times": 1}
            self.figures.problems.append(entry)

    def run_epoch(self, number: int) -> None:
        self.figures.vaults = number
        root = self.workdir / f"vault-{number:03d}"
        root.mkdir(mode=0o700, parents=True)
        state = EpochState(number=number, root=root, passphrase=PASSPHRASE)
        state.vendor_log = root / "vendors.jsonl"
        vendors = start_vendor_process(count=VENDORS, log_path=state.vendor_log, fork=_fork)
        try:
            if self._set_up(state, vendors):
                rounds = min(self.per_vault, self.kills_wanted - self.figures.kills)
                for plan in self.schedule(number, rounds):
                    if self._out_of_time():
                        break
                    self.play(state, plan)
                self.settle(state)
        finally:
            vendors.stop()
        if not self.keep:
            shutil.rmtree(root, ignore_errors=True)

    def _set_up(self, state: EpochState, vendors: VendorProcess) -> bool:
        plan = RoundPlan(number=0, kind="setup", seed=self.rng.randrange(2**32), kill_after=None)
        result = run_child(lambda emit: run_setup(plan, state, emit, vendors.metadata_urls), None)
        created = result.find("setup")
        for event in result.events:
            state.apply(event)
        if created is None or result.exit_code != 0:
            self._report_child(state, "set-up", result)
            return False
        state.recovery_key = created[1]
        return True

    def schedule(self, epoch: int, rounds: int) -> list[RoundPlan]:
        """``rounds`` plans: mostly random work, and at least one of each special kind."""
        special = max(1, rounds // 10)
        kinds = ["passphrase"] * max(1, rounds // 14) + ["backup"] * special
        kinds += ["restore"] * special
        kinds = kinds[:rounds] + ["work"] * max(0, rounds - len(kinds))
        self.rng.shuffle(kinds)
        return [self._plan(epoch * 1000 + index, kind) for index, kind in enumerate(kinds, 1)]

    def _plan(self, number: int, kind: str) -> RoundPlan:
        turn = self.turns[kind]
        self.turns[kind] += 1
        seed = self.rng.randrange(2**32)

        def uniform(after: str, longest: float) -> RoundPlan:
            delay = self.rng.uniform(0, longest)
            return RoundPlan(number, kind, seed, kill_after=after, kill_delay=delay)

        def stop(pattern: str, nth: int = 1) -> RoundPlan:
            return RoundPlan(number, kind, seed, kill_after=None, stop_at=(pattern, nth))

        if kind == "work":
            after, longest = WORK_PLANS[turn % len(WORK_PLANS)]
            return uniform(after, longest)
        target = f"r{number}"
        choices: dict[str, list[Callable[[], RoundPlan]]] = {
            "passphrase": [
                lambda: stop("vault.json"),  # new header written, not yet renamed
                lambda: uniform("replace:vault.json", 0.004),  # around the rename
                lambda: uniform("ready", 0.9),  # anywhere (mostly in Argon2id)
            ],
            "backup": [
                lambda: stop("*.vrmbackup"),
                lambda: stop("*.vrmbackup", 2),
                lambda: uniform("replace:*.vrmbackup", 0.003),
                lambda: uniform("ready", 0.12),
            ],
            "restore": [
                lambda: stop(target),  # first restore: staging complete, not moved in
                lambda: stop(f"{target}.replaced-*"),  # forced restore: before moving aside
                lambda: uniform(f"replace:{target}.replaced-*", 0.002),  # exchanged, moving aside
                lambda: stop("vault.json"),  # the backup's header being unpacked
                lambda: uniform(f"replace:{target}*", 0.002),
                lambda: uniform("ready", 0.1),
            ],
        }
        options = choices[kind]
        return options[turn % len(options)]()

    def play(self, state: EpochState, plan: RoundPlan) -> None:
        where = f"vault {state.number}, round {plan.number} ({plan.describe})"
        if plan.kind == "passphrase":
            state.header_before = (state.vault_dir / "vault.json").read_bytes()
        result = run_child(lambda emit: run_round(plan, state, emit), plan)
        for event in result.events:
            state.apply(event)
        self.figures.rounds[plan.kind] += 1
        if result.killed and not result.timed_out:
            self.figures.kills += 1
            self.figures.exact_kills += int(result.exact)
        else:
            self._report_child(state, where, result)
        verdict = self.check(state, where, final=False)
        if plan.kind == "passphrase" and verdict is not None:
            changed = verdict.passphrase != state.passphrase
            self.figures.passphrase_changed += int(changed)
            self.figures.passphrase_kept += int(not changed)
            state.passphrase = verdict.passphrase or state.passphrase
        state.passphrase_attempt = None
        state.passphrase_committed = False

    def settle(self, state: EpochState) -> None:
        plan = RoundPlan(number=0, kind="settle", seed=self.rng.randrange(2**32), kill_after=None)
        result = run_child(lambda emit: run_settle(plan, state, emit), None)
        for event in result.events:
            state.apply(event)
        if result.exit_code != 0:
            self._report_child(state, f"vault {state.number}, settling", result)
        self.check(state, f"vault {state.number}, after the clean run", final=True)
        shutil.rmtree(state.scratch_dir, ignore_errors=True)

    def check(self, state: EpochState, where: str, *, final: bool) -> Verdict | None:
        """Fork a checker of the epoch and take in its verdict."""

        def checker(emit: Emit) -> None:
            verdict = check_epoch(state, final=final)
            verdict.problems = verdict.problems[:MAX_PROBLEMS]
            emit(["verdict", dataclasses.asdict(verdict)])

        result = run_child(checker, None)
        found = result.find("verdict")
        if found is None:
            self._report_child(state, f"{where}, checking", result)
            return None
        verdict = Verdict(**found[1])
        for kind, detail in verdict.problems:
            self._problem(kind, where, detail)
        if final:  # every commit and delivery of the vault, each also checked after its round
            self.figures.commits_checked += verdict.commits_checked
            self.figures.deliveries_checked += verdict.deliveries_checked
            self.figures.resends_deduplicated += verdict.resends_deduplicated
        self.figures.backups_checked += len(verdict.backups_checked)
        self.figures.restores_checked += len(verdict.restores_checked)
        self.leftovers_seen.update(f"{state.number}/{path}" for path in verdict.leftovers)
        self.figures.leftovers_after_kills = len(self.leftovers_seen)
        state.backups_verified.update(verdict.backups_checked)
        state.restores_verified.update(verdict.restores_checked)
        return verdict

    def _report_child(self, state: EpochState, where: str, result: ChildResult) -> None:
        error = result.find("error")
        if error is not None:
            detail = error[1].strip().splitlines()[-1]
        elif result.timed_out:
            detail = "the child never reached its kill point"
        else:
            detail = f"the child ended by itself (exit {result.exit_code})"
        self._problem("child", where, detail)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.crash_harness",
        description="SIGKILL vault work at random moments and check that nothing committed is "
        "lost or damaged (issue 11, item 5).",
    )
    parser.add_argument("--kills", type=int, default=200, help="how many kills (default 200)")
    parser.add_argument("--seed", type=int, help="seed of the random choices (default: random)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--workdir", type=Path, help="where the vaults go (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument(
        "--kills-per-vault", type=int, default=25, help="kills before a fresh vault (default 25)"
    )
    parser.add_argument(
        "--max-seconds", type=float, default=0, help="stop starting rounds after this (0: never)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="vrm-crash-"))
    workdir.mkdir(mode=0o700, parents=True, exist_ok=True)
    harness = Harness(
        workdir=workdir,
        seed=seed,
        kills=args.kills,
        per_vault=args.kills_per_vault,
        max_seconds=args.max_seconds,
        keep=args.keep,
    )
    try:
        figures = harness.run()
    finally:
        if args.workdir is None and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(figures.as_json(), indent=2) if args.json else figures.summary())
    return 1 if figures.problems else 0


if __name__ == "__main__":
    sys.exit(main())
