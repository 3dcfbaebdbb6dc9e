"""``vrm-wallet-cli intent ...`` and ``offers ...``: create, broadcast and withdraw intentions;
list, fetch and accept offers (the funnel's kept, alternative and removed offers with reasons)."""

from __future__ import annotations

import argparse
import asyncio
import math
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from wallet.cli import market as cli_market
from wallet.cli.support import (
    CliError,
    check_can_confirm,
    command,
    command_group,
    confirm,
    iso,
    local,
    one_line,
    print_capped,
    print_json,
    print_listing,
    print_table,
    unlocked,
    wait_seconds,
)
from wallet.delivery.cycle import deliver_pending
from wallet.intents import IntentionBook, IntentionDraft, IntentionRecord
from wallet.intents.status import status_text
from wallet.offers import (
    FunnelView,
    FunnelWeights,
    IngestReport,
    OfferBook,
    Ranked,
    fetch_offers,
)
from wallet.offers.summary import OfferSummary, offer_summary
from wallet.outbox import DeliveryProgress, RunSummary
from wallet.terminal import printable
from wallet.transport import Transport
from wallet.vault.facade import Vault
from wallet.vendors.met import standing
from wallet.wire.signing import first_error


def _intention_json(record: IntentionRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "status": record.status,
        "item": record.intention.itemOffered.name,
        "category": record.intention.itemOffered.category,
        "created": iso(record.created),
        "validThrough": record.intention.validThrough,
        "chosenOffer": record.chosen_offer_id,
        "intention": record.intention.wire(),
    }


def _draft(args: argparse.Namespace) -> IntentionDraft:
    try:
        return IntentionDraft(
            item_name=args.item,
            category=args.category,
            description=args.description or "",
            quantity=args.quantity,
            max_price=args.max_price,
            currency=args.currency.upper(),
            region=args.region,
            postal_prefix=args.postal_prefix,
            deliver_by=date.fromisoformat(args.deliver_by) if args.deliver_by else None,
            delivery_method=args.delivery_method,
            valid_days=args.valid_days,
            open_to_alternatives=args.open_to_alternatives,
            use_terms=args.terms == "latest",
            loyalty_proposal_id=args.loyalty,
        )
    except ValidationError as exc:
        raise CliError(f"The intention is not valid: {first_error(exc)}") from None
    except ValueError as exc:
        raise CliError(f"--deliver-by must be a date like 2030-01-31 ({exc}).") from None


def cmd_intent_create(args: argparse.Namespace) -> int:
    """Create an intention (signed by a fresh key; nothing from your profile is added)."""
    draft = _draft(args)
    with unlocked(args) as vault:
        record = IntentionBook(vault).create(draft)
    print(record.id)
    return 0


def cmd_intent_list(args: argparse.Namespace) -> int:
    """List your intentions with their status."""
    with unlocked(args) as vault:
        records = IntentionBook(vault).list()
    print_listing(
        records,
        as_json=args.json,
        to_json=_intention_json,
        empty="No intentions yet; create one with `intent create`.",
        headers=("id", "status", "item", "max price", "created"),
        to_row=lambda record: (
            record.id,
            status_text(record.status),
            one_line(record.intention.itemOffered.name, 30),
            f"{record.intention.priceSpecification.maxPrice} "
            f"{record.intention.priceSpecification.priceCurrency}",
            local(record.created),
        ),
    )
    return 0


def cmd_intent_show(args: argparse.Namespace) -> int:
    """Show one intention exactly as vendors receive it."""
    with unlocked(args) as vault:
        record = IntentionBook(vault).get(args.id)
        relays = cli_market.casts_json(vault, args.id)
        if not args.json:
            print(f"{record.id}  ({status_text(record.status)})")
            print(f"  key:  {record.kid}")
            cli_market.print_casts(vault, args.id)
    if args.json:
        print_json({**_intention_json(record), "relays": relays})
        return 0
    print_json(record.intention.wire())
    return 0


def cmd_intent_export(args: argparse.Namespace) -> int:
    """Export the signed intention as JSON (readable only by you)."""
    with unlocked(args) as vault:
        path = IntentionBook(vault).export(args.id, Path(args.file), force=args.force)
    print(f"Exported the signed intention to {path}.")
    return 0


