"""The texts of the data-subject request letters (``resources/letters/``): loading and checks.

The letters are data, one file per language, so that a translator edits words, not code. They are
checked as strictly as input: every piece the letter is built from is there, in every language,
with exactly the ``{placeholders}`` the code fills in (no more, no fewer), twelve month
names, and the name of every standard field. A broken file is refused with a message naming the
file and the piece, rather than producing half-rendered letters.
"""

from __future__ import annotations

import functools
import json
import string
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from wallet.errors import WalletError
from wallet.personal_data import STANDARD_FIELDS
from wallet.resources import read_resource, resources_dir
from wallet.wire.terms import Language

MAX_LETTER_FILE_BYTES = 256 * 1024

# Each piece of the letter and the placeholders the code fills into it.
PIECES: dict[str, frozenset[str]] = {
    "subject_label": frozenset(),
    "subject_access": frozenset(),
    "subject_erasure": frozenset(),
    "to": frozenset({"addressee"}),
    "date": frozenset({"date"}),
    "reference": frozenset({"reference"}),
    "greeting": frozenset(),
    "access_intro": frozenset(),
    "access_ask": frozenset(),
    "erasure_intro": frozenset(),
    "fields_intro": frozenset(),
    "receipts_intro": frozenset(),
    "receipt": frozenset({"id", "date", "state"}),
    "active": frozenset({"date"}),
    "expired": frozenset({"date"}),
    "revoked": frozenset({"date"}),
    "no_consents": frozenset(),
    "erasure_ground": frozenset(),
    "erasure_recipients": frozenset(),
    "key": frozenset({"kid"}),
    "access_deadline": frozenset(),
    "erasure_deadline": frozenset(),
    "closing": frozenset(),
    "signature": frozenset({"kid"}),
}
DATE_PLACEHOLDERS = frozenset({"day", "month", "year"})

Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class LetterTextsError(WalletError):
    """A letter file is missing or malformed (an installation problem)."""


def placeholders(text: str) -> set[str]:
    """The ``{names}`` in ``text``."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class LetterTexts(BaseModel):
    """One language's letter: its pieces, the items an access request asks for, and dates."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: Language
    description: str = ""
    date_format: Text
    months: tuple[Text, ...] = Field(min_length=12, max_length=12)
    pieces: dict[str, Text]
    access_items: tuple[Text, ...] = Field(min_length=1, max_length=50)
    field_labels: dict[str, Text] = Field(default_factory=dict)  # standard fields, by key

    def problem(self) -> str:
        """What is wrong with these texts ("" if nothing): a missing or unknown piece, or a
        piece whose placeholders are not the ones the code fills in."""
        missing = sorted(set(PIECES) - set(self.pieces))
        if missing:
            return f"it has no piece {', '.join(missing)}"
        unknown = sorted(set(self.pieces) - set(PIECES))
        if unknown:
            return f"it has unknown pieces {', '.join(unknown)}"
        for name, expected in PIECES.items():
            found = placeholders(self.pieces[name])
            if found != expected:
                return f"the piece {name} has placeholders {sorted(found)}, not {sorted(expected)}"
        standard_keys = {field.key for field in STANDARD_FIELDS}
        if set(self.field_labels) != standard_keys:
            return f"its field labels are not those of the standard fields {sorted(standard_keys)}"
        if placeholders(self.date_format) != DATE_PLACEHOLDERS:
            return f"the date format needs exactly {sorted(DATE_PLACEHOLDERS)}"
        for item in (*self.access_items, *self.months):
            if placeholders(item) or "\n" in item:
                return f"{item[:40]!r} is a single line without placeholders"
        return ""


def letter_path(language: Language) -> Path:
    return resources_dir() / "letters" / f"data-subject-request.{language}.json"


def parse_letter_texts(data: bytes, *, language: Language, source: str) -> LetterTexts:
    """The texts in ``data`` for ``language``, or :class:`LetterTextsError` saying what is wrong."""
    try:
        texts = LetterTexts.model_validate(json.loads(data))
    except (ValueError, UnicodeDecodeError) as exc:
        detail = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise LetterTextsError(
            f"The letter file {source} is damaged ({detail}); reinstall VRM Wallet."
        ) from None
    problem = texts.problem()
    if texts.language != language:
        problem = f"it is in {texts.language!r}, not {language!r}"
    if problem:
        raise LetterTextsError(f"The letter file {source} is damaged: {problem}.")
    return texts


@functools.cache
def _load_cached(path: Path, language: Language) -> LetterTexts:
    data = read_resource(
        path, max_bytes=MAX_LETTER_FILE_BYTES, what="letter file", error=LetterTextsError
    )
    return parse_letter_texts(data, language=language, source=str(path))


def letter_texts(language: Language) -> LetterTexts:
    """The letter in ``language`` (read once per file and cached: it never changes while the
    app runs)."""
    return _load_cached(letter_path(language).resolve(), language)
