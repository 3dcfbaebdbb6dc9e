"""A GDPR data-subject request (Art. 17 erasure, or Art. 15 access) to one vendor.

The person picks the language; **Write the request** has the core write, sign, store and log it
(:class:`~wallet.consents.requests.DataRequestBook`, on the vault worker). The letter is then
shown, to copy, to open in the e-mail app (a ``mailto:`` link to the vendor's address when it
publishes one) or to save as the signed JSON document. Nothing is sent by the wallet itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import clipboard
from ui.accessibility import prepare_for_keyboard
from ui.dialogs import ask
from ui.i18n.language import current_language
from ui.tasks import VaultRunner
from ui.text import escape_html
from ui.widgets.layout import size_for_screen
from ui.widgets.messages import InlineMessage, error_text
from wallet.consents.requests import DataRequestBook, DataRequestRecord, RequestKind
from wallet.errors import VaultLocked
from wallet.files import atomic_write_bytes

LANGUAGE_NAMES = (("en", "English"), ("es", "Español"), ("it", "Italiano"))


def open_url(url: str) -> bool:
    """Open ``url`` with the desktop's handler (tests monkeypatch it)."""
    return QDesktopServices.openUrl(QUrl(url))


class RequestDialog(QDialog):
    """Write a data-subject request to ``vendor_id`` and show it.

    Attributes (for tests): ``language_combo``, ``write_button``, ``letter``, ``copy_button``,
    ``mail_button``, ``save_button``, ``note``, ``error``, ``record`` (the request written, or
    ``None``).
    """

    def __init__(
        self,
        runner: VaultRunner,
        parent: QWidget | None = None,
        *,
        vendor_id: str,
        vendor_name: str,
        kind: RequestKind = "erasure",
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._vendor_id = vendor_id
        self._kind = kind
        self.record: DataRequestRecord | None = None
        erasure = kind == "erasure"
        self.setWindowTitle(
            self.tr("Ask for erasure (GDPR Art. 17)")
            if erasure
            else self.tr("Ask what they hold (GDPR Art. 15)")
        )
        intro = QLabel(
            (
                self.tr(
                    "A letter asking <b>%1</b> to erase the personal data you gave it through "
                    "this wallet, naming the fields (never their values) and your consent "
                    "receipts. It is signed with the key those receipts name, so the vendor can "
                    "check it comes from you. The wallet keeps a copy; you send it."
                )
                if erasure
                else self.tr(
                    "A letter asking <b>%1</b> what personal data it holds about you and why. "
                    "The wallet keeps a copy; you send it."
                )
            ).replace("%1", escape_html(vendor_name))
        )
        intro.setWordWrap(True)
        self.language_combo = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        interface = self.language_combo.findData(current_language().code)  # the letter's default
        self.language_combo.setCurrentIndex(max(0, interface))
        self.write_button = QPushButton(self.tr("&Write the request"))
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.write)
        language_row = QHBoxLayout()
        language_row.addWidget(QLabel(self.tr("Language:")))
        language_row.addWidget(self.language_combo)
        language_row.addWidget(self.write_button)
        language_row.addStretch(1)
        self.letter = QPlainTextEdit()
        self.letter.setReadOnly(True)
        self.letter.setPlaceholderText(self.tr("The letter appears here once written."))
        self.note = InlineMessage()
        self.error = InlineMessage(error=True)
        self.copy_button = QPushButton(self.tr("&Copy the letter"))
        self.copy_button.clicked.connect(self.copy_letter)
        self.mail_button = QPushButton(self.tr("Open in &e-mail…"))
        self.mail_button.clicked.connect(self.open_mail)
        self.save_button = QPushButton(self.tr("&Save signed JSON…"))
        self.save_button.clicked.connect(self.save_json)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (self.copy_button, self.mail_button, self.save_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(language_row)
        layout.addWidget(self.letter, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._update_buttons()
        prepare_for_keyboard(self)  # Tab leaves text boxes; every control has a name
        self.resize(size_for_screen(self, QSize(640, 560)))  # smaller on a small screen

    def write(self) -> None:
        """Write, sign, store and log the request in the chosen language (once)."""
        if self.record is not None:
            return
        language = str(self.language_combo.currentData())
        vendor_id, kind = self._vendor_id, self._kind
        self.write_button.setEnabled(False)
        self.error.clear()
        self._runner.run(
            lambda vault: DataRequestBook(vault).create(vendor_id, kind, language=language),
            owner=self,
            on_success=self._written,
        )

    def _written(self, record: DataRequestRecord) -> None:
        self.record = record
        self.letter.setPlainText(record.text())
        notes = []
        if record.email:
            notes.append(self.tr("Send it to %1.").replace("%1", record.email))
        elif record.contact:
            notes.append(
                self.tr("The vendor publishes no e-mail address; its contact is %1.").replace(
                    "%1", record.contact
                )
            )
        if self._kind == "erasure" and record.active_consents:
            notes.append(
                self.tr(
                    "%n consent(s) to this vendor are still active: revoke them too, so the "
                    "wallet sends no more updates and the vendor gets a signed revocation.",
                    "",
                    len(record.active_consents),
                )
            )
        self.note.show_text(" ".join(notes))
        self._update_buttons()

    def copy_letter(self) -> None:
        if self.record is not None:
            seconds = clipboard.copy_secret(self.record.text())  # personal data: cleared after
            note = self.tr("The letter is on the clipboard; it is cleared in %1 s.")
            self.note.show_text(note.replace("%1", str(seconds)))

    def open_mail(self) -> None:
        if self.record is not None and not open_url(self.record.mailto()):
            self.error.show_text(self.tr("No e-mail app could be opened; copy the letter."))

    def save_json(self) -> None:
        record = self.record
        if record is None:
            return
        path = ask.pick_save_file(
            self,
            self.tr("Save the signed request"),
            suggested=Path.home() / f"{record.kind}-request-{record.vendor_id}.json",
            name_filter=self.tr("JSON files (*.json)"),
        )
        if path is None:
            return
        data = record.signed_json().encode("utf-8")

        def saved(_result: object) -> None:
            self.note.show_text(self.tr("Saved to %1.").replace("%1", str(path)))

        # Disk writes stay off the GUI thread (the save dialog already asked about replacing).
        self._runner.run(
            lambda _vault: atomic_write_bytes(path, data),
            owner=self,
            on_success=saved,
        )

    def _update_buttons(self) -> None:
        written = self.record is not None
        self.language_combo.setEnabled(not written)
        self.write_button.setEnabled(not written)
        for button in (self.copy_button, self.mail_button, self.save_button):
            button.setEnabled(written)

    def show_error(self, error: Exception) -> None:
        """An operation failed (the runner's default for this dialog): say why."""
        self._update_buttons()
        if not isinstance(error, VaultLocked):
            self.error.show_text(error_text(error))
