"""The review trail and escalations: the document stays the record of its review."""

from __future__ import annotations

import datetime

import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.model import Status
from mkdocs_archdesign.core.review.workflow import (
    Action,
    ReviewInputError,
    ReviewRequest,
    apply_review,
)
from mkdocs_archdesign.core.validation.validator import check_texts

from .helpers import changed_lines, complete_text, strip_trail

PATH = "design/inventory-design.md"


def _day(n: int) -> datetime.date:
    return datetime.date(2024, 5, n)


def _summary(text: str, template: Template) -> object:
    return check_texts([(PATH, text)], template, Settings())[0]


def test_every_transition_appends_one_log_line(template: Template, settings: Settings) -> None:
    text = complete_text("Draft")
    steps = [
        ReviewRequest(Action.REQUEST, date=_day(1)),
        ReviewRequest(Action.CHANGES, reviewer="@tom", date=_day(2), note="Add p99 targets"),
        ReviewRequest(Action.REQUEST, date=_day(3)),
        ReviewRequest(Action.APPROVE, reviewer="@tom", date=_day(4)),
    ]
    for step in steps:
        text = apply_review(text, PATH, step, template, settings).text
    summary = check_texts([(PATH, text)], template, settings)[0]
    log = [(e.date, e.before, e.after, e.who, e.note) for e in summary.review_log]
    assert log == [
        ("2024-05-01", "Draft", "Pending Review", "", ""),
        ("2024-05-02", "Pending Review", "Changes Requested", "@tom", "Add p99 targets"),
        ("2024-05-03", "Changes Requested", "Pending Review", "", ""),
        ("2024-05-04", "Pending Review", "Approved", "@tom", ""),
    ]
    assert text.count("**Review Log**:") == 1
    assert "- 2024-05-02: Pending Review -> Changes Requested by @tom: Add p99 targets\n" in text
    assert summary.findings == ()  # the log itself trips no rule


def test_escalate_and_resolve_record_who_when_and_why(
    template: Template, settings: Settings
) -> None:
    text = complete_text()
    escalate = ReviewRequest(
        Action.ESCALATE,
        reviewer="@alice",
        date=_day(5),
        escalate_to="@python-tech-lead",
        note="cross-team: shared ledger schema",
    )
    outcome = apply_review(text, PATH, escalate, template, settings)
    assert outcome.before is outcome.after is Status.PENDING_REVIEW
    assert (
        "**Escalated**: to @python-tech-lead on 2024-05-05: cross-team: shared ledger schema\n"
        in outcome.text
    )
    summary = check_texts([(PATH, outcome.text)], template, settings)[0]
    assert summary.escalated_to == "@python-tech-lead"
    removed, added = changed_lines(text, strip_trail(outcome.text))
    assert removed == [] and len(added) == 1  # one line, and the log

    with pytest.raises(ReviewInputError, match="already escalated to @python-tech-lead"):
        apply_review(outcome.text, PATH, escalate, template, settings)

    resolve = ReviewRequest(Action.RESOLVE, reviewer="@lead", date=_day(7), note="keep schema")
    resolved = apply_review(outcome.text, PATH, resolve, template, settings).text
    summary = check_texts([(PATH, resolved)], template, settings)[0]
    assert summary.escalated_to == ""
    assert "**Escalation Resolved**: 2024-05-07 (to @python-tech-lead on 2024-05-05:" in resolved
    notes = [e.note for e in summary.review_log]
    assert notes[0] == "escalated to @python-tech-lead: cross-team: shared ledger schema"
    assert notes[1] == "escalation to @python-tech-lead resolved 2024-05-07: keep schema"


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (ReviewRequest(Action.ESCALATE, note="why"), "escalate needs --to @handle"),
        (ReviewRequest(Action.ESCALATE, escalate_to="tech lead", note="x"), "needs --to @handle"),
        (ReviewRequest(Action.ESCALATE, escalate_to="@lead"), "escalate needs --reason"),
        (ReviewRequest(Action.RESOLVE), "has no open escalation"),
    ],
)
def test_bad_escalations_are_input_errors(
    request_: ReviewRequest, message: str, template: Template, settings: Settings
) -> None:
    with pytest.raises(ReviewInputError, match=message):
        apply_review(complete_text(), PATH, request_, template, settings)
