"""Errors of the vendor directory, terms, loyalty imports and the outbox carry no command syntax
in their message (the desktop app shows it as is); the command line's hint is separate, and
``command_line_text`` gives the CLI exactly what it printed before."""

from __future__ import annotations

from pathlib import Path

import pytest

from wallet.errors import NotFound, WalletError, command_line_text
from wallet.loyalty.book import LoyaltyBook
from wallet.outbox import DeadLetters
from wallet.terms import TermsBook
from wallet.vault.facade import Vault
from wallet.vendors import VendorDirectory


def no_command_syntax(error: WalletError) -> None:
    message = str(error)
    assert "`" not in message and "--" not in message and "vrm-wallet-cli" not in message


def test_an_unknown_vendor(vault: Vault) -> None:
    with pytest.raises(NotFound) as raised:
        VendorDirectory(vault).get("acme")
    no_command_syntax(raised.value)
    assert str(raised.value) == "There is no vendor 'acme' in your directory."
    assert command_line_text(raised.value) == (
        "There is no vendor 'acme' in your directory; `vendor list` shows them."
    )


def test_an_export_that_would_replace_a_file(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "vendors.json"
    target.write_text("{}")
    with pytest.raises(WalletError) as raised:
        VendorDirectory(vault).export_file(target)
    no_command_syntax(raised.value)
    assert (
        command_line_text(raised.value) == f"{target} already exists; pass --force to replace it."
    )


def test_unknown_and_missing_terms(vault: Vault) -> None:
    book = TermsBook(vault)
    with pytest.raises(NotFound) as unknown:
        book.version(3)
    no_command_syntax(unknown.value)
    assert command_line_text(unknown.value) == (
        "There is no terms version 3; see `terms versions`."
    )
    with pytest.raises(NotFound) as none_yet:
        book.export()
    no_command_syntax(none_yet.value)
    assert command_line_text(none_yet.value) == (
        "You have no terms yet; compose them first (`terms compose`)."
    )


def test_an_unknown_outbox_message(vault: Vault) -> None:
    with pytest.raises(NotFound) as raised:
        DeadLetters(vault).retry([42])
    no_command_syntax(raised.value)
    assert command_line_text(raised.value) == (
        "There is no outbox message 42; `outbox list` shows them."
    )


def test_a_csv_without_member_numbers_names_the_mapping_only_on_the_command_line(
    vault: Vault, tmp_path: Path
) -> None:
    source = tmp_path / "cards.csv"
    source.write_text("Shop,Level\nFresh Mart,Gold\n", encoding="utf-8")
    with pytest.raises(WalletError) as raised:
        LoyaltyBook(vault).preview(source)
    no_command_syntax(raised.value)
    assert str(raised.value) == f"No column of {source} holds the member number. Map one."
    assert command_line_text(raised.value) == (
        f"No column of {source} holds the member number. Map one, e.g. --map 'Shop=member_number'."
    )
