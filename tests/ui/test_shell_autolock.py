"""Auto-lock: the idle timer reset by input, and the screen lock seen over D-Bus."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from ui.autolock import AutoLock, ScreenLockWatcher

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


def _disconnected_watcher() -> ScreenLockWatcher:
    bus = QtDBus.QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "no-bus")
    return ScreenLockWatcher(bus=bus)


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
