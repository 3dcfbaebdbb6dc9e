"""The built package works where a person installs it, away from this checkout (issue 16).

The sdist is built from the checkout and the wheel from the unpacked sdist (so the sdist holds
what the wheel needs); the wheel goes into a fresh virtual environment in a temporary directory,
and its own ``vrm-wallet-cli`` runs there through init, terms, an intention broadcast to the
reference vendor kit (served from this checkout on 127.0.0.1) and a consent it acknowledges.

Installing the dependencies from the registry on every run would be slow, so the fresh
environment sees this environment's third-party packages through a ``.pth`` path line, added after
the wheel is installed. A path line does not run the ``.pth`` files of that directory, so the
editable install of this checkout stays out; the test checks that nothing is imported from here.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.intent_helpers import serve

REPOSITORY = Path(__file__).resolve().parents[1]
PASSPHRASE = "a wheel installed far from home"
EMAIL = "wheel.quokka@example.org"
BUILD_TIMEOUT = 120
CLI_TIMEOUT = 60

# Where the probe finds things, printed as JSON by the fresh environment's interpreter.
PROBE = """
import json, sys
import vendorkit, vrm_wallet_resources, wallet
from ui.app import TRANSLATIONS_DIR
from ui.icons import APP_ICON, icon
from wallet.resources import resources_dir
print(json.dumps({
    "wallet": wallet.__file__,
    "vendorkit": vendorkit.__file__,
    "resources_package": vrm_wallet_resources.__file__,
    "resources_dir": str(resources_dir()),
    "translations_dir": str(TRANSLATIONS_DIR),
    "app_icon_found": not icon(APP_ICON).isNull(),
    "sys_path": sys.path,
    "meta_path": [type(finder).__module__ + "." + type(finder).__name__
                  if not isinstance(finder, type) else finder.__module__ + "." + finder.__name__
                  for finder in sys.meta_path],
}))
"""


@dataclass(frozen=True)
class Installed:
    """The fresh environment with the wheel in it."""

    wheel: Path
    python: Path
    bin_dir: Path
    site_packages: Path


def _run(command: list[str], *, cwd: Path, timeout: float = BUILD_TIMEOUT) -> str:
    result = subprocess.run(
        command,
        cwd=cwd,
        env=_clean_environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, (command, result.stdout[-3000:], result.stderr[-3000:])
    return result.stdout


def _clean_environment(**extra: str) -> dict[str, str]:
    """This process's environment without anything that would point back at the checkout."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "VRM_WALLET_RESOURCES", "VRM_WALLET_HOME", "VIRTUAL_ENV"}
    }
    return {**environment, **extra}


def _build_wheel(work: Path) -> Path:
    """The sdist built from the checkout, then the wheel built from the unpacked sdist."""
    sdist_dir, wheel_dir = work / "sdist", work / "wheel"
    sdist_dir.mkdir()
    name = _run(
        [
            sys.executable,
            "-c",
            "import sys; from setuptools import build_meta; "
            "print(build_meta.build_sdist(sys.argv[1]))",
            str(sdist_dir),
        ],
        cwd=REPOSITORY,
    ).splitlines()[-1]
    with tarfile.open(sdist_dir / name) as archive:
        archive.extractall(work / "unpacked", filter="data")
    [source] = (work / "unpacked").iterdir()
    _run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(wheel_dir), str(source)],
        cwd=work,
    )  # fmt: skip
    [wheel] = wheel_dir.glob("vrm_wallet-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    if not _setuptools_builds_wheels():
        pytest.skip("this environment's setuptools is older than 70.1 and cannot build a wheel")
    work = tmp_path_factory.mktemp("wheel-install")
    assert not work.resolve().is_relative_to(REPOSITORY)
    wheel = _build_wheel(work)
    environment = work / "fresh-venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(environment)], cwd=work)
    python = environment / "bin" / "python"
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--no-deps", "--no-index", str(wheel)],
        cwd=work,
    )  # fmt: skip
    site_packages = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            cwd=work,
        ).strip()
    )
    # Only now (pip must not see, nor try to replace, this checkout's editable install).
    third_party = sysconfig.get_paths()["purelib"]
    (site_packages / "zz_test_third_party.pth").write_text(third_party + "\n", encoding="utf-8")
    yield Installed(wheel, python, environment / "bin", site_packages)


