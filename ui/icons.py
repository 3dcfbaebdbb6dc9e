"""The app's own icons, drawn as SVG under ``resources/icons``; all but the application's icon
are drawn in the colours of the appearance in use (:mod:`ui.theme.icons`)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from wallet.resources import resources_dir

APP_ICON = "vrm-wallet"


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (an empty icon if the file is missing)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.exists():
        return QIcon()
    if name == APP_ICON:  # the app's own colours, as on the desktop
        return QIcon(str(path))
    from ui.theme.icons import themed_icon  # loads QtSvg: the first window shows no such icon

    return themed_icon(path)
