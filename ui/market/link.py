"""The desktop app's one connection to the market relay (issue 15.4), on the network loop.

The relay is the vault's setting ``relay_url`` (empty: no market). While a vault is open, one
:class:`MarketLink` per window keeps one connection to it on the network loop
(:class:`ui.network.NetworkRunner`, never the GUI thread) and, on that connection:

* casts the intentions the person chose to cast (:meth:`MarketLink.cast`; one at a time, in the
  order asked; a cast asked while the relay is down waits until it answers);
* follows the sealed offers of every intention cast there that still takes offers
  (:func:`wallet.market.live.followed_intentions`): it watches each one's offers subject and, when
  a vendor publishes, reads what is new with :func:`wallet.market.follow_offers`, which opens,
  verifies, caps and stores them; the changes then reach the pages as after any vault operation
  (``runner.changed``), so the Intentions page adds the rows and ranks the funnel again;
* tells the relay of withdrawals it has not heard of (:func:`wallet.market.live.withdrawals_due`:
  kept in the vault, so a withdrawal made while the relay was down is sent when it is back).

When the relay cannot be reached or drops the connection, :attr:`MarketLink.state` says so and
the link tries again after 1, 2, 4 … 30 seconds; nothing is lost meanwhile (vendors' offers wait
on the relay, the cursor of what was read is in the vault). Vault steps run on the vault's
thread through ``run_db``.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from PySide6.QtCore import QObject, Signal, Slot

from ui.network import NetworkRunner, vault_call_adapter, vault_db_adapter
from ui.tasks import VaultRunner
from wallet.changes import Changes, Part
from wallet.errors import VaultLocked, WalletError
from wallet.market import cast_intention, follow_offers, withdraw_on_relays
from wallet.market.live import followed_intentions, withdrawals_due
from wallet.relay import Relay, RelayError, offers_subject
from wallet.vault.facade import Vault

RETRY_FIRST_SECONDS = 1.0
RETRY_MAX_SECONDS = 30.0
RESCAN_SECONDS = 10.0  # how often the intentions followed are looked up again
LIVENESS_SECONDS = 1.0  # how often an idle connection is checked
READ_WAIT_SECONDS = 0.2  # a reading ends when nothing more came for this long
SHARED_NAME = "market"
log = logging.getLogger(__name__)

Status = Literal["off", "connecting", "connected", "unreachable"]
Stop = Callable[[], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class MarketState:
    """Where the link stands: no relay set, connecting, connected, or unreachable (retrying in
    ``retry_seconds``; ``reason`` is the core's one-line English reason)."""

    status: Status
    relay_url: str = ""
    retry_seconds: int = 0
    reason: str = ""


def market_link(runner: VaultRunner, network: NetworkRunner) -> MarketLink:
    """The window's market link (made on first use; every page shares it)."""
    return network.shared(SHARED_NAME, lambda: MarketLink(runner, network))


class MarketLink(QObject):
    """One relay connection for the open vault (see the module docstring).

    Signals (on the GUI thread):
        state_changed(MarketState): connected, unreachable, ...
        offers_arrived(str, int): an intention's id and how many offers were stored.
        cast_finished(str, object): an intention's id and ``None`` once cast, or the error.
    """

    state_changed = Signal(object)
    offers_arrived = Signal(str, int)
    cast_finished = Signal(str, object)
    _posted = Signal(object)  # a state from the loop's thread

    def __init__(self, runner: VaultRunner, network: NetworkRunner) -> None:
        super().__init__(network)
        self._runner = runner
        self._network = network
        self._url = ""
        self._future: Future[Any] | None = None
        self._lock = threading.Lock()
        self._casts: list[str] = []  # asked, not yet cast (both threads, under the lock)
        self._wake: asyncio.Event | None = None  # the loop's
        self._dirty: set[str] = set()  # intentions to read (the loop's)
        self.state = MarketState("off")
        self.connections = 0  # connections opened so far (one while the relay stays up)
        self._posted.connect(self._apply)
        runner.unlocked.connect(self.refresh)
        runner.locked.connect(self.stop)
        runner.changed.connect(self._on_changed)
        if runner.is_unlocked:
            self.refresh()

    # ------------------------------------------------------------------ GUI thread

    @property
    def relay_url(self) -> str:
        return self._url

    def refresh(self) -> None:
        """Read the relay setting again; connect, reconnect elsewhere or stop as it says."""
        self._runner.run(lambda vault: vault.settings().relay_url, on_success=self._use)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Part.SETTINGS):
            self.refresh()

    def _use(self, url: str) -> None:
        if url == self._url and (self._future is not None or not url):
            return
        self.stop()
        self._url = url
        if url:
            self._apply(MarketState("connecting", url))
            self._future = self._network.start_background(partial(self._run, url))

    def cast(self, intention_id: str) -> None:
        """Cast the intention on the relay when connected (now, or once it answers again);
        ``cast_finished`` says how it went."""
        if not self._url:
            self.cast_finished.emit(intention_id, RelayError("No market relay is set."))
            return
        with self._lock:
            if intention_id not in self._casts:
                self._casts.append(intention_id)
        self.wake()

    def wake(self) -> None:
        """Look at the vault again now (a withdrawal to send, a cast to make)."""
        wake = self._wake
        if wake is not None:
            self._network.loop.call_soon_threadsafe(wake.set)

    def stop(self) -> None:
        """Close the connection (at lock, or when the setting changes)."""
        if self._future is not None:
            self._future.cancel()
            self._future = None
        with self._lock:
            waiting, self._casts = self._casts, []
        for intention_id in waiting:
            self.cast_finished.emit(intention_id, VaultLocked("The vault was locked."))
        self._url = ""
        self._apply(MarketState("off"))

    @Slot(object)
    def _apply(self, state: MarketState) -> None:
        if state.status != "off" and state.relay_url != self._url:
            return  # from a link already stopped
        self.state = state
        self.state_changed.emit(state)

    # ------------------------------------------------------------------ the loop's thread

    async def _run(self, url: str) -> None:
        run_db = vault_db_adapter(self._runner)
        run_vault = vault_call_adapter(self._runner)
        vault: Vault = await run_vault(lambda opened: opened)
        self._wake = asyncio.Event()
        delay = RETRY_FIRST_SECONDS
        while True:
            try:
                async with Relay(url, name="vrm-wallet") as relay:
                    self.connections += 1
                    delay = RETRY_FIRST_SECONDS
                    self._posted.emit(MarketState("connected", url))
                    await _Session(self, relay, vault, run_db, run_vault).serve()
                reason = "The relay closed the connection."
            except RelayError as exc:
                reason = str(exc)
            except VaultLocked:
                return
            except Exception as exc:  # a bug must not end the market for the session
                log.exception("the market link failed")
                reason = f"The market link failed ({type(exc).__name__})."
            state = MarketState("unreachable", url, retry_seconds=round(delay), reason=reason)
            self._posted.emit(state)
            await self._pause(delay)
            delay = min(delay * 2, RETRY_MAX_SECONDS)
            self._posted.emit(MarketState("connecting", url))

    async def _pause(self, seconds: float) -> bool:
        """Wait ``seconds`` or until woken; True if woken."""
        assert self._wake is not None
        try:
            await asyncio.wait_for(self._wake.wait(), seconds)
        except TimeoutError:
            return False
        self._wake.clear()
        return True

    def _next_cast(self) -> str | None:
        with self._lock:
            return self._casts[0] if self._casts else None

    def _cast_done(self, intention_id: str, error: Exception | None) -> None:
        with self._lock:
            if intention_id in self._casts:
                self._casts.remove(intention_id)
        self.cast_finished.emit(intention_id, error)

    def _mark(self, intention_id: str) -> None:
        """An offers subject had a message: read it (called on the loop by the relay)."""
        self._dirty.add(intention_id)
        if self._wake is not None:
            self._wake.set()


