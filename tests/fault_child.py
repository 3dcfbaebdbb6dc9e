"""A child process for the fault-injection tests: runs one vault operation under a file-size limit.

``RLIMIT_FSIZE`` makes every write past the limit fail with ``EFBIG`` (``SIGXFSZ`` is ignored so
the process lives to report it), which is how a full disk looks to a program, on any POSIX
system and without privileges. Usage::

    python -m tests.fault_child LIMIT_BYTES cli ARGS...      # vrm-wallet-cli ARGS under the limit
    python -m tests.fault_child GROWTH_BYTES set VAULT_DIR   # unlock, then limit, then a big save

``set`` unlocks first (without a limit) and then allows the write-ahead log to grow by only
``GROWTH_BYTES``, so it is the save itself that meets the full disk. It prints one JSON line:
the error class and message, or ``null``.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
from pathlib import Path

PASSPHRASE = "correct horse battery staple"


def limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def save_after_unlock(vault_dir: Path, growth: int) -> None:
    from wallet.errors import WalletError
    from wallet.vault.facade import Vault

    vault = Vault.open_with_passphrase(vault_dir, PASSPHRASE)
    log = Path(f"{vault_dir / 'vault.db'}-wal")
    limit_file_size(log.stat().st_size + growth)
    outcome: dict[str, str] | None = None
    try:
        vault.fields.set("note", "big value " * 999)
    except WalletError as exc:
        outcome = {"type": type(exc).__name__, "message": str(exc)}
    print(json.dumps(outcome), flush=True)
    os._exit(0)  # the limit is still on: skip the checkpoint a normal lock would try


def main() -> int:
    limit, mode, *rest = sys.argv[1:]
    if mode == "set":
        save_after_unlock(Path(rest[0]), int(limit))
        return 0
    limit_file_size(int(limit))
    from wallet.cli.main import main as cli_main

    return cli_main(rest)


if __name__ == "__main__":
    sys.exit(main())
