"""The app's own icons, drawn as SVG under ``resources/icons``."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from wallet.resources import resources_dir

APP_ICON = "vrm-wallet"


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (an empty icon if the file is missing)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
