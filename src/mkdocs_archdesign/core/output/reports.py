"""Render validation results for people and machines: text, JSON, GitHub, JUnit, SARIF, GitLab.

Every renderer takes the same input (the design summaries of one run and the shared
:class:`~mkdocs_archdesign.core.output.selection.ReportOptions`) and returns a string, so
the CLI, the plugin and tests share one implementation. Findings quote design text, which
is untrusted: each format escapes it where it lands.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mkdocs_archdesign.core.escape import github_data, github_property, terminal_text
from mkdocs_archdesign.core.fixable import is_fixable
from mkdocs_archdesign.core.model import DesignSummary, FailOn, Finding, Severity
from mkdocs_archdesign.core.output.gitlab import render_gitlab
from mkdocs_archdesign.core.output.sarif import render_sarif
from mkdocs_archdesign.core.output.selection import (
    ReportOptions,
    findings_of,
    fixable_count,
    kind_counts,
    shown_findings,
    statistics,
    totals,
)

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

__all__ = ["FORMATS", "ReportOptions", "findings_of", "render", "run_fails", "totals"]

#: Output formats of ``check``, in the order ``--help`` lists them.
FORMATS = ("text", "json", "github", "junit", "sarif", "gitlab")

#: Version of the JSON report's shape; bumped only on incompatible changes.
JSON_VERSION = 1

#: What ruff prints beside a finding ``--fix`` can resolve.
FIXABLE_MARK = "[*]"

_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

# Characters XML 1.0 cannot carry at all, even escaped.
_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def summary_line(summaries: Sequence[DesignSummary]) -> str:
    """``N designs, E errors, W warnings, I info`` (the contract's fixed wording).

    Level 2 specs in the run are counted on their own (``N designs, S Level 2 specs, …``);
    a run without specs keeps the wording exactly.
    """
    counts = totals(summaries)
    designs, specs = kind_counts(summaries)
    kinds = f"{designs} designs, " + (f"{specs} Level 2 specs, " if specs else "")
    return f"{kinds}{counts.error} errors, {counts.warning} warnings, {counts.info} info"


def _one_line(text: str) -> str:
    # A quoted line of a design must not forge an extra finding line in text output.
    return terminal_text(text, " ")


def format_text_finding(finding: Finding) -> str:
    """One finding as ``path:line: CODE [*] [severity] name: message (section: S)``.

    ``[*]`` (as in ruff) appears only when ``check --fix`` can resolve the finding.
    """
    section = f" (section: {_one_line(finding.section)})" if finding.section else ""
    mark = f" {FIXABLE_MARK}" if is_fixable(finding) else ""
    return (
        f"{_one_line(finding.path)}:{finding.line}: {finding.code}{mark} "
        f"[{finding.severity.label}] {finding.name}: {_one_line(finding.message)}{section}"
    )


def statistics_lines(findings: Sequence[Finding]) -> list[str]:
    """``--statistics`` rows: ``count  CODE  [*] name``, most frequent first."""
    rows = statistics(findings)
    width = max((len(str(row.count)) for row in rows), default=1)
    return [
        f"{row.count:>{width}}  {row.code}  {FIXABLE_MARK if row.fixable else '   '} {row.name}"
        for row in rows
    ]


def report_notes(summaries: Sequence[DesignSummary], options: ReportOptions) -> list[str]:
    """Hints for a person (what is hidden, what ``--fix`` can do), printed on stderr.

    They are kept out of the report itself, so the text format stays one line per
    finding and then the summary line, for every tool that parses it.
    """
    if options.quiet:
        return []
    shown = shown_findings(summaries, options)
    notes = []
    hidden = sum(len(summary.findings) for summary in summaries) - len(shown)
    if hidden:
        notes.append(f"{hidden} findings below {options.threshold.label} not shown")
    fixable = fixable_count(shown)
    if fixable:
        notes.append(f"{FIXABLE_MARK} {fixable} fixable with `mkdocs-archdesign check --fix`")
    return notes


def render_text(summaries: Sequence[DesignSummary], options: ReportOptions) -> str:
    """Human-readable report: one line per shown finding (or per code), then the summary.

    Args:
        summaries: The designs of the run.
        options: What to show.

    Returns:
        The report, ending with a newline.
    """
    shown = shown_findings(summaries, options)
    if options.statistics:
        lines = statistics_lines(shown)
    else:
        lines = [format_text_finding(finding) for finding in shown]
    lines.append(summary_line(summaries))
    return "\n".join(lines) + "\n"


def finding_dict(finding: Finding) -> dict[str, object]:
    """A finding as the JSON report's object (keys in the documented order)."""
    return {
        "path": finding.path,
        "line": finding.line,
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "section": finding.section,
        "message": finding.message,
        "fixable": is_fixable(finding),
    }


def render_json(summaries: Sequence[DesignSummary], options: ReportOptions) -> str:
    """The JSON report: ``{"version": 1, "findings": [...], "summary": {...}}``.

    ``findings`` holds the shown findings; ``summary`` counts every finding of the run;
    ``statistics`` (per code) is present only with ``--statistics``.

    Args:
        summaries: The designs of the run.
        options: What to show.

    Returns:
        Indented JSON, ending with a newline.
    """
    shown = shown_findings(summaries, options)
    report: dict[str, object] = {
        "version": JSON_VERSION,
        "findings": [finding_dict(finding) for finding in shown],
        "summary": {"designs": len(summaries), **totals(summaries).as_dict()},
    }
    if options.statistics:
        report["statistics"] = [row.as_dict() for row in statistics(shown)]
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


_LINE_RUN_RE = re.compile(r"[^\r\n]+")


def format_github_finding(finding: Finding) -> str:
    """One finding as a GitHub Actions workflow command (``::error file=...::message``)."""
    command = _GITHUB_COMMANDS[finding.severity]
    title = github_property(f"{finding.code} {finding.name}")
    message = finding.message
    if finding.section:
        message = f"{message} (section: {finding.section})"
    if is_fixable(finding):
        message = f"{message} {FIXABLE_MARK} fixable with mkdocs-archdesign check --fix"
    # The runner's log is a terminal: ESC, C1 and bidi controls from a design are shown
    # as "?" (path) or spaces (message); line breaks are left to the workflow-command
    # escaping (%0A), which GitHub shows as the line break they were.
    safe_message = _LINE_RUN_RE.sub(lambda run: terminal_text(run.group(), " "), message)
    return (
        f"::{command} file={github_property(terminal_text(finding.path))},line={finding.line},"
        f"title={title}::{github_data(safe_message)}"
    )


def render_github(summaries: Sequence[DesignSummary], options: ReportOptions) -> str:
    """GitHub Actions annotations, then (with ``--statistics``) counts, then the summary.

    Args:
        summaries: The designs of the run.
        options: What to show.

    Returns:
        One workflow command per shown finding, ending with a newline.
    """
    shown = shown_findings(summaries, options)
    lines = [format_github_finding(finding) for finding in shown]
    if options.statistics:
        lines += [_one_line(line) for line in statistics_lines(shown)]
    lines.append(summary_line(summaries))
    return "\n".join(lines) + "\n"


def _xml_text(value: object) -> str:
    return _XML_INVALID_RE.sub("\ufffd", str(value))


def render_junit(summaries: Sequence[DesignSummary], options: ReportOptions) -> str:
    """A JUnit XML report: one testcase per shown finding, one for each clean design.

    Many CI viewers (GitLab, Jenkins, GitHub test reporters) show only the first
    ``<failure>`` of a testcase, so every finding is its own testcase: a finding at or
    above ``fail_on`` carries a ``<failure>``; one below passes and says what it is in
    ``<system-out>``. A design with no shown finding is one passing testcase. Testcases
    are grouped by design (``classname`` is the design's path).

    Args:
        summaries: The designs of the run.
        options: What to show, and the threshold that makes a finding a failure.

    Returns:
        The XML document, ending with a newline.
    """
    # Imported here: only this report needs it (15 M instructions, a fortieth of a
    # one-design check).
    import xml.etree.ElementTree as ET  # noqa: PLC0415

    suite = ET.Element("testsuite", name="mkdocs-archdesign")
    shown = shown_findings(summaries, options)
    by_path: dict[str, list[Finding]] = {}
    for finding in shown:
        by_path.setdefault(finding.path, []).append(finding)
    tests = failures = 0
    for summary in summaries:
        findings = by_path.get(summary.path, [])
        if not findings:
            _testcase(suite, summary.path, summary.path, 1)
            tests += 1
        for finding in findings:
            name = f"{finding.code} {finding.name} (line {finding.line})"
            case = _testcase(suite, summary.path, name, finding.line)
            tests += 1
            line = format_text_finding(finding)
            if options.fail_on.fails(finding.severity):
                failures += 1
                failure = ET.SubElement(
                    case,
                    "failure",
                    type=finding.code,
                    message=_xml_text(f"{finding.code} {finding.name}: {finding.message}"),
                )
                failure.text = _xml_text(line)
            else:
                ET.SubElement(case, "system-out").text = _xml_text(line)
    for key, value in (("tests", tests), ("failures", failures), ("errors", 0), ("skipped", 0)):
        suite.set(key, str(value))
    suite.set("time", "0")
    root = ET.Element("testsuites", name="mkdocs-archdesign")
    root.append(suite)
    for key in ("tests", "failures", "errors"):
        root.set(key, suite.get(key, "0"))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _testcase(suite: ET.Element, path: str, name: str, line: int) -> ET.Element:
    import xml.etree.ElementTree as ET  # noqa: PLC0415 - see render_junit

    return ET.SubElement(
        suite,
        "testcase",
        classname=_xml_text(path),
        name=_xml_text(name),
        file=_xml_text(path),
        line=str(line),
        time="0",
    )


Renderer = Callable[[Sequence[DesignSummary], ReportOptions], str]


RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "junit": render_junit,
    "sarif": render_sarif,
    "gitlab": render_gitlab,
}


def render(
    fmt: str,
    summaries: Sequence[DesignSummary],
    fail_on: FailOn = FailOn.ERROR,
    options: ReportOptions | None = None,
) -> str:
    """Render a run in one of :data:`FORMATS`.

    Args:
        fmt: ``"text"``, ``"json"``, ``"github"``, ``"junit"``, ``"sarif"`` or ``"gitlab"``.
        summaries: The designs of the run.
        fail_on: The run's threshold, when no ``options`` are given.
        options: What to show (its ``fail_on`` wins over ``fail_on``).

    Returns:
        The report.

    Raises:
        ValueError: If ``fmt`` is not a known format.
    """
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    return renderer(summaries, options if options is not None else ReportOptions(fail_on=fail_on))


def run_fails(summaries: Sequence[DesignSummary], fail_on: FailOn) -> bool:
    """Whether any finding of the run is at or above ``fail_on``."""
    return any(fail_on.fails(f.severity) for s in summaries for f in s.findings)
