"""A data-subject request as a polite legal letter, and as a ``mailto:`` link to send it.

The letter is rendered from the signed document (:mod:`wallet.consents.requests.document`) in the
request's language, with the texts of ``resources/letters/``
(:mod:`wallet.consents.requests.texts`); the link carries its subject and body, to the vendor's
e-mail address when its metadata gives one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from urllib.parse import quote

from wallet.consents.requests.document import (
    DataSubjectRequest,
    ReceiptReference,
    RequestedField,
)
from wallet.consents.requests.texts import letter_texts
from wallet.personal_data import standard_field
from wallet.wire.terms import Language, parse_utc_timestamp

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"\\/?#]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def long_date(moment: datetime, language: Language) -> str:
    """``12 March 2025`` / ``12 de marzo de 2025`` / ``12 marzo 2025`` (UTC)."""
    moment = moment.astimezone(UTC)
    texts = letter_texts(language)
    month = texts.months[moment.month - 1]
    return texts.date_format.format(day=moment.day, month=month, year=moment.year)


def _epoch_date(epoch: int, language: Language) -> str:
    return long_date(datetime.fromtimestamp(epoch, UTC), language)


def subject_line(request: DataSubjectRequest) -> str:
    return letter_texts(request.language).pieces[f"subject_{request.kind}"]


def _bullets(lines: Sequence[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _receipt_line(receipt: ReceiptReference, language: Language) -> str:
    pieces = letter_texts(language).pieces
    # An expired consent ended at its validUntil (whenever the wallet noticed); a revoked one
    # when the person withdrew it.
    ended = receipt.endedAt if receipt.status == "revoked" else None
    state = pieces[receipt.status].format(date=_epoch_date(ended or receipt.validUntil, language))
    return pieces["receipt"].format(
        id=receipt.consentReceiptID,
        date=_epoch_date(receipt.consentTimestamp, language),
        state=state,
    )


def _field_line(item: RequestedField, language: Language) -> str:
    """ "Dirección postal (postal_address)": a standard field still under its standard label is
    named in the letter's language; a label the person wrote is theirs. The key is what the
    vendor's receipt lists."""
    standard = standard_field(item.key)
    label = item.label
    if standard is not None and label == standard.label:
        label = letter_texts(language).field_labels.get(item.key, label)
    return f"{label} ({item.key})"


def letter_body(request: DataSubjectRequest) -> str:
    """The letter (without its subject line) in the request's language."""
    language = request.language
    texts = letter_texts(language)
    pieces = texts.pieces
    kid = request.principal.kid
    issued = parse_utc_timestamp(request.issued)
    vendor = request.vendor
    addressee = (
        vendor.name if vendor.controller == vendor.name else f"{vendor.controller} ({vendor.name})"
    )
    paragraphs = [
        "\n".join(
            (
                pieces["to"].format(addressee=addressee),
                pieces["date"].format(date=long_date(issued, language)),
                pieces["reference"].format(reference=request.id),
            )
        ),
        pieces["greeting"],
        pieces[f"{request.kind}_intro"],
    ]
    if request.kind == "access":
        paragraphs.append(pieces["access_ask"] + "\n" + _bullets(texts.access_items))
    if request.receipts:
        fields = [_field_line(item, language) for item in request.fields]
        paragraphs += [
            pieces["fields_intro"] + "\n" + _bullets(fields),
            pieces["receipts_intro"]
            + "\n"
            + _bullets([_receipt_line(receipt, language) for receipt in request.receipts]),
        ]
    else:
        paragraphs.append(pieces["no_consents"])
    if request.kind == "erasure":
        paragraphs += [pieces["erasure_ground"], pieces["erasure_recipients"]]
    if request.receipts:
        paragraphs.append(pieces["key"].format(kid=kid))
    paragraphs += [
        pieces[f"{request.kind}_deadline"],
        pieces["closing"] + "\n" + pieces["signature"].format(kid=kid),
    ]
    return "\n\n".join(paragraphs) + "\n"


def letter_text(request: DataSubjectRequest) -> str:
    """The whole letter as plain text: a subject line, then the body."""
    label = letter_texts(request.language).pieces["subject_label"]
    return f"{label}: {subject_line(request)}\n\n{letter_body(request)}"


def mailto_link(request: DataSubjectRequest, email: str) -> str:
    """A ``mailto:`` URL (RFC 6068) with the subject and body percent-encoded; without an
    e-mail address the recipient is left empty for the person to fill in."""
    body = letter_body(request).replace("\n", "\r\n")  # RFC 6068: line breaks are CRLF
    recipient = quote(email, safe="@") if email else ""
    subject = quote(subject_line(request), safe="")
    return f"mailto:{recipient}?subject={subject}&body={quote(body, safe='')}"


def is_email(text: str) -> bool:
    """True if ``text`` can be the recipient of a ``mailto:`` link (one plain address)."""
    return bool(_EMAIL.match(text))
