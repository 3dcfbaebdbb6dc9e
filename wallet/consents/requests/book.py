"""GDPR data-subject requests to a vendor: written, signed, stored and logged; read back.

A request names what the consumer gave the vendor through the wallet (the field labels and keys,
never a value, and the consent receipts with their dates), and is issued three ways from one
signed document (:mod:`wallet.consents.requests.document`): the signed JSON, a letter in English,
Spanish or Italian, and a ``mailto:`` link (:mod:`wallet.consents.requests.letters`).

Every request is stored (``data_requests``, schema 5) and logged with the vendor and the field
names. An erasure request needs at least one consent (otherwise there is nothing to name); an
access request does not, since a vendor may hold data obtained elsewhere, and its letter says so.
"""

from __future__ import annotations

import builtins
import json
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.consents.book import ConsentBook
from wallet.consents.granting import pairwise_key
from wallet.consents.receipts import controller_of
from wallet.consents.records import ConsentRecord
from wallet.consents.requests import store
from wallet.consents.requests.document import (
    ARTICLES,
    MAX_ITEMS,
    TYPES,
    DataSubjectRequest,
    ReceiptReference,
    RequestedField,
    RequestKind,
    RequestVendor,
    SignedDataSubjectRequest,
    parse_kind,
    parse_language,
    sign_request,
)
from wallet.consents.requests.letters import is_email, letter_text, mailto_link, subject_line
from wallet.crypto.signing import SigningKey
from wallet.errors import InvalidInput, NotFound
from wallet.storage.connection import Connection
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store
from wallet.wire.models import RequesterKey
from wallet.wire.terms import utc_timestamp

RequestFormat = Literal["text", "mailto", "json"]
FORMATS: tuple[RequestFormat, ...] = ("text", "mailto", "json")


@dataclass(frozen=True, slots=True)
class DataRequestRecord:
    """A stored request, its signed document, and where to send it."""

    signed: SignedDataSubjectRequest
    created: int
    email: str  # the vendor's e-mail address, "" when it publishes none
    contact: str  # the vendor's contact (an e-mail address or a URL), "" if unknown
    active_consents: tuple[str, ...] = ()  # still active when the request was made

    @property
    def request(self) -> DataSubjectRequest:
        return self.signed.request

    @property
    def id(self) -> str:
        return self.request.id.removeprefix("urn:uuid:")

    @property
    def kind(self) -> RequestKind:
        return self.request.kind

    @property
    def vendor_id(self) -> str:
        return self.request.vendor.id

    @property
    def field_keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.request.fields)

    @property
    def receipt_ids(self) -> tuple[str, ...]:
        return tuple(item.consentReceiptID for item in self.request.receipts)

    def subject(self) -> str:
        return subject_line(self.request)

    def text(self) -> str:
        return letter_text(self.request)

    def mailto(self) -> str:
        return mailto_link(self.request, self.email)

    def signed_json(self) -> str:
        return json.dumps(self.signed.wire(), indent=2, ensure_ascii=False) + "\n"

    def render(self, format: str) -> str:
        """The request as ``text``, a ``mailto`` link (one line) or signed ``json``."""
        if format == "text":
            return self.text()
        if format == "mailto":
            return self.mailto() + "\n"
        if format == "json":
            return self.signed_json()
        raise InvalidInput(f"A request is written as {', '.join(FORMATS)}, not {format!r}.")


@dataclass(frozen=True, slots=True)
class _Addressee:
    name: str
    controller: str
    email: str
    contact: str


def _addressee(
    connection: Connection, vendor_id: str, consents: Sequence[ConsentRecord]
) -> _Addressee | None:
    """Who to write to: from the vendor directory, else from the newest receipt's controller
    (a vendor removed from the directory can still be asked about what it was given)."""
    vendor = vendor_store.get(connection, vendor_id)
    if vendor is not None:
        controller = controller_of(vendor)
        email = controller.email if is_email(controller.email) else ""
        return _Addressee(vendor.name, controller.piiController, email, vendor.contact)
    if not consents:
        return None
    newest = max(consents, key=lambda record: record.row.granted_at)
    controller = newest.receipt.piiControllers[0]
    email = controller.email if is_email(controller.email) else ""
    return _Addressee(controller.piiController, controller.piiController, email, controller.contact)


