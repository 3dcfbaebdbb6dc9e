"""The frozen desktop app (issue 16): PyInstaller's one-folder build of
``packaging/pyinstaller/vrm-wallet.spec`` runs away from this checkout and its virtualenv.

The folder is built once per run into a temporary directory, copied elsewhere (it must not
depend on where it was built), and started on a vault made by this environment's
``vrm-wallet-cli``, under its own Xvfb, with a bare environment: no PYTHONPATH, no virtualenv on
PATH, the temporary directory as working directory. Everything is watched from outside the
process: ``xdotool`` finds its window and types the passphrase, ImageMagick's ``import``
photographs the screen, the vault's files show it open and then closed, SIGTERM ends it and it
must exit cleanly, having written no traceback and no failed preload.

Xvfb, xdotool and ImageMagick come from ``.ci/system-deps``; PyInstaller from the ``dev`` extra.
A test skips, saying which, only where one of them is missing.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
SPEC = REPOSITORY / "packaging" / "pyinstaller" / "vrm-wallet.spec"
APP_NAME = "vrm-wallet"
WINDOW_TITLE = "VRM Wallet"
PASSPHRASE = "a frozen quokka in the snow"
BUILD_TIMEOUT = 240
START_TIMEOUT = 30.0
POLL_SECONDS = 0.1
SCREEN = "1280x1024x24"
BLANK_COLOURS = 8  # a blank screen shows one; the unlock screen some 450 (antialiased text)
WORKSPACE_ICON_COLOURS = 80  # the workspace's coloured page icons add some 170

T = TypeVar("T")

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the recipe is Linux's"),
    pytest.mark.timeout(BUILD_TIMEOUT + 120),
]


def _command(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (make system-deps installs it)")
    return found


def _wait_for(condition: Callable[[], T | None], *, what: str, timeout: float) -> T:
    """The first true value of ``condition``, polled until ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(POLL_SECONDS)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built folder, copied away from where it was built; returns its executable."""
    pytest.importorskip("PyInstaller", reason="PyInstaller is in the dev extra")
    build = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(build / "dist"), "--workpath", str(build / "work"), str(SPEC),
        ],
        cwd=build, check=True, timeout=BUILD_TIMEOUT, capture_output=True,
    )  # fmt: skip
    elsewhere = tmp_path_factory.mktemp("installed") / APP_NAME
    shutil.copytree(build / "dist" / APP_NAME, elsewhere, symlinks=True)
    shutil.rmtree(build)
    return elsewhere / APP_NAME


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    """A private X display (``:N``), from an Xvfb that picks a free number itself."""
    xvfb = _command("Xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        assert number.isdigit(), "Xvfb did not announce its display"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _make_vault(vault: Path) -> None:
    """A vault made by this environment's command line, as a person's existing vault."""
    cli = Path(sys.executable).with_name("vrm-wallet-cli")
    environment = {**os.environ, "VRM_WALLET_PASSPHRASE": PASSPHRASE}
    subprocess.run(
        [str(cli), "--vault", str(vault), "init", "--kdf-target-ms", "0"],
        env=environment, check=True, timeout=60, capture_output=True,
    )  # fmt: skip


def _bare_environment(home: Path, display: str) -> dict[str, str]:
    """What a desktop session passes, and nothing of this checkout or its virtualenv."""
    home.mkdir()
    return {
        "HOME": str(home),
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }


def _windows_named(title: str, environment: dict[str, str]) -> list[str]:
    result = subprocess.run(
        [_command("xdotool"), "search", "--onlyvisible", "--name", title],
        env=environment, capture_output=True, text=True, timeout=10, check=False,
    )  # fmt: skip
    return result.stdout.split()


def _screen_colours(screenshot: Path, environment: dict[str, str]) -> int:
    """How many distinct colours the screen shows (a blank screen has one)."""
    subprocess.run(
        [_command("import"), "-window", "root", str(screenshot)],
        env=environment, check=True, timeout=20, capture_output=True,
    )  # fmt: skip
    counted = subprocess.run(
        [_command("identify"), "-format", "%k", str(screenshot)],
        env=environment, check=True, timeout=20, capture_output=True, text=True,
    )  # fmt: skip
    return int(counted.stdout.strip())


def _type(text: str, environment: dict[str, str]) -> None:
    """Type ``text`` and press Return, into whatever has the keyboard focus."""
    xdotool = _command("xdotool")
    for command in (["type", "--delay", "5", text], ["key", "Return"]):
        subprocess.run(
            [xdotool, *command], env=environment, check=True, timeout=30, capture_output=True
        )


def _colours_beyond(screenshot: Path, environment: dict[str, str], *, at_least: int) -> int:
    """How many colours the screen shows, if more than ``at_least``, else 0."""
    colours = _screen_colours(screenshot, environment)
    return colours if colours > at_least else 0


def test_the_frozen_app_unlocks_a_vault_without_the_checkout_or_a_virtualenv(
    frozen_app: Path, display: str, tmp_path: Path
) -> None:
    """Its first window is the unlock screen, with the passphrase field focused: typing the
    passphrase and Return opens the vault (SQLite's write-ahead log appears next to it) and shows
    the workspace; SIGTERM locks it (the log is folded back and removed) and exits with 0."""
    for tool in ("xdotool", "import", "identify"):
        _command(tool)
    vault = tmp_path / "vault"
    _make_vault(vault)
    write_ahead_log = vault / "vault.db-wal"
    assert not write_ahead_log.exists()
    environment = _bare_environment(tmp_path / "home", display)
    log = tmp_path / "app.log"
    with log.open("wb") as output:
        app = subprocess.Popen(
            [str(frozen_app), "--vault", str(vault)],
            env=environment, cwd=tmp_path, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        _wait_for(
            lambda: app.poll() is None and _windows_named(WINDOW_TITLE, environment),
            what=f"the window '{WINDOW_TITLE}'",
            timeout=START_TIMEOUT,
        )
        unlock_screen_colours = _wait_for(  # a title, a field, buttons and text (antialiased)
            lambda: _colours_beyond(tmp_path / "unlock.png", environment, at_least=BLANK_COLOURS),
            what="the window to be drawn",
            timeout=START_TIMEOUT,
        )
        _type(PASSPHRASE, environment)
        _wait_for(write_ahead_log.exists, what="the vault to open", timeout=START_TIMEOUT)
        # Then the workspace and its page icons (quitting while it is built is another matter)
        _wait_for(
            lambda: _colours_beyond(
                tmp_path / "workspace.png",
                environment,
                at_least=unlock_screen_colours + WORKSPACE_ICON_COLOURS,
            ),
            what="the workspace to be drawn",
            timeout=START_TIMEOUT,
        )
        assert app.poll() is None, log.read_text(errors="replace")
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
        status = app.wait(timeout=30)
    printed = log.read_text(errors="replace")
    assert status == 0, printed
    assert not write_ahead_log.exists(), "the vault was not closed cleanly"
    assert "Traceback" not in printed and "could not preload" not in printed, printed


def test_every_bundled_library_finds_what_it_links_to(frozen_app: Path) -> None:
    """The folder's own libraries first, then the system's: nothing left unresolved."""
    ldd = _command("ldd")
    bundled = frozen_app.parent / "_internal"
    environment = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(bundled)}
    unresolved: list[str] = []
    for library in sorted(bundled.rglob("*.so*")):
        if library.is_symlink() or not library.is_file():
            continue
        linked = subprocess.run(
            [ldd, str(library)], env=environment, capture_output=True, text=True, timeout=30,
            check=False,
        )  # fmt: skip
        unresolved += [
            f"{library.relative_to(bundled)}: {line.strip()}"
            for line in linked.stdout.splitlines()
            if "not found" in line
        ]
    assert not unresolved, "\n".join(unresolved)


def test_the_folder_holds_the_resources_package_and_no_unused_qt(frozen_app: Path) -> None:
    bundled = frozen_app.parent / "_internal"
    resources = bundled / "vrm_wallet_resources"
    assert (resources / "terms" / "catalogue.json").is_file()
    assert (resources / "icons" / "vrm-wallet.svg").is_file()
    catalogues = sorted(
        path.name for path in (REPOSITORY / "resources" / "translations").glob("*.qm")
    )
    assert catalogues == sorted(path.name for path in (resources / "translations").glob("*.qm"))
    names = {path.name for path in bundled.rglob("*")}
    assert not names & {"libqgtk3.so", "libgtk-3.so.0", "QtQml.abi3.so", "QtNetwork.abi3.so"}
    assert not any(name.startswith("libQt6Quick") for name in names)
