"""Composing, rendering and comparing terms documents: pure functions over the catalogue and
the roster (IEEE 7012: a roster agreement, optionally with catalogue clauses added).

Nothing here touches the vault, so the desktop app can preview a draft on every keystroke and the
CLI can validate before asking for the passphrase.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from wallet.errors import InvalidInput, WalletError
from wallet.terms.catalogue import Catalogue
from wallet.terms.dates import issued_date
from wallet.terms.roster import Roster, load_roster
from wallet.wire.terms import (
    MAX_CLAUSES,
    MAX_FREE_TEXT,
    Clause,
    FreeTextClause,
    Language,
    ParamValue,
    StandardClause,
    TermsDocument,
    utc_timestamp,
)


@dataclass(frozen=True, slots=True)
class ClauseChoice:
    """A clause the consumer picked: a catalogue id with parameters, or free text (``text``).

    Parameter values may be text (``"30"``) as typed on a command line; they are checked and
    converted against the catalogue, and parameters left out take their defaults.
    """

    id: str | None = None
    params: Mapping[str, object] = field(default_factory=dict)
    text: str | None = None

    @classmethod
    def free(cls, text: str) -> ClauseChoice:
        return cls(text=text)

    @property
    def is_free_text(self) -> bool:
        return self.text is not None


def check_agreement(agreement: str | None, roster: Roster | None = None) -> str | None:
    """``agreement`` as the roster spells it (or None), or :class:`InvalidInput` if unknown."""
    if agreement is None or not agreement.strip():
        return None
    return (roster or load_roster()).agreement(agreement).id


def build_clauses(
    choices: Sequence[ClauseChoice], catalogue: Catalogue, *, agreement: str | None = None
) -> list[Clause]:
    """The document's clauses, validated: known ids, each once, parameters in range. Without a
    roster ``agreement`` at least one clause is needed."""
    if not choices and agreement is None:
        raise InvalidInput(
            "Pick an agreement or at least one clause; empty terms would promise nothing."
        )
    if len(choices) > MAX_CLAUSES:
        raise InvalidInput(f"Terms can have at most {MAX_CLAUSES} clauses.")
    clauses: list[Clause] = []
    seen: set[str] = set()
    for choice in choices:
        if choice.text is not None:
            if choice.id is not None:
                raise InvalidInput("A clause is either a catalogue id or free text, not both.")
            clauses.append(_free_text(choice.text))
            continue
        if not choice.id:
            raise InvalidInput("A clause needs a catalogue id or free text.")
        clause_id = choice.id.strip().upper()
        entry = catalogue.clause(clause_id)
        if clause_id in seen:
            raise InvalidInput(f"{clause_id} is picked twice; keep it once.")
        seen.add(clause_id)
        clauses.append(StandardClause(id=clause_id, params=entry.check_params(choice.params)))
    return clauses


def _free_text(text: str) -> FreeTextClause:
    # NFC now, so that any RFC 8785 implementation (with or without normalisation) finds our hash.
    cleaned = unicodedata.normalize("NFC", text.strip())
    if not cleaned:
        raise InvalidInput("A free-text clause is empty; write it or remove it.")
    if len(cleaned) > MAX_FREE_TEXT:
        raise InvalidInput(f"A free-text clause is limited to {MAX_FREE_TEXT} characters.")
    return FreeTextClause(free_text=True, text=cleaned)


def new_document(
    clauses: Sequence[Clause],
    *,
    version: int,
    language: Language,
    catalogue: Catalogue,
    agreement: str | None = None,
) -> TermsDocument:
    return TermsDocument(
        type="VrmTerms",
        id=f"urn:uuid:{uuid.uuid4()}",
        version=version,
        issued=utc_timestamp(),
        catalogue_version=catalogue.catalogue_version,
        language=language,
        clauses=list(clauses),
        **({"agreement": agreement} if agreement is not None else {}),
    )


def render_clauses(
    clauses: Sequence[Clause],
    language: Language,
    catalogue: Catalogue,
    *,
    heading: str,
    agreement: str | None = None,
    roster_ids: bool = True,
) -> str:
    """The full text for people: heading, preamble, the roster agreement (its title, its id
    unless ``roster_ids`` is false, and its text), then numbered clauses with their titles."""
    labels = catalogue.labels
    parts = [heading, "", labels.preamble.get(language)]
    if agreement is not None:
        proffered = load_roster().agreement(agreement)
        title = proffered.title.get(language)
        title += f" ({proffered.id})" if roster_ids else ""
        parts += ["", title, proffered.text.get(language)]
    for number, clause in enumerate(clauses, start=1):
        if isinstance(clause, FreeTextClause):
            title, text = labels.free_text_title.get(language), clause.text
        else:
            entry = catalogue.clause(clause.id)
            title, text = entry.title.get(language), entry.render(clause.params, language)
        parts += ["", f"{number}. {title}", text]
    return "\n".join(parts) + "\n"


def render_document(
    document: TermsDocument, language: Language, catalogue: Catalogue, *, roster_ids: bool = True
) -> str:
    """A saved version's full text in ``language`` (free text as its author wrote it); the
    desktop app leaves the roster agreement's id out (``roster_ids``): people read its title."""
    if document.catalogue_version > catalogue.catalogue_version:
        raise InvalidInput(
            f"Version {document.version} uses clause catalogue {document.catalogue_version}, "
            f"newer than this app's ({catalogue.catalogue_version}); update VRM Wallet."
        )
    heading = catalogue.labels.heading.get(language).format(
        version=document.version, issued=issued_date(document.issued, language)
    )
    return render_clauses(
        document.clauses,
        language,
        catalogue,
        heading=heading,
        agreement=document.agreement,
        roster_ids=roster_ids,
    )