class _Session:
    """What the link does on one open connection, until it drops."""

    def __init__(
        self,
        link: MarketLink,
        relay: Relay,
        vault: Vault,
        run_db: Callable[[Callable[[], Any]], Awaitable[Any]],
        run_vault: Callable[[Callable[[Vault], Any]], Awaitable[Any]],
    ) -> None:
        self.link, self.relay, self.vault = link, relay, vault
        self.run_db, self.run_vault = run_db, run_vault
        self.watched: dict[str, Stop] = {}

    async def serve(self) -> None:
        loop = asyncio.get_running_loop()
        rescan_at = 0.0
        while self.relay.connected:
            await self._cast_waiting()
            if loop.time() >= rescan_at:
                await self._send_withdrawals()
                await self._follow_current()
                rescan_at = loop.time() + RESCAN_SECONDS
            await self._read_marked()
            woken = await self.link._pause(LIVENESS_SECONDS)
            if woken and not self.link._dirty:
                rescan_at = 0.0  # a withdrawal (or a cast): look at the vault now

    async def _noted(self) -> None:
        """Hand what the vault steps changed to the pages (``runner.changed``), once."""
        await self.run_vault(lambda _vault: None)

    async def _cast_waiting(self) -> None:
        while (intention_id := self.link._next_cast()) is not None:
            try:
                await cast_intention(
                    self.vault,
                    self.relay.url,
                    intention_id,
                    relay=self.relay,
                    run_db=self.run_db,
                )
            except RelayError as exc:
                if not self.relay.connected:
                    raise  # kept waiting: cast once the relay answers again
                self.link._cast_done(intention_id, exc)
                continue
            except WalletError as exc:
                self.link._cast_done(intention_id, exc)
                continue
            await self._noted()
            self.link._cast_done(intention_id, None)
            await self._follow_current()

    async def _send_withdrawals(self) -> None:
        due = await self.run_db(partial(withdrawals_due, self.vault, self.relay.url))
        for intention_id in due:
            await withdraw_on_relays(self.vault, intention_id, relay=self.relay, run_db=self.run_db)
        if due:
            await self._noted()

    async def _follow_current(self) -> None:
        """Watch the offers subject of every intention followed; a new one is read at once
        (what came while the app was closed or the relay unreachable)."""
        current = await self.run_db(partial(followed_intentions, self.vault, self.relay.url))
        for intention_id in [i for i in self.watched if i not in current]:
            await self.watched.pop(intention_id)()
        for intention_id in current:
            if intention_id not in self.watched:
                mark = partial(self.link._mark, intention_id)
                subject = offers_subject(intention_id)
                self.watched[intention_id] = await self.relay.watch(subject, mark)
                self.link._dirty.add(intention_id)

    async def _read_marked(self) -> None:
        while self.link._dirty:
            intention_id = self.link._dirty.pop()
            if intention_id not in self.watched:
                continue
            report = await follow_offers(
                self.vault,
                self.relay.url,
                intention_id,
                wait_seconds=READ_WAIT_SECONDS,
                relay=self.relay,
                run_db=self.run_db,
                transport=await self.link._network.transport(),  # meeting vendors: metadata
            )
            if report.messages:
                await self._noted()
            if report.offers.stored:
                self.link.offers_arrived.emit(intention_id, len(report.offers.stored))
