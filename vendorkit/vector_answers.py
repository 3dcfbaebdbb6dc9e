"""Documents a wallet reads, good and bad, with the wallet's verdict on each.

Offers arrive in a vendor's answer (``{"offers": [...]}``) and are judged with the refusal codes of
``docs/protocol.md`` §7 (``forged``, ``wrong_key``, ``bad_key``, ``invalid_offer``, ...).
Acknowledgements, receipts, terms exports and agreement records have no such codes in the wallet
(it refuses them with a reason); their vectors use the same names for the same faults:
``malformed`` (not the format), ``bad_key`` (a refused key), ``wrong_key`` (not the pinned
vendor key), ``forged`` (a signature that does not verify or covers other bytes),
``other_receipt`` (an acknowledgement about another receipt).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from vendorkit import vector_documents as docs
from vendorkit.vector_documents import (
    RECEIPT_TYP,
    Json,
    Setting,
    Signed,
    VectorKeys,
    body_bytes,
    sign,
)
from vendorkit.vector_tokens import (
    MAX_BODY_BYTES,
    MAX_DEPTH,
    SMALL_ORDER_JWK,
    SMALL_ORDER_KID,
    SMALL_ORDER_MEMBER,
    Case,
    changed,
    deep_value,
    envelope_text,
    small_order_token,
    token_variants,
    with_duplicate,
    without,
)
from wallet.crypto.canonical import canonical_bytes
from wallet.crypto.signing import SigningKey, b64url

_VERDICT_OF_STAGE = {"schema": "invalid_offer", "signature": "forged"}


def _case(
    document: str,
    name: str,
    description: str,
    body: bytes,
    refusal: str,
    *,
    stage: str = "signature",
    signed: Signed | None = None,
    pad_to: int | None = None,
) -> Case:
    """A document the wallet reads, and its verdict (``stage`` is ``accepted`` for a good one)."""
    stage = "accepted" if refusal == "accepted" else stage
    return Case(
        document, name, description, body, stage, refusal=refusal, signed=signed, pad_to=pad_to
    )


def _offer_list(*envelopes: Json) -> bytes:
    return body_bytes({"offers": list(envelopes)})


def _signed_offer(offer: Json, key: SigningKey) -> Json:
    signed = sign("offer", offer, key)
    return {"offer": offer, "signature": signed.jws}


def offer_cases(setting: Setting, keys: VectorKeys) -> list[Case]:
    """A vendor's answer to intention/good holding one offer each, judged by the wallet that
    pinned the vendor key."""
    good = sign("offer", docs.offer(setting, keys), keys.vendor)
    minimal = sign("offer-minimal", docs.minimal_offer(setting, keys), keys.vendor)
    counter = sign("offer-counter", docs.counter_offer(setting, keys), keys.vendor)
    document = good.document
    cases = [
        _case(
            "offer",
            "good",
            "every member present; accepts the terms with its signed agreement record",
            _offer_list({"offer": document, "signature": good.jws}),
            "accepted",
            signed=good,
        ),
        _case(
            "offer",
            "counter-offer",
            "does not accept the person's terms; counterTerms: one roster agreement, its hash "
            "and the vendor's signed record",
            _offer_list({"offer": counter.document, "signature": counter.jws}),
            "accepted",
            signed=counter,
        ),
        _case(
            "offer",
            "optional-members-left-out",
            "only the required members (no acceptsTerms: the vendor does not accept the terms)",
            _offer_list({"offer": minimal.document, "signature": minimal.jws}),
            "accepted",
            signed=minimal,
        ),
        _case(
            "offer",
            "member-changed",
            "price changed after signing",
            _offer_list({"offer": changed(document, ("price",), "9.50"), "signature": good.jws}),
            "forged",
        ),
        _case(
            "offer",
            "member-added",
            "an unknown member 'note', signed",
            _offer_list(_signed_offer({**document, "note": "added"}, keys.vendor)),
            "invalid_offer",
            stage="schema",
        ),
        _case(
            "offer",
            "member-missing",
            "'price' left out, signed",
            _offer_list(_signed_offer(without(document, "price"), keys.vendor)),
            "invalid_offer",
            stage="schema",
        ),
        _case(
            "offer",
            "unsigned",
            "no signature member",
            _offer_list({"offer": document}),
            "unsigned",
            stage="schema",
        ),
    ]
    for variant in token_variants(good, keys.vendor, keys):
        cases.append(
            _case(
                "offer",
                variant.name,
                variant.description,
                _offer_list({"offer": document, "signature": variant.jws}),
                _VERDICT_OF_STAGE[variant.stage],
                stage=variant.stage,
            )
        )
    other_seller = changed(document, ("seller",), docs.vendor_member(setting, keys.other))
    stranger = changed(document, ("seller", "id"), "another-vendor")
    unknown = changed(document, ("intention",), setting.urn("intention-unknown"))
    small = changed(
        document, ("seller",), {**docs.vendor_member(setting, keys.vendor), **SMALL_ORDER_MEMBER}
    )
    forged = small_order_token({"alg": "Ed25519", "kid": SMALL_ORDER_KID}, canonical_bytes(small))
    duplicate = with_duplicate(body_bytes(document), "price", "9.50")
    cases += [
        _case(
            "offer",
            "seller-other-key",
            "seller.publicKey is another key, which signed it: not the pinned key",
            _offer_list(_signed_offer(other_seller, keys.other)),
            "wrong_key",
        ),
        _case(
            "offer",
            "small-order-key",
            "seller.publicKey is the small-order identity point; the JWS is R = identity, S = 0",
            _offer_list({"offer": small, "signature": forged}),
            "bad_key",
        ),
        _case(
            "offer",
            "seller-mismatch",
            "seller.id names another vendor (signed with the pinned key)",
            _offer_list(_signed_offer(stranger, keys.vendor)),
            "seller_mismatch",
            stage="state",
        ),
        _case(
            "offer",
            "unknown-intention",
            "answers an intention the wallet never sent (signed)",
            _offer_list(_signed_offer(unknown, keys.vendor)),
            "unknown_intention",
            stage="state",
        ),
        _case(
            "offer",
            "duplicate-member",
            "'price' written twice in the offer: the whole answer is refused",
            b'{"offers":[' + envelope_text("offer", duplicate, good.jws) + b"]}",
            "malformed",
            stage="schema",
        ),
        _case(
            "offer",
            "too-deep",
            f"arrays nested {MAX_DEPTH + 8} deep in the answer: refused whole",
            _offer_list({"offer": document, "signature": good.jws, "x": deep_value(MAX_DEPTH + 8)}),
            "malformed",
            stage="schema",
        ),
        _case(
            "offer",
            "oversize",
            f"the good answer followed by spaces up to {MAX_BODY_BYTES + 1} bytes: refused whole",
            _offer_list({"offer": document, "signature": good.jws}),
            "oversize",
            stage="size",
            pad_to=MAX_BODY_BYTES + 1,
        ),
    ]
    return cases


# ---------------------------------------------------------------------------- acknowledgements


def acknowledgement_cases(setting: Setting, keys: VectorKeys) -> list[Case]:
    """The vendor's answers to disclosure/good and consent-notice/good, judged by the wallet
    that pinned the vendor key and holds the receipt (``docs.signed_receipt``)."""
    accepted = sign("acknowledgement", docs.acknowledgement(setting, keys), keys.vendor)
    terminated = sign(
        "acknowledgement-terminated",
        docs.acknowledgement(setting, keys, kind="ConsentTerminated"),
        keys.vendor,
    )
    with_null = sign(
        "acknowledgement-null",
        terminated.document | {"countersignature": None},
        keys.vendor,
    )
    document = accepted.document

    def answer(name: str, description: str, ack: Json, jws: str, refusal: str, **more: Any) -> Case:
        return _case(
            "acknowledgement",
            name,
            description,
            body_bytes({"acknowledgement": ack, "signature": jws}),
            refusal,
            **more,
        )

    def signed_by(ack: Json, key: SigningKey) -> str:
        return sign("acknowledgement-variant", ack, key).jws

    other_vendor = document | {"vendor": docs.vendor_member(setting, keys.other)}
    small = document | {"vendor": docs.vendor_member(setting, keys.vendor) | SMALL_ORDER_MEMBER}
    other_receipt = document | {"receiptSha256": hashlib.sha256(b"another receipt").hexdigest()}
    wrong_counter = document | {
        "countersignature": keys.vendor.sign_jws(
            b'{"another":"receipt"}', header={"typ": RECEIPT_TYP}
        )
    }
    cases = [
        answer(
            "good",
            "DisclosureAccepted with the countersignature over the receipt's canonical bytes",
            document,
            accepted.jws,
            "accepted",
            signed=accepted,
        ),
        answer(
            "terminated-good",
            "ConsentTerminated: countersignature left out (absent, not null)",
            terminated.document,
            terminated.jws,
            "accepted",
            signed=terminated,
        ),
        answer(
            "terminated-null-countersignature",
            'ConsentTerminated with "countersignature": null, signed with it: null is a value',
            with_null.document,
            with_null.jws,
            "accepted",
            signed=with_null,
        ),
        answer(
            "member-changed",
            "fields changed after signing",
            changed(document, ("fields",), ["email"]),
            accepted.jws,
            "forged",
        ),
        answer(
            "member-added",
            "an unknown member 'note', signed",
            document | {"note": "x"},
            signed_by(document | {"note": "x"}, keys.vendor),
            "malformed",
            stage="schema",
        ),
        answer(
            "countersignature-missing",
            "DisclosureAccepted without its countersignature, signed",
            without(document, "countersignature"),
            signed_by(without(document, "countersignature"), keys.vendor),
            "malformed",
            stage="schema",
        ),
        answer(
            "vendor-other-key",
            "vendor.publicKey is another key, which signed it: not the pinned key",
            other_vendor,
            signed_by(other_vendor, keys.other),
            "wrong_key",
        ),
        answer(
            "small-order-key",
            "vendor.publicKey is the small-order identity point; JWS R = identity, S = 0",
            small,
            small_order_token({"alg": "Ed25519", "kid": SMALL_ORDER_KID}, canonical_bytes(small)),
            "bad_key",
        ),
        answer(
            "other-receipt",
            "receiptSha256 of another receipt (signed)",
            other_receipt,
            signed_by(other_receipt, keys.vendor),
            "other_receipt",
            stage="state",
        ),
        answer(
            "countersignature-other-bytes",
            "the countersignature covers other bytes than the receipt (signed)",
            wrong_counter,
            signed_by(wrong_counter, keys.vendor),
            "forged",
        ),
    ]
    for variant in token_variants(accepted, keys.vendor, keys):
        refusal = "malformed" if variant.stage == "schema" else "forged"
        cases.append(
            answer(
                variant.name,
                variant.description,
                document,
                variant.jws,
                refusal,
                stage=variant.stage,
            )
        )
    duplicate = with_duplicate(body_bytes(document), "fields", ["email"])
    cases.append(
        _case(
            "acknowledgement",
            "duplicate-member",
            "'fields' written twice",
            envelope_text("acknowledgement", duplicate, accepted.jws),
            "malformed",
            stage="schema",
        )
    )
    return cases


# ---------------------------------------------------------------------------- receipt


def receipt_cases(setting: Setting, keys: VectorKeys) -> list[Case]:
    """The consent receipt as a ``.jws`` file (what ``vrm-vendor verify`` reads)."""
    good = docs.signed_receipt(setting, keys)
    header, _, signature = good.jws.split(".")
    longer = changed(good.document, ("vrm", "validUntil"), good.document["vrm"]["validUntil"] + 1)
    pretty = json.dumps(good.document, indent=1).encode()
    small = good.document | {"publicKey": SMALL_ORDER_JWK, "piiPrincipalId": SMALL_ORDER_KID}
    typ = {"typ": RECEIPT_TYP}

    def jws_case(name: str, description: str, jws: str, refusal: str, **more: Any) -> Case:
        return _case("receipt", name, description, jws.encode("ascii"), refusal, **more)

    cases = [
        jws_case(
            "good",
            "the receipt, typ kantara-cr+jws, signed by the key it names",
            good.jws,
            "accepted",
            signed=good,
        ),
        jws_case(
            "member-changed",
            "vrm.validUntil one second later in the payload, signature kept",
            f"{header}.{b64url(canonical_bytes(longer))}.{signature}",
            "forged",
        ),
        jws_case(
            "not-canonical",
            "signed over an indented (not RFC 8785) form of the receipt",
            keys.consent.sign_jws(pretty, header=typ),
            "forged",
        ),
        jws_case(
            "small-order-key",
            "publicKey is the small-order identity point; R = identity, S = 0",
            small_order_token(
                {**typ, "alg": "Ed25519", "kid": SMALL_ORDER_KID}, canonical_bytes(small)
            ),
            "bad_key",
        ),
    ]
    for variant in token_variants(good, keys.consent, keys):
        if variant.stage == "signature":
            cases.append(jws_case(variant.name, variant.description, variant.jws, "forged"))
    return cases


# ---------------------------------------------------------------------------- terms, agreements


def terms_cases(setting: Setting, keys: VectorKeys) -> list[Case]:
    """The person's terms export (``SignedTerms``), as a vendor fetches it."""
    good, export = docs.signed_terms(setting, keys)

    def exported(name: str, description: str, value: Json, refusal: str, **more: Any) -> Case:
        return _case("terms", name, description, body_bytes(value), refusal, **more)

    small = export | {"publicKey": SMALL_ORDER_JWK, "kid": SMALL_ORDER_KID}
    small["signature"] = small_order_token(
        {"cty": "json", "alg": "Ed25519", "kid": SMALL_ORDER_KID}, good.canonical
    )
    cases = [
        exported(
            "good",
            "the export: document, its sha256, the JWS over its canonical bytes, the key",
            export,
            "accepted",
            signed=good,
        ),
        exported(
            "member-changed",
            "a clause parameter changed after signing (sha256 and JWS kept)",
            changed(export, ("document", "clauses", 1, "params", "days"), 365),
            "forged",
        ),
        exported(
            "sha256-changed",
            "sha256 is not the hash of the canonical document",
            export | {"sha256": "0" * 64},
            "forged",
        ),
        exported(
            "small-order-key",
            "publicKey is the small-order identity point; R = identity, S = 0",
            small,
            "bad_key",
        ),
    ]
    for variant in token_variants(good, keys.terms, keys):
        if variant.stage == "signature":
            cases.append(
                exported(
                    variant.name, variant.description, export | {"signature": variant.jws}, "forged"
                )
            )
    return cases


