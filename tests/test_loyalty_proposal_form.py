"""A loyalty proposal from a form (the desktop app's proposal dialog): the rules of which reward
takes a value and how typed text becomes terms live in the core."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from wallet.loyalty.book import LoyaltyBook
from wallet.loyalty.proposal_form import proposal_terms_from_form, reward_takes_value
from wallet.vault.facade import Vault
from wallet.wire.loyalty import REWARD_KINDS


def form(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": "Weekly groceries",
        "vendor": "Fresh Mart",
        "category": "groceries",
        "by_amount": False,
        "count": 12,
        "amount": "",
        "currency": "EUR",
        "period": "year",
        "reward_kind": "percent_discount",
        "reward_value": "5",
        "valid_from": date(2026, 3, 1),
        "valid_until": date(2027, 3, 1),
    }
    values.update(changes)
    return values


def test_only_discounts_and_multipliers_take_a_value() -> None:
    takes = {kind for kind in REWARD_KINDS if reward_takes_value(kind)}
    assert takes == {"percent_discount", "points_multiplier"}
    assert not reward_takes_value(None)


def test_a_purchases_commitment_with_a_discount() -> None:
    terms = proposal_terms_from_form(**form())
    assert terms.commitment.kind == "purchases" and terms.commitment.count == 12
    assert terms.reward.kind == "percent_discount" and terms.reward.value == Decimal(5)


def test_an_amount_commitment_and_a_value_typed_for_a_reward_that_takes_none() -> None:
    terms = proposal_terms_from_form(
        **form(by_amount=True, amount=" 500.00 ", reward_kind="free_delivery", reward_value="9")
    )
    assert terms.commitment.kind == "amount" and terms.commitment.amount == Decimal("500.00")
    assert terms.reward.kind == "free_delivery" and terms.reward.value is None


def test_problems_are_said_in_words() -> None:
    with pytest.raises(ValueError, match="a percent discount needs a value"):
        proposal_terms_from_form(**form(reward_value=""))
    with pytest.raises(ValueError) as refused:
        proposal_terms_from_form(**form(by_amount=True, amount=""))
    assert "Value error" not in str(refused.value)


def test_proposals_come_with_their_progress(vault: Vault) -> None:
    book = LoyaltyBook(vault)
    proposal = book.add_proposal(proposal_terms_from_form(**form()))
    book.record_purchase(proposal.id, vendor="Fresh Mart", amount="10", day=date(2026, 4, 1))
    ((listed, progress),) = book.proposals_with_progress()
    assert listed == proposal
    assert progress == book.progress(proposal.id)
