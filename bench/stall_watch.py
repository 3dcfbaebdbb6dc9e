"""Where a GUI stall happens: a watchdog thread that, while the GUI thread has not ticked for
longer than a frame, samples what every thread is doing (``sys._current_frames()``).

Used by :mod:`bench.bench_gui_broadcast` when ``VRM_BENCH_STALLS=1`` is set; it prints, for each
gap longer than a frame, its length and the innermost frames of every thread sampled during it,
and the garbage collections that ran during it. Measuring changes little: the watchdog samples
only while a gap lasts and otherwise sleeps.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

ENABLED = os.environ.get("VRM_BENCH_STALLS") == "1"
SAMPLE_SECONDS = 0.002
FRAMES_SHOWN = 6


@dataclass
class Gap:
    start: float
    end: float = 0.0
    samples: list[dict[str, list[str]]] = field(default_factory=list)
    collections: list[tuple[int, float]] = field(default_factory=list)


def _stack(frame: Any) -> list[str]:
    walked = traceback.walk_stack(frame)
    summary = traceback.StackSummary.extract(walked, limit=FRAMES_SHOWN, lookup_lines=False)
    return [f"{_short(entry.filename)}:{entry.lineno} {entry.name}" for entry in reversed(summary)]


def _short(file_name: str) -> str:
    """The last two parts of a file name."""
    return "/".join(file_name.replace("\\", "/").split("/")[-2:])


class StallWatch:
    """Call :meth:`tick` from the GUI thread's timer; :meth:`report` afterwards."""

    def __init__(self, *, frame_seconds: float) -> None:
        self._frame = frame_seconds
        self._last = time.perf_counter()
        self._gaps: list[Gap] = []
        self._current: Gap | None = None
        self._gc_started = 0.0
        self._stop = threading.Event()
        self._gui = threading.get_ident()
        self._thread = threading.Thread(target=self._watch, name="stall-watch", daemon=True)

    def start(self) -> None:
        gc.callbacks.append(self._on_gc)
        self._last = time.perf_counter()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        gc.callbacks.remove(self._on_gc)

    def tick(self) -> None:
        now = time.perf_counter()
        if self._current is not None:
            self._current.end = now
            self._gaps.append(self._current)
            self._current = None
        self._last = now

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
            return
        took = time.perf_counter() - self._gc_started
        if took > 0.002:
            gap = self._current
            if gap is not None:
                gap.collections.append((info["generation"], took))
            else:
                self._stray_gc(info["generation"], took)

    def _stray_gc(self, generation: int, took: float) -> None:
        gap = Gap(self._gc_started, self._gc_started + took)
        gap.collections.append((generation, took))
        self._gaps.append(gap)

    def _watch(self) -> None:
        names = {}
        while not self._stop.is_set():
            time.sleep(SAMPLE_SECONDS)
            now = time.perf_counter()
            if now - self._last <= self._frame:
                continue
            gap = self._current
            if gap is None:
                gap = self._current = Gap(self._last)
            for thread in threading.enumerate():
                names[thread.ident] = thread.name
            sample = {
                ("GUI" if ident == self._gui else names.get(ident, str(ident))): _stack(frame)
                for ident, frame in sys._current_frames().items()
                if ident != threading.get_ident()
            }
            gap.samples.append(sample)

    def report(self, *, longest: int = 6) -> str:
        gaps = sorted(
            (g for g in self._gaps if g.end - g.start > self._frame),
            key=lambda g: g.end - g.start,
            reverse=True,
        )
        lines = [f"{len(gaps)} gap(s) over {self._frame * 1000:.0f} ms"]
        for gap in gaps[:longest]:
            lines.append(
                f"--- gap {(gap.end - gap.start) * 1000:.1f} ms, gc: "
                + ", ".join(f"gen{g} {t * 1000:.1f} ms" for g, t in gap.collections)
            )
            per_thread: dict[str, Counter[str]] = {}
            for sample in gap.samples:
                for name, stack in sample.items():
                    per_thread.setdefault(name, Counter())[" <- ".join(reversed(stack))] += 1
            for name, counted in sorted(per_thread.items()):
                for where, count in counted.most_common(3):
                    lines.append(f"  [{name}] x{count}: {where}")
        return "\n".join(lines)
