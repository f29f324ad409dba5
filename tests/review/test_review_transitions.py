"""Every review action from every status, and the gate in front of request and approve."""

from __future__ import annotations

import datetime

import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.model import Status
from mkdocs_archdesign.core.review.workflow import (
    TRANSITIONS,
    Action,
    ReviewInputError,
    ReviewRefused,
    ReviewRequest,
    allowed_actions,
    apply_review,
)
from mkdocs_archdesign.core.validation.validator import check_texts

from .helpers import changed_lines, complete_text, strip_trail

PATH = "design/inventory-design.md"
DAY = datetime.date(2024, 5, 1)
OTHER = ("design/inventory-v2-design.md", complete_text("Draft"))


def _request(action: Action, **options: object) -> ReviewRequest:
    defaults: dict[str, object] = {"reviewer": "@lead", "date": DAY}
    if action is Action.CHANGES:
        defaults["note"] = "Add p99 targets"
    if action is Action.SUPERSEDE:
        defaults["superseded_by"] = "inventory-v2"
    defaults.update(options)
    return ReviewRequest(action, **defaults)  # type: ignore[arg-type]


def _read_back(text: str, template: Template, settings: Settings) -> tuple[Status | None, str]:
    summary = check_texts([(PATH, text)], template, settings)[0]
    return summary.status, summary.review_date


def test_the_fixture_design_passes_every_rule(template: Template) -> None:
    for status in ("Pending Review", "Draft"):
        summary = check_texts([(PATH, complete_text(status))], template, Settings())[0]
        assert summary.findings == ()
    approved = complete_text("Approved").replace(
        "**Review Date**: TBD", "**Review Date**: 2024-05-01"
    )
    assert check_texts([(PATH, approved)], template, Settings())[0].findings == ()


# Escalations keep the status and have their own tests (test_review_trail.py).
MOVES = {action: t for action, t in TRANSITIONS.items() if t.target is not None}
LEGAL = [
    (source, action)
    for action, transition in MOVES.items()
    for source in Status
    if transition.sources is None or source in transition.sources
]
ILLEGAL = [
    (source, action)
    for action, transition in MOVES.items()
    for source in Status
    if transition.sources is not None and source not in transition.sources
]


@pytest.mark.parametrize(("source", "action"), LEGAL, ids=lambda v: getattr(v, "value", v))
def test_legal_transitions_reach_their_target(
    source: Status, action: Action, template: Template, settings: Settings
) -> None:
    text = complete_text(source.value)
    outcome = apply_review(text, PATH, _request(action), template, settings, [OTHER])
    assert outcome.before is source
    assert outcome.after is TRANSITIONS[action].target
    status, _ = _read_back(outcome.text, template, settings)
    assert status is TRANSITIONS[action].target
    assert f"status: {outcome.after.value}  # kept in step" in outcome.text
    assert f"**Status**: {outcome.after.value}\n" in outcome.text


@pytest.mark.parametrize(("source", "action"), ILLEGAL, ids=lambda v: getattr(v, "value", v))
def test_illegal_transitions_are_refused_with_the_allowed_ones(
    source: Status, action: Action, template: Template, settings: Settings
) -> None:
    with pytest.raises(ReviewRefused) as refused:
        apply_review(complete_text(source.value), PATH, _request(action), template, settings)
    message = str(refused.value)
    assert f"'{action.value}' is not allowed" in message
    allowed = ", ".join(a.value for a in allowed_actions(source))
    assert message.endswith(f"allowed from {source.value}: {allowed}")


def test_approve_a_draft_and_request_on_approved_are_illegal() -> None:
    assert Action.APPROVE not in allowed_actions(Status.DRAFT)
    assert Action.REQUEST not in allowed_actions(Status.APPROVED)
    assert allowed_actions(Status.APPROVED) == (Action.SUPERSEDE, Action.ESCALATE, Action.RESOLVE)


def test_a_design_without_any_status_is_a_draft(template: Template, settings: Settings) -> None:
    text = complete_text().replace(
        "status: Pending Review  # kept in step with the Design Review block\n", ""
    )
    text = text.replace("**Status**: Pending Review\n", "")
    outcome = apply_review(text, PATH, _request(Action.REQUEST), template, settings)
    assert outcome.before is Status.DRAFT
    # The missing line goes right after the last review line that exists.
    assert "**Reviewer**: @lead\n**Review Date**: TBD\n**Status**: Pending Review\n" in outcome.text


def test_request_is_refused_while_the_design_has_errors(
    template: Template, settings: Settings
) -> None:
    start = complete_text("Draft").index("## 5. Data Model Overview")
    end = complete_text("Draft").index("## 6. Concurrency")
    broken = complete_text("Draft")[:start] + complete_text("Draft")[end:]
    with pytest.raises(ReviewRefused) as refused:
        apply_review(broken, PATH, _request(Action.REQUEST), template, settings)
    assert "1 blocking item" in str(refused.value)
    (reason,) = refused.value.reasons
    assert "AD101 error: missing required section 'Data Model Overview'" in reason
    # The line points into the file on disk, at the section after the gap.
    line = int(reason.split(":", 1)[0])
    assert broken.splitlines()[line - 1].startswith("## 6. Concurrency")


