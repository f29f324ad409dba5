"""SARIF, GitLab Code Quality, the job summary and the shown-findings options, parsed back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from fix.helpers import PATH, blocks, join, scaffold
from mkdocs_archdesign.core.model import FailOn, Severity
from mkdocs_archdesign.core.output.job_summary import render_job_summary
from mkdocs_archdesign.core.output.reports import FORMATS, render, report_notes
from mkdocs_archdesign.core.output.selection import ReportOptions, shown_findings
from mkdocs_archdesign.core.rules.docs import documented_rules

from .conftest import run_texts

HOSTILE = "Evil|[l](j:x)<b>&\x1b[2J\u202e"


def approved_broken() -> str:
    """An Approved design (findings keep their severity) missing a section, hostile text."""
    head, sections = blocks(scaffold())
    text = join(head, [s for s in sections if not s.startswith("## 5.")])
    text = text.replace("status: Draft", "status: Approved").replace(
        "**Status**: Draft", "**Status**: Approved"
    )
    return text.replace("- TODO: a measurable goal", f"- TODO: {HOSTILE} goal", 1)


def source_of(texts: dict[str, str]) -> Any:
    def read(path: str, line: int) -> str:
        lines = texts[path].splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""

    return read


def sarif_of(texts: dict[str, str], **kw: Any) -> dict[str, Any]:
    summaries = run_texts(list(texts.items()))
    options = ReportOptions(source=source_of(texts), **kw)
    data: dict[str, Any] = json.loads(render("sarif", summaries, options=options))
    return data


def test_sarif_is_valid_against_the_official_schema(sarif_schema: dict[str, Any]) -> None:
    texts = {PATH: approved_broken(), "design/clean-design.md": scaffold()}
    log = sarif_of(texts, statistics=True)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in documented_rules()]
    by_id = {r["id"]: r for r in rules}
    assert by_id["AD000"]["name"] == "unreadable-design"
    assert by_id["AD101"]["helpUri"].endswith("/rules/#ad101")
    assert by_id["AD404"]["defaultConfiguration"]["level"] == "warning"
    assert by_id["AD103"]["defaultConfiguration"]["level"] == "warning"
    results = run["results"]
    missing = next(r for r in results if r["ruleId"] == "AD101")
    assert rules[missing["ruleIndex"]]["id"] == "AD101"
    assert missing["level"] == "error"
    assert missing["properties"]["fixable"] is True
    location = missing["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": PATH, "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] >= 1
    # JSON carries the text exactly (escaped by the encoder), controls included.
    hostile = next(r for r in results if HOSTILE in r["message"]["text"])
    assert hostile["properties"]["fixable"] is False


def test_sarif_paths_are_relative_to_the_project_root(tmp_path: Path, sarif_schema: Any) -> None:
    design = tmp_path / "docs" / "design" / "x-design.md"
    design.parent.mkdir(parents=True)
    text = approved_broken()
    design.write_text(text, encoding="utf-8")
    summaries = run_texts([(str(design), text)])
    log = json.loads(render("sarif", summaries, options=ReportOptions(root=tmp_path)))
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"docs/design/x-design.md"}
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"


def _fingerprints(text: str) -> dict[tuple[str, str], list[str]]:
    results = sarif_of({PATH: text})["runs"][0]["results"]
    out: dict[tuple[str, str], list[str]] = {}
    for result in results:
        key = (result["ruleId"], result["message"]["text"])
        out.setdefault(key, []).append(result["partialFingerprints"]["archdesignFindingHash/v1"])
    return out


def test_fingerprints_survive_unrelated_edits_and_differ_between_findings() -> None:
    text = approved_broken()
    before = _fingerprints(text)
    shifted = text.replace("# Order Service", "# Order Service\n\nA new paragraph.\n\n", 1)
    assert _fingerprints(shifted) == before
    every = [fp for fps in before.values() for fp in fps]
    assert len(every) == len(set(every))
    # Editing the finding's own line is a new finding.
    edited = text.replace(f"- TODO: {HOSTILE} goal", f"- TODO: {HOSTILE} goal, reworded", 1)
    changed = _fingerprints(edited)
    untouched = {key: fps for key, fps in before.items() if HOSTILE not in key[1]}
    assert {key: fps for key, fps in changed.items() if HOSTILE not in key[1]} == untouched
    ours = [fp for key, fps in before.items() if HOSTILE in key[1] for fp in fps]
    assert ours and not set(ours) & {fp for fps in changed.values() for fp in fps}


def test_gitlab_code_quality_has_every_documented_field() -> None:
    texts = {PATH: approved_broken()}
    summaries = run_texts(list(texts.items()))
    options = ReportOptions(source=source_of(texts))
    issues = json.loads(render("gitlab", summaries, options=options))
    assert isinstance(issues, list) and issues
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == PATH
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["check_name"] in issue["description"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    sarif = sarif_of(texts)["runs"][0]["results"]
    assert [i["fingerprint"] for i in issues] == [
        r["partialFingerprints"]["archdesignFindingHash/v1"] for r in sarif
    ]
    levels = {i["check_name"]: i["severity"] for i in issues}
    assert levels["AD101"] == "major"
    assert levels["AD103"] == "minor"
    missing = next(i for i in issues if i["check_name"] == "AD101")
    assert "[*]" in missing["description"]
    assert any(HOSTILE in i["description"] for i in issues)


def test_unreadable_design_is_a_gitlab_blocker() -> None:
    from mkdocs_archdesign.core.config.settings import Settings
    from mkdocs_archdesign.core.validation.validator import check_corpus, unreadable_result

    summaries = check_corpus([unreadable_result("x.md", "not UTF-8", Settings())], Settings())
    (issue,) = json.loads(render("gitlab", summaries))
    assert issue["severity"] == "blocker"


def test_job_summary_counts_failing_designs_and_links_rules() -> None:
    evil_path = "design/evil|[x](y)<b>-design.md"
    summaries = run_texts([(PATH, approved_broken()), (evil_path, approved_broken())])
    markdown = render_job_summary(summaries, ReportOptions())
    lines = markdown.splitlines()
    assert lines[0] == "## mkdocs-archdesign check failed"
    assert "| 2 |" in lines[4]
    assert "[AD101](https://mkdocs-archdesign.readthedocs.io/en/latest/rules/#ad101)" in markdown
    row = next(line for line in lines if "evil" in line)
    # The path cannot add a cell, a link or markup.
    assert row.count("|") - row.count("\\|") == 4
    assert "<b>" not in row and "](y)" not in row
    clean = render_job_summary(run_texts([(PATH, scaffold())]), ReportOptions())
    assert clean.startswith("## mkdocs-archdesign check passed")
    assert "Failing designs" not in clean


def _counts(fmt: str, options: ReportOptions) -> int:
    summaries = run_texts([(PATH, approved_broken())])
    out = render(fmt, summaries, options=options)
    if fmt == "text":
        return len(out.splitlines()) - 1
    if fmt == "github":
        return sum(1 for line in out.splitlines() if line.startswith("::"))
    if fmt == "json":
        return len(json.loads(out)["findings"])
    if fmt == "junit":
        import xml.etree.ElementTree as ET

        return sum(1 for c in ET.fromstring(out).iter("testcase") if c.get("name") != PATH)
    if fmt == "sarif":
        return len(json.loads(out)["runs"][0]["results"])
    return len(json.loads(out))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "options",
    [
        ReportOptions(),
        ReportOptions(min_severity=Severity.WARNING),
        ReportOptions(min_severity=Severity.ERROR),
        ReportOptions(quiet=True),
    ],
    ids=["all", "warning", "error", "quiet"],
)
def test_every_format_shows_the_same_findings(fmt: str, options: ReportOptions) -> None:
    summaries = run_texts([(PATH, approved_broken())])
    expected = len(shown_findings(summaries, options))
    assert expected > 0
    assert _counts(fmt, options) == expected


def test_min_severity_hides_but_never_changes_what_fails() -> None:
    summaries = run_texts([(PATH, approved_broken())])
    everything = shown_findings(summaries, ReportOptions())
    warnings = shown_findings(summaries, ReportOptions(min_severity=Severity.WARNING))
    errors = shown_findings(summaries, ReportOptions(quiet=True))
    assert {f.severity for f in errors} == {Severity.ERROR}
    assert len(errors) < len(warnings) <= len(everything)
    notes = report_notes(summaries, ReportOptions(min_severity=Severity.ERROR))
    assert f"{len(everything) - len(errors)} findings below error not shown" in notes
    assert report_notes(summaries, ReportOptions(quiet=True)) == []
    # The summary line still counts everything.
    text = render("text", summaries, options=ReportOptions(quiet=True, fail_on=FailOn.WARNING))
    assert text.splitlines()[-1].startswith("1 designs, ")


def test_statistics_count_per_code_consistently() -> None:
    summaries = run_texts([(PATH, approved_broken())])
    shown = shown_findings(summaries, ReportOptions())
    expected: dict[str, int] = {}
    for finding in shown:
        expected[finding.code] = expected.get(finding.code, 0) + 1
    options = ReportOptions(statistics=True)
    text_rows = render("text", summaries, options=options).splitlines()[:-1]
    parsed = {row.split()[1]: int(row.split()[0]) for row in text_rows}
    assert parsed == expected
    assert any("[*]" in row and "AD101" in row for row in text_rows)
    stats = json.loads(render("json", summaries, options=options))["statistics"]
    assert {row["code"]: row["count"] for row in stats} == expected
    sarif = json.loads(render("sarif", summaries, options=options))
    assert {r["code"]: r["count"] for r in sarif["runs"][0]["properties"]["statistics"]} == (
        expected
    )
    counts = [row["count"] for row in stats]
    assert counts == sorted(counts, reverse=True)
