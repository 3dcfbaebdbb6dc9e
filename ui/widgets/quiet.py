"""Changing widgets without their change signals firing (resetting filters, loading values)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject


def change_quietly(changes: Iterable[tuple[QObject, Callable[[], object]]]) -> None:
    """Apply each ``(widget, change)`` with the widget's signals blocked during its change."""
    for widget, change in changes:
        blocked = widget.blockSignals(True)
        try:
            change()
        finally:
            widget.blockSignals(blocked)
