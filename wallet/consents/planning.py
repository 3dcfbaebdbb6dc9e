"""Planning a grant: what the grant dialog starts from, and the checks every grant passes.

A plan comes from an accepted offer (the fields it requires pre-selected, the optional ones it asks
for listed with their reason but not selected: privacy by default; purposes suggested) or from a
vendor of the directory (every field, none selected). :func:`checked_request` refuses a
request that cannot be granted, saying why, before anything is signed or written.
"""

from __future__ import annotations

from wallet.consents.purposes import PURPOSES
from wallet.consents.records import (
    DAY_SECONDS,
    DEFAULT_DAYS,
    MAX_DAYS,
    GrantPlan,
    GrantRequest,
    PlannedField,
    existing_vendor,
    now_seconds,
    summary_text,
)
from wallet.errors import InvalidInput, NotFound
from wallet.i18n import QT_TRANSLATE_NOOP
from wallet.offers import store as offer_store
from wallet.personal_data import FieldSnapshot
from wallet.personal_data import store as field_store
from wallet.storage.connection import Connection
from wallet.vendors.store import VendorRow
from wallet.wire.models import Offer, SignedOffer


def _offer(connection: Connection, offer_id: str) -> tuple[Offer, str, str]:
    row = offer_store.get_offer(connection, offer_id)
    if row is None:
        raise NotFound(f"There is no offer {offer_id!r}.", cli_hint="`offers list ID` shows them.")
    return SignedOffer.model_validate_json(row.signed).offer, row.vendor_id, row.status


def plan_from_offer(connection: Connection, offer_id: str) -> GrantPlan:
    """Fields the accepted offer requires pre-selected (optional ones not); purposes suggested."""
    offer, vendor_id, status = _offer(connection, offer_id)
    if status != "chosen":
        raise InvalidInput(
            "Consent is given to the vendor of an accepted offer; accept this offer first "
            "or grant directly to the vendor.",
            cli_text="Consent is given to the vendor of an accepted offer; accept this offer "
            "first (`offers accept OFFER_ID`) or grant directly to the vendor.",
        )
    vendor = existing_vendor(connection, vendor_id)
    planned = []
    for wish in offer.dataRequested:
        snapshot = field_store.get(connection, wish.field)
        planned.append(
            PlannedField(
                key=wish.field,
                label=snapshot.label if snapshot else wish.field,
                category_label=snapshot.category_label if snapshot else "",
                present=snapshot is not None,
                required=wish.required,
                # Privacy by default: only what the offer cannot do without starts chosen.
                selected=wish.required and snapshot is not None,
                reason=wish.purpose or "",
                asked=True,
            )
        )
    purposes = (2, 3) if offer.delivery.method == "delivery" else (2,)
    return GrantPlan(
        vendor_id=vendor.id,
        vendor_name=vendor.name,
        offer_id=offer.id,
        item_name=offer.itemOffered.name,
        fields=tuple(planned) + _other_fields(connection, {f.key for f in planned}),
        purposes=purposes,
        days=DEFAULT_DAYS,
        problem=vendor_problem(vendor),
    )


def plan_for_vendor(connection: Connection, vendor_id: str) -> GrantPlan:
    """Every field of the vault, none selected: the consumer picks."""
    vendor = existing_vendor(connection, vendor_id)
    return GrantPlan(
        vendor_id=vendor.id,
        vendor_name=vendor.name,
        offer_id=None,
        item_name=None,
        fields=_other_fields(connection, set()),
        purposes=(2,),
        days=DEFAULT_DAYS,
        problem=vendor_problem(vendor),
    )


def _other_fields(connection: Connection, skip: set[str]) -> tuple[PlannedField, ...]:
    return tuple(
        PlannedField(
            key=snapshot.key,
            label=snapshot.label,
            category_label=snapshot.category_label,
            present=True,
            required=False,
            selected=False,
        )
        for snapshot in field_store.page(connection, offset=0, limit=1000)
        if snapshot.key not in skip
    )


def vendor_problem(vendor: VendorRow) -> str:
    """Why ``vendor`` cannot receive data under a consent now ("" if it can)."""
    if vendor.status != "active":
        return f"The vendor is disabled ({vendor.status_reason or 'no reason given'})."
    if not vendor.inbox_url("consents"):
        return (
            "This vendor publishes no address for disclosures (inbox.consents in its "
            "metadata), so it cannot receive data under a consent."
        )
    return ""


def summary(connection: Connection, request: GrantRequest, *, now: int | None = None) -> str:
    """The plain-language summary of ``request`` (checked as a grant would be)."""
    vendor, snapshots, _ = checked_request(connection, request)
    granted_at = now or now_seconds()
    return summary_text(
        vendor_name=vendor.name,
        labels=[snapshot.label for snapshot in snapshots],
        purposes=request.purposes,
        expires_at=granted_at + request.days * DAY_SECONDS,
    )


def checked_request(
    connection: Connection,
    request: GrantRequest,
    vendors: dict[str, VendorRow] | None = None,
) -> tuple[VendorRow, list[FieldSnapshot], Offer | None]:
    """Refuse a request that cannot be granted, saying why; ``vendors`` caches rows."""
    vendor = (vendors or {}).get(request.vendor_id) or existing_vendor(
        connection, request.vendor_id
    )
    if vendors is not None:
        vendors[vendor.id] = vendor
    problem = vendor_problem(vendor)
    if problem:
        raise InvalidInput(problem)
    if not request.field_keys:
        raise InvalidInput.worded(
            QT_TRANSLATE_NOOP("CoreError", "Choose at least one field to share.")
        )
    if len(set(request.field_keys)) != len(request.field_keys):
        raise InvalidInput.worded(QT_TRANSLATE_NOOP("CoreError", "Each field can be chosen once."))
    snapshots = []
    for key in request.field_keys:
        snapshot = field_store.get(connection, key)
        if snapshot is None:
            raise NotFound(f"There is no field {key!r} in your vault; add it first.")
        snapshots.append(snapshot)
    if not request.purposes:
        raise InvalidInput.worded(QT_TRANSLATE_NOOP("CoreError", "Choose at least one purpose."))
    for number in request.purposes:
        if number not in PURPOSES:
            raise InvalidInput(f"A purpose category is a number from 1 to 16, not {number}.")
    if len(set(request.purposes)) != len(request.purposes):
        raise InvalidInput.worded(
            QT_TRANSLATE_NOOP("CoreError", "Each purpose can be chosen once.")
        )
    if not 1 <= request.days <= MAX_DAYS:
        raise InvalidInput.worded(
            QT_TRANSLATE_NOOP("CoreError", "A consent lasts from 1 to {days} days."), days=MAX_DAYS
        )
    offer = None
    if request.offer_id is not None:
        offer, offer_vendor, status = _offer(connection, request.offer_id)
        if offer_vendor != vendor.id:
            raise InvalidInput.worded(
                QT_TRANSLATE_NOOP("CoreError", "That offer is from another vendor.")
            )
        if status != "chosen":
            raise InvalidInput.worded(
                QT_TRANSLATE_NOOP(
                    "CoreError", "Consent is given for an accepted offer; accept it first."
                )
            )
        missing = [w.field for w in offer.dataRequested if w.required]
        missing = [key for key in missing if key not in request.field_keys]
        if missing:
            raise InvalidInput(
                f"The offer needs {', '.join(missing)} to be fulfilled; include "
                f"{'it' if len(missing) == 1 else 'them'}, or grant without the offer."
            )
    return vendor, snapshots, offer
