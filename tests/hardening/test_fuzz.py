"""Fuzzing: the scanner and every rule never raise, lines are in range, output is stable.

CI runs a bounded, derandomised profile; ``HYPOTHESIS_PROFILE=long`` runs many more
examples locally (see CONTRIBUTING.md).
"""

from __future__ import annotations

import datetime
import difflib
import os

from hypothesis import HealthCheck, given, settings

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.scanner import scan_design, split_lines
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.model import Status
from mkdocs_archdesign.core.review.workflow import (
    Action,
    ReviewInputError,
    ReviewRefused,
    ReviewRequest,
    apply_review,
)
from mkdocs_archdesign.core.validation.validator import check_texts

from .strategies import design, mutated, reviewable

settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TEMPLATE = load_template()
KEEP = Settings(draft_findings="keep")


@given(mutated(design()))
def test_scanner_never_raises_and_lines_in_range(text: str) -> None:
    scanned = scan_design(text, "fuzz.md")
    count = len(split_lines(text))
    assert scanned.line_count == count
    for heading in scanned.headings:
        assert 1 <= heading.line <= count
    for section in scanned.sections():
        assert section.line <= section.end_line <= max(count, section.line)


@given(mutated(design()))
def test_every_rule_never_raises_and_findings_point_inside(text: str) -> None:
    (summary,) = check_texts([("design/fuzz-design.md", text)], TEMPLATE, KEEP)
    count = max(1, len(split_lines(text)))
    for finding in summary.findings:
        assert 1 <= finding.line <= count, finding
        assert finding.message and "\n" not in finding.code


@given(mutated(design()), mutated(design()))
def test_check_is_deterministic(first: str, second: str) -> None:
    corpus = [("design/a-design.md", first), ("design/b-design.md", second)]
    assert check_texts(corpus, TEMPLATE, KEEP) == check_texts(corpus, TEMPLATE, KEEP)


#: Lines a review may rewrite or add: its own labels, the front matter status, notes.
_REVIEW_LINE_PREFIXES = (
    "status:",
    "**Status**:",
    "**Reviewer**:",
    "**Review Date**:",
    "**Override**:",
    "**Review Notes**:",
    "- ",
    "",
)


@given(reviewable())
def test_review_then_check_round_trips(text: str) -> None:
    request = ReviewRequest(
        Action.APPROVE,
        reviewer="@lead",
        date=datetime.date(2024, 5, 14),
        note="fuzz override",
        force=True,
    )
    try:
        outcome = apply_review(text, "design/fuzz-design.md", request, TEMPLATE, KEEP)
    except (ReviewInputError, ReviewRefused):
        return  # a documented refusal (exit 1 or 2), never a crash
    (summary,) = check_texts([("design/fuzz-design.md", outcome.text)], TEMPLATE, KEEP)
    assert summary.status is Status.APPROVED
    assert summary.reviewer == "@lead"
    assert summary.review_date == "2024-05-14"
    before, after = text.split("\n"), outcome.text.split("\n")
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for line in before[a0:a1] + after[b0:b1]:
            assert line.strip().startswith(_REVIEW_LINE_PREFIXES), (tag, line)
