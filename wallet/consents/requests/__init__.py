"""GDPR data-subject requests: access (Art. 15) and erasure (Art. 17) letters to a vendor.

* :mod:`~wallet.consents.requests.document`: the signed document and its checks;
* :mod:`~wallet.consents.requests.texts`: the letters' words, read from ``resources/letters/``;
* :mod:`~wallet.consents.requests.letters`: the letter and the ``mailto:`` link, rendered;
* :mod:`~wallet.consents.requests.store`: the ``data_requests`` table;
* :mod:`~wallet.consents.requests.book`: writing, signing, storing and logging a request.
"""

from wallet.consents.requests.book import FORMATS, DataRequestBook, DataRequestRecord, RequestFormat
from wallet.consents.requests.document import (
    KINDS,
    DataSubjectRequest,
    RequestKind,
    SignedDataSubjectRequest,
    parse_signed_request,
    sign_request,
    verify_signed_request,
)
from wallet.consents.requests.letters import letter_body, letter_text, long_date, mailto_link

__all__ = [
    "FORMATS",
    "KINDS",
    "DataRequestBook",
    "DataRequestRecord",
    "DataSubjectRequest",
    "RequestFormat",
    "RequestKind",
    "SignedDataSubjectRequest",
    "letter_body",
    "letter_text",
    "long_date",
    "mailto_link",
    "parse_signed_request",
    "sign_request",
    "verify_signed_request",
]