def render_draft(
    choices: Sequence[ClauseChoice],
    language: Language,
    catalogue: Catalogue,
    *,
    agreement: str | None = None,
) -> str:
    """The preview of unsaved choices; raises :class:`InvalidInput` like saving would."""
    heading = catalogue.labels.draft_heading.get(language)
    agreement = check_agreement(agreement)
    clauses = build_clauses(choices, catalogue, agreement=agreement)
    return render_clauses(clauses, language, catalogue, heading=heading, agreement=agreement)


DraftState = Literal["empty", "invalid", "same", "new"]


@dataclass(frozen=True, slots=True)
class DraftPreview:
    """What a composer shows for unsaved choices, and whether saving them makes sense.

    ``state``: ``empty`` (nothing picked; ``text`` is empty), ``invalid`` (``text`` says what
    saving would refuse), ``same`` (the choices repeat the latest saved version ``same_as``;
    ``text`` is that version's text: saving would only add a version that changes nothing) or
    ``new`` (``text`` is the draft).
    """

    state: DraftState
    text: str = ""
    same_as: int | None = None

    @property
    def can_save(self) -> bool:
        return self.state == "new"


def preview_draft(
    choices: Sequence[ClauseChoice],
    language: Language,
    catalogue: Catalogue,
    *,
    latest: TermsDocument | None,
    agreement: str | None = None,
    roster_ids: bool = True,
) -> DraftPreview:
    """The preview of unsaved ``choices`` (and roster ``agreement``) next to the ``latest``
    saved version (if any); ``roster_ids`` as for :func:`render_document`."""
    if not choices and agreement is None:
        return DraftPreview("empty")
    try:
        agreement = check_agreement(agreement)
        clauses = build_clauses(choices, catalogue, agreement=agreement)
    except WalletError as exc:
        return DraftPreview("invalid", str(exc))
    if latest is not None and clauses == list(latest.clauses) and agreement == latest.agreement:
        return DraftPreview(
            "same",
            render_document(latest, language, catalogue, roster_ids=roster_ids),
            same_as=latest.version,
        )
    heading = catalogue.labels.draft_heading.get(language)
    text = render_clauses(
        clauses, language, catalogue, heading=heading, agreement=agreement, roster_ids=roster_ids
    )
    return DraftPreview("new", text)


