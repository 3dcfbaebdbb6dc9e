"""The appearance: light, dark, or the system's, applied live.

The person picks it in Settings; until then the app follows the system. The choice is kept in
the app's ``QSettings`` (not in the vault: the unlock screen is drawn before any vault is open),
like the language (:mod:`ui.i18n.language`). Whatever the choice, the app paints with one of its
own two palettes (:mod:`ui.theme.palettes`), whose texts all read at 4.5:1.

Following the system: the system is taken as dark when the palette the platform gave the app
at start is dark, and then whenever Qt reports a new colour scheme (``QStyleHints.
colorSchemeChanged``, sent by desktops that have one: GNOME, KDE, Windows, macOS). Asking the
platform for its scheme at start would build PySide6's ``Qt`` namespace (~20 ms of the first
window, see ``tests/ui/test_cold_start_imports.py``); the platform's palette mostly says the
same, and :func:`check_system_scheme` asks once the window is up (``ui.app.run``).
A picked scheme is also requested from the platform (``QStyleHints.setColorScheme``, Qt 6.8), so
that window frames match where the platform draws them.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ui.i18n import language
from ui.theme.palettes import DARK, LIGHT, is_dark, palette_for
from ui.theme.tones import refresh_styled_widgets

APPEARANCE_KEY = "interface/appearance"
FOLLOW_SYSTEM = "system"
CHOICES = (FOLLOW_SYSTEM, LIGHT, DARK)


class _State:
    """What this module remembers for the running app."""

    choice: str = FOLLOW_SYSTEM  # in use
    system_dark: bool | None = None  # the system's scheme, once known
    following: bool = False  # connected to the platform's scheme changes
    requested: bool = False  # a scheme was requested from the platform


_state = _State()


def stored_choice(settings: QSettings | None = None) -> str:
    """The appearance the person picked, or :data:`FOLLOW_SYSTEM`."""
    value = (settings or language.app_settings()).value(APPEARANCE_KEY, FOLLOW_SYSTEM)
    return value if isinstance(value, str) and value in CHOICES else FOLLOW_SYSTEM


def store_choice(choice: str, settings: QSettings | None = None) -> None:
    """Keep ``choice`` (one of :data:`CHOICES`) as the person's."""
    store = settings or language.app_settings()
    if choice == FOLLOW_SYSTEM:
        store.remove(APPEARANCE_KEY)
    else:
        store.setValue(APPEARANCE_KEY, choice)
    store.sync()


def current_choice() -> str:
    """The appearance in use (:data:`FOLLOW_SYSTEM`, :data:`LIGHT` or :data:`DARK`)."""
    return _state.choice


def scheme_for(choice: str) -> str:
    """The palette ``choice`` paints with now: :data:`LIGHT` or :data:`DARK`."""
    if choice in (LIGHT, DARK):
        return choice
    return DARK if _state.system_dark else LIGHT


def use(app: QApplication, choice: str) -> None:
    """Paint ``app`` as ``choice`` says, every window at once."""
    if _state.system_dark is None:  # the platform's palette, before the app's replaces it
        _state.system_dark = is_dark(QGuiApplication.palette())
    _state.choice = choice if choice in CHOICES else FOLLOW_SYSTEM
    _follow_the_system(app)
    app.setPalette(palette_for(scheme_for(_state.choice)))
    refresh_styled_widgets(app)
    if _state.choice != FOLLOW_SYSTEM or _state.requested:
        # After the window is up: the request builds PySide6's Qt namespace (see the docstring).
        QTimer.singleShot(0, app, lambda: _request_scheme(app, _state.choice))


def use_stored_choice(app: QApplication) -> str:
    """Paint ``app`` as the person chose (the system's appearance if not); returns the choice."""
    choice = stored_choice()
    use(app, choice)
    return choice


def switch_to(choice: str) -> None:
    """Keep ``choice`` as the person's and use it now."""
    store_choice(choice)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        use(app, choice)


def _follow_the_system(app: QApplication) -> None:
    if _state.following:
        return
    _state.following = True
    app.styleHints().colorSchemeChanged.connect(lambda scheme: _on_system_scheme(app, scheme))


def check_system_scheme(app: QApplication) -> None:
    """Ask the platform for its colour scheme now and follow it (see the module's docstring)."""
    _on_system_scheme(app, app.styleHints().colorScheme())


def _on_system_scheme(app: QApplication, scheme: object) -> None:
    """The platform reports a new colour scheme: follow it if the person left it to the system
    (a reported "Unknown" keeps what was known)."""
    name = getattr(scheme, "name", "")
    if _state.choice != FOLLOW_SYSTEM or name not in ("Dark", "Light"):
        return
    dark = name == "Dark"
    if dark != _state.system_dark:
        _state.system_dark = dark
        app.setPalette(palette_for(scheme_for(FOLLOW_SYSTEM)))
        refresh_styled_widgets(app)


def _request_scheme(app: QApplication, choice: str) -> None:
    """Ask the platform for the picked scheme, or to follow the system again (Qt ≥ 6.8)."""
    hints = app.styleHints()
    if not hasattr(hints, "setColorScheme"):
        return
    if choice == FOLLOW_SYSTEM:
        hints.unsetColorScheme()
        _state.requested = False
        return
    from PySide6.QtCore import Qt

    hints.setColorScheme(Qt.ColorScheme.Dark if choice == DARK else Qt.ColorScheme.Light)
    _state.requested = True
