"""Where vaults live: ``--vault DIR``, else ``VRM_WALLET_HOME``, else the platform data dir.

Nothing here touches the disk at import time; directories are created only when a vault is made.
"""

import os
from pathlib import Path

import platformdirs

APP_NAME = "vrm-wallet"
HOME_ENV = "VRM_WALLET_HOME"


def default_vault_dir() -> Path:
    """The vault directory used when none is given explicitly."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "vault"


def resolve_vault_dir(explicit: str | os.PathLike[str] | None) -> Path:
    """The vault directory for an explicit choice (if any), following the documented order."""
    if explicit:
        return Path(explicit).expanduser()
    return default_vault_dir()
