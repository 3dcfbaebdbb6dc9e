"""What a long-running front end keeps up with on one relay (the desktop app's market link).

The command line casts, follows and withdraws one intention per command; the desktop app keeps
one connection to the relay of its settings open and, on it, follows the sealed offers of every
intention still taking offers there, and tells the relay of withdrawals it missed (the relay
could not be reached when the person withdrew). These are the questions it asks the vault.
"""

from __future__ import annotations

from wallet.intents import IntentionBook
from wallet.intents.status import ACCEPTING_STATUSES
from wallet.market import store
from wallet.relay import check_relay_url
from wallet.vault.facade import Vault


def followed_intentions(vault: Vault, relay_url: str) -> list[str]:
    """Intentions cast on ``relay_url`` whose offers are still worth reading (broadcast or
    offers in, not withdrawn, not expired), oldest cast first."""
    relay_url = check_relay_url(relay_url)
    IntentionBook(vault).expire_due()
    return store.followed_on(vault.reader, relay_url, ACCEPTING_STATUSES)


def withdrawals_due(vault: Vault, relay_url: str) -> list[str]:
    """Intentions the person withdrew whose withdrawal has not reached ``relay_url`` yet."""
    return store.withdrawals_due(vault.reader, check_relay_url(relay_url))
