"""The two palettes the app paints with in Qt's Fusion style: light and dark.

They follow Qt's own Fusion palettes (``qt_fusionPalette``), changed where Fusion's fall short
of WCAG's 4.5:1 for text: the selection is a darker blue (white on Fusion's ``#308cc6`` reads at
3.7:1, light grey at 3.2:1), and the placeholder colour, which the app also uses for secondary
texts (:func:`ui.widgets.layout.secondary`), is a solid grey instead of half-transparent text.
Every text colour here reads at 4.5:1 or more on the backgrounds it is drawn on
(``tests/ui/test_theme.py`` checks it).
"""

from __future__ import annotations

from types import MappingProxyType

from PySide6.QtGui import QColor, QPalette

LIGHT = "light"
DARK = "dark"

_Role = QPalette.ColorRole
# The colours of the active and inactive groups, per role's name (the names of QPalette.ColorRole).
_LIGHT_COLOURS = MappingProxyType(
    {
        "Window": "#efefef",
        "WindowText": "#000000",
        "Base": "#ffffff",
        "AlternateBase": "#f7f7f7",
        "Text": "#000000",
        "Button": "#efefef",
        "ButtonText": "#000000",
        "BrightText": "#ffffff",
        "Light": "#ffffff",
        "Midlight": "#cacaca",
        "Mid": "#b8b8b8",
        "Dark": "#9f9f9f",
        "Shadow": "#767676",
        "Highlight": "#2467a3",
        "HighlightedText": "#ffffff",
        "Accent": "#2467a3",
        "ToolTipBase": "#ffffdc",
        "ToolTipText": "#000000",
        "PlaceholderText": "#5f5f5f",
        "Link": "#0b57d0",
        "LinkVisited": "#6a1b9a",
    }
)
_DARK_COLOURS = MappingProxyType(
    {
        "Window": "#323232",
        "WindowText": "#f0f0f0",
        "Base": "#242424",
        "AlternateBase": "#2b2b2b",
        "Text": "#f0f0f0",
        "Button": "#3a3a3a",
        "ButtonText": "#f0f0f0",
        "BrightText": "#ffffff",
        "Light": "#4b4b4b",
        "Midlight": "#404040",
        "Mid": "#262626",
        "Dark": "#212121",
        "Shadow": "#141414",
        "Highlight": "#275d8c",
        "HighlightedText": "#f0f0f0",
        "Accent": "#275d8c",
        "ToolTipBase": "#3c3c3c",
        "ToolTipText": "#f0f0f0",
        "PlaceholderText": "#a8a8a8",
        "Link": "#6cb4ff",
        "LinkVisited": "#c39bf0",
    }
)
# What differs in the disabled group: greyed texts, a flat base and selection.
_LIGHT_DISABLED = MappingProxyType(
    {
        "WindowText": "#8c8c8c",
        "Text": "#8c8c8c",
        "ButtonText": "#8c8c8c",
        "Base": "#efefef",
        "Highlight": "#919191",
        "PlaceholderText": "#8c8c8c",
    }
)
_DARK_DISABLED = MappingProxyType(
    {
        "WindowText": "#858585",
        "Text": "#858585",
        "ButtonText": "#858585",
        "Base": "#323232",
        "Highlight": "#5a5a5a",
        "PlaceholderText": "#858585",
    }
)
_SCHEMES = {
    LIGHT: (_LIGHT_COLOURS, _LIGHT_DISABLED),
    DARK: (_DARK_COLOURS, _DARK_DISABLED),
}


def palette_for(scheme: str) -> QPalette:
    """The palette of ``scheme`` (:data:`LIGHT` or :data:`DARK`)."""
    colours, disabled = _SCHEMES[scheme]
    palette = QPalette()
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    for name, value in colours.items():
        for group in groups:
            palette.setColor(group, getattr(_Role, name), QColor(value))
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(_Role, name), QColor(value))
    for name, value in disabled.items():
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(_Role, name), QColor(value))
    return palette


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` paints light text on a dark window."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


def scheme_of(palette: QPalette) -> str:
    """:data:`DARK` or :data:`LIGHT`, as ``palette`` reads."""
    return DARK if is_dark(palette) else LIGHT
