"""The activity log table: entries newest first, a page at a time, filtered by the core."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QByteArray, QObject, Qt

from ui.i18n.activity_words import ActivityNames, details_text, fields_text, party_text
from ui.i18n.formats import local_date_time
from ui.models.windowed import RowIds, RowIdsOperation, RowsOperation, WindowedTableModel
from ui.tasks import VaultRunner
from ui.theme.tones import Tone, tone_colour
from wallet import activity
from wallet.activity import ActivityEntry
from wallet.vault.facade import Vault

FAILED_COLOUR = Tone.ERROR
MAX_REMEMBERED_WORDS = 4096  # texts shown in words kept for the next paints
_USER_ROLE = int(Qt.ItemDataRole.UserRole)
# data() runs for every role of every visible cell on each paint: compare plain ints there.
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)


class ActivityColumn(IntEnum):
    WHEN = 0
    EVENT = 1
    RESULT = 2
    PARTY = 3
    FIELDS = 4
    DETAILS = 5


_WHEN_COLUMN, _EVENT_COLUMN, _RESULT_COLUMN, _PARTY_COLUMN, _FIELDS_COLUMN = map(
    int, list(ActivityColumn)[:5]
)


class ActivityRole(IntEnum):
    """Roles beyond Qt's own, answered for every column of a loaded row."""

    SEQ = _USER_ROLE + 1
    TYPE = _USER_ROLE + 2
    COMPLETED = _USER_ROLE + 3
    ENTRY = _USER_ROLE + 4


