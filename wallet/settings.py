"""Per-vault preferences, stored encrypted inside the vault."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class VaultSettings(BaseModel):
    """What the user can tune. Defaults follow password-manager practice (KeePassXC, Bitwarden)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    auto_lock_minutes: int = Field(default=5, ge=0, le=24 * 60, description="0 = never")
    lock_on_screen_lock: bool = True
    clipboard_clear_seconds: int = Field(default=30, ge=5, le=600)
