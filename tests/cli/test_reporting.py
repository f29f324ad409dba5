"""Renderers over synthetic results: escaping where untrusted text lands."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from mkdocs_archdesign.core.model import DesignSummary, FailOn, Finding, Severity
from mkdocs_archdesign.core.output.reports import FORMATS, render, run_fails

HOSTILE = "quoted: 'x'\n::error file=a,line=1::forged\r\n%0A50%\x00\x1b[31m <b>&</b>"


def summary(path: str, *findings: Finding) -> DesignSummary:
    return DesignSummary(
        id="x", path=path, title="x", status=None, status_text="", findings=findings
    )


def finding(severity: Severity, message: str = "msg", path: str = "d.md", **kw: object) -> Finding:
    return Finding(
        path=path,
        line=int(kw.get("line", 3)),  # type: ignore[call-overload]
        code=str(kw.get("code", "AD203")),
        name="unmeasurable-goal",
        severity=severity,
        message=message,
        section=kw.get("section", "Goals and Non-Goals"),  # type: ignore[arg-type]
    )


RUN = [
    summary(
        "a,b:c.md",
        finding(Severity.ERROR, HOSTILE, path="a,b:c.md"),
        finding(Severity.INFO, "later", path="a,b:c.md", line=9, section=None),
        finding(Severity.WARNING, "earlier", path="a,b:c.md", line=1),
    ),
    summary("ok.md"),
]


def test_text_keeps_one_line_per_finding() -> None:
    lines = render("text", RUN).splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("a,b:c.md:1: AD203 [warning] unmeasurable-goal: earlier")
    assert lines[1].startswith("a,b:c.md:3: AD203 [error] unmeasurable-goal: quoted: 'x' ::error")
    assert lines[1].endswith("(section: Goals and Non-Goals)")
    assert lines[2] == "a,b:c.md:9: AD203 [info] unmeasurable-goal: later"
    assert lines[3] == "2 designs, 1 errors, 1 warnings, 1 info"


def test_json_round_trips_text_exactly() -> None:
    report = json.loads(render("json", RUN))
    assert report["summary"] == {"designs": 2, "error": 1, "warning": 1, "info": 1}
    assert report["findings"][1]["message"] == HOSTILE
    assert report["findings"][2]["section"] is None


def test_github_cannot_be_injected() -> None:
    lines = render("github", RUN).splitlines()
    assert len(lines) == 4
    commands = [line for line in lines if line.startswith("::")]
    assert [c.split(" ", 1)[0] for c in commands] == ["::warning", "::error", "::notice"]
    hostile = commands[1]
    assert hostile.startswith("::error file=a%2Cb%3Ac.md,line=3,title=AD203 unmeasurable-goal::")
    # The runner splits at the first "::" after the properties; later ones are data,
    # and without a raw newline nothing can start a second command.
    properties, message = hostile[2:].split("::", 1)
    assert properties == "error file=a%2Cb%3Ac.md,line=3,title=AD203 unmeasurable-goal"
    assert "\n" not in message and "\r" not in message
    assert "%0A" in message and "%0D" in message and "50%25" in message and "%250A" in message


def test_junit_escapes_and_parses() -> None:
    root = ET.fromstring(render("junit", RUN, FailOn.WARNING))
    cases = root.findall("testsuite/testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("a,b:c.md", "AD203 unmeasurable-goal (line 1)"),
        ("a,b:c.md", "AD203 unmeasurable-goal (line 3)"),
        ("a,b:c.md", "AD203 unmeasurable-goal (line 9)"),
        ("ok.md", "ok.md"),
    ]
    assert [len(c.findall("failure")) for c in cases] == [1, 1, 0, 0]
    assert "<b>&</b>" in (cases[1].findtext("failure") or "")
    assert "later" in (cases[2].findtext("system-out") or "")
    assert root.get("failures") == "2"
    assert root.get("tests") == "4"


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_run(fmt: str) -> None:
    assert render(fmt, []).endswith("\n")


def test_unknown_format_and_fail_threshold() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render("yaml", RUN)
    assert run_fails(RUN, FailOn.ERROR)
    assert not run_fails(RUN, FailOn.NEVER)
    assert not run_fails([summary("ok.md")], FailOn.WARNING)
