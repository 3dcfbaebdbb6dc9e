"""Which reminders the person was already told of: a front end raises a notification only for
the others (and says nothing new at each start of the app or unlock).

The keys of the reminders told are kept in the vault (encrypted, like every setting). Only keys of
reminders still due are kept, so the list stays as short as what needs attention.
"""

from __future__ import annotations

from wallet.reminders.due import Reminder
from wallet.storage import settings_store
from wallet.vault.facade import Vault

NOTIFIED_SETTING = "reminders.notified"
MAX_KEPT = 1_000  # reminders told that are still due; beyond, the oldest are forgotten


def untold(vault: Vault, reminders: list[Reminder]) -> list[Reminder]:
    """The reminders among ``reminders`` the person was not told of yet."""
    told = set(_told_keys(vault))
    return [reminder for reminder in reminders if reminder.key not in told]


def mark_told(vault: Vault, *, told: list[Reminder], due: list[Reminder]) -> None:
    """Remember that ``told`` were told; forget those no longer ``due``."""
    still_due = {reminder.key for reminder in due}
    keys = [key for key in _told_keys(vault) if key in still_due]
    keys.extend(reminder.key for reminder in told if reminder.key not in keys)
    with vault.write() as connection:
        settings_store.save(connection, {NOTIFIED_SETTING: keys[-MAX_KEPT:]})


def _told_keys(vault: Vault) -> list[str]:
    stored = settings_store.load(vault.reader).get(NOTIFIED_SETTING, [])
    if not isinstance(stored, list):  # written by a newer or broken version: start again
        return []
    return [key for key in stored if isinstance(key, str)][-MAX_KEPT:]
