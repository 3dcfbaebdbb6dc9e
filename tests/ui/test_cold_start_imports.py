"""The first window appears in a blink because it imports little: keep it so.

``bench/bench_cold_start.py`` measures the time to the first window; this test keeps its cause from
regressing silently: starting the app (importing ``ui.app``, then building the window of a locked
vault, the unlock screen) must not load the networking stack, the vendor kit, the vault's crypto
or the workspace's pages. They load later: on the vault worker when unlocking, or at the first
unlock when the workspace is built. The first-run window (the welcome wizard) loads no more: not
the vault's header or crypto, nor zxcvbn (at the first keystroke). Checked in a fresh interpreter,
as a launch would be.

PySide6 builds a Qt type's Python enums on first use; two of them would cost either window more
than everything else it builds (``Qt``, the namespace of ``Qt.AlignmentFlag`` and the like, ~20
ms; ``QStyle``, ~8 ms), so neither may be used until the window is shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from wallet.vault.facade import Vault

REPOSITORY = Path(__file__).resolve().parents[2]
PASSPHRASE = "cold start test passphrase"

# Loaded at launch, these would cost the first window most of its time (see the bench).
NOT_AT_LAUNCH = (
    "aiohttp",
    "vendorkit",
    "wallet.delivery",
    "wallet.transport",
    "ui.network",
    "wallet.vault.facade",
    "pydantic",
    "zxcvbn",
    "segno",
    "ui.pages.activity_page",
    "ui.pages.consents_page",
    "ui.pages.intentions_page",
    "ui.pages.loyalty_page",
    "ui.pages.my_data",
    "ui.pages.overview_page",
    "ui.pages.settings_page",
    "ui.pages.terms_page",
    "ui.pages.vendors_page",
    "ui.pages.welcome",
    # set up once the window has painted (ui.app.create_main_window), or on the vault's worker
    "ui.tray",
    "ui.i18n.rebuild",
    "ui.heap",
)
# Reading the header (pydantic) for the keyring button starts on the background thread once the
# window is painted, not while it is built (the thread would hold the interpreter's lock); the
# rest stays out until the vault is unlocked.
NOT_WITH_THE_UNLOCK_SCREEN = (*NOT_AT_LAUNCH, "wallet.vault.header", "keyring")
# The wizard reads no header: the passphrase rules it shows come from a light module. The keyring
# probe and zxcvbn load on the background thread once it is painted.
NOT_WITH_THE_WELCOME_SCREEN = (
    *(name for name in NOT_AT_LAUNCH if name != "ui.pages.welcome"),
    "wallet.vault.header",
    "wallet.vault.slots",
    "wallet.crypto",
    "cryptography",
    "keyring",
    "wallet.keystore",
)
PYSIDE_TYPES_NOT_BUILT = {"PySide6.QtCore": ("Qt",), "PySide6.QtWidgets": ("QStyle",)}

LAUNCH = """
import json, linecache, sys
from pathlib import Path

import ui.app

at_import = sorted(sys.modules)
types = json.loads(sys.argv[2])

app = ui.app.create_application([])  # as ui.app.main does
ui.app.configure_application(app, style_set=True)
options, _ = ui.app.parse_options(["--vault", sys.argv[1]])
window = ui.app.create_main_window(options, ui.app.VaultRunner())
with_window = sorted(sys.modules)
window.show()
app.processEvents()
built = sorted(  # PySide6 adds a type to its module's namespace when it builds it
    f"{module}.{name}" for module, names in types.items() for name in names
    if name in vars(sys.modules[module])
)
print(json.dumps({"import": at_import, "window": with_window, "screen": type(
    window.screens.currentWidget()).__name__, "built": built, "sources_read": sorted(
    path for path in linecache.cache if path.endswith(".py"))}))
window.shutdown()
"""


# What a bare PySide6 reads of its own sources as it loads, before the app can say otherwise.
PYSIDE_ALONE = """
import json, linecache
import PySide6.QtWidgets
print(json.dumps(sorted(path for path in linecache.cache if path.endswith(".py"))))
"""


def _loaded(modules: list[str], forbidden: tuple[str, ...]) -> list[str]:
    return [
        name
        for name in modules
        if any(name == prefix or name.startswith(prefix + ".") for prefix in forbidden)
    ]


def _run(script: str, *arguments: str) -> Any:
    """The JSON a fresh interpreter running ``script`` prints last."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environment["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    completed = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _launch(vault_dir: Path) -> dict[str, Any]:
    """What a fresh interpreter loaded to show the window for ``vault_dir`` (see ``LAUNCH``)."""
    loaded: dict[str, Any] = _run(LAUNCH, str(vault_dir), json.dumps(PYSIDE_TYPES_NOT_BUILT))
    return loaded


def _sources_read_beyond_pyside(loaded: dict[str, Any]) -> list[str]:
    """Source files read at launch (PySide6 reads each imported module's: ui.pyside_startup)."""
    return sorted(set(loaded["sources_read"]) - set(_run(PYSIDE_ALONE)))


def test_launching_to_the_unlock_screen_loads_nothing_heavy(tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    Vault.create(vault_dir, PASSPHRASE, kdf_target_seconds=0).vault.lock()
    loaded = _launch(vault_dir)
    assert loaded["screen"] == "UnlockPage"
    assert _loaded(loaded["import"], NOT_AT_LAUNCH) == []
    assert _loaded(loaded["window"], NOT_WITH_THE_UNLOCK_SCREEN) == []
    assert loaded["built"] == []
    assert _sources_read_beyond_pyside(loaded) == []


def test_launching_to_the_welcome_screen_loads_nothing_heavy(tmp_path: Path) -> None:
    loaded = _launch(tmp_path / "no vault yet")
    assert loaded["screen"] == "WelcomePage"
    assert _loaded(loaded["import"], NOT_AT_LAUNCH) == []
    assert _loaded(loaded["window"], NOT_WITH_THE_WELCOME_SCREEN) == []
    assert loaded["built"] == []
    assert _sources_read_beyond_pyside(loaded) == []
