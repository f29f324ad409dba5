"""``review`` under a team's own statuses: transitions follow the stage, the team's word is
written, and only the status lines (and the log) change."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.model import Status
from mkdocs_archdesign.core.review.workflow import (
    Action,
    ReviewInputError,
    ReviewRefused,
    ReviewRequest,
    apply_review,
)
from mkdocs_archdesign.core.validation.validator import check_texts

from .helpers import changed_lines, complete_text, strip_trail

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from helpers import assert_one_line_error, invoke, run

PATH = "design/inventory-design.md"
DAY = datetime.date(2024, 5, 1)
MADR = Settings(
    statuses={
        "Proposed": "pending-review",
        "Accepted": "approved",
        "Rejected": "changes-requested",
        "Deprecated": "superseded",
        "superseded by *": "superseded",
    }
)


def test_approve_on_proposed_writes_accepted_in_both_places_only(template: Template) -> None:
    text = complete_text("Proposed")
    outcome = apply_review(
        text, PATH, ReviewRequest(Action.APPROVE, reviewer="@lead", date=DAY), template, MADR
    )
    assert (outcome.before, outcome.after) == (Status.PENDING_REVIEW, Status.APPROVED)
    assert (outcome.before_text, outcome.after_text) == ("Proposed", "Accepted")
    removed, added = changed_lines(text, strip_trail(outcome.text))
    assert removed == [
        "status: Proposed  # kept in step with the Design Review block\n",
        "**Status**: Proposed\n",
        "**Reviewer**: @python-tech-lead\n",
        "**Review Date**: TBD\n",
    ]
    assert added == [
        "status: Accepted  # kept in step with the Design Review block\n",
        "**Status**: Accepted\n",
        "**Reviewer**: @lead\n",
        "**Review Date**: 2024-05-01\n",
    ]
    assert "- 2024-05-01: Proposed -> Accepted by @lead" in outcome.text
    summary = check_texts([(PATH, outcome.text)], template, MADR)[0]
    assert (summary.status, summary.status_text) == (Status.APPROVED, "Accepted")
    assert summary.ready_for_handoff
    assert [f.code for f in summary.findings] == []


def test_changes_then_request_cycle_through_the_team_words(template: Template) -> None:
    changes = ReviewRequest(Action.CHANGES, reviewer="@lead", note="add p99", date=DAY)
    rejected = apply_review(complete_text("Proposed"), PATH, changes, template, MADR)
    assert rejected.after_text == "Rejected"
    assert "**Status**: Rejected\n" in rejected.text
    again = apply_review(rejected.text, PATH, ReviewRequest(Action.REQUEST), template, MADR)
    assert (again.before_text, again.after_text) == ("Rejected", "Proposed")
    assert "status: Proposed  #" in again.text


def test_an_illegal_transition_names_the_word_and_its_stage(template: Template) -> None:
    text = complete_text("Accepted")
    with pytest.raises(ReviewRefused) as caught:
        apply_review(text, PATH, ReviewRequest(Action.APPROVE, reviewer="@l"), template, MADR)
    assert str(caught.value) == (
        f"'approve' is not allowed: {PATH} is Accepted (stage approved); "
        "allowed from Accepted (stage approved): supersede, escalate, resolve"
    )


def test_a_stage_without_a_name_is_refused_saying_which(template: Template) -> None:
    # Proposed is a draft here, and nothing names the pending-review stage.
    settings = Settings(statuses={"Proposed": "draft", "Accepted": "approved"})
    with pytest.raises(ReviewInputError) as caught:
        apply_review(
            complete_text("Proposed"), PATH, ReviewRequest(Action.REQUEST), template, settings
        )
    assert str(caught.value) == (
        "cannot request: statuses has no name for the stage pending-review; "
        "add one, e.g. 'statuses: {YourWord: pending-review}'"
    )


def test_the_list_form_refuses_instead_of_writing_an_unlisted_status(
    template: Template,
) -> None:
    settings = Settings(statuses=["Draft", "Approved"])
    with pytest.raises(ReviewInputError, match="no name for the stage pending-review"):
        request = ReviewRequest(Action.REQUEST)
        apply_review(complete_text("Draft"), PATH, request, template, settings)


def test_supersede_fills_the_pattern_with_an_id_from_front_matter(template: Template) -> None:
    other = ("design/adr/0057-use-postgres.md", "---\nid: ADR-0057\n---\n# Use Postgres\n")
    request = ReviewRequest(Action.SUPERSEDE, superseded_by="ADR-0057", date=DAY)
    outcome = apply_review(complete_text("Accepted"), PATH, request, template, MADR, [other])
    assert outcome.after_text == "superseded by ADR-0057"
    assert "status: superseded by ADR-0057  # kept" in outcome.text
    assert "**Status**: superseded by ADR-0057\n" in outcome.text
    assert "superseded_by: ADR-0057\n" in outcome.text
    assert "- 2024-05-01: Accepted -> superseded by ADR-0057 by @python-tech-lead\n" in outcome.text
    summary = check_texts([(PATH, outcome.text), other], template, MADR)[0]
    assert summary.status is Status.SUPERSEDED
    assert summary.review_log[-1].after == "superseded by ADR-0057"
    # The file name is not the id once front matter gives one.
    with pytest.raises(ReviewInputError, match="known: ADR-0057"):
        apply_review(
            complete_text("Accepted"),
            PATH,
            ReviewRequest(Action.SUPERSEDE, superseded_by="0057-use-postgres"),
            template,
            MADR,
            [other],
        )


def test_supersede_knows_a_readme_by_its_folder(template: Template, settings: Settings) -> None:
    other = ("keps/sig-node/1234-pod-limits/README.md", "# Pod limits\n")
    request = ReviewRequest(Action.SUPERSEDE, superseded_by="1234-pod-limits")
    outcome = apply_review(complete_text(), PATH, request, template, settings, [other])
    assert outcome.after_text == "Superseded"
    assert "superseded_by: 1234-pod-limits\n" in outcome.text


def test_escalation_keeps_the_status_exactly_as_written(template: Template) -> None:
    # A status outside the vocabulary counts as a draft; escalating must not rename it.
    text = complete_text("In Review")
    request = ReviewRequest(Action.ESCALATE, escalate_to="@python-tech-lead", note="owner?")
    outcome = apply_review(text, PATH, request, template, MADR)
    assert "status: In Review  # kept" in outcome.text
    assert "**Status**: In Review\n" in outcome.text


def _project(root: Path) -> Path:
    (root / "docs" / "design").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - archdesign:\n      statuses:\n"
        "        Proposed: pending-review\n        Accepted: approved\n"
        "        Rejected: changes-requested\n        'superseded by *': superseded\n",
        encoding="utf-8",
    )
    design = root / "docs" / "design" / "inventory-design.md"
    design.write_bytes(complete_text("Proposed").encode("utf-8"))
    return design


@pytest.mark.parametrize("runner", [invoke, run], ids=["CliRunner", "subprocess"])
def test_cli_review_and_status_speak_the_team_words(tmp_path: Path, runner: object) -> None:
    call = invoke if runner is invoke else run
    design = _project(tmp_path)
    shown = "docs/design/inventory-design.md"
    approved = call(["review", shown, "approve", "--reviewer", "@lead"], cwd=tmp_path)
    assert approved.code == 0, approved
    assert f"{shown}: Proposed -> Accepted" in approved.stderr + approved.stdout
    assert "**Status**: Accepted\n" in design.read_text(encoding="utf-8")
    status = call(["status", "--format", "json"], cwd=tmp_path)
    assert status.code == 0, status
    assert '"status": "Accepted"' in status.stdout
    assert '"stage": "approved"' in status.stdout
    assert '"ready_for_handoff": true' in status.stdout
    # No plain superseded name, and no other design for --by: one line, exit 2.
    refused = call(["review", shown, "supersede", "--by", "nope"], cwd=tmp_path)
    assert_one_line_error(refused, "--by 'nope' is not a design in this project")


@pytest.mark.parametrize("runner", [invoke, run], ids=["CliRunner", "subprocess"])
def test_cli_refuses_a_stage_the_team_has_no_word_for(tmp_path: Path, runner: object) -> None:
    call = invoke if runner is invoke else run
    design = _project(tmp_path)
    before = design.read_bytes()
    outcome = call(
        ["review", "docs/design/inventory-design.md", "supersede", "--by", "inventory"],
        cwd=tmp_path,
    )
    assert outcome.code == 2
    assert design.read_bytes() == before
