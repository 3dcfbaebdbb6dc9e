"""Refresh the translation sources: ``python -m ui.i18n.update [LANG...]`` (``make
translations-update``); a language code given starts that language's file.

Runs pyside6-lupdate over every ``ui/`` module and the core modules that mark texts for the
interface (``wallet.i18n.QT_TRANSLATE_NOOP``), merging new texts into each
``resources/translations/vrm-wallet_<lang>.ts`` as unfinished and dropping texts no longer used.
The files keep no source locations, so moving code does not touch them. An English file
(``vrm-wallet_en.ts``), when present, holds only the plural forms (``%n``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPOSITORY / "resources" / "translations"
CORE_MARKER = "QT_TRANSLATE_NOOP("
LUPDATE_FLAGS = ("-no-obsolete", "-locations", "none", "-source-language", "en")


def lupdate_program() -> Path:
    """pyside6-lupdate of the Python running this (the project's .venv)."""
    return Path(sys.executable).with_name("pyside6-lupdate")


def source_files(repository: Path = REPOSITORY) -> list[Path]:
    """The modules whose texts are translated: all of ``ui/``, and the core's marked ones."""
    ui_files = sorted((repository / "ui").rglob("*.py"))
    core_files = sorted(
        path
        for path in (repository / "wallet").rglob("*.py")
        if path.name != "i18n.py" and CORE_MARKER in path.read_text(encoding="utf-8")
    )
    return ui_files + core_files


def ts_files(directory: Path = TRANSLATIONS) -> list[Path]:
    """The translation sources, one per language."""
    return sorted(directory.glob("vrm-wallet_*.ts"))


def language_of(ts_file: Path) -> str:
    """``vrm-wallet_es.ts`` → ``es``."""
    return ts_file.stem.rpartition("_")[2]


def lupdate_command(ts_file: Path, sources: Sequence[Path]) -> list[str]:
    """The pyside6-lupdate call that merges ``sources``' texts into ``ts_file``."""
    language = language_of(ts_file)
    plurals_only = ["-pluralonly"] if language == "en" else []
    return [
        str(lupdate_program()),
        *LUPDATE_FLAGS,
        "-target-language",
        language,
        *plurals_only,
        *(str(path) for path in sources),
        "-ts",
        str(ts_file),
    ]


def update(
    directory: Path = TRANSLATIONS, *, repository: Path = REPOSITORY, new: Sequence[str] = ()
) -> None:
    """Merge the current texts into every translation source in ``directory``, starting one for
    each language code in ``new`` that has none yet."""
    sources = source_files(repository)
    targets = {*ts_files(directory), *(directory / f"vrm-wallet_{code}.ts" for code in new)}
    for ts_file in sorted(targets):
        subprocess.run(lupdate_command(ts_file, sources), check=True)


def lrelease_program() -> Path:
    """pyside6-lrelease of the Python running this."""
    return Path(sys.executable).with_name("pyside6-lrelease")


def build_catalogues(directory: Path = TRANSLATIONS) -> list[Path]:
    """Compile each .ts in ``directory`` whose .qm is missing or older (what ``make
    translations`` does, for tests run without make); returns every catalogue."""
    catalogues = []
    for ts_file in ts_files(directory):
        qm_file = ts_file.with_suffix(".qm")
        if not qm_file.exists() or qm_file.stat().st_mtime < ts_file.stat().st_mtime:
            subprocess.run(
                [str(lrelease_program()), "-silent", str(ts_file), "-qm", str(qm_file)],
                check=True,
            )
        catalogues.append(qm_file)
    return catalogues


LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


def main(arguments: Sequence[str]) -> int:
    """Refresh every .ts, starting one for each language code given ("fr", "pt_BR")."""
    wrong = [code for code in arguments if not LANGUAGE_CODE.match(code)]
    if wrong:
        print(f"usage: python -m ui.i18n.update [LANGUAGE_CODE...] (not {wrong[0]!r})")
        return 2
    update(new=arguments)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
