"""The consumer's own terms (IEEE 7012, MyTerms): a roster agreement with catalogue clauses,
signed versions, vendors' agreements and counter-offers.

Public API: :class:`TermsBook` (over an unlocked vault), :class:`ClauseChoice`, the wire models
(:class:`TermsDocument`, :class:`SignedTerms`, :class:`AgreementRecord`) and the checks vendors
use (:func:`verify_signed_terms`, :func:`verify_agreement`, :func:`sign_agreement`).
"""

from wallet.terms.book import TermsBook, TermsVersion
from wallet.terms.catalogue import Catalogue, CatalogueClause, CatalogueError, load_catalogue
from wallet.terms.compose import (
    ClauseChoice,
    DraftPreview,
    TermsDiff,
    choices_of,
    diff_documents,
    preview_draft,
    render_document,
    render_draft,
)
from wallet.terms.records import KeptAgreement, StoredAgreement
from wallet.terms.roster import Roster, RosterAgreement, load_roster
from wallet.terms.signing import (
    AgreementRefused,
    sign_agreement,
    verify_agreement,
    verify_signed_terms,
)
from wallet.wire.terms import (
    LANGUAGES,
    AgreementRecord,
    FreeTextClause,
    Language,
    SignedTerms,
    StandardClause,
    TermsDocument,
)

__all__ = [
    "LANGUAGES",
    "AgreementRecord",
    "AgreementRefused",
    "Catalogue",
    "CatalogueClause",
    "CatalogueError",
    "ClauseChoice",
    "DraftPreview",
    "FreeTextClause",
    "KeptAgreement",
    "Language",
    "Roster",
    "RosterAgreement",
    "SignedTerms",
    "StandardClause",
    "StoredAgreement",
    "TermsBook",
    "TermsDiff",
    "TermsDocument",
    "TermsVersion",
    "choices_of",
    "diff_documents",
    "load_catalogue",
    "load_roster",
    "preview_draft",
    "render_document",
    "render_draft",
    "sign_agreement",
    "verify_agreement",
    "verify_signed_terms",
]
