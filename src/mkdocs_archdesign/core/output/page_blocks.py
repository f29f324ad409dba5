"""HTML fragments shown on a design page: the status badge, the findings list, the next step.

Every fragment is a single raw-HTML block (no blank line inside) so Python-Markdown passes
it through untouched, and every value in it is escaped: front matter is user input. The
status is always spelled out in words; colour only repeats it.
"""

from __future__ import annotations

from mkdocs_archdesign.core.escape import html_text
from mkdocs_archdesign.core.model import DesignSummary, Finding, FindingCounts, Severity


def status_slug(summary: DesignSummary) -> str:
    """The CSS-safe slug of a design's status; ``"unknown"`` for statuses outside the workflow."""
    return summary.status.slug if summary.status is not None else "unknown"


def render_badge(summary: DesignSummary) -> str:
    """The status badge: status, completeness, complexity, and reviewer/date when set.

    Args:
        summary: The design.

    Returns:
        One ``<div class="archdesign-badge ...">`` block.
    """
    items = [
        _item("status", "Status", summary.status_text or "Draft"),
        _item(
            "completeness",
            "Completeness",
            f"{summary.sections_present}/{summary.sections_required} sections",
        ),
        _item("complexity", "Complexity", _complexity_text(summary)),
        _item("findings", "Findings", summary.counts.phrase()),
    ]
    if summary.reviewer:
        items.append(_item("reviewer", "Reviewer", summary.reviewer))
    if summary.review_date and summary.review_date.upper() != "TBD":
        items.append(_item("review-date", "Review date", summary.review_date))
    classes = f"archdesign-badge archdesign-status--{status_slug(summary)}"
    return (
        f'<div class="{classes}" role="group" aria-label="Design status">'
        + "".join(items)
        + "</div>"
    )


def render_findings(findings: tuple[Finding, ...] | list[Finding], rules_url: str) -> str:
    """A collapsible admonition listing findings with their line, linked code and message.

    Args:
        findings: The design's findings (empty gives an empty string).
        rules_url: The rule reference page; codes link to ``{rules_url}#ad101``.

    Returns:
        One ``<details class="archdesign-findings ...">`` block, or ``""``.
    """
    if not findings:
        return ""
    counts = FindingCounts.of(list(findings))
    kind = "warning" if counts.error or counts.warning else "info"
    rows = "".join(_finding_row(finding, rules_url) for finding in findings)
    summary = html_text(_counts_text(counts))
    return (
        f'<details class="archdesign-findings {kind}">'
        f'<summary class="archdesign-findings__title">{summary}</summary>'
        f'<ul class="archdesign-findings__list">{rows}</ul></details>'
    )


def render_next_step(text: str) -> str:
    """The next step sentence as a paragraph (plain text, escaped)."""
    return f'<p class="archdesign-next-step">{html_text(text)}</p>'


def _item(key: str, label: str, value: str) -> str:
    return (
        f'<span class="archdesign-badge__item archdesign-badge__{key}">'
        f'<span class="archdesign-badge__label">{html_text(label)}</span> '
        f'<span class="archdesign-badge__value">{html_text(value)}</span></span>'
    )


def _complexity_text(summary: DesignSummary) -> str:
    apis = "API" if summary.api_count == 1 else "APIs"
    return f"{summary.complexity.value} ({summary.api_count} {apis})"


def _finding_row(finding: Finding, rules_url: str) -> str:
    href = html_text(f"{rules_url}#{finding.code.lower()}")
    severity = finding.severity.label
    return (
        f'<li class="archdesign-finding archdesign-finding--{severity}">'
        f'<span class="archdesign-finding__severity">{html_text(severity)}</span> '
        f"line {finding.line} · "
        f'<a href="{href}" title="{html_text(finding.name)}">{html_text(finding.code)}</a> '
        f"{html_text(finding.message)}</li>"
    )


def _counts_text(counts: FindingCounts) -> str:
    parts = []
    for severity, number in (
        (Severity.ERROR, counts.error),
        (Severity.WARNING, counts.warning),
        (Severity.INFO, counts.info),
    ):
        if number:
            # "info" is a mass noun: "3 info", like the check summary line.
            plural = "" if number == 1 or severity is Severity.INFO else "s"
            parts.append(f"{number} {severity.label}{plural}")
    total = counts.error + counts.warning + counts.info
    noun = "finding" if total == 1 else "findings"
    return f"{total} {noun} in this design: " + ", ".join(parts)
