"""The numeric settings' ranges, as the Settings page's spin boxes offer them."""

from __future__ import annotations

import pytest

from wallet.errors import InvalidInput
from wallet.settings import VaultSettings, changed_settings, setting_range


def test_numeric_settings_have_their_ranges() -> None:
    assert setting_range("auto_lock_minutes") == (0, 24 * 60)
    assert setting_range("clipboard_clear_seconds") == (5, 600)


@pytest.mark.parametrize("name", ["auto_lock_minutes", "clipboard_clear_seconds"])
def test_the_range_is_what_saving_accepts(name: str) -> None:
    low, high = setting_range(name)
    current = VaultSettings()
    assert getattr(changed_settings(current, {name: low}), name) == low
    assert getattr(changed_settings(current, {name: high}), name) == high
    for outside in (low - 1, high + 1):
        with pytest.raises(InvalidInput):
            changed_settings(current, {name: outside})


def test_a_setting_without_a_range_says_so() -> None:
    with pytest.raises(ValueError, match="no range"):
        setting_range("lock_on_screen_lock")
