"""Core errors speak to people in any front end; command syntax is a separate CLI hint."""

from __future__ import annotations

import pickle

from wallet.errors import NotFound, WalletError, command_line_text


def test_the_hint_is_kept_out_of_the_message_and_added_by_the_command_line() -> None:
    error = NotFound("There is no offer 'x'.", cli_hint="`offers list ID` shows them.")
    assert str(error) == "There is no offer 'x'."
    assert command_line_text(error) == "There is no offer 'x'; `offers list ID` shows them."


def test_an_error_without_a_hint_reads_the_same_everywhere() -> None:
    error = WalletError("The vault is locked; unlock it first.")
    assert command_line_text(error) == str(error) == "The vault is locked; unlock it first."
    assert command_line_text(ValueError("plain")) == "plain"


def test_errors_still_pickle_and_compare_by_message() -> None:
    error = NotFound("gone", cli_hint="`vendor list`")
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, NotFound) and str(copy) == "gone"
