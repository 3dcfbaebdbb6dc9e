"""The vendor directory: metadata fetched from ``/.well-known/vrm-vendor.json``, keys pinned on
first use, changed keys held back until the user approves them, import and export of the list.

Trust model (TOFU, like SSH): the first key seen for a vendor id is pinned together with the
metadata URL it came from. A later fetch from that URL with the same key refreshes the details;
a different key is *not* used, only recorded as pending until
:meth:`VendorDirectory.approve_key_change`; the same id announced from another URL is refused,
so a stranger's document cannot redirect a vendor's inbox. Keys enter only through
:func:`~wallet.crypto.signing.verifying_key_from_jwk` (32 bytes, a valid point, none of the 8
small-order points).
"""

from __future__ import annotations

import builtins
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.crypto.signing import VerifyingKey, verifying_key_from_jwk
from wallet.errors import InvalidInput, InvalidKey, NotFound, WalletError
from wallet.files import atomic_write_bytes, read_bounded
from wallet.outbox import store as outbox_store
from wallet.terminal import label_problem
from wallet.transport import Transport, TransportFailure, check_url
from wallet.vault.facade import Vault
from wallet.vendors import store
from wallet.vendors.entries import VendorEntry
from wallet.vendors.store import VendorRow
from wallet.wire.models import MAX_WIRE_BYTES, VendorMetadata
from wallet.wire.signing import WireFormatError, load_json

WELL_KNOWN_PATH = "/.well-known/vrm-vendor.json"
MAX_METADATA_BYTES = 64 * 1024
MAX_LIST_BYTES = 16 * 1024 * 1024
MAX_LIST_VENDORS = 10_000
MAX_URL_CHARS = 2000
LIST_TYPE = "VrmVendorList"
LIST_VERSION = 1
# Imports of more vendors than this are logged with their number instead of their ids.
MAX_NAMED_IMPORTED = 20
_FIELD_NAME = re.compile(r"@?[A-Za-z_][A-Za-z0-9_]{0,63}")
AddOutcome = Literal["added", "updated", "key_change_pending", "unchanged"]


class MetadataError(InvalidInput):
    """A vendor metadata document could not be fetched or is not valid."""


