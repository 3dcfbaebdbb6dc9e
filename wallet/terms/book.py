"""The consumer's terms in the vault: compose and sign versions, export them, keep agreements.

``TermsBook(vault)`` is a thin service over the vault's building blocks; like the vault it must
be used on the thread that opened the vault. Saved versions are never changed: each save is a
new version with its canonical bytes, hash and signature stored as they were made, so an older
version reads and verifies exactly as it did the day it was sent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.crypto.signing import SigningKey, VerifyingKey
from wallet.errors import InvalidInput, NotFound, WalletError
from wallet.files import atomic_write_bytes
from wallet.terms import store
from wallet.terms.catalogue import Catalogue, load_catalogue
from wallet.terms.compose import (
    ClauseChoice,
    TermsDiff,
    build_clauses,
    check_agreement,
    diff_documents,
    new_document,
    render_document,
)
from wallet.terms.records import KeptAgreement, StoredAgreement, parse_kept
from wallet.terms.signing import AgreementRefused, sign_document, verify_agreement
from wallet.vault.facade import Vault
from wallet.wire.signing import load_json
from wallet.wire.terms import (
    AgreementRecord,
    Language,
    PublicJwk,
    SignedTerms,
    TermsDocument,
    TermsRequirement,
    parse_utc_timestamp,
)

KEY_PURPOSE = "terms"
MAX_REASON = 200
# The terms travel inside every intention (at most 256 KiB on the wire), with room to spare.
MAX_TERMS_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class TermsVersion:
    """A saved version: the document and how it was hashed and signed."""

    document: TermsDocument
    sha256: str
    signature: str
    public_key: VerifyingKey

    @property
    def version(self) -> int:
        return self.document.version

    @property
    def issued(self) -> datetime:
        return parse_utc_timestamp(self.document.issued)

    @property
    def kid(self) -> str:
        return self.public_key.kid

    @property
    def fingerprint(self) -> str:
        return self.public_key.fingerprint

    def requirement(self) -> TermsRequirement:
        """What an intention carries: the proffered agreement, the hash, the document itself."""
        agreement = self.document.agreement
        return TermsRequirement(
            agreements=[agreement] if agreement else [], sha256=self.sha256, document=self.document
        )

    def signed(self) -> SignedTerms:
        return SignedTerms(
            document=self.document,
            sha256=self.sha256,
            signature=self.signature,
            publicKey=PublicJwk.model_validate(self.public_key.jwk),
            kid=self.kid,
        )


class TermsBook:
    """The consumer's terms versions and the vendors' agreements to them, in one vault."""

    def __init__(self, vault: Vault, *, catalogue: Catalogue | None = None) -> None:
        self._vault = vault
        self._catalogue = catalogue

    # ------------------------------------------------------------------ catalogue

    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = load_catalogue()
        return self._catalogue

    # ------------------------------------------------------------------ versions

    def compose(
        self,
        clauses: Sequence[ClauseChoice],
        *,
        language: Language,
        agreement: str | None = None,
    ) -> TermsVersion:
        """Validate the roster ``agreement`` and ``clauses``, then save, hash and sign them as
        the next version."""
        catalogue = self.catalogue()
        agreement = check_agreement(agreement)
        built = build_clauses(clauses, catalogue, agreement=agreement)
        with self._vault.write() as connection:
            key = self._terms_key(connection)
            number = store.next_version(connection)
            document = new_document(
                built, version=number, language=language, catalogue=catalogue, agreement=agreement
            )
            signed = sign_document(document, key)
            if len(signed.canonical) > MAX_TERMS_BYTES:
                raise InvalidInput(
                    f"These terms are {len(signed.canonical) // 1024} KiB; terms travel with "
                    f"every intention and can be at most {MAX_TERMS_BYTES // 1024} KiB. Shorten "
                    "the free-text clauses."
                )
            store.add_version(
                connection,
                store.VersionRow(
                    number, signed.canonical, signed.sha256, signed.signature, key.kid
                ),
                document_id=document.id,
                issued=document.issued,
                language=language,
            )
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.TERMS_SAVED,
                    field_names=_clause_names(document),
                    reason=f"version {number}",
                ),
            )
            self._vault.note_changed(Part.TERMS)
        return TermsVersion(document, signed.sha256, signed.signature, key.verifying_key)

    def _terms_key(self, connection: Any) -> SigningKey:
        key = self._vault.latest_signing_key(KEY_PURPOSE)
        return key if key is not None else self._vault.new_signing_key(connection, purpose="terms")

    def versions(self) -> list[TermsVersion]:
        """Every saved version, oldest first."""
        return [self._loaded(row) for row in store.versions(self._vault.reader)]

    def version(self, number: int) -> TermsVersion:
        row = store.version(self._vault.reader, number)
        if row is None:
            raise NotFound(f"There is no terms version {number}.", cli_hint="see `terms versions`.")
        return self._loaded(row)

    def latest(self) -> TermsVersion | None:
        row = store.latest(self._vault.reader)
        return self._loaded(row) if row else None

    def _resolve(self, number: int | None) -> TermsVersion:
        if number is not None:
            return self.version(number)
        latest = self.latest()
        if latest is None:
            raise NotFound(
                "You have no terms yet.", cli_hint="compose them first (`terms compose`)."
            )
        return latest

    def _loaded(self, row: store.VersionRow) -> TermsVersion:
        document = TermsDocument.model_validate_json(row.canonical)
        key = self._vault.signing_key(row.kid).verifying_key
        return TermsVersion(document, row.sha256, row.signature, key)

    def render(self, version: int | TermsVersion | None, language: Language) -> str:
        """The full text of a version (default the latest) in ``language``."""
        chosen = version if isinstance(version, TermsVersion) else self._resolve(version)
        return render_document(chosen.document, language, self.catalogue())

    def diff(self, before: int, after: int) -> TermsDiff:
        return diff_documents(self.version(before).document, self.version(after).document)

    # ------------------------------------------------------------------ export

    def export(self, version: int | None = None) -> SignedTerms:
        """The signed export of a version (default the latest); the export is logged."""
        chosen = self._resolve(version)
        with self._vault.write() as connection:
            self._vault.record(
                connection,
                ActivityEvent(activity.TERMS_EXPORTED, reason=f"version {chosen.version}"),
            )
        return chosen.signed()

    def export_to_file(
        self, path: Path, *, version: int | None = None, overwrite: bool = False
    ) -> SignedTerms:
        """Write the export as JSON to ``path`` (atomically); an existing file needs overwrite."""
        path = Path(path)
        if path.is_dir():
            raise InvalidInput(f"{path} is a directory; give a file name for the export.")
        if path.exists() and not overwrite:
            raise InvalidInput(f"{path} already exists; choose another name or allow replacing.")
        signed = self.export(version)
        text = json.dumps(signed.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
        atomic_write_bytes(path, text.encode("utf-8"))
        return signed

    # ------------------------------------------------------------------ agreements

    def store_agreement(self, record: AgreementRecord | Mapping[str, Any] | str) -> StoredAgreement:
        """Verify a vendor's acceptance and keep it; refuse (and log the refusal) otherwise.

        Stored only if the vendor key is a sound Ed25519 key, its signature covers exactly this
        record, and the accepted hash is one of our saved versions. Storing the same record again
        returns the stored one.
        """
        party = _vendor_name(record)
        try:
            parsed = _parse_record(record)
            verify_agreement(parsed, received=_as_received(record))
            number = store.version_of_hash(self._vault.reader, parsed.terms_sha256)
            if number is None:
                raise NotFound(
                    f"It accepts terms {parsed.terms_sha256[:12]}…, which are none of your saved "
                    "versions."
                )
        except WalletError as exc:
            reason = f"The agreement was refused: {exc}"
            with self._vault.write() as connection:
                self._vault.record(
                    connection,
                    ActivityEvent(
                        activity.AGREEMENT_REFUSED,
                        result=activity.NOT_COMPLETED,
                        party=party,
                        reason=str(exc)[:MAX_REASON],
                    ),
                )
            raise AgreementRefused(reason) from None
        return self._keep(parsed, number)

    def _keep(self, record: AgreementRecord, number: int) -> StoredAgreement:
        existing = store.find_agreement(
            self._vault.reader,
            vendor_id=record.vendor.id,
            terms_sha256=record.terms_sha256,
            accepted_at=record.accepted_at,
        )
        if existing is not None:
            return stored_of(existing, number)
        with self._vault.write() as connection:
            row_id, now = keep_agreement(self._vault, connection, KeptAgreement(record=record))
            self._vault.record(
                connection,
                ActivityEvent(
                    activity.AGREEMENT_STORED,
                    party=record.vendor.name,
                    reason=f"accepts version {number}",
                ),
            )
        return StoredAgreement(row_id, KeptAgreement(record=record), number, now)

    def agreements(self) -> list[StoredAgreement]:
        """Stored agreements and counter-offers, oldest first, each with the version it accepts
        (None for a counter-offer's terms) and the roster agreement of those terms."""
        reader = self._vault.reader
        documents = {row.sha256: row for row in store.versions(reader)}
        result = []
        for row in store.agreements(reader):
            kept = parse_kept(row.record)
            own = documents.get(kept.terms_sha256)
            if own is not None:
                agreement = TermsDocument.model_validate_json(own.canonical).agreement
            else:
                agreement = kept.counter.agreement if kept.counter is not None else None
            number = own.version if own is not None else None
            result.append(StoredAgreement(row.id, kept, number, row.stored_at, agreement))
        return result


def keep_agreement(vault: Vault, connection: Any, kept: KeptAgreement) -> tuple[int, datetime]:
    """Insert ``kept`` (already verified) inside the caller's write transaction."""
    now = datetime.now(UTC)
    row_id = store.add_agreement(
        connection,
        vendor_id=kept.vendor_id,
        vendor_name=kept.vendor_name,
        terms_sha256=kept.terms_sha256,
        accepted_at=kept.accepted_at,
        record=kept.model_dump_json(exclude_none=True),
        stored_at=now,
    )
    vault.note_changed(Part.TERMS)
    return row_id, now


def stored_of(row: store.AgreementRow, number: int | None = None) -> StoredAgreement:
    return StoredAgreement(row.id, parse_kept(row.record), number, row.stored_at)


def _clause_names(document: TermsDocument) -> tuple[str, ...]:
    """The agreement and clause ids (names, never parameter values or free text) for the log."""
    clauses = tuple(getattr(clause, "id", "free text") for clause in document.clauses)
    return (document.agreement, *clauses) if document.agreement else clauses


def _parse_record(record: AgreementRecord | Mapping[str, Any] | str) -> AgreementRecord:
    if isinstance(record, AgreementRecord):
        return record
    try:
        if isinstance(record, str):
            return AgreementRecord.model_validate_json(record)
        return AgreementRecord.model_validate(record)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the record"
        raise InvalidInput(
            f"It is not a valid agreement record ({where}: {first['msg']})."
        ) from None


def _as_received(record: AgreementRecord | Mapping[str, Any] | str) -> Mapping[str, Any] | None:
    """The record's JSON object as it arrived (what its signature is checked against, by the
    signing rule), or ``None`` for a record built here."""
    if isinstance(record, AgreementRecord):
        return None
    if isinstance(record, str):
        loaded = load_json(record.encode("utf-8"), what="agreement record")
        return loaded if isinstance(loaded, dict) else None
    return record


def _vendor_name(record: AgreementRecord | Mapping[str, Any] | str) -> str:
    """Who to name in the log for a refusal, as far as the (unverified) record says."""
    if isinstance(record, AgreementRecord):
        return record.vendor.name[:MAX_REASON]
    try:
        data = json.loads(record) if isinstance(record, str) else record
        name = data["vendor"]["name"]
    except (ValueError, KeyError, TypeError):
        return "unknown vendor"
    return str(name)[:MAX_REASON] if name else "unknown vendor"
