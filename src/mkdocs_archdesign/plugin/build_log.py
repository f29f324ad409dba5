"""The plugin's build log: the core's lines through MkDocs' plugin logger, then one total."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mkdocs_archdesign.core.model import DesignSummary
from mkdocs_archdesign.core.output.build_log import checked_line, fail_on_message, log_lines
from mkdocs_archdesign.core.validation.cache import CacheStats

__all__ = ["fail_on_message", "report"]


def report(log: Any, summaries: Sequence[DesignSummary], stats: CacheStats) -> None:
    """Log every design's lines and the run's one-line total.

    Args:
        log: The plugin's logger (its prefix is added once per line by MkDocs).
        summaries: The checked designs.
        stats: The validation cache's use in this run.
    """
    for level, text in log_lines(summaries):
        getattr(log, level.value)("%s", text)
    log.info("%s", checked_line(summaries, stats.misses, stats.hits))
