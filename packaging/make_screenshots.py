"""Screenshots of the real app on the demo vault (made-up data), for the AppStream metainfo,
the README and the guide.

    python packaging/make_screenshots.py [OUT_DIR] [--language en|es|it] [--all]
                                         [--appearance light|dark]

Runs the desktop app as ``vrm-wallet --demo`` does (its embedded demo vendors on 127.0.0.1, a
demo vault in a temporary folder), in the language asked for, at the size of a laptop screen,
in the light appearance (or the one asked for), and saves ``OUT_DIR/<page>.png`` once each
page's content has loaded: the pages the metainfo shows (into ``packaging/screenshots/`` by
default), or with ``--all`` every page of the sidebar.
On Intentions the demo intention is broadcast and its best offer selected first. ``make
screenshots`` runs it under Xvfb for the README's pictures in the three languages. It prints the
files it wrote.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QSize
from PySide6.QtWidgets import QApplication, QScrollArea

from ui.app import Options, configure_application, create_application, create_main_window
from ui.heap import preload_and_freeze
from ui.i18n import language
from ui.main_window import MainWindow
from ui.tasks import VaultRunner
from ui.theme import appearance
from ui.theme.palettes import DARK, LIGHT
from vendorkit.demo import start_demo_vendors

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
SIZE = QSize(1024, 640)
SETTLE_SECONDS = 0.8  # what a page loads after being shown (tables fill over a few turns)
TIMEOUT_SECONDS = 60.0
PAGE_NAMES = (  # the sidebar's pages, in its order
    "home",
    "my-data",
    "overview",
    "intentions",
    "consents",
    "terms",
    "loyalty",
    "vendors",
    "activity",
    "settings",
)
METAINFO_PAGES = ("my-data", "intentions", "loyalty")


def _wait(app: QApplication, condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def _settle(app: QApplication, runner: VaultRunner) -> None:
    end = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < end or runner.is_busy:
        app.processEvents()
        time.sleep(0.01)


def _broadcast_and_choose(app: QApplication, runner: VaultRunner, window: MainWindow) -> None:
    """Broadcast the demo intention to the demo vendors and select the best offer."""
    assert window.workspace is not None
    page = window.workspace.intentions
    if page.broadcast_button.isEnabled():
        page.broadcast_button.click()
        _wait(app, lambda: page.delivery is None and bool(page.ranked_offer_ids()))
        _wait(app, lambda: page.offers.settled)
    page.kept_table.selectRow(0)
    _wait(app, lambda: page.offers.details.shown_id is not None)
    _settle(app, runner)
    scroll = page.stack.currentWidget()  # the details scroll: show the offers, not the top
    if isinstance(scroll, QScrollArea):
        scroll.ensureWidgetVisible(page.offers.details, 0, 0)
        scroll.ensureWidgetVisible(page.offers.kept_box, 0, 0)
    _settle(app, runner)


def take(out: Path, *, pages: tuple[str, ...], locale: QLocale, scheme: str = LIGHT) -> list[Path]:
    app = create_application([])
    configure_application(app, style_set=True)
    appearance.use(app, scheme)  # not the system's: the pictures look the same everywhere
    language.use(app, locale)
    runner = VaultRunner(before_first_open=preload_and_freeze)
    vendors = start_demo_vendors()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="vrm-screenshots-") as temp:
        options = Options(vault_dir=Path(temp) / "demo", demo=True)
        window: MainWindow = create_main_window(options, runner, demo_vendors_url=vendors.base_url)
        try:
            window.resize(SIZE)
            window.show()
            _wait(app, lambda: window.workspace is not None)
            workspace = window.workspace
            assert workspace is not None
            out.mkdir(parents=True, exist_ok=True)
            for row, name in enumerate(PAGE_NAMES[: workspace.sidebar.count()]):
                if name not in pages:
                    continue
                workspace.show_page(row)
                _settle(app, runner)
                if name == "intentions":
                    _broadcast_and_choose(app, runner, window)
                path = out / f"{name}.png"
                window.grab().save(str(path))
                written.append(path)
        finally:
            window.shutdown()  # locks the vault and stops the workers
            vendors.stop()
    return written


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=SCREENSHOTS)
    parser.add_argument("--language", default="en", choices=("en", "es", "it"))
    parser.add_argument("--all", action="store_true", help="every page, not the metainfo's")
    parser.add_argument("--appearance", default=LIGHT, choices=(LIGHT, DARK))
    options = parser.parse_args(arguments)
    pages = PAGE_NAMES if options.all else METAINFO_PAGES
    locale = QLocale(options.language)
    for path in take(options.out, pages=pages, locale=locale, scheme=options.appearance):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
