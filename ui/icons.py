"""The app's own icons, drawn as SVG under ``resources/icons``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
APP_ICON = "vrm-wallet"


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (an empty icon if the file is missing)."""
    path = ICONS_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
