"""The intention-economy wire formats as pydantic models: the single source of truth.

* :class:`VendorMetadata` — what a vendor serves at ``/.well-known/vrm-vendor.json``.
* :class:`Intention` — a schema.org ``Demand``-shaped request, signed by a fresh per-intention key.
* :class:`Offer` — a schema.org ``Offer``-shaped answer, signed by the vendor's pinned key.
* :class:`SignedIntention` / :class:`SignedOffer` — ``{intention|offer, signature}`` where the
  signature is a compact JWS (``alg: Ed25519``) whose payload is exactly the RFC 8785 canonical
  JSON of ``model_dump(mode="json", by_alias=True)`` of the document (:mod:`wallet.wire.signing`).

Values that must survive a re-parse byte for byte are strings: times (``2025-01-31T12:00:00Z``),
prices (``"19.99"``, never a float), dates (``2025-02-15``). Every model forbids unknown fields, so
a document either is exactly one of these or is refused. Intentions carry no personal data beyond
what the consumer typed: the delivery location is a coarse region and at most a 3-character postal
prefix, and the requester is only a fresh public key.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    model_validator,
)

from wallet.wire.json_types import IsoDate, VersionOne
from wallet.wire.loyalty import ProposalTerms
from wallet.wire.terms import (
    CLAUSE_ID_PATTERN,
    COMPACT_JWS_PATTERN,
    URN_UUID_PATTERN,
    ClauseLimit,
    CounterTerms,
    PublicJwk,
    TermsAcceptance,
    TermsRequirement,
    UtcTimestamp,
    parse_utc_timestamp,
)

SCHEMA_ORG: Literal["https://schema.org"] = "https://schema.org"
WIRE_VERSION: Literal[1] = 1
MAX_WIRE_BYTES = 256 * 1024
MAX_NAME = 200
MAX_DESCRIPTION = 2000
MAX_SPECS = 50
MAX_LIST = 100
DECIMAL_PATTERN = r"^(0|[1-9][0-9]{0,11})(\.[0-9]{1,4})?$"
CURRENCY_PATTERN = r"^[A-Z]{3}$"
REGION_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 -]{0,63}$"
POSTAL_PREFIX_PATTERN = r"^[A-Za-z0-9]{1,3}$"
KID_PATTERN = r"^[A-Za-z0-9_-]{43}$"
VENDOR_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$"
AGREEMENT_PATTERN = rf"({CLAUSE_ID_PATTERN})|(^[0-9a-f]{{64}}$)"


def _http_url(value: str) -> str:
    problem = _http_url_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


# RFC 3986 characters: unreserved, reserved (brackets only around an IPv6 address), %XX escapes.
_URI_TEXT = re.compile(
    r"(?:[A-Za-z0-9._~:/?#@!$&'()*+,;=-]|%[0-9A-Fa-f]{2}|\[[0-9A-Fa-f:.]+\])+", re.ASCII
)


@lru_cache(maxsize=4096)
def _http_url_problem(value: str) -> str | None:
    """Why ``value`` is not an acceptable URL, or None; cached because the same vendor URLs are
    validated in every offer, receipt and metadata document (``urlsplit`` is pure Python)."""
    if any(ord(character) < 32 or ord(character) == 127 for character in value):
        return "must not contain a control character"
    if not _URI_TEXT.fullmatch(value):
        # What a JSON Schema "uri" check refuses (Ajv with ajv-formats): a space, non-ASCII text,
        # a stray "%", quotes, braces... (percent-encode them).
        return "must be written with URI characters only (RFC 3986)"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "must be an absolute http(s) URL"
    if parts.username or parts.password:
        return "must not carry a user name or password"
    return None


HttpUrl = Annotated[
    str,
    Field(min_length=8, max_length=2000, json_schema_extra={"format": "uri"}),
    AfterValidator(_http_url),
]
DecimalString = Annotated[
    str,
    Field(pattern=DECIMAL_PATTERN, description="a non-negative decimal as a string, e.g. '19.99'"),
]
Currency = Annotated[str, Field(pattern=CURRENCY_PATTERN, description="ISO 4217 code, e.g. EUR")]
Kid = Annotated[str, Field(pattern=KID_PATTERN, description="RFC 7638 thumbprint of the key")]
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME)]
Category = Annotated[str, Field(min_length=1, max_length=100)]
Region = Annotated[
    str, Field(pattern=REGION_PATTERN, description="a coarse region, e.g. 'ES' or 'ES-MD'")
]
UrnUuid = Annotated[str, Field(pattern=URN_UUID_PATTERN)]
DeliveryMethod = Literal["delivery", "pickup", "digital", "any"]
DELIVERY_METHODS: tuple[DeliveryMethod, ...] = ("delivery", "pickup", "digital", "any")


def decimal_of(text: str) -> Decimal:
    """A :data:`DecimalString` as a :class:`Decimal`, for comparisons."""
    return Decimal(text)


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def wire(self) -> dict[str, Any]:
        """The JSON object as sent, canonicalised and signed (aliases such as ``@type``)."""
        return self.model_dump(mode="json", by_alias=True)


# ---------------------------------------------------------------------------- vendor metadata


class VendorInbox(_Wire):
    """Where a vendor takes intentions (POST) and serves later offers (GET ``?intention=<id>``).

    ``withdrawals`` and ``decisions`` are optional (added in protocol version 1 without breaking
    older vendors): where the wallet POSTs a signed notice that an intention was withdrawn, and
    that an offer was accepted or declined. A vendor without them is simply not told.
    """

    intentions: HttpUrl
    offers: HttpUrl
    withdrawals: HttpUrl | None = None
    decisions: HttpUrl | None = None
    consents: HttpUrl | None = Field(
        default=None, description="where disclosures and updates under a consent are POSTed"
    )
    revocations: HttpUrl | None = Field(
        default=None, description="where revocation and expiry notices are POSTed"
    )


class ControllerAddress(_Wire):
    """A postal address (schema.org ``PostalAddress`` members); Kantara's ``address`` object."""

    streetAddress: str = Field(default="", max_length=200)
    addressLocality: str = Field(default="", max_length=100)
    postalCode: str = Field(default="", max_length=20)
    addressCountry: str = Field(default="", max_length=64)


