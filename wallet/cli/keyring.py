"""``vrm-wallet-cli keyring``: remember the vault on this device (OS keyring), or forget it."""

from __future__ import annotations

import argparse
from typing import Any

from wallet.cli.support import (
    command,
    command_group,
    existing_vault_dir,
    print_json,
    unlocked,
)
from wallet.keystore import KeyringKeyStore
from wallet.vault.facade import remembered_on_device


def cmd_keyring_status(args: argparse.Namespace) -> int:
    """Is this vault remembered on this device, and is the OS keyring usable?"""
    directory = existing_vault_dir(args)
    remembered = remembered_on_device(directory)
    reason = KeyringKeyStore().unavailable_reason()
    if args.json:
        print_json(
            {
                "vault": str(directory),
                "remembered": remembered,
                "keyring_available": reason is None,
                "reason": reason,
            }
        )
        return 0
    print(f"Vault: {directory}")
    print(f"Remembered on this device: {'yes' if remembered else 'no'}")
    print("OS keyring: available" if reason is None else f"OS keyring: unavailable. {reason}")
    return 0


def cmd_keyring_enable(args: argparse.Namespace) -> int:
    """Remember the vault on this device (unlock later with --use-keyring)."""
    with unlocked(args) as vault:
        vault.enable_keyring(KeyringKeyStore())
    print("This device now remembers the vault: add --use-keyring to unlock without typing.")
    return 0


def cmd_keyring_disable(args: argparse.Namespace) -> int:
    """Forget the vault on this device and remove its secret from the OS keyring."""
    with unlocked(args) as vault:
        changes = vault.disable_keyring(KeyringKeyStore())
    if changes.header_changed:
        print("This device no longer remembers the vault.")
    else:
        print("This device did not remember the vault; nothing was changed.")
    return 0


def add_commands(commands: Any) -> None:
    """Register the ``keyring`` group."""
    keyring = command_group(commands, "keyring", "remember the vault on this device")
    command(keyring, "status", cmd_keyring_status, json_output=True)
    command(keyring, "enable", cmd_keyring_enable)
    command(keyring, "disable", cmd_keyring_disable)
