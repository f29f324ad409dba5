"""What a report shows: the options every format shares, and the findings they select.

``--min-severity`` and ``--quiet`` choose which findings are *shown*; ``--fail-on`` alone
decides whether the run fails, so hiding info lines never hides a failure's cause and
never changes the exit code. Every format (text, github, json, junit, sarif, gitlab)
applies the same selection through :func:`shown_findings`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mkdocs_archdesign.core.fixable import is_fixable
from mkdocs_archdesign.core.model import DesignSummary, FailOn, Finding, FindingCounts, Severity

#: The rule reference page; each rule has an anchor named after its lower-case code.
RULES_DOCS_URL = "https://mkdocs-archdesign.readthedocs.io/en/latest/rules/"

#: Reads line ``n`` (1-based) of a design by its reported path; ``""`` when unknown.
LineSource = Callable[[str, int], str]


def rule_url(code: str) -> str:
    """The rule reference entry of ``code`` (``.../rules/#ad101``)."""
    return f"{RULES_DOCS_URL}#{code.lower()}"


def _no_source(path: str, line: int) -> str:
    return ""


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How a run is reported.

    Attributes:
        fail_on: The threshold that fails the run (JUnit failures and the job summary).
        min_severity: Findings below this are not shown (``--min-severity``).
        quiet: Show only error findings and the summary line (``--quiet``).
        statistics: Count findings per code (``--statistics``).
        root: The project root; SARIF and GitLab paths are relative to it.
        source: Reads a design's line, for line-independent fingerprints.
    """

    fail_on: FailOn = FailOn.ERROR
    min_severity: Severity = Severity.INFO
    quiet: bool = False
    statistics: bool = False
    root: Path | None = None
    source: LineSource = _no_source

    @property
    def threshold(self) -> Severity:
        """The lowest severity shown."""
        return max(self.min_severity, Severity.ERROR) if self.quiet else self.min_severity


def findings_of(summaries: Sequence[DesignSummary]) -> list[Finding]:
    """Every finding of the run: designs in the given order, findings by line then code."""
    ordered: list[Finding] = []
    for summary in summaries:
        ordered.extend(sorted(summary.findings, key=Finding.sort_key))
    return ordered


def shown_findings(summaries: Sequence[DesignSummary], options: ReportOptions) -> list[Finding]:
    """The findings a report shows under ``options`` (in :func:`findings_of` order)."""
    threshold = options.threshold
    return [f for f in findings_of(summaries) if f.severity >= threshold]


def totals(summaries: Sequence[DesignSummary]) -> FindingCounts:
    """Findings per severity over the whole run (shown or not)."""
    total = FindingCounts()
    for summary in summaries:
        total = total + summary.counts
    return total


def kind_counts(summaries: Sequence[DesignSummary]) -> tuple[int, int]:
    """How many Level 1 designs and Level 2 specs a run holds, counted apart.

    ``check``'s summary and the plugin's and the extension's build logs all count with
    this, so the same docs never read "8 designs" in one place and "6 designs, 2 Level 2
    specs" in another.

    Args:
        summaries: The run's summaries, designs and specs together.

    Returns:
        ``(designs, specs)``.
    """
    specs = sum(1 for summary in summaries if summary.kind == "spec")
    return len(summaries) - specs, specs


@dataclass(frozen=True, slots=True)
class CodeCount:
    """How many shown findings carry one code (a ``--statistics`` row)."""

    code: str
    name: str
    count: int
    fixable: bool

    def as_dict(self) -> dict[str, object]:
        """The JSON/SARIF form: ``{"code", "name", "count", "fixable"}``."""
        return {"code": self.code, "name": self.name, "count": self.count, "fixable": self.fixable}


def statistics(findings: Sequence[Finding]) -> list[CodeCount]:
    """Count ``findings`` per code, most frequent first (then by code), like ruff."""
    counts: dict[str, list[Finding]] = {}
    for finding in findings:
        counts.setdefault(finding.code, []).append(finding)
    rows = [
        CodeCount(code, group[0].name, len(group), is_fixable(group[0]))
        for code, group in counts.items()
    ]
    return sorted(rows, key=lambda row: (-row.count, row.code))


def fixable_count(findings: Sequence[Finding]) -> int:
    """How many of ``findings`` ``check --fix`` can resolve."""
    return sum(1 for finding in findings if is_fixable(finding))


def relative_path(path: str, root: Path | None) -> str:
    """``path`` as a ``/``-separated path relative to ``root`` when it lies inside it.

    Reported paths are as given (relative to the current folder, or absolute); SARIF and
    GitLab want them relative to the repository, which is the project root.
    """
    candidate = Path(path)
    if root is not None:
        base = root.resolve()
        absolute = candidate if candidate.is_absolute() else Path.cwd() / candidate
        try:
            return absolute.resolve().relative_to(base).as_posix()
        except ValueError:
            pass
    return PurePosixPath(candidate.as_posix()).as_posix()


_LINE_NUMBER_RE = re.compile(r"\bline \d+")


def fingerprints(findings: Sequence[Finding], options: ReportOptions) -> list[str]:
    """A fingerprint per finding that survives edits elsewhere in the design.

    It hashes the code, the project-relative path, the finding's line text (whitespace
    folded) and its message (line numbers dropped), plus an occurrence index among
    findings with the same four, but never the line number: inserting a paragraph
    above a finding leaves its fingerprint, so a dismissed alert stays dismissed.

    Args:
        findings: The findings, in report order.
        options: Supplies the project root and the line reader.

    Returns:
        One hex SHA-256 digest per finding, in the same order.
    """
    seen: dict[tuple[str, ...], int] = {}
    out: list[str] = []
    for finding in findings:
        text = " ".join(options.source(finding.path, finding.line).split())
        message = _LINE_NUMBER_RE.sub("line", finding.message)
        key = (finding.code, relative_path(finding.path, options.root), text, message)
        index = seen.get(key, 0)
        seen[key] = index + 1
        payload = "\x00".join([*key, str(index)])
        out.append(hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest())
    return out