class ControllerDetails(_Wire):
    """Who answers for the data a vendor receives (the Kantara ``piiControllers`` entry)."""

    legalName: Name
    address: ControllerAddress = Field(default_factory=ControllerAddress)
    email: str = Field(default="", max_length=320)
    phone: str = Field(default="", max_length=64)
    jurisdiction: str = Field(default="EU", min_length=2, max_length=64)


class VendorMetadata(_Wire):
    """The vendor's self-description, served at ``/.well-known/vrm-vendor.json``."""

    model_config = ConfigDict(title="VendorMetadata")

    type: Literal["VrmVendor"] = "VrmVendor"
    version: VersionOne = WIRE_VERSION
    id: str = Field(pattern=VENDOR_ID_PATTERN, description="the vendor's stable identifier")
    name: Name
    publicKey: PublicJwk = Field(description="the key that signs the vendor's offers")
    inbox: VendorInbox
    categories: list[Category] = Field(default_factory=list, max_length=MAX_LIST)
    acceptedAgreements: list[Annotated[str, Field(pattern=AGREEMENT_PATTERN)]] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="roster agreement ids (e.g. SD-BASE) or SHA-256 hashes of terms it accepts",
    )
    acceptedClauses: list[ClauseLimit] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="catalogue clauses it accepts added to an agreement, with parameter limits",
    )
    policyUrl: HttpUrl
    contact: str = Field(min_length=3, max_length=320, description="an e-mail address or URL")
    controller: ControllerDetails | None = Field(
        default=None, description="the data controller's details for consent receipts"
    )


# ---------------------------------------------------------------------------- shared parts


class ItemSpec(_Wire):
    """What is wanted or offered (schema.org ``itemOffered``)."""

    name: Name
    category: Category
    description: str = Field(default="", max_length=MAX_DESCRIPTION)
    specs: dict[Annotated[str, Field(min_length=1, max_length=64)], StrictStr] = Field(
        default_factory=dict,
        max_length=MAX_SPECS,
        description="free attributes such as size or colour (string values only)",
    )

    @model_validator(mode="after")
    def _short_values(self) -> ItemSpec:
        if any(len(value) > MAX_NAME for value in self.specs.values()):
            raise ValueError(f"a spec value is at most {MAX_NAME} characters")
        return self


