"""SARIF 2.1.0 for GitHub code scanning and every other SARIF viewer.

One run; the tool's rules (every documented code, AD000 included) as reporting
descriptors with a help URI to the rule reference; each shown finding as a result with a
physical location relative to the project root (``%SRCROOT%``) and a line-independent
partial fingerprint, so GitHub keeps a dismissed alert dismissed after unrelated edits.
JSON escaping covers every user-supplied string.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from mkdocs_archdesign import __version__
from mkdocs_archdesign.core.fixable import FIXABLE_CODES, is_fixable
from mkdocs_archdesign.core.model import DesignSummary, Severity
from mkdocs_archdesign.core.output.selection import (
    ReportOptions,
    fingerprints,
    relative_path,
    rule_url,
    shown_findings,
    statistics,
)
from mkdocs_archdesign.core.rules.base import Rule
from mkdocs_archdesign.core.rules.docs import documented_rules

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: The key of our partial fingerprint; the ``/v1`` part changes if the recipe does.
FINGERPRINT_KEY = "archdesignFindingHash/v1"
SRCROOT = "%SRCROOT%"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _descriptor(rule: Rule) -> dict[str, object]:
    sections = rule.doc_sections()
    fix = sections.get("Fix", "")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": sections.get("What it checks", rule.summary)},
        "help": {"text": fix or rule.summary},
        "helpUri": rule_url(rule.code),
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"fixable": rule.code in FIXABLE_CODES},
    }


def render_sarif(summaries: Sequence[DesignSummary], options: ReportOptions) -> str:
    """A SARIF 2.1.0 log of the shown findings.

    Args:
        summaries: The designs of the run.
        options: What to show, the project root and the line reader for fingerprints.

    Returns:
        Indented JSON, ending with a newline.
    """
    rules = documented_rules()
    index = {rule.code: position for position, rule in enumerate(rules)}
    shown = shown_findings(summaries, options)
    results = []
    for finding, fingerprint in zip(shown, fingerprints(shown, options), strict=True):
        result: dict[str, object] = {
            "ruleId": finding.code,
            "level": _LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": relative_path(finding.path, options.root),
                            "uriBaseId": SRCROOT,
                        },
                        "region": {"startLine": finding.line},
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
            "properties": {"fixable": is_fixable(finding), "section": finding.section},
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        results.append(result)
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "mkdocs-archdesign",
                "version": __version__,
                "informationUri": "https://mkdocs-archdesign.readthedocs.io/",
                "rules": [_descriptor(rule) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if options.root is not None:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": options.root.resolve().as_uri() + "/"}}
    if options.statistics:
        run["properties"] = {"statistics": [row.as_dict() for row in statistics(shown)]}
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
