"""Locking the vault by itself: after a period without input, and when the screen locks.

:class:`AutoLock` watches every key and mouse event the application receives (an event filter on
the QApplication, while unlocked) and restarts an idle timer on each; when the timer runs out it
emits ``lock_requested``. :class:`ScreenLockWatcher` notices the screen lock over D-Bus, from two
sources, so the vault can lock with the screen:

- the desktop's screen saver on the session bus (``org.freedesktop.ScreenSaver``, also on KDE's
  ``/ScreenSaver`` path, and ``org.gnome.ScreenSaver``), signal ``ActiveChanged(true)``;
- systemd-logind on the system bus, signal ``Lock`` on this login session's object, sent when
  something asks logind to lock the session (``loginctl lock-session``, idle and suspend
  managers); only from ``org.freedesktop.login1``, a name only logind may own on the system bus.

Nothing here costs the first window: the watcher connects to D-Bus when the vault is first
unlocked, and the Qt types used only while unlocked (``Qt``, ``QEvent``) are looked up then too
(PySide6 builds a Qt type's Python enums on first use: ``Qt`` alone takes ~20 ms).
"""

from __future__ import annotations

import functools
import os
import string
from typing import TYPE_CHECKING

from PySide6.QtCore import SLOT, QCoreApplication, QObject, QTimer, Signal, Slot

from wallet.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtDBus import QDBusConnection

MS_PER_MINUTE = 60_000
SCREEN_SAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),  # KDE also emits it on this path
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
LOGIN1_SERVICE = "org.freedesktop.login1"
LOGIN1_SESSION_INTERFACE = "org.freedesktop.login1.Session"
LOGIN1_SESSION_PATH = "/org/freedesktop/login1/session/"
_LETTERS = frozenset(string.ascii_letters.encode())
_DIGITS = frozenset(string.digits.encode())


@functools.cache
def user_input_events() -> frozenset[QEvent.Type]:
    """The events that count as the person using the app (they restart the idle timer)."""
    from PySide6.QtCore import QEvent

    return frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.InputMethod,
        }
    )


def _dbus_connection_class() -> type[QDBusConnection] | None:
    """QtDBus ships with PySide6-Essentials on Linux; other builds may lack it."""
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:  # pragma: no cover - depends on the Qt build
        return None
    return QDBusConnection


def login1_session_path(session_id: str) -> str:
    """logind's object path for a session id, escaped as systemd does (``"2"`` → ``_32``).

    Every byte that is not an ASCII letter, or a digit after the first character, becomes ``_``
    and two hex digits (systemd's ``bus_label_escape``); the empty id is ``_``.
    """
    escaped = "".join(
        chr(byte) if byte in _LETTERS or (position and byte in _DIGITS) else f"_{byte:02x}"
        for position, byte in enumerate(session_id.encode())
    )
    return LOGIN1_SESSION_PATH + (escaped or "_")


