"""Where a reminder of the Home page leads: the consent, the intention's offers, the messages
set aside (Activity) or the loyalty card it is about."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.main_window import Workspace


def open_reminder(workspace: Workspace, kind: str, subject: str) -> None:
    """Show what the reminder of ``kind`` about ``subject`` is about, selected."""
    if kind in ("consent_expiring", "end_unconfirmed"):
        workspace.open_consent(subject)
        return
    pages = {"offers_waiting": workspace.intentions, "delivery_failing": workspace.activity}
    workspace.show_page(workspace.pages.indexOf(pages.get(kind, workspace.loyalty)))
    if kind == "offers_waiting":
        workspace.intentions.reload(select=subject)
    elif kind in ("card_expiring", "card_expired"):
        workspace.loyalty.select_card(int(subject))
