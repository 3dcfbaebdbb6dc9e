"""Per-vault preferences, stored encrypted inside the vault."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from wallet.errors import InvalidInput


class VaultSettings(BaseModel):
    """What the user can tune. Defaults follow password-manager practice (KeePassXC, Bitwarden)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    auto_lock_minutes: int = Field(default=5, ge=0, le=24 * 60, description="0 = never")
    lock_on_screen_lock: bool = True
    clipboard_clear_seconds: int = Field(default=30, ge=5, le=600)
    reminder_lead_days: int = Field(
        default=7, ge=1, le=90, description="remind this many days before a consent or card ends"
    )
    relay_url: str = Field(
        default="", max_length=300, description="the market relay intentions are cast to ('' none)"
    )

    @field_validator("relay_url")
    @classmethod
    def _relay_url(cls, value: str) -> str:
        if not value:
            return value
        from wallet.relay import check_relay_url  # nats-py loads only when a relay is set

        try:
            return check_relay_url(value.strip())
        except InvalidInput as exc:
            raise ValueError(str(exc)) from None


def setting_range(name: str) -> tuple[int, int]:
    """The smallest and largest value of the numeric setting ``name`` (for spin boxes)."""
    bounds: dict[str, int | None] = {"ge": None, "le": None}
    for constraint in VaultSettings.model_fields[name].metadata:
        for bound in bounds:
            value = getattr(constraint, bound, None)
            if isinstance(value, int):
                bounds[bound] = value
    low, high = bounds["ge"], bounds["le"]
    if low is None or high is None:
        raise ValueError(f"the setting {name} has no range")
    return low, high


def changed_settings(current: VaultSettings, changes: Mapping[str, Any]) -> VaultSettings:
    """``current`` with ``changes`` applied and validated; unknown names are refused."""
    unknown = set(changes) - set(VaultSettings.model_fields)
    if unknown:
        raise InvalidInput(f"Unknown setting(s): {', '.join(sorted(unknown))}.")
    try:
        return VaultSettings.model_validate({**current.model_dump(), **changes})
    except ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(part) for part in first["loc"])
        raise InvalidInput(f"Invalid value for the setting {name}: {first['msg']}.") from None