@dataclass(frozen=True, slots=True)
class FetchedMetadata:
    """A validated metadata document, its key (already checked) and where it came from."""

    url: str
    metadata: VendorMetadata
    key: VerifyingKey

    @property
    def fingerprint(self) -> str:
        return self.key.fingerprint


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`VendorDirectory.add` did; ``key_change_pending`` means nothing was trusted."""

    outcome: AddOutcome
    vendor: VendorRow


@dataclass(frozen=True, slots=True)
class AddPreview:
    """What :meth:`VendorDirectory.add` would do with ``fetched``, for the person to confirm."""

    fetched: FetchedMetadata
    outcome: AddOutcome


@dataclass(frozen=True, slots=True)
class ImportReport:
    """Vendors added or refreshed, and the entries refused with the reason (1-based index)."""

    added: tuple[str, ...]
    updated: tuple[str, ...]
    refused: tuple[tuple[int, str], ...]


def metadata_url_for(url: str) -> str:
    """The well-known document URL for a site URL; a full document URL is kept as is."""
    url = url.strip()
    if url.endswith(".json"):
        return url
    return url.rstrip("/") + WELL_KNOWN_PATH


def _where(location: tuple[Any, ...]) -> str:
    """A validation error's location: field names and list indexes; anything else (a member
    named by the sender) is not spelled out."""
    parts = [
        str(part) if isinstance(part, int) or _FIELD_NAME.fullmatch(str(part)) else "(a member)"
        for part in location
    ]
    return ".".join(parts) or "the document"


def validation_problem(exc: ValidationError) -> str:
    """The first problem pydantic found, as ``where: what``, in the wallet's own words.

    An unknown member is not named by its spelling: that is the sender's text, which may hold
    escape sequences or personal data echoed back, and such reasons are stored and shown.
    """
    error = exc.errors(include_url=False)[0]
    location = tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        return f"{_where(location[:-1])}: a member that is not part of the format"
    return f"{_where(location)}: {error['msg']}"


def _texts(value: object, where: str) -> Iterator[tuple[str, str]]:
    """Every string in a validated document's JSON, with where it is (``inbox.offers``)."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, Mapping):
        for name, item in value.items():
            yield from _texts(item, f"{where}.{name}" if where else str(name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{where}[{index}]")


def _check_plain_text(metadata: VendorMetadata, url: str) -> None:
    """Refuse control characters and lone surrogates anywhere in the document.

    A name, contact, category or address is one line of plain text: a newline or an escape
    sequence there can only forge lines (a fake URL or key fingerprint) on a terminal, and a lone
    surrogate cannot even be stored.
    """
    for where, text in _texts(metadata.wire(), ""):
        problem = label_problem(text)
        if problem is not None:
            raise MetadataError(
                f"The vendor metadata at {url} has {problem} in {where}; names, contacts, "
                "categories and addresses must be plain one-line text, so it was refused."
            )


def parse_metadata(document: object, *, url: str) -> FetchedMetadata:
    """Validate a metadata document (already parsed JSON); :class:`MetadataError` if not valid."""
    if not isinstance(document, Mapping):
        raise MetadataError(f"The vendor metadata at {url} is not a JSON object.")
    jwk = document.get("publicKey")
    try:
        key = verifying_key_from_jwk(jwk if isinstance(jwk, Mapping) else {})
    except InvalidKey as exc:
        raise InvalidKey(f"The vendor metadata at {url} has an unusable key: {exc}") from None
    try:
        metadata = VendorMetadata.model_validate(dict(document))
    except ValidationError as exc:
        raise MetadataError(
            f"The vendor metadata at {url} is not a valid VRM vendor document "
            f"({validation_problem(exc)})."
        ) from None
    _check_plain_text(metadata, url)
    for inbox in (metadata.inbox.intentions, metadata.inbox.offers):
        check_url(inbox)
    return FetchedMetadata(url=url, metadata=metadata, key=key)


def parse_metadata_bytes(data: bytes, *, url: str) -> FetchedMetadata:
    if len(data) > MAX_METADATA_BYTES:
        raise MetadataError(
            f"The vendor metadata at {url} is larger than {MAX_METADATA_BYTES // 1024} KiB; "
            "it is not a VRM vendor document."
        )
    try:
        document = load_json(data, max_bytes=MAX_METADATA_BYTES, what="metadata document")
    except WireFormatError as exc:
        raise MetadataError(f"The vendor metadata at {url} is not valid: {exc}") from None
    return parse_metadata(document, url=url)


async def fetch_metadata(transport: Transport, url: str) -> FetchedMetadata:
    """GET and validate a vendor's metadata document (``url`` may be the site or the document)."""
    url = metadata_url_for(url)
    check_metadata_url(url)
    result = await transport.get(url, max_body_bytes=min(MAX_METADATA_BYTES, MAX_WIRE_BYTES))
    if result.failure == "too_large":
        raise MetadataError(
            f"The vendor metadata at {url} is larger than {MAX_METADATA_BYTES // 1024} KiB; "
            "it is not a VRM vendor document."
        )
    if result.failure:
        raise MetadataError(f"Could not fetch the vendor metadata at {url}: {result.message}.")
    if result.status != 200:
        raise MetadataError(
            f"The vendor metadata at {url} could not be fetched: the server answered "
            f"HTTP {result.status}. Check the address."
        )
    try:
        return parse_metadata_bytes(result.body, url=url)
    except TransportFailure as exc:  # pragma: no cover - parse_metadata_bytes parses itself
        raise MetadataError(str(exc)) from None


def _now() -> datetime:
    return datetime.now(UTC)


class VendorDirectory:
    """The vendors of one unlocked vault (same thread rules as the vault)."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def list(self) -> list[VendorRow]:
        return store.all_vendors(self._vault.reader)

    def get(self, vendor_id: str) -> VendorRow:
        vendor = store.get(self._vault.reader, vendor_id)
        if vendor is None:
            raise NotFound(
                f"There is no vendor {vendor_id!r} in your directory.",
                cli_hint="`vendor list` shows them.",
            )
        return vendor

    def entries(self) -> builtins.list[VendorEntry]:
        """Every vendor with the fingerprints of its keys, by name."""
        return [VendorEntry.of(vendor) for vendor in self.list()]

    def entry(self, vendor_id: str) -> VendorEntry:
        return VendorEntry.of(self.get(vendor_id))

    def preview(self, fetched: FetchedMetadata) -> AddOutcome:
        """What :meth:`add` would do with ``fetched`` (for a confirmation prompt)."""
        existing = store.get(self._vault.reader, fetched.metadata.id)
        return self._outcome(existing, fetched)

    def preview_add(self, fetched: FetchedMetadata) -> AddPreview:
        """:meth:`preview` together with what was fetched, to hand to a confirmation."""
        return AddPreview(fetched, self.preview(fetched))

    def _outcome(self, existing: VendorRow | None, fetched: FetchedMetadata) -> AddOutcome:
        if existing is None:
            return "added"
        if existing.metadata_url != fetched.url:
            raise InvalidInput(
                f"A vendor with the id {existing.id!r} ({existing.name}) is already in your "
                f"directory from {existing.metadata_url}; the document at {fetched.url} claims "
                "the same id, so it was refused. Remove the existing vendor first if it moved."
            )
        if existing.kid != fetched.key.kid:
            return "key_change_pending"
        if existing.metadata == fetched.metadata.wire() and existing.status == "active":
            return "unchanged"
        return "updated"

    def add(self, fetched: FetchedMetadata) -> AddResult:
        """Pin a new vendor, refresh a known one, or hold back a changed key for approval."""
        now = _now()
        metadata = fetched.metadata.wire()
        vendor_id = fetched.metadata.id
        with self._vault.write() as connection:
            outcome = self._outcome(store.get(connection, vendor_id), fetched)
            if outcome == "key_change_pending":
                store.set_pending(connection, vendor_id, metadata, now)
                self._vault.record(
                    connection,
                    ActivityEvent(
                        activity.VENDOR_KEY_CHANGE_REFUSED,
                        result=activity.NOT_COMPLETED,
                        party=vendor_id,
                        reason="the vendor presented a different key; waiting for approval",
                    ),
                )
            elif outcome != "unchanged":
                store.upsert(
                    connection,
                    metadata=metadata,
                    metadata_url=fetched.url,
                    kid=fetched.key.kid,
                    status="active",
                    now=now,
                )
                event = activity.VENDOR_ADDED if outcome == "added" else activity.VENDOR_UPDATED
                self._vault.record(connection, ActivityEvent(event, party=vendor_id))
            if outcome != "unchanged":
                self._vault.note_changed(Part.VENDORS)
            vendor = store.get(connection, vendor_id)
        assert vendor is not None
        return AddResult(outcome, vendor)

    def approve_key_change(self, vendor_id: str) -> VendorRow:
        """Trust the pending key (and the metadata it came with) instead of the pinned one."""
        with self._vault.write() as connection:
            vendor = store.get(connection, vendor_id)
            if vendor is None:
                raise NotFound(f"There is no vendor {vendor_id!r} in your directory.")
            if vendor.pending_metadata is None:
                raise InvalidInput(f"Vendor {vendor_id!r} has no key change waiting for approval.")
            fetched = parse_metadata(vendor.pending_metadata, url=vendor.metadata_url)
            store.upsert(
                connection,
                metadata=fetched.metadata.wire(),
                metadata_url=vendor.metadata_url,
                kid=fetched.key.kid,
                status="active",
                now=_now(),
            )
            self._vault.record(
                connection, ActivityEvent(activity.VENDOR_KEY_CHANGE_APPROVED, party=vendor_id)
            )
            self._vault.note_changed(Part.VENDORS)
            updated = store.get(connection, vendor_id)
        assert updated is not None
        return updated

    def remove(self, vendor_id: str) -> int:
        """Remove a vendor; its undelivered messages are cancelled. Returns how many were."""
        with self._vault.write() as connection:
            if not store.delete(connection, vendor_id):
                raise NotFound(f"There is no vendor {vendor_id!r} in your directory.")
            cancelled = outbox_store.cancel_for_vendor(
                connection, vendor_id, "the vendor was removed from the directory"
            )
            self._vault.record(connection, ActivityEvent(activity.VENDOR_REMOVED, party=vendor_id))
            self._vault.note_changed(Part.VENDORS)
            if cancelled:
                self._vault.note_changed(Part.OUTBOX)
        return cancelled

    # ---------------------------------------------------------------- import and export

    def export_file(self, path: Path, *, force: bool = False) -> int:
        """Write the directory as a vendor list JSON (atomic, mode 0600); returns the count."""
        path = Path(path)
        if path.exists() and not force:
            raise WalletError(f"{path} already exists.", cli_hint="pass --force to replace it.")
        vendors = self.list()
        document = {
            "type": LIST_TYPE,
            "version": LIST_VERSION,
            "exported": _now().isoformat(timespec="seconds").replace("+00:00", "Z"),
            "vendors": [
                {"metadataUrl": vendor.metadata_url, "kid": vendor.kid, "metadata": vendor.metadata}
                for vendor in vendors
            ],
        }
        data = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        atomic_write_bytes(path, data)
        with self._vault.write() as connection:
            self._vault.record(
                connection,
                ActivityEvent(activity.VENDORS_EXPORTED, reason=f"{len(vendors)} vendors"),
            )
        return len(vendors)

    def import_file(self, path: Path) -> ImportReport:
        """Add the vendors of a vendor list JSON; bad entries are reported, not imported.

        A vendor already pinned with another key or from another URL is refused (re-add it from
        its URL to review the change); nothing of a refused entry is stored.
        """
        try:
            data = read_bounded(Path(path), max_bytes=MAX_LIST_BYTES, what="vendor list")
        except FileNotFoundError:
            raise InvalidInput(f"The vendor list {path} does not exist; check the path.") from None
        entries = _list_entries(data, path)
        accepted: list[tuple[int, FetchedMetadata]] = []
        refused: list[tuple[int, str]] = []
        seen: set[str] = set()
        for index, entry in enumerate(entries, start=1):
            try:
                fetched = self._parse_entry(entry)
                if fetched.metadata.id in seen:
                    raise InvalidInput(f"vendor {fetched.metadata.id!r} is listed twice")
                seen.add(fetched.metadata.id)
            except WalletError as exc:
                refused.append((index, str(exc)))
                continue
            accepted.append((index, fetched))
        added: list[str] = []
        updated: list[str] = []
        now = _now()
        with self._vault.write() as connection:
            for index, fetched in accepted:
                try:
                    outcome = self._outcome(store.get(connection, fetched.metadata.id), fetched)
                except InvalidInput as exc:
                    refused.append((index, str(exc)))
                    continue
                if outcome == "key_change_pending":
                    refused.append(
                        (
                            index,
                            f"vendor {fetched.metadata.id!r} is pinned with another key; add it "
                            "from its URL to review the change",
                        )
                    )
                    continue
                if outcome == "unchanged":
                    continue
                store.upsert(
                    connection,
                    metadata=fetched.metadata.wire(),
                    metadata_url=fetched.url,
                    kid=fetched.key.kid,
                    status="active",
                    now=now,
                )
                (added if outcome == "added" else updated).append(fetched.metadata.id)
            changed = added + updated
            if changed:
                self._vault.note_changed(Part.VENDORS)
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.VENDORS_IMPORTED,
                    field_names=tuple(changed) if len(changed) <= MAX_NAMED_IMPORTED else (),
                    reason=f"{len(added)} added, {len(updated)} updated, {len(refused)} refused",
                ),
            )
        return ImportReport(tuple(added), tuple(updated), tuple(sorted(refused)))

    @staticmethod
    def _parse_entry(entry: object) -> FetchedMetadata:
        if not isinstance(entry, dict):
            raise InvalidInput("the entry is not a JSON object")
        url = entry.get("metadataUrl")
        if not isinstance(url, str):
            raise InvalidInput("the entry has no 'metadataUrl'")
        check_metadata_url(url)
        fetched = parse_metadata(entry.get("metadata"), url=url)
        kid = entry.get("kid")
        if kid is not None and kid != fetched.key.kid:
            raise InvalidInput("its 'kid' does not match its public key")
        return fetched


def check_metadata_url(url: str) -> None:
    """Refuse a metadata URL that is too long, not one line of text, or not usable."""
    if len(url) > MAX_URL_CHARS:
        raise InvalidInput(f"A metadata URL is at most {MAX_URL_CHARS} characters.")
    problem = label_problem(url)
    if problem is not None:
        raise InvalidInput(f"The metadata URL has {problem}; check the address.")
    check_url(url)


def _list_entries(data: bytes, path: Path) -> list[Any]:
    """The ``vendors`` array of a vendor list file (bounded JSON), or :class:`InvalidInput`."""
    try:
        document = load_json(data, max_bytes=MAX_LIST_BYTES, what="vendor list")
    except WireFormatError as exc:
        raise InvalidInput(f"{path} is not a vendor list: {exc}") from None
    if (
        not isinstance(document, dict)
        or document.get("type") != LIST_TYPE
        or not isinstance(document.get("vendors"), list)
    ):
        raise InvalidInput(
            f"{path} is not a VRM vendor list (expected type {LIST_TYPE!r} and a 'vendors' array)."
        )
    version = document.get("version")
    if type(version) is not int or version != LIST_VERSION:
        raise InvalidInput(
            f"{path} is a vendor list of another version; this app reads version {LIST_VERSION}."
        )
    entries: list[Any] = document["vendors"]
    if len(entries) > MAX_LIST_VENDORS:
        raise InvalidInput(f"{path} lists more than {MAX_LIST_VENDORS} vendors.")
    return entries
