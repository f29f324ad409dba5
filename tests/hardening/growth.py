"""Measure how work grows with input size, without wall-clock thresholds.

Two measures, both compared between two sizes in one process:

* :func:`line_events` counts the Python lines executed (deterministic: the same input
  always gives the same count), for code whose cost is Python loops;
* :func:`cpu_ratio` compares CPU time of one input and of one four times larger, each
  taken as the best of several rounds, for code whose cost is inside the regex engine.
  Linear code gives about 4x; a quadratic regex gives about 16x, so a generous bound of
  9x separates them even on a loaded machine.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

PACKAGE_MARK = "mkdocs_archdesign"


def line_events(function: Callable[[], Any]) -> int:
    """The number of lines of mkdocs_archdesign code executed by ``function()``."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        nonlocal count
        if PACKAGE_MARK not in frame.f_code.co_filename:
            return None
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        function()
    finally:
        sys.settrace(previous)
    return count


def _best_cpu(function: Callable[[], Any], repeat: int, rounds: int) -> float:
    # Without the cyclic collector, as timeit measures: a full collection of the test
    # process's objects is CPU time of this process too, and not the code's.
    enabled = gc.isenabled()
    gc.disable()
    try:
        best = float("inf")
        for _ in range(rounds):
            start = time.process_time()
            for _ in range(repeat):
                function()
            best = min(best, time.process_time() - start)
        return best
    finally:
        if enabled:
            gc.enable()


def cpu_ratio(make: Callable[[int], Callable[[], Any]], size: int, rounds: int = 5) -> float:
    """CPU time of ``make(4 * size)()`` over that of ``make(size)()``, best of ``rounds``.

    The small size is repeated until one round takes at least 20 ms of CPU, so timer
    resolution does not decide the ratio; the large size is repeated as often.
    """
    small, large = make(size), make(4 * size)
    small()
    large()
    repeat = 1
    while _best_cpu(small, repeat, 1) < 0.02 and repeat < 1_000_000:
        repeat *= 2
    return _best_cpu(large, repeat, rounds) / max(_best_cpu(small, repeat, rounds), 1e-9)
