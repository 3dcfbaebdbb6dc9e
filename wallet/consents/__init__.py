"""Consents: scoped, expiring, revocable grants of personal data to a vendor, with receipts."""

from wallet.consents.book import (
    ConsentBook,
    ConsentRecord,
    GrantPlan,
    GrantRequest,
    Holder,
    NoticeOutcome,
    Overview,
    PlannedField,
)

__all__ = [
    "ConsentBook",
    "ConsentRecord",
    "GrantPlan",
    "GrantRequest",
    "Holder",
    "NoticeOutcome",
    "Overview",
    "PlannedField",
]