# ------------------------------------------------------------------------------ comparing


@dataclass(frozen=True, slots=True)
class ParamChange:
    name: str
    before: ParamValue | None
    after: ParamValue | None


@dataclass(frozen=True, slots=True)
class ClauseDifference:
    """One clause added, removed, or kept with different parameters (free text: by its text)."""

    kind: Literal["added", "removed", "changed"]
    clause_id: str | None
    text: str | None = None
    params: tuple[ParamChange, ...] = ()


@dataclass(frozen=True, slots=True)
class TermsDiff:
    """Clause-level differences from version ``before`` to version ``after``."""

    before: int
    after: int
    differences: tuple[ClauseDifference, ...]
    language: tuple[Language, Language] | None = None
    agreement: tuple[str | None, str | None] | None = None

    @property
    def is_empty(self) -> bool:
        return not self.differences and self.language is None and self.agreement is None

    def describe(self, catalogue: Catalogue, language: Language = "en") -> list[str]:
        """One line per difference: ``+`` added, ``-`` removed, ``~`` changed."""
        lines = []
        if self.language is not None:
            lines.append(f"~ language: {self.language[0]} → {self.language[1]}")
        if self.agreement is not None:
            before, after = (name or "none" for name in self.agreement)
            lines.append(f"~ agreement: {before} → {after}")
        for difference in self.differences:
            sign = {"added": "+", "removed": "-", "changed": "~"}[difference.kind]
            if difference.clause_id is None:
                lines.append(f"{sign} free text: “{difference.text}”")
                continue
            title = _title(catalogue, difference.clause_id, language)
            line = f"{sign} {difference.clause_id} ({title})"
            if difference.params:
                line += ": " + "; ".join(
                    f"{change.name} {change.before} → {change.after}"
                    for change in difference.params
                )
            lines.append(line)
        return lines


def _title(catalogue: Catalogue, clause_id: str, language: Language) -> str:
    for clause in catalogue.clauses:
        if clause.id == clause_id:
            return clause.title.get(language)
    return "not in this catalogue"


def diff_documents(before: TermsDocument, after: TermsDocument) -> TermsDiff:
    old = {c.id: c for c in before.clauses if isinstance(c, StandardClause)}
    new = {c.id: c for c in after.clauses if isinstance(c, StandardClause)}
    differences = [
        ClauseDifference("removed", clause_id) for clause_id in old if clause_id not in new
    ]
    for clause_id, clause in new.items():
        if clause_id not in old:
            differences.append(ClauseDifference("added", clause_id))
            continue
        changes = tuple(
            ParamChange(name, old[clause_id].params.get(name), clause.params.get(name))
            for name in sorted(set(old[clause_id].params) | set(clause.params))
            if old[clause_id].params.get(name) != clause.params.get(name)
        )
        if changes:
            differences.append(ClauseDifference("changed", clause_id, params=changes))
    old_texts = [c.text for c in before.clauses if isinstance(c, FreeTextClause)]
    new_texts = [c.text for c in after.clauses if isinstance(c, FreeTextClause)]
    differences += [ClauseDifference("removed", None, t) for t in old_texts if t not in new_texts]
    differences += [ClauseDifference("added", None, t) for t in new_texts if t not in old_texts]
    language = None if before.language == after.language else (before.language, after.language)
    agreement = None if before.agreement == after.agreement else (before.agreement, after.agreement)
    return TermsDiff(before.version, after.version, tuple(differences), language, agreement)


def choices_of(document: TermsDocument) -> list[ClauseChoice]:
    """The choices that compose ``document`` again (to edit a saved version)."""
    return [
        ClauseChoice.free(c.text) if isinstance(c, FreeTextClause) else ClauseChoice(c.id, c.params)
        for c in document.clauses
    ]
