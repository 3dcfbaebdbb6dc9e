"""The messages a wallet POSTs to a vendor's inbox, good and bad, with the status each must get.

In the order a conformance run sends them: an intention (and its retry, a reused ``webhook-id``,
the same intention id under another key, ...), notices about it, a disclosure under a consent, an
update, then the revocation. Every bad variant is wrong in one way only: its webhook headers are
valid for its exact bytes unless the webhook is what is wrong, and a document changed on purpose
is signed again where the point is what the schema or the state refuses.
"""

from __future__ import annotations

import base64
from typing import Any

from vendorkit import vector_documents as docs
from vendorkit.vector_documents import DAY, Json, Setting, Signed, VectorKeys, body_bytes, sign
from vendorkit.vector_tokens import (
    MAX_BODY_BYTES,
    MAX_DEPTH,
    SMALL_ORDER_KID,
    SMALL_ORDER_MEMBER,
    SMALL_ORDER_SIGNATURE,
    STALE_SECONDS,
    Case,
    Delivery,
    body_of,
    changed,
    deep_value,
    envelope_text,
    hmac_v1_signature,
    small_order_token,
    token_variants,
    webhook_signature_of,
    with_duplicate,
    without,
)
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey
from wallet.webhooks import HEADER_SIGNATURE, HEADER_TIMESTAMP


def common_bad(
    delivery: Delivery,
    keys: VectorKeys,
    *,
    member: str,
    good: Signed,
    change: tuple[tuple[str, ...], Any],
    required: str,
) -> list[Case]:
    """The variants every POSTed envelope is tried with (stateless: the verifiers decide)."""
    key = delivery.key
    path, value = change
    document = good.document
    cases = [
        delivery.case(
            "member-changed",
            f"{'.'.join(path)} changed after signing (the JWS covers the old value)",
            body_of(member, changed(document, path, value), good.jws),
            status=401,
            stage="signature",
        ),
        resigned(
            delivery,
            "member-added",
            "an unknown member 'note' added, and signed: the schema has no such member",
            member,
            {**document, "note": "added"},
            key,
            good,
            status=400,
        ),
        resigned(
            delivery,
            "member-missing",
            f"the required member '{required}' left out, and signed",
            member,
            without(document, required),
            key,
            good,
            status=400,
        ),
    ]
    for variant in token_variants(good, key, keys):
        cases.append(
            delivery.case(
                variant.name,
                variant.description,
                body_of(member, document, variant.jws),
                status=400 if variant.stage == "schema" else 401,
                stage=variant.stage,
            )
        )
    top = path[0]
    duplicate = with_duplicate(body_bytes(document), top, changed(document, path, value)[top])
    cases += [
        delivery.case(
            "duplicate-member",
            f"'{top}' written twice, the second time changed: JSON with repeated names is refused",
            envelope_text(member, duplicate, good.jws),
            status=400,
            stage="schema",
        ),
        delivery.case(
            "too-deep",
            f"'{top}' replaced by arrays nested {MAX_DEPTH + 8} deep (at most {MAX_DEPTH} levels)",
            body_of(member, {**document, top: deep_value(MAX_DEPTH + 8)}, good.jws),
            status=400,
            stage="schema",
        ),
        delivery.case(
            "oversize",
            f"the good body followed by spaces up to {MAX_BODY_BYTES + 1} bytes (valid JSON, "
            "signed webhook): refused for its size alone",
            body_of(member, document, good.jws),
            status=413,
            stage="size",
            pad_to=MAX_BODY_BYTES + 1,
        ),
        delivery.case(
            "oversize-without-headers",
            f"{MAX_BODY_BYTES + 1} bytes and no webhook headers: the size is checked first, "
            "before anything else is read",
            body_of(member, document, good.jws),
            status=413,
            stage="size",
            pad_to=MAX_BODY_BYTES + 1,
            tweak=lambda headers: {"content-type": headers["content-type"]},
        ),
    ]
    good_body = body_of(member, document, good.jws)
    cases += [
        delivery.case(
            "webhook-stale",
            f"webhook-timestamp {STALE_SECONDS} s before the receiver's clock (window: 300 s)",
            good_body,
            status=400,
            stage="headers",
            offset=-STALE_SECONDS,
        ),
        delivery.case(
            "webhook-future",
            f"webhook-timestamp {STALE_SECONDS} s after the receiver's clock",
            good_body,
            status=400,
            stage="headers",
            offset=STALE_SECONDS,
        ),
        delivery.case(
            "webhook-missing",
            "no webhook-signature header",
            good_body,
            status=400,
            stage="headers",
            tweak=lambda headers: _without_header(headers, HEADER_SIGNATURE),
        ),
        delivery.case(
            "webhook-other-signer",
            "the webhook signature is made by another key",
            good_body,
            status=401,
            stage="signature",
            tweak=lambda headers: {
                **headers,
                HEADER_SIGNATURE: webhook_signature_of(keys.other, headers, good_body),
            },
        ),
        delivery.case(
            "webhook-other-timestamp",
            "webhook-timestamp changed by one second after signing",
            good_body,
            status=401,
            stage="signature",
            tweak=lambda headers: {
                **headers,
                HEADER_TIMESTAMP: str(int(headers[HEADER_TIMESTAMP]) - 1),
            },
        ),
        delivery.case(
            "webhook-v1-only",
            "only a v1 (HMAC) signature: this protocol counts v1a (Ed25519) entries only",
            good_body,
            status=401,
            stage="signature",
            tweak=lambda headers: {**headers, HEADER_SIGNATURE: hmac_v1_signature(headers)},
        ),
    ]
    return cases


