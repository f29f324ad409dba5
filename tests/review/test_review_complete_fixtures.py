"""The shared complete designs (tests/fixtures/complete) through the workflow.

They vary the formatting the review must cope with: status only in front matter,
only in the Design Review section, lower-case statuses, open checklists.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.model import Status
from mkdocs_archdesign.core.review.workflow import Action, ReviewRequest, apply_review
from mkdocs_archdesign.core.validation.validator import check_texts

from .helpers import changed_lines, strip_trail

COMPLETE = Path(__file__).resolve().parent.parent / "fixtures" / "complete"
FILES = sorted(COMPLETE.glob("*.md"))
DAY = datetime.date(2024, 8, 1)
REVIEW_LINE_RE = re.compile(
    r"(status: .*|\*\*(Status|Reviewer|Review Date)\*\*: .*|- \[x\] .*|superseded_by: .*)\r?\n"
)


def _corpus() -> list[tuple[str, str]]:
    return [(f"design/{p.name}", p.read_text(encoding="utf-8")) for p in FILES]


@pytest.mark.skipif(not FILES, reason="the complete fixtures are not there yet")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_complete_design_reaches_its_next_stop(
    path: Path, template: Template, settings: Settings
) -> None:
    corpus = _corpus()
    name = f"design/{path.name}"
    others = [(p, t) for p, t in corpus if p != name]
    text = path.read_text(encoding="utf-8")
    start = check_texts([(name, text), *others], template, settings)[0].effective_status
    steps: list[ReviewRequest] = []
    if start in (Status.DRAFT, Status.CHANGES_REQUESTED):
        steps.append(ReviewRequest(Action.REQUEST, date=DAY))
    if start is not Status.APPROVED:
        steps.append(ReviewRequest(Action.APPROVE, reviewer="@lead", date=DAY, check_all=True))
        expected = Status.APPROVED
    else:
        other_id = others[0][0].rsplit("/", 1)[1].removesuffix("-design.md")
        steps.append(ReviewRequest(Action.SUPERSEDE, superseded_by=other_id))
        expected = Status.SUPERSEDED
    current = text
    for step in steps:
        current = apply_review(current, name, step, template, settings, others).text
    summary = check_texts([(name, current), *others], template, settings)[0]
    assert summary.status is expected
    if expected is Status.APPROVED:
        assert summary.ready_for_handoff, summary.findings
        assert (summary.reviewer, summary.review_date) == ("@lead", "2024-08-01")
    assert len(summary.review_log) == len(steps)
    removed, added = changed_lines(text, strip_trail(current))
    assert all(REVIEW_LINE_RE.fullmatch(line) for line in added), added
    assert all(REVIEW_LINE_RE.fullmatch(line) or line.startswith("- [ ]") for line in removed), (
        removed
    )
