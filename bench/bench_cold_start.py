"""Cold start: launch to the first visible window (Xvfb), the app beside a minimal PySide6 window.

Each run starts a fresh process under a private Xvfb server and asks the X server, every few
milliseconds, whether a top-level window of that process is mapped and viewable (the window is on
screen); the figure is the time from starting the process to that moment. The baseline is a
minimal PySide6 window (``QApplication`` + ``QLabel``), measured in the same run, interleaved with
the app, so the ratio is comparable across machines. The app is started twice over: with a fresh
``VRM_WALLET_HOME`` (the first-run wizard shows) and with an existing vault (the unlock screen).

The X server is asked through Xlib (ctypes), which Qt's xcb platform plugin needs anyway; starting
a tool such as ``xwininfo`` per poll would cost more than what is measured. Without Xvfb or Xlib
the figures say so and are skipped.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench import Figure

RUNS = 5
TARGET_RATIO = 1.5
POLL_SECONDS = 0.005
LAUNCH_TIMEOUT_SECONDS = 30.0
PASSPHRASE = "benchmark passphrase, not a secret"
REPOSITORY = Path(__file__).resolve().parent.parent

MINIMAL_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("A minimal PySide6 window")
label.resize(400, 200)
label.show()
sys.exit(app.exec())
"""

_IS_VIEWABLE = 2  # XWindowAttributes.map_state
_XA_CARDINAL = 6
_SUCCESS = 0


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [  # the layout of Xlib's XWindowAttributes
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


_ErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def _ignore_x_error(_display: int, _event: int) -> int:
    """A window may vanish between listing and querying it; Xlib's default handler would exit."""
    return 0


_IGNORE_X_ERROR = _ErrorHandler(_ignore_x_error)  # kept alive: Xlib holds the pointer


class WindowWatcher:
    """One connection to an X server that tells whether a process shows a viewable window.

    Windows are matched by ``_NET_WM_PID``, which Qt sets on its top-level windows; without a
    window manager those are children of the root window.
    """

    def __init__(self, display_name: str) -> None:
        library = ctypes.util.find_library("X11")
        if library is None:
            raise OSError("Xlib (libX11) is not installed")
        self._x = x = ctypes.CDLL(library)
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, *[ctypes.c_void_p] * 4]
        x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
            ctypes.c_int, ctypes.c_ulong, *[ctypes.c_void_p] * 5,
        ]  # fmt: skip
        x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
        x.XFree.argtypes = [ctypes.c_void_p]
        x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        x.XSetErrorHandler(_IGNORE_X_ERROR)
        self._display = x.XOpenDisplay(display_name.encode())
        if not self._display:
            raise OSError(f"cannot open X display {display_name}")
        self._root = x.XDefaultRootWindow(self._display)
        self._pid_atom = x.XInternAtom(self._display, b"_NET_WM_PID", 0)

    def close(self) -> None:
        self._x.XCloseDisplay(self._display)

    def shows_window(self, pid: int) -> bool:
        """True if a top-level window of process ``pid`` is mapped and viewable."""
        return any(
            self._window_pid(window) == pid and self._viewable(window)
            for window in self._top_level_windows()
        )

    def _top_level_windows(self) -> list[int]:
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        if not self._x.XQueryTree(
            self._display,
            self._root,
            ctypes.byref(root),
            ctypes.byref(parent),
            ctypes.byref(children),
            ctypes.byref(count),
        ):
            return []
        windows = [children[index] for index in range(count.value)]
        if children:
            self._x.XFree(children)
        return windows

    def _window_pid(self, window: int) -> int | None:
        actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
        items, bytes_after = ctypes.c_ulong(), ctypes.c_ulong()
        value = ctypes.POINTER(ctypes.c_ulong)()
        status = self._x.XGetWindowProperty(
            self._display,
            window,
            self._pid_atom,
            0,
            1,
            0,
            _XA_CARDINAL,
            ctypes.byref(actual_type),
            ctypes.byref(actual_format),
            ctypes.byref(items),
            ctypes.byref(bytes_after),
            ctypes.byref(value),
        )
        if status != _SUCCESS or not value:
            return None
        pid = int(value[0]) if items.value else None
        self._x.XFree(value)
        return pid

    def _viewable(self, window: int) -> bool:
        attributes = _XWindowAttributes()
        if not self._x.XGetWindowAttributes(self._display, window, ctypes.byref(attributes)):
            return False
        return bool(attributes.map_state == _IS_VIEWABLE)


