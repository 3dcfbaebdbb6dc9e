"""Desktop notifications through the freedesktop.org notification service, reached with the
standard ``notify-send`` program (libnotify) started without waiting.

Where there is no such service or program, nothing is raised: the home page still lists every
reminder. A notification says only what kind of thing needs attention and how many; names stay
in the app, behind the lock (notifications show on lock screens and in shared histories).
"""

from __future__ import annotations

import os
import shutil

from PySide6.QtCore import QProcess

from ui.icons import APP_ICON
from wallet.resources import resources_dir

NOTIFY_SEND = "notify-send"
APP_NAME = "VRM Wallet"


def notify(summary: str, body: str) -> bool:
    """Raise a desktop notification; whether it could be handed to the notification service."""
    program = shutil.which(NOTIFY_SEND)
    if program is None or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False  # no program, or no session bus for it to reach (it would start one)
    arguments = [
        f"--app-name={APP_NAME}",
        f"--icon={resources_dir() / 'icons' / f'{APP_ICON}.svg'}",
        "--",  # what follows is text, never an option
        summary,
        body,
    ]
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)
