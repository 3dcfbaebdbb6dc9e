"""Updates: a changed field's new value, sent to exactly the vendors holding it.

Only active consents whose scope holds the field are sent the value (a ``DisclosureUpdate``
through the outbox, signed by the pairwise key); the others are skipped with a reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from wallet import activity
from wallet.activity import ActivityEvent
from wallet.changes import Part
from wallet.consents import store
from wallet.consents.ending import expire_due
from wallet.consents.granting import queue_disclosure
from wallet.consents.planning import vendor_problem
from wallet.consents.records import (
    KIND_UPDATE,
    Holder,
    NoticeOutcome,
    existing_row,
    now_seconds,
)
from wallet.errors import NotFound
from wallet.personal_data import store as field_store
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store


def holders(vault: Vault, field_key: str) -> list[Holder]:
    """Vendors holding ``field_key`` under an active consent (one entry per consent)."""
    expire_due(vault)
    names = store.vendor_names(vault.reader)
    return [
        Holder(consent_id, vendor_id, names.get(vendor_id, vendor_id))
        for consent_id, vendor_id in store.active_holders(vault.reader, field_key)
    ]


def propagate(
    vault: Vault,
    field_key: str,
    consent_ids: Sequence[str] | None = None,
    *,
    now: int | None = None,
) -> list[NoticeOutcome]:
    """Send the field's current value to the vendors holding it (all active holders, or
    those of ``consent_ids``); consents no longer active are skipped with a reason."""
    expire_due(vault)
    at = now or now_seconds()
    outcomes: list[NoticeOutcome] = []
    with vault.write() as connection:
        snapshot = field_store.get(connection, field_key)
        if snapshot is None:
            raise NotFound(f"There is no field {field_key!r}.")
        holding = dict(store.active_holders(connection, field_key))
        wanted = list(holding) if consent_ids is None else list(dict.fromkeys(consent_ids))
        for consent_id in wanted:
            row = existing_row(connection, consent_id)
            if consent_id not in holding:
                why = (
                    f"the consent is {row.status}"
                    if row.status != "active"
                    else "the field is outside this consent"
                )
                outcomes.append(NoticeOutcome(consent_id, row.vendor_id, False, why))
                continue
            vendor = vendor_store.get(connection, row.vendor_id)
            if vendor is None or vendor_problem(vendor):
                why = "the vendor is gone" if vendor is None else vendor_problem(vendor)
                outcomes.append(NoticeOutcome(consent_id, row.vendor_id, False, why))
                continue
            key = vault.signing_key(row.kid)
            queue_disclosure(
                connection,
                vendor,
                key,
                consent_id,
                row.receipt_jws,
                {field_key: snapshot.value or ""},
                KIND_UPDATE,
                at,
            )
            store.add_event(
                connection, consent_id, at=at, type="update_queued", field_names=(field_key,)
            )
            vault.record(
                connection,
                ActivityEvent(
                    activity.CONSENT_UPDATE_SENT, party=vendor.id, field_names=(field_key,)
                ),
            )
            vault.note_changed(Part.CONSENTS, Part.OUTBOX)  # an update queued, in the history
            outcomes.append(NoticeOutcome(consent_id, vendor.id, True))
    return outcomes
