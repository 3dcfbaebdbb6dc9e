"""The demo vault behind ``vrm-wallet --demo``: sample personal data under a published passphrase.

The demo exists to show the app without typing anything personal. Its passphrase is documented
here and shown on the unlock screen, so **nothing real belongs in it**. It uses the minimum
key-derivation cost so that opening it is quick.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import platformdirs

from vendorkit.catalog import load_catalog
from vendorkit.demo_market import DEMO_RELAY_PORT, DemoMarket, start_relay
from vendorkit.server import BackgroundVendors, VendorApp, make_vendors
from wallet.consents import ConsentBook, GrantRequest
from wallet.crypto.signing import SigningKey
from wallet.intents import IntentionBook, IntentionDraft
from wallet.loyalty.book import LoyaltyBook
from wallet.loyalty.models import MembershipDraft
from wallet.paths import APP_NAME
from wallet.resources import resources_dir
from wallet.terms.book import TermsBook
from wallet.terms.compose import ClauseChoice
from wallet.transport import Transport
from wallet.vault.facade import Vault, vault_exists
from wallet.vendors.directory import FetchedMetadata, VendorDirectory, fetch_metadata
from wallet.wire.loyalty import ProposalTerms

DEMO_PASSPHRASE = "demo passphrase - not secret"


@dataclass(frozen=True, slots=True)
class SampleField:
    """One made-up field of the demo profile."""

    key: str
    value: str
    label: str | None = None
    category: int | None = None
    sensitive: bool | None = None


# Every standard field (wallet.personal_data.STANDARD_FIELDS), then a few custom ones.
SAMPLE_FIELDS: tuple[SampleField, ...] = (
    SampleField("given_name", "Alex"),
    SampleField("family_name", "Example"),
    SampleField("date_of_birth", "1990-04-01"),
    SampleField("email", "alex@example.org"),
    SampleField("phone", "+1 555 0100"),
    SampleField("postal_address", "1 Sample Street\n12345 Exampleton\nNowhere"),
    SampleField("clothing_size", "M"),
    SampleField("shoe_size", "EU 42"),
    SampleField("preferences", "Prefers e-mail over phone calls; no newsletters"),
    SampleField("dietary_preferences", "Vegetarian"),
    SampleField("preferred_language", "en"),
    SampleField("favourite_colour", "Teal", label="Favourite colour", category=15),
    SampleField("library_card", "LIB-0042-0000", label="Library card number", category=14),
    SampleField("bicycle_frame_size", "54 cm", label="Bicycle frame size", category=11),
    SampleField(
        "passport_number",
        "X0000000",
        label="Passport number",
        category=8,
        sensitive=True,
    ),
)


def default_demo_dir() -> Path:
    """Where the demo vault lives unless a directory is given: ``<user data dir>/demo``."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "demo"


def open_demo_vault(
    directory: Path, *, vendors_base_url: str | None = None, relay_url: str | None = None
) -> Vault:
    """Open the demo vault in ``directory``, creating and filling it first if it is missing.

    With ``vendors_base_url`` (the embedded demo vendors), they are put in its directory; with
    ``relay_url`` (the embedded market, :mod:`vendorkit.demo_market`), it becomes the vault's
    relay (``''``: none).
    """
    directory = Path(directory)
    if vault_exists(directory):
        vault = Vault.open_with_passphrase(directory, DEMO_PASSPHRASE)
    else:
        vault = Vault.create(directory, DEMO_PASSPHRASE, kdf_target_seconds=0).vault
        try:
            fill_with_samples(vault)
        except BaseException:
            vault.lock()
            raise
    if vendors_base_url is not None or relay_url is not None:
        try:
            if relay_url is not None:
                vault.update_settings(relay_url=relay_url)
            if vendors_base_url is not None:
                vendor_ids = ensure_demo_vendors(vault, vendors_base_url)
                ensure_demo_consent(vault, vendor_ids)
        except BaseException:
            vault.lock()
            raise
    return vault


