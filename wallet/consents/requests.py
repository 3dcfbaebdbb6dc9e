"""GDPR data-subject requests: access (Art. 15) and erasure (Art. 17) letters to a vendor.

A request names what the consumer gave the vendor through the wallet — the field *labels and
keys* (never a value) and the consent receipts with their dates — and is issued three ways from
one signed document:

* :class:`DataSubjectRequest`, signed as a compact JWS by the consumer's *pairwise* key for that
  vendor (the key its consent receipts name), in a :class:`SignedDataSubjectRequest`
  (``{request, signature}``, the JWS payload being the RFC 8785 form of ``request``);
* a polite legal letter in English, Spanish or Italian, rendered from that document (so a stored
  request reads the same later);
* a ``mailto:`` link with the letter's subject and body, to the vendor's e-mail address when its
  metadata gives one.

Every request is stored (``data_requests``, schema 5) and logged with the vendor and the field
names. An erasure request needs at least one consent (otherwise there is nothing to name); an
access request does not, since a vendor may hold data obtained elsewhere, and its letter says so.
"""

from __future__ import annotations

import builtins
import json
import re
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, Literal
from urllib.parse import quote

from pydantic import ConfigDict, Field, model_validator

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.consents.book import KEY_PURPOSE_PREFIX, ConsentBook, ConsentRecord
from wallet.consents.receipts import controller_of
from wallet.crypto.signing import SigningKey, VerifyingKey, verifying_key_from_jwk
from wallet.errors import InvalidInput, NotFound, SignatureInvalid
from wallet.storage.connection import Connection
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store
from wallet.wire.canonical import canonical_wire
from wallet.wire.consent import (
    CategoryLabel,
    EpochSeconds,
    FieldKey,
    ReceiptId,
    _ConsentWire,
)
from wallet.wire.models import MAX_WIRE_BYTES, CompactJws, Name, RequesterKey, UrnUuid
from wallet.wire.signing import load_json, validate_wire
from wallet.wire.terms import (
    LANGUAGES,
    Language,
    UtcTimestamp,
    parse_utc_timestamp,
    utc_timestamp,
)

RequestKind = Literal["access", "erasure"]
KINDS: tuple[RequestKind, ...] = ("access", "erasure")
ARTICLES: dict[RequestKind, Literal[15, 17]] = {"access": 15, "erasure": 17}
TYPES: dict[RequestKind, Literal["DataAccessRequest", "DataErasureRequest"]] = {
    "access": "DataAccessRequest",
    "erasure": "DataErasureRequest",
}
RequestFormat = Literal["text", "mailto", "json"]
FORMATS: tuple[RequestFormat, ...] = ("text", "mailto", "json")
# A request lists at most this many receipts (the newest) and fields: far beyond real use, and
# it keeps the signed document under the wire size limit.
MAX_ITEMS = 1000
_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"\\/?#]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


# ---------------------------------------------------------------------------- the document


