"""Render validation results for people and machines: text, JSON, GitHub, JUnit.

Every renderer takes the same input (the design summaries of one run) and returns a
string, so the CLI, the plugin and tests share one implementation. Findings quote
design text, which is untrusted: each format escapes it where it lands.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence

from mkdocs_archdesign.core.escape import github_data, github_property, terminal_text
from mkdocs_archdesign.core.model import DesignSummary, FailOn, Finding, FindingCounts, Severity

#: Output formats of ``check``, in the order ``--help`` lists them.
FORMATS = ("text", "json", "github", "junit")

#: Version of the JSON report's shape; bumped only on incompatible changes.
JSON_VERSION = 1

_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

# Characters XML 1.0 cannot carry at all, even escaped.
_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def findings_of(summaries: Sequence[DesignSummary]) -> list[Finding]:
    """Every finding of the run: designs in the given order, findings by line then code."""
    ordered: list[Finding] = []
    for summary in summaries:
        ordered.extend(sorted(summary.findings, key=Finding.sort_key))
    return ordered


def totals(summaries: Sequence[DesignSummary]) -> FindingCounts:
    """Findings per severity over the whole run."""
    total = FindingCounts()
    for summary in summaries:
        total = total + summary.counts
    return total


def summary_line(summaries: Sequence[DesignSummary]) -> str:
    """``N designs, E errors, W warnings, I info`` (the contract's fixed wording)."""
    counts = totals(summaries)
    return (
        f"{len(summaries)} designs, {counts.error} errors, "
        f"{counts.warning} warnings, {counts.info} info"
    )


def _one_line(text: str) -> str:
    # A quoted line of a design must not forge an extra finding line in text output.
    return terminal_text(text, " ")


def format_text_finding(finding: Finding) -> str:
    """One finding as ``path:line: CODE [severity] name: message (section: S)``."""
    section = f" (section: {_one_line(finding.section)})" if finding.section else ""
    return (
        f"{_one_line(finding.path)}:{finding.line}: {finding.code} "
        f"[{finding.severity.label}] {finding.name}: {_one_line(finding.message)}{section}"
    )


def render_text(summaries: Sequence[DesignSummary], fail_on: FailOn = FailOn.ERROR) -> str:
    """Human-readable report: one line per finding, then the summary line.

    Args:
        summaries: The designs of the run.
        fail_on: Unused; accepted so every renderer has the same signature.

    Returns:
        The report, ending with a newline.
    """
    lines = [format_text_finding(finding) for finding in findings_of(summaries)]
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
    }


def render_json(summaries: Sequence[DesignSummary], fail_on: FailOn = FailOn.ERROR) -> str:
    """The JSON report: ``{"version": 1, "findings": [...], "summary": {...}}``.

    Args:
        summaries: The designs of the run.
        fail_on: Unused; accepted so every renderer has the same signature.

    Returns:
        Indented JSON, ending with a newline.
    """
    counts = totals(summaries)
    report = {
        "version": JSON_VERSION,
        "findings": [finding_dict(finding) for finding in findings_of(summaries)],
        "summary": {"designs": len(summaries), **counts.as_dict()},
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def format_github_finding(finding: Finding) -> str:
    """One finding as a GitHub Actions workflow command (``::error file=...::message``)."""
    command = _GITHUB_COMMANDS[finding.severity]
    title = github_property(f"{finding.code} {finding.name}")
    message = finding.message
    if finding.section:
        message = f"{message} (section: {finding.section})"
    return (
        f"::{command} file={github_property(finding.path)},line={finding.line},"
        f"title={title}::{github_data(message)}"
    )


def render_github(summaries: Sequence[DesignSummary], fail_on: FailOn = FailOn.ERROR) -> str:
    """GitHub Actions annotations, then the summary line as plain log text.

    Args:
        summaries: The designs of the run.
        fail_on: Unused; accepted so every renderer has the same signature.

    Returns:
        One workflow command per finding, ending with a newline.
    """
    lines = [format_github_finding(finding) for finding in findings_of(summaries)]
    lines.append(summary_line(summaries))
    return "\n".join(lines) + "\n"


def _xml_text(value: object) -> str:
    return _XML_INVALID_RE.sub("\ufffd", str(value))


def render_junit(summaries: Sequence[DesignSummary], fail_on: FailOn = FailOn.ERROR) -> str:
    """A JUnit XML report: one testsuite, one testcase per design.

    A finding at or above ``fail_on`` is a ``<failure>``; the others are listed in the
    testcase's ``<system-out>`` so dashboards show them without failing the case.

    Args:
        summaries: The designs of the run.
        fail_on: The threshold that makes a finding a failure.

    Returns:
        The XML document, ending with a newline.
    """
    suite = ET.Element("testsuite", name="mkdocs-archdesign")
    failed_cases = 0
    for summary in summaries:
        case = ET.SubElement(
            suite,
            "testcase",
            classname="mkdocs-archdesign",
            name=_xml_text(summary.path),
            file=_xml_text(summary.path),
            time="0",
        )
        notes: list[str] = []
        failed = False
        for finding in sorted(summary.findings, key=Finding.sort_key):
            line = format_text_finding(finding)
            if fail_on.fails(finding.severity):
                failed = True
                failure = ET.SubElement(
                    case,
                    "failure",
                    type=finding.code,
                    message=_xml_text(f"{finding.code} {finding.name}: {finding.message}"),
                )
                failure.text = _xml_text(line)
            else:
                notes.append(line)
        if notes:
            ET.SubElement(case, "system-out").text = _xml_text("\n".join(notes))
        failed_cases += failed
    suite.set("tests", str(len(summaries)))
    suite.set("failures", str(failed_cases))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", "0")
    root = ET.Element("testsuites", name="mkdocs-archdesign")
    root.append(suite)
    for key in ("tests", "failures", "errors"):
        root.set(key, suite.get(key, "0"))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


Renderer = Callable[[Sequence[DesignSummary], FailOn], str]

RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "junit": render_junit,
}


def render(fmt: str, summaries: Sequence[DesignSummary], fail_on: FailOn = FailOn.ERROR) -> str:
    """Render a run in one of :data:`FORMATS`.

    Args:
        fmt: ``"text"``, ``"json"``, ``"github"`` or ``"junit"``.
        summaries: The designs of the run.
        fail_on: The run's threshold (JUnit marks failures with it).

    Returns:
        The report.

    Raises:
        ValueError: If ``fmt`` is not a known format.
    """
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}") from None
    return renderer(summaries, fail_on)


def run_fails(summaries: Sequence[DesignSummary], fail_on: FailOn) -> bool:
    """Whether any finding of the run is at or above ``fail_on``."""
    return any(fail_on.fails(f.severity) for s in summaries for f in s.findings)
