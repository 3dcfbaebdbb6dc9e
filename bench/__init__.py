"""Benchmarks for `make bench`: each ``bench_*.py`` module exposes ``run() -> list[Figure]``.

Figures are medians over repeated runs (shared, noisy machines), printed beside their target.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure. ``target`` is the bound it must meet, ``None`` if informational."""

    name: str
    value: float
    unit: str
    target: float | None = None
    higher_is_better: bool = False
    note: str = ""

    @property
    def meets_target(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target


def median_seconds(
    action: Callable[[], object], *, repeat: int, setup: Callable[[], object] | None = None
) -> float:
    """Median wall time of ``action`` over ``repeat`` runs (``setup`` runs untimed before each)."""
    samples = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]
