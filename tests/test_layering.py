"""Dependencies point one way: the layering of docs/architecture.md, checked from the source.

Every ``import`` in ``wallet/``, ``vendorkit/`` and ``ui/`` is read with :mod:`ast` (imports inside
functions and under ``TYPE_CHECKING`` count too: a lazy import is still a dependency). Inside the
core, each package (or top-level module) has a rank; it may import only what ranks below it, so no
two packages can import each other and nothing imports upward. Between the top-level packages:
``wallet`` imports neither ``vendorkit`` nor ``ui``; the vendor kit speaks only the published wire
formats (its demo, which opens a demo vault, may use the whole core); ``ui`` is the top.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Bottom to top. A unit may import only units listed before it (and itself). Keep this table and
# the one in docs/architecture.md the same.
CORE_LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("foundation", ("errors", "paths", "files", "terminal", "resources", "changes", "i18n")),
    ("library homes", ("crypto", "storage", "keystore", "transport", "relay", "webhooks")),
    ("wire formats", ("wire", "schemas")),
    ("records", ("activity", "personal_data", "settings")),
    ("vault", ("vault",)),
    (
        "features",
        ("terms", "loyalty", "outbox", "vendors", "intents", "offers", "consents", "reminders"),
    ),
    ("delivery", ("delivery", "market")),
    ("command line", ("cli",)),
)
CORE_ORDER = [f"wallet.{unit}" for _, units in CORE_LAYERS for unit in units]
RANK = {unit: index for index, unit in enumerate(CORE_ORDER)}
# What the vendor kit may use of the core: the formats a vendor in any language implements.
KIT_MAY_USE = {"wallet.errors", "wallet.files", "wallet.resources", "wallet.crypto", "wallet.wire"}
KIT_MAY_USE |= {"wallet.webhooks", "wallet.terminal"}  # terminal: printing remote text
KIT_MAY_USE |= {"wallet.relay"}  # the relay's subjects and streams (issue 15)
KIT_APPLICATIONS = {"vendorkit.demo"}  # opens the person's side too: may use the whole core


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(path: Path) -> Iterator[tuple[str, int]]:
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield target, node.lineno
            for alias in node.names:  # "from wallet import activity" imports wallet.activity
                yield f"{target}.{alias.name}", node.lineno


def _core_unit(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "wallet" or len(parts) < 2:
        return None
    unit = f"wallet.{parts[1]}"
    is_unit = (ROOT / "wallet" / parts[1]).is_dir() or (ROOT / "wallet" / f"{parts[1]}.py").exists()
    return unit if is_unit else None


def _sources(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts)


def test_every_core_unit_has_a_layer() -> None:
    units = {_core_unit(_module_name(path)) for path in _sources("wallet")} - {None}
    missing = sorted(str(unit) for unit in units if unit not in RANK)
    assert missing == [], f"add {missing} to CORE_LAYERS and docs/architecture.md"


def _core_violations() -> list[str]:
    found = []
    for path in _sources("wallet"):
        source = _core_unit(_module_name(path))
        if source is None:
            continue
        for target, line in _imported_modules(path):
            top = target.split(".")[0]
            if top in {"ui", "vendorkit", "PySide6", "shiboken6"}:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {target} (outside the core)")
                continue
            unit = _core_unit(target)
            if unit is None or unit == source or unit not in RANK or source not in RANK:
                continue
            if RANK[unit] > RANK[source]:
                found.append(f"{path.relative_to(ROOT)}:{line}: {source} imports {unit} (upward)")
    return sorted(set(found))


def test_core_imports_point_downward_only() -> None:
    violations = _core_violations()
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("package", ["vendorkit"])
def test_vendor_kit_uses_only_the_published_formats(package: str) -> None:
    found = []
    for path in _sources(package):
        module = _module_name(path)
        for target, line in _imported_modules(path):
            if target.split(".")[0] == "ui":
                found.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
            unit = _core_unit(target)
            if unit and unit not in KIT_MAY_USE and module not in KIT_APPLICATIONS:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {unit}")
    assert sorted(set(found)) == []


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    """The parser must find imports in every form, or the layering test would pass vacuously."""
    probe = ROOT / "wallet" / "errors.py"
    imported = {target for target, _ in _imported_modules(probe)}
    crypto = {target for target, _ in _imported_modules(ROOT / "wallet" / "vault" / "facade.py")}
    assert "wallet.crypto" in {_core_unit(t) for t in crypto}
    assert all(_core_unit(t) in {None, "wallet.errors"} for t in imported)
    assert RANK["wallet.vault"] > RANK["wallet.crypto"] > RANK["wallet.errors"]


MAX_MODULE_LINES = 600


def test_no_module_is_over_600_lines() -> None:
    """A module that grows past this is doing more than one job: split it by job."""
    too_long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for package in ("wallet", "vendorkit", "ui")
        for path in _sources(package)
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert too_long == []