class RequestVendor(_ConsentWire):
    """Who the request is addressed to: the vendor and its data controller."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$")]
    name: Name
    controller: Name = Field(description="the controller's legal name (or the vendor's name)")


class RequestedField(_ConsentWire):
    """A field given to the vendor: its key, its label and Kantara category; never its value."""

    key: FieldKey
    label: Name
    piiCategory: CategoryLabel


class ReceiptReference(_ConsentWire):
    """A consent receipt the request is about: its dates and its state when the request was made."""

    consentReceiptID: ReceiptId
    consentTimestamp: EpochSeconds
    validUntil: EpochSeconds
    status: Literal["active", "expired", "revoked"]
    endedAt: EpochSeconds | None = None


class DataSubjectRequest(_ConsentWire):
    """A GDPR data-subject request (access, Art. 15; erasure, Art. 17) issued by the consumer."""

    model_config = ConfigDict(title="DataSubjectRequest")

    type: Literal["DataAccessRequest", "DataErasureRequest"]
    id: UrnUuid
    regulation: Literal["EU 2016/679"] = "EU 2016/679"
    article: Literal[15, 17]
    language: Language
    issued: UtcTimestamp
    vendor: RequestVendor
    fields: list[RequestedField] = Field(default_factory=list, max_length=MAX_ITEMS)
    receipts: list[ReceiptReference] = Field(default_factory=list, max_length=MAX_ITEMS)
    principal: RequesterKey = Field(
        description="the consumer's pairwise key for this vendor, which signs the request"
    )

    @model_validator(mode="after")
    def _consistent(self) -> DataSubjectRequest:
        kind: RequestKind = "access" if self.type == "DataAccessRequest" else "erasure"
        if self.article != ARTICLES[kind]:
            raise ValueError(f"a {self.type} cites Article {ARTICLES[kind]}")
        if kind == "erasure" and not self.receipts:
            raise ValueError("an erasure request names at least one consent receipt")
        keys = [item.key for item in self.fields]
        if len(set(keys)) != len(keys):
            raise ValueError("each field appears once")
        return self

    @property
    def kind(self) -> RequestKind:
        return "access" if self.type == "DataAccessRequest" else "erasure"


class SignedDataSubjectRequest(_ConsentWire):
    """A data-subject request and its JWS by the pairwise key (``principal``)."""

    model_config = ConfigDict(title="SignedDataSubjectRequest")

    request: DataSubjectRequest
    signature: CompactJws


def sign_request(request: DataSubjectRequest, key: SigningKey) -> SignedDataSubjectRequest:
    if key.verifying_key.jwk != request.principal.publicKey.model_dump():
        raise InvalidInput("A data-subject request is signed by the key it names.")
    return SignedDataSubjectRequest(
        request=request, signature=key.sign_jws(canonical_wire(request))
    )


def verify_signed_request(
    envelope: SignedDataSubjectRequest, *, expected_key: VerifyingKey | None = None
) -> DataSubjectRequest:
    """The request, if signed by the key it names (and that is ``expected_key``, if given) over
    exactly its canonical bytes; :class:`SignatureInvalid` otherwise."""
    request = envelope.request
    key = verifying_key_from_jwk(request.principal.publicKey.model_dump())
    if key.kid != request.principal.kid:
        raise SignatureInvalid("The principal kid is not the thumbprint of the principal key.")
    if expected_key is not None and key.raw != expected_key.raw:
        raise SignatureInvalid(
            f"The request is signed by key {key.kid}, not the expected key {expected_key.kid}."
        )
    header, payload = key.verify_jws(envelope.signature)
    if header.get("kid") not in (None, key.kid):
        raise SignatureInvalid("The request signature's kid is not the signing key's thumbprint.")
    if payload != canonical_wire(request):
        raise SignatureInvalid("The request signature covers other bytes than the request.")
    return request


def parse_signed_request(raw: bytes) -> SignedDataSubjectRequest:
    """A signed request read from JSON (bounded, strict; the signature is not checked here)."""
    data = load_json(raw, max_bytes=MAX_WIRE_BYTES, what="data-subject request")
    return validate_wire(data, SignedDataSubjectRequest, what="signed data-subject request")


# ---------------------------------------------------------------------------- the letters

_MONTHS: dict[Language, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ),
    "es": (
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "octubre", "noviembre", "diciembre",
    ),
    "it": (
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
        "settembre", "ottobre", "novembre", "dicembre",
    ),
}  # fmt: skip
_DATE_FORMATS: dict[Language, str] = {
    "en": "{day} {month} {year}",
    "es": "{day} de {month} de {year}",
    "it": "{day} {month} {year}",
}


def long_date(moment: datetime, language: Language) -> str:
    """``12 March 2025`` / ``12 de marzo de 2025`` / ``12 marzo 2025`` (UTC)."""
    moment = moment.astimezone(UTC)
    month = _MONTHS[language][moment.month - 1]
    return _DATE_FORMATS[language].format(day=moment.day, month=month, year=moment.year)


def _epoch_date(epoch: int, language: Language) -> str:
    return long_date(datetime.fromtimestamp(epoch, UTC), language)


# Each language's letter, piece by piece. {placeholders} are filled from the signed document.
_TEXTS: dict[Language, dict[str, str]] = {
    "en": {
        "subject_label": "Subject",
        "subject_access": "Data subject access request under Article 15 GDPR",
        "subject_erasure": "Request for erasure of personal data under Article 17 GDPR",
        "to": "To: {addressee}, for the attention of the data protection officer",
        "date": "Date: {date}",
        "reference": "Reference: {reference}",
        "greeting": "Dear Sir or Madam,",
        "access_intro": (
            "I am writing to exercise my right of access under Article 15 of Regulation (EU) "
            "2016/679, the General Data Protection Regulation (GDPR)."
        ),
        "access_ask": (
            "Please confirm whether or not you process personal data concerning me and, where "
            "that is the case, provide me with a copy of that personal data (Article 15(3) GDPR) "
            "and with the following information (Article 15(1) GDPR):"
        ),
        "access_items": (
            "the purposes of the processing;\n"
            "the categories of personal data concerned;\n"
            "the recipients or categories of recipients to whom the data has been or will be "
            "disclosed, in particular recipients in third countries;\n"
            "the period for which the data will be stored or, if that is not possible, the "
            "criteria used to determine that period;\n"
            "the existence of my rights to rectification, erasure, restriction and objection, "
            "and of my right to lodge a complaint with a supervisory authority;\n"
            "where the data was not collected from me, any available information about its "
            "source;\n"
            "the existence of automated decision-making, including profiling, and meaningful "
            "information about the logic involved."
        ),
        "erasure_intro": (
            'I am writing to exercise my right to erasure ("right to be forgotten") under '
            "Article 17 of Regulation (EU) 2016/679, the General Data Protection Regulation "
            "(GDPR)."
        ),
        "fields_intro": (
            "Through VRM Wallet I consented to your processing of the following personal data:"
        ),
        "receipts_intro": "These consents are documented by the following consent receipts:",
        "receipt": "{id}, given on {date}, {state}",
        "active": "in force until {date}",
        "expired": "expired on {date}",
        "revoked": "withdrawn on {date}",
        "no_consents": (
            "I have not shared any personal data with you through VRM Wallet. You may "
            "nevertheless hold personal data about me that you obtained in another way, and this "
            "request covers all such data. If you need additional information to confirm my "
            "identity, please tell me what you need (Article 12(6) GDPR)."
        ),
        "erasure_ground": (
            "To the extent that any of these consents is still in force, I hereby withdraw it "
            "(Article 7(3) GDPR). As the processing was based on my consent and there is no "
            "other legal ground for it, I ask you to erase this personal data, and any copies "
            "of it, without undue delay, as Article 17(1)(b) GDPR requires."
        ),
        "erasure_recipients": (
            "Please also communicate the erasure to every recipient to whom you disclosed this "
            "data (Article 19 GDPR). If you consider that you must keep part of the data under "
            "one of the exceptions in Article 17(3) GDPR, please tell me which data, on which "
            "legal basis and for how long."
        ),
        "key": (
            "Each receipt above names my pseudonymous key {kid}. This request is also issued as "
            "a JSON document signed with that key, so that you can check that it comes from the "
            "person who gave these consents."
        ),
        "access_deadline": (
            "Please confirm that you have received this request and reply without undue delay "
            "and in any event within one month of receiving it, as Article 12(3) GDPR requires."
        ),
        "erasure_deadline": (
            "Please confirm in writing that the erasure has been carried out, without undue "
            "delay and in any event within one month of receiving this request, as Article "
            "12(3) GDPR requires."
        ),
        "closing": "Yours faithfully,",
        "signature": "The data subject (pseudonymous key {kid})",
    },
    "es": {
        "subject_label": "Asunto",
        "subject_access": "Solicitud de acceso a datos personales (artículo 15 del RGPD)",
        "subject_erasure": "Solicitud de supresión de datos personales (artículo 17 del RGPD)",
        "to": "A la atención de: {addressee}, delegado de protección de datos",
        "date": "Fecha: {date}",
        "reference": "Referencia: {reference}",
        "greeting": "Muy señores míos:",
        "access_intro": (
            "Me dirijo a ustedes para ejercer mi derecho de acceso conforme al artículo 15 del "
            "Reglamento (UE) 2016/679, Reglamento General de Protección de Datos (RGPD)."
        ),
        "access_ask": (
            "Les ruego que me confirmen si están tratando o no datos personales que me "
            "conciernen y, en tal caso, que me faciliten una copia de dichos datos (artículo 15, "
            "apartado 3, del RGPD) junto con la siguiente información (artículo 15, apartado 1, "
            "del RGPD):"
        ),
        "access_items": (
            "los fines del tratamiento;\n"
            "las categorías de datos personales de que se trate;\n"
            "los destinatarios o las categorías de destinatarios a los que se han comunicado o "
            "serán comunicados los datos, en particular los destinatarios en terceros países;\n"
            "el plazo previsto de conservación de los datos o, de no ser posible, los criterios "
            "utilizados para determinar este plazo;\n"
            "la existencia de mis derechos de rectificación, supresión, limitación y oposición, "
            "y del derecho a presentar una reclamación ante una autoridad de control;\n"
            "cuando los datos no se hayan obtenido de mí, cualquier información disponible sobre "
            "su origen;\n"
            "la existencia de decisiones automatizadas, incluida la elaboración de perfiles, e "
            "información significativa sobre la lógica aplicada."
        ),
        "erasure_intro": (
            "Me dirijo a ustedes para ejercer mi derecho de supresión («derecho al olvido») "
            "conforme al artículo 17 del Reglamento (UE) 2016/679, Reglamento General de "
            "Protección de Datos (RGPD)."
        ),
        "fields_intro": (
            "A través de VRM Wallet les di mi consentimiento para tratar los siguientes datos "
            "personales:"
        ),
        "receipts_intro": (
            "Estos consentimientos constan en los siguientes recibos de consentimiento:"
        ),
        "receipt": "{id}, otorgado el {date}, {state}",
        "active": "vigente hasta el {date}",
        "expired": "caducado el {date}",
        "revoked": "retirado el {date}",
        "no_consents": (
            "No les he comunicado ningún dato personal a través de VRM Wallet. No obstante, es "
            "posible que traten datos personales sobre mí obtenidos por otras vías, y esta "
            "solicitud se refiere a todos ellos. Si necesitan información adicional para "
            "confirmar mi identidad, les ruego que me indiquen cuál (artículo 12, apartado 6, "
            "del RGPD)."
        ),
        "erasure_ground": (
            "En la medida en que alguno de estos consentimientos siga vigente, por la presente "
            "lo retiro (artículo 7, apartado 3, del RGPD). Dado que el tratamiento se basaba en "
            "mi consentimiento y no existe otro fundamento jurídico para él, les solicito que "
            "supriman estos datos personales, y cualquier copia de ellos, sin dilación indebida, "
            "tal como exige el artículo 17, apartado 1, letra b), del RGPD."
        ),
        "erasure_recipients": (
            "Les ruego asimismo que comuniquen la supresión a cada uno de los destinatarios a "
            "los que hayan comunicado estos datos (artículo 19 del RGPD). Si consideran que "
            "deben conservar parte de los datos en virtud de alguna de las excepciones del "
            "artículo 17, apartado 3, del RGPD, les ruego que me indiquen qué datos, con qué "
            "base jurídica y durante cuánto tiempo."
        ),
        "key": (
            "Cada uno de los recibos anteriores indica mi clave seudónima {kid}. Esta solicitud "
            "se emite también como documento JSON firmado con esa clave, para que puedan "
            "comprobar que procede de la persona que otorgó dichos consentimientos."
        ),
        "access_deadline": (
            "Les ruego que me confirmen la recepción de esta solicitud y que respondan sin "
            "dilación indebida y, en cualquier caso, en el plazo de un mes a partir de su "
            "recepción, tal como exige el artículo 12, apartado 3, del RGPD."
        ),
        "erasure_deadline": (
            "Les ruego que me confirmen por escrito que han llevado a cabo la supresión, sin "
            "dilación indebida y, en cualquier caso, en el plazo de un mes a partir de la "
            "recepción de esta solicitud, tal como exige el artículo 12, apartado 3, del RGPD."
        ),
        "closing": "Atentamente,",
        "signature": "El interesado (clave seudónima {kid})",
    },
    "it": {
        "subject_label": "Oggetto",
        "subject_access": "Richiesta di accesso ai dati personali (articolo 15 del GDPR)",
        "subject_erasure": "Richiesta di cancellazione dei dati personali (articolo 17 del GDPR)",
        "to": ("Alla cortese attenzione di: {addressee}, responsabile della protezione dei dati"),
        "date": "Data: {date}",
        "reference": "Riferimento: {reference}",
        "greeting": "Gentili Signore e Signori,",
        "access_intro": (
            "con la presente esercito il mio diritto di accesso ai sensi dell'articolo 15 del "
            "Regolamento (UE) 2016/679, Regolamento generale sulla protezione dei dati (GDPR)."
        ),
        "access_ask": (
            "Vi chiedo di confermarmi se sia o meno in corso un trattamento di dati personali "
            "che mi riguardano e, in tal caso, di fornirmi una copia di tali dati (articolo 15, "
            "paragrafo 3, del GDPR) insieme alle seguenti informazioni (articolo 15, paragrafo "
            "1, del GDPR):"
        ),
        "access_items": (
            "le finalità del trattamento;\n"
            "le categorie di dati personali in questione;\n"
            "i destinatari o le categorie di destinatari a cui i dati sono stati o saranno "
            "comunicati, in particolare se destinatari di paesi terzi;\n"
            "il periodo di conservazione dei dati previsto oppure, se non è possibile, i criteri "
            "utilizzati per determinare tale periodo;\n"
            "l'esistenza dei miei diritti di rettifica, cancellazione, limitazione e "
            "opposizione, e del diritto di proporre reclamo a un'autorità di controllo;\n"
            "qualora i dati non siano stati raccolti presso di me, tutte le informazioni "
            "disponibili sulla loro origine;\n"
            "l'esistenza di un processo decisionale automatizzato, compresa la profilazione, e "
            "informazioni significative sulla logica utilizzata."
        ),
        "erasure_intro": (
            "con la presente esercito il mio diritto alla cancellazione («diritto all'oblio») ai "
            "sensi dell'articolo 17 del Regolamento (UE) 2016/679, Regolamento generale sulla "
            "protezione dei dati (GDPR)."
        ),
        "fields_intro": (
            "Tramite VRM Wallet vi ho dato il consenso al trattamento dei seguenti dati personali:"
        ),
        "receipts_intro": "Tali consensi sono documentati dalle seguenti ricevute di consenso:",
        "receipt": "{id}, prestato il {date}, {state}",
        "active": "valido fino al {date}",
        "expired": "scaduto il {date}",
        "revoked": "revocato il {date}",
        "no_consents": (
            "Non vi ho comunicato alcun dato personale tramite VRM Wallet. Potreste tuttavia "
            "trattare dati personali che mi riguardano ottenuti in altro modo, e la presente "
            "richiesta si riferisce a tutti questi dati. Qualora abbiate bisogno di ulteriori "
            "informazioni per confermare la mia identità, vi prego di indicarmi quali (articolo "
            "12, paragrafo 6, del GDPR)."
        ),
        "erasure_ground": (
            "Nella misura in cui uno di questi consensi sia ancora valido, con la presente lo "
            "revoco (articolo 7, paragrafo 3, del GDPR). Poiché il trattamento si basava sul mio "
            "consenso e non sussiste altro fondamento giuridico, vi chiedo di cancellare tali "
            "dati personali, e ogni loro copia, senza ingiustificato ritardo, come previsto "
            "dall'articolo 17, paragrafo 1, lettera b), del GDPR."
        ),
        "erasure_recipients": (
            "Vi chiedo inoltre di comunicare la cancellazione a ciascuno dei destinatari cui "
            "avete trasmesso tali dati (articolo 19 del GDPR). Qualora riteniate di dover "
            "conservare parte dei dati in base a una delle eccezioni di cui all'articolo 17, "
            "paragrafo 3, del GDPR, vi prego di indicarmi quali dati, su quale base giuridica e "
            "per quanto tempo."
        ),
        "key": (
            "Ciascuna delle ricevute sopra indicate riporta la mia chiave pseudonima {kid}. La "
            "presente richiesta è emessa anche come documento JSON firmato con tale chiave, "
            "affinché possiate verificare che provenga dalla persona che ha prestato questi "
            "consensi."
        ),
        "access_deadline": (
            "Vi prego di confermarmi il ricevimento della presente richiesta e di rispondere "
            "senza ingiustificato ritardo e comunque entro un mese dal suo ricevimento, come "
            "previsto dall'articolo 12, paragrafo 3, del GDPR."
        ),
        "erasure_deadline": (
            "Vi prego di confermarmi per iscritto l'avvenuta cancellazione, senza ingiustificato "
            "ritardo e comunque entro un mese dal ricevimento della presente richiesta, come "
            "previsto dall'articolo 12, paragrafo 3, del GDPR."
        ),
        "closing": "Distinti saluti,",
        "signature": "L'interessato (chiave pseudonima {kid})",
    },
}


def subject_line(request: DataSubjectRequest) -> str:
    return _TEXTS[request.language][f"subject_{request.kind}"]


def _bullets(lines: Sequence[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _receipt_line(receipt: ReceiptReference, language: Language) -> str:
    texts = _TEXTS[language]
    # An expired consent ended at its validUntil (whenever the wallet noticed); a revoked one
    # when the person withdrew it.
    ended = receipt.endedAt if receipt.status == "revoked" else None
    state = texts[receipt.status].format(date=_epoch_date(ended or receipt.validUntil, language))
    return texts["receipt"].format(
        id=receipt.consentReceiptID,
        date=_epoch_date(receipt.consentTimestamp, language),
        state=state,
    )


def letter_body(request: DataSubjectRequest) -> str:
    """The letter (without its subject line) in the request's language."""
    language = request.language
    texts = _TEXTS[language]
    kid = request.principal.kid
    issued = parse_utc_timestamp(request.issued)
    vendor = request.vendor
    addressee = (
        vendor.name if vendor.controller == vendor.name else f"{vendor.controller} ({vendor.name})"
    )
    paragraphs = [
        "\n".join(
            (
                texts["to"].format(addressee=addressee),
                texts["date"].format(date=long_date(issued, language)),
                texts["reference"].format(reference=request.id),
            )
        ),
        texts["greeting"],
        texts[f"{request.kind}_intro"],
    ]
    if request.kind == "access":
        paragraphs.append(texts["access_ask"] + "\n" + _bullets(texts["access_items"].split("\n")))
    if request.receipts:
        fields = [f"{item.label} ({item.key})" for item in request.fields]
        paragraphs += [
            texts["fields_intro"] + "\n" + _bullets(fields),
            texts["receipts_intro"]
            + "\n"
            + _bullets([_receipt_line(receipt, language) for receipt in request.receipts]),
        ]
    else:
        paragraphs.append(texts["no_consents"])
    if request.kind == "erasure":
        paragraphs += [texts["erasure_ground"], texts["erasure_recipients"]]
    if request.receipts:
        paragraphs.append(texts["key"].format(kid=kid))
    paragraphs += [
        texts[f"{request.kind}_deadline"],
        texts["closing"] + "\n" + texts["signature"].format(kid=kid),
    ]
    return "\n\n".join(paragraphs) + "\n"


