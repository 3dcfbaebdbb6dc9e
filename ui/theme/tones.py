"""The colours that mark a status in text (an error, a warning, something that went well, a
muted entry) and the background of a held cell, each in a light and a dark version so that it
reads at 4.5:1 on either palette (:mod:`ui.theme.palettes`).

Colour is never the only sign: the words say the same (an error says it is one, an ended
consent says "ended"); the colour helps the eye find it.

A widget drawn in a tone by a style sheet keeps the colours it had when the sheet was applied:
:func:`refresh_styled_widgets` applies every sheet again after the palette changes.
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ui.theme.palettes import DARK, LIGHT, scheme_of

TONE_PROPERTY = "vrmTextTone"  # a widget's tone, for refresh_styled_widgets


class Tone(StrEnum):
    """What a coloured text says."""

    ERROR = "error"
    WARNING = "warning"
    SUCCESS = "success"
    MUTED = "muted"  # ended, disabled, hidden values
    HELD_BACKGROUND = "held-background"  # behind normal text: a cell where data is held


_TONE_VALUES = frozenset(tone.value for tone in Tone)
_COLOURS = MappingProxyType(
    {
        LIGHT: MappingProxyType(
            {
                Tone.ERROR: "#b3261e",
                Tone.WARNING: "#9a4500",
                Tone.SUCCESS: "#1b6e20",
                Tone.MUTED: "#5f5f5f",
                Tone.HELD_BACKGROUND: "#dcefdc",
            }
        ),
        DARK: MappingProxyType(
            {
                Tone.ERROR: "#ff8a80",
                Tone.WARNING: "#ffb74d",
                Tone.SUCCESS: "#81c784",
                Tone.MUTED: "#a8a8a8",
                Tone.HELD_BACKGROUND: "#23432a",
            }
        ),
    }
)


def tone_colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    """``tone``'s colour for ``palette`` (the application's by default).

    Models call this for every coloured cell they paint: the scheme of a palette is remembered
    by its cache key.
    """
    palette = palette if palette is not None else QGuiApplication.palette()
    key = palette.cacheKey()
    if key != _last_palette[0]:
        _last_palette[:] = [key, scheme_of(palette)]
    return QColor(_COLOURS[str(_last_palette[1])][tone])


_last_palette: list[object] = [None, LIGHT]  # (cache key, scheme) of the last palette seen


def show_in_tone(widget: QWidget, tone: Tone) -> None:
    """Draw ``widget``'s text in ``tone``, now and after each change of appearance."""
    widget.setProperty(TONE_PROPERTY, tone.value)
    widget.setStyleSheet(f"color: {tone_colour(tone).name()};")


def refresh_styled_widgets(app: QApplication) -> None:
    """Apply every widget's style sheet again, in the palette now in use.

    Qt resolves a sheet's colours (its own and ``palette(...)``) when the sheet is applied, and
    a widget with a sheet keeps them when the application's palette changes.
    """
    for widget in app.allWidgets():
        tone = widget.property(TONE_PROPERTY)
        if isinstance(tone, str) and tone in _TONE_VALUES:
            show_in_tone(widget, Tone(tone))
        elif sheet := widget.styleSheet():
            widget.setStyleSheet(sheet)
