"""A loyalty proposal from what a person typed in a form (the desktop app's proposal dialog).

The form shows the fields of one commitment kind and asks a reward value only for the rewards
that take one; these rules live here so that the dialog only places widgets.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError

from wallet.loyalty.values import validation_reason
from wallet.wire.loyalty import ProposalTerms

# The rewards whose terms carry a value: the percentage, or the multiplier.
REWARDS_WITH_VALUE: frozenset[str] = frozenset({"percent_discount", "points_multiplier"})


def reward_takes_value(kind: object) -> bool:
    """True if a reward of ``kind`` needs a value (a percentage or a multiplier)."""
    return kind in REWARDS_WITH_VALUE


def proposal_terms_from_form(
    *,
    title: str,
    vendor: str,
    category: str,
    by_amount: bool,
    count: int,
    amount: str,
    currency: str,
    period: str,
    reward_kind: str,
    reward_value: str,
    valid_from: date,
    valid_until: date,
) -> ProposalTerms:
    """The terms a proposal form describes; :class:`ValueError` says the first problem in words.

    ``by_amount``: the commitment is an amount spent (``amount`` in ``currency``; empty reads as
    0, which the terms refuse in words), else a number of purchases (``count``). A reward value
    typed for a reward that takes none is ignored (the form hides that field).
    """
    commitment: dict[str, Any] = (
        {"kind": "amount", "amount": amount.strip() or "0", "currency": currency}
        if by_amount
        else {"kind": "purchases", "count": count}
    )
    value = (reward_value.strip() or None) if reward_takes_value(reward_kind) else None
    try:
        return ProposalTerms.model_validate(
            {
                "title": title,
                "vendor": vendor,
                "category": category,
                "commitment": commitment,
                "period": period,
                "reward": {"kind": reward_kind, "value": value},
                "valid_from": valid_from,
                "valid_until": valid_until,
            }
        )
    except ValidationError as exc:
        raise ValueError(validation_reason(exc)) from None
