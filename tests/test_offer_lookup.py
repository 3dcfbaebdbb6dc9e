"""Reading one stored offer again by its id (what the desktop confirms before accepting)."""

from __future__ import annotations

import pytest

from wallet.errors import NotFound, command_line_text
from wallet.offers import OfferBook
from wallet.vault.facade import Vault


def test_an_unknown_offer_is_not_found(vault: Vault) -> None:
    with pytest.raises(NotFound, match="There is no offer 'nope'") as raised:
        OfferBook(vault).get("nope")
    assert "offers list ID" in command_line_text(raised.value)
    assert "offers list" not in str(raised.value)