def fill_with_samples(vault: Vault) -> None:
    """Write every sample field, loyalty card and proposal, and a terms version into ``vault``."""
    for sample in SAMPLE_FIELDS:
        vault.fields.set(
            sample.key,
            sample.value,
            label=sample.label,
            category=sample.category,
            sensitive=sample.sensitive,
        )
    _add_loyalty_samples(vault)
    _add_terms_sample(vault)
    ensure_demo_intention(vault)


def _add_terms_sample(vault: Vault) -> None:
    """A first, signed version of the consumer's terms, so the My terms page has history."""
    TermsBook(vault).compose(
        [
            ClauseChoice("CC-NO-TRACKING"),
            ClauseChoice("CC-NO-THIRD-PARTY"),
            ClauseChoice("CC-RETENTION-DAYS", {"days": 90}),
            ClauseChoice("CC-DELETE-ON-END"),
        ],
        language="en",
        agreement="PDC-INTENT",
    )


DEMO_CARD_ENDS_IN_DAYS = 5


def _add_loyalty_samples(vault: Vault) -> None:
    """Made-up loyalty cards (``resources/loyalty/sample-memberships.csv``) and one proposal."""
    book = LoyaltyBook(vault)
    book.import_rows(book.preview(resources_dir() / "loyalty" / "sample-memberships.csv"))
    # One card about to end, whenever the demo is made: the Home page has something to say.
    ending = date.today() + timedelta(days=DEMO_CARD_ENDS_IN_DAYS)
    book.add(
        MembershipDraft(
            program="Cinema Friends",
            vendor="Star Cinemas",
            member_number="CF-DEMO-42",
            expiry=ending,
            notes="Made-up demo card that ends soon",
        )
    )
    start = date.today().replace(month=1, day=1)
    terms = ProposalTerms.model_validate(
        {
            "title": "Weekly groceries",
            "vendor": "Fresh Mart",
            "category": "groceries",
            "commitment": {"kind": "purchases", "count": 40},
            "period": "year",
            "reward": {"kind": "percent_discount", "value": "5"},
            "valid_from": start,
            "valid_until": start.replace(year=start.year + 1) - timedelta(days=1),
        }
    )
    proposal = book.add_proposal(terms, status="active")
    book.record_purchase(proposal.id, vendor="Fresh Mart", amount="42.80", day=start)


# ------------------------------------------------------------------------------ demo vendors

DEMO_VENDOR_COUNT = 5  # in the demo vault's directory
DEMO_MARKET_ONLY_COUNT = 2  # served and answering on the market, never added to the directory
DEMO_MARKET_CATEGORIES = ("shoes", "books", "coffee", "electronics", "groceries")
DEMO_VENDOR_PORT = 8787
DEMO_VENDOR_PREFIX = "demo-vendor-"
DEMO_INTENTION_ITEM = "Trail running shoes"


def demo_catalog_path() -> Path:
    """The demo vendors' catalogue: items in the demo categories, and some careless ones."""
    return resources_dir() / "vendor" / "demo-catalog.json"


def demo_vendor_keys(count: int = DEMO_VENDOR_COUNT) -> list[SigningKey]:
    """Fixed, published keys (nothing secret: demo only), so the directory's pins hold across
    restarts of the demo vendors."""
    return [
        SigningKey(hashlib.sha256(f"vrm-wallet demo vendor {index}".encode()).digest())
        for index in range(1, count + 1)
    ]


def demo_vendor_app(count: int = DEMO_VENDOR_COUNT) -> VendorApp:
    """The embedded vendor kit behind ``vrm-wallet --demo`` (serve with ``BackgroundVendors``)."""
    catalog = load_catalog(demo_catalog_path())
    return VendorApp(make_vendors(demo_vendor_keys(count), catalog), catalog)


def start_demo_vendors(
    count: int = DEMO_VENDOR_COUNT + DEMO_MARKET_ONLY_COUNT, *, port: int = DEMO_VENDOR_PORT
) -> BackgroundVendors:
    """Demo vendors on loopback at ``port``, or on a free port if that one is taken (the first
    :data:`DEMO_VENDOR_COUNT` go in the demo's directory; the others only answer on the market,
    their metadata served here for a wallet that meets them)."""
    try:
        return BackgroundVendors(demo_vendor_app(count), port=port).start()
    except OSError:
        return BackgroundVendors(demo_vendor_app(count), port=0).start()


