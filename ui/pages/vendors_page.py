"""Vendors: the directory of vendors you deal with, their pinned keys, and adding one from a URL.

Adding fetches the vendor's ``/.well-known/vrm-vendor.json`` on the network executor
(:class:`ui.network.NetworkRunner`), asks the worker what adding would do, shows the name, URL and
key fingerprint for confirmation, and only then writes through the vault worker. A vendor that
now presents a different key is recorded as "key change pending" and is trusted only after an
explicit approval that shows both fingerprints. The GUI thread never waits on either.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.background import while_alive
from ui.dialogs import ask, vendor_dialogs
from ui.models.vendors_model import VendorColumn, VendorsModel
from ui.network import NetworkRunner, NetworkTask
from ui.pages.base import Page
from ui.tasks import VaultRunner
from ui.widgets.busy import BusyIndicator
from ui.widgets.layout import content_or_empty
from wallet.changes import Changes, Part
from wallet.vendors import (
    AddPreview,
    AddResult,
    FetchedMetadata,
    ImportReport,
    VendorDirectory,
    VendorEntry,
    fetch_metadata,
)

CATEGORIES_WIDTH = 140


class VendorsPage(Page):
    """The vendor directory with add-from-URL, key approval, removal, import and export.

    It reloads when an operation changed the directory (``runner.changed``), wherever that
    operation ran (a delivery that found a vendor gone, say).

    Attributes (for tests): ``url_edit``, ``add_button``, ``cancel_button``, ``busy``, ``table``,
    ``model``, ``stack``, ``empty_label``, ``approve_button``, ``remove_button``,
    ``import_button``, ``export_button``, ``status``, ``error``.
    """

    def __init__(
        self, runner: VaultRunner, network: NetworkRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self._network = network
        self._fetch: NetworkTask | None = None
        self._select_next: str | None = None  # the vendor to select when the directory reloads
        self._build()
        runner.locked.connect(self._on_locked)
        runner.changed.connect(self._on_vault_changed)
        if runner.is_unlocked:
            self.reload()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "Vendors you send intentions to. Each vendor's key is pinned when you add it; "
                "if it ever changes, nothing from the new key is trusted until you approve it."
            )
        )
        intro.setWordWrap(True)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText(
            self.tr("Vendor address, e.g. https://shop.example or its vrm-vendor.json URL")
        )
        self.url_edit.setClearButtonEnabled(True)
        self.url_edit.returnPressed.connect(self.add_from_url)
        self.url_edit.textChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("&Add from URL…"))
        self.add_button.clicked.connect(self.add_from_url)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_fetch)
        self.cancel_button.setVisible(False)
        self.busy = BusyIndicator()
        self.busy.setMaximumWidth(120)
        add_row = QHBoxLayout()
        add_row.addWidget(self.url_edit, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.cancel_button)
        add_row.addWidget(self.busy)

        self.model = VendorsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Names, ids and the status are read whole; the fingerprint takes the rest of the width
        # (its tooltip and the confirmation dialogs show it in full).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (VendorColumn.NAME, VendorColumn.ID, VendorColumn.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VendorColumn.FINGERPRINT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(VendorColumn.CATEGORIES, CATEGORIES_WIDTH)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _index: self.approve_selected())
        self.stack, self.empty_label = content_or_empty(
            self.table,
            self.tr(
                "<h3>No vendors yet</h3><p>Type a vendor's address above and choose "
                "<i>Add from URL</i>, or import a vendor list.</p>"
            ),
        )

        self.approve_button = QPushButton(self.tr("A&pprove new key…"))
        self.approve_button.setToolTip(
            self.tr("Trust the new key the selected vendor presented (shows both fingerprints)")
        )
        self.approve_button.clicked.connect(self.approve_selected)
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.clicked.connect(self.import_list)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.clicked.connect(self.export_list)
        actions = QHBoxLayout()
        actions.addWidget(self.approve_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(add_row)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.stack, 1)
        layout.addLayout(actions)
        self._update_buttons()

    # ------------------------------------------------------------------ loading

    def reload(self, *, select: str | None = None) -> None:
        """Load the directory from the vault (then select vendor ``select``, if given)."""
        if select is not None:
            self._select_next = select

        def show(entries: list[VendorEntry]) -> None:
            selected = self._select_next or self._selected_id()
            self._select_next = None
            self.model.set_entries(entries)
            self.stack.setCurrentWidget(self.table if entries else self.empty_label)
            row = self.model.row_of(selected) if selected else -1
            if row >= 0:
                self.table.selectRow(row)
            self._update_buttons()

        self.run(lambda vault: VendorDirectory(vault).entries(), on_success=show)

    def _on_vault_changed(self, changes: Changes) -> None:
        if changes.touches(Part.VENDORS):
            self.reload()

    def _select_when_reloaded(self, vendor_id: str) -> None:
        """Select ``vendor_id`` once the reload that the change caused arrives."""
        self._select_next = vendor_id

    def selected_entry(self) -> VendorEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _selected_id(self) -> str | None:
        entry = self.selected_entry()
        return entry.vendor.id if entry else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        fetching = self._fetch is not None
        self.add_button.setEnabled(not fetching and bool(self.url_edit.text().strip()))
        self.url_edit.setReadOnly(fetching)
        self.cancel_button.setVisible(fetching)
        self.busy.set_busy(fetching)
        self.approve_button.setEnabled(entry is not None and entry.key_change_pending)
        self.remove_button.setEnabled(entry is not None)
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def _on_locked(self) -> None:
        self.cancel_fetch()
        self._select_next = None
        self.model.set_entries([])
        self.stack.setCurrentWidget(self.empty_label)
        self.clear_messages()
        self._update_buttons()

    # ------------------------------------------------------------------ adding

    def add_from_url(self) -> None:
        """Fetch the metadata at the typed URL, then ask before trusting its key."""
        url = self.url_edit.text().strip()
        if not url or self._fetch is not None:
            return
        self.show_status(self.tr("Fetching the vendor's details from %1…").replace("%1", url))
        network = self._network

        async def fetch() -> FetchedMetadata:
            return await fetch_metadata(await network.transport(), url)

        self._fetch = network.submit(
            fetch,
            on_success=while_alive(self, self._on_fetched),
            on_error=while_alive(self, self._on_fetch_failed),
        )
        self._update_buttons()

    def cancel_fetch(self) -> None:
        """Stop fetching a vendor's details (nothing is added)."""
        if self._fetch is not None:
            self._fetch.cancel()
            self._fetch = None
            self.status.clear()
            self._update_buttons()

    def _on_fetched(self, fetched: FetchedMetadata) -> None:
        self._fetch = None
        self._update_buttons()
        self.run(
            lambda vault: VendorDirectory(vault).preview_add(fetched), on_success=self._confirm_add
        )

    def _on_fetch_failed(self, error: Exception) -> None:
        self._fetch = None
        self._update_buttons()
        self.show_error(error)

    def _confirm_add(self, preview: AddPreview) -> None:
        fetched = preview.fetched
        metadata = fetched.metadata
        self.status.clear()
        if preview.outcome == "unchanged":
            self.show_status(
                self.tr("%1 is already in your vendors with this key; nothing changed.").replace(
                    "%1", metadata.name
                )
            )
            self.url_edit.clear()
            self.reload(select=metadata.id)
            return
        if preview.outcome == "key_change_pending":
            self._record_key_change(fetched)
            return
        if not vendor_dialogs.confirm_new_vendor(
            self,
            name=metadata.name,
            vendor_id=metadata.id,
            url=fetched.url,
            fingerprint=fetched.fingerprint,
            refresh=preview.outcome == "updated",
        ):
            self.show_status(self.tr("Not added: you did not trust the key."))
            return

        def added(result: AddResult) -> None:
            message = self.tr("Added %1.") if result.outcome == "added" else self.tr("Updated %1.")
            self.show_status(message.replace("%1", result.vendor.name))
            self.url_edit.clear()
            self._select_when_reloaded(result.vendor.id)

        self.run(lambda vault: VendorDirectory(vault).add(fetched), on_success=added)

    def _record_key_change(self, fetched: FetchedMetadata) -> None:
        """Keep the new key as pending (not trusted) and say how to approve it."""
        name = fetched.metadata.name

        def recorded(result: AddResult) -> None:
            self.error.show_text(
                self.tr(
                    "%1 now presents a DIFFERENT key than the one you pinned, so it was not "
                    "trusted. If the vendor confirms the change through another channel, select "
                    "it and choose Approve new key."
                ).replace("%1", name)
            )
            self._select_when_reloaded(result.vendor.id)

        self.run(lambda vault: VendorDirectory(vault).add(fetched), on_success=recorded)

    # ------------------------------------------------------------------ changing

    def approve_selected(self) -> None:
        """Ask, showing both fingerprints, whether to trust the selected vendor's new key."""
        entry = self.selected_entry()
        if entry is None or entry.pending_fingerprint is None:
            return
        vendor = entry.vendor
        if not vendor_dialogs.confirm_key_change(
            self,
            name=vendor.name,
            vendor_id=vendor.id,
            old_fingerprint=entry.fingerprint or self.tr("refused key"),
            new_fingerprint=entry.pending_fingerprint,
        ):
            return
        vendor_id, name = vendor.id, vendor.name

        def approved(_row: object) -> None:
            self.show_status(self.tr("%1 now uses its new key.").replace("%1", name))
            self._select_when_reloaded(vendor_id)

        self.run(
            lambda vault: VendorDirectory(vault).approve_key_change(vendor_id),
            on_success=approved,
        )

    def remove_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        vendor_id, name = entry.vendor.id, entry.vendor.name
        if not ask.confirm(
            self,
            self.tr("Remove vendor"),
            self.tr(
                "Remove %1 (%2) from your vendors? Messages not yet delivered to it are "
                "cancelled, and its key is forgotten."
            )
            .replace("%1", name)
            .replace("%2", vendor_id),
            action=self.tr("Remove"),
        ):
            return

        def removed(cancelled: int) -> None:
            message = self.tr("Removed %1.").replace("%1", name)
            if cancelled:
                message += " " + self.tr("%1 undelivered messages were cancelled.").replace(
                    "%1", str(cancelled)
                )
            self.show_status(message)

        self.run(lambda vault: VendorDirectory(vault).remove(vendor_id), on_success=removed)

    # ------------------------------------------------------------------ import and export

    def import_list(self) -> None:
        path = ask.pick_open_file(
            self,
            self.tr("Import a vendor list"),
            directory=Path.home(),
            name_filter=self.tr("Vendor lists (*.json);;All files (*)"),
        )
        if path is None:
            return

        def imported(report: ImportReport) -> None:
            message = (
                self.tr("Imported %1 new and %2 updated vendors; %3 refused.")
                .replace("%1", str(len(report.added)))
                .replace("%2", str(len(report.updated)))
                .replace("%3", str(len(report.refused)))
            )
            self.show_status(message)
            if report.refused:
                entry = self.tr("Entry %1: %2")
                lines = [
                    entry.replace("%1", str(index)).replace("%2", " ".join(reason.split()))
                    for index, reason in report.refused[:10]
                ]
                self.error.show_text("\n".join(lines))

        self.run(lambda vault: VendorDirectory(vault).import_file(path), on_success=imported)

    def export_list(self) -> None:
        path = ask.pick_save_file(
            self,
            self.tr("Export your vendors"),
            suggested=Path.home() / "vendors.json",
            name_filter=self.tr("Vendor lists (*.json)"),
        )
        if path is None:
            return

        def exported(count: int) -> None:
            self.show_status(
                self.tr("Exported %1 vendors to %2.")
                .replace("%1", str(count))
                .replace("%2", str(path))
            )

        # The save dialog already asked before replacing an existing file.
        self.run(
            lambda vault: VendorDirectory(vault).export_file(path, force=True),
            on_success=exported,
        )