class ScreenLockWatcher(QObject):
    """Emits ``screen_locked`` when the screen saver becomes active or logind locks the session.

    ``bus`` defaults to the session bus and ``system_bus`` to the system bus, ``session_id`` to
    ``$XDG_SESSION_ID`` (without one, logind is not watched); tests pass connections to private
    buses.
    """

    screen_locked = Signal()

    def __init__(
        self,
        *,
        bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
        session_id: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._unavailable_reason: str | None = None
        connection_class = _dbus_connection_class()
        if connection_class is None:
            self._unavailable_reason = QT_TRANSLATE_NOOP(
                "ScreenLockWatcher", "This build of Qt has no D-Bus support."
            )
            return
        session_bus = bus if bus is not None else connection_class.sessionBus()
        watching_screen_saver = session_bus.isConnected() and all(
            [
                session_bus.connect(
                    "", path, interface, "ActiveChanged", self, SLOT("_on_active_changed(bool)")
                )
                for path, interface in SCREEN_SAVERS
            ]
        )
        if session_id is None:
            session_id = os.environ.get("XDG_SESSION_ID")
        watching_logind = bool(session_id) and self._watch_logind(
            system_bus if system_bus is not None else connection_class.systemBus(),
            login1_session_path(session_id or ""),
        )
        if not (watching_screen_saver or watching_logind):
            self._unavailable_reason = QT_TRANSLATE_NOOP(
                "ScreenLockWatcher",
                "No desktop session bus (D-Bus) was found, so the screen lock cannot be noticed.",
            )

    def _watch_logind(self, system_bus: QDBusConnection, session_path: str) -> bool:
        return system_bus.isConnected() and system_bus.connect(
            LOGIN1_SERVICE,
            session_path,
            LOGIN1_SESSION_INTERFACE,
            "Lock",
            self,
            SLOT("_on_session_lock()"),
        )

    def unavailable_reason(self) -> str | None:
        """``None`` when the screen lock can be noticed, else a sentence saying why not (in the
        language of the moment: it may change after this watcher starts)."""
        reason = self._unavailable_reason
        return None if reason is None else QCoreApplication.translate("ScreenLockWatcher", reason)

    @Slot(bool)
    def _on_active_changed(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()

    @Slot()
    def _on_session_lock(self) -> None:
        self.screen_locked.emit()


class AutoLock(QObject):
    """Asks for the vault to be locked after idle time or when the screen locks.

    It does nothing until :meth:`start` (call it when the vault is unlocked) and stops at
    :meth:`stop`. ``ms_per_minute`` lets tests turn minutes into milliseconds. Without a
    ``watcher``, one is made (connecting to D-Bus) when first needed: at the first start, or when
    :attr:`watcher` is first read.

    Signals:
        lock_requested(str): why — ``"idle"`` or ``"screen locked"``.
    """

    lock_requested = Signal(str)

    def __init__(
        self,
        *,
        watcher: ScreenLockWatcher | None = None,
        ms_per_minute: int = MS_PER_MINUTE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ms_per_minute = ms_per_minute
        self._idle_minutes = 0
        self._lock_on_screen_lock = False
        self._active = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._request("idle"))
        self._watcher: ScreenLockWatcher | None = None
        if watcher is not None:
            self._use_watcher(watcher)

    @property
    def watcher(self) -> ScreenLockWatcher:
        """What notices the screen lock (connected to D-Bus on first use)."""
        if self._watcher is None:
            self._use_watcher(ScreenLockWatcher(parent=self))
        assert self._watcher is not None
        return self._watcher

    def _use_watcher(self, watcher: ScreenLockWatcher) -> None:
        self._watcher = watcher
        watcher.screen_locked.connect(self._on_screen_locked)

    @property
    def is_active(self) -> bool:
        return self._active

    @property
    def lock_on_screen_lock(self) -> bool:
        return self._lock_on_screen_lock

    @property
    def idle_timer_running(self) -> bool:
        return self._timer.isActive()

    def configure(self, *, idle_minutes: int, lock_on_screen_lock: bool) -> None:
        """Apply the vault's settings (0 idle minutes = never lock when idle)."""
        self._idle_minutes = max(0, idle_minutes)
        self._lock_on_screen_lock = lock_on_screen_lock
        self._restart_idle_timer()

    def start(self) -> None:
        """Begin watching (the vault was unlocked)."""
        from PySide6.QtCore import Qt

        _ = self.watcher  # connected to D-Bus now, if not yet
        # Coarse timers may round a restart to the same deadline; the idle time should be exact.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._active = True
        self._watch_input(True)
        self._restart_idle_timer()

    def stop(self) -> None:
        """Stop watching (the vault was locked)."""
        self._active = False
        self._watch_input(False)
        self._timer.stop()

    def _watch_input(self, watching: bool) -> None:
        """Filter the application's events only while unlocked: a Python filter on every event
        slows the first window's appearance (each new kind of object it sees is bound then)."""
        application = QCoreApplication.instance()
        if application is None:
            return
        if watching:
            application.installEventFilter(self)  # installing twice keeps one filter
        else:
            application.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and event.type() in user_input_events():
            self._restart_idle_timer()
        return False

    def _restart_idle_timer(self) -> None:
        if self._active and self._idle_minutes > 0:
            self._timer.start(self._idle_minutes * self._ms_per_minute)
        else:
            self._timer.stop()

    def _on_screen_locked(self) -> None:
        if self._active and self._lock_on_screen_lock:
            self._request("screen locked")

    def _request(self, reason: str) -> None:
        if self._active:
            self.stop()
            self.lock_requested.emit(reason)
