"""Vault lifecycle on real SQLCipher files: create, unlock, lock, passphrase, recovery, backup."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from wallet import activity
from wallet.errors import (
    BackupError,
    InvalidInput,
    NotFound,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WrongPassphrase,
    WrongRecoveryKey,
    command_line_text,
)
from wallet.vault.facade import DATABASE_FILE, HEADER_FILE, CreatedVault, Vault
from wallet.vault.header import read_header


def test_create_writes_private_header_and_encrypted_database(
    created: CreatedVault, vault_dir: Path
) -> None:
    header_mode = stat.S_IMODE(os.stat(vault_dir / HEADER_FILE).st_mode)
    assert header_mode == 0o600
    assert stat.S_IMODE(os.stat(vault_dir).st_mode) == 0o700
    database = (vault_dir / DATABASE_FILE).read_bytes()
    assert not database.startswith(b"SQLite format 3")
    header = read_header(vault_dir / HEADER_FILE)
    assert [slot.type for slot in header.slots] == ["passphrase", "recovery"]
    argon = header.slot("passphrase").kdf  # type: ignore[union-attr]
    assert (argon.memory_kib, argon.iterations, argon.lanes) == (65536, 3, 4)
    assert len(created.recovery_key.split("-")) == 8


def test_values_are_not_in_any_file_on_disk(vault: Vault, vault_dir: Path) -> None:
    vault.fields.set("email", "canary-7f3a@example.org")
    vault.lock()
    for path in vault_dir.iterdir():
        assert b"canary-7f3a" not in path.read_bytes(), path


def test_round_trip_after_lock_and_unlock(vault: Vault, vault_dir: Path) -> None:
    vault.fields.set("given_name", "Ada")
    vault.fields.set("iban", "DE89 3704", category="7 - Financial", sensitive=True)
    vault.lock()
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:
        assert reopened.fields.get("given_name").value == "Ada"
        iban = reopened.fields.get("iban")
        assert (iban.value, iban.category, iban.sensitive) == ("DE89 3704", 7, True)


def test_locked_vault_refuses_work(vault: Vault) -> None:
    vault.lock()
    vault.lock()  # idempotent
    with pytest.raises(VaultLocked):
        vault.fields.listing()


def test_create_refuses_existing_vault_and_short_passphrase(
    created: CreatedVault, vault_dir: Path, tmp_path: Path
) -> None:
    with pytest.raises(VaultExists):
        Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0)
    with pytest.raises(InvalidInput, match="at least 8"):
        Vault.create(tmp_path / "other", "short", kdf_target_seconds=0)
    assert not (tmp_path / "other").exists()


def test_missing_vault_is_reported(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound, match="no vault"):
        Vault.open_with_passphrase(tmp_path / "nothing", PASSPHRASE)


def test_wrong_passphrase_is_clear_keeps_data_and_is_logged(vault: Vault, vault_dir: Path) -> None:
    vault.fields.set("email", "ada@example.org")
    vault.lock()
    before = (vault_dir / DATABASE_FILE).read_bytes()
    with pytest.raises(WrongPassphrase, match="passphrase is wrong"):
        Vault.open_with_passphrase(vault_dir, "not the passphrase")
    assert (vault_dir / DATABASE_FILE).read_bytes() == before
    pending = (vault_dir / "pending-events.jsonl").read_text()
    assert "not the passphrase" not in pending
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:
        entries = reopened.activity_page(newest_first=False)
        failed = [e for e in entries if e.type == activity.VAULT_UNLOCK_FAILED]
        assert len(failed) == 1
        assert failed[0].result == activity.NOT_COMPLETED
        assert "wrong passphrase" in failed[0].reason
        assert entries[-1].type == activity.VAULT_UNLOCKED
        assert reopened.fields.get("email").value == "ada@example.org"
        assert reopened.verify_activity().ok
    assert not (vault_dir / "pending-events.jsonl").exists()


def test_change_passphrase_rewrites_header_only(vault: Vault, vault_dir: Path) -> None:
    vault.fields.set("email", "ada@example.org")
    database_before = (vault_dir / DATABASE_FILE).stat().st_ino
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("wrong current one", "a brand new passphrase")
    vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    vault.lock()
    assert (vault_dir / DATABASE_FILE).stat().st_ino == database_before
    with pytest.raises(WrongPassphrase):
        Vault.open_with_passphrase(vault_dir, PASSPHRASE)
    with Vault.open_with_passphrase(vault_dir, "a brand new passphrase") as reopened:
        assert reopened.fields.get("email").value == "ada@example.org"


def test_recovery_key_resets_a_forgotten_passphrase(created: CreatedVault, vault_dir: Path) -> None:
    created.vault.fields.set("email", "ada@example.org")
    created.vault.lock()
    typed = created.recovery_key.lower().replace("-", " ")
    with Vault.reset_passphrase(vault_dir, typed, "remembered this time") as vault:
        assert vault.fields.get("email").value == "ada@example.org"
    with pytest.raises(WrongPassphrase):
        Vault.open_with_passphrase(vault_dir, PASSPHRASE)
    with Vault.open_with_passphrase(vault_dir, "remembered this time") as vault:
        types = [entry.type for entry in vault.activity_page()]
        assert activity.PASSPHRASE_RESET in types


def test_recovery_key_typos_and_wrong_keys(
    created: CreatedVault, vault_dir: Path, tmp_path: Path
) -> None:
    created.vault.lock()
    key = created.recovery_key
    typo = ("B" if key[0] != "B" else "C") + key[1:]
    with pytest.raises(WrongRecoveryKey, match="typo"):
        Vault.open_with_recovery_key(vault_dir, typo)
    with pytest.raises(WrongRecoveryKey, match="8 groups"):
        Vault.open_with_recovery_key(vault_dir, key[:20])
    other = Vault.create(tmp_path / "other", PASSPHRASE, kdf_target_seconds=0)
    other.vault.lock()
    with pytest.raises(WrongRecoveryKey, match="does not belong"):
        Vault.open_with_recovery_key(vault_dir, other.recovery_key)


def test_backup_restores_with_passphrase_or_recovery_key(
    created: CreatedVault, vault_dir: Path, tmp_path: Path
) -> None:
    vault = created.vault
    vault.fields.set("email", "ada@example.org")
    backup = vault.backup(tmp_path / "backups" / "wallet.vrmbackup")
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    vault.fields.set("email", "changed-after-backup@example.org")
    vault.lock()

    target = tmp_path / "restored"
    Vault.restore(backup, target, passphrase=PASSPHRASE)
    with Vault.open_with_passphrase(target, PASSPHRASE) as restored:
        assert restored.fields.get("email").value == "ada@example.org"
        assert activity.VAULT_RESTORED in [e.type for e in restored.activity_page()]
        assert restored.verify_activity().ok

    second = tmp_path / "restored-with-key"
    Vault.restore(backup, second, recovery_key=created.recovery_key)
    with Vault.open_with_recovery_key(second, created.recovery_key) as restored:
        assert restored.fields.get("email").value == "ada@example.org"


def test_restore_never_overwrites_without_force(
    created: CreatedVault, vault_dir: Path, tmp_path: Path
) -> None:
    vault = created.vault
    vault.fields.set("email", "old@example.org")
    backup = vault.backup(tmp_path / "wallet.vrmbackup")
    vault.fields.set("email", "current@example.org")
    vault.lock()
    with pytest.raises(VaultExists) as refused:
        Vault.restore(backup, vault_dir, passphrase=PASSPHRASE)
    assert "--force" in command_line_text(refused.value)  # the hint the CLI prints
    with pytest.raises(WrongPassphrase):
        Vault.restore(backup, vault_dir, passphrase="wrong passphrase", force=True)
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as untouched:
        assert untouched.fields.get("email").value == "current@example.org"

    result = Vault.restore(backup, vault_dir, passphrase=PASSPHRASE, force=True)
    assert result.replaced_moved_to is not None
    with Vault.open_with_passphrase(result.replaced_moved_to, PASSPHRASE) as moved:
        assert moved.fields.get("email").value == "current@example.org"
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as restored:
        assert restored.fields.get("email").value == "old@example.org"


def test_damaged_or_foreign_backups_are_refused(vault: Vault, tmp_path: Path) -> None:
    not_zip = tmp_path / "notes.txt"
    not_zip.write_text("hello")
    with pytest.raises(BackupError, match="not a VRM Wallet backup"):
        Vault.restore(not_zip, tmp_path / "a", passphrase=PASSPHRASE)
    with pytest.raises(BackupError, match="does not exist"):
        Vault.restore(tmp_path / "missing.zip", tmp_path / "a", passphrase=PASSPHRASE)
    backup = vault.backup(tmp_path / "good.vrmbackup")
    damaged = tmp_path / "damaged.vrmbackup"
    data = bytearray(backup.read_bytes())
    middle = len(data) // 2
    data[middle] ^= 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(BackupError):
        Vault.restore(damaged, tmp_path / "b", passphrase=PASSPHRASE)
    assert not (tmp_path / "b").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".vrm-restore-")]


def test_backup_leaves_out_the_device_keyring_slot(
    vault: Vault, tmp_path: Path, memory_keyring: object
) -> None:
    from wallet.keystore import KeyringKeyStore

    vault.enable_keyring(KeyringKeyStore())
    backup = vault.backup(tmp_path / "wallet.vrmbackup")
    with zipfile.ZipFile(backup) as bundle:
        header = json.loads(bundle.read(HEADER_FILE))
    assert [slot["type"] for slot in header["slots"]] == ["passphrase", "recovery"]


def test_fields_history_and_delete(vault: Vault) -> None:
    vault.fields.set("email", "one@example.org")
    vault.fields.set("email", "two@example.org")
    unchanged = vault.fields.set("email", "two@example.org")
    assert not unchanged.fields_changed and not unchanged.activity_changed
    assert [h.value for h in vault.fields.history("email")] == [
        "two@example.org",
        "one@example.org",
    ]
    vault.fields.delete("email")
    with pytest.raises(NotFound):
        vault.fields.get("email")
    with pytest.raises(NotFound):
        vault.fields.delete("email")
    vault.fields.set("email", "three@example.org")
    assert [h.value for h in vault.fields.history("email")] == ["three@example.org"]


@pytest.mark.parametrize(
    ("key", "value", "options", "message"),
    [
        ("", "x", {}, "cannot be empty"),
        ("Bad Key", "x", {}, "lower-case"),
        ("k" * 65, "x", {}, "at most 64"),
        ("note", "   ", {}, "value cannot be empty"),
        ("note", "x" * 10_001, {}, "at most 10000"),
        ("note", "x", {"category": "99"}, "Unknown category 99"),
        ("note", "x", {"category": "astrology"}, "Unknown category"),
        ("note", "x", {"label": " "}, "label cannot be empty"),
    ],
)
def test_bad_field_input_is_refused_clearly(
    vault: Vault, key: str, value: str, options: dict[str, str], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        vault.fields.set(key, value, **options)  # type: ignore[arg-type]
    assert vault.fields.count() == 0


def test_standard_fields_get_their_category_and_dpv_iri(vault: Vault) -> None:
    vault.fields.set("email", "ada@example.org")
    vault.fields.set("favourite_colour", "teal", category="contact")
    email, colour = vault.fields.listing()[0], vault.fields.get("favourite_colour")
    assert email.category_label == "2 - Contact"
    assert email.dpv_iri == "https://w3id.org/dpv/pd#EmailAddress"
    assert colour.dpv_iri == "https://w3id.org/dpv/pd#Contact"
    assert colour.label == "Favourite colour"


def test_full_text_search(vault: Vault) -> None:
    vault.fields.set("postal_address", "12 Rue de l'Église, Montréal")
    vault.fields.set("email", "ada@example.org")
    vault.fields.set("iban", "DE89 3704 0044", sensitive=True, category=7)
    assert [f.key for f in vault.fields.search("eglise montr")] == ["postal_address"]
    assert [f.key for f in vault.fields.search("ada")] == ["email"]
    hits = vault.fields.search("DE89")
    assert [f.key for f in hits] == ["iban"] and hits[0].value is None
    assert vault.fields.search('" OR * NEAR(') == []  # FTS syntax is never interpreted
    assert vault.fields.search("   ") == []
    assert vault.fields.count(search="example") == 1
    assert vault.fields.count(category=2) == 2
    vault.fields.set("email", "grace@example.org")
    assert vault.fields.search("ada") == []
    vault.fields.delete("email")
    assert vault.fields.search("grace") == []


def test_row_ids_pages_follow_key_order_and_mask_sensitive(vault: Vault) -> None:
    for key in ("zeta", "alpha", "mid"):
        vault.fields.set(key, f"value of {key}", sensitive=key == "mid")
    ids = vault.fields.row_ids()
    rows = vault.fields.by_row_ids(ids)
    assert [rows[i].key for i in ids] == ["alpha", "mid", "zeta"]
    assert rows[ids[1]].value is None
    assert vault.fields.row_ids(search="zeta") == [ids[2]]


def test_settings_round_trip_and_validation(vault: Vault, vault_dir: Path) -> None:
    assert vault.settings().auto_lock_minutes == 5
    vault.update_settings(auto_lock_minutes=15, lock_on_screen_lock=False)
    with pytest.raises(InvalidInput):
        vault.update_settings(auto_lock_minutes=-1)
    with pytest.raises(InvalidInput, match="Unknown setting"):
        vault.update_settings(colour="blue")
    vault.lock()
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:
        settings = reopened.settings()
        assert (settings.auto_lock_minutes, settings.lock_on_screen_lock) == (15, False)


def test_every_action_is_logged_with_names_never_values(
    vault: Vault, vault_dir: Path, tmp_path: Path
) -> None:
    vault.fields.set("email", "secret-value-1@example.org")
    vault.fields.set("email", "secret-value-2@example.org")
    vault.fields.get("email")
    vault.fields.get("email", purpose="copy")
    vault.fields.delete("email")
    vault.update_settings(auto_lock_minutes=3)
    vault.backup(tmp_path / "b.vrmbackup")
    vault.change_passphrase(PASSPHRASE, "another long passphrase")
    types = [entry.type for entry in vault.activity_page(newest_first=False)]
    assert types == [
        activity.VAULT_CREATED,
        activity.FIELD_CREATED,
        activity.FIELD_UPDATED,
        activity.FIELD_REVEALED,
        activity.FIELD_COPIED,
        activity.FIELD_DELETED,
        activity.SETTINGS_CHANGED,
        activity.BACKUP_CREATED,
        activity.PASSPHRASE_CHANGED,
    ]
    for entry in vault.activity_page():
        text = json.dumps([entry.type, entry.party, entry.field_names, entry.reason])
        assert "secret-value" not in text
    assert vault.activity_page()[-1].field_names == ()
    assert vault.activity_page(type_prefix="data.")[0].field_names == ("email",)
    assert vault.activity_count(type_prefix="data.") == 5


def test_restore_into_a_folder_that_is_not_a_vault(vault: Vault, tmp_path: Path) -> None:
    backup = vault.backup(tmp_path / "wallet.vrmbackup")
    busy = tmp_path / "documents"
    busy.mkdir()
    (busy / "letter.txt").write_text("keep me")
    with pytest.raises(VaultExists, match="not empty"):
        Vault.restore(backup, busy, passphrase=PASSPHRASE, force=True)
    assert (busy / "letter.txt").read_text() == "keep me"
    empty = tmp_path / "empty"
    empty.mkdir()
    result = Vault.restore(backup, empty, passphrase=PASSPHRASE)
    assert result.replaced_moved_to is None
    assert not list(tmp_path.glob("empty.replaced-*"))


def test_field_info_has_no_value_and_logs_nothing(vault: Vault) -> None:
    vault.fields.set("iban", "DE89", sensitive=True)
    before = vault.activity_count()
    info = vault.fields.info("iban")
    assert (info.key, info.value, info.sensitive) == ("iban", None, True)
    assert vault.activity_count() == before
    with pytest.raises(NotFound):
        vault.fields.info("missing")


def test_invalid_setting_message_is_one_line(vault: Vault) -> None:
    with pytest.raises(InvalidInput) as raised:
        vault.update_settings(auto_lock_minutes=-1)
    assert "\n" not in str(raised.value) and "auto_lock_minutes" in str(raised.value)
