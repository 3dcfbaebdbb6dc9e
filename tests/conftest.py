"""Shared fixtures: real vaults in tmp_path, and an in-memory keyring registered through keyring."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest
from hypothesis import HealthCheck, settings

from wallet.vault.facade import CreatedVault, Vault

PASSPHRASE = "correct horse battery staple"

# Tests must never touch the developer's real vault or keyring.
os.environ.pop("VRM_WALLET_PASSPHRASE", None)

# Property tests: no per-example deadline (the machines are shared and noisy), no example database
# in the work tree. CI derandomizes so a clean clone always runs the same cases (a failure there is
# reproducible); elsewhere every run explores new ones, and `make soak` runs many more of them
# (HYPOTHESIS_PROFILE=soak).
_HYPOTHESIS_COMMON = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    "print_blob": True,
}
settings.register_profile("ci", derandomize=True, **_HYPOTHESIS_COMMON)
settings.register_profile("dev", **_HYPOTHESIS_COMMON)
settings.register_profile("soak", **_HYPOTHESIS_COMMON)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring backend that keeps secrets in a dict (the one stand-in the project allows)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.secrets:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.secrets[(service, username)]


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VRM_WALLET_HOME", str(tmp_path / "home-vault"))
    monkeypatch.delenv("VRM_WALLET_PASSPHRASE", raising=False)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Registers a fresh in-memory backend as *the* keyring for the test, then restores."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def created(vault_dir: Path) -> Iterator[CreatedVault]:
    """A new vault with the minimum (fast) KDF cost, unlocked; locked again afterwards."""
    result = Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0)
    try:
        yield result
    finally:
        result.vault.lock()


@pytest.fixture
def vault(created: CreatedVault) -> Vault:
    return created.vault
