"""The rules front ends share about intentions (open, accepting offers, words for statuses), the
details read for a page, and every intention and offer mutation saying what it changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.intent_helpers import add_vendors, create, draft, save_terms, serve
from vendorkit.server import BackgroundVendors
from wallet.changes import Part
from wallet.delivery.cycle import deliver_pending
from wallet.errors import InvalidInput, NotFound, command_line_text
from wallet.intents import IntentionBook
from wallet.intents.status import (
    accepts_offers,
    delivery_status_text,
    is_open,
    status_text,
    was_broadcast,
)
from wallet.intents.views import composer_choices, deliveries
from wallet.offers import FunnelWeights, OfferBook
from wallet.offers.views import intention_details
from wallet.vault.facade import Vault


@pytest.fixture(scope="module")
def vendors() -> Iterator[BackgroundVendors]:
    with serve(2) as server:
        yield server


@pytest.fixture
def ready(vault: Vault, vendors: BackgroundVendors) -> Vault:
    add_vendors(vault, vendors.metadata_urls)
    save_terms(vault)
    return vault


def test_which_statuses_are_open_and_which_take_an_offer() -> None:
    assert [s for s in ("draft", "broadcast", "offers_in", "chosen") if is_open(s)] == [
        "draft",
        "broadcast",
        "offers_in",
    ]
    assert not is_open("withdrawn") and not is_open("expired")
    assert [s for s in ("draft", "broadcast", "offers_in", "chosen") if accepts_offers(s)] == [
        "broadcast",
        "offers_in",
    ]
    assert not was_broadcast("draft") and was_broadcast("offers_in")
    assert status_text("offers_in") == "offers in"


def test_a_delivery_status_in_words() -> None:
    assert delivery_status_text("pending", 0) == "queued"
    assert delivery_status_text("pending", 2) == "retrying"
    assert delivery_status_text("dead", 1) == "not handled: see Activity"
    assert delivery_status_text("delivered", 1) == "delivered"


def test_composer_choices_say_whether_terms_exist(vault: Vault) -> None:
    assert composer_choices(vault).has_terms is False
    save_terms(vault)
    choices = composer_choices(vault)
    assert choices.has_terms is True and choices.proposals == []


def test_details_hold_the_funnel_names_and_deliveries(
    ready: Vault, vendors: BackgroundVendors
) -> None:
    record = create(ready)
    assert deliveries(ready, record.id) == []
    IntentionBook(ready).broadcast(record.id)
    queued = deliveries(ready, record.id)
    assert {d.status for d in queued} == {"queued"} and len(queued) == 2
    deliver_pending(ready, deadline=30)
    details = intention_details(ready, record.id)
    assert details.record.status == "offers_in"
    assert {d.status for d in details.deliveries} == {"delivered"}
    assert set(details.vendor_names) == {v.vendor_id for v in vendors.vendor_app.vendors}
    assert details.funnel.result.kept


def test_every_mutation_notes_what_it_changed(ready: Vault, tmp_path: Path) -> None:
    ready.take_changes()
    intentions, offers = IntentionBook(ready), OfferBook(ready)
    record = intentions.create(draft())
    assert ready.take_changes().parts == {Part.INTENTIONS, Part.ACTIVITY}
    intentions.broadcast(record.id)
    assert ready.take_changes().parts == {Part.INTENTIONS, Part.OUTBOX, Part.ACTIVITY}
    deliver_pending(ready, deadline=30)
    assert {Part.OUTBOX, Part.OFFERS, Part.INTENTIONS} <= ready.take_changes().parts
    offers.set_weights(FunnelWeights(price=0.5, delivery=0.5))
    assert ready.take_changes().parts == {Part.OFFERS, Part.ACTIVITY}
    best = offers.funnel(record.id).result.kept[0].offer
    offers.accept(best.id)
    assert ready.take_changes().parts == {
        Part.OFFERS,
        Part.INTENTIONS,
        Part.OUTBOX,
        Part.ACTIVITY,
    }
    other = create(ready, item_name="Walking shoes")
    ready.take_changes()
    intentions.withdraw(other.id)
    assert ready.take_changes().parts == {Part.INTENTIONS, Part.OUTBOX, Part.ACTIVITY}
    intentions.export(record.id, tmp_path / "intention.json")
    assert ready.take_changes().parts == {Part.ACTIVITY}


def test_messages_keep_command_syntax_in_the_cli_hint(ready: Vault) -> None:
    with pytest.raises(NotFound) as missing:
        IntentionBook(ready).get("urn:uuid:nothing")
    assert "`" not in str(missing.value)
    assert command_line_text(missing.value) == (
        "There is no intention 'urn:uuid:nothing'; `intent list` shows your intentions."
    )
    with pytest.raises(NotFound) as no_offer:
        OfferBook(ready).accept("urn:uuid:none")
    assert "`" not in str(no_offer.value)
    assert command_line_text(no_offer.value).endswith("; `offers list ID` shows them.")
    record = create(ready, category="kites")
    with pytest.raises(InvalidInput) as nobody:
        IntentionBook(ready).broadcast(record.id)
    assert str(nobody.value) == "No active vendor in your directory deals in 'kites'."
    assert command_line_text(nobody.value) == (
        "No active vendor in your directory deals in 'kites'; add one with `vendor add URL` "
        "(or name vendors)."
    )


def test_attaching_terms_that_do_not_exist_names_the_command_only_in_the_hint(
    vault: Vault,
) -> None:
    with pytest.raises(InvalidInput) as refused:
        create(vault)
    assert "not saved any terms" in str(refused.value) and "`" not in str(refused.value)
    assert "`terms compose`" in command_line_text(refused.value)