class Quantity(_Wire):
    """schema.org ``QuantitativeValue``: how many (UN/CEFACT ``C62`` = pieces)."""

    value: StrictInt = Field(ge=1, le=1_000_000)
    unitCode: str = Field(default="C62", pattern=r"^[A-Z0-9]{1,3}$")


class RequesterKey(_Wire):
    """The intention's fresh public key (never reused) and its thumbprint."""

    publicKey: PublicJwk
    kid: Kid


class SealingJwk(_Wire):
    """An X25519 public key as a JWK (RFC 8037): offers answering the intention over the relay
    are sealed to it (a compact JWE, ECDH-ES with A256GCM; docs/protocol.md, "Relay")."""

    kty: Literal["OKP"]
    crv: Literal["X25519"]
    x: str = Field(pattern=r"^[A-Za-z0-9_-]{43}$", description="the 32-byte key, base64url")


class SellerIdentity(_Wire):
    """The vendor that makes the offer, and the key it signs with (must be the pinned one)."""

    id: str = Field(pattern=VENDOR_ID_PATTERN)
    name: Name
    publicKey: PublicJwk
    kid: Kid


# ---------------------------------------------------------------------------- intention


class PriceLimit(_Wire):
    """schema.org ``PriceSpecification``: the most the consumer pays, in one currency."""

    type: Literal["PriceSpecification"] = Field(default="PriceSpecification", alias="@type")
    maxPrice: DecimalString
    priceCurrency: Currency


class DeliveryWish(_Wire):
    """How and where the consumer wants the item, coarsely (no address)."""

    method: DeliveryMethod = "any"
    region: Region | None = None
    postalPrefix: str | None = Field(
        default=None,
        pattern=POSTAL_PREFIX_PATTERN,
        description="at most the first 3 characters of a postal code",
    )
    deliverBy: IsoDate | None = None


class ReplyChannel(_Wire):
    """How offers come back: in the HTTP response to the POST (and later from the offers URL)."""

    method: Literal["http-response"] = "http-response"


class Intention(_Wire):
    """What the consumer wants, how, where, when and for how much (schema.org ``Demand``).

    ``loyaltyProposal`` carries at most one proposal, so an offer accepts it with a boolean: a
    proposal id would be a stable identifier that links the consumer's intentions together.
    """

    model_config = ConfigDict(title="Intention")

    context: Literal["https://schema.org"] = Field(default=SCHEMA_ORG, alias="@context")
    type: Literal["Demand"] = Field(default="Demand", alias="@type")
    id: UrnUuid
    issued: UtcTimestamp
    validThrough: UtcTimestamp
    itemOffered: ItemSpec
    eligibleQuantity: Quantity = Field(default_factory=lambda: Quantity(value=1))
    priceSpecification: PriceLimit
    delivery: DeliveryWish = Field(default_factory=DeliveryWish)
    availabilityStarts: UtcTimestamp | None = None
    availabilityEnds: UtcTimestamp | None = None
    openToAlternatives: StrictBool = False
    terms: TermsRequirement | None = None
    loyaltyProposal: ProposalTerms | None = None
    requester: RequesterKey
    reply: ReplyChannel = Field(default_factory=ReplyChannel)
    # Left out of the JSON when absent: intentions signed before it existed keep their bytes.
    sealingKey: SealingJwk | None = Field(
        default=None,
        description="a fresh X25519 key made for this intention only: offers coming back over "
        "the relay are sealed to it (left out when none)",
        exclude_if=lambda value: value is None,
    )

    @model_validator(mode="after")
    def _windows(self) -> Intention:
        if parse_utc_timestamp(self.validThrough) <= parse_utc_timestamp(self.issued):
            raise ValueError("validThrough must be after issued")
        starts, ends = self.availabilityStarts, self.availabilityEnds
        if starts and ends and parse_utc_timestamp(ends) < parse_utc_timestamp(starts):
            raise ValueError("availabilityEnds must not be before availabilityStarts")
        return self


