"""Where the app's data files live: the repository's ``resources/`` directory.

``VRM_WALLET_RESOURCES`` points elsewhere (a frozen build, a test). Nothing happens at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

RESOURCES_ENV = "VRM_WALLET_RESOURCES"


def resources_dir() -> Path:
    """The ``resources/`` directory (icons, catalogues, JSON Schemas)."""
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1] / "resources"