def _without_header(headers: dict[str, str], name: str) -> dict[str, str]:
    return {key: value for key, value in headers.items() if key != name}


def resigned(
    delivery: Delivery,
    name: str,
    description: str,
    member: str,
    document: Json,
    key: SigningKey,
    good: Signed,
    *,
    status: int,
    stage: str = "schema",
    after: tuple[str, ...] = (),
    message_id: str | None = None,
) -> Case:
    """``document`` validly signed by ``key`` (JWS and webhook): only its content is wrong."""
    extra = {k: v for k, v in good.header.items() if k not in ("alg", "kid")} or None
    signed = sign(f"{good.name}-{name}", document, key, extra=extra)
    return delivery.case(
        name,
        description,
        body_of(member, document, signed.jws),
        status=status,
        stage=stage,
        after=after,
        key=key,
        message_id=message_id,
    )


# ---------------------------------------------------------------------------- intentions


def intention_cases(setting: Setting, keys: VectorKeys) -> list[Case]:
    delivery = Delivery(setting, "intention", "intentions", keys.intention)
    good = sign("intention", docs.intention(setting, keys), keys.intention)
    minimal = sign("intention-minimal", docs.minimal_intention(setting, keys), keys.intention)
    good_body = body_of("intention", good.document, good.jws)
    first = delivery.message_id("good")
    expired = docs.intention(setting, keys) | {
        "id": setting.urn("intention-expired"),
        "issued": setting.timestamp(-8 * DAY),
        "validThrough": setting.timestamp(-DAY),
    }
    cases = [
        delivery.case(
            "good",
            "every member present (two of them null), non-ASCII text; 200 with an offer list",
            good_body,
            status=200,
            stage="accepted",
            signed=good,
        ),
        delivery.case(
            "retry",
            "the same webhook-id and body again, 30 s later (new timestamp and webhook "
            "signature): 200 with the same offers, byte for byte",
            good_body,
            status=200,
            stage="state",
            message_id=first,
            offset=30,
            after=("intention/good",),
        ),
        delivery.case(
            "webhook-id-reused",
            "the webhook-id of intention/good with another body (the minimal intention)",
            body_of("intention", minimal.document, minimal.jws),
            status=409,
            stage="state",
            message_id=first,
            after=("intention/good",),
        ),
        delivery.case(
            "optional-members-left-out",
            "only the required members; signed over exactly the object sent (nothing filled in)",
            body_of("intention", minimal.document, minimal.jws),
            status=200,
            stage="accepted",
            signed=minimal,
        ),
        resigned(
            delivery,
            "id-with-other-key",
            "the id of intention/good under another requester key, validly signed by it",
            "intention",
            docs.intention(setting, keys, key=keys.other),
            keys.other,
            good,
            status=409,
            stage="state",
            after=("intention/good",),
        ),
        resigned(
            delivery,
            "id-with-other-content",
            "the id of intention/good with another maxPrice, validly signed by the same key",
            "intention",
            changed(docs.intention(setting, keys), ("priceSpecification", "maxPrice"), "99.00"),
            keys.intention,
            good,
            status=409,
            stage="state",
            after=("intention/good",),
        ),
        resigned(
            delivery,
            "expired",
            "validThrough a day before the receiver's clock, validly signed",
            "intention",
            expired,
            keys.intention,
            good,
            status=422,
            stage="state",
        ),
    ]
    cases += later_offers(setting)
    cases += common_bad(
        delivery,
        keys,
        member="intention",
        good=good,
        change=(("priceSpecification", "maxPrice"), "1200.00"),
        required="itemOffered",
    )
    small = docs.intention(setting, keys) | {
        "id": setting.urn("intention-small-order"),
        "requester": SMALL_ORDER_MEMBER,
    }
    forged = small_order_token({"alg": "Ed25519", "kid": SMALL_ORDER_KID}, sign_input(small))
    cases.append(small_order_case(delivery, "intention", small, forged))
    return cases


