"""No plaintext at rest, no secrets in ``ps`` (issue 11, item 8), through the CLI.

Canary values go in through the commands a person uses (a field, a sensitive field from standard
input, a loyalty import, terms in free text, an intention's description, a new passphrase); then
every byte under the sandbox (vault folder, temp dir, home and XDG folders, backups, the folder of
the exports) and every file changed in the system temp dir is scanned for them in UTF-8,
UTF-16-LE, base64 and hex. They may appear only in the plain exports the person asked for, and
personal data fields nowhere at all (there is no plain export of them). While a CLI process runs,
no process's command line or environment shows the passphrase or the sensitive value.
"""

from __future__ import annotations

import base64
import os
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.plaintext_scan import (
    ProcessLeak,
    ScanReport,
    byte_forms,
    canary,
    process_leaks,
    scan_file,
    scan_tree,
)
from wallet.cli.main import main

FIELD_LABELS = ("field", "sensitive")  # personal data: allowed in no file at all
SECRET_LABELS = ("passphrase", "new-passphrase", "recovery-key")
CLI = (sys.executable, "-m", "wallet.cli.main")
SET_SENSITIVE_FROM_STDIN = ("data", "set", "passport_number", "--sensitive")  # README form
# Files other programs write to the shared temp dir meanwhile can be big; ours are small.
SYSTEM_TEMP_MAX_FILE_BYTES = 32 << 20
XDG = ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")


@dataclass
class Sandbox:
    """A home, temp dir, vault, backups and exports of one person, all below ``root``."""

    root: Path
    system_temp: Path  # the machine's temp dir: files changed there during the test are scanned
    canaries: dict[str, str] = field(default_factory=dict)
    exports: dict[str, Path] = field(default_factory=dict)  # canary label -> its export
    started: float = field(default_factory=time.time)

    def __post_init__(self) -> None:
        for name in ("home", "tmp", "backups", "exports", "inputs"):
            (self.root / name).mkdir(parents=True)
        self.passphrase_file = self.write_input("passphrase.txt", self.secret("passphrase"))

    @property
    def vault(self) -> Path:
        return self.root / "home" / "vault"

    def secret(self, label: str) -> str:
        self.canaries[label] = self.canaries.get(label) or canary(label)
        return self.canaries[label]

    def write_input(self, name: str, text: str) -> Path:
        """A file the person wrote themselves (not scanned: it is theirs, in plaintext)."""
        path = self.root / "inputs" / name
        path.write_text(text, encoding="utf-8")
        path.chmod(0o600)
        return path

    def env(self) -> dict[str, str]:
        home = self.root / "home"
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "TMPDIR": str(self.root / "tmp"),
            "SQLITE_TMPDIR": str(self.root / "tmp"),
            "VRM_WALLET_HOME": str(self.vault),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "LANG": "C.UTF-8",
        }
        environment.update({name: str(home / name.lower()) for name in XDG})
        return environment

    def cli(self, *args: str) -> None:
        """Run a command in this process (the CLI's own ``main``), with the sandbox's env."""
        assert main(["--passphrase-file", str(self.passphrase_file), *args]) == 0

    def scan(self) -> ScanReport:
        """Everything below the sandbox but the person's inputs and the plain exports."""
        skip = [self.root / "inputs", *self.exports.values()]
        report = scan_tree(self.root, self.canaries, skip=skip)
        report.add(
            scan_tree(
                self.system_temp,
                self.canaries,
                skip=[self.root],
                changed_since=self.started - 1,
                max_file_bytes=SYSTEM_TEMP_MAX_FILE_BYTES,
            )
        )
        return report


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    box = Sandbox(tmp_path / "sandbox", system_temp=Path(tempfile.gettempdir()))
    for name, value in box.env().items():
        if name != "PATH":
            monkeypatch.setenv(name, value)
    monkeypatch.setattr(tempfile, "tempdir", str(box.root / "tmp"))
    yield box


