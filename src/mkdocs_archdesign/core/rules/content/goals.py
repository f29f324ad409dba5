"""AD203, AD204: Goals and Non-Goals has measurable goals and at least one non-goal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import itemgetter

from mkdocs_archdesign.core.document.scanner import ListItem, Section
from mkdocs_archdesign.core.document.sections import GOALS
from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, heading_key, rule
from mkdocs_archdesign.core.rules.text import is_placeholder, quote

# "p95" names a percentile, not a target: it is removed before looking for a digit.
_PERCENTILE_RE = re.compile(r"\b[pP]\d{1,3}(?:\.\d+)?\b")
_FIRST = itemgetter(0)


@rule("AD203", "unmeasurable-goal", Severity.WARNING)
def unmeasurable_goal(ctx: DesignContext) -> Iterator[Hit]:
    """A goal has no number to measure it by.

    What it checks:
        Every bullet under Goals (not Non-Goals; the two are told apart by a
        ``**Goals**``/``**Non-Goals**`` label or sub-heading) must contain a number.
        A bare percentile name does not count (``p95`` alone is not a target), but
        ``150ms``, ``1200 RPS`` or ``99.9%`` do. Sub-bullets belong to their parent
        bullet; a bullet still holding ``TODO``/``TBD`` does not count as measured. One
        finding per bullet, quoting it.

    Why it matters:
        The seed's anti-pattern: "Improve performance" is not a goal, "Reduce p95
        latency from 500ms to 100ms" is. A goal without a number cannot be verified,
        so it cannot be reviewed or tested.

    Example:
        ```markdown
        **Goals**:

        - Make checkout fast and scalable
        ```

    Fix:
        Make it measurable: ``- Checkout p95 latency < 150ms at 1200 RPS``.
    """
    section = ctx.template_section(GOALS)
    if section is None:
        return
    goals, _ = _goals_of(ctx, section)
    title = ctx.section_title(GOALS)
    for group in _bullet_groups(goals):
        if not any(_has_measure(item.text) and not is_placeholder(item.text) for item in group):
            yield Hit(
                group[0].line, f"goal has no measurable target: '{quote(group[0].text)}'", title
            )


@rule("AD204", "missing-non-goals", Severity.WARNING)
def missing_non_goals(ctx: DesignContext) -> Iterator[Hit]:
    """Goals and Non-Goals lists no non-goal.

    What it checks:
        The Goals and Non-Goals section must list at least one non-goal: a bullet after
        a ``**Non-Goals**`` label or under a Non-Goals sub-heading.

    Why it matters:
        Explicit non-goals ("NOT supporting real-time WebSocket in v1") stop scope
        creep and answer the reviewer's first question: what are we not doing?

    Example:
        ```markdown
        ## 2. Goals and Non-Goals

        - Support 1000 RPS with p95 < 200ms
        ```

    Fix:
        Add ``**Non-Goals**:`` with at least one bullet.
    """
    section = ctx.template_section(GOALS)
    if section is None:
        return
    _, non_goals = _goals_of(ctx, section)
    if not non_goals:
        yield Hit(section.line, "Goals and Non-Goals lists no non-goal", ctx.section_title(GOALS))


def _goals_of(ctx: DesignContext, section: Section) -> tuple[list[ListItem], list[ListItem]]:
    """:func:`split_goals` of ``section``, split once for AD203 and AD204."""
    key = f"goals:{section.line}"
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = split_goals(section)
    return list(found[0]), list(found[1])


def split_goals(section: Section) -> tuple[list[ListItem], list[ListItem]]:
    """Split a Goals and Non-Goals section's bullets into goals and non-goals.

    A ``**Goals**``/``**Non-Goals**`` label or sub-heading switches the mode; bullets
    before any marker are goals.
    """
    goals: list[ListItem] = []
    non_goals: list[ListItem] = []
    target = goals
    for node in section.nodes:
        if node.heading is not None and node is not section.own:
            target = _goal_target(node.heading.text, goals, non_goals, target)
        markers = {
            label.line: kind
            for label in node.labels
            if (kind := _goal_kind(label.label)) is not None
        }
        events: list[tuple[int, ListItem | None]] = [(line, None) for line in markers]
        events.extend((item.line, item) for item in node.items if item.line not in markers)
        events.sort(key=_FIRST)
        for line, item in events:
            if item is None:
                target = non_goals if markers[line] == "non" else goals
            else:
                target.append(item)
    return goals, non_goals


def _goal_kind(text: str) -> str | None:
    key = heading_key(text)
    if key in ("goals", "goal"):
        return "goals"
    if key in ("non goals", "non goal"):
        return "non"
    return None


def _goal_target(
    text: str, goals: list[ListItem], non_goals: list[ListItem], current: list[ListItem]
) -> list[ListItem]:
    kind = _goal_kind(text)
    if kind == "goals":
        return goals
    if kind == "non":
        return non_goals
    return current


def _bullet_groups(items: list[ListItem]) -> Iterator[list[ListItem]]:
    """Group bullets with their deeper-indented sub-bullets."""
    group: list[ListItem] = []
    for item in items:
        if group and item.indent > group[0].indent and item.line > group[0].line:
            group.append(item)
            continue
        if group:
            yield group
        group = [item]
    if group:
        yield group


# A percentile, else one digit: scanning left to right, it matches the percentiles that
# _PERCENTILE_RE.sub() removes (no percentile starts at a digit, so taking a digit never
# skips one), and a digit in group 1 exactly where one is left outside them.
_PERCENTILE_OR_DIGIT_RE = re.compile(_PERCENTILE_RE.pattern + r"|(\d)")


def _has_measure(text: str) -> bool:
    if text.isascii():
        # On ASCII, \d and str.isdigit() agree; one findall in C does it all.
        return any(_PERCENTILE_OR_DIGIT_RE.findall(text))
    # str.isdigit() also takes digits \d does not ("²"): the plain walk, in C by map.
    return any(map(str.isdigit, _PERCENTILE_RE.sub("", text)))
