"""Desktop integration (issue 16): the desktop entry and the AppStream metainfo pass their
validators, and the app icon exists at the hicolor theme's usual sizes as real PNGs.

The validators are Debian's ``desktop-file-utils`` and ``appstream``, which ``make test`` installs
(``.ci/system-deps``); a test skips, saying which, only where its command is missing.
"""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.vrm_wallet.VrmWallet"
DESKTOP_ENTRY = ROOT / "packaging" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
SIZES = (16, 32, 48, 64, 128, 256)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SCREENSHOTS_PATH = "/packaging/screenshots/"


def _validator(command: str) -> str:
    found = shutil.which(command)
    if found is None:
        pytest.skip(f"{command} is not installed (make system-deps installs it)")
    return found


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, timeout=60, check=False, cwd=ROOT
    )


def _icon_name() -> str:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment, method-assign]
    entry.read(DESKTOP_ENTRY, encoding="utf-8")
    return entry["Desktop Entry"]["Icon"]


def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    result = _run(_validator("desktop-file-validate"), str(DESKTOP_ENTRY))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout and "warning:" not in result.stdout, result.stdout


def test_the_metainfo_passes_appstreamcli_validate_without_the_network() -> None:
    result = _run(_validator("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_metainfo_has_captioned_screenshots_of_this_repository_a_release_and_a_rating() -> None:
    component = ElementTree.parse(METAINFO).getroot()
    screenshots = component.findall("screenshots/screenshot")
    assert screenshots and [s.get("type") for s in screenshots].count("default") == 1
    for screenshot in screenshots:
        assert (screenshot.findtext("caption") or "").strip()
        url = screenshot.findtext("image") or ""
        assert url.startswith("https://") and SCREENSHOTS_PATH in url, url
        assert (ROOT / "packaging" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url
    releases = component.findall("releases/release")
    assert releases and all(release.get("version") and release.get("date") for release in releases)
    rating = component.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"


def test_the_icon_exists_at_every_usual_size_as_a_png_of_that_size() -> None:
    name = _icon_name()
    for size in SIZES:
        path = HICOLOR / f"{size}x{size}" / "apps" / f"{name}.png"
        data = path.read_bytes()
        assert data[:8] == PNG_SIGNATURE, path
        assert data[12:16] == b"IHDR", path
        width, height, bit_depth, colour_type = struct.unpack(">IIBB", data[16:26])
        assert (width, height) == (size, size), path
        assert bit_depth == 8 and colour_type == 6, path  # 8-bit RGBA: a transparent background
    scalable = HICOLOR / "scalable" / "apps" / f"{name}.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / "icons" / f"{name}.svg").read_bytes()


def test_the_app_names_its_desktop_entry_so_the_desktop_matches_its_windows() -> None:
    from ui.app import APP_ICON, DESKTOP_FILE_NAME

    assert (ROOT / "packaging" / f"{DESKTOP_FILE_NAME}.desktop") == DESKTOP_ENTRY
    assert _icon_name() == APP_ICON
