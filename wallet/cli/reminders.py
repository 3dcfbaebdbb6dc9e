"""``vrm-wallet-cli reminders``: what needs attention now (consents and cards about to end,
offers waiting, messages failing, ends not confirmed), most urgent first."""

from __future__ import annotations

import argparse
from typing import Any

from wallet.cli.support import command, one_line, print_json, unlocked
from wallet.reminders import CONFIRMATION_GRACE_DAYS, Reminder, due_reminders
from wallet.settings import setting_range


def lead_days(text: str) -> int:
    """``--lead-days``: a whole number of days in the setting's range."""
    low, high = setting_range("reminder_lead_days")
    try:
        days = int(text)
    except ValueError:
        days = low - 1
    if not low <= days <= high:
        raise argparse.ArgumentTypeError(f"expected a number of days from {low} to {high}")
    return days


def _text(reminder: Reminder) -> str:
    name = one_line(reminder.name, 60)
    when = reminder.when.isoformat() if reminder.when is not None else ""
    texts = {
        "consent_expiring": f"Your consent to {name} ends on {when}.",
        "card_expired": f"Your {name} card expired on {when}.",
        "card_expiring": f"Your {name} card expires on {when}.",
        "end_unconfirmed": (
            f"{name} has not confirmed the end of your consent revoked on {when} "
            f"(more than {CONFIRMATION_GRACE_DAYS} days ago)."
        ),
        "delivery_failing": f"{reminder.count} message(s) to {name} keep failing.",
        "offers_waiting": f"{reminder.count} offer(s) for {name} wait for your decision.",
    }
    return texts[reminder.kind]


def _json(reminder: Reminder) -> dict[str, Any]:
    return {
        "kind": reminder.kind,
        "subject": reminder.subject,
        "name": reminder.name,
        "when": reminder.when.isoformat() if reminder.when is not None else None,
        "count": reminder.count,
        "key": reminder.key,
    }


def cmd_reminders(args: argparse.Namespace) -> int:
    """What needs attention now, most urgent first."""
    with unlocked(args) as vault:
        lead = args.lead_days if args.lead_days is not None else vault.settings().reminder_lead_days
        found = due_reminders(vault, lead_days=lead)
    if args.json:
        print_json([_json(reminder) for reminder in found])
    elif not found:
        print("Nothing needs your attention.")
    else:
        for reminder in found:
            print(f"- {_text(reminder)}  [{reminder.subject}]")
    return 0


def add_commands(commands: Any) -> None:
    reminders = command(commands, "reminders", cmd_reminders, json_output=True)
    reminders.add_argument(
        "--lead-days",
        type=lead_days,
        metavar="DAYS",
        help="count what ends within DAYS days (else the setting reminder_lead_days)",
    )