def letter_text(request: DataSubjectRequest) -> str:
    """The whole letter as plain text: a subject line, then the body."""
    label = _TEXTS[request.language]["subject_label"]
    return f"{label}: {subject_line(request)}\n\n{letter_body(request)}"


def mailto_link(request: DataSubjectRequest, email: str) -> str:
    """A ``mailto:`` URL (RFC 6068) with the subject and body percent-encoded; without an
    e-mail address the recipient is left empty for the person to fill in."""
    body = letter_body(request).replace("\n", "\r\n")  # RFC 6068: line breaks are CRLF
    recipient = quote(email, safe="@") if email else ""
    subject = quote(subject_line(request), safe="")
    return f"mailto:{recipient}?subject={subject}&body={quote(body, safe='')}"


def is_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


# ---------------------------------------------------------------------------- the book


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


def parse_kind(text: str) -> RequestKind:
    if text not in KINDS:
        raise InvalidInput(
            f"A data-subject request is an access (Art. 15) or erasure (Art. 17) request, "
            f"not {text!r}."
        )
    return text


def parse_language(text: str) -> Language:
    if text not in LANGUAGES:
        raise InvalidInput(
            f"Requests are written in {', '.join(LANGUAGES)} (English, Spanish, Italian), "
            f"not {text!r}."
        )
    return text


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
            raise NotFound(f"There is no vendor {vendor_id!r}; `vendor list` shows them.")
        if checked_kind == "erasure" and not consents:
            raise InvalidInput(
                f"You have never given {addressee.name} a consent, so this wallet has no data to "
                f"name for erasure. Ask what they hold first: `request access {vendor_id}`."
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
            connection.execute(
                "INSERT INTO data_requests (id, vendor_id, kind, language, created, field_names, "
                "receipt_ids, signed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.id,
                    vendor_id,
                    checked_kind,
                    checked_language,
                    at,
                    json.dumps(list(record.field_keys)),
                    json.dumps(list(record.receipt_ids)),
                    json.dumps(signed.wire(), ensure_ascii=False, separators=(",", ":")),
                ),
            )
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
        purpose = KEY_PURPOSE_PREFIX + vendor_id
        existing = self._vault.latest_signing_key(purpose)
        return existing or self._vault.new_signing_key(connection, purpose=purpose)

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
        where, params = ("WHERE vendor_id = ? ", (vendor_id,)) if vendor_id else ("", ())
        rows = self._vault.reader.execute(
            f"SELECT signed, created FROM data_requests {where}ORDER BY created DESC, id",
            params,
        ).fetchall()
        return [self._stored(row) for row in rows]

    def get(self, request_id: str) -> DataRequestRecord:
        row = self._vault.reader.execute(
            "SELECT signed, created FROM data_requests WHERE id = ?",
            (request_id.removeprefix("urn:uuid:"),),
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no request {request_id!r}; `request list` shows them.")
        return self._stored(row)

    def _stored(self, row: Sequence[Any]) -> DataRequestRecord:
        signed = SignedDataSubjectRequest.model_validate_json(row[0])
        vendor_id = signed.request.vendor.id
        addressee = _addressee(self._vault.reader, vendor_id, []) or _addressee(
            self._vault.reader, vendor_id, ConsentBook(self._vault).list(vendor_id=vendor_id)
        )
        return DataRequestRecord(
            signed,
            int(row[1]),
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
