"""Consent receipts issued and verified per second; the Overview at 1 000 vendors x 50 000 consents.

- issued: the receipt stage of a grant, with the very functions ``ConsentBook.grant`` uses:
  Kantara receipt built (``build_receipt``), RFC 8785 canonicalised and signed by the vendor's
  pairwise key (``sign_receipt``), stored with its fields (``consents.store.insert``), in batches
  of one transaction. Beside it, as information, whole grants (``ConsentBook.grant_many``: the
  receipt, plus its disclosure signed and queued in the outbox, its history and its log entry)
  and a single ``grant`` (one durable, fsync'd transaction: what one click costs);
- verified: ``verify_receipt`` (parse, key checks, JWS verify, canonical form) on distinct
  receipts of distinct keys;
- Overview: the vault holds 1 000 vendors and 50 000 consents (written straight through the
  consent store in one transaction: granting them one by one would take minutes); measured are
  ``ConsentBook.overview()`` alone and the desktop Overview page from ``reload()`` until its matrix
  is painted, through the worker thread, as the user sees it.
"""

from __future__ import annotations

import gc
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench import Figure
from wallet.consents import ConsentBook, GrantRequest
from wallet.consents import store as consent_store
from wallet.consents.receipts import ReceiptInput, build_receipt
from wallet.crypto.signing import generate_signing_key
from wallet.personal_data import store as field_store
from wallet.vault.facade import Vault
from wallet.vendors import store as vendor_store
from wallet.vendors.directory import VendorDirectory, parse_metadata
from wallet.wire.consent_signing import sign_receipt, verify_receipt

PASSPHRASE = "benchmark passphrase, not a secret"
ISSUE_VENDORS = 50
ISSUE_COUNT = 2_000
ISSUE_BATCH = 200
SINGLE_GRANTS = 50
RUNS = 5
OVERVIEW_VENDORS = 1_000
OVERVIEW_CONSENTS = 50_000
OVERVIEW_FIELDS = ("email", "postal_address", "phone", "given_name", "family_name", "shoe_size")
OVERVIEW_RUNS = 7


def vendor_document(vendor_id: str) -> dict[str, object]:
    base = f"http://127.0.0.1:9/{vendor_id}"
    return {
        "type": "VrmVendor",
        "version": 1,
        "id": vendor_id,
        "name": f"Shop {vendor_id}",
        "publicKey": generate_signing_key().verifying_key.jwk,
        "inbox": {
            "intentions": f"{base}/inbox/intentions",
            "offers": f"{base}/inbox/offers",
            "consents": f"{base}/inbox/consents",
            "revocations": f"{base}/inbox/revocations",
        },
        "policyUrl": f"{base}/privacy",
        "contact": f"privacy@{vendor_id}.example",
    }


def add_vendors(vault: Vault, count: int) -> list[str]:
    directory = VendorDirectory(vault)
    ids = []
    for index in range(count):
        vendor_id = f"shop-{index:04d}"
        url = f"http://127.0.0.1:9/{vendor_id}/.well-known/vrm-vendor.json"
        directory.add(parse_metadata(vendor_document(vendor_id), url=url))
        ids.append(vendor_id)
    return ids


def new_vault(directory: Path) -> Vault:
    vault = Vault.create(directory, PASSPHRASE, kdf_target_seconds=0).vault
    vault.fields.set("email", "ada@example.org")
    vault.fields.set("postal_address", "12 Rue de l'Église, Montréal")
    vault.fields.set("phone", "+34 600 000 000")
    return vault


def _requests(vendor_ids: list[str], count: int) -> list[GrantRequest]:
    return [
        GrantRequest(
            vendor_id=vendor_ids[index % len(vendor_ids)],
            field_keys=("email", "postal_address"),
            purposes=(2, 3),
            days=30,
        )
        for index in range(count)
    ]


