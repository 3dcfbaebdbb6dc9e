"""The demo vault: created once with sample data, reopened with the published passphrase."""

from __future__ import annotations

from pathlib import Path

from wallet.demo import DEMO_PASSPHRASE, SAMPLE_FIELDS, default_demo_dir, open_demo_vault
from wallet.personal_data import STANDARD_FIELDS
from wallet.vault import Vault, vault_exists


def test_samples_cover_every_standard_field_and_some_custom_ones() -> None:
    sample_keys = {sample.key for sample in SAMPLE_FIELDS}
    standard_keys = {field.key for field in STANDARD_FIELDS}
    assert standard_keys <= sample_keys
    custom = [sample for sample in SAMPLE_FIELDS if sample.key not in standard_keys]
    assert len(custom) >= 3
    assert any(sample.sensitive for sample in custom)


def test_open_demo_vault_creates_it_with_the_sample_data(tmp_path: Path) -> None:
    directory = tmp_path / "demo"
    with open_demo_vault(directory) as vault:
        listed = {snapshot.key: snapshot for snapshot in vault.list_fields()}
        assert set(listed) == {sample.key for sample in SAMPLE_FIELDS}
        assert listed["passport_number"].sensitive
        assert listed["passport_number"].value is None  # listings hide sensitive values
        assert vault.get_field("passport_number").value == "X0000000"
        assert vault.get_field("email").value == "alex@example.org"
        from wallet.terms.book import TermsBook
        from wallet.terms.signing import verify_signed_terms

        latest = TermsBook(vault).latest()
        assert latest is not None and latest.version == 1
        verify_signed_terms(latest.signed())
    assert vault_exists(directory)


def test_open_demo_vault_reopens_without_duplicating(tmp_path: Path) -> None:
    directory = tmp_path / "demo"
    open_demo_vault(directory).lock()
    with open_demo_vault(directory) as vault:
        assert vault.count_fields() == len(SAMPLE_FIELDS)
    with Vault.open_with_passphrase(directory, DEMO_PASSPHRASE) as vault:
        assert vault.get_field("given_name").value == "Alex"


def test_default_demo_dir_is_a_demo_folder_of_the_user_data_dir() -> None:
    assert default_demo_dir().name == "demo"
    assert "vrm-wallet" in str(default_demo_dir())
