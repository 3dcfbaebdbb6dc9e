"""Auto-lock: the idle timer reset by input, and the screen lock seen over D-Bus.

The screen-lock signals are real D-Bus signals: on a throw-away dbus-daemon, and on the session
bus itself when the tests run inside one (CI runs them under ``dbus-run-session``), where the
window's own watcher (``QDBusConnection.sessionBus()``) must see them. logind's ``Lock`` comes on
the system bus from ``org.freedesktop.login1``, which a test cannot own there: it is tested on a
throw-away bus standing in for the system bus, where the test may own that name.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from jeepney import DBusAddress, new_signal
from jeepney.io.blocking import open_dbus_connection
from PySide6.QtCore import SLOT, QElapsedTimer, QObject, Qt, Slot
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock
from ui.autolock import (
    LOGIN1_SERVICE,
    LOGIN1_SESSION_INTERFACE,
    SCREEN_SAVERS,
    AutoLock,
    ScreenLockWatcher,
    login1_session_path,
)
from wallet.vault.facade import Vault

QtDBus = pytest.importorskip("PySide6.QtDBus")


@pytest.fixture
def private_bus_address() -> Iterator[str]:
    """The address of a throw-away D-Bus bus (a real dbus-daemon), stopped afterwards."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--nopidfile", "--print-address"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    try:
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def _bus(address: str, name: str) -> QtDBus.QDBusConnection:
    connection = QtDBus.QDBusConnection.connectToBus(address, name)
    assert connection.isConnected()
    return connection


def _emit_active_changed(bus: QtDBus.QDBusConnection, path: str, interface: str) -> None:
    message = QtDBus.QDBusMessage.createSignal(path, interface, "ActiveChanged")
    message.setArguments([True])
    assert bus.send(message)


def _disconnected_bus() -> QtDBus.QDBusConnection:
    return QtDBus.QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "no-bus")


def _disconnected_watcher() -> ScreenLockWatcher:
    return ScreenLockWatcher(bus=_disconnected_bus(), session_id="")  # and no logind session


def test_idle_timer_requests_a_lock(qtbot: QtBot) -> None:
    autolock = AutoLock(watcher=_disconnected_watcher(), ms_per_minute=50)
    autolock.configure(idle_minutes=1, lock_on_screen_lock=False)
    assert not autolock.idle_timer_running  # nothing happens before start()
    with qtbot.waitSignal(autolock.lock_requested, timeout=2_000) as blocker:
        autolock.start()
    assert blocker.args == ["idle"]
    assert not autolock.is_active


def test_input_restarts_the_idle_timer(qtbot: QtBot) -> None:
    autolock = AutoLock(watcher=_disconnected_watcher(), ms_per_minute=60_000)
    autolock.configure(idle_minutes=1, lock_on_screen_lock=False)
    autolock.start()
    timer = autolock._timer
    qtbot.waitUntil(lambda: timer.remainingTime() < 60_000 - 30, timeout=2_000)
    before = timer.remainingTime()
    entry = QLineEdit()
    qtbot.addWidget(entry)
    qtbot.keyClick(entry, Qt.Key.Key_A)
    assert timer.remainingTime() > before
    autolock.stop()


def test_zero_minutes_never_locks_and_stop_disarms(qtbot: QtBot) -> None:
    autolock = AutoLock(watcher=_disconnected_watcher(), ms_per_minute=1)
    autolock.configure(idle_minutes=0, lock_on_screen_lock=True)
    autolock.start()
    assert not autolock.idle_timer_running
    autolock.configure(idle_minutes=5, lock_on_screen_lock=True)
    assert autolock.idle_timer_running
    autolock.stop()
    assert not autolock.idle_timer_running


def test_no_session_bus_gives_a_reason() -> None:
    watcher = _disconnected_watcher()
    reason = watcher.unavailable_reason()
    assert reason is not None and "D-Bus" in reason


@pytest.mark.parametrize(
    ("path", "interface"),
    [
        ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ],
)
def test_screen_lock_signal_locks(
    qtbot: QtBot, private_bus_address: str, path: str, interface: str
) -> None:
    watcher = ScreenLockWatcher(bus=_bus(private_bus_address, f"watch{path}"))
    assert watcher.unavailable_reason() is None
    autolock = AutoLock(watcher=watcher)
    autolock.configure(idle_minutes=0, lock_on_screen_lock=True)
    autolock.start()
    sender = _bus(private_bus_address, f"send{path}")
    with qtbot.waitSignal(autolock.lock_requested, timeout=5_000) as blocker:
        _emit_active_changed(sender, path, interface)
    assert blocker.args == ["screen locked"]


