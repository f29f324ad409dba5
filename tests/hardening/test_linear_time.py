"""Linear time on hostile input: doubling (or quadrupling) the input must not square the work.

Nothing here has a wall-clock threshold. Python loops are measured by counting executed
lines (deterministic); regex work by comparing the CPU time of two sizes in one process
with a generous factor (see ``growth.py``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import parse_template
from mkdocs_archdesign.core.fix.yaml_line import split_scalar_line
from mkdocs_archdesign.core.review.workflow import Action, ReviewRequest, apply_review
from mkdocs_archdesign.core.validation.validator import check_design

from .growth import cpu_ratio, line_events

_INVENTORY = Path(__file__).resolve().parents[1] / "review" / "fixtures" / "inventory-design.md"


def complete_text(status: str) -> str:
    """The complete review fixture with both status places set to ``status``."""
    return _INVENTORY.read_text(encoding="utf-8").replace("Pending Review", status)


#: The regex the review used to split ``key: value  # comment`` (quadratic on blanks); kept
#: here only as the oracle the linear splitter must agree with.
_OLD_SCALAR_LINE_RE = re.compile(
    r"(?P<key>[A-Za-z_][\w-]*[ \t]*:)(?P<gap>[ \t]*)"
    r"(?P<value>\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^#]*?)"
    r"(?P<tail>[ \t]*(?:[ \t]#.*)?)$"
)

#: Linear work grows ~4x when the input grows 4x; quadratic work grows ~16x.
LINEAR_BOUND = 9.0

Runner = Callable[[], object]


@given(st.text(alphabet=" \t#'\"\\:ab_-", max_size=24).map(lambda s: "status" + s))
def test_scalar_splitter_agrees_with_the_old_regex(line: str) -> None:
    old = _OLD_SCALAR_LINE_RE.fullmatch(line)
    new = split_scalar_line(line)
    if old is None:
        assert new is None
    else:
        assert new is not None
        assert (new.key, new.gap, new.value, new.tail) == old.group("key", "gap", "value", "tail")


def _padded_status_review(size: int) -> Callable[[], object]:
    """``review --dry-run`` of a design whose ``status:`` line is padded with blanks."""
    text = complete_text("Draft").replace(
        "status: Draft  #", "status: Draft" + " " * size + "x  #", 1
    )
    request = ReviewRequest(Action.REQUEST, reviewer="@lead", date=datetime.date(2026, 1, 2))
    template = parse_template("## Goals\n\n## Design Review\n")

    def run() -> object:
        try:
            return apply_review(text, "design/inventory.md", request, template, Settings())
        except Exception as exc:
            return exc

    return run


def _padded_label_review(size: int) -> Callable[[], object]:
    """A ``**Status**:`` label whose value is padded with blanks inside."""
    text = complete_text("Draft").replace(
        "**Status**: Draft", "**Status**: Draft" + " " * size + "x", 1
    )
    request = ReviewRequest(Action.REQUEST, reviewer="@lead", date=datetime.date(2026, 1, 2))
    template = parse_template("## Goals\n\n## Design Review\n")

    def run() -> object:
        try:
            return apply_review(text, "design/inventory.md", request, template, Settings())
        except Exception as exc:
            return exc

    return run


def _padded_scalar(size: int) -> Callable[[], object]:
    line = "status: Draft" + " " * size + "x"
    return lambda: split_scalar_line(line)


@pytest.mark.parametrize(
    "make",
    [_padded_scalar, _padded_status_review, _padded_label_review],
    ids=["scalar-line", "review-status-line", "review-status-label"],
)
def test_review_edits_grow_linearly_with_padding(
    make: Callable[[int], Callable[[], object]],
) -> None:
    assert cpu_ratio(make, 5_000) < LINEAR_BOUND


def _template_check(sections: int) -> Callable[[], object]:
    """``check`` of one design against a template of ``sections`` required sections."""
    template_source = "# T\n\n" + "".join(f"## Area {i}\n\ntext\n\n" for i in range(sections))
    # Every other section present, so AD101 has a gap to place for the rest.
    design = "---\ntitle: x\n---\n# X\n\n" + "".join(
        f"## Area {i}\n\nwords here\n\n" for i in range(0, sections, 2)
    )

    def run() -> object:
        template = parse_template(template_source)
        return check_design(design, "design/x.md", template, Settings())

    return run


def test_template_matching_is_linear_in_the_number_of_sections() -> None:
    small = line_events(_template_check(300))
    large = line_events(_template_check(600))
    assert large < 2.4 * small, (small, large)


def test_missing_sections_are_still_reported_at_the_next_present_one() -> None:
    result = check_design(
        "# X\n\n## Area 0\n\nwords\n\n## Area 3\n\nwords\n",
        "design/x.md",
        parse_template("## Area 0\n\n## Area 1\n\n## Area 2\n\n## Area 3\n\n## Area 4\n"),
        Settings(),
    )
    missing = [(f.line, f.section) for f in result.summary.findings if f.code == "AD101"]
    assert missing == [(7, "Area 1"), (7, "Area 2"), (9, "Area 4")]
