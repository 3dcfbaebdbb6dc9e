"""The Flatpak manifest (issue 16), read rather than built: flatpak-builder needs the runtimes
and the network, which CI does not have (``packaging/flatpak/README.md``).

It must name the app as the desktop entry and the metainfo do, run the ``vrm-wallet`` gui script,
ask only for the permissions the README explains, install files that exist, and pin every Python
package the app needs at run time except PySide6 (the base app's).
"""

from __future__ import annotations

import json
import re
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parents[1]
FLATPAK = REPOSITORY / "packaging" / "flatpak"
APP_ID = "io.github.vrm_wallet.VrmWallet"
MANIFEST = FLATPAK / f"{APP_ID}.json"
REQUIREMENTS = FLATPAK / "requirements.txt"
GENERATED_MODULE = "python3-requirements.json"  # flatpak-pip-generator's, from REQUIREMENTS
PERMISSIONS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
    "--share=network",
    "--talk-name=org.freedesktop.secrets",
    "--talk-name=org.freedesktop.Notifications",
    "--talk-name=org.freedesktop.ScreenSaver",
    "--talk-name=org.gnome.ScreenSaver",
    "--system-talk-name=org.freedesktop.login1",
}
INSTALLED_FILE = re.compile(r"install -Dm644 (\S+) ")


def _manifest() -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return manifest


def _pyproject() -> dict[str, Any]:
    return tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))


def _normalized(requirement: str) -> str:
    """A distribution's name as PEP 503 compares them."""
    name = re.split(r"[<>=!~;\[ ]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _app_module() -> dict[str, Any]:
    modules = [module for module in _manifest()["modules"] if isinstance(module, dict)]
    assert [module["name"] for module in modules] == ["vrm-wallet"]
    return modules[0]


def test_the_manifest_names_the_app_as_its_desktop_entry_and_metainfo_do() -> None:
    manifest = _manifest()
    assert manifest["id"] == APP_ID
    assert (REPOSITORY / "packaging" / f"{APP_ID}.desktop").is_file()
    metainfo = ElementTree.parse(REPOSITORY / "packaging" / f"{APP_ID}.metainfo.xml")
    assert metainfo.getroot().findtext("id") == APP_ID


def test_its_command_is_the_gui_script_and_its_runtime_brings_pyside6() -> None:
    manifest = _manifest()
    assert manifest["command"] in _pyproject()["project"]["gui-scripts"]
    assert (manifest["runtime"], manifest["sdk"]) == ("org.kde.Platform", "org.kde.Sdk")
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["base-version"] == manifest["runtime-version"]


def test_it_asks_only_for_the_permissions_the_readme_explains() -> None:
    finish_args = _manifest()["finish-args"]
    assert set(finish_args) == PERMISSIONS
    assert len(finish_args) == len(PERMISSIONS)
    readme = (FLATPAK / "README.md").read_text(encoding="utf-8")
    for permission in PERMISSIONS:
        assert f"`{permission}`" in readme, permission


def test_every_file_it_installs_exists_in_the_repository() -> None:
    commands = " ".join(_app_module()["build-commands"])
    installed = INSTALLED_FILE.findall(commands)
    assert len(installed) >= 4  # desktop entry, metainfo, the PNG icons, the SVG icon
    sizes = re.findall(r"for size in ([\d ]+);", commands)[0].split()
    assert {f"{size}x{size}" for size in sizes} == {
        path.name for path in (REPOSITORY / "resources" / "icons" / "hicolor").iterdir()
    } - {"scalable"}
    for path in installed:
        for size in sizes:
            assert (REPOSITORY / path.replace("${size}", size)).is_file(), path


def test_the_python_packages_come_first_from_the_generated_module() -> None:
    assert _manifest()["modules"][0] == GENERATED_MODULE
    assert GENERATED_MODULE.removesuffix(".json") in (FLATPAK / "README.md").read_text()


def test_every_python_package_the_app_needs_is_pinned_except_pyside6() -> None:
    project = _pyproject()["project"]
    needed = {
        _normalized(requirement)
        for requirement in [*project["dependencies"], *project["optional-dependencies"]["gui"]]
    } - {"pyside6-essentials"}
    lines = [
        line.strip()
        for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[\w.]+", line) for line in lines), lines
    pinned = {_normalized(line) for line in lines}
    assert needed <= pinned, needed - pinned
    assert "pyside6-essentials" not in pinned and "pyside6" not in pinned