def test_screen_lock_ignored_when_the_option_is_off(qtbot: QtBot, private_bus_address: str) -> None:
    watcher = ScreenLockWatcher(bus=_bus(private_bus_address, "watch-off"))
    autolock = AutoLock(watcher=watcher)
    autolock.configure(idle_minutes=0, lock_on_screen_lock=False)
    autolock.start()
    sender = _bus(private_bus_address, "send-off")
    with qtbot.waitSignal(watcher.screen_locked, timeout=5_000):
        _emit_active_changed(sender, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver")
    with qtbot.assertNotEmitted(autolock.lock_requested, wait=50):
        pass
    assert autolock.is_active


@pytest.mark.parametrize(
    ("session_id", "path"),
    [
        ("c1", "/org/freedesktop/login1/session/c1"),
        ("2", "/org/freedesktop/login1/session/_32"),  # a leading digit is escaped
        ("12", "/org/freedesktop/login1/session/_312"),
        ("a-b.c", "/org/freedesktop/login1/session/a_2db_2ec"),
        ("é", "/org/freedesktop/login1/session/_c3_a9"),  # bytes of UTF-8, lower-case hex
        ("", "/org/freedesktop/login1/session/_"),
    ],
)
def test_login1_session_paths_are_escaped_as_systemd_does(session_id: str, path: str) -> None:
    assert login1_session_path(session_id) == path


def _emit_session_lock(bus: QtDBus.QDBusConnection, session_id: str) -> None:
    message = QtDBus.QDBusMessage.createSignal(
        login1_session_path(session_id), LOGIN1_SESSION_INTERFACE, "Lock"
    )
    assert bus.send(message)


class _Barrier(QObject):
    """Hears a marker signal on a connection: every signal sent before it (by the same sender)
    has been delivered on that connection by then, so "not heard" can be asserted without a
    timeout."""

    def __init__(self, bus: QtDBus.QDBusConnection) -> None:
        super().__init__()
        self.reached = False
        assert bus.connect("", "/barrier", "test.Barrier", "Reached", self, SLOT("_reach()"))

    @Slot()
    def _reach(self) -> None:
        self.reached = True

    def cross(self, qtbot: QtBot, sender: QtDBus.QDBusConnection) -> None:
        self.reached = False
        assert sender.send(QtDBus.QDBusMessage.createSignal("/barrier", "test.Barrier", "Reached"))
        qtbot.waitUntil(lambda: self.reached, timeout=5_000)


def test_logind_lock_of_this_session_locks(qtbot: QtBot, private_bus_address: str) -> None:
    system_bus = _bus(private_bus_address, "system-watch")
    watcher = ScreenLockWatcher(bus=_disconnected_bus(), system_bus=system_bus, session_id="c7")
    assert watcher.unavailable_reason() is None  # logind alone is enough
    locks: list[None] = []
    watcher.screen_locked.connect(lambda: locks.append(None))
    barrier = _Barrier(system_bus)
    logind = _bus(private_bus_address, "logind")

    _emit_session_lock(logind, "c7")  # not from logind: ignored
    barrier.cross(qtbot, logind)
    assert locks == []
    assert logind.registerService(LOGIN1_SERVICE)
    _emit_session_lock(logind, "c8")  # another session: ignored
    barrier.cross(qtbot, logind)
    assert locks == []
    _emit_session_lock(logind, "c7")
    qtbot.waitUntil(lambda: len(locks) == 1, timeout=5_000)


def _session_bus() -> QtDBus.QDBusConnection:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        pytest.skip("no D-Bus session bus here (CI runs the tests under dbus-run-session)")
    bus = QtDBus.QDBusConnection.sessionBus()
    if not bus.isConnected():
        pytest.skip(f"the D-Bus session bus is not reachable: {bus.lastError().message()}")
    return bus


@pytest.mark.parametrize(("path", "interface"), SCREEN_SAVERS)
def test_the_screen_saver_on_the_session_bus_locks_the_window(
    qtbot: QtBot,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    path: str,
    interface: str,
) -> None:
    _session_bus()
    window = make_window(locked_vault[0])  # its watcher listens on the session bus
    assert window.autolock.watcher.unavailable_reason() is None
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.autolock.lock_on_screen_lock, timeout=10_000)  # the setting
    with open_dbus_connection(bus="SESSION") as screen_saver:  # another client, as a desktop's
        screen_saver.send(
            new_signal(DBusAddress(path, interface=interface), "ActiveChanged", "b", (True,))
        )
    qtbot.waitUntil(lambda: window.workspace is None, timeout=10_000)
    assert "screen was locked" in window.unlock_page.notice.text()
    assert not window.runner.is_unlocked


def test_input_keeps_the_window_unlocked_until_it_stops(
    qtbot: QtBot, make_window: MakeWindow, locked_vault: tuple[Path, str]
) -> None:
    directory, _key = locked_vault
    with Vault.open_with_passphrase(directory, PASSPHRASE) as vault:
        vault.update_settings(auto_lock_minutes=1)
    window = make_window(directory, ms_per_minute=600)  # "1 minute" lasts 600 ms here
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.autolock.idle_timer_running, timeout=10_000)
    workspace = window.workspace
    assert workspace is not None
    search = workspace.my_data.search_edit
    typing = QElapsedTimer()
    typing.start()
    while typing.elapsed() < 1_500:  # typing for longer than the idle time, a key every 50 ms
        qtbot.keyClick(search, Qt.Key.Key_A)
        qtbot.wait(50)
        assert window.workspace is workspace, f"locked after {typing.elapsed()} ms of typing"
    qtbot.waitUntil(lambda: window.workspace is None, timeout=10_000)  # then idle: it locks
    assert typing.elapsed() >= 2_000  # not before a full idle time after the last key
    assert "without use" in window.unlock_page.notice.text()
