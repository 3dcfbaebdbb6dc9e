"""Run every benchmark module and print each figure beside its target."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

import bench
from bench import Figure


def _format(figure: Figure) -> str:
    value = f"{figure.value:,.3f} {figure.unit}"
    if figure.target is None:
        verdict, target = "info", ""
    else:
        comparator = ">=" if figure.higher_is_better else "<="
        target = f"target {comparator} {figure.target:,g} {figure.unit}"
        verdict = "OK" if figure.meets_target else "MISSED"
    note = f"  ({figure.note})" if figure.note else ""
    return f"  {figure.name:<58} {value:>18}  {target:<24} {verdict}{note}"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    selected = set(sys.argv[1:])
    missed = 0
    for module_info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda m: m.name):
        if not module_info.name.startswith("bench_"):
            continue
        if selected and module_info.name not in selected:
            continue
        module = importlib.import_module(f"bench.{module_info.name}")
        print(f"{module_info.name}: {(module.__doc__ or '').strip().splitlines()[0]}", flush=True)
        for figure in module.run():
            print(_format(figure), flush=True)
            missed += figure.meets_target is False
    print(f"{missed} target(s) missed" if missed else "all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