def _fill_through_the_cli(box: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    recovery_file = box.root / "inputs" / "recovery-key.txt"
    box.cli("init", "--kdf-target-ms", "0", "--recovery-key-file", str(recovery_file))
    box.canaries["recovery-key"] = recovery_file.read_text(encoding="utf-8").strip()
    box.cli("data", "set", "nickname", box.secret("field"))
    cards = box.write_input(
        "cards.csv",
        "Program,Vendor,Member number,Notes\n"
        f"Bean Rewards,Bean There,{box.secret('card-number')},{box.secret('card-notes')}\n",
    )
    box.cli("loyalty", "import", str(cards), "--yes")
    box.cli("terms", "compose", "--clause", "CC-NO-TRACKING", "--free-text", box.secret("terms"))
    box.cli(
        "intent",
        "create",
        "--item",
        "Trail shoes",
        "--category",
        "shoes",
        "--max-price",
        "120.00",
        "--currency",
        "EUR",
        "--description",
        box.secret("intention"),
    )
    intention_id = capsys.readouterr().out.strip().splitlines()[-1]
    new_passphrase = box.write_input("new-passphrase.txt", box.secret("new-passphrase"))
    box.cli("passwd", "--new-passphrase-file", str(new_passphrase))
    box.passphrase_file = new_passphrase
    box.cli("backup", str(box.root / "backups" / "wallet.vrmbackup"))
    exports = box.root / "exports"
    box.cli("loyalty", "export", str(exports / "cards.json"))
    box.cli("terms", "export", str(exports / "terms.json"))
    box.cli("intent", "export", intention_id, str(exports / "intention.json"))
    box.exports = {
        "card-number": exports / "cards.json",
        "card-notes": exports / "cards.json",
        "terms": exports / "terms.json",
        "intention": exports / "intention.json",
    }


def _sensitive_field_from_stdin(box: Sandbox) -> tuple[list[ProcessLeak], int]:
    """``data set passport_number --sensitive`` in a real process, the value piped to its standard
    input; ``/proc`` is read over and over while it runs. Returns the leaks and the samples."""
    watched = {label: box.secret(label) for label in ("passphrase", "sensitive")}
    process = subprocess.Popen(
        [*CLI, "--passphrase-file", str(box.passphrase_file), *SET_SENSITIVE_FROM_STDIN],
        env=box.env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    leaks: list[ProcessLeak] = []
    samples = 0
    assert process.stdin is not None
    try:
        for _ in range(3):  # waiting for its standard input
            leaks += process_leaks(watched)
            samples += 1
        process.stdin.write(watched["sensitive"].encode() + b"\n")
        process.stdin.close()
        while process.poll() is None:  # reading the passphrase file, Argon2id, writing
            leaks += process_leaks(watched)
            samples += 1
        assert process.stderr is not None
        errors = process.stderr.read().decode()
    finally:
        process.kill()
        process.wait(timeout=60)
    assert process.returncode == 0, errors
    return leaks, samples


def _private_modes(box: Sandbox) -> list[str]:
    """Files the wallet wrote that are not 0600 and folders it made that are not 0700; the
    folders the person gave (backups, exports) keep the mode they had."""
    wrong = []
    given = stat.S_IMODE((box.root / "tmp").stat().st_mode)
    for folder in (box.root / "backups", box.root / "exports"):
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode != given:
            wrong.append(f"the person's folder {folder.name} became {mode:o} (was {given:o})")
    if stat.S_IMODE(box.vault.stat().st_mode) != 0o700:
        wrong.append(f"the vault folder is {stat.S_IMODE(box.vault.stat().st_mode):o}")
    written = [*box.vault.iterdir(), *(box.root / "backups").iterdir(), *box.exports.values()]
    written.append(box.root / "inputs" / "recovery-key.txt")  # written by init
    for path in sorted(set(written)):
        mode = stat.S_IMODE(path.stat().st_mode)
        if path.is_file() and mode != 0o600:
            wrong.append(f"{path.parent.name}/{path.name} is {mode:o}")
    return wrong


def test_canaries_entered_through_the_cli_rest_only_in_the_plain_exports(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill_through_the_cli(sandbox, capsys)
    leaks, samples = _sensitive_field_from_stdin(sandbox)
    capsys.readouterr()
    sandbox.cli("data", "get", "passport_number")
    assert sandbox.canaries["sensitive"] in capsys.readouterr().out  # it was stored

    report = sandbox.scan()
    with capsys.disabled():
        print(
            f"\nno-plaintext (CLI): {report.bytes_scanned} bytes in {report.files_scanned} files "
            f"scanned for {len(sandbox.canaries)} canaries; /proc read {samples} times"
        )
    assert [f"{hit.path}: {hit.label} ({hit.form})" for hit in report.hits] == []
    assert leaks == []
    for label, export in sandbox.exports.items():  # the scans can find what is there
        exported = ScanReport()
        scan_file(export, sandbox.canaries, exported)
        found = {hit.label for hit in exported.hits}
        assert label in found, f"{export.name} should hold {label} in plaintext"
        assert not found & {*FIELD_LABELS, *SECRET_LABELS}, f"{export.name} holds {found}"
    assert report.bytes_scanned > 50_000  # the vault, its backup, the home folders
    assert samples >= 4
    assert _private_modes(sandbox) == []


def test_every_encoding_of_a_canary_is_found_wherever_it_sits(tmp_path: Path) -> None:
    value = canary("probe")
    others = {"probe": value, "other": canary("other")}
    encodings = [
        value.encode(),
        value.encode("utf-16-le"),
        value.encode().hex().encode(),
    ]
    for prefix in range(3):
        raw = os.urandom(prefix) + value.encode() + os.urandom(5)
        encodings += [base64.b64encode(raw), base64.urlsafe_b64encode(raw)]
    for index, encoded in enumerate(encodings):
        for position in (0, 17, (1 << 20) - 10):  # including across a chunk boundary
            path = tmp_path / f"sample-{index}-{position}"
            path.write_bytes(os.urandom(position) + encoded + os.urandom(100))
            report = ScanReport()
            scan_file(path, others, report)
            assert {hit.label for hit in report.hits} == {"probe"}, (index, position)
    assert len(byte_forms(value)) == 9
