"""The vendor directory: pinned keys, inbox URLs and what each vendor accepts."""

from wallet.vendors.directory import (
    WELL_KNOWN_PATH,
    AddOutcome,
    AddPreview,
    AddResult,
    FetchedMetadata,
    ImportReport,
    MetadataError,
    VendorDirectory,
    fetch_metadata,
    metadata_url_for,
    parse_metadata,
    parse_metadata_bytes,
)
from wallet.vendors.entries import VendorEntry, pinned_fingerprint
from wallet.vendors.store import VendorRow, VendorStatus

__all__ = [
    "WELL_KNOWN_PATH",
    "AddOutcome",
    "AddPreview",
    "AddResult",
    "FetchedMetadata",
    "ImportReport",
    "MetadataError",
    "VendorDirectory",
    "VendorEntry",
    "VendorRow",
    "VendorStatus",
    "fetch_metadata",
    "metadata_url_for",
    "parse_metadata",
    "parse_metadata_bytes",
    "pinned_fingerprint",
]
