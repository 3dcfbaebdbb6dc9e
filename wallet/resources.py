"""Where the app's data files live: the repository's ``resources/`` directory.

``VRM_WALLET_RESOURCES`` points elsewhere (a frozen build, a test). Nothing happens at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

from wallet.errors import WalletError
from wallet.files import read_bounded

RESOURCES_ENV = "VRM_WALLET_RESOURCES"


def resources_dir() -> Path:
    """The ``resources/`` directory (icons, catalogues, JSON Schemas)."""
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1] / "resources"


def read_resource(path: Path, *, max_bytes: int, what: str, error: type[WalletError]) -> bytes:
    """The bytes of the data file ``path`` (at most ``max_bytes``), or ``error`` saying that
    the ``what`` is missing and how to get it back."""
    try:
        return read_bounded(path, max_bytes=max_bytes, what=what)
    except FileNotFoundError:
        raise error(
            f"The {what} {path} is missing; reinstall VRM Wallet or set "
            f"{RESOURCES_ENV} to its resources directory."
        ) from None
