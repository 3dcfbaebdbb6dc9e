"""The intention-economy wire formats: vendor metadata, intentions, offers and their signatures.

See ``docs/protocol.md`` for how they travel over HTTP.
"""

from wallet.wire.models import (
    MAX_WIRE_BYTES,
    Intention,
    Offer,
    OfferList,
    SignedIntention,
    SignedOffer,
    VendorMetadata,
)
from wallet.wire.signing import (
    WireFormatError,
    parse_wire,
    sign_intention,
    sign_offer,
    verify_signed_intention,
    verify_signed_offer,
    wire_bytes,
)

__all__ = [
    "MAX_WIRE_BYTES",
    "Intention",
    "Offer",
    "OfferList",
    "SignedIntention",
    "SignedOffer",
    "VendorMetadata",
    "WireFormatError",
    "parse_wire",
    "sign_intention",
    "sign_offer",
    "verify_signed_intention",
    "verify_signed_offer",
    "wire_bytes",
]