def _progress(event: DeliveryProgress) -> None:
    detail = f" ({event.error})" if event.error else ""
    print(printable(f"  {event.vendor_id}: {event.kind} {event.status}{detail}"), flush=True)


def _ingest_lines(report: IngestReport) -> None:
    refused = sum(r.code != "too_many" for r in report.rejected) + report.unrecorded
    print(
        f"Offers: {len(report.stored)} new, {report.duplicates} already known"
        + (f", {refused} refused." if refused else ".")
    )
    print_capped(
        [  # reasons may quote the vendor
            f"  refused from {r.vendor_id}: {r.code} - {one_line(r.reason, 120)}"
            for r in report.rejected
        ],
        more="  ... and {count} more refusals (`offers list ID` shows those recorded)",
    )
    if report.unreadable:
        print(
            f"  {report.unreadable} answer(s) could not be read and were set aside; "
            "`outbox list --failed` shows them."
        )


def print_delivery_summary(summary: RunSummary, *, file: TextIO | None = None) -> None:
    """One line of delivery counts (and where to look if some could not be handled)."""
    dead = (
        f" {summary.dead} could not be handled and wait for you (`outbox list --failed`)."
        if summary.dead
        else ""
    )
    print(
        f"Delivered {summary.delivered}, failed {summary.failed}, disabled {summary.disabled}, "
        f"still pending {summary.pending}.{dead}",
        file=file,
    )


def cmd_intent_broadcast(args: argparse.Namespace) -> int:
    """Send the intention to the vendors in your directory, then take in their offers."""
    with unlocked(args) as vault:
        if args.relay:
            cli_market.cast(vault, args.relay, args.id)
            if not args.vendor:  # the relay only, unless directory vendors are named too
                return 0
        plan = IntentionBook(vault).broadcast(args.id, args.vendor or None)
        print(f"Queued for {len(plan.vendor_ids)} vendor(s).")
        report = deliver_pending(vault, deadline=args.wait, on_progress=_progress)
    print_delivery_summary(report.summary)
    _ingest_lines(report.offers)
    return 0


def cmd_intent_withdraw(args: argparse.Namespace) -> int:
    """Withdraw an intention and tell the vendors that received it."""
    check_can_confirm(f"Withdrawing {args.id}", assume_yes=args.yes)
    with unlocked(args) as vault:
        book = IntentionBook(vault)
        record = book.get(args.id)
        confirm(f"Withdraw {record.intention.itemOffered.name!r}", assume_yes=args.yes)
        plan = book.withdraw(args.id)
        deliver_pending(vault, deadline=args.wait, on_progress=_progress)
        print(f"Withdrawn; {len(plan.told)} vendor(s) told.")
        cli_market.tell_relays(vault, args.id)
    for vendor_id, reason in plan.not_told:
        print(f"  not told: {vendor_id} - {reason}")
    return 0


def _ranked_json(item: Ranked) -> dict[str, Any]:
    return {
        "id": item.offer.id,
        "vendor": item.offer.seller.id,
        "score": round(item.score, 4),
        "scores": {
            "price": round(item.price, 4),
            "delivery": round(item.delivery, 4),
            "loyalty": item.loyalty,
            "history": round(item.history, 4),
        },
        "offer": item.offer.wire(),
    }


def _view_json(vault: Vault, view: FunnelView) -> dict[str, Any]:
    return {
        "intention": view.intention.id,
        "status": view.intention.status,
        "weights": view.weights.model_dump(),
        "kept": [_ranked_json(item) for item in view.result.kept],
        "alternatives": [_ranked_json(item) for item in view.result.alternatives],
        "removed": [
            {"id": r.offer.id, "vendor": r.offer.seller.id, "code": r.code, "reason": r.reason}
            for r in view.result.removed
        ],
        "refused": [
            {"vendor": r.vendor_id, "offer": r.offer_id, "code": r.code, "reason": r.reason}
            for r in view.refused
        ],
        "metVendors": cli_market.met_json(vault, view.intention.id),
    }


