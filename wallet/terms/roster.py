"""The roster of standard agreements (IEEE 7012-2025, MyTerms): ``resources/terms/roster.json``.

The person proffers one agreement of the roster (``SD-BASE``, ``PDC-INTENT``, ...), optionally with
catalogue clauses added; a vendor accepts it, counters with one other roster agreement, or
declines. The ids are data, not code (implementers do not agree on them yet), and the file is
checked as strictly as input: every agreement has a title and a text in every supported language.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wallet.errors import InvalidInput
from wallet.resources import resources_dir
from wallet.terms.catalogue import LocalizedText, load_data_file, parse_data_file
from wallet.wire.terms import CLAUSE_ID_PATTERN, LANGUAGES, Language

MAX_ROSTER_BYTES = 256 * 1024


class RosterAgreement(BaseModel):
    """One standard agreement: a stable id, a title and its plain-language text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=CLAUSE_ID_PATTERN, max_length=64)
    title: LocalizedText
    text: LocalizedText


class Roster(BaseModel):
    """The agreements in circulation; ids are unique."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    roster_version: int = Field(ge=1)
    description: str = ""
    languages: tuple[Language, ...]
    agreements: tuple[RosterAgreement, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Roster:
        ids = [agreement.id for agreement in self.agreements]
        duplicates = sorted({agreement_id for agreement_id in ids if ids.count(agreement_id) > 1})
        if duplicates:
            raise ValueError(f"agreement ids appear twice: {', '.join(duplicates)}")
        if set(self.languages) != set(LANGUAGES):
            raise ValueError(f"the roster must cover exactly {', '.join(LANGUAGES)}")
        return self

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(agreement.id for agreement in self.agreements)

    def agreement(self, agreement_id: str) -> RosterAgreement:
        """The agreement ``agreement_id``, or :class:`InvalidInput` naming the known ids."""
        wanted = agreement_id.strip().upper()
        for agreement in self.agreements:
            if agreement.id == wanted:
                return agreement
        raise InvalidInput(
            f"Unknown agreement {agreement_id!r}: the roster has {', '.join(self.ids)}."
        )


def roster_path() -> Path:
    return resources_dir() / "terms" / "roster.json"


def parse_roster(data: bytes, *, source: str) -> Roster:
    return parse_data_file(data, Roster, source=source, what="agreement roster")


def load_roster(path: Path | None = None) -> Roster:
    """The roster (read once per path and cached: it never changes while the app runs)."""
    return load_data_file(
        (path or roster_path()).resolve(),
        Roster,
        what="agreement roster",
        max_bytes=MAX_ROSTER_BYTES,
    )
