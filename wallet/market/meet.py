"""Meeting a vendor outside the directory on a relay (docs/protocol.md §12, "Vendors you never
met"): fetch the metadata document its sealed offer names, check it, remember the vendor.

A sealed offer list (:class:`~wallet.wire.models.SealedOfferList`) from a vendor the person never
added names its ``metadataUrl``. :class:`Meetings` decides, for one sealed message, which vendor
row its offers are checked against:

* a directory vendor: its pinned row, as always (the URL is ignored; the pin decides);
* a vendor met before (:mod:`wallet.vendors.met`): the document kept then, not fetched again;
* otherwise the document is fetched through :mod:`wallet.transport` (HTTPS, or plain HTTP on this
  machine only; no redirect; at most 64 KiB; at most :data:`METADATA_TIMEOUT_SECONDS`; not on
  this machine unless the relay is, nor an IP of a private network: :func:`stranger_url_problem`),
  validated as ``vendor add`` validates it, and must name the vendor ``apu`` names and hold the
  key that signed *every* offer of the list. Then the vendor is kept as *met, not pinned*, with
  its key's fingerprint, and its offers go through ingest like any other.

Each refusal fails only its message, with a code ingest knows: ``unknown_vendor`` (no document
named), ``too_many`` (:data:`~wallet.vendors.met.MAX_MET_PER_INTENTION` vendors met for the
intention, or :data:`~wallet.vendors.met.MAX_MET_VENDORS` in all, or
:data:`MAX_DOCUMENTS_PER_INTENTION` documents already fetched for the intention on that relay),
``metadata_failed`` (unreachable, slow, too big, not a vendor document, a refused URL),
``seller_mismatch`` (the document names another vendor) and ``wrong_key`` (its key did not sign
the offers). A document that failed is not fetched again within one reading. The GET carries
nothing about the person.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any, cast
from urllib.parse import urlsplit

from wallet.crypto.signing import verifying_key_from_jwk
from wallet.errors import InvalidInput, WalletError
from wallet.intents.store import OPEN_STATUSES
from wallet.market import store as market_store
from wallet.offers.ingest import RejectionCode, storable
from wallet.outbox import DbRunner, inline_runner
from wallet.transport import Transport, is_loopback_host
from wallet.vault.facade import Vault
from wallet.vendors import met as met_store
from wallet.vendors import store as vendor_store
from wallet.vendors.directory import FetchedMetadata, check_metadata_url, fetch_metadata
from wallet.vendors.store import VendorRow

METADATA_TIMEOUT_SECONDS = 5.0
# Documents fetched per intention and relay, in all readings: strangers naming slow documents
# can hold the reading of an intention at most this many times the timeout, once.
MAX_DOCUMENTS_PER_INTENTION = 40
MAX_REASON = 300


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why one sealed message is refused whole: the vendor it names, a code, a reason."""

    vendor_id: str
    code: RejectionCode
    reason: str


@dataclass(frozen=True, slots=True)
class Introduction:
    """Who a sealed offer list is from (``apu``), the document it names, and its offer items
    exactly as they arrived."""

    vendor_id: str
    metadata_url: str | None
    items: Sequence[Any]


def _signer_problem(items: Sequence[Any], fetched: FetchedMetadata) -> str | None:
    """Why the document's key is not the key of every offer (None: it is)."""
    for item in items:
        try:
            jwk = item["offer"]["seller"]["publicKey"]
            signer = verifying_key_from_jwk(jwk)
        except Exception:  # not an offer, or no usable key: the key cannot match
            return "an offer in the list names no usable seller key"
        if signer.raw != fetched.key.raw:
            return f"an offer is signed for key {signer.kid}"
    return None


def stranger_url_problem(url: str, *, relay_url: str) -> str | None:
    """Why a document named by a stranger is not fetched, beyond ``vendor add``'s rules (None:
    it may be). A stranger chooses the URL, so the wallet does not let it reach into the
    person's machine or network: an address on this machine only when the relay is on it too
    (the demo, tests), and no IP literal of a private, link-local or reserved network (a router,
    a cloud's metadata service). A name that resolves to such an address is not caught here."""
    host = urlsplit(url).hostname or ""
    if is_loopback_host(host):
        if is_loopback_host(urlsplit(relay_url).hostname or ""):
            return None
        return "it is on this machine, and the relay is not"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:  # a name
        return None
    return None if address.is_global else "it is an address of a private or reserved network"


