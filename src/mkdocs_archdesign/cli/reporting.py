"""What ``check`` needs around a report: its options, the output folder, the job summary."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs_archdesign.cli.common import fail

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs_archdesign.core.model import DesignSummary, FailOn, Severity
    from mkdocs_archdesign.core.output.selection import ReportOptions

#: The file GitHub Actions renders as the job's summary page.
STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


def parse_min_severity(value: str) -> Severity:
    """Read ``--min-severity`` (exit 2 with one line for anything but info/warning/error)."""
    from mkdocs_archdesign.core.model import Severity  # noqa: PLC0415 - fast startup

    try:
        return Severity.parse(value)
    except ValueError as exc:
        fail(f"--min-severity: {exc}")


def check_output_folder(output: str | None) -> None:
    """Exit 2 before any work when ``--output``'s folder does not exist."""
    if output is None:
        return
    folder = Path(output).parent
    if not folder.is_dir():
        fail(f"cannot write {output}: folder {folder} does not exist")


@lru_cache(maxsize=4096)
def _lines(path: str) -> tuple[str, ...]:
    from mkdocs_archdesign.core.textedit import Lines, content_of  # noqa: PLC0415

    try:
        text = Path(path).read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return ()
    return tuple(content_of(line) for line in Lines.from_text(text).lines)


def read_line(path: str, line: int) -> str:
    """Line ``line`` of the design at ``path`` (``""`` when it cannot be read)."""
    lines = _lines(path)
    return lines[line - 1] if 0 < line <= len(lines) else ""


def report_options(
    fail_on: FailOn, min_severity: Severity, quiet: bool, statistics: bool, root: Path
) -> ReportOptions:
    """The report options of one ``check`` run."""
    from mkdocs_archdesign.core.output.selection import ReportOptions  # noqa: PLC0415

    return ReportOptions(
        fail_on=fail_on,
        min_severity=min_severity,
        quiet=quiet,
        statistics=statistics,
        root=root,
        source=read_line,
    )


def append_job_summary(summaries: Sequence[DesignSummary], options: ReportOptions) -> None:
    """Append the run's Markdown summary to ``$GITHUB_STEP_SUMMARY`` when it is set."""
    target = os.environ.get(STEP_SUMMARY_ENV)
    if not target:
        return
    from mkdocs_archdesign.core.output.job_summary import render_job_summary  # noqa: PLC0415

    try:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(render_job_summary(summaries, options))
    except OSError as exc:
        fail(f"cannot write the job summary {target}: {exc.strerror or exc}")
