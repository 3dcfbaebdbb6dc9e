"""Consent wire formats: the Kantara consent receipt, disclosures, consent notices, vendor answers.

The consumer is the issuer (DESIGN §7): for each vendor relationship the wallet keeps a *pairwise*
Ed25519 key, used for nothing else, so two vendors cannot link the consumer by key.

* :class:`ConsentReceipt` — Kantara Consent Receipt v1.1 (``KI-CR-v1.1.0``) with its exact key
  names, plus one extension member, ``vrm`` (:class:`VrmScope`): the field keys in scope, the
  expiry and the DPV purpose IRIs, machine-readable. It travels as a compact JWS (``alg``
  ``Ed25519``, ``kid`` = RFC 7638 thumbprint) by the pairwise key, whose public JWK is the
  receipt's own ``publicKey``; the payload is the RFC 8785 form of :meth:`ConsentReceipt.wire`.
* :class:`Disclosure` (``SignedDisclosure``) — the scoped field values, with the signed receipt;
  also used for updates of a field already disclosed.
* :class:`ConsentNotice` (``SignedConsentNotice``) — the consent was revoked or has expired.
* :class:`ConsentAcknowledgement` (``SignedAcknowledgement``) — the vendor's signed answer: it
  accepted a disclosure (with its *countersignature*: a JWS by the vendor's pinned key over the
  same canonical receipt bytes), an update, or it ended the consent and deleted the data (a
  *termination receipt*).

Optional members that are absent are left out of the JSON (never ``null``), as Kantara receipts
are read by other tools; :meth:`_ConsentWire.wire` is the one serialisation that is signed. A
receipt that writes ``null`` for one of them (:data:`Omittable`) is refused, by the model and by
the published schema alike (protocol §9.2: "never null").
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StrictBool, StrictInt, model_validator

from wallet.wire.models import (
    MAX_LIST,
    CompactJws,
    ControllerAddress,
    HttpUrl,
    Name,
    RequesterKey,
    SellerIdentity,
    UrnUuid,
    _Wire,
)
from wallet.wire.terms import Omittable, PublicJwk, Sha256Hex, UtcTimestamp

KANTARA_VERSION: Literal["KI-CR-v1.1.0"] = "KI-CR-v1.1.0"
UUID4_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
CATEGORY_LABEL_PATTERN = r"^([1-9]|1[0-6]) - [A-Za-z0-9/ .&'-]{1,80}$"
FIELD_KEY_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,63}$"
IRI_PATTERN = r"^https?://[^\s]{1,300}$"
MAX_SCOPED_FIELDS = 200
MAX_FIELD_VALUE = 10_000
# Epoch seconds between 2000 and 2200: anything else is a unit mistake (milliseconds) or junk.
MIN_EPOCH = 946_684_800
MAX_EPOCH = 7_258_118_400

ReceiptId = Annotated[str, Field(pattern=UUID4_PATTERN, description="a UUID4, lower case")]
CategoryLabel = Annotated[
    str, Field(pattern=CATEGORY_LABEL_PATTERN, description='a Kantara category, "N - Label"')
]
FieldKey = Annotated[str, Field(pattern=FIELD_KEY_PATTERN, description="a wallet field key")]
Iri = Annotated[str, Field(pattern=IRI_PATTERN, description="an http(s) IRI, e.g. a DPV term")]
EpochSeconds = Annotated[StrictInt, Field(ge=MIN_EPOCH, le=MAX_EPOCH, description="Unix seconds")]
ShortText = Annotated[str, Field(min_length=1, max_length=500)]
Jurisdiction = Annotated[str, Field(min_length=2, max_length=64)]
LanguageTag = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]


class _ConsentWire(_Wire):
    def wire(self) -> dict[str, Any]:
        """The JSON object as signed and sent: aliases applied, absent members left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


# ---------------------------------------------------------------------------- the receipt


class PiiController(_ConsentWire):
    """Kantara ``piiControllers[]``: who decides about the data (the vendor)."""

    piiController: Name
    onBehalf: Omittable[StrictBool] = None
    contact: Annotated[str, Field(min_length=1, max_length=320)]
    address: ControllerAddress
    email: Annotated[str, Field(max_length=320)]
    phone: Annotated[str, Field(max_length=64)]
    piiControllerUrl: Omittable[HttpUrl] = None


class KantaraPurpose(_ConsentWire):
    """Kantara ``services[].purposes[]``: one purpose the data may be used for."""

    purpose: ShortText
    purposeCategory: list[CategoryLabel] = Field(min_length=1, max_length=16)
    consentType: Literal["EXPLICIT", "IMPLICIT"]
    piiCategory: list[CategoryLabel] = Field(min_length=1, max_length=16)
    primaryPurpose: StrictBool
    termination: ShortText
    thirdPartyDisclosure: StrictBool
    thirdPartyName: Omittable[Name] = None

    @model_validator(mode="after")
    def _third_party_named(self) -> KantaraPurpose:
        if self.thirdPartyDisclosure and not self.thirdPartyName:
            raise ValueError("thirdPartyName is required when thirdPartyDisclosure is true")
        return self


class KantaraService(_ConsentWire):
    """Kantara ``services[]``: a service and the purposes consented to for it."""

    service: ShortText
    purposes: list[KantaraPurpose] = Field(min_length=1, max_length=16)


class ScopedField(_ConsentWire):
    """One field the consent covers: its key, Kantara PII category and DPV IRI."""

    key: FieldKey
    piiCategory: CategoryLabel
    dpv: Iri


