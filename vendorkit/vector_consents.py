"""Consent messages a wallet POSTs to a vendor: disclosures, updates and revocations, good and bad.

A disclosure carries the consent receipt (a compact JWS by the pairwise key) and is itself signed
by that key; so is its webhook. Each consent of a bad variant that must get past the signatures
has its own receipt id (``consent-2``, ...), so the state one case leaves cannot decide another.
"""

from __future__ import annotations

import json
from typing import Any

from vendorkit import vector_documents as docs
from vendorkit.vector_documents import DAY, RECEIPT_TYP, Setting, Signed, VectorKeys, sign
from vendorkit.vector_inbox import common_bad, resigned, sign_input, small_order_case
from vendorkit.vector_tokens import (
    SMALL_ORDER_JWK,
    SMALL_ORDER_KID,
    SMALL_ORDER_MEMBER,
    Case,
    Delivery,
    body_of,
    small_order_token,
    token,
)
from wallet.crypto.signing import b64url


def _disclosure(setting: Setting, keys: VectorKeys, **options: Any) -> Signed:
    document = docs.disclosure(setting, keys, **options)
    return sign(f"disclosure-{document['type']}", document, keys.consent)


def _receipt_jws(setting: Setting, keys: VectorKeys, label: str, **options: Any) -> str:
    return docs.signed_receipt(setting, keys, label=label, **options).jws


def disclosure_cases(setting: Setting, keys: VectorKeys) -> list[Case]:
    delivery = Delivery(setting, "disclosure", "consents", keys.consent)
    good = _disclosure(setting, keys)
    update = _disclosure(setting, keys, kind="DisclosureUpdate")
    first = delivery.message_id("good")

    def disclosed(name: str, description: str, label: str, *, status: int, **options: Any) -> Case:
        receipt = _receipt_jws(setting, keys, label, **options)
        signed = _disclosure(setting, keys, label=label, receipt_jws=receipt)
        return delivery.case(
            name,
            description,
            body_of("disclosure", signed.document, signed.jws),
            status=status,
            stage="state",
        )

    cases = [
        delivery.case(
            "good",
            "the first Disclosure under the consent: 200 DisclosureAccepted, countersigned",
            body_of("disclosure", good.document, good.jws),
            status=200,
            stage="accepted",
            signed=good,
        ),
        delivery.case(
            "retry",
            "the same webhook-id and body again, 30 s later: 200 with the same acknowledgement",
            body_of("disclosure", good.document, good.jws),
            status=200,
            stage="state",
            message_id=first,
            offset=30,
            after=("disclosure/good",),
        ),
        delivery.case(
            "update-good",
            "a DisclosureUpdate of one field under the same consent: 200 UpdateAccepted",
            body_of("disclosure", update.document, update.jws),
            status=200,
            stage="accepted",
            signed=update,
            after=("disclosure/good",),
        ),
        resigned(
            delivery,
            "webhook-id-reused",
            "the webhook-id of disclosure/good with another valid body (the update)",
            "disclosure",
            update.document,
            keys.consent,
            good,
            status=409,
            stage="state",
            after=("disclosure/good",),
            message_id=first,
        ),
        _other_receipt_same_id(setting, keys, delivery),
        _update_first(setting, keys, delivery),
        disclosed(
            "other-vendor",
            "a valid disclosure whose receipt is for another vendor (vrm.vendor)",
            "consent-3",
            status=403,
            vendor_id="another-vendor",
        ),
        disclosed(
            "consent-expired",
            "a valid disclosure under a consent whose vrm.validUntil passed 10 days ago",
            "consent-4",
            status=422,
            valid_from=setting.now - 100 * DAY,
        ),
        disclosed(
            "consent-not-started",
            "a valid disclosure under a consent that starts tomorrow",
            "consent-5",
            status=422,
            valid_from=setting.now + DAY,
        ),
        _outside_scope(setting, keys, delivery),
        _receipt_changed(setting, keys, delivery),
        _not_a_receipt(setting, keys, delivery),
        _receipt_of_other_key(setting, keys, delivery),
    ]
    cases += common_bad(
        delivery,
        keys,
        member="disclosure",
        good=good,
        change=(("data", "postal_address"), "Calle Falsa 123, Springfield"),
        required="receipt",
    )
    cases.append(_small_order(setting, keys, delivery))
    return cases