class Meetings:
    """The meetings of one reading of a relay: a transport for the documents, and the refusals
    of documents that already failed (fetched once per reading), for one intention's reading on
    the relay ``relay_url`` (where the documents fetched are counted).

    Vault steps run through ``run_db`` (on the vault's thread, :data:`wallet.outbox.DbRunner`),
    the fetch on the caller's event loop."""

    def __init__(self, vault: Vault, transport: Transport, *, relay_url: str) -> None:
        self._vault = vault
        self._transport = transport
        self._relay_url = relay_url
        self._failed: dict[str, Refusal] = {}

    async def vendor_for(
        self, intention_id: str, intro: Introduction, run_db: DbRunner[Any] = inline_runner
    ) -> VendorRow | Refusal:
        """The row the offers of ``intro`` are checked against, or why the message is refused."""
        planned = await run_db(partial(self.plan, intention_id, intro))
        if not isinstance(planned, str):
            return cast(VendorRow | Refusal, planned)
        await run_db(partial(self._note_fetch, intention_id))
        fetched = await self.fetch(intro.vendor_id, planned)
        if isinstance(fetched, Refusal):
            return fetched
        return cast(
            VendorRow | Refusal, await run_db(partial(self.keep, intention_id, intro, fetched))
        )

    def plan(self, intention_id: str, intro: Introduction) -> VendorRow | Refusal | str:
        """(Vault step.) The vendor's row when it is known, a refusal decided without the
        network, or the URL of the document to fetch."""
        reader = self._vault.reader
        pinned = vendor_store.get(reader, intro.vendor_id)
        if pinned is not None:
            return pinned
        met = met_store.get(reader, intro.vendor_id)
        if met is not None:
            return self._met_again(intention_id, met)
        refusal = self._before_fetch(intention_id, intro)
        if refusal is not None:
            return refusal
        assert intro.metadata_url is not None  # _before_fetch refuses a message without one
        return intro.metadata_url

    def keep(
        self, intention_id: str, intro: Introduction, fetched: FetchedMetadata
    ) -> VendorRow | Refusal:
        """(Vault step.) Meet the vendor if ``fetched`` names it and holds the offers' key."""
        if fetched.metadata.id != intro.vendor_id:
            return self._refusal(
                intro.vendor_id,
                "seller_mismatch",
                f"The metadata document at {fetched.url} is vendor {fetched.metadata.id!r}'s, "
                "not the sender's.",
            )
        problem = _signer_problem(intro.items, fetched)
        if problem is not None:
            return self._refusal(
                intro.vendor_id,
                "wrong_key",
                f"The metadata document at {fetched.url} holds key {fetched.key.kid}, but "
                f"{problem}; the vendor was not met.",
            )
        if met_store.get(self._vault.reader, intro.vendor_id) is None:
            refusal = self._met_caps(intention_id, intro.vendor_id)  # again: time has passed
            if refusal is not None:
                return refusal
        with self._vault.write() as connection:
            kept = met_store.remember(
                connection, fetched, intention_id=intention_id, now=datetime.now(UTC)
            )
        return kept.as_vendor()

    def _note_fetch(self, intention_id: str) -> None:
        with self._vault.write() as connection:
            market_store.note_document_fetched(connection, intention_id, self._relay_url)

    def _met_again(self, intention_id: str, met: met_store.MetVendor) -> VendorRow | Refusal:
        """A vendor met before: its kept document, linked to this intention within the cap."""
        if met_store.is_linked(self._vault.reader, met.id, intention_id):
            return met.as_vendor()
        for_intention, _ = met_store.counts(self._vault.reader, intention_id)
        if for_intention >= met_store.MAX_MET_PER_INTENTION:
            return self._per_intention_cap(met.id)
        with self._vault.write() as connection:
            met_store.link(connection, met.id, intention_id)
        return met.as_vendor()

    def _before_fetch(self, intention_id: str, intro: Introduction) -> Refusal | None:
        """Refusals decided without the network: no document named, no offers, caps."""
        if not intro.metadata_url or not intro.items:
            what = "names no metadata document" if intro.items else "holds no offers"
            return self._refusal(
                intro.vendor_id,
                "unknown_vendor",
                f"The vendor is not in your directory and its sealed offer {what}.",
            )
        refusal = self._met_caps(intention_id, intro.vendor_id)
        if refusal is not None:
            return refusal
        fetched = market_store.documents_fetched(self._vault.reader, intention_id, self._relay_url)
        if fetched >= MAX_DOCUMENTS_PER_INTENTION:
            return self._refusal(
                intro.vendor_id,
                "too_many",
                f"{MAX_DOCUMENTS_PER_INTENTION} metadata documents were already fetched for this "
                "intention; vendors outside your directory are no longer met for it.",
            )
        failed = self._failed.get(intro.metadata_url)
        return None if failed is None else Refusal(intro.vendor_id, failed.code, failed.reason)

    def _met_caps(self, intention_id: str, vendor_id: str) -> Refusal | None:
        """The caps on vendors met: per intention, then in all (making room first)."""
        for_intention, total = met_store.counts(self._vault.reader, intention_id)
        if for_intention >= met_store.MAX_MET_PER_INTENTION:
            return self._per_intention_cap(vendor_id)
        if total >= met_store.MAX_MET_VENDORS:
            with self._vault.write() as connection:
                met_store.make_room(connection, open_statuses=OPEN_STATUSES)
            if met_store.counts(self._vault.reader, intention_id)[1] >= met_store.MAX_MET_VENDORS:
                return self._refusal(
                    vendor_id,
                    "too_many",
                    f"You have met {met_store.MAX_MET_VENDORS} vendors on relays for open "
                    "intentions; no more are met until some of those intentions close.",
                )
        return None

    def _per_intention_cap(self, vendor_id: str) -> Refusal:
        return self._refusal(
            vendor_id,
            "too_many",
            f"{met_store.MAX_MET_PER_INTENTION} vendors outside your directory already answered "
            "this intention; no more are met for it.",
        )

    async def fetch(self, vendor_id: str, url: str) -> FetchedMetadata | Refusal:
        """(Network step.) The checked document at ``url``, or why not (remembered for this
        reading)."""
        try:
            check_metadata_url(url)
            problem = stranger_url_problem(url, relay_url=self._relay_url)
            if problem is not None:
                raise InvalidInput(f"The metadata document at {url} is not fetched: {problem}.")
            return await fetch_metadata(self._transport, url)
        except WalletError as exc:
            reason = str(exc)
        except Exception as exc:  # anything unexpected fails this vendor only
            reason = f"The metadata document could not be read ({type(exc).__name__})."
        refusal = self._refusal(vendor_id, "metadata_failed", reason)
        self._failed[url] = refusal
        return refusal

    @staticmethod
    def _refusal(vendor_id: str, code: RejectionCode, reason: str) -> Refusal:
        return Refusal(vendor_id, code, storable(reason, MAX_REASON))
