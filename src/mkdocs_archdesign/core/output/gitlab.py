"""GitLab Code Quality JSON: the findings a merge request widget shows.

GitLab reads a JSON array of issues with ``description``, ``check_name``,
``fingerprint``, ``severity`` (``info``, ``minor``, ``major``, ``critical``,
``blocker``) and ``location.path`` / ``location.lines.begin``. The path is relative to
the repository (the project root); the fingerprint is the one SARIF uses, so both
viewers track a finding the same way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from mkdocs_archdesign.core.fixable import is_fixable
from mkdocs_archdesign.core.model import DesignSummary, Finding, Severity
from mkdocs_archdesign.core.output.selection import (
    ReportOptions,
    fingerprints,
    relative_path,
    shown_findings,
)

#: AD000 (a design that cannot be read) blocks everything else about the design.
_BLOCKER_CODES = frozenset({"AD000"})
_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def gitlab_severity(finding: Finding) -> str:
    """GitLab's level: error is major, warning minor, info info; AD000 is a blocker."""
    if finding.code in _BLOCKER_CODES and finding.severity is Severity.ERROR:
        return "blocker"
    return _SEVERITIES[finding.severity]


def _description(finding: Finding) -> str:
    text = f"{finding.code} {finding.name}: {finding.message}"
    if finding.section:
        text += f" (section: {finding.section})"
    if is_fixable(finding):
        text += " [*] fixable with mkdocs-archdesign check --fix"
    return text


def render_gitlab(summaries: Sequence[DesignSummary], options: ReportOptions) -> str:
    """The GitLab Code Quality report of the shown findings.

    Args:
        summaries: The designs of the run.
        options: What to show, the project root and the line reader for fingerprints.

    Returns:
        An indented JSON array, ending with a newline.
    """
    shown = shown_findings(summaries, options)
    issues = [
        {
            "description": _description(finding),
            "check_name": finding.code,
            "fingerprint": fingerprint,
            "severity": gitlab_severity(finding),
            "location": {
                "path": relative_path(finding.path, options.root),
                "lines": {"begin": finding.line},
            },
        }
        for finding, fingerprint in zip(shown, fingerprints(shown, options), strict=True)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
