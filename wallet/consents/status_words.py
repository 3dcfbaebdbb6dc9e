"""A consent's status as a word in a sentence, marked for the desktop app's translation."""

from __future__ import annotations

from wallet.i18n import QT_TRANSLATE_NOOP

# The statuses a consent can have when an action needs it active (see wallet.consents.records).
STATUS_WORDS = {
    "active": QT_TRANSLATE_NOOP("CoreError", "active"),
    "expired": QT_TRANSLATE_NOOP("CoreError", "expired"),
    "revoked": QT_TRANSLATE_NOOP("CoreError", "revoked"),
}


def consent_status_word(status: str) -> str:
    """``status`` as the word a sentence uses ("revoked"); an unknown status as it is."""
    return STATUS_WORDS.get(status, status)
