"""The demo vault behind ``vrm-wallet --demo``: sample personal data under a published passphrase.

The demo exists to show the app without typing anything personal. Its passphrase is documented
here and shown on the unlock screen, so **nothing real belongs in it**. It uses the minimum
key-derivation cost so that opening it is quick.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import platformdirs

from wallet.loyalty.book import LoyaltyBook
from wallet.loyalty.models import ProposalTerms
from wallet.paths import APP_NAME
from wallet.resources import resources_dir
from wallet.terms.book import TermsBook
from wallet.terms.compose import ClauseChoice
from wallet.vault import Vault, vault_exists

DEMO_PASSPHRASE = "demo passphrase - not secret"


@dataclass(frozen=True, slots=True)
class SampleField:
    """One made-up field of the demo profile."""

    key: str
    value: str
    label: str | None = None
    category: int | None = None
    sensitive: bool | None = None


# Every standard field (wallet.personal_data.STANDARD_FIELDS), then a few custom ones.
SAMPLE_FIELDS: tuple[SampleField, ...] = (
    SampleField("given_name", "Alex"),
    SampleField("family_name", "Example"),
    SampleField("date_of_birth", "1990-04-01"),
    SampleField("email", "alex@example.org"),
    SampleField("phone", "+1 555 0100"),
    SampleField("postal_address", "1 Sample Street\n12345 Exampleton\nNowhere"),
    SampleField("clothing_size", "M"),
    SampleField("shoe_size", "EU 42"),
    SampleField("preferences", "Prefers e-mail over phone calls; no newsletters"),
    SampleField("dietary_preferences", "Vegetarian"),
    SampleField("preferred_language", "en"),
    SampleField("favourite_colour", "Teal", label="Favourite colour", category=15),
    SampleField("library_card", "LIB-0042-0000", label="Library card number", category=14),
    SampleField("bicycle_frame_size", "54 cm", label="Bicycle frame size", category=11),
    SampleField(
        "passport_number",
        "X0000000",
        label="Passport number",
        category=8,
        sensitive=True,
    ),
)


def default_demo_dir() -> Path:
    """Where the demo vault lives unless a directory is given: ``<user data dir>/demo``."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "demo"


def open_demo_vault(directory: Path) -> Vault:
    """Open the demo vault in ``directory``, creating and filling it first if it is missing."""
    directory = Path(directory)
    if vault_exists(directory):
        return Vault.open_with_passphrase(directory, DEMO_PASSPHRASE)
    vault = Vault.create(directory, DEMO_PASSPHRASE, kdf_target_seconds=0).vault
    try:
        fill_with_samples(vault)
    except BaseException:
        vault.lock()
        raise
    return vault


def fill_with_samples(vault: Vault) -> None:
    """Write every sample field, loyalty card and proposal, and a terms version into ``vault``."""
    for sample in SAMPLE_FIELDS:
        vault.set_field(
            sample.key,
            sample.value,
            label=sample.label,
            category=sample.category,
            sensitive=sample.sensitive,
        )
    _add_loyalty_samples(vault)
    _add_terms_sample(vault)


def _add_terms_sample(vault: Vault) -> None:
    """A first, signed version of the consumer's terms, so the My terms page has history."""
    TermsBook(vault).compose(
        [
            ClauseChoice("CC-NO-TRACKING"),
            ClauseChoice("CC-NO-THIRD-PARTY"),
            ClauseChoice("CC-RETENTION-DAYS", {"days": 90}),
            ClauseChoice("CC-DELETE-ON-END"),
        ],
        language="en",
    )


def _add_loyalty_samples(vault: Vault) -> None:
    """Made-up loyalty cards (``resources/loyalty/sample-memberships.csv``) and one proposal."""
    book = LoyaltyBook(vault)
    book.import_rows(book.preview(resources_dir() / "loyalty" / "sample-memberships.csv"))
    start = date.today().replace(month=1, day=1)
    terms = ProposalTerms.model_validate(
        {
            "title": "Weekly groceries",
            "vendor": "Fresh Mart",
            "category": "groceries",
            "commitment": {"kind": "purchases", "count": 40},
            "period": "year",
            "reward": {"kind": "percent_discount", "value": "5"},
            "valid_from": start,
            "valid_until": start.replace(year=start.year + 1) - timedelta(days=1),
        }
    )
    proposal = book.add_proposal(terms, status="active")
    book.record_purchase(proposal.id, vendor="Fresh Mart", amount="42.80", day=start)
