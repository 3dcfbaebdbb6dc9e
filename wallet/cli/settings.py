"""``vrm-wallet-cli settings``: the vault's settings shown, and one changed."""

from __future__ import annotations

import argparse
import json
from typing import Any

from pydantic import ValidationError

from wallet.cli.support import (
    CliError,
    command,
    command_group,
    print_json,
    print_table,
    unlocked,
)
from wallet.settings import VaultSettings

SETTING_HELP = {
    "auto_lock_minutes": "lock after this many idle minutes (0 = never)",
    "lock_on_screen_lock": "lock when the screen locks (true/false)",
    "clipboard_clear_seconds": "clear a copied value from the clipboard after this many seconds",
    "reminder_lead_days": "remind this many days before a consent or loyalty card ends",
    "relay_url": "the market relay (nats://127.0.0.1:4222 or tls://host:port; '' for none)",
}


def cmd_settings_show(args: argparse.Namespace) -> int:
    """The vault's settings."""
    with unlocked(args) as vault:
        current = vault.settings().model_dump()
    if args.json:
        print_json(current)
        return 0
    rows = [
        (name, json.dumps(value), SETTING_HELP.get(name, "")) for name, value in current.items()
    ]
    print_table(("setting", "value", "meaning"), rows)
    return 0


def cmd_settings_set(args: argparse.Namespace) -> int:
    """Change one setting (checked before the vault is unlocked)."""
    value = _parse_setting(args.name, args.value)
    with unlocked(args) as vault:
        vault.update_settings(**{args.name: value})
    print(f"{args.name} = {json.dumps(value)}")
    return 0


def _parse_setting(name: str, text: str) -> Any:
    try:
        checked = VaultSettings.model_validate({name: text})
    except ValidationError as exc:
        problem = exc.errors()[0]["msg"]
        raise CliError(
            f"{text!r} is not a valid {name}: {problem} ({SETTING_HELP[name]})."
        ) from None
    return getattr(checked, name)


def add_commands(commands: Any) -> None:
    """Register the ``settings`` group."""
    settings = command_group(commands, "settings", "the vault's settings")
    command(settings, "show", cmd_settings_show, json_output=True)
    setting = command(settings, "set", cmd_settings_set)
    setting.add_argument("name", metavar="NAME", choices=sorted(SETTING_HELP))
    setting.add_argument("value", metavar="VALUE")
