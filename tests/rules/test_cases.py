"""Focused rule cases: small Markdown designs with the expected findings marked inline.

Each file in ``cases/`` holds several cases, each starting at a ``<!-- case: what -->``
line and running to the next one; every case is validated as a design of its own. A
finding is expected where its line carries ``<!-- expect: AD205 -->`` (several codes,
separated by spaces, for several findings on that line; the marker is removed before the
design is checked). The test asserts the exact list of (code, line) pairs of each file,
over every content and Level 2 rule (AD2xx, AD3xx): a case that also fires another rule
must say so, so cross-firing cannot go unnoticed. Lines are the file's own, so a failure
points at the case.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.rules import REGISTRY
from mkdocs_archdesign.core.validation.validator import check_texts

CASES = Path(__file__).parent / "cases"
CASE_RE = re.compile(r"^<!-- case: (.+) -->$")
EXPECT_RE = re.compile(r"\s*<!-- expect: (AD\d{3}(?: AD\d{3})*) -->")
IN_SCOPE = ("AD2", "AD3")
SETTINGS = Settings(
    draft_findings="keep",
    rules={code: "off" for code in REGISTRY if not code.startswith(IN_SCOPE)},
)


@dataclass(frozen=True, slots=True)
class Case:
    """One case: its name, the file line before its first line, its text, its markers."""

    name: str
    offset: int
    text: str
    expects: int


def read_cases(path: Path) -> tuple[list[Case], Counter[tuple[str, int]]]:
    """The cases of a file and the findings its markers expect, by file line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    expected: Counter[tuple[str, int]] = Counter()
    starts = [(i, m.group(1)) for i, line in enumerate(lines) if (m := CASE_RE.match(line))]
    cases = []
    for index, (start, name) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(lines)
        body = []
        before = sum(expected.values())
        for number, line in enumerate(lines[start + 1 : end], start=start + 2):
            marker = EXPECT_RE.search(line)
            if marker is None:
                body.append(line)
                continue
            expected.update((code, number) for code in marker.group(1).split())
            body.append(line[: marker.start()] + line[marker.end() :])
        text = "\n".join(body) + "\n"
        cases.append(Case(name, start + 1, text, sum(expected.values()) - before))
    return cases, expected


def found_findings(path: Path) -> Counter[tuple[str, int]]:
    """What the rules report on each case of a file, by file line."""
    cases, _ = read_cases(path)
    template = load_template()
    found: Counter[tuple[str, int]] = Counter()
    for case in cases:
        (summary,) = check_texts([(f"{path.stem}.md", case.text)], template, SETTINGS)
        found.update((f.code, case.offset + f.line) for f in summary.findings)
    return found


CASE_FILES = sorted(CASES.glob("*.md"))


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_case_file_fires_exactly_what_it_marks(path: Path) -> None:
    _, expected = read_cases(path)
    found = found_findings(path)
    missing, extra = expected - found, found - expected
    assert not missing and not extra, (
        f"{path.name}: expected but not reported {sorted(missing)}; "
        f"reported but not marked {sorted(extra)}"
    )


def test_every_content_rule_fires_in_a_case() -> None:
    fired: set[str] = set()
    for path in CASE_FILES:
        fired.update(code for code, _ in read_cases(path)[1])
    assert fired == {code for code in REGISTRY if code.startswith(IN_SCOPE)}


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_every_case_file_has_a_case_that_must_not_fire(path: Path) -> None:
    cases, _ = read_cases(path)
    assert any(case.expects == 0 or "near miss" in case.name for case in cases)


def test_markers_are_well_formed() -> None:
    for path in CASE_FILES:
        text = path.read_text(encoding="utf-8")
        assert text.count("<!-- expect:") == len(EXPECT_RE.findall(text)), path.name
        cases, _ = read_cases(path)
        assert cases, path.name


@pytest.mark.parametrize("code", sorted(c for c in REGISTRY if c.startswith(IN_SCOPE)))
def test_each_content_rule_can_be_turned_off(code: str) -> None:
    path = next(p for p in CASE_FILES if any(c == code for c, _ in read_cases(p)[1]))
    cases, _ = read_cases(path)
    off = Settings(draft_findings="keep", rules={**SETTINGS.rules, code: "off"})
    template = load_template()
    for case in cases:
        (summary,) = check_texts([(path.name, case.text)], template, off)
        assert all(f.code != code for f in summary.findings)
