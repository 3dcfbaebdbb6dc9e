"""The composer's preview (``preview_draft``): what the desktop app shows for unsaved choices, and
whether saving them would add anything, decided in the core."""

from __future__ import annotations

from wallet.terms import ClauseChoice, TermsBook, load_catalogue, preview_draft, render_draft
from wallet.vault.facade import Vault

CATALOGUE = load_catalogue()
CHOICES = [ClauseChoice("CC-NO-TRACKING"), ClauseChoice("CC-RETENTION-DAYS", {"days": 30})]


def test_nothing_picked_is_empty_and_cannot_be_saved() -> None:
    preview = preview_draft([], "en", CATALOGUE, latest=None)
    assert preview.state == "empty" and preview.text == "" and not preview.can_save


def test_a_draft_is_rendered_like_render_draft_and_can_be_saved() -> None:
    preview = preview_draft(CHOICES, "it", CATALOGUE, latest=None)
    assert preview.state == "new" and preview.can_save and preview.same_as is None
    assert preview.text == render_draft(CHOICES, "it", CATALOGUE)


def test_an_invalid_draft_says_what_saving_would_refuse() -> None:
    twice = [ClauseChoice("CC-NO-TRACKING"), ClauseChoice("CC-NO-TRACKING")]
    preview = preview_draft(twice, "en", CATALOGUE, latest=None)
    assert preview.state == "invalid" and not preview.can_save
    assert preview.text == "CC-NO-TRACKING is picked twice; keep it once."
    out_of_range = [ClauseChoice("CC-RETENTION-DAYS", {"days": -1})]
    assert "days must be" in preview_draft(out_of_range, "en", CATALOGUE, latest=None).text


def test_repeating_the_latest_version_shows_it_and_cannot_be_saved(vault: Vault) -> None:
    book = TermsBook(vault, catalogue=CATALOGUE)
    saved = book.compose(CHOICES, language="en")
    preview = preview_draft(CHOICES, "es", CATALOGUE, latest=saved.document)
    assert preview.state == "same" and preview.same_as == saved.version == 1
    assert not preview.can_save
    assert preview.text == book.render(saved, "es")
    changed = [*CHOICES, ClauseChoice.free("Ask me first")]
    assert preview_draft(changed, "en", CATALOGUE, latest=saved.document).can_save
