"""The desktop entry and AppStream metadata name the programs pyproject.toml installs."""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.vrm_wallet.VrmWallet"


def _scripts() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return set(project["scripts"]) | set(project["gui-scripts"])


def test_desktop_entry_launches_the_gui_script() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment, method-assign]
    entry.read(ROOT / "packaging" / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] in _scripts()
    assert (ROOT / "resources" / "icons" / f"{section['Icon']}.svg").exists()


def test_metainfo_matches_the_desktop_entry_and_scripts() -> None:
    component = ElementTree.parse(ROOT / "packaging" / f"{APP_ID}.metainfo.xml").getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    binaries = {element.text for element in component.iter("binary")}
    assert binaries == _scripts()