def _receipt_stage_rate(vault: Vault, vendor_ids: list[str]) -> tuple[float, list[str]]:
    """Receipts per second through build, canonicalise + sign, and store (batched)."""
    vendors = [vendor_store.get(vault.reader, vendor_id) for vendor_id in vendor_ids]
    snapshots = [field_store.get(vault.reader, key) for key in ("email", "postal_address")]
    keys = [generate_signing_key() for _ in vendor_ids]
    now = int(time.time())
    tokens = []
    started = time.perf_counter()
    for start in range(0, ISSUE_COUNT, ISSUE_BATCH):
        with vault.write() as connection:
            for index in range(start, start + ISSUE_BATCH):
                vendor, key = vendors[index % len(vendors)], keys[index % len(keys)]
                assert vendor is not None
                consent_id = str(uuid.uuid4())
                receipt = build_receipt(
                    ReceiptInput(
                        consent_id=consent_id,
                        vendor=vendor,
                        fields=[s for s in snapshots if s is not None],
                        purposes=(2, 3),
                        granted_at=now,
                        expires_at=now + 30 * 86_400,
                        principal_key=key.verifying_key,
                        service=f"Relationship with {vendor.name}",
                    )
                )
                token, _ = sign_receipt(receipt, key)
                consent_store.insert(
                    connection,
                    consent_id=consent_id,
                    vendor_id=vendor.id,
                    offer_id=None,
                    kid=key.kid,
                    granted_at=now,
                    expires_at=now + 30 * 86_400,
                    purposes=(2, 3),
                    summary="bench",
                    receipt_jws=token,
                    field_keys=receipt.field_keys,
                )
                tokens.append(token)
    return ISSUE_COUNT / (time.perf_counter() - started), tokens


def _issue_figures(work: Path) -> tuple[list[Figure], list[str]]:
    stage_rates, rates, singles, tokens = [], [], [], []
    for run in range(RUNS):
        vault = new_vault(work / f"issue-{run}")
        vendor_ids = add_vendors(vault, ISSUE_VENDORS)
        rate, issued = _receipt_stage_rate(vault, vendor_ids)
        stage_rates.append(rate)
        tokens.extend(issued)
        book = ConsentBook(vault)
        requests = _requests(vendor_ids, ISSUE_COUNT)
        started = time.perf_counter()
        for start in range(0, ISSUE_COUNT, ISSUE_BATCH):
            book.grant_many(requests[start : start + ISSUE_BATCH])
        rates.append(ISSUE_COUNT / (time.perf_counter() - started))
        for request in requests[:SINGLE_GRANTS]:
            started = time.perf_counter()
            book.grant(request)
            singles.append(time.perf_counter() - started)
        vault.lock()
    figures = [
        Figure(
            "receipts issued (build + canonicalise + sign + store)",
            statistics.median(stage_rates),
            "/s",
            target=2_000,
            higher_is_better=True,
            note=f"{ISSUE_COUNT:,} x {RUNS} runs, {ISSUE_BATCH} per transaction",
        ),
        Figure(
            "whole grants (receipt + signed disclosure queued + logged)",
            statistics.median(rates),
            "/s",
            note=f"grant_many, {ISSUE_BATCH} per transaction",
        ),
        Figure(
            "one grant (own durable transaction, fsync'd), latency",
            statistics.median(singles) * 1000,
            "ms",
            note=f"p90 {sorted(singles)[int(len(singles) * 0.9)] * 1000:.1f} ms",
        ),
    ]
    return figures, tokens


def _verify_figure(tokens: list[str]) -> Figure:
    rates = []
    for _ in range(RUNS):
        started = time.perf_counter()
        for token in tokens:
            verify_receipt(token)
        rates.append(len(tokens) / (time.perf_counter() - started))
    return Figure(
        "receipts verified (verify_receipt)",
        statistics.median(rates),
        "/s",
        target=2_000,
        higher_is_better=True,
        note=f"{len(tokens):,} receipts",
    )


