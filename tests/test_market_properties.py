"""Hostile relay messages fail alone (issue 15), as properties: whatever bytes arrive on an
intention's offers subject, or on a category's intentions subject, the wallet and the kit's
listener refuse them with a reason and go on; nothing else raises."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.intent_helpers import create, funnel_catalog
from tests.properties import HOSTILE_TEXT, JSON_VALUES, RAW_NASTY, examples
from vendorkit.market.listener import RelayVendors
from vendorkit.server import make_vendors
from wallet.crypto.sealing import seal_to
from wallet.crypto.signing import generate_signing_key
from wallet.market import store as market_store
from wallet.market.follow import take_message
from wallet.market.meet import Meetings
from wallet.offers.ingest import IngestReport
from wallet.relay import KIND_OFFERS, KIND_WITHDRAWAL, Relay, RelayMessage
from wallet.storage import keys
from wallet.transport import Transport
from wallet.vault.facade import Vault

RELAY = "nats://127.0.0.1:4222"  # only a record's key here: nothing connects to it


def _json_bytes(value: Any) -> bytes:
    try:
        return json.dumps(value).encode("utf-8")
    except (ValueError, UnicodeEncodeError):
        return b"{}"


async def _take(vault: Vault, cast: Any, private: bytes, message: RelayMessage) -> IngestReport:
    async with Transport(timeout=1.0) as transport:  # metadata of met vendors (none here)
        meetings = Meetings(vault, transport, relay_url=cast.relay)
        return await take_message(vault, cast, private, message, meetings)


def _messages(jwk: dict[str, Any], intention_id: str) -> st.SearchStrategy[bytes]:
    sealed = st.builds(
        lambda plaintext, apu, apv: seal_to(
            jwk, plaintext, apu=apu, apv=apv or intention_id.encode()
        ).encode(),
        st.one_of(RAW_NASTY, JSON_VALUES.map(_json_bytes), st.just(b'{"offers":[{}]}')),
        st.one_of(st.binary(max_size=40), st.sampled_from([b"demo-vendor-1", b"x" * 300])),
        st.one_of(st.just(b""), st.binary(max_size=20)),
    )
    texts = HOSTILE_TEXT.map(lambda text: text.encode("utf-8", "surrogatepass"))
    return st.one_of(st.binary(max_size=300), texts, sealed)


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_offers_message_is_judged_alone(vault: Vault, data: st.DataObject) -> None:
    record = create(vault, use_terms=False)
    assert record.intention.sealingKey is not None
    jwk = record.intention.sealingKey.model_dump()
    private = keys.sealing_for(vault.reader, record.kid)
    assert private is not None
    with vault.write() as connection:
        market_store.record_cast(
            connection,
            intention_id=record.id,
            relay=RELAY,
            subject="vrm.intent.es-md.shoes",
            sequence=1,
            now=datetime.now(UTC),
        )
    cast = market_store.get_cast(vault.reader, record.id, RELAY)
    assert cast is not None
    payload = data.draw(_messages(jwk, record.id))
    message = RelayMessage("vrm.offers.x", payload, {"Vrm-Kind": KIND_OFFERS}, 7, 0)
    report = asyncio.run(_take(vault, cast, private, message))
    assert not report.stored  # nothing a stranger sealed is signed by a pinned vendor
    assert len(report.rejected) + report.unrecorded >= 1
    assert all(r.reason and "\n" not in r.reason for r in report.rejected)
    after = market_store.get_cast(vault.reader, record.id, RELAY)
    assert after is not None and (after.messages_read, after.offers_read_to) == (1, 7)


LISTENER = RelayVendors(make_vendors([generate_signing_key()], funnel_catalog()), funnel_catalog())


@settings(max_examples=examples(200), deadline=None)
@given(
    st.one_of(RAW_NASTY, JSON_VALUES.map(_json_bytes), st.binary(max_size=200)),
    st.sampled_from(["", KIND_WITHDRAWAL, "intention", "\x00"]),
)
def test_any_intentions_message_is_refused_alone_by_the_listener(data: bytes, kind: str) -> None:
    before = LISTENER.stats.refused
    message = RelayMessage("vrm.intent.any.shoes", data, {"Vrm-Kind": kind}, 1, 0)
    asyncio.run(LISTENER.handle(Relay(RELAY), message))  # never connected: nothing is answered
    assert LISTENER.stats.refused == before + 1
    assert LISTENER.stats.last_refusal and "\n" not in LISTENER.stats.last_refusal
