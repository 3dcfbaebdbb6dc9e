"""What an operation changed, so that views refresh only what they show (Anki's ``OpChanges``).

Every mutation of the core says which parts of the vault it touched: the vault's own operations
return a :class:`Changes`, and the feature books note theirs on the vault
(:meth:`wallet.vault.facade.Vault.note_changed`) inside the operation. Whoever runs an operation
(the desktop app's vault runner) collects them with :meth:`wallet.vault.facade.Vault.perform`,
which returns an :class:`Outcome`: the operation's value and everything it changed, activity-log
entries included.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Part(StrEnum):
    """A part of the vault that a view may show."""

    FIELDS = "fields"
    SETTINGS = "settings"
    HEADER = "header"  # passphrase, keyring slot: the key slots of the vault's header
    ACTIVITY = "activity"
    TERMS = "terms"
    LOYALTY = "loyalty"
    VENDORS = "vendors"
    OUTBOX = "outbox"
    INTENTIONS = "intentions"
    OFFERS = "offers"
    CONSENTS = "consents"


@dataclass(frozen=True, slots=True)
class Changes:
    """The parts an operation changed, and which personal-data fields by key (for focus)."""

    parts: frozenset[Part] = frozenset()
    field_keys: tuple[str, ...] = ()

    @classmethod
    def of(cls, *parts: Part, field_keys: tuple[str, ...] = ()) -> Changes:
        return cls(frozenset(parts), field_keys)

    def __or__(self, other: Changes) -> Changes:
        if other.parts <= self.parts and not other.field_keys:
            return self  # the usual case: one more activity entry in the same operation
        keys = self.field_keys + tuple(k for k in other.field_keys if k not in self.field_keys)
        return Changes(self.parts | other.parts, keys)

    def __bool__(self) -> bool:
        return bool(self.parts)

    def touches(self, *parts: Part) -> bool:
        """True if any of ``parts`` changed."""
        return not self.parts.isdisjoint(parts)

    @property
    def fields_changed(self) -> bool:
        return Part.FIELDS in self.parts

    @property
    def settings_changed(self) -> bool:
        return Part.SETTINGS in self.parts

    @property
    def header_changed(self) -> bool:
        return Part.HEADER in self.parts

    @property
    def activity_changed(self) -> bool:
        return Part.ACTIVITY in self.parts


NO_CHANGES = Changes()
ACTIVITY_LOGGED = Changes.of(Part.ACTIVITY)  # what every activity-log entry changes


class ChangeLog:
    """The changes noted since they were last taken; used on the vault's thread only."""

    def __init__(self) -> None:
        self._pending = NO_CHANGES

    def note(self, changes: Changes) -> None:
        self._pending = self._pending | changes

    def take(self) -> Changes:
        taken, self._pending = self._pending, NO_CHANGES
        return taken


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What an operation returned, and everything it changed."""

    value: T
    changes: Changes
