"""Where a vault's files live in its folder, and what the folder's state means before any key.

A vault folder holds the header (``vault.json``, the marker that a vault is there), the encrypted
database (``vault.db`` and SQLite's ``-wal``/``-shm`` companions) and a small file of failed
unlocks waiting to be logged. A folder with a database but no header is the remains of a vault
(a lost header or an interrupted creation): it is never treated as free space for a new one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wallet.errors import VaultExists, VaultNotFound, Wording

if TYPE_CHECKING:  # the header (pydantic) loads when read: the desktop's first window needs only
    from wallet.vault.header import VaultHeader  # vault_exists, before any header is read

HEADER_FILE = "vault.json"
DATABASE_FILE = "vault.db"
PENDING_EVENTS_FILE = "pending-events.jsonl"
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(slots=True)
class VaultPaths:
    """The paths of one vault's files."""

    directory: Path
    header: Path = field(init=False)
    database: Path = field(init=False)
    pending: Path = field(init=False)

    def __post_init__(self) -> None:
        self.header = self.directory / HEADER_FILE
        self.database = self.directory / DATABASE_FILE
        self.pending = self.directory / PENDING_EVENTS_FILE

    def database_files(self) -> list[Path]:
        """The database and its SQLite companions (some may not exist)."""
        return [self.database, *(Path(f"{self.database}{end}") for end in DATABASE_COMPANIONS)]


def vault_exists(directory: Path) -> bool:
    """True if ``directory`` holds a vault or the remains of one (a header or a database)."""
    paths = VaultPaths(Path(directory))
    return paths.header.exists() or paths.database.exists()


def refuse_existing_vault(paths: VaultPaths) -> None:
    """Raise :class:`VaultExists` if a vault, or the remains of one, is in the folder."""
    if paths.header.exists():
        already = f"{paths.directory} already contains a vault; nothing was changed. "
        raise Wording(
            "Choose another location, or use, restore or remove that vault.",
            "Choose another location (--vault), or use, restore or remove that vault.",
        ).error(VaultExists, before=already)
    if paths.database.exists():
        raise headerless_database_message(paths).error(VaultExists, after=" Nothing was changed.")


def headerless_database_message(paths: VaultPaths) -> Wording:
    """What to say about a folder that has a database but no header."""
    try:
        empty = paths.database.is_file() and paths.database.stat().st_size == 0
    except OSError:
        empty = False
    if empty:
        leftover = (
            f"{paths.directory} holds an empty vault database but its header ({HEADER_FILE}) "
            "is missing: the leftover of a vault creation that did not finish. Delete "
            f"{paths.database} and create the vault again."
        )
        return Wording(leftover, leftover)
    missing = (
        f"{paths.directory} holds a vault database but its header ({HEADER_FILE}) is missing, "
        "so the vault cannot be opened. Restore the vault from a backup (into another folder, "
    )
    return Wording(
        f"{missing}or replacing this one, which is moved aside), or put the header back.",
        f"{missing}or with --force, which moves this one aside), or put the header back.",
    )


def no_vault_here(paths: VaultPaths) -> VaultNotFound:
    """The error for a folder without a vault (nor the remains of one)."""
    return Wording(
        "Create one or choose another location.",
        "Create one with `vrm-wallet-cli init` or choose another location.",
    ).error(VaultNotFound, before=f"There is no vault in {paths.directory}. ")


def load_header(paths: VaultPaths) -> VaultHeader:
    """The vault's header; a missing one is explained (no vault, or a headerless database)."""
    from wallet.vault.header import read_header

    try:
        return read_header(paths.header)
    except FileNotFoundError:
        if paths.database.exists():
            raise headerless_database_message(paths).error(VaultNotFound) from None
        raise no_vault_here(paths) from None


def remembered_on_device(directory: Path) -> bool:
    """True if the vault in ``directory`` has a keyring slot ("remember on this device").

    Reads only the header, without any key, so an unlock screen can offer the keyring button.
    Having the slot does not prove the keyring still holds the secret; unlocking will tell.
    A missing vault is simply not remembered; a damaged header raises :class:`HeaderError`.
    """
    from wallet.vault.header import KeyringSlot, read_header

    try:
        header = read_header(Path(directory) / HEADER_FILE)
    except FileNotFoundError:
        return False
    return isinstance(header.slot("keyring"), KeyringSlot)