def ensure_demo_vendors(
    vault: Vault, base_url: str, *, count: int = DEMO_VENDOR_COUNT
) -> list[str]:
    """Put the demo vendors served at ``base_url`` in the vault's directory; returns their ids.

    The directory refuses a document at another URL claiming a vendor id it already has, and the
    demo vendors may come up on another port: demo vendors listed under another URL are removed
    first (their undelivered messages are cancelled), then added again at their current URL.
    """
    prefix = "" if count == 1 else "/vendors/{index}"
    urls = [
        base_url.rstrip("/") + prefix.format(index=index) + "/.well-known/vrm-vendor.json"
        for index in range(1, count + 1)
    ]

    async def fetch_all() -> list[FetchedMetadata]:
        async with Transport() as transport:
            return [await fetch_metadata(transport, url) for url in urls]

    fetched = asyncio.run(fetch_all())
    directory = VendorDirectory(vault)
    current = {item.metadata.id: item.url for item in fetched}
    # Market-only demo vendors the person met and pinned stay (they are served here too).
    served = {
        f"{DEMO_VENDOR_PREFIX}{index}" for index in range(1, count + DEMO_MARKET_ONLY_COUNT + 1)
    }
    for row in directory.list():
        moved = row.id in current and row.metadata_url != current[row.id]
        gone = row.id.startswith(DEMO_VENDOR_PREFIX) and row.id not in served
        if moved or gone:
            directory.remove(row.id)
    return [directory.add(item).vendor.id for item in fetched]


class DemoServices:
    """What ``vrm-wallet --demo`` runs beside the app: the kit's vendors over HTTP and, when a
    ``nats-server`` is installed, the market (:mod:`vendorkit.demo_market`)."""

    def __init__(self, vendors: BackgroundVendors, market: DemoMarket | None) -> None:
        self.vendors = vendors
        self.market = market

    @property
    def base_url(self) -> str:
        return self.vendors.base_url

    @property
    def relay_url(self) -> str:
        """The market's relay, or ``''`` when there is none."""
        return self.market.relay_url if self.market is not None else ""

    def stop(self) -> None:
        """Stop the listening vendors, the relay and the HTTP vendors."""
        if self.market is not None:
            self.market.stop()
        self.vendors.stop()


def start_demo_services(
    *, port: int = DEMO_VENDOR_PORT, relay_port: int = DEMO_RELAY_PORT
) -> DemoServices:
    """The demo's vendors on loopback, and its market with every demo vendor listening."""
    vendors = start_demo_vendors(port=port)
    market = start_relay(port=relay_port)
    if market is not None:
        market.listen(
            demo_vendor_keys(DEMO_VENDOR_COUNT + DEMO_MARKET_ONLY_COUNT),
            catalog=demo_catalog_path(),
            categories=DEMO_MARKET_CATEGORIES,
            metadata_base=vendors.base_url,
        )
    return DemoServices(vendors, market)


def ensure_demo_consent(vault: Vault, vendor_ids: list[str]) -> str | None:
    """One sample consent (e-mail and shoe size to the second demo vendor, 30 days) the first
    time demo vendors are present, so Consents and Overview have something to show; the app
    delivers it like any other. Returns its id, or None if the vault already has consents."""
    book = ConsentBook(vault)
    if book.row_ids() or len(vendor_ids) < 2:
        return None
    request = GrantRequest(
        vendor_id=vendor_ids[1], field_keys=("email", "shoe_size"), purposes=(4, 5), days=30
    )
    return book.grant(request).id


def ensure_demo_intention(vault: Vault) -> str:
    """A ready-to-broadcast draft intention in the demo vault (created once); returns its id."""
    book = IntentionBook(vault)
    for record in book.list():
        if record.status == "draft":
            return record.id
    draft = IntentionDraft(
        item_name=DEMO_INTENTION_ITEM,
        category="shoes",
        description="Size EU 42, for muddy trails.",
        max_price="120.00",
        currency="EUR",
        region="ES-MD",
        deliver_by=date.today() + timedelta(days=10),
        delivery_method="delivery",
        open_to_alternatives=True,
        use_terms=True,
    )
    return book.create(draft).id
