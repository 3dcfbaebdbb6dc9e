"""Keeping the garbage collector's full passes short, so that none stalls the window.

CPython's full (generation 2) collection walks every object the collector tracks, holding the
interpreter lock throughout. Once the pages, the wire models, pydantic and aiohttp are imported,
that is some 80 000 objects and 35 ms a pass, and such a pass runs on whichever thread happens to
allocate: during a broadcast, on the GUI thread itself, or on the vault's thread while the GUI
thread waits for the lock. So, while the first window waits for the person, the vault's worker
imports everything the workspace will need and then freezes the heap (``gc.freeze()``): the
objects alive at that moment move to a permanent generation that collections skip. What a session
allocates later is collected as usual.

Freezing happens only before any vault is opened, on the vault's worker thread, ahead of the open
in its queue: a frozen object is never collected as cyclic garbage, so nothing of a session (keys,
rows, pages) may be frozen, or it could outlive a lock.
"""

from __future__ import annotations

import gc
import importlib
import logging
import pkgutil
from types import ModuleType

import ui
import wallet

log = logging.getLogger(__name__)

SKIPPED_PACKAGES = ("wallet.cli",)  # the command line's; the desktop never loads them


def workspace_module_names() -> list[str]:
    """Every module of ``ui`` and ``wallet`` that the desktop app may load once unlocked."""
    names: list[str] = []
    for package in (ui, wallet):
        for found in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."):
            if not found.name.startswith(SKIPPED_PACKAGES) and found.name != "ui.app":
                names.append(found.name)
    return names


def preload_and_freeze() -> int:
    """Import the workspace's modules, collect, and freeze what is alive; returns how many
    objects are frozen. For the vault's worker, before it opens any vault (see the module's
    docstring); a module that fails to import is left to fail where it is used."""
    for name in workspace_module_names():
        _import_quietly(name)
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def _import_quietly(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except Exception:  # preloading only: the real import, where it is used, reports it
        log.warning("could not preload %s", name, exc_info=True)
        return None
