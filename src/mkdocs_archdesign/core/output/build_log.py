"""What a build log says about the designs: one line per problem, one per draft, no noise.

A Draft's findings are downgraded to info and a fresh scaffold has dozens; one log line for
each buried the build's own messages (20,788 INFO lines on a 654-design site). Errors and
warnings are still one line each, led by their severity (``error AD205 path:line …``); a
design's info findings become one summary line (``path: Draft, 43 to do``) and are listed
one by one only at debug level (``mkdocs build -v``), as ``check`` always lists them. Every
design-supplied text goes through :func:`~mkdocs_archdesign.core.escape.terminal_text`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence

from mkdocs_archdesign.core.escape import terminal_text
from mkdocs_archdesign.core.model import DesignSummary, FailOn, Finding, FindingCounts, Severity
from mkdocs_archdesign.core.output.selection import kind_counts, totals

#: How many failing findings the fail_on message names before it gives a count.
NAMED_FAILURES = 5


class LogLevel(enum.Enum):
    """The logger method a line goes to."""

    DEBUG = "debug"
    INFO = "info"
    WARNING = "warning"


def finding_line(finding: Finding) -> str:
    """One finding as a log line: ``error AD205 design/x.md:12 message``."""
    return (
        f"{finding.severity.label} {finding.code} {terminal_text(finding.path)}:{finding.line} "
        f"{terminal_text(finding.message)}"
    )


def log_lines(summaries: Iterable[DesignSummary]) -> Iterator[tuple[LogLevel, str]]:
    """The lines a build logs for its designs, each with its level, in design order.

    Args:
        summaries: The checked designs.

    Yields:
        ``(level, text)``: warnings and errors one by one at WARNING; per design with info
        findings, one INFO summary and each finding at DEBUG.
    """
    for summary in summaries:
        infos = [f for f in summary.findings if f.severity is Severity.INFO]
        for finding in summary.findings:
            if finding.severity is not Severity.INFO:
                yield LogLevel.WARNING, finding_line(finding)
        if not infos:
            continue
        status = terminal_text(summary.status_text or "Draft")
        yield (
            LogLevel.INFO,
            f"{terminal_text(summary.path)}: {status}, {len(infos)} to do "
            "(mkdocs build -v or mkdocs-archdesign check lists them)",
        )
        for finding in infos:
            yield LogLevel.DEBUG, finding_line(finding)


def checked_line(summaries: Sequence[DesignSummary], rechecked: int, cached: int) -> str:
    """The one total a build ends its report with (plugin and Zensical extension alike).

    Designs and Level 2 specs are counted apart, as ``check`` counts them; a run without
    specs reads as it always did.

    Args:
        summaries: Every design and spec of the build.
        rechecked: Designs validated in this run.
        cached: Designs whose result came from the cache.

    Returns:
        E.g. ``6 design(s), 2 Level 2 spec(s) checked: 0 error(s), 0 warning(s), 3 info
        (1 re-checked, 5 cached)``.
    """
    designs, specs = kind_counts(summaries)
    kinds = f"{designs} design(s)" + (f", {specs} Level 2 spec(s)" if specs else "")
    total = totals(summaries)
    return (
        f"{kinds} checked: {total.error} error(s), {total.warning} warning(s), "
        f"{total.info} info ({rechecked} re-checked, {cached} cached)"
    )


def fail_on_message(summaries: Iterable[DesignSummary], fail_on: FailOn) -> str | None:
    """The build's failure message naming the findings at or above ``fail_on``, or ``None``.

    Args:
        summaries: The checked designs.
        fail_on: The threshold.

    Returns:
        One line without a prefix (the caller adds its own, once), e.g. ``2 finding(s) at
        or above fail_on: error (2 error(s), 0 warning(s)) in 1 design(s): error AD205
        design/x.md:12 …; error AD101 …``; ``None`` when nothing fails.
    """
    failing = [
        finding
        for summary in summaries
        for finding in summary.findings
        if fail_on.fails(finding.severity)
    ]
    if not failing:
        return None
    counts = FindingCounts.of(failing)
    named = "; ".join(finding_line(finding) for finding in failing[:NAMED_FAILURES])
    more = len(failing) - NAMED_FAILURES
    if more > 0:
        named += f"; and {more} more"
    return (
        f"{len(failing)} finding(s) at or above fail_on: {fail_on.value} "
        f"({counts.error} error(s), {counts.warning} warning(s)) in "
        f"{len({finding.path for finding in failing})} design(s): {named}"
    )
