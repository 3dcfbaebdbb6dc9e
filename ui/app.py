"""The desktop application's entry point: ``vrm-wallet [--vault DIR] [--demo]``.

It creates the QApplication (Fusion style in the appearance and the language picked in Settings
or else the system's (:mod:`ui.theme`, :mod:`ui.i18n`), the application icon), then one
:class:`MainWindow`: the first-run wizard when there is no vault yet, else the unlock screen;
``--demo`` opens a demo vault filled with made-up data instead. The window has a tray icon if
the person asked for one (:mod:`ui.tray`).

The first window must appear in a blink, so this module and the window's first screen import
only Qt and a few small modules; the vault's crypto, networking, the vendor kit and the
workspace's pages load later, on the vault worker or when first needed
(``tests/ui/test_cold_start_imports.py`` keeps it so; ``make bench`` measures it).
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

import ui.pyside_startup  # noqa: F401  (first of ours: every later import is cheaper, see there)
from ui.i18n import language
from ui.icons import APP_ICON, icon
from ui.main_window import MainWindow
from ui.priority import favour_the_gui_thread
from ui.tasks import VaultRunner
from ui.theme import appearance
from wallet.paths import resolve_vault_dir
from wallet.resources import resources_dir
from wallet.vault.layout import vault_exists

STYLE = "Fusion"
APPLICATION_NAME = "VRM Wallet"
ORGANIZATION_NAME = "vrm-wallet"
DESKTOP_FILE_NAME = "io.github.vrm_wallet.VrmWallet"  # packaging/<this>.desktop
PRELOAD_DELAY_MS = 300  # once the first window has painted
TRANSLATIONS_DIR = resources_dir() / "translations"


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line asked for."""

    vault_dir: Path
    demo: bool


def parse_options(arguments: Sequence[str]) -> tuple[Options, list[str]]:
    """Our options, and the arguments left for Qt (such as ``-platform``)."""
    parser = argparse.ArgumentParser(
        prog="vrm-wallet", description="VRM Wallet: your personal data, in an encrypted vault."
    )
    parser.add_argument("--vault", metavar="DIR", help="the vault directory to use")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a demo vault with made-up data (its passphrase is shown on screen)",
    )
    parsed, rest = parser.parse_known_args(list(arguments))
    if parsed.demo:
        from vendorkit.demo import default_demo_dir  # the vendor kit loads only for the demo

        vault_dir = Path(parsed.vault).expanduser() if parsed.vault else default_demo_dir()
    else:
        vault_dir = resolve_vault_dir(parsed.vault)
    return Options(vault_dir=vault_dir, demo=parsed.demo), rest


def install_translators(app: QApplication, *, locale: QLocale | None = None) -> list[QTranslator]:
    """Load the app's and Qt's own translations for ``locale`` (the system's) when present."""
    return language.install(app, locale or QLocale.system(), translations_dir=TRANSLATIONS_DIR)


def configure_application(app: QApplication, *, style_set: bool = False) -> None:
    """Style, names, icon, appearance (light, dark or the system's) and translations.

    ``style_set``: the app was created with our style already (``-style``, see :func:`main`).
    Setting it again would replace that style, and build PySide6's QStyle type (~8 ms).
    """
    if not style_set:
        app.setStyle(STYLE)
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(icon(APP_ICON))
    appearance.use_stored_choice(app)
    language.use_stored_choice(app, translations_dir=TRANSLATIONS_DIR)


def create_main_window(
    options: Options,
    runner: VaultRunner,
    *,
    demo_vendors_url: str | None = None,
    demo_relay_url: str | None = None,
) -> MainWindow:
    """The window for ``options``: wizard, unlock screen or demo vault; it rebuilds its screens
    when the language is changed in Settings (ui.i18n.rebuild), and has a tray icon when the
    person asked for one in Settings (ui.tray).

    Both are set up once the first window has painted (:data:`PRELOAD_DELAY_MS`): the tray's
    menu and its question to the desktop (is there a tray?) are not needed to draw it, and the
    language can only change in Settings, behind the unlock.
    """
    window = MainWindow(
        runner,
        vault_dir=options.vault_dir,
        first_run=not vault_exists(options.vault_dir),
        demo=options.demo,
        demo_vendors_url=demo_vendors_url,
        demo_relay_url=demo_relay_url,
    )
    QTimer.singleShot(PRELOAD_DELAY_MS, window, lambda: _follow_settings(window))
    return window


def _follow_settings(window: MainWindow) -> None:
    """The language follower and the tray icon of ``window`` (see :func:`create_main_window`)."""
    from ui.i18n.rebuild import follow_language_changes
    from ui.tray.controller import TrayController

    follow_language_changes(window)
    TrayController(window, parent=window)


def _preload_and_freeze() -> int:
    """:func:`ui.heap.preload_and_freeze`, loaded on the vault's worker where it runs."""
    from ui.heap import preload_and_freeze

    return preload_and_freeze()


def quit_on_termination_signals(app: QApplication) -> QTimer:
    """Quit cleanly (locking the vault) on SIGTERM/SIGINT, e.g. at logout or Ctrl+C.

    Python runs signal handlers only between bytecodes, so a timer wakes it while Qt waits for
    events. Returns that timer (kept alive by its parent, the app).
    """
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda _number, _frame: app.quit())
    wake_up = QTimer(app)
    wake_up.start(500)
    wake_up.timeout.connect(lambda: None)
    return wake_up


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app until its window is closed; returns the exit status."""
    arguments = sys.argv[1:] if argv is None else argv
    options, qt_arguments = parse_options(arguments)
    return run(create_application(qt_arguments), options, style_set=True)


def create_application(qt_arguments: Sequence[str]) -> QApplication:
    """The QApplication, created in our style (then pass ``style_set=True`` to :func:`run`).

    The style comes last among the arguments, so it wins over a ``-style`` given by the user, as
    setStyle() would.
    """
    return QApplication([sys.argv[0], *qt_arguments, "-style", STYLE])


def run(app: QApplication, options: Options, *, style_set: bool = False) -> int:
    """Show the window for ``options`` in ``app`` and run until the app quits.

    However it quits (the window closed, Quit, SIGTERM or SIGINT), the vault is locked, the
    workers stop and the clipboard loses what we put there (:meth:`MainWindow.shutdown`).
    ``style_set`` as for :func:`configure_application`.
    """
    configure_application(app, style_set=style_set)
    favour_the_gui_thread()
    runner = VaultRunner(before_first_open=_preload_and_freeze)
    demo = None
    if options.demo:
        from vendorkit.demo import start_demo_services

        demo = start_demo_services()  # embedded vendors and market relay, on loopback
    window = create_main_window(
        options,
        runner,
        demo_vendors_url=demo.base_url if demo else None,
        demo_relay_url=demo.relay_url if demo else None,
    )
    window.remember_geometry(QSettings())  # the app's settings: its size and place
    app.aboutToQuit.connect(window.shutdown)  # locks the vault when the app quits
    if demo is not None:
        app.aboutToQuit.connect(demo.stop)  # after the window's shutdown, connected first
    quit_on_termination_signals(app)
    window.show()
    # While the person reads the first window: load the workspace's code on the vault's worker
    # and freeze it out of the garbage collector's way (ui.heap); an unlock queues it anyway.
    QTimer.singleShot(PRELOAD_DELAY_MS, runner.prepare)
    QTimer.singleShot(PRELOAD_DELAY_MS, app, lambda: appearance.check_system_scheme(app))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
