"""Renewing the selected consent from the Consents page: asked, then one vault operation that
signs the new receipt and queues its disclosure (:meth:`wallet.consents.ConsentBook.renew`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.dialogs import ask
from wallet.consents import ConsentBook, ConsentRecord

if TYPE_CHECKING:
    from ui.pages.consents_page import ConsentsPage


def ask_and_renew(page: ConsentsPage) -> None:
    """Ask, then renew the selected active consent and show the new one."""
    line = page.selected_line()
    if line is None or line.row.status != "active":
        return
    row = line.row
    vendor = page.model.vendor_name(row.vendor_id)
    question = (
        QCoreApplication.translate(
            "ConsentRenewal",
            "Give %1 %2 again, for the same purposes and as long as before? A new consent with "
            "a new signed receipt starts now; the current one still ends on its date.",
        )
        .replace("%1", vendor)
        .replace("%2", line.fields_text)
    )
    title = QCoreApplication.translate("ConsentRenewal", "Renew consent")
    action = QCoreApplication.translate("ConsentRenewal", "Renew")
    if not ask.confirm(page, title, question, action=action):
        return
    consent_id = row.id

    def renewed(record: ConsentRecord) -> None:
        page.show_status(
            QCoreApplication.translate(
                "ConsentRenewal", "Renewed. %1 is being sent the new receipt."
            ).replace("%1", vendor)
        )
        page.reload(select=record.id)
        page.send_now()

    page.run(lambda vault: ConsentBook(vault).renew(consent_id), on_success=renewed)