class VrmScope(_ConsentWire):
    """The ``vrm`` extension member: the exact scope, machine-readable."""

    vendor: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$")]
    fields: list[ScopedField] = Field(min_length=1, max_length=MAX_SCOPED_FIELDS)
    purposes: list[Iri] = Field(min_length=1, max_length=16, description="DPV purpose IRIs")
    validFrom: EpochSeconds
    validUntil: EpochSeconds
    offer: Omittable[UrnUuid] = Field(default=None, description="the accepted offer, if any")
    terms: Omittable[Sha256Hex] = Field(default=None, description="the consumer's terms document")

    @model_validator(mode="after")
    def _window(self) -> VrmScope:
        if self.validUntil <= self.validFrom:
            raise ValueError("validUntil must be after validFrom")
        keys = [item.key for item in self.fields]
        if len(set(keys)) != len(keys):
            raise ValueError("each field appears once in the scope")
        return self


class ConsentReceipt(_ConsentWire):
    """A Kantara Consent Receipt v1.1 issued by the consumer to one vendor.

    The members Kantara requires are required here too (``version`` and each purpose's
    ``consentType`` included); ``language`` (default ``en``) and ``publicKey`` are Kantara's
    optional ones, ``publicKey`` being required by this protocol.
    """

    model_config = ConfigDict(title="ConsentReceipt")

    version: Literal["KI-CR-v1.1.0"]
    jurisdiction: Jurisdiction
    consentTimestamp: EpochSeconds
    collectionMethod: ShortText
    consentReceiptID: ReceiptId
    publicKey: PublicJwk = Field(description="the consumer's pairwise key for this vendor")
    language: LanguageTag = "en"
    piiPrincipalId: Annotated[
        str,
        Field(
            min_length=1,
            max_length=200,
            description="pseudonymous: the thumbprint of the pairwise key, never a name",
        ),
    ]
    piiControllers: list[PiiController] = Field(min_length=1, max_length=MAX_LIST)
    policyUrl: HttpUrl
    services: list[KantaraService] = Field(min_length=1, max_length=MAX_LIST)
    sensitive: StrictBool
    spiCat: list[CategoryLabel] = Field(max_length=16)
    vrm: VrmScope

    @model_validator(mode="after")
    def _consistent(self) -> ConsentReceipt:
        if self.vrm.validFrom != self.consentTimestamp:
            raise ValueError("vrm.validFrom must equal consentTimestamp")
        if self.sensitive != bool(self.spiCat):
            raise ValueError("sensitive is true exactly when spiCat names categories")
        return self

    @property
    def field_keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.vrm.fields)


# ---------------------------------------------------------------------------- messages


class Disclosure(_ConsentWire):
    """Field values sent under a consent: the first disclosure, or an update of some of them."""

    model_config = ConfigDict(title="Disclosure")

    type: Literal["Disclosure", "DisclosureUpdate"]
    id: UrnUuid = Field(description="this message's id")
    consentReceiptID: ReceiptId
    issued: UtcTimestamp
    receipt: CompactJws = Field(description="the consent receipt, signed by the pairwise key")
    data: dict[FieldKey, Annotated[str, Field(max_length=MAX_FIELD_VALUE)]] = Field(
        min_length=1, max_length=MAX_SCOPED_FIELDS
    )


class SignedDisclosure(_ConsentWire):
    """A disclosure and its JWS by the pairwise key: the body POSTed to ``inbox.consents``."""

    model_config = ConfigDict(title="SignedDisclosure")

    disclosure: Disclosure
    signature: CompactJws


ConsentNoticeType = Literal["ConsentRevoked", "ConsentExpired"]


class ConsentNotice(_ConsentWire):
    """The consumer ended a consent (revoked) or it ran out (expired): delete the data."""

    model_config = ConfigDict(title="ConsentNotice")

    type: ConsentNoticeType
    id: UrnUuid
    consentReceiptID: ReceiptId
    issued: UtcTimestamp
    principal: RequesterKey = Field(description="the pairwise key that signed the receipt")


class SignedConsentNotice(_ConsentWire):
    """A consent notice and its JWS by the pairwise key: POSTed to ``inbox.revocations``."""

    model_config = ConfigDict(title="SignedConsentNotice")

    notice: ConsentNotice
    signature: CompactJws


AcknowledgementType = Literal["DisclosureAccepted", "UpdateAccepted", "ConsentTerminated"]


class ConsentAcknowledgement(_ConsentWire):
    """The vendor's answer about one consent, signed by its pinned key.

    ``DisclosureAccepted`` carries ``countersignature``: the vendor's JWS over exactly the
    receipt's canonical bytes (the payload of the consumer's receipt JWS), so both sides hold the
    same record signed by both. ``ConsentTerminated`` is the termination receipt: the vendor
    states it deleted ``fields`` at ``issued``.
    """

    model_config = ConfigDict(title="ConsentAcknowledgement")

    type: AcknowledgementType
    consentReceiptID: ReceiptId
    inReplyTo: UrnUuid = Field(description="the id of the disclosure or notice answered")
    issued: UtcTimestamp
    vendor: SellerIdentity
    receiptSha256: Sha256Hex = Field(description="SHA-256 of the receipt's canonical bytes")
    fields: list[FieldKey] = Field(default_factory=list, max_length=MAX_SCOPED_FIELDS)
    countersignature: CompactJws | None = None

    @model_validator(mode="after")
    def _countersigned_acceptance(self) -> ConsentAcknowledgement:
        if (self.type == "DisclosureAccepted") != (self.countersignature is not None):
            raise ValueError("exactly a DisclosureAccepted carries the countersignature")
        return self


class SignedAcknowledgement(_ConsentWire):
    """A vendor acknowledgement and its JWS by the vendor's key: the 2xx answer body."""

    model_config = ConfigDict(title="SignedAcknowledgement")

    acknowledgement: ConsentAcknowledgement
    signature: CompactJws