class DataRequestBook:
    """Data-subject requests of one unlocked vault (same thread rules as the vault)."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def create(
        self, vendor_id: str, kind: str, *, language: str = "en", now: int | None = None
    ) -> DataRequestRecord:
        """Write, sign, store and log an access or erasure request to ``vendor_id``."""
        checked_kind = parse_kind(kind)
        checked_language = parse_language(language)
        consents = sorted(
            ConsentBook(self._vault).list(vendor_id=vendor_id),
            key=lambda record: (record.row.granted_at, record.id),
        )[-MAX_ITEMS:]
        addressee = _addressee(self._vault.reader, vendor_id, consents)
        if addressee is None:
            raise NotFound(
                f"There is no vendor {vendor_id!r}.", cli_hint="`vendor list` shows them."
            )
        if checked_kind == "erasure" and not consents:
            never = (
                f"You have never given {addressee.name} a consent, so this wallet has no data to "
                "name for erasure. Ask what they hold first"
            )
            raise InvalidInput(
                f"{never}, with an access request.",
                cli_text=f"{never}: `request access {vendor_id}`.",
            )
        at = now or int(time.time())
        with self._vault.write() as connection:
            key = self._principal_key(connection, vendor_id, consents)
            request = DataSubjectRequest(
                type=TYPES[checked_kind],
                id=uuid.uuid4().urn,
                article=ARTICLES[checked_kind],
                language=checked_language,
                issued=utc_timestamp(datetime.fromtimestamp(at, UTC)),
                vendor=RequestVendor(
                    id=vendor_id, name=addressee.name, controller=addressee.controller
                ),
                fields=self._fields(consents),
                receipts=[_reference(record) for record in consents],
                principal=RequesterKey.model_validate(
                    {"publicKey": key.verifying_key.jwk, "kid": key.kid}
                ),
            )
            signed = sign_request(request, key)
            record = DataRequestRecord(
                signed,
                at,
                addressee.email,
                addressee.contact,
                tuple(c.id for c in consents if c.status == "active"),
            )
            store.insert(
                connection,
                request_id=record.id,
                vendor_id=vendor_id,
                kind=checked_kind,
                language=checked_language,
                created=at,
                field_keys=record.field_keys,
                receipt_ids=record.receipt_ids,
                signed=signed.wire(),
            )
            self._vault.note_changed(Part.CONSENTS)  # the consents page lists the requests
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.DATA_REQUEST_CREATED,
                    party=vendor_id,
                    field_names=record.field_keys,
                    reason=f"{checked_kind}, {checked_language}",
                ),
            )
        return record

    def _principal_key(
        self, connection: Connection, vendor_id: str, consents: Sequence[ConsentRecord]
    ) -> SigningKey:
        """The key the vendor knows: the one of the newest consent, else the pairwise key
        (made now if there is none yet; later consents to this vendor will use it)."""
        if consents:
            return self._vault.signing_key(consents[-1].row.kid)
        return pairwise_key(self._vault, connection, vendor_id)

    def _fields(self, consents: Sequence[ConsentRecord]) -> list[RequestedField]:
        """Every field any of the consents covered, by key: label and category, no value."""
        categories: dict[str, str] = {}
        for record in consents:
            for item in record.receipt.vrm.fields:
                categories.setdefault(item.key, item.piiCategory)
        fields = []
        for key in sorted(categories)[:MAX_ITEMS]:
            try:
                label = self._vault.fields.info(key).label
            except NotFound:  # deleted from the vault since: the key is all there is
                label = key
            fields.append(RequestedField(key=key, label=label, piiCategory=categories[key]))
        return fields

    def list(self, *, vendor_id: str | None = None) -> builtins.list[DataRequestRecord]:
        """Stored requests, newest first (optionally to one vendor)."""
        stored = store.all_requests(self._vault.reader, vendor_id=vendor_id)
        return [self._stored(row) for row in stored]

    def get(self, request_id: str) -> DataRequestRecord:
        found = store.get(self._vault.reader, request_id.removeprefix("urn:uuid:"))
        if found is None:
            raise NotFound(
                f"There is no request {request_id!r}.", cli_hint="`request list` shows them."
            )
        return self._stored(found)

    def _stored(self, row: store.StoredRequest) -> DataRequestRecord:
        signed = SignedDataSubjectRequest.model_validate_json(row.signed_json)
        vendor_id = signed.request.vendor.id
        addressee = _addressee(self._vault.reader, vendor_id, []) or _addressee(
            self._vault.reader, vendor_id, ConsentBook(self._vault).list(vendor_id=vendor_id)
        )
        return DataRequestRecord(
            signed,
            row.created,
            addressee.email if addressee else "",
            addressee.contact if addressee else "",
        )


def _reference(record: ConsentRecord) -> ReceiptReference:
    row = record.row
    return ReceiptReference(
        consentReceiptID=row.id,
        consentTimestamp=row.granted_at,
        validUntil=row.expires_at,
        status=row.status,
        endedAt=row.ended_at if row.status != "active" else None,
    )
