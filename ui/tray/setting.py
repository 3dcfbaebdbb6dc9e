"""Whether the person wants an icon in the system tray: off unless turned on in Settings, kept in
the app's ``QSettings`` (this computer's, like the language and the appearance), and announced
to the running tray controller when it changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from ui.i18n import language

TRAY_KEY = "interface/tray_icon"


class TraySetting(QObject):
    """Tells the tray controller that the person turned the icon on or off.

    Signals:
        changed(bool): the icon is wanted (``True``) or not.
    """

    changed = Signal(bool)


_setting: TraySetting | None = None


def tray_setting() -> TraySetting:
    """The one :class:`TraySetting` of the running app."""
    global _setting
    if _setting is None:
        _setting = TraySetting()
    return _setting


def wanted(settings: QSettings | None = None) -> bool:
    """Whether the person turned the tray icon on."""
    value = (settings or language.app_settings()).value(TRAY_KEY, False)
    return value is True or value == "true"  # INI files give the text back


def switch(on: bool, settings: QSettings | None = None) -> None:
    """Keep ``on`` as the person's choice and tell the tray controller."""
    store = settings or language.app_settings()
    if on:
        store.setValue(TRAY_KEY, True)
    else:
        store.remove(TRAY_KEY)
    store.sync()
    tray_setting().changed.emit(on)
