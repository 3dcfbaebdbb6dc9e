"""A process killed with SIGKILL in the middle of a write loop loses no committed row."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from wallet.vault import CreatedVault, Vault

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from wallet.vault import Vault

    vault = Vault.open_with_passphrase(Path(sys.argv[1]), sys.argv[2])
    index = 0
    while True:
        key = f"row{index:06d}"
        vault.set_field(key, "x" * 200 + key)
        print(key, flush=True)  # printed only after the commit returned
        index += 1
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_during_writes_keeps_every_committed_row(
    created: CreatedVault, vault_dir: Path
) -> None:
    created.vault.lock()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(vault_dir), PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    committed: list[str] = []
    assert writer.stdout is not None
    try:
        for line in writer.stdout:
            committed.append(line.strip())
            if len(committed) >= 150:
                break
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    assert len(committed) >= 150

    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        assert vault.integrity_problems() == []
        stored = {field.key for field in vault.list_fields()}
        assert set(committed) <= stored
        assert vault.verify_activity().ok
