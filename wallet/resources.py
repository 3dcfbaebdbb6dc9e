"""Where the app's data files live: the package ``vrm_wallet_resources``.

The repository keeps them in its top-level ``resources/`` directory, which the wheel installs as
that package (``setup.py``); so they are found the same way from an installed wheel, the
editable install of a checkout, and a frozen app. ``VRM_WALLET_RESOURCES`` points elsewhere (a
test, a distribution that puts them under ``/usr/share``). Nothing happens at import time.
"""

from __future__ import annotations

import importlib.resources
import os
from pathlib import Path

from wallet.errors import WalletError
from wallet.files import read_bounded

RESOURCES_ENV = "VRM_WALLET_RESOURCES"
RESOURCES_PACKAGE = "vrm_wallet_resources"


def resources_dir() -> Path:
    """The data files' directory (icons, catalogues, JSON Schemas, letters, translations)."""
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    return _package_dir()


def _package_dir() -> Path:
    """The directory of the package ``vrm_wallet_resources``; without it (a checkout run
    through ``PYTHONPATH``, an editable install made before the package existed) the
    checkout's ``resources/`` next to ``wallet/``."""
    try:
        found = importlib.resources.files(RESOURCES_PACKAGE)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[1] / "resources"
    if not isinstance(found, Path):  # a zip import: its files have no path to open
        raise WalletError(
            f"VRM Wallet's data files are inside an archive ({found}); install it unpacked "
            f"or set {RESOURCES_ENV} to its resources directory."
        )
    return found


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
