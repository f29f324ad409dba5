"""The GitHub Actions job summary: a Markdown page appended to ``$GITHUB_STEP_SUMMARY``.

With ``check --format github`` in a workflow, annotations mark the lines; the summary
gives the run at a glance: the counts, the designs that fail, and how often each rule
fired with a link to its documentation. Every path and message is escaped as literal
Markdown (:func:`~mkdocs_archdesign.core.escape.markdown_text`).
"""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs_archdesign.core.escape import markdown_text
from mkdocs_archdesign.core.model import DesignSummary, FindingCounts
from mkdocs_archdesign.core.output.selection import (
    ReportOptions,
    rule_url,
    shown_findings,
    statistics,
    totals,
)


def render_job_summary(summaries: Sequence[DesignSummary], options: ReportOptions) -> str:
    """The job summary's Markdown for one run.

    Args:
        summaries: The designs of the run.
        options: The run's threshold and what to show.

    Returns:
        Markdown ending with a newline (to append to the summary file).
    """
    counts = totals(summaries)
    failing = [s for s in summaries if any(options.fail_on.fails(f.severity) for f in s.findings)]
    verdict = "failed" if failing else "passed"
    lines = [
        f"## mkdocs-archdesign check {verdict}",
        "",
        "| Designs | Errors | Warnings | Info |",
        "| ---: | ---: | ---: | ---: |",
        f"| {len(summaries)} | {counts.error} | {counts.warning} | {counts.info} |",
        "",
    ]
    if failing:
        lines += [
            f"### Failing designs (at or above {options.fail_on.value})",
            "",
            "| Design | Errors | Warnings |",
            "| --- | ---: | ---: |",
        ]
        for summary in failing:
            design: FindingCounts = summary.counts
            lines.append(f"| {markdown_text(summary.path)} | {design.error} | {design.warning} |")
        lines.append("")
    rows = statistics(shown_findings(summaries, options))
    if rows:
        lines += ["### Findings by rule", "", "| Rule | Name | Count | Fixable |"]
        lines.append("| --- | --- | ---: | :---: |")
        for row in rows:
            link = f"[{row.code}]({rule_url(row.code)})"
            fixable = "yes" if row.fixable else ""
            lines.append(f"| {link} | {markdown_text(row.name)} | {row.count} | {fixable} |")
        lines.append("")
        if any(row.fixable for row in rows):
            lines += ["Fixable findings: run `mkdocs-archdesign check --fix` locally.", ""]
    return "\n".join(lines) + "\n"