def _ranked_rows(items: list[Ranked]) -> list[tuple[str, ...]]:
    return [
        (
            str(position),
            item.offer.id,
            one_line(item.offer.seller.name, 20),
            one_line(item.offer.itemOffered.name, 28),
            f"{item.offer.price} {item.offer.priceCurrency}",
            item.offer.delivery.deliverBy.isoformat(),
            f"{item.score:.2f}",
        )
        for position, item in enumerate(items, start=1)
    ]


def cmd_offers_list(args: argparse.Namespace) -> int:
    """The funnel for an intention: ranked offers, alternatives, removed ones with reasons."""
    with unlocked(args) as vault:
        view = OfferBook(vault).funnel(args.id)
        if args.json:
            print_json(_view_json(vault, view))
            return 0
        _print_funnel(view)
        cli_market.print_met(vault, args.id)
    return 0


def _print_funnel(view: FunnelView) -> None:
    headers = ("#", "offer", "vendor", "item", "price", "delivery by", "score")
    weights = view.weights
    print(
        f"Weights: price {weights.price}, delivery {weights.delivery}, "
        f"loyalty {weights.loyalty}, history {weights.history}"
    )
    print(f"Kept ({len(view.result.kept)}):")
    if view.result.kept:
        print_table(headers, _ranked_rows(view.result.kept))
    if view.result.alternatives:
        print(f"Alternatives ({len(view.result.alternatives)}):")
        print_table(headers, _ranked_rows(view.result.alternatives))
    print(f"Removed ({len(view.result.removed)}):")
    print_capped(
        [
            f"  {removal.offer.id} {removal.offer.seller.id}: {removal.code} - "
            + one_line(removal.reason, 120)
            for removal in view.result.removed
        ],
        more="  ... and {count} more (--json lists them all)",
    )
    if view.refused:
        print(f"Refused before the funnel ({len(view.refused)}):")
        print_capped(
            [
                f"  {refused.vendor_id}: {refused.code} - {one_line(refused.reason, 80)}"
                for refused in view.refused
            ],
            more="  ... and {count} more (--json lists them all)",
        )


_TERMS_TEXT = {
    "accepted": "accepts your terms",
    "countered": "makes a counter-offer to your terms",
    "not_accepted": "does not accept your terms",
    "none_sent": "no terms were sent",
}
_LOYALTY_TEXT = {
    "accepted": "accepts your loyalty proposal",
    "not_accepted": "does not accept your loyalty proposal",
    "none_sent": "no loyalty proposal was sent",
}


def _summary_json(summary: OfferSummary) -> dict[str, Any]:
    return {
        "id": summary.offer_id,
        "vendor": summary.vendor_name,
        "item": summary.item,
        "description": summary.description,
        "specs": dict(summary.specs),
        "isAlternative": summary.is_alternative,
        "price": summary.price,
        "currency": summary.currency,
        "quantity": summary.quantity,
        "delivery": {
            "method": summary.delivery_method,
            "deliverBy": summary.deliver_by.isoformat(),
            "leadTimeDays": summary.lead_time_days,
        },
        "terms": summary.terms,
        "loyalty": summary.loyalty,
        "dataRequested": [
            {"field": a.key, "label": a.label, "required": a.required, "purpose": a.purpose}
            for a in summary.asked
        ],
        "status": summary.status,
        "score": summary.score,
        "scoreParts": {p.name: {"score": p.score, "weight": p.weight} for p in summary.score_parts},
        "removed": summary.removal,
        "vendorPinned": summary.vendor_pinned,
        "vendorFingerprint": summary.vendor_fingerprint,
    }


def _asked_line(label: str, *, required: bool, purpose: str | None) -> str:
    need = "required" if required else "optional"
    return f"  {one_line(label, 40)} ({need})" + (f": {one_line(purpose, 100)}" if purpose else "")