def build_overview_vault(directory: Path) -> Vault:
    """1 000 vendors, 50 000 consents over a few fields: a third of them revoked or expired."""
    vault = new_vault(directory)
    for key in OVERVIEW_FIELDS[3:]:
        vault.fields.set(key, "sample")
    vendor_ids = add_vendors(vault, OVERVIEW_VENDORS)
    # One real signed receipt stands in for the stored JWS of every row: the Overview reads
    # only the status, vendor and field columns.
    sample = ConsentBook(vault).grant(_requests(vendor_ids, 1)[0]).row.receipt_jws
    now = int(time.time())
    with vault.write() as connection:
        for index in range(OVERVIEW_CONSENTS - 1):
            consent_id = str(uuid.uuid4())
            fields = OVERVIEW_FIELDS[index % 3 : index % 3 + 1 + index % 4]
            consent_store.insert(
                connection,
                consent_id=consent_id,
                vendor_id=vendor_ids[index % OVERVIEW_VENDORS],
                offer_id=None,
                kid="bench",
                granted_at=now - 3600,
                expires_at=now + (index % 90 + 1) * 86_400,
                purposes=(2,),
                summary="bench",
                receipt_jws=sample,
                field_keys=fields,
            )
            if index % 3 == 1:
                consent_store.end(connection, consent_id, "revoked", now)
    return vault


def _overview_core_figure(vault: Vault) -> Figure:
    book = ConsentBook(vault)
    samples = []
    for _ in range(OVERVIEW_RUNS):
        started = time.perf_counter()
        view = book.overview()
        samples.append(time.perf_counter() - started)
    cells = len(view.cells)
    return Figure(
        f"Overview data: {len(view.vendors):,} vendors x {len(view.field_keys)} fields",
        statistics.median(samples) * 1000,
        "ms",
        note=f"{cells:,} cells, {OVERVIEW_CONSENTS:,} consents; max {max(samples) * 1000:.0f} ms",
    )


def _overview_page_figure(directory: Path) -> Figure:
    """From ``reload()`` of the shown Overview page until its matrix has been painted."""
    from PySide6.QtWidgets import QApplication

    from bench.bench_ui_table import _PaintWatcher, _settle, _wait_until
    from ui.pages.overview_page import OverviewPage
    from ui.tasks import VaultRunner

    _app = QApplication.instance() or QApplication([])
    runner = VaultRunner()
    runner.open(lambda: Vault.open_with_passphrase(directory, PASSPHRASE)).result()
    _wait_until(lambda: runner.is_unlocked, [runner.unlocked])
    page = OverviewPage(runner)
    page.resize(1200, 800)
    page.show()
    samples = []
    try:
        _wait_until(lambda: page.loaded is not None, [page.model.modelReset])
        view = page.table
        for _ in range(OVERVIEW_RUNS):
            _settle()
            previous = page.loaded
            painted = _PaintWatcher(view, lambda p=previous: page.loaded is not p)
            started = time.perf_counter()
            page.reload()
            view.viewport().update()
            _wait_until(lambda w=painted: w.done, [painted.finished])
            samples.append(time.perf_counter() - started)
            view.viewport().removeEventFilter(painted)
        loaded = page.loaded
        assert loaded is not None
        rows, columns = page.model.rowCount(), page.model.columnCount()
    finally:
        _dispose(page, runner)
    return Figure(
        f"Overview page opens: {rows:,} vendors x {columns} fields",
        statistics.median(samples) * 1000,
        "ms",
        target=200,
        note=f"{OVERVIEW_CONSENTS:,} consents; max {max(samples) * 1000:.0f} ms",
    )


def _dispose(page: Any, runner: Any) -> None:
    """Delete the page and stop its vault thread now, so that nothing of this bench is left for
    a later garbage collection to tear down while the next bench's threads are running."""
    from PySide6.QtCore import QCoreApplication, QEvent

    page.close()
    page.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    runner.shutdown()
    gc.collect()


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="vrm-bench-consents-") as temporary:
        work = Path(temporary)
        issued, tokens = _issue_figures(work)
        figures = [*issued, _verify_figure(tokens[:ISSUE_COUNT])]
        vault = build_overview_vault(work / "overview")
        figures.append(_overview_core_figure(vault))
        vault.lock()
        figures.append(_overview_page_figure(work / "overview"))
    return figures
