"""Every pattern the content rules run on user text is linear in the line.

A rule runs its patterns with ``.search()`` on every line of a design; a pattern that
backtracks (an unbounded run re-scanned from every start position, or two unbounded runs
that can split the same text) turns one long line into seconds of work (issue #15: a
Concurrency section of many digits followed by `` x``). These tests grow each hostile
line eightfold in one process and compare: linear work grows about 8 times, quadratic
about 64. No wall-clock threshold, only the ratio, with a generous margin, and CPU
time of this thread, so other processes on a busy machine do not count.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator

import pytest

from mkdocs_archdesign.core.rules import content

SMALL, FACTOR = 1000, 8
# Linear is ~8 (up to ~24 measured on a busy machine: caches); quadratic is ~64.
MAX_RATIO = 40.0

#: Hostile lines by size: long runs of what the patterns' unbounded parts consume.
HOSTILE: dict[str, Callable[[int], str]] = {
    "digits then ' x'": lambda n: "1" * n + " x",
    "digits and commas": lambda n: "1," * n + " x",
    "digit then spaces": lambda n: "1" + " " * n + "x",
    "digit k then spaces": lambda n: "1 k" + " " * n + "x",
    "number per spaces": lambda n: "1 per" + " " * n + "x",
    "percentile then digits": lambda n: "p95 " + "1" * n + " x",
    "percentile then spaces": lambda n: "p95 1" + " " * n + "x",
    "percentile decimals": lambda n: "p9." + "9" * n + " x",
    "repeated percentiles": lambda n: "p95 " * n,
    "greater then spaces": lambda n: ">" + " " * n + "x",
    "python then spaces": lambda n: "python" + " " * n + "x",
    "version then spaces": lambda n: "3.12" + " " * n + "x",
    "out of scope spaces": lambda n: "out" + " " * n + "of" + " " * n + "x",
    "assumption spaces": lambda n: "ASSUMPTION" + " " * n + "x",
    "bold option": lambda n: "**Option " + "a" * n,
    "letters": lambda n: "a" * n,
}


def _patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern at module level in the content rules, tuples included."""
    for info in pkgutil.iter_modules(content.__path__):
        module = importlib.import_module(f"{content.__name__}.{info.name}")
        for name, value in vars(module).items():
            values = value if isinstance(value, tuple) else (value,)
            for index, item in enumerate(values):
                found = item[-1] if isinstance(item, tuple) else item  # (name, pattern) pairs
                if isinstance(found, re.Pattern):
                    yield f"{info.name}.{name}[{index}]", found


PATTERNS = dict(_patterns())


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Measure without the cyclic collector, as ``timeit`` does.

    A full collection in a test process holding the whole suite's objects costs tens of
    milliseconds of this thread's CPU time; landing in the first large sample, it ended
    the rounds early (``best_large > 0.1``) with a ratio far beyond linear.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _sample(pattern: re.Pattern[str], text: str, reps: int) -> float:
    """Seconds per search over ``reps`` searches, stopping early once clearly slow."""
    start = time.thread_time()
    elapsed = 0.0
    for done in range(1, reps + 1):
        pattern.search(text)
        elapsed = time.thread_time() - start
        if elapsed > 0.5:  # superlinear: extrapolating is enough to fail
            return elapsed / done
    return elapsed / reps


def _ratio(pattern: re.Pattern[str], make: Callable[[int], str]) -> float:
    """How much longer a search of the large line takes than of the small one.

    Samples alternate between the two sizes, so a busy moment of the machine hits both,
    and the best of five is kept; each sample repeats the search until the small line
    takes about half a millisecond, so timer resolution does not count.
    """
    small, large = make(SMALL), make(SMALL * FACTOR)
    with _no_gc():
        return _best_ratio(pattern, small, large)


def _best_ratio(pattern: re.Pattern[str], small: str, large: str) -> float:
    once = _sample(pattern, small, 1)
    reps = max(1, min(1 << 14, int(5e-4 / max(once, 1e-7))))
    best_small = best_large = float("inf")
    for _ in range(5):
        best_small = min(best_small, _sample(pattern, small, reps))
        best_large = min(best_large, _sample(pattern, large, reps))
        if best_large > 0.1:  # already far beyond linear
            break
    return best_large / best_small


def test_the_content_rules_have_patterns_to_check() -> None:
    names = set(PATTERNS)
    assert any(name.startswith("performance._THROUGHPUT_RES") for name in names)
    assert "performance._LATENCY_RE[0]" in names
    assert len(PATTERNS) >= 10


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_hostile_lines(name: str) -> None:
    pattern = PATTERNS[name]
    # One by one, failing on the first: a cubic pattern would take minutes on the rest.
    for label, make in HOSTILE.items():
        growth = _ratio(pattern, make)
        assert growth < MAX_RATIO, f"{name} grows {growth:.0f}x for {FACTOR}x input on '{label}'"


def test_a_hostile_performance_section_checks_in_linear_time() -> None:
    # The whole rule path, as #15 reported it: one long line in Concurrency & Performance.
    from mkdocs_archdesign.core.config.settings import Settings
    from mkdocs_archdesign.core.document.template import load_template
    from mkdocs_archdesign.core.validation.validator import check_texts

    template, settings = load_template(), Settings()

    def cost(n: int) -> float:
        text = f"## Concurrency & Performance Requirements\n\n{'1' * n} x\n"
        best = float("inf")
        with _no_gc():
            for _ in range(3):
                start = time.thread_time()
                check_texts([("d.md", text)], template, settings)
                best = min(best, time.thread_time() - start)
        return best

    cost(SMALL)
    assert cost(SMALL * FACTOR) / cost(SMALL) < MAX_RATIO