def cmd_offers_show(args: argparse.Namespace) -> int:
    """One offer as a person weighs it: item, price, delivery, terms and loyalty, the data the
    vendor will ask for and why, and how its score was made."""
    with unlocked(args) as vault:
        summary = offer_summary(vault, args.offer_id)
    if args.json:
        print_json(_summary_json(summary))
        return 0
    kind = " (an alternative)" if summary.is_alternative else ""
    print(f"{one_line(summary.item)}{kind} from {one_line(summary.vendor_name)}")
    if summary.description:
        print(f"  {one_line(summary.description, 200)}")
    for name, value in summary.specs:
        print(f"  {one_line(name, 40)}: {one_line(value, 80)}")
    print(f"Price: {printable(summary.price)} {summary.currency} for {summary.quantity}")
    print(
        f"Delivery: {summary.delivery_method} by {summary.deliver_by.isoformat()} "
        f"({summary.lead_time_days} days after the order)"
    )
    print(f"Terms: {_TERMS_TEXT[summary.terms]}; loyalty: {_LOYALTY_TEXT[summary.loyalty]}")
    print("Data the vendor will ask for if you accept:" if summary.asked else "Asks for no data.")
    for asked in summary.asked:
        print(_asked_line(asked.label, required=asked.required, purpose=asked.purpose))
    if summary.score is not None:
        parts = ", ".join(f"{p.name} {p.score:.2f} x {p.weight:g}" for p in summary.score_parts)
        print(f"Score: {summary.score:.2f} ({parts})")
    if summary.removal is not None:
        print(f"Removed by the funnel: {summary.removal}")
    if not summary.vendor_pinned:
        print(
            f"Vendor: {cli_market.NOT_IN_DIRECTORY} (met on a relay), fingerprint "
            f"{summary.vendor_fingerprint}; accepting this offer adds it to your directory."
        )
    print(f"Status: {summary.status}")
    return 0


def cmd_offers_accept(args: argparse.Namespace) -> int:
    """Accept an offer: the intention is chosen; the vendors are told (accepted/declined). A
    vendor met on a relay is added to the directory first (its fingerprint is in the prompt)."""
    check_can_confirm(f"Accepting {args.offer_id}", assume_yes=args.yes)
    with unlocked(args) as vault:
        stored = OfferBook(vault).get(args.offer_id)
        signer_jwk = stored.offer.seller.publicKey.model_dump()
        signer = standing(vault.reader, stored.vendor_id, signer_jwk)
        adds = (
            ""
            if signer.pinned
            else f" and add {stored.vendor_id} ({cli_market.NOT_IN_DIRECTORY}, fingerprint "
            f"{signer.fingerprint}) to your directory"
        )
        confirm(f"Accept offer {args.offer_id}{adds}", assume_yes=args.yes)
        result = OfferBook(vault).accept(args.offer_id)
        deliver_pending(vault, deadline=args.wait, on_progress=None if args.json else _progress)
    if args.json:
        print_json(
            {
                "offer": result.offer_id,
                "intention": result.intention_id,
                "vendor": result.vendor_id,
                "pinned": result.pinned,
                "fingerprint": signer.fingerprint,
                "told": list(result.notices.told),
                "notTold": [{"vendor": v, "reason": r} for v, r in result.notices.not_told],
            }
        )
        return 0
    print(printable(f"Accepted {result.offer_id} from {result.vendor_id}."))
    if result.pinned:
        print(
            printable(
                f"  {result.vendor_id} is now in your directory (fingerprint {signer.fingerprint})."
            )
        )
    for vendor_id, reason in result.notices.not_told:
        print(printable(f"  not told: {vendor_id} - {reason}"))
    return 0


def cmd_offers_fetch(args: argparse.Namespace) -> int:
    """Fetch later offers for an intention from the vendors that received it."""

    async def run(vault: Any) -> IngestReport:
        async with Transport() as transport:
            return await fetch_offers(vault, transport, args.id)

    with unlocked(args) as vault:
        IntentionBook(vault).get(args.id)
        report = asyncio.run(run(vault))
    _ingest_lines(report)
    return 0


WEIGHT_NAMES = ("price", "delivery", "loyalty", "history")


