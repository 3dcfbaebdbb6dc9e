"""No plaintext at rest through the desktop app (issue 11, item 8).

Canary values are typed into the real window (offscreen): a field and a sensitive field in
My data, a clause in free text in My terms, a loyalty card. Then every byte below the test's
folder (the vault, home and XDG folders, the temp dir) and every file changed meanwhile in
the machine's temp dir is scanned for them in UTF-8, UTF-16-LE, base64 and hex, once while the
vault is open (its write-ahead log is there) and once after the lock: none may be found.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import stat
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.plaintext_scan import ScanReport, canary, scan_tree
from tests.ui.conftest import MakeWindow, unlock
from ui.dialogs.field_dialog import FieldDialog
from ui.dialogs.loyalty_dialogs import MembershipDialog
from ui.main_window import Workspace
from ui.pages.my_data import MyDataPage
from wallet.loyalty.book import LoyaltyBook
from wallet.terms.book import TermsBook
from wallet.vault.facade import Vault

XDG = ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")
SYSTEM_TEMP_MAX_FILE_BYTES = 32 << 20


@pytest.fixture
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The machine's temp dir (files changed there are scanned too); then HOME, the XDG folders
    and the temp dir are moved inside the test's folder, so all the app writes is scanned."""
    machine_temp = Path(tempfile.gettempdir())
    home = tmp_path / "home"
    for name in ("tmp", *XDG):
        (home / name.lower()).mkdir(parents=True)
        monkeypatch.setenv(name if name != "tmp" else "TMPDIR", str(home / name.lower()))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(tempfile, "tempdir", str(home / "tmp"))
    return machine_temp


def _add_field(qtbot: QtBot, page: MyDataPage, label: str, value: str, *, sensitive: bool) -> None:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.findChild(FieldDialog), FieldDialog))
    dialog = page.findChild(FieldDialog)
    assert isinstance(dialog, FieldDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.field_picker.setCurrentIndex(dialog.field_picker.count() - 1)  # "Custom field…"
    qtbot.keyClicks(dialog.label_edit, label)
    qtbot.keyClicks(dialog.value_edit, value)
    dialog.sensitive_check.setChecked(sensitive)
    with qtbot.waitSignal(page.model.rows_reset, timeout=10_000):
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def _type_everything(qtbot: QtBot, workspace: Workspace, canaries: dict[str, str]) -> None:
    _add_field(qtbot, workspace.my_data, "Nickname", canaries["field"], sensitive=False)
    _add_field(qtbot, workspace.my_data, "Passport", canaries["sensitive"], sensitive=True)

    terms = workspace.terms
    workspace.show_page(workspace.pages.indexOf(terms))
    qtbot.waitUntil(lambda: "CC-NO-TRACKING" in terms.clause_rows)
    terms.clause_rows["CC-NO-TRACKING"].check.setChecked(True)
    terms.free_text_edit.setText(canaries["terms"])
    terms.add_free_text_button.click()
    terms.save_button.click()
    qtbot.waitUntil(lambda: terms.versions_list.count() == 1, timeout=10_000)

    loyalty = workspace.loyalty
    workspace.show_page(workspace.pages.indexOf(loyalty))
    before = len(loyalty.card_widgets())
    loyalty.add_button.click()
    dialog = loyalty.last_dialog
    assert isinstance(dialog, MembershipDialog)
    dialog.program_edit.setText("Bean Rewards")
    dialog.number_edit.setText(canaries["card-number"])
    dialog.accept()
    qtbot.waitUntil(lambda: len(loyalty.card_widgets()) == before + 1, timeout=10_000)


def _scan(folder: Path, system_temp: Path, canaries: dict[str, str], *, since: float) -> ScanReport:
    report = scan_tree(folder, canaries)
    report.add(
        scan_tree(
            system_temp,
            canaries,
            skip=[folder],
            changed_since=since - 1,
            max_file_bytes=SYSTEM_TEMP_MAX_FILE_BYTES,
        )
    )
    return report


def test_what_is_typed_in_the_window_is_nowhere_in_plaintext(
    qtbot: QtBot,
    make_window: MakeWindow,
    locked_vault: tuple[Path, str],
    system_temp: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    started = time.time()
    vault_dir, _ = locked_vault
    canaries = {label: canary(label) for label in ("field", "sensitive", "terms", "card-number")}
    canaries["passphrase"] = PASSPHRASE
    window = make_window(vault_dir)
    unlock(qtbot, window)
    assert window.workspace is not None
    _type_everything(qtbot, window.workspace, canaries)
    report = _scan(tmp_path, system_temp, canaries, since=started)  # open: the WAL is there
    window.workspace.lock_button.click()
    qtbot.waitUntil(lambda: window.workspace is None, timeout=10_000)
    report.add(_scan(tmp_path, system_temp, canaries, since=started))
    with capsys.disabled():
        print(
            f"\nno-plaintext (GUI): {report.bytes_scanned} bytes in {report.files_scanned} files "
            f"scanned for {len(canaries)} canaries"
        )
    assert [f"{hit.path}: {hit.label} ({hit.form})" for hit in report.hits] == []
    assert report.bytes_scanned > 20_000

    wrong = [
        f"{path.name} is {stat.S_IMODE(path.stat().st_mode):o}"
        for path in [vault_dir, *vault_dir.iterdir()]
        if stat.S_IMODE(path.stat().st_mode) != (0o700 if path.is_dir() else 0o600)
    ]
    assert wrong == []
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:  # it was all stored
        values = {field.key: vault.fields.get(field.key).value for field in vault.fields.listing()}
        assert {canaries["field"], canaries["sensitive"]} <= set(values.values())
        latest = TermsBook(vault).latest()
        assert latest is not None and canaries["terms"] in latest.signed().model_dump_json()
        numbers = [card.member_number for card in LoyaltyBook(vault).memberships()]
        assert canaries["card-number"] in numbers