def _other_receipt_same_id(setting: Setting, keys: VectorKeys, delivery: Delivery) -> Case:
    """The receipt id of disclosure/good in another receipt by the same key (all valid)."""
    longer = docs.signed_receipt(setting, keys, valid_days=365)
    document = docs.disclosure(setting, keys, receipt_jws=longer.jws) | {
        "id": setting.urn("consent-other-receipt")
    }
    signed = sign("disclosure-other-receipt", document, keys.consent)
    return delivery.case(
        "receipt-id-with-other-receipt",
        "a new receipt (365 days instead of 90) under the receipt id of disclosure/good, signed "
        "by the same key: a known receipt id cannot carry another receipt",
        body_of("disclosure", signed.document, signed.jws),
        status=409,
        stage="state",
        after=("disclosure/good",),
    )


def _update_first(setting: Setting, keys: VectorKeys, delivery: Delivery) -> Case:
    receipt = _receipt_jws(setting, keys, "consent-2")
    signed = _disclosure(
        setting, keys, kind="DisclosureUpdate", label="consent-2", receipt_jws=receipt
    )
    return delivery.case(
        "update-before-disclosure",
        "a valid DisclosureUpdate under a consent no Disclosure was accepted for",
        body_of("disclosure", signed.document, signed.jws),
        status=404,
        stage="state",
    )


def _outside_scope(setting: Setting, keys: VectorKeys, delivery: Delivery) -> Case:
    receipt = _receipt_jws(setting, keys, "consent-6")
    signed = _disclosure(
        setting,
        keys,
        label="consent-6",
        receipt_jws=receipt,
        data={"email": "ada@example.org", "phone": "+34 600 000 000"},
    )
    return delivery.case(
        "outside-scope",
        "a signed disclosure carrying 'phone', which the receipt's vrm.fields do not name",
        body_of("disclosure", signed.document, signed.jws),
        status=401,
        stage="signature",
    )


def _receipt_changed(setting: Setting, keys: VectorKeys, delivery: Delivery) -> Case:
    receipt = docs.signed_receipt(setting, keys, label="consent-7")
    header, _, signature = receipt.jws.split(".")
    longer = receipt.document | {
        "vrm": receipt.document["vrm"] | {"validUntil": receipt.document["vrm"]["validUntil"] + DAY}
    }
    tampered = f"{header}.{b64url(sign_input(longer))}.{signature}"
    signed = _disclosure(setting, keys, label="consent-7", receipt_jws=tampered)
    return delivery.case(
        "receipt-changed",
        "the receipt's payload has vrm.validUntil a day later than signed (its JWS signature "
        "kept); the disclosure around it is validly signed",
        body_of("disclosure", signed.document, signed.jws),
        status=401,
        stage="signature",
    )


def _not_a_receipt(setting: Setting, keys: VectorKeys, delivery: Delivery) -> Case:
    payload = json.dumps({"hello": "world"}, separators=(",", ":")).encode()
    receipt = token(
        {"typ": RECEIPT_TYP, "alg": "Ed25519", "kid": keys.consent.kid}, payload, keys.consent
    )
    signed = _disclosure(setting, keys, label="consent-8", receipt_jws=receipt)
    return delivery.case(
        "not-a-receipt",
        "the receipt JWS is validly signed, but its payload is not a consent receipt",
        body_of("disclosure", signed.document, signed.jws),
        status=400,
        stage="schema",
    )


def _receipt_of_other_key(setting: Setting, keys: VectorKeys, delivery: Delivery) -> Case:
    """The receipt id of the good disclosure, re-issued by another key (all valid)."""
    other = docs.receipt(setting, keys) | {
        "publicKey": keys.other.verifying_key.jwk,
        "piiPrincipalId": keys.other.kid,
    }
    receipt = sign("receipt-other", other, keys.other, extra={"typ": RECEIPT_TYP})
    document = docs.disclosure(setting, keys, receipt_jws=receipt.jws) | {
        "id": setting.urn("consent-other-key")
    }
    signed = sign("disclosure-other-key", document, keys.other)
    return delivery.case(
        "receipt-id-with-other-key",
        "the receipt id of disclosure/good in a receipt issued by another key, every signature "
        "by that key valid: a receipt id is bound to the first key seen with it",
        body_of("disclosure", signed.document, signed.jws),
        status=401,
        stage="state",
        key=keys.other,
        after=("disclosure/good",),
    )