# ---------------------------------------------------------------------------- offer


class DeliveryPromise(_Wire):
    """How and by when the vendor delivers."""

    method: DeliveryMethod
    deliverBy: IsoDate
    leadTimeDays: StrictInt = Field(ge=0, le=3650)


class DataRequest(_Wire):
    """A field of the consumer's data the vendor needs to fulfil the offer (asked, not sent)."""

    field: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")]
    required: StrictBool = True
    purpose: str | None = Field(default=None, max_length=200, description="why, in plain words")


def _empty(value: list[Any]) -> bool:
    return not value


class Offer(_Wire):
    """A vendor's answer to one intention (schema.org ``Offer``)."""

    model_config = ConfigDict(title="Offer")

    context: Literal["https://schema.org"] = Field(default=SCHEMA_ORG, alias="@context")
    type: Literal["Offer"] = Field(default="Offer", alias="@type")
    id: UrnUuid
    intention: UrnUuid = Field(description="the id of the intention this offer answers")
    issued: UtcTimestamp
    validThrough: UtcTimestamp
    seller: SellerIdentity
    itemOffered: ItemSpec
    isAlternative: StrictBool = Field(
        default=False, description="a different item meeting the same need (openToAlternatives)"
    )
    price: DecimalString
    priceCurrency: Currency
    eligibleQuantity: Quantity
    delivery: DeliveryPromise
    areaServed: list[Region] = Field(default_factory=list, max_length=MAX_LIST)
    acceptsTerms: TermsAcceptance | None = None
    counterTerms: CounterTerms | None = Field(
        default=None,
        description="instead of acceptsTerms: the vendor's one counter-offer (left out when none)",
        exclude_if=lambda value: value is None,
    )
    acceptsLoyaltyProposal: StrictBool = False
    # Left out of the JSON when empty: offers signed before it existed keep their canonical bytes.
    dataRequested: list[DataRequest] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="fields the vendor needs if chosen; left out of the JSON when empty",
        exclude_if=_empty,
    )

    @model_validator(mode="after")
    def _window(self) -> Offer:
        if parse_utc_timestamp(self.validThrough) <= parse_utc_timestamp(self.issued):
            raise ValueError("validThrough must be after issued")
        return self


# ---------------------------------------------------------------------------- envelopes

CompactJws = Annotated[
    str,
    Field(
        pattern=COMPACT_JWS_PATTERN,
        max_length=MAX_WIRE_BYTES,
        description="compact JWS (alg Ed25519) whose payload is the RFC 8785 form of the document",
    ),
]


class SignedIntention(_Wire):
    """An intention and its JWS by the intention's own ``requester`` key: the POSTed body."""

    model_config = ConfigDict(title="SignedIntention")

    intention: Intention
    signature: CompactJws


class SignedOffer(_Wire):
    """An offer and its JWS by the vendor's key (``seller.publicKey``, pinned by the wallet)."""

    model_config = ConfigDict(title="SignedOffer")

    offer: Offer
    signature: CompactJws


class OfferList(_Wire):
    """The body of a 2xx answer to a POSTed intention, and of the offers URL."""

    model_config = ConfigDict(title="OfferList")

    offers: list[SignedOffer] = Field(default_factory=list, max_length=1000)


METADATA_URL_PATTERN = r"^https?://[^\s]{1,1990}$"


class SealedOfferList(_Wire):
    """What a vendor seals to an intention on the relay (docs/protocol.md §12): its offer list
    and, for a wallet that does not know it yet, where its metadata document is.

    ``metadataUrl`` is how a vendor outside the person's directory introduces itself: the wallet
    fetches that document (HTTPS, or plain HTTP on this machine only; at most 64 KiB) and takes
    the offers only if the document names the vendor ``apu`` names and holds the very key that
    signed them. A vendor already in the directory may leave it out (its pinned key decides).
    """

    model_config = ConfigDict(title="SealedOfferList")

    offers: list[SignedOffer] = Field(default_factory=list, max_length=1000)
    metadataUrl: str | None = Field(
        default=None,
        pattern=METADATA_URL_PATTERN,
        max_length=2000,
        description="the vendor's metadata document (/.well-known/vrm-vendor.json)",
    )