def test_request_keeps_draft_findings_at_full_severity_for_the_gate(
    template: Template,
) -> None:
    """A Draft's errors are downgraded to info for builds, never for the gate."""
    text = complete_text("Draft")
    broken = text.replace("## 9. Alternatives Considered", "## Nine")
    assert check_texts([(PATH, broken)], template, Settings())[0].counts.error == 0
    with pytest.raises(ReviewRefused):
        apply_review(broken, PATH, _request(Action.REQUEST), template, Settings())


def test_request_ignores_warnings(template: Template, settings: Settings) -> None:
    text = complete_text("Draft").replace("depends_on: []", "depends_on: [ghost]")
    outcome = apply_review(text, PATH, _request(Action.REQUEST), template, settings)
    assert outcome.after is Status.PENDING_REVIEW


def test_request_with_reviewer_names_who_reviews(template: Template, settings: Settings) -> None:
    text = complete_text("Draft")
    outcome = apply_review(
        text, PATH, _request(Action.REQUEST, reviewer="@bob"), template, settings
    )
    assert "**Reviewer**: @bob\n" in outcome.text
    plain = apply_review(text, PATH, ReviewRequest(Action.REQUEST), template, settings)
    assert "**Reviewer**: @python-tech-lead\n" in plain.text


def test_approve_sets_reviewer_and_date(template: Template, settings: Settings) -> None:
    outcome = apply_review(complete_text(), PATH, _request(Action.APPROVE), template, settings)
    assert "**Reviewer**: @lead\n**Review Date**: 2024-05-01\n" in outcome.text
    assert _read_back(outcome.text, template, settings) == (Status.APPROVED, "2024-05-01")
    assert check_texts([(PATH, outcome.text)], template, settings)[0].ready_for_handoff


def test_approve_defaults_to_today_and_the_named_reviewer(
    template: Template, settings: Settings
) -> None:
    request = ReviewRequest(Action.APPROVE)
    outcome = apply_review(complete_text(), PATH, request, template, settings)
    today = datetime.date.today().isoformat()
    assert f"**Reviewer**: @python-tech-lead\n**Review Date**: {today}\n" in outcome.text


def test_approve_without_any_reviewer_is_an_input_error(
    template: Template, settings: Settings
) -> None:
    text = complete_text().replace("**Reviewer**: @python-tech-lead", "**Reviewer**:")
    with pytest.raises(ReviewInputError, match="approve needs --reviewer"):
        apply_review(text, PATH, ReviewRequest(Action.APPROVE), template, settings)


def test_approve_is_refused_while_checklist_items_are_open(
    template: Template, settings: Settings
) -> None:
    text = complete_text().replace("- [x] Goals are measurable", "- [ ] Goals are measurable")
    with pytest.raises(ReviewRefused) as refused:
        apply_review(text, PATH, _request(Action.APPROVE), template, settings)
    (reason,) = refused.value.reasons
    assert "unchecked review checklist item: Goals are measurable" in reason
    assert text.splitlines()[int(reason.split(":")[0]) - 1] == "- [ ] Goals are measurable"


def test_check_all_ticks_the_checklist(template: Template, settings: Settings) -> None:
    text = complete_text().replace("- [x]", "- [ ]")
    request = _request(Action.APPROVE, check_all=True)
    outcome = apply_review(text, PATH, request, template, settings)
    assert "- [ ]" not in outcome.text
    assert outcome.text.count("- [x]") == 6
    assert _read_back(outcome.text, template, settings)[0] is Status.APPROVED


def test_approve_is_refused_on_warnings(template: Template, settings: Settings) -> None:
    text = complete_text().replace("depends_on: []", "depends_on: [ghost]")
    with pytest.raises(ReviewRefused) as refused:
        apply_review(text, PATH, _request(Action.APPROVE), template, settings)
    assert any("AD004 warning" in reason for reason in refused.value.reasons)


def test_approve_sees_the_other_designs(template: Template, settings: Settings) -> None:
    text = complete_text().replace("depends_on: []", "depends_on: [inventory-v2]")
    outcome = apply_review(text, PATH, _request(Action.APPROVE), template, settings, [OTHER])
    assert outcome.after is Status.APPROVED


def test_force_records_the_override(template: Template, settings: Settings) -> None:
    text = complete_text().replace("- [x] Goals are measurable", "- [ ] Goals are measurable")
    request = _request(Action.APPROVE, force=True, note="Goals agreed in the kickoff")
    outcome = apply_review(text, PATH, request, template, settings)
    assert len(outcome.overridden) == 1
    assert (
        "**Review Date**: 2024-05-01\n"
        "**Override**: 2024-05-01 by @lead: Goals agreed in the kickoff\n"
    ) in outcome.text
    assert _read_back(outcome.text, template, settings)[0] is Status.APPROVED


def test_force_needs_a_note(template: Template, settings: Settings) -> None:
    with pytest.raises(ReviewInputError, match="--force needs --note"):
        apply_review(
            complete_text(), PATH, _request(Action.APPROVE, force=True), template, settings
        )