@contextlib.contextmanager
def xvfb_display() -> Iterator[str]:
    """A private Xvfb server for the duration; yields its display name (``:N``)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as announced:
            number = announced.readline().strip()  # Xvfb writes it once it accepts clients
        if not number:
            raise OSError("Xvfb did not start")
        yield f":{number.decode()}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def seconds_to_first_window(
    command: list[str], *, environment: dict[str, str], watcher: WindowWatcher
) -> float:
    """Start ``command``; seconds until one of its windows is viewable. Stops it afterwards."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=environment,
        cwd=REPOSITORY,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        while not watcher.shows_window(process.pid):
            if process.poll() is not None:
                error = process.stderr.read().decode(errors="replace") if process.stderr else ""
                raise RuntimeError(f"{command} exited before showing a window: {error[-2000:]}")
            if time.perf_counter() - started > LAUNCH_TIMEOUT_SECONDS:
                raise TimeoutError(f"{command} showed no window in {LAUNCH_TIMEOUT_SECONDS:g} s")
            time.sleep(POLL_SECONDS)
        return time.perf_counter() - started
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (the app quits cleanly on it, locking the vault); SIGKILL if it lingers."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stderr:
        process.stderr.close()


def _existing_vault(directory: Path) -> None:
    from wallet.vault.facade import Vault

    Vault.create(directory, PASSPHRASE, kdf_target_seconds=0).vault.lock()


def _environment(display: str, home: Path, *, bytecode: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment.pop("WAYLAND_DISPLAY", None)
    # An installed app runs from compiled bytecode; without it every launch would compile the
    # app's modules again (PYTHONDONTWRITEBYTECODE is common in development shells). The warm-up
    # round writes it, to a private folder so the work tree stays clean.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment.update(
        PYTHONPYCACHEPREFIX=str(bytecode),
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        VRM_WALLET_HOME=str(home),
        # the unlock screen asks the keyring whether to offer its button: not the desktop's
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    return environment


def _measure(display: str, work: Path) -> dict[str, list[float]]:
    """Interleaved runs of each case (after one unmeasured warm-up each); seconds per case."""
    fresh_home, vault_home, bytecode = work / "fresh", work / "existing", work / "bytecode"
    _existing_vault(vault_home)
    app = [sys.executable, "-m", "ui.app"]
    minimal = [sys.executable, "-c", MINIMAL_WINDOW]
    cases = {
        "minimal": (minimal, _environment(display, fresh_home, bytecode=bytecode)),
        "welcome": (app, _environment(display, fresh_home, bytecode=bytecode)),
        "unlock": (app, _environment(display, vault_home, bytecode=bytecode)),
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}
    watcher = WindowWatcher(display)
    try:
        for run in range(RUNS + 1):
            for name, (command, environment) in cases.items():
                seconds = seconds_to_first_window(command, environment=environment, watcher=watcher)
                if run:  # the first round writes bytecode and warms the file cache
                    samples[name].append(seconds)
                shutil.rmtree(fresh_home, ignore_errors=True)
    finally:
        watcher.close()
    return samples


def run() -> list[Figure]:
    if shutil.which("Xvfb") is None:
        return [Figure("cold start (skipped: Xvfb missing; `make system-deps`)", 0.0, "s")]
    with tempfile.TemporaryDirectory() as scratch, xvfb_display() as display:
        samples = _measure(display, Path(scratch))
    minimal = statistics.median(samples["minimal"])
    welcome = statistics.median(samples["welcome"])
    unlock = statistics.median(samples["unlock"])
    note = f"median of {RUNS}, Xvfb, launch to a viewable window"
    return [
        Figure("minimal PySide6 window (QApplication + QLabel)", minimal, "s", note=note),
        Figure("app, first run: welcome window", welcome, "s", note=note),
        Figure("app, existing vault: unlock window", unlock, "s", note=note),
        Figure("  welcome window / minimal window", welcome / minimal, "x", TARGET_RATIO),
        Figure("  unlock window / minimal window", unlock / minimal, "x", TARGET_RATIO),
    ]