def agreement_cases(setting: Setting, keys: VectorKeys) -> list[Case]:
    """A vendor's agreement record: its JWS covers the record without ``signature``."""
    record, good = docs.agreement(setting, keys)

    def kept(name: str, description: str, value: Json, refusal: str, **more: Any) -> Case:
        return _case("agreement", name, description, body_bytes(value), refusal, **more)

    small_vendor = record["vendor"] | {"publicKey": SMALL_ORDER_JWK}
    small_acceptance = {**without(record, "signature"), "vendor": small_vendor}
    small = small_acceptance | {
        "signature": small_order_token(
            {"cty": "json", "alg": "Ed25519", "kid": SMALL_ORDER_KID},
            canonical_bytes(small_acceptance),
        )
    }
    cases = [
        kept(
            "good",
            "terms_sha256 accepted at accepted_at by vendor, signed by vendor.publicKey",
            record,
            "accepted",
            signed=good,
        ),
        kept(
            "member-changed",
            "accepted_at changed after signing",
            record | {"accepted_at": setting.timestamp(3)},
            "forged",
        ),
        kept(
            "small-order-key",
            "vendor.publicKey is the small-order identity point",
            small,
            "bad_key",
        ),
    ]
    for variant in token_variants(good, keys.vendor, keys):
        if variant.stage == "signature":
            cases.append(
                kept(
                    variant.name, variant.description, record | {"signature": variant.jws}, "forged"
                )
            )
    return cases
