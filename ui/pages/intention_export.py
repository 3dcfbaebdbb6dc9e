"""Exporting the signed intention to a JSON file, from the Intentions page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui.dialogs import ask
from ui.pages.base import Page
from wallet.intents import IntentionBook


def export_intention(page: Page, intention_id: str) -> None:
    """Ask where, then write the signed intention there on the vault's thread."""
    path = ask.pick_save_file(
        page,
        QCoreApplication.translate("IntentionsPage", "Export the signed intention"),
        suggested=Path.home() / "intention.json",
        name_filter=QCoreApplication.translate("IntentionsPage", "JSON files (*.json)"),
    )
    if path is None:
        return

    def exported(written: Path) -> None:
        done = QCoreApplication.translate("IntentionsPage", "Exported to %1.")
        page.show_status(done.replace("%1", str(written)))

    # The save dialog already asked before replacing an existing file.
    page.run(
        lambda vault: IntentionBook(vault).export(intention_id, path, force=True),
        on_success=exported,
    )
