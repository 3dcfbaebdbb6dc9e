"""The main window's size and place: remembered between runs, always on a screen.

The app keeps them in its ``QSettings`` (``QSettings()`` once ``ui.app`` has named the
organisation and application: ``~/.config/vrm-wallet/VRM Wallet.conf`` on Linux), saved when the
app quits and restored when it starts. A saved place that no screen shows any more (a monitor
unplugged, a smaller laptop) is not restored: the window opens at its default size instead, in
the middle of the primary screen. The default fits the screen too (a 1024×640 laptop).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ui.widgets.layout import size_for_screen

GEOMETRY_KEY = "main_window/geometry"
DEFAULT_SIZE = QSize(1000, 680)
# How much of a restored window a screen must show: enough of its title bar to grab it.
MIN_VISIBLE = QSize(160, 60)


def open_at_default(window: QWidget) -> None:
    """Give ``window`` its default size (smaller on a small screen), centred on its screen."""
    window.resize(size_for_screen(window, DEFAULT_SIZE))
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        frame = window.frameGeometry()
        frame.moveCenter(screen.availableGeometry().center())
        window.move(frame.topLeft())


def restore_geometry(window: QWidget, settings: QSettings) -> bool:
    """Put ``window`` where ``settings`` saved it; True if it was, else it opens at the default."""
    saved = settings.value(GEOMETRY_KEY)
    restored = isinstance(saved, QByteArray) and not saved.isEmpty()
    if restored and window.restoreGeometry(saved) and is_on_a_screen(window.frameGeometry()):
        return True
    open_at_default(window)
    return False


def save_geometry(window: QWidget, settings: QSettings) -> None:
    """Remember ``window``'s size and place in ``settings``."""
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.sync()


def is_on_a_screen(rect: QRect) -> bool:
    """True when a screen shows enough of ``rect``'s top (the title bar) to move it."""
    top = QRect(rect.topLeft(), QSize(rect.width(), MIN_VISIBLE.height()))
    for screen in QGuiApplication.screens():
        shown = screen.availableGeometry().intersected(top)
        wide_enough = shown.width() >= min(MIN_VISIBLE.width(), rect.width())
        if wide_enough and shown.height() >= MIN_VISIBLE.height() // 2:
            return True
    return False