class ActivityModel(WindowedTableModel[ActivityEntry]):
    """Activity log entries for a table view, newest first.

    Columns: When (local time), Event (e.g. "Field updated"), Result ("Completed" or, in red,
    "Not completed"), Party, Fields (names, never values), Details (the reason).

    Roles:
        ``ActivityRole.SEQ`` (``Qt.UserRole + 1``): the entry number, ``int``.
        ``ActivityRole.TYPE`` (``+ 2``): the event type, e.g. ``"data.updated"``, ``str``.
        ``ActivityRole.COMPLETED`` (``+ 3``): whether the action completed, ``bool``.
        ``ActivityRole.ENTRY`` (``+ 4``): the :class:`ActivityEntry`.
    A row still loading shows "…" and answers ``None`` for these roles.
    """

    def __init__(self, runner: VaultRunner, parent: QObject | None = None, **options: int) -> None:
        super().__init__(runner, parent, **options)
        self._type_prefix: str | None = None
        self._text: str | None = None
        self._event_titles = self._translated_event_titles()
        self._completed_text = self.tr("Completed")
        self._not_completed_text = self.tr("Not completed")
        self._self_party_text = self.tr("You")
        self._names = ActivityNames()
        self._words: dict[tuple[int, str, str], str] = {}  # (column, area, raw) → as shown

    def set_names(self, names: ActivityNames) -> None:
        """Name each vendor (by its id) with the name every other page shows, and each of the
        person's fields (by its key) with its label."""
        self._names = names
        self._words.clear()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, _PARTY_COLUMN), self.index(self.rowCount() - 1, _FIELDS_COLUMN)
            )

    def set_filter(self, *, type_prefix: str | None, text: str | None) -> None:
        """Show only events whose type starts with ``type_prefix`` and/or that mention ``text``.

        Takes effect at the next :meth:`reload`.
        """
        self._type_prefix = type_prefix or None
        self._text = text.strip() if text and text.strip() else None

    def is_filtered(self) -> bool:
        return self._type_prefix is not None or self._text is not None

    def event_title(self, event_type: str) -> str:
        """A readable name for an event type; unknown types are spelled out from their name."""
        title = self._event_titles.get(event_type)
        if title is not None:
            return title
        area, _, action = event_type.partition(".")
        words = (action or area).replace("_", " ")
        return f"{area.capitalize()}: {words}" if action else words.capitalize()

    # ------------------------------------------------------------------ windowed model hooks

    def column_titles(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Event"),
            self.tr("Result"),
            self.tr("Party"),
            self.tr("Fields"),
            self.tr("Details"),
        ]

    def _row_ids_operation(self) -> RowIdsOperation:
        type_prefix, text = self._type_prefix, self._text

        def load(vault: Vault) -> RowIds:
            return RowIds(
                vault.activity_seqs(newest_first=True, type_prefix=type_prefix, text=text)
            )

        return load

    def _rows_operation(self) -> RowsOperation[ActivityEntry]:
        def load(vault: Vault, seqs: Sequence[int]) -> Mapping[int, ActivityEntry]:
            return vault.activity_by_seqs(seqs)

        return load

    def _row_data(self, entry: ActivityEntry, column: int, role: int) -> Any:
        if role == _DISPLAY_ROLE:
            return self._display(entry, column)
        if role > _USER_ROLE:
            return self._role_data(entry, role)
        if role == _FOREGROUND_ROLE and column == _RESULT_COLUMN:
            return None if entry.result == activity.COMPLETED else tone_colour(FAILED_COLOUR)
        if role == _TOOLTIP_ROLE and column == _WHEN_COLUMN:
            return entry.at.isoformat(timespec="seconds")  # the exact moment, for those who verify
        if role == _TOOLTIP_ROLE and column >= _PARTY_COLUMN:
            return self._raw(entry, column) or None  # as the log keeps it, for those who verify
        if role == _TOOLTIP_ROLE and column == _EVENT_COLUMN:
            return self.tr("Entry #%1 (%2)").replace("%1", str(entry.seq)).replace("%2", entry.type)
        return None

    def _role_data(self, entry: ActivityEntry, role: int) -> Any:
        if role == ActivityRole.SEQ:
            return entry.seq
        if role == ActivityRole.TYPE:
            return entry.type
        if role == ActivityRole.COMPLETED:
            return entry.result == activity.COMPLETED
        if role == ActivityRole.ENTRY:
            return entry
        return None

    def _display(self, entry: ActivityEntry, column: int) -> str:
        if column == _WHEN_COLUMN:
            return local_date_time(entry.at)
        if column == _EVENT_COLUMN:
            return self.event_title(entry.type)
        if column == _RESULT_COLUMN:
            completed = entry.result == activity.COMPLETED
            return self._completed_text if completed else self._not_completed_text
        if column == _PARTY_COLUMN and entry.party == activity.SELF_PARTY:
            return self._self_party_text
        raw = self._raw(entry, column)
        key = (column, entry.type.partition(".")[0], raw)  # the area names a loyalty field
        shown = self._words.get(key)
        if shown is None:  # worked out once per text: data() runs on every paint
            if len(self._words) >= MAX_REMEMBERED_WORDS:
                self._words.clear()
            shown = self._in_words(entry, column)
            self._words[key] = shown
        return shown

    @staticmethod
    def _raw(entry: ActivityEntry, column: int) -> str:
        """The party, field names or details of ``entry`` as the log keeps them."""
        if column == _PARTY_COLUMN:
            return entry.party
        if column == _FIELDS_COLUMN:
            return ", ".join(entry.field_names)
        return entry.reason

    def _in_words(self, entry: ActivityEntry, column: int) -> str:
        if column == _PARTY_COLUMN:
            return party_text(entry.party, self._names.vendors)
        if column == _FIELDS_COLUMN:
            return fields_text(entry.field_names, event_type=entry.type, labels=self._names.fields)
        return details_text(entry.reason, event_type=entry.type)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(role): QByteArray(role.name.lower().encode()) for role in ActivityRole})
        return names

    def _translated_event_titles(self) -> dict[str, str]:
        return {
            activity.VAULT_CREATED: self.tr("Vault created"),
            activity.VAULT_UNLOCKED: self.tr("Vault unlocked"),
            activity.VAULT_UNLOCK_FAILED: self.tr("Unlock attempt failed"),
            activity.VAULT_LOCKED: self.tr("Vault locked"),
            activity.PASSPHRASE_CHANGED: self.tr("Passphrase changed"),
            activity.PASSPHRASE_RESET: self.tr("Passphrase reset with the recovery key"),
            activity.KEYRING_ENABLED: self.tr("Remembered on this device"),
            activity.KEYRING_DISABLED: self.tr("Forgotten on this device"),
            activity.BACKUP_CREATED: self.tr("Backup created"),
            activity.VAULT_RESTORED: self.tr("Vault restored from a backup"),
            activity.SETTINGS_CHANGED: self.tr("Settings changed"),
            activity.FIELD_CREATED: self.tr("Field added"),
            activity.FIELD_UPDATED: self.tr("Field updated"),
            activity.FIELD_DELETED: self.tr("Field deleted"),
            activity.FIELD_REVEALED: self.tr("Field value revealed"),
            activity.FIELD_COPIED: self.tr("Field value copied"),
            activity.FIELDS_IMPORTED: self.tr("Fields imported"),
            activity.DATA_EXPORTED: self.tr("Data exported"),
            activity.LOG_VERIFIED: self.tr("Activity log verified"),
            activity.LOG_EXPORTED: self.tr("Activity log exported"),
            activity.TERMS_SAVED: self.tr("Terms saved as a new version"),
            activity.TERMS_EXPORTED: self.tr("Terms exported"),
            activity.AGREEMENT_STORED: self.tr("Vendor's acceptance of your terms stored"),
            activity.AGREEMENT_REFUSED: self.tr("Vendor's acceptance of your terms refused"),
            activity.LOYALTY_ADDED: self.tr("Loyalty card added"),
            activity.LOYALTY_UPDATED: self.tr("Loyalty card updated"),
            activity.LOYALTY_DELETED: self.tr("Loyalty card deleted"),
            activity.LOYALTY_IMPORTED: self.tr("Loyalty cards imported"),
            activity.LOYALTY_EXPORTED: self.tr("Loyalty cards exported"),
            activity.PROPOSAL_SAVED: self.tr("Loyalty proposal saved"),
            activity.PROPOSAL_DELETED: self.tr("Loyalty proposal deleted"),
            activity.PURCHASE_RECORDED: self.tr("Purchase recorded for a proposal"),
            activity.VENDOR_ADDED: self.tr("Vendor added"),
            activity.VENDOR_UPDATED: self.tr("Vendor details refreshed"),
            activity.VENDOR_KEY_CHANGE_REFUSED: self.tr("Vendor's changed key refused"),
            activity.VENDOR_KEY_CHANGE_APPROVED: self.tr("Vendor's new key approved"),
            activity.VENDOR_DISABLED: self.tr("Vendor endpoint disabled"),
            activity.VENDOR_REMOVED: self.tr("Vendor removed"),
            activity.VENDORS_IMPORTED: self.tr("Vendors imported"),
            activity.VENDORS_EXPORTED: self.tr("Vendors exported"),
            activity.DELIVERY_BATCH: self.tr("Messages delivered to vendors"),
            activity.DELIVERY_DELIVERED: self.tr("Message delivered to a vendor"),
            activity.DELIVERY_FAILED: self.tr("Message delivery failed"),
            activity.DELIVERY_DISABLED: self.tr("Message not delivered: endpoint gone"),
            activity.INTENTION_CREATED: self.tr("Intention created"),
            activity.INTENTION_BROADCAST: self.tr("Intention broadcast to vendors"),
            activity.INTENTION_WITHDRAWN: self.tr("Intention withdrawn"),
            activity.INTENTION_EXPIRED: self.tr("Intention expired"),
            activity.INTENTION_EXPORTED: self.tr("Intention exported"),
            activity.OFFERS_RECEIVED: self.tr("Offers received"),
            activity.OFFER_REJECTED: self.tr("Offer refused"),
            activity.OFFER_ACCEPTED: self.tr("Offer accepted"),
            activity.FUNNEL_WEIGHTS_CHANGED: self.tr("Offer ranking weights changed"),
            activity.CONSENT_GRANTED: self.tr("Consent given (data queued for the vendor)"),
            activity.CONSENT_ACKNOWLEDGED: self.tr("Vendor acknowledged (signed)"),
            activity.CONSENT_ACK_REFUSED: self.tr("Vendor answer refused"),
            activity.CONSENT_UPDATE_SENT: self.tr("Changed value queued for a vendor"),
            activity.CONSENT_REVOKED: self.tr("Consent revoked"),
            activity.CONSENT_EXPIRED: self.tr("Consent expired"),
            activity.CONSENT_TERMINATED: self.tr("Vendor confirmed deletion (signed)"),
            activity.CONSENT_EXPORTED: self.tr("Consent receipts exported"),
            activity.DATA_REQUEST_CREATED: self.tr("Data-subject request written"),
        }
