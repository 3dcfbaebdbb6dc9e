"""Agreements as the wallet keeps them: the vendor's signed record and, beside it, what it came
with (the offer, a counter-offer's terms, the person's answer and signature).

IEEE 7012 has both parties keep matching records. The vendor's half is its
:class:`~wallet.wire.terms.AgreementRecord` (or, from a vendor that accepts by hash only, its
signed offer); the person's half is the terms version they signed, or, for a vendor's
counter-offer, the person's own JWS over the counter terms when they accept it. One
:class:`KeptAgreement` is the JSON of one ``terms_agreements`` row; rows written before it
existed hold a bare ``AgreementRecord`` and still read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from wallet.crypto.signing import verifying_key_from_jwk
from wallet.wire.models import Offer, SignedOffer
from wallet.wire.terms import (
    AgreementRecord,
    CompactJws,
    PublicJwk,
    TermsDocument,
    UtcTimestamp,
)

Answer = Literal["accepted", "declined"]


class KeptAgreement(BaseModel):
    """One kept agreement (or counter-offer awaiting the person's answer)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    record: AgreementRecord | None = Field(
        default=None, description="the vendor's signed acceptance (absent: accepted by hash)"
    )
    signed_offer: str | None = Field(
        default=None,
        description="the vendor's signed offer as it arrived (JSON), when it is the only record",
    )
    offer: str | None = Field(default=None, description="the offer it came with")
    counter: TermsDocument | None = Field(
        default=None, description="a counter-offer's terms (not one of the person's versions)"
    )
    answer: Answer | None = Field(default=None, description="the person's answer to a counter")
    answered_at: UtcTimestamp | None = None
    person_signature: CompactJws | None = Field(
        default=None, description="the person's JWS over the accepted counter terms"
    )
    person_key: PublicJwk | None = None

    def _offer(self) -> Offer:
        assert self.signed_offer is not None  # a kept agreement has a record or a signed offer
        return SignedOffer.model_validate_json(self.signed_offer).offer

    @property
    def vendor_key(self) -> PublicJwk:
        if self.record is not None:
            return self.record.vendor.publicKey
        return self._offer().seller.publicKey

    @property
    def vendor_id(self) -> str:
        if self.record is not None:
            return self.record.vendor.id
        return self._offer().seller.id

    @property
    def vendor_name(self) -> str:
        if self.record is not None:
            return self.record.vendor.name
        return self._offer().seller.name

    @property
    def terms_sha256(self) -> str:
        if self.record is not None:
            return self.record.terms_sha256
        accepts = self._offer().acceptsTerms
        assert accepts is not None  # kept only for an offer that accepts terms
        return accepts.sha256

    @property
    def accepted_at(self) -> str:
        """When the vendor signed (its record's time, or its offer's ``issued``)."""
        if self.record is not None:
            return self.record.accepted_at
        return self._offer().issued

    @property
    def in_force(self) -> bool:
        """Both sides agreed: the person's own terms, or a counter-offer the person accepted."""
        return self.counter is None or self.answer == "accepted"


def parse_kept(text: str) -> KeptAgreement:
    """A stored row's JSON: a :class:`KeptAgreement`, or a bare record of older rows."""
    data = json.loads(text)
    if isinstance(data, dict) and "terms_sha256" in data:
        return KeptAgreement(record=AgreementRecord.model_validate(data))
    return KeptAgreement.model_validate(data)


@dataclass(frozen=True, slots=True)
class StoredAgreement:
    """A verified agreement as stored, and which of the person's versions it accepts (None for
    a counter-offer's terms, which are the vendor's)."""

    id: int
    kept: KeptAgreement
    terms_version: int | None
    stored_at: datetime
    agreement: str | None = None  # the roster agreement of the accepted terms, when known

    @property
    def record(self) -> AgreementRecord | None:
        return self.kept.record

    @property
    def vendor_name(self) -> str:
        return self.kept.vendor_name

    @property
    def vendor_kid(self) -> str:
        return verifying_key_from_jwk(self.kept.vendor_key.model_dump()).kid

    @property
    def terms_sha256(self) -> str:
        return self.kept.terms_sha256

    @property
    def status(self) -> str:
        """``in force``, ``counter-offer`` (awaiting the person's answer) or ``declined``."""
        if self.kept.in_force:
            return "in force"
        return "declined" if self.kept.answer == "declined" else "counter-offer"