def _weight(name: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise CliError(f"--{name} must be a number from 0 to 1, not {text!r}.") from None
    if not math.isfinite(value) or not 0 <= value <= 1:
        raise CliError(f"--{name} must be a number from 0 to 1, not {text!r}.")
    return value


def cmd_offers_weights(args: argparse.Namespace) -> int:
    """Show the funnel's ranking weights, or set some of them (each from 0 to 1)."""
    given = {
        name: _weight(name, getattr(args, name))
        for name in WEIGHT_NAMES
        if getattr(args, name) is not None
    }
    with unlocked(args) as vault:
        book = OfferBook(vault)
        weights = book.weights()
        if given:
            try:
                changed = FunnelWeights.model_validate({**weights.model_dump(), **given})
            except ValidationError as exc:
                raise CliError(f"The weights are not valid: {first_error(exc)}") from None
            weights = book.set_weights(changed)
    if args.json:
        print_json(weights.model_dump())
        return 0
    print(
        ("Weights set: " if given else "Weights: ")
        + ", ".join(f"{name} {getattr(weights, name)}" for name in WEIGHT_NAMES)
    )
    return 0


def add_commands(commands: Any) -> None:
    """The ``intent`` and ``offers`` command groups."""
    intent = command_group(commands, "intent", "what you want to buy, told to vendors")
    create = command(intent, "create", cmd_intent_create)
    create.add_argument("--item", required=True, help="what you want")
    create.add_argument("--category", required=True)
    create.add_argument("--description", default="")
    create.add_argument("--max-price", required=True, help="the most you pay, e.g. 120.00")
    create.add_argument("--currency", required=True, help="ISO 4217 code, e.g. EUR")
    create.add_argument("--quantity", type=int, default=1)
    create.add_argument("--region", help="a coarse region such as ES or ES-MD")
    create.add_argument("--postal-prefix", help="at most the first 3 characters of a postal code")
    create.add_argument("--deliver-by", help="YYYY-MM-DD")
    create.add_argument(
        "--delivery-method", default="any", choices=("delivery", "pickup", "digital", "any")
    )
    create.add_argument("--valid-days", type=int, default=7)
    create.add_argument("--terms", choices=("latest",), help="attach your latest saved terms")
    create.add_argument("--loyalty", type=int, metavar="ID", help="attach a loyalty proposal")
    create.add_argument("--open-to-alternatives", action="store_true")
    command(intent, "list", cmd_intent_list, json_output=True)
    show = command(intent, "show", cmd_intent_show, json_output=True)
    show.add_argument("id", metavar="ID")
    export = command(intent, "export", cmd_intent_export)
    export.add_argument("id", metavar="ID")
    export.add_argument("file", metavar="FILE")
    export.add_argument("--force", action="store_true", help="replace an existing file")
    broadcast = command(intent, "broadcast", cmd_intent_broadcast)
    broadcast.add_argument("id", metavar="ID")
    broadcast.add_argument("--vendor", action="append", help="only this vendor id (repeatable)")
    broadcast.add_argument("--wait", type=wait_seconds, default=30.0, metavar="SECONDS")
    cli_market.add_relay_option(broadcast)
    cli_market.add_intent_commands(intent)
    withdraw = command(intent, "withdraw", cmd_intent_withdraw)
    withdraw.add_argument("id", metavar="ID")
    withdraw.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    withdraw.add_argument("--wait", type=wait_seconds, default=15.0, metavar="SECONDS")

    offers = command_group(commands, "offers", "vendors' offers for your intentions")
    listing = command(offers, "list", cmd_offers_list, json_output=True)
    listing.add_argument("id", metavar="ID", help="the intention's id")
    show = command(offers, "show", cmd_offers_show, json_output=True)
    show.add_argument("offer_id", metavar="OFFER_ID")
    accept = command(offers, "accept", cmd_offers_accept, json_output=True)
    accept.add_argument("offer_id", metavar="OFFER_ID")
    accept.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    accept.add_argument("--wait", type=wait_seconds, default=15.0, metavar="SECONDS")
    fetch = command(offers, "fetch", cmd_offers_fetch)
    fetch.add_argument("id", metavar="ID", help="the intention's id")
    weights = command(offers, "weights", cmd_offers_weights, json_output=True)
    for name in WEIGHT_NAMES:
        weights.add_argument(f"--{name}", metavar="W", help=f"the {name} weight, 0 to 1")