def later_offers(setting: Setting) -> list[Case]:
    """``GET <inbox.offers>?intention=<id>``: the offers made for intention/good, the same signed
    offers as in the answer to its POST; an empty list for an id the vendor never received."""
    return [
        Case(
            "intention",
            name,
            description,
            b"",
            stage,
            status=200,
            endpoint="offers",
            after=after,
            received_at=setting.now,
            query=f"intention={setting.urn(label)}",
        )
        for name, description, label, stage, after in (
            (
                "later-offers",
                "GET inbox.offers for intention/good: 200 with the same signed offers as the "
                "answer to its POST",
                "intention",
                "state",
                ("intention/good",),
            ),
            (
                "later-offers-unknown",
                "GET inbox.offers for an intention id never sent: 200 with an empty list",
                "intention-never-sent",
                "accepted",
                (),
            ),
        )
    ]


def sign_input(document: Json) -> bytes:
    return canonical_bytes(document)


def small_order_case(delivery: Delivery, member: str, document: Json, forged: str) -> Case:
    """``document`` "signed" for the small-order key (its JWS ``forged``), webhook likewise."""
    signature = "v1a," + base64.b64encode(SMALL_ORDER_SIGNATURE).decode("ascii")
    return delivery.case(
        "small-order-key",
        "the signer's key is the small-order identity point; the JWS and webhook signatures "
        "are R = identity, S = 0, which 'verify' any message with such a key",
        body_of(member, document, forged),
        status=401,
        stage="signature",
        tweak=lambda headers: {**headers, HEADER_SIGNATURE: signature},
    )


# ---------------------------------------------------------------------------- notices


def notice_cases(setting: Setting, keys: VectorKeys) -> list[Case]:
    """Decisions and the withdrawal about intention/good, signed by its requester key."""
    decisions = Delivery(setting, "notice", "decisions", keys.intention)
    withdrawals = Delivery(setting, "notice", "withdrawals", keys.intention)
    accepted = sign("notice", docs.notice(setting, keys, kind="OfferAccepted"), keys.intention)
    withdrawn = sign(
        "notice-withdrawal", docs.notice(setting, keys, kind="IntentionWithdrawn"), keys.intention
    )
    unknown = docs.notice(setting, keys, kind="OfferDeclined", intention_label="intention-unknown")
    stranger = docs.notice(setting, keys, kind="OfferDeclined") | {
        "requester": docs.key_member(keys.other)
    }
    cases = [
        decisions.case(
            "good",
            'OfferAccepted about intention/good, to inbox.decisions: 200 {"ok": true}',
            body_of("notice", accepted.document, accepted.jws),
            status=200,
            stage="accepted",
            signed=accepted,
            after=("intention/good",),
        ),
        resigned(
            decisions,
            "webhook-id-reused",
            "the webhook-id of notice/good with another valid decision (OfferDeclined)",
            "notice",
            docs.notice(setting, keys, kind="OfferDeclined"),
            keys.intention,
            accepted,
            status=409,
            stage="state",
            after=("notice/good",),
            message_id=decisions.message_id("good"),
        ),
        resigned(
            decisions,
            "unknown-intention",
            "a valid decision about an intention this vendor never received",
            "notice",
            unknown,
            keys.intention,
            accepted,
            status=404,
            stage="state",
        ),
        resigned(
            decisions,
            "not-the-intention-key",
            "a decision about intention/good validly signed by another key (which it names): "
            "only the key bound to the intention id may decide",
            "notice",
            stranger,
            keys.other,
            accepted,
            status=401,
            stage="state",
            after=("intention/good",),
        ),
    ]
    cases += common_bad(
        decisions,
        keys,
        member="notice",
        good=accepted,
        change=(("issued",), setting.timestamp(61)),
        required="intention",
    )
    small = docs.notice(setting, keys, kind="OfferAccepted") | {"requester": SMALL_ORDER_MEMBER}
    forged = small_order_token({"alg": "Ed25519", "kid": SMALL_ORDER_KID}, sign_input(small))
    cases.append(small_order_case(decisions, "notice", small, forged))
    cases.append(
        withdrawals.case(
            "withdrawal-good",
            "IntentionWithdrawn (offer null) about intention/good, to inbox.withdrawals",
            body_of("notice", withdrawn.document, withdrawn.jws),
            status=200,
            stage="accepted",
            signed=withdrawn,
            after=("intention/good",),
        )
    )
    return cases