def test_the_wheel_carries_the_data_files_and_is_found_through_the_package(
    installed: Installed,
) -> None:
    names = _wheel_names(installed.wheel)
    for expected in (
        "vrm_wallet_resources/__init__.py",
        "vrm_wallet_resources/terms/catalogue.json",
        "vrm_wallet_resources/terms/roster.json",
        "vrm_wallet_resources/schemas/signed-intention.schema.json",
        "vrm_wallet_resources/schemas/external/kantara-consent-receipt-v1.1.schema.json",
        "vrm_wallet_resources/letters/data-subject-request.en.json",
        "vrm_wallet_resources/loyalty/sample-memberships.csv",
        "vrm_wallet_resources/vendor/sample-catalog.json",
        "vrm_wallet_resources/icons/vrm-wallet.svg",
        "vrm_wallet_resources/icons/hicolor/256x256/apps/vrm-wallet.png",
        "vrm_wallet_resources/icons/hicolor/scalable/apps/vrm-wallet.svg",
        "wallet/py.typed",
    ):
        assert expected in names, expected
    for source in (REPOSITORY / "resources" / "translations").glob("*.[tq][sm]"):
        assert f"vrm_wallet_resources/translations/{source.name}" in names, source.name
    assert not any(name.startswith(("tests/", "resources/")) for name in names)

    found = json.loads(_run([str(installed.python), "-c", PROBE], cwd=installed.bin_dir.parent))
    site = installed.site_packages.resolve()
    for key in ("wallet", "vendorkit", "resources_package", "resources_dir"):
        assert Path(found[key]).resolve().is_relative_to(site), (key, found[key])
    assert Path(found["resources_dir"]).resolve() == site / "vrm_wallet_resources"
    assert Path(found["translations_dir"]).resolve() == site / "vrm_wallet_resources/translations"
    assert found["app_icon_found"]  # the desktop app finds its icons in the package too
    third_party = Path(sysconfig.get_paths()["purelib"]).resolve()
    from_checkout = [
        entry
        for entry in found["sys_path"]
        if entry
        and Path(entry).resolve().is_relative_to(REPOSITORY)
        and Path(entry).resolve() != third_party  # this environment's third-party packages
    ]
    assert from_checkout == []
    assert not any("__editable__" in finder for finder in found["meta_path"])


def _wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _setuptools_builds_wheels() -> bool:
    """Whether this environment's setuptools makes wheels by itself (70.1 and later)."""
    try:
        version = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        return False
    major, minor = (int(part) for part in version.split(".")[:2])
    return (major, minor) >= (70, 1)


def test_the_installed_cli_runs_init_terms_an_intention_and_a_consent_against_the_kit(
    installed: Installed, tmp_path: Path
) -> None:
    assert not tmp_path.resolve().is_relative_to(REPOSITORY)
    environment = _clean_environment(
        VRM_WALLET_HOME=str(tmp_path / "vault"),
        VRM_WALLET_PASSPHRASE=PASSPHRASE,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        """The installed ``vrm-wallet-cli ARGS``, run from the temporary directory."""
        result = subprocess.run(
            [str(installed.bin_dir / "vrm-wallet-cli"), *args],
            cwd=tmp_path,
            env=environment,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=CLI_TIMEOUT,
            check=False,
        )
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        return result

    cli("init", "--kdf-target-ms", "0")
    clauses = json.loads(cli("terms", "clauses", "--json", "--lang", "it").stdout)
    assert "CC-NO-TRACKING" in {clause["id"] for clause in clauses["clauses"]}
    assert "Saved version 1." in cli("terms", "compose", "--clause", "CC-NO-TRACKING").stdout
    saved = tmp_path / "my-terms.json"
    cli("terms", "export", str(saved), "--version", "1")
    assert json.loads(saved.read_text(encoding="utf-8"))["sha256"]
    cli("data", "set", "email", EMAIL)

    with serve(1) as vendors:
        kit = vendors.vendor_app
        [served] = kit.vendors
        [metadata_url] = vendors.metadata_urls
        assert "Added vendor" in cli("vendor", "add", "--yes", metadata_url).stdout
        intention_id = cli(
            "intent", "create", "--item", "Trail running shoes", "--category", "shoes",
            "--max-price", "120.00", "--currency", "EUR", "--region", "ES",
            "--deliver-by", (date.today() + timedelta(days=10)).isoformat(),
            "--delivery-method", "delivery",
        ).stdout.strip()  # fmt: skip
        uuid.UUID(intention_id)
        broadcast = cli("intent", "broadcast", "--wait", "20", intention_id)
        assert "Delivered 1, failed 0" in broadcast.stdout, broadcast
        assert intention_id in served.intentions  # it verified the signed intention

        granted = cli(
            "consent", "grant", "--vendor", served.vendor_id, "--fields", "email",
            "--purpose", "2", "--yes", "--wait", "20",
        )  # fmt: skip
        consent_id = granted.stdout.strip()
        uuid.UUID(consent_id)
        assert f"acknowledged: {consent_id} (DisclosureAccepted" in granted.stderr
        assert kit.consents.held_data(served, consent_id) == {"email": EMAIL}
        letter = cli("request", "erasure", served.vendor_id).stdout  # texts from the package
        assert consent_id in letter
