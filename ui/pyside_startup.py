"""Spares the first window PySide6's reading of every module's source.

Once imported, PySide6 replaces ``__import__`` and, after each import, reads the imported
module's whole source file (``inspect.getsource``) to learn whether it mentions PySide6: the
bookkeeping behind its opt-in ``from __feature__ import snake_case, true_property``. At launch that
is ~120 modules (``typing``, ``inspect`` and ``os`` among them), ~15 ms of the first window on a
2-core machine. This app selects no such feature anywhere, so nothing reads that bookkeeping; the
answer is taken from the module's package instead (PySide6's own and ``ui``, the Qt app, use
PySide6), without opening a file. ``tests/ui/test_cold_start_imports.py`` checks that no source is
read at launch.

If a PySide6 release drops the hook, this does nothing. This module imports nothing written in
Python before it replaces the check (no ``from __future__``, no ``types``): each would be read.
"""

import sys

import PySide6.QtCore  # noqa: F401  (installs the import hook whose check is replaced)

_PACKAGES_USING_PYSIDE = frozenset({"PySide6", "shiboken6", "ui"})


def uses_pyside(module: object) -> bool:
    """Whether ``module`` belongs to a package that uses PySide6 (its name says so)."""
    name = getattr(module, "__name__", "")
    return isinstance(name, str) and name.partition(".")[0] in _PACKAGES_USING_PYSIDE


def skip_source_reading() -> None:
    """Answer PySide6's "does this module use PySide6?" from the module's name (see above)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]


skip_source_reading()
