"""The core never imports Qt (checked in a fresh interpreter: pytest-qt loads Qt in this one)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import wallet


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [info.name for info in pkgutil.walk_packages(wallet.__path__, "wallet.")]
    assert "wallet.vault.facade" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'ui'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "", f"the core imported Qt/ui: {result.stdout}"
