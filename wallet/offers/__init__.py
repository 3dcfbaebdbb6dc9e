"""Vendors' offers: verified ingestion, the funnel (remove with reasons, rank with weights) and
accepting one."""

from wallet.offers.book import AcceptResult, FunnelView, OfferBook, StoredOffer
from wallet.offers.funnel import (
    REMOVAL_CODES,
    FunnelResult,
    FunnelWeights,
    Ranked,
    Removal,
    RemovalCode,
    removal_reason,
    run_funnel,
)
from wallet.offers.ingest import (
    IngestReport,
    Rejection,
    RejectionCode,
    fetch_offers,
    ingest_body,
    ingest_delivered,
)

__all__ = [
    "REMOVAL_CODES",
    "AcceptResult",
    "FunnelResult",
    "FunnelView",
    "FunnelWeights",
    "IngestReport",
    "OfferBook",
    "Ranked",
    "Rejection",
    "RejectionCode",
    "Removal",
    "RemovalCode",
    "StoredOffer",
    "fetch_offers",
    "ingest_body",
    "ingest_delivered",
    "removal_reason",
    "run_funnel",
]
