"""The comparison of two terms versions as data (what changed, the value before, the value
after), which the desktop app words in the person's language and the CLI in English; and the
dates a terms document writes in its own language."""

from __future__ import annotations

from datetime import date

from wallet.terms import load_catalogue
from wallet.terms.compose import (
    ClauseChoice,
    ClauseDifference,
    ParamChange,
    build_clauses,
    diff_documents,
    new_document,
    render_document,
)
from wallet.terms.dates import issued_date, written_date


def _document(version: int, choices: list[ClauseChoice], **options: object):  # type: ignore[no-untyped-def]
    catalogue = load_catalogue()
    agreement = options.get("agreement")
    clauses = build_clauses(choices, catalogue, agreement=agreement)  # type: ignore[arg-type]
    return new_document(clauses, version=version, catalogue=catalogue, **options)  # type: ignore[arg-type]


def test_the_comparison_is_data_what_before_and_after() -> None:
    before = _document(
        1,
        [ClauseChoice("CC-RETENTION-DAYS", {"days": 90}), ClauseChoice("CC-NO-TRACKING")],
        language="es",
        agreement="PDC-INTENT",
    )
    after = _document(
        2,
        [
            ClauseChoice("CC-RETENTION-DAYS", {"days": 120}),
            ClauseChoice("CC-NO-MARKETING"),
            ClauseChoice.free("No calls"),
        ],
        language="en",
    )
    diff = diff_documents(before, after)
    assert (diff.before, diff.after) == (1, 2)
    assert diff.language == ("es", "en")
    assert diff.agreement == ("PDC-INTENT", None)
    assert set(diff.differences) == {
        ClauseDifference("removed", "CC-NO-TRACKING"),
        ClauseDifference("added", "CC-NO-MARKETING"),
        ClauseDifference("changed", "CC-RETENTION-DAYS", params=(ParamChange("days", 90, 120),)),
        ClauseDifference("added", None, "No calls"),
    }
    assert not diff.is_empty
    assert diff_documents(after, after).is_empty
    # The CLI's English lines are made from the same data.
    lines = diff.describe(load_catalogue())
    assert "~ language: es → en" in lines and "~ agreement: PDC-INTENT → none" in lines


def test_a_document_writes_its_date_in_its_own_language() -> None:
    day = date(2026, 12, 8)
    assert written_date(day, "en") == "8 December 2026"
    assert written_date(day, "es") == "8 de diciembre de 2026"
    assert written_date(day, "it") == "8 dicembre 2026"
    assert issued_date("2026-03-01T12:00:00Z", "es") == "1 de marzo de 2026"  # noon: any zone
    document = _document(1, [ClauseChoice("CC-NO-TRACKING")], language="it")
    heading = render_document(document, "it", load_catalogue()).splitlines()[0]
    assert heading.startswith("Le mie condizioni (versione 1, emessa in data ")
    assert not any(character == "-" for character in heading.rpartition("data ")[2])


def test_the_roster_id_can_be_left_to_the_title() -> None:
    document = _document(1, [], language="es", agreement="PDC-INTENT")
    catalogue = load_catalogue()
    assert "Comparto mi intención de compra (PDC-INTENT)\n" in render_document(
        document, "es", catalogue
    )
    for_people = render_document(document, "es", catalogue, roster_ids=False)
    assert "\nComparto mi intención de compra\n" in for_people and "PDC-INTENT" not in for_people