def test_force_without_blockers_records_nothing(template: Template, settings: Settings) -> None:
    request = _request(Action.APPROVE, force=True, note="just in case")
    outcome = apply_review(complete_text(), PATH, request, template, settings)
    assert outcome.overridden == ()
    assert "**Override**" not in outcome.text


def test_changes_appends_dated_notes(template: Template, settings: Settings) -> None:
    first = apply_review(complete_text(), PATH, _request(Action.CHANGES), template, settings)
    assert strip_trail(first.text).endswith(
        "- [x] Alternatives are well-justified\n\n"
        "**Review Notes**:\n\n- 2024-05-01 @lead: Add p99 targets\n"
    )
    again = apply_review(first.text, PATH, _request(Action.REQUEST), template, settings)
    second = apply_review(
        again.text,
        PATH,
        _request(Action.CHANGES, note="Name the cache", date=datetime.date(2024, 5, 3)),
        template,
        settings,
    )
    assert "- 2024-05-01 @lead: Add p99 targets\n- 2024-05-03 @lead: Name the cache\n" in (
        second.text
    )
    assert strip_trail(second.text).endswith("- 2024-05-03 @lead: Name the cache\n")


def test_changes_note_is_kept_as_text_not_markup(template: Template, settings: Settings) -> None:
    request = _request(Action.CHANGES, note="<script>alert(1)</script> & more")
    outcome = apply_review(complete_text(), PATH, request, template, settings)
    assert "<script>" not in outcome.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in outcome.text


def test_changes_note_cannot_make_a_link(template: Template, settings: Settings) -> None:
    request = _request(Action.CHANGES, note="see [here](javascript:alert(1)) and don't")
    outcome = apply_review(complete_text(), PATH, request, template, settings)
    assert "@lead: see \\[here\\](javascript:alert(1)) and don't\n" in outcome.text


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"note": None}, "changes needs --note"),
        ({"note": "two\nlines"}, "one line"),
        ({"reviewer": "<b>x</b>"}, "invalid --reviewer"),
    ],
)
def test_changes_input_errors(
    options: dict[str, object], message: str, template: Template, settings: Settings
) -> None:
    with pytest.raises(ReviewInputError, match=message):
        apply_review(complete_text(), PATH, _request(Action.CHANGES, **options), template, settings)


def test_notes_go_under_an_existing_review_notes_list(
    template: Template, settings: Settings
) -> None:
    text = complete_text().replace(
        "**Review Checklist**:",
        "**Review Notes**:\n\n- 2024-04-01 @ann: Earlier note\n  continued here\n\n"
        "**Review Checklist**:",
    )
    outcome = apply_review(text, PATH, _request(Action.CHANGES), template, settings)
    assert (
        "- 2024-04-01 @ann: Earlier note\n  continued here\n- 2024-05-01 @lead: Add p99 targets\n\n"
        "**Review Checklist**:"
    ) in outcome.text


def test_supersede_inserts_superseded_by_before_the_closing_fence(
    template: Template, settings: Settings
) -> None:
    outcome = apply_review(
        complete_text("Approved"), PATH, _request(Action.SUPERSEDE), template, settings, [OTHER]
    )
    assert "    send: true\nsuperseded_by: inventory-v2\n---\n" in outcome.text
    summary = check_texts([(PATH, outcome.text), OTHER], template, settings)[0]
    assert summary.superseded_by == "inventory-v2"
    assert summary.status is Status.SUPERSEDED


def test_supersede_updates_an_existing_superseded_by(
    template: Template, settings: Settings
) -> None:
    text = complete_text().replace(
        "tags: [warehouse]", "superseded_by: 'old-one'\ntags: [warehouse]"
    )
    outcome = apply_review(text, PATH, _request(Action.SUPERSEDE), template, settings, [OTHER])
    removed, added = changed_lines(text, strip_trail(outcome.text))
    assert "superseded_by: 'inventory-v2'\n" in added
    assert len(removed) == len(added) == 3


@pytest.mark.parametrize(
    ("by", "message"),
    [(None, "needs --by"), ("ghost", "not a design in this project"), ("inventory", "itself")],
)
def test_supersede_needs_a_known_other_design(
    by: str | None, message: str, template: Template, settings: Settings
) -> None:
    request = _request(Action.SUPERSEDE, superseded_by=by)
    with pytest.raises(ReviewInputError, match=message):
        apply_review(complete_text(), PATH, request, template, settings, [OTHER])


def test_broken_front_matter_is_refused(template: Template, settings: Settings) -> None:
    text = complete_text().replace("tags: [warehouse]", "tags: [warehouse")
    with pytest.raises(ReviewRefused, match="front matter is not valid YAML"):
        apply_review(text, PATH, _request(Action.CHANGES), template, settings)


def test_multi_line_front_matter_status_is_not_edited(
    template: Template, settings: Settings
) -> None:
    text = complete_text().replace(
        "status: Pending Review  # kept in step with the Design Review block",
        "status: >-\n  Pending Review",
    )
    with pytest.raises(ReviewInputError, match="not a one-line value"):
        apply_review(text, PATH, _request(Action.CHANGES), template, settings)