def _small_order(setting: Setting, keys: VectorKeys, delivery: Delivery) -> Case:
    receipt = docs.receipt(setting, keys, label="consent-9") | {
        "publicKey": SMALL_ORDER_JWK,
        "piiPrincipalId": SMALL_ORDER_KID,
    }
    receipt_jws = small_order_token(
        {"typ": RECEIPT_TYP, "alg": "Ed25519", "kid": SMALL_ORDER_KID}, sign_input(receipt)
    )
    document = docs.disclosure(setting, keys, label="consent-9", receipt_jws=receipt_jws)
    forged = small_order_token({"alg": "Ed25519", "kid": SMALL_ORDER_KID}, sign_input(document))
    return small_order_case(delivery, "disclosure", document, forged)


# ---------------------------------------------------------------------------- revocations


def consent_notice_cases(setting: Setting, keys: VectorKeys) -> list[Case]:
    delivery = Delivery(setting, "consent-notice", "revocations", keys.consent)
    good = sign("consent-notice", docs.consent_notice(setting, keys), keys.consent)
    after_end = sign(
        "disclosure-after-end",
        docs.disclosure(setting, keys) | {"id": setting.urn("consent-after-end")},
        keys.consent,
    )
    cases = [
        resigned(
            delivery,
            "unknown-consent",
            "a valid ConsentRevoked for a receipt id this vendor never received",
            "notice",
            docs.consent_notice(setting, keys, label="consent-10"),
            keys.consent,
            good,
            status=404,
            stage="state",
        ),
        resigned(
            delivery,
            "not-the-consent-key",
            "a ConsentRevoked for the consent of disclosure/good, validly signed by another key "
            "(which it names as principal)",
            "notice",
            docs.consent_notice(setting, keys, key=keys.other),
            keys.other,
            good,
            status=401,
            stage="state",
            after=("disclosure/good",),
        ),
    ]
    cases += common_bad(
        delivery,
        keys,
        member="notice",
        good=good,
        change=(("issued",), setting.timestamp(241)),
        required="consentReceiptID",
    )
    small = docs.consent_notice(setting, keys) | {"principal": SMALL_ORDER_MEMBER}
    forged = small_order_token({"alg": "Ed25519", "kid": SMALL_ORDER_KID}, sign_input(small))
    cases.append(small_order_case(delivery, "notice", small, forged))
    cases += [
        delivery.case(
            "good",
            "ConsentRevoked for the consent of disclosure/good: the vendor deletes the data and "
            "answers 200 ConsentTerminated naming the deleted fields",
            body_of("notice", good.document, good.jws),
            status=200,
            stage="accepted",
            signed=good,
            after=("disclosure/good",),
        ),
        resigned(
            delivery,
            "webhook-id-reused",
            "the webhook-id of consent-notice/good with another valid notice (ConsentExpired)",
            "notice",
            docs.consent_notice(setting, keys) | {"type": "ConsentExpired"},
            keys.consent,
            good,
            status=409,
            stage="state",
            after=("consent-notice/good",),
            message_id=delivery.message_id("good"),
        ),
        delivery.case(
            "retry",
            "the same webhook-id and body again, 30 s later: the same termination receipt",
            body_of("notice", good.document, good.jws),
            status=200,
            stage="state",
            message_id=delivery.message_id("good"),
            offset=30,
            after=("consent-notice/good",),
        ),
        Delivery(setting, "consent-notice", "consents", keys.consent).case(
            "disclosure-after-end",
            "a new valid Disclosure under the revoked consent (to inbox.consents): the consent "
            "is over and its data deleted",
            body_of("disclosure", after_end.document, after_end.jws),
            status=409,
            stage="state",
            after=("consent-notice/good",),
        ),
    ]
    return cases
