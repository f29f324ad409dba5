"""AD205, AD212: Concurrency & Performance states its targets and its concurrency strategy."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs_archdesign.core.document.sections import PERFORMANCE
from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, rule
from mkdocs_archdesign.core.rules.text import header_key, is_placeholder, plain, section_lines

# Every pattern here runs with .search() on each line of user text, so each must be linear
# in the line: a number is at most 21 characters of digits and separators (a search
# restarts at every digit, and an unbounded run would be re-scanned from each one: the
# quadratic trap of issue #15), and no two unbounded whitespace runs are adjacent.
_NUMBER = r"\d[\d,.]{0,20}\s*(?:[kKmM]\s*)?"
# Cheapest first: has_throughput() stops at the first that matches, and the number-first
# patterns retry their bounded runs at every digit of a section's text.
_THROUGHPUT_RES = (
    # "RPS: 1200", "throughput of 900"
    re.compile(r"\b(?:rps|qps|tps|throughput)\b[^\d\n]{0,20}\d", re.IGNORECASE),
    # "1200 RPS", "6000 events per second", "2k requests per minute"
    re.compile(
        _NUMBER + r"(?:[A-Za-z]+\s+){0,2}(?:rps|qps|tps|per\s+(?:sec|second|minute|min"
        r"|hour)s?)\b",
        re.IGNORECASE,
    ),
    # "300 req/s", "40 jobs/min", "5 k/s"
    re.compile(_NUMBER + r"(?:[A-Za-z]{1,12}\s*)?/\s*(?:s|sec|second|min|minute|h|hour)\b"),
)
# "p95 < 150ms", "p99 under 2 s". Linear although unbounded: a search can only start at
# a "p" followed by digits, and the runs after one "p" end at the next letter.
_LATENCY_RE = re.compile(
    r"\bp\d{2,3}(?:\.\d+)?\b[^\d\n]{0,20}\d[\d,.]*\s*(?:ms|s|sec|secs|seconds?"
    r"|milliseconds?|µs|us|minutes?|min)\b",
    re.IGNORECASE,
)


# Joins a section's lines for one search per pattern. No match of the patterns above can
# cross a seam: only \s takes its "\n", and what may follow a \s in them (\s, a letter,
# "/") never takes "\x00"; no match ends with a \s (each ends with a digit or a letter
# and "\b") or starts in a seam (each starts with a digit or "\b" and a letter). Lines
# hold no "\n", and "\b" sees a seam as a line's start or end (both are non-word), so a
# pattern matches the joined text exactly when it matches one of the lines.
_SEAM = "\n\x00"


def has_throughput(text: str) -> bool:
    """Whether ``text`` states a throughput figure (``1200 RPS``, ``300 req/s``, ``RPS: 1200``)."""
    return any(pattern.search(text) for pattern in _THROUGHPUT_RES)


def has_latency(text: str) -> bool:
    """Whether ``text`` states a latency percentile with a time (``p95 < 150ms``)."""
    return _LATENCY_RE.search(text) is not None


def stated_targets(lines: list[str]) -> tuple[bool, bool]:
    """Whether a line without ``TODO``/``TBD`` states a throughput, and whether one a latency.

    The same as :func:`has_throughput` and :func:`has_latency` on each line's
    :func:`plain` text, in one search per pattern over all of them.
    """
    # is_placeholder() is False on a line without "TODO" and "TBD": then none is one.
    joined = _SEAM.join(lines)
    if "TODO" in joined or "TBD" in joined:
        joined = _SEAM.join(line for line in lines if not is_placeholder(line))
    # plain() only drops characters, so it keeps the seams.
    flat = plain(joined)
    return has_throughput(flat), has_latency(flat)


@rule("AD205", "unspecific-performance-target", Severity.ERROR)
def unspecific_performance_target(ctx: DesignContext) -> Iterator[Hit]:
    """Concurrency & Performance has no throughput figure or no latency percentile.

    What it checks:
        The Concurrency & Performance Requirements section must state a throughput
        figure (a number next to a rate unit, either order: ``1200 RPS``,
        ``RPS: 1200``, ``300 req/s``, ``6000 events per second``, ``40 jobs/min``) and
        a latency percentile with a time (``p95 < 150ms``, ``p99 under 2 s``). Lines
        still holding ``TODO``/``TBD`` do not count, so the template's hints do not
        pass. Each missing one is reported.

    Why it matters:
        "Performance targets are specific (RPS, latency percentiles)" is on the seed's
        review checklist. Without numbers, neither the concurrency model nor the
        framework choice can be justified or load-tested.

    Example:
        ```markdown
        ### 6.1 Performance Targets

        - The service must be fast and handle peak traffic.
        ```

    Fix:
        State both: ``- **Expected RPS**: 1000 (average), 2000 (peak)`` and
        ``- **Response Time**: p50 < 50ms, p95 < 200ms``.
    """
    section = ctx.template_section(PERFORMANCE)
    if section is None:
        return
    throughput, latency = stated_targets([text for _, text in section_lines(section)])
    if throughput and latency:
        return
    title = ctx.section_title(PERFORMANCE)
    if not throughput:
        yield Hit(section.line, "no throughput target (e.g. '1200 RPS', '300 req/s')", title)
    if not latency:
        yield Hit(section.line, "no latency percentile with a time (e.g. 'p95 < 150ms')", title)


_STRATEGY_COLUMNS = ("thread safe", "strategy")


@rule("AD212", "missing-concurrency-strategy", Severity.WARNING)
def missing_concurrency_strategy(ctx: DesignContext) -> Iterator[Hit]:
    """Concurrency & Performance has no concurrency strategy table.

    What it checks:
        The Concurrency & Performance Requirements section must contain a table whose
        header has a ``Component`` column and a ``Thread-Safe?`` or ``Strategy`` column.

    Why it matters:
        "Concurrency model justified (async vs sync, GIL strategy)" is on the review
        checklist. The table says, per component, how shared state is made safe.

    Example:
        ```markdown
        ### 6.2 Concurrency Strategy

        We use asyncio.
        ```

    Fix:
        Add ``| Component | Thread-Safe? | Strategy |`` with one row per component.
    """
    section = ctx.template_section(PERFORMANCE)
    if section is None:
        return
    for table in section.tables():
        columns = [header_key(cell) for cell in table.header]
        if any(c.startswith("component") for c in columns) and any(
            c.startswith(want) for c in columns for want in _STRATEGY_COLUMNS
        ):
            return
    yield Hit(
        section.line,
        "no concurrency strategy table (Component | Thread-Safe? | Strategy)",
        ctx.section_title(PERFORMANCE),
    )
