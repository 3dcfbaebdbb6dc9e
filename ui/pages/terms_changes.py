"""What changed between two saved versions of My terms, said in the interface's language.

The core compares the versions (:func:`wallet.terms.diff_documents`: the language, the roster
agreement, each clause added, removed or with other parameters) and the CLI prints its own
English lines; this module words the same comparison for the History tab with human names: the
language's name, the agreement's and the clause's titles, the parameters' labels and values with
their units, never an id.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.i18n.language import current_language
from wallet.errors import InvalidInput
from wallet.terms import Catalogue, Language, TermsDiff, load_roster
from wallet.terms.catalogue import CatalogueClause, ParamSpec
from wallet.terms.compose import ClauseDifference, ParamChange
from wallet.wire.terms import ParamValue


def language_name(code: str) -> str:
    """A terms language's name in the interface's language ("inglés")."""
    names = {
        "en": QCoreApplication.translate("TermsChanges", "English"),
        "es": QCoreApplication.translate("TermsChanges", "Spanish"),
        "it": QCoreApplication.translate("TermsChanges", "Italian"),
    }
    return names.get(code, code)


def agreement_title(agreement: str | None, language: Language) -> str:
    """A roster agreement's title in ``language``; "no standard agreement" for None."""
    if agreement is None:
        return QCoreApplication.translate("TermsChanges", "no standard agreement")
    try:
        return load_roster().agreement(agreement).title.get(language)
    except InvalidInput:  # a roster entry this app no longer has
        return QCoreApplication.translate(
            "TermsChanges", "a standard agreement this app does not know"
        )


def describe_changes(diff: TermsDiff, catalogue: Catalogue, language: Language) -> list[str]:
    """One sentence per change from ``diff.before`` to ``diff.after``; titles, labels and values
    in ``language`` (the interface's)."""
    lines = []
    if diff.language is not None:
        before, after = (language_name(code) for code in diff.language)
        said = QCoreApplication.translate("TermsChanges", "Language of the terms: %1 → %2")
        lines.append(said.replace("%1", before).replace("%2", after))
    if diff.agreement is not None:
        before, after = (agreement_title(name, language) for name in diff.agreement)
        lines.append(
            QCoreApplication.translate("TermsChanges", "Agreement: %1 → %2")
            .replace("%1", before)
            .replace("%2", after)
        )
    lines += [_difference(difference, catalogue, language) for difference in diff.differences]
    return lines


def _difference(difference: ClauseDifference, catalogue: Catalogue, language: Language) -> str:
    if difference.clause_id is None:
        free = {
            "added": QCoreApplication.translate("TermsChanges", "Free-text clause added: “%1”"),
            "removed": QCoreApplication.translate("TermsChanges", "Free-text clause removed: “%1”"),
            "changed": QCoreApplication.translate("TermsChanges", "Free-text clause changed: “%1”"),
        }[difference.kind]
        return free.replace("%1", difference.text or "")
    clause = next((c for c in catalogue.clauses if c.id == difference.clause_id), None)
    title = (
        clause.title.get(language)
        if clause
        else QCoreApplication.translate("TermsChanges", "a clause this app does not know")
    )
    if difference.kind == "added":
        return QCoreApplication.translate("TermsChanges", "Clause added: %1").replace("%1", title)
    if difference.kind == "removed":
        return QCoreApplication.translate("TermsChanges", "Clause removed: %1").replace("%1", title)
    changes = "; ".join(_param_change(change, clause, language) for change in difference.params)
    return (
        QCoreApplication.translate("TermsChanges", "Clause changed: %1 (%2)")
        .replace("%1", title)
        .replace("%2", changes)
    )


def _param_change(change: ParamChange, clause: CatalogueClause | None, language: Language) -> str:
    spec = clause.param(change.name) if clause else None
    label = (
        spec.label.get(language)
        if spec
        else QCoreApplication.translate("TermsChanges", "a setting")
    )
    before, after = (_value(value, spec, language) for value in (change.before, change.after))
    return (
        QCoreApplication.translate("TermsChanges", "%1: %2 → %3")
        .replace("%1", label)
        .replace("%2", before)
        .replace("%3", after)
    )


def _value(value: ParamValue | None, spec: ParamSpec | None, language: Language) -> str:
    if value is None:
        return "—"
    if spec is None:
        return str(value)
    shown = spec.display(value, language)
    return f"{shown} {spec.unit_word(language)}" if spec.unit else shown


def interface_language() -> Language:
    """The interface's language as a terms language (the catalogue has all three)."""
    code = current_language().code
    return "es" if code == "es" else "it" if code == "it" else "en"
