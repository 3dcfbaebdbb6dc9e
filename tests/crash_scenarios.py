"""What the crash harness's children do until they are killed, and how they report it.

Each child is forked from the harness's parent with an :class:`EpochState` (where the vault is,
its secrets) and a :class:`RoundPlan`. It writes one JSON line to its pipe per report:
``["attempt", ...]`` before a write and ``["commit", ...]`` only *after* the write returned, so the
parent never believes in a commit that did not happen. It also tells the parent about every
``os.replace`` (the atomic renames of headers, backups and restores): the parent may start its
kill timer there, and a plan may ask the child to stop itself (SIGSTOP) just before a given
rename so that the parent kills it exactly at that point.
"""

from __future__ import annotations

import fnmatch
import json
import os
import random
import signal
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.crash_checks import SHARED_FOLDER_MODE, EpochState
from tests.intent_helpers import add_vendors, draft, save_terms
from wallet.consents import ConsentBook, GrantRequest
from wallet.delivery.cycle import deliver_pending
from wallet.intents import IntentionBook
from wallet.outbox import DeliveryProgress, Outbox
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory

Emit = Callable[[list[Any]], None]
SETUP_FIELDS = {"email": "ada@example.org", "phone": "+34 600 000 000"}
VALUE_SIZES = (1, 40, 300, 1500)  # a few bytes to more than a page of SQLCipher
SHARED_KEYS = 8  # fields overwritten again and again, across rounds


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """One round: what the child does, and when the parent kills it.

    ``kill_after`` starts the parent's timer of ``kill_delay`` seconds: ``"start"`` (the fork),
    ``"ready"`` (the vault is open) or ``"replace:<pattern>"`` (a rename whose destination's name
    matches). ``stop_at`` = (pattern, n) instead makes the child stop itself just before its n-th
    rename to a matching name, where the parent kills it. With neither, the child is left to
    finish (set-up, settling).
    """

    number: int
    kind: str  # work, passphrase, backup, restore (killed); setup, settle (left to finish)
    seed: int
    kill_after: str | None = "ready"
    kill_delay: float = 0.0
    stop_at: tuple[str, int] | None = None

    @property
    def killed(self) -> bool:
        """Whether the parent kills this round (else it is left to finish)."""
        return self.kill_after is not None or self.stop_at is not None

    @property
    def describe(self) -> str:
        if self.stop_at is not None:
            return f"{self.kind}: stopped before rename #{self.stop_at[1]} to {self.stop_at[0]}"
        return f"{self.kind}: killed {self.kill_delay * 1000:.1f} ms after {self.kill_after}"


def pipe_emitter(fd: int) -> Emit:
    """Reports written whole to ``fd`` (a pipe to the parent), one JSON line each."""

    def emit(event: list[Any]) -> None:
        view = memoryview((json.dumps(event) + "\n").encode("utf-8"))
        while view:
            view = view[os.write(fd, view) :]

    return emit


def install_replace_hook(emit: Emit, stop_at: tuple[str, int] | None) -> None:
    """Report every ``os.replace`` of this process; stop before the one ``stop_at`` names."""
    real_replace = os.replace
    seen = 0

    def replace(src: Any, dst: Any, **options: Any) -> None:
        nonlocal seen
        names = [os.path.basename(os.fspath(src)), os.path.basename(os.fspath(dst))]
        if stop_at is not None and fnmatch.fnmatchcase(names[1], stop_at[0]):
            seen += 1
            if seen == stop_at[1]:
                emit(["stop", "replace", *names])
                os.kill(os.getpid(), signal.SIGSTOP)  # the parent kills us here
        emit(["phase", "replace", *names])
        real_replace(src, dst, **options)

    os.replace = replace


