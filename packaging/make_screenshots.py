"""Takes the screenshots the AppStream metainfo shows, from the demo vault (made-up data).

Run after the look of those pages changes, and commit what it writes::

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_screenshots.py

It opens the demo vault in a temporary directory (its vendors serve on 127.0.0.1 only), shows
each page of ``SHOTS`` at a laptop's size and writes ``packaging/screenshots/<name>.png``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from ui.app import Options, configure_application, create_application, create_main_window
from ui.main_window import MainWindow
from ui.tasks import VaultRunner

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
SIZE = QSize(1024, 680)
READY_SECONDS = 60.0
SETTLE_SECONDS = 1.5  # a page loads what it shows on the vault's thread once shown
# (file name, the page's attribute on the workspace)
SHOTS = (("my-data", "my_data"), ("intentions", "intentions"), ("loyalty", "loyalty"))


def process_events_until(app: QApplication, done: Callable[[], bool], *, seconds: float) -> bool:
    """Runs Qt's events until ``done()`` or ``seconds`` have passed; whether it was done."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if done():
            return True
        time.sleep(0.01)
    return done()


def main() -> int:
    """Writes every screenshot of ``SHOTS``; 1 if the demo workspace never appeared."""
    app = create_application([])
    configure_application(app, style_set=True)
    with tempfile.TemporaryDirectory(prefix="vrm-screenshots-") as directory:
        runner = VaultRunner()
        window = create_main_window(Options(vault_dir=Path(directory) / "demo", demo=True), runner)
        window.resize(SIZE)
        window.show()
        try:
            return _take_shots(app, window)
        finally:
            window.shutdown()


def _take_shots(app: QApplication, window: MainWindow) -> int:
    ready = process_events_until(
        app,
        lambda: window.workspace is not None and window.workspace.settings.isEnabled(),
        seconds=READY_SECONDS,
    )
    workspace = window.workspace
    if not ready or workspace is None:
        print("error: the demo vault did not open", file=sys.stderr)
        return 1
    SCREENSHOTS.mkdir(exist_ok=True)
    for name, attribute in SHOTS:
        page: QWidget = getattr(workspace, attribute)
        workspace.show_page(workspace.pages.indexOf(page))
        process_events_until(app, lambda: False, seconds=SETTLE_SECONDS)
        target = SCREENSHOTS / f"{name}.png"
        if not window.grab().save(str(target), "PNG"):
            print(f"error: cannot write {target}", file=sys.stderr)
            return 1
        print(f"wrote {target.relative_to(SCREENSHOTS.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
