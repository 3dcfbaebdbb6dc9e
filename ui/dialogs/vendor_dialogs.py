"""The Vendors page's questions: trust a new vendor's key, trust a vendor's changed key.

Both show the key fingerprint, which the person can compare with one the vendor publishes
elsewhere. Like :mod:`ui.dialogs.ask`, widgets call them as module attributes
(``vendor_dialogs.confirm_new_vendor(...)``) so tests can monkeypatch the answer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.text import escape_html


def _ask(parent: QWidget | None, title: str, html: str, action: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, "", QMessageBox.StandardButton.NoButton, parent
    )
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(html)
    accept = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is accept


def _fingerprint(fingerprint: str) -> str:
    return f"<p style='font-family: monospace; font-size: large'>{escape_html(fingerprint)}</p>"


def confirm_new_vendor(
    parent: QWidget | None,
    *,
    name: str,
    vendor_id: str,
    url: str,
    fingerprint: str,
    refresh: bool = False,
) -> bool:
    """Ask whether to add (or, with ``refresh``, update) a vendor and trust its key."""
    if refresh:
        question = QCoreApplication.translate(
            "vendor_dialogs", "Update the details of <b>%1</b> (%2)? Its key is unchanged."
        )
    else:
        question = QCoreApplication.translate(
            "vendor_dialogs", "Add <b>%1</b> (%2) to your vendors and trust its key?"
        )
    html = (
        "<p>"
        + question.replace("%1", escape_html(name)).replace("%2", escape_html(vendor_id))
        + "</p><p>"
        + QCoreApplication.translate("vendor_dialogs", "From: %1").replace("%1", escape_html(url))
        + "</p><p>"
        + QCoreApplication.translate("vendor_dialogs", "Key fingerprint:")
        + "</p>"
        + _fingerprint(fingerprint)
        + "<p>"
        + QCoreApplication.translate(
            "vendor_dialogs",
            "If the vendor publishes its fingerprint elsewhere (its shop, a receipt), check that "
            "they match. Messages to this vendor will be accepted only with this key.",
        )
        + "</p>"
    )
    title = (
        QCoreApplication.translate("vendor_dialogs", "Update vendor")
        if refresh
        else QCoreApplication.translate("vendor_dialogs", "Add vendor")
    )
    return _ask(
        parent,
        title,
        html,
        QCoreApplication.translate("vendor_dialogs", "Update")
        if refresh
        else QCoreApplication.translate("vendor_dialogs", "Add and trust"),
    )


def confirm_key_change(
    parent: QWidget | None,
    *,
    name: str,
    vendor_id: str,
    old_fingerprint: str,
    new_fingerprint: str,
) -> bool:
    """Ask whether to trust the new key a vendor presented instead of the pinned one."""
    html = (
        "<p>"
        + QCoreApplication.translate(
            "vendor_dialogs", "<b>%1</b> (%2) now presents a different key."
        )
        .replace("%1", escape_html(name))
        .replace("%2", escape_html(vendor_id))
        + "</p><p>"
        + QCoreApplication.translate("vendor_dialogs", "Pinned key:")
        + "</p>"
        + _fingerprint(old_fingerprint)
        + "<p>"
        + QCoreApplication.translate("vendor_dialogs", "New key:")
        + "</p>"
        + _fingerprint(new_fingerprint)
        + "<p>"
        + QCoreApplication.translate(
            "vendor_dialogs",
            "Trust it only if the vendor confirmed the change through another channel; someone "
            "impersonating the vendor would also present a new key.",
        )
        + "</p>"
    )
    return _ask(
        parent,
        QCoreApplication.translate("vendor_dialogs", "Approve new key"),
        html,
        QCoreApplication.translate("vendor_dialogs", "Trust the new key"),
    )