class Worker:
    """A child's work on the epoch's vault, every write reported before and after."""

    def __init__(self, vault: Vault, state: EpochState, plan: RoundPlan, emit: Emit) -> None:
        self.vault = vault
        self.state = state
        self.plan = plan
        self.emit = emit
        self.rng = random.Random(plan.seed)
        self.count = 0
        self.vendor_ids = [vendor.id for vendor in VendorDirectory(vault).list()]

    def _next(self) -> str:
        self.count += 1
        return f"{self.plan.number}.{self.count}"

    def write_field(self, key: str | None = None, value: str | None = None) -> None:
        tag = self._next()
        if key is None:
            shared = self.rng.random() < 0.3
            key = f"shared_{self.rng.randrange(SHARED_KEYS)}" if shared else f"f{tag}"
        if value is None:
            value = f"{tag}:" + "v" * self.rng.choice(VALUE_SIZES)
        self.emit(["attempt", "field", key, value])
        self.vault.fields.set(key, value)
        self.emit(["commit", "field", key, value])

    def deliver(self) -> None:
        """Send what is due (resuming what a killed child left ``delivering``)."""
        delivered: list[int] = []

        def progress(update: DeliveryProgress) -> None:
            if update.status == "delivered":
                delivered.append(update.item_id)

        # One child runs at a time, so a short lease is safe: the next child takes up the messages
        # a killed one was sending within a second instead of after a request timeout.
        deliver_pending(self.vault, deadline=20, timeout=5, on_progress=progress, lease_seconds=1.0)
        self.emit(["commit", "delivered", delivered])

    def broadcast(self) -> None:
        book = IntentionBook(self.vault)
        record = book.create(draft(item_name=f"Trail shoes {self._next()}"))
        self.emit(["commit", "intention", record.id])
        book.broadcast(record.id)
        self.emit(["commit", "broadcast", record.id])
        self.deliver()

    def grant(self) -> None:
        fields = self.rng.choice([("email",), ("email", "phone")])
        request = GrantRequest(
            vendor_id=self.rng.choice(self.vendor_ids), field_keys=fields, purposes=(2,), days=30
        )
        record = ConsentBook(self.vault).grant(request)
        self.emit(["commit", "consent", record.id])
        self.deliver()

    def revoke(self) -> None:
        book = ConsentBook(self.vault)
        acknowledged = [row for row in book.rows(status="active") if row.acknowledged_at]
        if not acknowledged:
            self.grant()
            return
        consent_id = self.rng.choice(acknowledged).id
        book.revoke(consent_id)
        self.emit(["commit", "revocation", consent_id])
        self.deliver()

    def work_forever(self) -> None:
        """Random vault work until the parent's SIGKILL."""
        actions = (
            (0.60, self.write_field),
            (0.75, self.broadcast),
            (0.88, self.grant),
            (0.94, self.revoke),
            (1.00, self.deliver),
        )
        while True:
            roll = self.rng.random()
            next(action for limit, action in actions if roll < limit)()

    def change_passphrase(self) -> None:
        new = f"{self.state.passphrase.split(' #')[0]} #{self.plan.number}"
        self.emit(["attempt", "passphrase", new])
        self.vault.change_passphrase(self.state.passphrase, new)
        self.emit(["commit", "passphrase", new])

    def backup(self, name: str) -> None:
        self.emit(["attempt", "backup", name])
        self.vault.backup(self.state.backups_dir / name)
        self.emit(["commit", "backup", name])

    def restore(self, source: str, target: str, *, force: bool) -> None:
        self.emit(["attempt", "restore", target])
        Vault.restore(
            self.state.backups_dir / source,
            self.state.restores_dir / target,
            recovery_key=self.state.recovery_key,
            force=force,
        )
        self.emit(["commit", "restore", target])

    def latest_backup(self) -> str:
        committed = sorted(
            name
            for name in self.state.backups_committed
            if (self.state.backups_dir / name).exists()
        )
        if committed:
            return committed[-1]
        name = f"r{self.plan.number}-source.vrmbackup"
        self.backup(name)
        return name


def _special(worker: Worker) -> None:
    """The round's own work before the random work: what its kind is about."""
    plan = worker.plan
    if plan.kind == "passphrase":
        worker.change_passphrase()
    elif plan.kind == "backup":
        worker.backup(f"r{plan.number}-a.vrmbackup")
        worker.backup(f"r{plan.number}-b.vrmbackup")
    elif plan.kind == "restore":
        source = worker.latest_backup()
        worker.restore(source, f"r{plan.number}", force=False)  # into a new folder
        worker.restore(source, f"r{plan.number}", force=True)  # over it: moved aside, replaced


def run_round(plan: RoundPlan, state: EpochState, emit: Emit) -> None:
    """A killed round: open, do the round's own work, then random work until killed."""
    install_replace_hook(emit, plan.stop_at)
    with Vault.open_with_recovery_key(state.vault_dir, state.recovery_key) as vault:
        emit(["ready"])
        worker = Worker(vault, state, plan, emit)
        _special(worker)
        emit(["special-done"])
        worker.work_forever()


def run_setup(plan: RoundPlan, state: EpochState, emit: Emit, vendor_urls: list[str]) -> None:
    """Create the epoch's vault (minimum KDF cost) with vendors, terms and two fields."""
    for folder in (state.backups_dir, state.restores_dir):
        folder.mkdir()
        folder.chmod(SHARED_FOLDER_MODE)  # an ordinary folder of the person's: left as it is
    state.scratch_dir.mkdir(mode=0o700)
    created = Vault.create(state.vault_dir, state.passphrase, kdf_target_seconds=0)
    emit(["setup", created.recovery_key])
    with created.vault as vault:
        add_vendors(vault, vendor_urls)
        save_terms(vault)
        worker = Worker(vault, state, plan, emit)
        for key, value in SETUP_FIELDS.items():
            worker.write_field(key, value)


def run_settle(plan: RoundPlan, state: EpochState, emit: Emit) -> None:
    """The clean run after the last kill: deliver everything, one backup and one restore."""
    with Vault.open_with_recovery_key(state.vault_dir, state.recovery_key) as vault:
        emit(["ready"])
        worker = Worker(vault, state, plan, emit)
        for _ in range(5):
            worker.deliver()
            if not any(row.status != "delivered" for row in Outbox(vault).rows()):
                break
        worker.backup("settle.vrmbackup")
        worker.restore("settle.vrmbackup", "settle", force=False)
