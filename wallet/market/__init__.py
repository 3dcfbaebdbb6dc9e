"""The open market (issue 15): intentions cast to a NATS relay, sealed offers read back.

:mod:`wallet.market.cast` publishes (and withdraws) an intention on a relay and records where;
:mod:`wallet.market.follow` reads the sealed offers that came back, opens them and hands them to
the same checks and storage as offers over HTTP; :mod:`wallet.market.meet` meets the vendors
outside the directory whose sealed offers name their metadata (kept by
:mod:`wallet.vendors.met` until accepting an offer pins them). The relay itself is reached only
through :mod:`wallet.relay` (the one home of ``nats-py``); the protocol is in docs/protocol.md,
"Relay (NATS)", and the relay's trust model in docs/security.md.
"""

from __future__ import annotations

from wallet.market.cast import CastReport, cast_intention, relay_casts, withdraw_on_relays
from wallet.market.follow import FollowReport, follow_offers

__all__ = [
    "CastReport",
    "FollowReport",
    "cast_intention",
    "follow_offers",
    "relay_casts",
    "withdraw_on_relays",
]
