"""Exporting consent receipts: the signed compact JWS, readable JSON with both signatures and the
vendor's termination receipt, or a DPV / ISO 27560-style record; every export is logged.

The readable JSON keeps exactly what was signed (the signing rule): the receipt is the object in
the payload of the consumer's JWS and the termination receipt the object in the payload of the
vendor's, re-read from those payloads, never a model dumped again (which would add members,
such as ``null`` ones, that no signature covers).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.consents.queries import consent, consents
from wallet.consents.receipts import dpv_record
from wallet.consents.records import ConsentRecord
from wallet.crypto.signing import unverified_payload
from wallet.errors import InvalidInput
from wallet.files import atomic_write_bytes
from wallet.vault.facade import Vault


def receipt_bytes(vault: Vault, consent_id: str, *, format: str = "jws") -> bytes:
    """One receipt as the signed compact JWS, or as readable JSON with both signatures."""
    record = consent(vault, consent_id)
    if format == "jws":
        return record.row.receipt_jws.encode("ascii") + b"\n"
    if format == "json":
        return _readable(record)
    if format == "dpv":
        return _pretty(_dpv(record))
    raise InvalidInput("The receipt format is jws, json or dpv.")


def _readable(record: ConsentRecord) -> bytes:
    row = record.row
    document = {
        "receipt": json.loads(unverified_payload(row.receipt_jws)),
        "status": row.status,
        "signatures": {
            "consumer": row.receipt_jws,
            "vendor": row.countersignature,
        },
        "termination": _as_signed(row.termination) if row.termination else None,
    }
    return _pretty(document)


def _as_signed(stored: str) -> dict[str, Any]:
    """A kept acknowledgement as its signer signed it: ``{"acknowledgement": <the object in its
    JWS payload>, "signature": <that JWS>}`` (answers kept by older versions of the wallet may
    carry members the vendor never sent; its signature's payload does not)."""
    signature = json.loads(stored)["signature"]
    return {"acknowledgement": json.loads(unverified_payload(signature)), "signature": signature}


def _dpv(record: ConsentRecord) -> dict[str, object]:
    return dpv_record(
        record.receipt,
        status=record.status,
        ended_at=record.row.ended_at,
        vendor_name=record.vendor_name,
        acknowledged_at=record.row.acknowledged_at,
    )


def export_receipt(vault: Vault, consent_id: str, target: Path, *, format: str = "jws") -> Path:
    """Write one receipt to ``target`` (see :func:`receipt_bytes`) and log it."""
    data = receipt_bytes(vault, consent_id, format=format)
    atomic_write_bytes(target, data)
    record = consent(vault, consent_id)
    _log_export(vault, record.row.vendor_id, f"receipt as {format}")
    return target


def export_all(vault: Vault, directory: Path) -> list[Path]:
    """Every consent's receipt as ``<id>.jws``, ``<id>.json`` and ``<id>.dpv.json``."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for record in consents(vault):
        for suffix, form in ((".jws", "jws"), (".json", "json"), (".dpv.json", "dpv")):
            target = directory / f"{record.id}{suffix}"
            atomic_write_bytes(target, receipt_bytes(vault, record.id, format=form))
            written.append(target)
    _log_export(vault, "you", f"{len(written) // 3} consent(s) exported")
    return written


def _log_export(vault: Vault, party: str, reason: str) -> None:
    with vault.write() as connection:
        vault.record(
            connection, ActivityEvent(activity.CONSENT_EXPORTED, party=party, reason=reason)
        )


def _pretty(document: object) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
