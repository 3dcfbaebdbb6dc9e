"""My terms: compose the terms vendors must accept (a roster agreement, IEEE 7012, with clauses),
preview them, keep signed versions, and see the vendors' agreements and counter-offers.

The clause picker and the live preview work on the catalogue alone (a small read-only data file,
loaded once), so typing never waits on the vault. Saving, loading versions and exporting go
through the runner; the callbacks only update widgets. Saved versions are immutable: "Save as new
version" always adds one, and the history shows each version's hash and signing key.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import ask
from ui.i18n.formats import local_date_time
from ui.i18n.language import current_language
from ui.pages.base import Page
from ui.pages.terms_agreements import AgreementsTab
from ui.pages.terms_changes import describe_changes, interface_language
from ui.pages.terms_clauses import ClauseRow, connect_change
from ui.tasks import VaultRunner
from wallet.changes import Changes, Part
from wallet.terms import (
    Catalogue,
    ClauseChoice,
    Language,
    SignedTerms,
    TermsBook,
    TermsVersion,
    choices_of,
    diff_documents,
    load_catalogue,
    load_roster,
    preview_draft,
    render_document,
)
from wallet.vault.facade import Vault
from wallet.wire.terms import MAX_FREE_TEXT

MIN_AGREEMENT_CHARACTERS = 24
HASH_VIEW_LINES = 6  # a version's hash and key, wrapped at a laptop's width


class TermsPage(Page):
    """Compose (clause picker, free text, language, preview, save) and History (versions, diff,
    hash and key, export). The history reloads when an operation changed the terms.

    Attributes (for tests): ``catalogue``, ``clause_rows`` (by clause id), ``free_text_edit``,
    ``add_free_text_button``, ``free_text_list``, ``remove_free_text_button``, ``language_combo``,
    ``preview``, ``save_button``, ``versions_list``, ``details``, ``diff_from``, ``diff_to``,
    ``diff_view``, ``export_button``, ``edit_button``, ``proof_button`` (shows ``details``),
    ``tabs``, ``status``, ``error``,
    ``agreement_combo`` (the roster agreement proffered), ``agreements`` (the Agreements tab).
    """

    def __init__(self, runner: VaultRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.catalogue: Catalogue = load_catalogue()
        self._versions: list[TermsVersion] = []
        self._loaded_once = False
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_compose(), self.tr("Compose"))
        self.tabs.addTab(self._build_history(), self.tr("History"))
        self.agreements = AgreementsTab(self)
        self.tabs.addTab(self.agreements, self.tr("Agreements"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        runner.unlocked.connect(self.reload)
        runner.locked.connect(self._on_locked)
        runner.changed.connect(self._on_vault_changed)
        self.update_preview()

    # ------------------------------------------------------------------ building

    def _build_compose(self) -> QWidget:
        self.language_combo = QComboBox()
        for code, name in (("en", "English"), ("es", "Español"), ("it", "Italiano")):
            self.language_combo.addItem(name, code)
        # The terms are first written in the interface's language (the person can pick another).
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(current_language().code))
        )
        self.language_combo.setToolTip(self.tr("The language of the preview and of your free text"))
        self.agreement_combo = QComboBox()
        self.agreement_combo.setToolTip(
            self.tr("The standard agreement (IEEE 7012 roster) you proffer to vendors")
        )
        self.agreement_combo.addItem(self.tr("No standard agreement (clauses only)"), None)
        for agreement in load_roster().agreements:
            self.agreement_combo.addItem(agreement.title.get(self.language()), agreement.id)
            # For those who look the agreement up in the IEEE 7012 roster.
            self.agreement_combo.setItemData(
                self.agreement_combo.count() - 1, agreement.id, Qt.ItemDataRole.ToolTipRole
            )
        # A long title is elided, not a reason for a wider page (the list shows it whole).
        self.agreement_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.agreement_combo.setMinimumContentsLength(MIN_AGREEMENT_CHARACTERS)
        self.agreement_combo.currentIndexChanged.connect(self.update_preview)
        self.clause_rows: dict[str, ClauseRow] = {}
        clauses = QWidget()
        clause_layout = QVBoxLayout(clauses)
        for clause in self.catalogue.clauses:
            row = ClauseRow(clause, self.language())
            row.check.toggled.connect(self.update_preview)
            for editor in row.editors.values():
                connect_change(editor, self.update_preview)
            self.clause_rows[clause.id] = row
            clause_layout.addWidget(row)
        clause_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(clauses)
        # Wide enough for every parameter editor, so only vertical scrolling is ever needed (the
        # titles wrap: they never need more).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scrollbar = scroll.verticalScrollBar().sizeHint().width()
        needed = clauses.minimumSizeHint().width() + scrollbar + 2 * scroll.frameWidth()
        scroll.setMinimumWidth(needed)

        self.free_text_edit = QLineEdit()
        self.free_text_edit.setPlaceholderText(self.tr("A clause in your own words…"))
        # As long as the core takes: a longer one would only be refused (in the core's words).
        self.free_text_edit.setMaxLength(MAX_FREE_TEXT)
        self.add_free_text_button = QPushButton(self.tr("Add"))
        self.free_text_list = QListWidget()
        self.free_text_list.setMaximumHeight(90)  # shown once it lists a clause (update_preview)
        self.remove_free_text_button = QPushButton(self.tr("Remove"))
        self.add_free_text_button.clicked.connect(self._add_free_text)
        self.free_text_edit.returnPressed.connect(self._add_free_text)
        self.remove_free_text_button.clicked.connect(self._remove_free_text)
        free_row = QHBoxLayout()
        free_row.addWidget(self.free_text_edit, 1)
        free_row.addWidget(self.add_free_text_button)
        free_row.addWidget(self.remove_free_text_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Agreement")))
        left_layout.addWidget(self.agreement_combo)
        left_layout.addWidget(QLabel(self.tr("Standard clauses added to it")))
        left_layout.addWidget(scroll, 1)
        free_caption = QLabel(self.tr("Free-text clauses (kept as you write them)"))
        free_caption.setWordWrap(True)
        left_layout.addWidget(free_caption)
        left_layout.addLayout(free_row)
        left_layout.addWidget(self.free_text_list)

        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.save_button = QPushButton(self.tr("&Save as new version"))
        self.save_button.setToolTip(self.tr("Sign these terms and keep them as a new version"))
        self.save_button.clicked.connect(self.save)
        self.language_combo.currentIndexChanged.connect(self._on_language_changed)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Preview in")))
        top.addWidget(self.language_combo)
        top.addStretch(1)
        right_layout.addLayout(top)
        right_layout.addWidget(self.preview, 1)
        # Below what it saves (beside the language, the row was wider than a laptop leaves it).
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        right_layout.addLayout(bottom)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 480])
        return splitter

    def _build_history(self) -> QWidget:
        self.versions_list = QListWidget()
        self.versions_list.currentRowChanged.connect(self._show_details)
        self.details = _hash_view()
        self.details.setAccessibleName(self.tr("Hash and signing key of the selected version"))
        # For those who verify: one click away, not in the way of reading the versions.
        self.details.setVisible(False)
        self.proof_button = QPushButton(self.tr("Si&gnature details"))
        self.proof_button.setCheckable(True)
        self.proof_button.setToolTip(self.tr("Show the selected version's hash and signing key"))
        self.proof_button.toggled.connect(self.details.setVisible)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Save the selected version as signed JSON"))
        self.export_button.clicked.connect(self.export_selected)
        self.edit_button = QPushButton(self.tr("Edit as new version"))
        self.edit_button.setToolTip(self.tr("Load the selected version into the clause picker"))
        self.edit_button.clicked.connect(self._edit_selected)
        self.diff_from = QComboBox()
        self.diff_to = QComboBox()
        self.diff_from.currentIndexChanged.connect(self.update_diff)
        self.diff_to.currentIndexChanged.connect(self.update_diff)
        self.diff_view = QPlainTextEdit()
        self.diff_view.setReadOnly(True)
        self.version_text = QPlainTextEdit()
        self.version_text.setReadOnly(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(QLabel(self.tr("Saved versions")), 1)
        heading.addWidget(self.proof_button)
        left_layout.addLayout(heading)
        left_layout.addWidget(self.versions_list, 1)
        left_layout.addWidget(self.details)
        left_layout.addLayout(buttons)

        compare = QFormLayout()
        compare.addRow(self.tr("Compare version"), self.diff_from)
        compare.addRow(self.tr("with version"), self.diff_to)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.version_text, 2)
        right_layout.addLayout(compare)
        right_layout.addWidget(self.diff_view, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 520])
        return splitter

    # ------------------------------------------------------------------ composing

    def language(self) -> Language:
        code: Language = (
            self.language_combo.currentData() if hasattr(self, "language_combo") else "en"
        )
        return code

    def agreement(self) -> str | None:
        """The roster agreement picked (None: clauses only)."""
        if not hasattr(self, "agreement_combo"):
            return None
        picked: str | None = self.agreement_combo.currentData()
        return picked

    def choices(self) -> list[ClauseChoice]:
        """What the picker currently says, in catalogue order, then the free text."""
        picked = [
            ClauseChoice(clause_id, row.params())
            for clause_id, row in self.clause_rows.items()
            if row.check.isChecked()
        ]
        texts = [self.free_text_list.item(i).text() for i in range(self.free_text_list.count())]
        return picked + [ClauseChoice.free(text) for text in texts]

    def update_preview(self) -> None:
        """Render the draft in the chosen language (on the GUI thread: catalogue only)."""
        latest = self._versions[-1].document if self._versions else None
        preview = preview_draft(
            self.choices(),
            self.language(),
            self.catalogue,
            latest=latest,
            agreement=self.agreement(),
            roster_ids=False,  # the title says it; the id is in the agreement list's tooltip
        )
        if preview.state == "empty":
            self.preview.setPlainText(
                self.tr("Pick an agreement or clauses on the left to see your terms here.")
            )
        elif preview.state == "same":
            # Saving the same clauses again would only add a version that changes nothing.
            text = self.tr("Same as your saved version %1").replace("%1", str(preview.same_as))
            self.preview.setPlainText(text + "\n\n" + preview.text)
        else:
            self.preview.setPlainText(preview.text)
        self.save_button.setEnabled(preview.can_save and self._runner.is_unlocked)
        has_free_text = self.free_text_list.count() > 0
        self.free_text_list.setVisible(has_free_text)
        self.remove_free_text_button.setEnabled(has_free_text)

    def _on_language_changed(self) -> None:
        for row in self.clause_rows.values():
            row.retitle(self.language())
        for index, agreement in enumerate(load_roster().agreements, start=1):
            self.agreement_combo.setItemText(index, agreement.title.get(self.language()))
        self.agreements.set_language(self.language())
        self.update_preview()
        self._show_details(self.versions_list.currentRow())
        self.update_diff()

    def _add_free_text(self) -> None:
        text = self.free_text_edit.text().strip()
        if text:
            QListWidgetItem(text, self.free_text_list)
            self.free_text_edit.clear()
            self.update_preview()

    def _remove_free_text(self) -> None:
        row = self.free_text_list.currentRow()
        if row >= 0:
            self.free_text_list.takeItem(row)
            self.update_preview()

    def load_choices(self, choices: list[ClauseChoice], agreement: str | None = None) -> None:
        """Set the picker to ``agreement`` and ``choices`` (e.g. a saved version), then refresh
        the preview."""
        self.agreement_combo.blockSignals(True)
        self.agreement_combo.setCurrentIndex(max(0, self.agreement_combo.findData(agreement)))
        self.agreement_combo.blockSignals(False)
        chosen = {choice.id: choice for choice in choices if choice.id}
        for clause_id, row in self.clause_rows.items():
            row.check.setChecked(clause_id in chosen)
            if clause_id in chosen:
                row.set_params(dict(chosen[clause_id].params))
        self.free_text_list.clear()
        for choice in choices:
            if choice.text is not None:
                QListWidgetItem(choice.text, self.free_text_list)
        self.update_preview()

    def save(self) -> None:
        """Save the draft as a new signed version (on the vault worker)."""
        choices, language, agreement = self.choices(), self.language(), self.agreement()
        self.save_button.setEnabled(False)
        self.error.clear()

        def compose(vault: Vault) -> TermsVersion:
            return TermsBook(vault, catalogue=self.catalogue).compose(
                choices, language=language, agreement=agreement
            )

        self.run(compose, on_success=self._on_saved, on_error=self._on_failed)

    def _on_saved(self, saved: TermsVersion) -> None:
        # The history reloads from the change this save made (``runner.changed``).
        # The hash is one click away, in History: a 64-digit word here widened the page.
        self.show_status(
            self.tr("Saved and signed version %1 (its hash and key are in History).").replace(
                "%1", str(saved.version)
            )
        )
        self.update_preview()

    def _on_failed(self, error: Exception) -> None:
        self.update_preview()
        self.show_error(error)

    # ------------------------------------------------------------------ history

    def reload(self) -> None:
        """Load the saved versions and the vendors' agreements from the vault."""
        self.run(
            lambda vault: TermsBook(vault, catalogue=self.catalogue).versions(),
            on_success=self._show_versions,
            on_error=self._on_failed,
        )
        self.agreements.reload()

    def _on_vault_changed(self, changes: Changes) -> None:
        if changes.touches(Part.TERMS):
            self.reload()

    def _show_versions(self, versions: list[TermsVersion]) -> None:
        self._versions = versions
        self.versions_list.blockSignals(True)
        self.versions_list.clear()
        for version in reversed(versions):  # newest first
            QListWidgetItem(
                self.tr("Version %1 · %2 · %3 clauses")
                .replace("%1", str(version.version))
                .replace("%2", local_date_time(version.issued))
                .replace("%3", str(len(version.document.clauses))),
                self.versions_list,
            )
        self.versions_list.blockSignals(False)
        for combo in (self.diff_from, self.diff_to):
            combo.blockSignals(True)
            combo.clear()
            for version in versions:
                combo.addItem(
                    self.tr("Version %1").replace("%1", str(version.version)), version.version
                )
            combo.blockSignals(False)
        if len(versions) >= 2:
            self.diff_from.setCurrentIndex(len(versions) - 2)
        self.diff_to.setCurrentIndex(len(versions) - 1)
        if versions:
            self.versions_list.setCurrentRow(0)
        self._show_details(self.versions_list.currentRow())
        self.update_diff()
        if versions and not self._loaded_once and not self.choices():
            self.load_choices(choices_of(versions[-1].document))  # continue from the latest
        self._loaded_once = True
        self.update_preview()

    def selected_version(self) -> TermsVersion | None:
        row = self.versions_list.currentRow()
        return (
            self._versions[len(self._versions) - 1 - row]
            if 0 <= row < len(self._versions)
            else None
        )

    def _show_details(self, _row: int) -> None:
        chosen = self.selected_version()
        self.export_button.setEnabled(chosen is not None)
        self.edit_button.setEnabled(chosen is not None)
        if chosen is None:
            self.details.setPlainText(self.tr("No saved version yet."))
            self.version_text.clear()
            return
        self.details.setPlainText(
            self.tr("SHA-256: %1\nSigned by key: %2\nKey id (kid): %3")
            .replace("%1", chosen.sha256)
            .replace("%2", chosen.fingerprint)
            .replace("%3", chosen.kid)
        )
        self.version_text.setPlainText(
            render_document(chosen.document, self.language(), self.catalogue, roster_ids=False)
        )

    def update_diff(self) -> None:
        by_number = {version.version: version for version in self._versions}
        before = by_number.get(self.diff_from.currentData())
        after = by_number.get(self.diff_to.currentData())
        if before is None or after is None:
            self.diff_view.setPlainText(self.tr("Save two versions to compare them."))
            return
        # Said in the interface's language (the CLI prints the core's own English lines).
        lines = describe_changes(
            diff_documents(before.document, after.document), self.catalogue, interface_language()
        )
        self.diff_view.setPlainText(
            "\n".join(lines) if lines else self.tr("No differences in the clauses.")
        )

    def _edit_selected(self) -> None:
        chosen = self.selected_version()
        if chosen is not None:
            self.load_choices(choices_of(chosen.document), chosen.document.agreement)
            self.tabs.setCurrentIndex(0)

    def export_selected(self) -> None:
        """Ask where to save the selected version, then write it on the vault worker."""
        chosen = self.selected_version()
        if chosen is None:
            return
        target = ask.pick_save_file(
            self,
            self.tr("Export terms"),
            suggested=Path.home() / f"my-terms-v{chosen.version}.json",
            name_filter=self.tr("JSON files (*.json)"),
        )
        if target is None:
            return
        number = chosen.version

        def export(vault: Vault) -> SignedTerms:
            # The file dialog already asked before replacing an existing file.
            return TermsBook(vault).export_to_file(target, version=number, overwrite=True)

        self.run(
            export,
            on_success=lambda _signed: self.show_status(
                self.tr("Exported version %1 to %2.")
                .replace("%1", str(number))
                .replace("%2", str(target))
            ),
            on_error=self._on_failed,
        )

    def _on_locked(self) -> None:
        self._versions = []
        self._loaded_once = False
        self.versions_list.clear()
        self.diff_from.clear()
        self.diff_to.clear()
        self.version_text.clear()
        self.diff_view.clear()
        self.load_choices([])
        self.agreements.clear()
        self.clear_messages()


def _hash_view() -> QPlainTextEdit:
    """A version's hash and key, selectable, in a fixed font that wraps anywhere: a 64-digit hash
    is one word, which a label cannot wrap (the page would be wider than a laptop's screen)."""
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    view.viewport().setAutoFillBackground(False)
    view.setMaximumHeight(view.fontMetrics().lineSpacing() * HASH_VIEW_LINES)
    return view
