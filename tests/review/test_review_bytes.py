"""Only the review lines change: every other byte survives, whatever the file looks like."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import Template, load_template
from mkdocs_archdesign.core.model import Status
from mkdocs_archdesign.core.review.workflow import Action, ReviewRequest, apply_review
from mkdocs_archdesign.core.textedit import LineEditor, Lines, unified_diff
from mkdocs_archdesign.core.validation.validator import check_texts

from .helpers import changed_lines, complete_text, strip_trail

PATH = "design/inventory-design.md"
DAY = datetime.date(2024, 5, 1)
APPROVE = ReviewRequest(Action.APPROVE, reviewer="@lead", date=DAY)
FRONT_STATUS = "status: Pending Review  # kept in step with the Design Review block\n"


def _approve(text: str, template: Template, settings: Settings) -> str:
    """Approve ``text``; the review-log block (tested in test_review_trail.py) is left out."""
    return strip_trail(apply_review(text, PATH, APPROVE, template, settings).text)


def test_crlf_endings_are_kept(template: Template, settings: Settings) -> None:
    text = complete_text().replace("\n", "\r\n")
    new = _approve(text, template, settings)
    removed, added = changed_lines(text, new)
    assert removed == [
        FRONT_STATUS.replace("\n", "\r\n"),
        "**Status**: Pending Review\r\n",
        "**Reviewer**: @python-tech-lead\r\n",
        "**Review Date**: TBD\r\n",
    ]
    assert added == [
        "status: Approved  # kept in step with the Design Review block\r\n",
        "**Status**: Approved\r\n",
        "**Reviewer**: @lead\r\n",
        "**Review Date**: 2024-05-01\r\n",
    ]
    assert "\n" not in new.replace("\r\n", "")


def test_mixed_endings_keep_each_lines_own_ending(template: Template, settings: Settings) -> None:
    text = complete_text().replace("**Status**: Pending Review\n", "**Status**: Pending Review\r\n")
    new = _approve(text, template, settings)
    assert "**Status**: Approved\r\n**Reviewer**: @lead\n" in new


def test_front_matter_comments_and_key_order_are_kept(
    template: Template, settings: Settings
) -> None:
    text = complete_text().replace(
        'owner: "@alice"\n', 'owner: "@alice"   # who to ask\n# a full-line comment\n'
    )
    new = _approve(text, template, settings)
    assert new.startswith(
        '---\ntitle: "Inventory Service"\nmodule: "inventory_service"\n'
        'owner: "@alice"   # who to ask\n# a full-line comment\n'
        "status: Approved  # kept in step with the Design Review block\ntags: [warehouse]\n"
    )
    removed, _ = changed_lines(text, new)
    assert len(removed) == 4


def test_no_trailing_newline_stays_without_one(template: Template, settings: Settings) -> None:
    text = complete_text().rstrip("\n")
    new = _approve(text, template, settings)
    assert new.endswith("- [x] Alternatives are well-justified")
    changes = ReviewRequest(Action.CHANGES, reviewer="@lead", date=DAY, note="More")
    noted = strip_trail(apply_review(text, PATH, changes, template, settings).text)
    assert noted.endswith(
        "- [x] Alternatives are well-justified\n\n**Review Notes**:\n\n- 2024-05-01 @lead: More"
    )


def test_bom_is_kept(template: Template, settings: Settings) -> None:
    text = "\ufeff" + complete_text()
    new = _approve(text, template, settings)
    assert new.startswith("\ufeff---\n")
    assert new.count("\ufeff") == 1


def test_status_only_in_front_matter(template: Template, settings: Settings) -> None:
    """The Design Review Status line is added; nothing else in the file moves."""
    text = complete_text().replace("**Status**: Pending Review\n", "")
    new = _approve(text, template, settings)
    removed, added = changed_lines(text, new)
    assert removed == [FRONT_STATUS, "**Reviewer**: @python-tech-lead\n", "**Review Date**: TBD\n"]
    assert added == [
        "status: Approved  # kept in step with the Design Review block\n",
        "**Reviewer**: @lead\n",
        "**Review Date**: 2024-05-01\n",
        "**Status**: Approved\n",
    ]


def test_status_only_in_the_section(template: Template, settings: Settings) -> None:
    text = complete_text().replace(FRONT_STATUS, "")
    new = _approve(text, template, settings)
    removed, added = changed_lines(text, new)
    assert removed == [
        "**Status**: Pending Review\n",
        "**Reviewer**: @python-tech-lead\n",
        "**Review Date**: TBD\n",
    ]
    assert "status:" not in new.split("---")[1]
    assert len(added) == 3


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('status: "Pending Review"', 'status: "Approved"'),
        ("status: 'Pending Review' # note", "status: 'Approved' # note"),
        ("status:   pending-review", "status:   Approved"),
    ],
)
def test_front_matter_quoting_is_kept(
    written: str, expected: str, template: Template, settings: Settings
) -> None:
    text = complete_text().replace(FRONT_STATUS, written + "\n")
    new = _approve(text, template, settings)
    removed, added = changed_lines(text, new)
    assert removed[0] == written + "\n"
    assert added[0] == expected + "\n"
    assert len(removed) == 4


def test_no_review_section_appends_one(template: Template, settings: Settings) -> None:
    text = complete_text("Draft")
    body = text[: text.index("## Design Review")]
    request = ReviewRequest(Action.REQUEST, date=DAY)
    plain = Settings(rules={"AD101": "off", "AD404": "off"})
    new = apply_review(body, PATH, request, template, plain).text
    assert new.startswith(body.replace("status: Draft", "status: Pending Review"))
    assert new.endswith(
        "## Design Review\n\n**Status**: Pending Review\n\n"
        "**Review Log**:\n\n- 2024-05-01: Draft -> Pending Review\n"
    )


def test_review_labels_in_a_list_and_with_colon_inside(
    template: Template, settings: Settings
) -> None:
    text = complete_text().replace("**Status**: Pending Review", "- **Status:** Pending Review  ")
    new = _approve(text, template, settings)
    assert "- **Status:** Approved  \n" in new


def test_line_editor_inserts_after_a_last_line_without_ending() -> None:
    editor = LineEditor(Lines.from_text("a\r\nb"))
    editor.insert_after(2, ["c", "d"])
    assert editor.result().text == "a\r\nb\r\nc\r\nd"
    assert editor.origins() == [1, 2, 2, 2]


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("a\nb", "a\nc", "x.md")
    assert diff.splitlines()[:2] == ["--- a/x.md", "+++ b/x.md"]
    assert "-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n" in diff


_TEMPLATE = load_template()
_SETTINGS = Settings()

reviewers = st.from_regex(r"@[a-z][a-z0-9-]{0,15}", fullmatch=True)
dates = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2099, 12, 31))
endings = st.sampled_from(["\n", "\r\n"])
comments = st.lists(
    st.from_regex(r"# [A-Za-z0-9 .,:-]{0,30}", fullmatch=True), min_size=0, max_size=3
)


@settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    reviewer=reviewers,
    day=dates,
    ending=endings,
    front_comments=comments,
    trailing_newline=st.booleans(),
    front_status=st.booleans(),
)
def test_approve_then_read_back(
    reviewer: str,
    day: datetime.date,
    ending: str,
    front_comments: list[str],
    trailing_newline: bool,
    front_status: bool,
) -> None:
    text = complete_text()
    if not front_status:
        text = text.replace(FRONT_STATUS, "")
    if front_comments:
        text = text.replace(
            "tags: [warehouse]\n", "\n".join(front_comments) + "\ntags: [warehouse]\n"
        )
    if not trailing_newline:
        text = text.rstrip("\n")
    text = text.replace("\n", ending)

    request = ReviewRequest(Action.APPROVE, reviewer=reviewer, date=day)
    new = apply_review(text, PATH, request, _TEMPLATE, _SETTINGS).text

    summary = check_texts([(PATH, new)], _TEMPLATE, _SETTINGS)[0]
    assert summary.status is Status.APPROVED
    assert summary.reviewer == reviewer
    assert summary.review_date == day.isoformat()
    assert summary.ready_for_handoff
    assert [(e.before, e.after, e.who) for e in summary.review_log] == [
        ("Pending Review", "Approved", reviewer)
    ]
    assert new.endswith(ending) is trailing_newline
    new = strip_trail(new)
    removed, added = changed_lines(text, new)
    expected_removed = 4 if front_status else 3
    assert len(removed) == len(added) == expected_removed
    assert all(line.endswith(ending) for line in removed)
    assert all(line.endswith(ending) for line in added)
    assert new.endswith(ending) is trailing_newline
