"""AD101, AD102, AD104, AD105: the required sections are there, filled, in order, once."""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, rule


@rule("AD101", "missing-section", Severity.ERROR)
def missing_section(ctx: DesignContext) -> Iterator[Hit]:
    """A required section of the template has no matching heading.

    What it checks:
        Every required section of the template (its level-2 headings, except those
        ending in ``(Optional)``) must appear as a heading. Matching is loose: case is
        ignored, a leading number (``1.``, ``4.4``, ``Section 1:``) is dropped, ``&``
        equals ``and``, hyphens equal spaces and a trailing ``Overview`` is optional.

    Why it matters:
        The seed's Pre-Handoff Checklist starts with "All Level 1 sections are complete
        (Sections 1-9)". A missing section is a question the Level 2 designer will have
        to ask, or worse, answer alone.

    Example:
        A design with no ``## Data Model Overview`` heading.

    Fix:
        Add the section (``mkdocs-archdesign new`` scaffolds all of them), even if only
        to say why it does not apply.
    """
    for required in ctx.template.required:
        if required.key not in ctx.sections:
            line = _insertion_line(ctx, required.key)
            yield Hit(
                line,
                f"missing required section '{required.display_title}'",
                required.display_title,
            )


def _insertion_line(ctx: DesignContext, key: str) -> int:
    """The line of the next required section that is present (where the gap is)."""
    keys = [section.key for section in ctx.template.required]
    for later in keys[keys.index(key) + 1 :]:
        found = ctx.sections.get(later)
        if found:
            return found[0].line
    return max(1, ctx.design.line_count)


@rule("AD102", "empty-section", Severity.ERROR)
def empty_section(ctx: DesignContext) -> Iterator[Hit]:
    """A required section has no content of its own.

    What it checks:
        A required section must hold some text, list, table or code, in itself or in
        its sub-sections. Blank lines, HTML comments and sub-headings with nothing under
        them do not count.

    Why it matters:
        A heading with nothing under it passes a skim but answers nothing; reviewers
        read it as "done" when it is not.

    Example:
        ```markdown
        ## 5. Data Model Overview

        ### Entities

        ## 6. Concurrency & Performance Requirements Overview
        ```

    Fix:
        Write the section, or state in one sentence why it does not apply.
    """
    for required in ctx.template.required:
        found = ctx.sections.get(required.key)
        if found and not found[0].has_content():
            yield Hit(
                found[0].line,
                f"section '{required.display_title}' is empty",
                required.display_title,
            )


@rule("AD104", "section-order", Severity.WARNING)
def section_order(ctx: DesignContext) -> Iterator[Hit]:
    """Required sections appear in a different order than in the template.

    What it checks:
        Taking each required section's first occurrence, the sections must follow the
        template's order. The first section that comes too early is reported, naming the
        section it should follow.

    Why it matters:
        Every design reads the same way: reviewers know where to look, and diffs
        between designs stay comparable.

    Example:
        ``## Alternatives Considered`` before ``## Design Overview``.

    Fix:
        Move the section to its place in the template's order.
    """
    present = [
        (ctx.sections[req.key][0].line, position, req)
        for position, req in enumerate(ctx.template.required)
        if req.key in ctx.sections
    ]
    present.sort(key=lambda item: item[0])
    highest = -1
    previous = None
    for line, position, req in present:
        if position < highest and previous is not None:
            yield Hit(
                line,
                f"section '{req.display_title}' should come before '{previous.display_title}'",
                req.display_title,
            )
            continue
        highest = position
        previous = req


@rule("AD105", "duplicate-section", Severity.WARNING)
def duplicate_section(ctx: DesignContext) -> Iterator[Hit]:
    """A required section appears twice.

    What it checks:
        Each required section's heading (after the loose matching of AD101) must appear
        once. Every repeat is reported at its own line.

    Why it matters:
        Readers and tools stop at the first occurrence; whatever is written under the
        second is easy to miss, and the two often contradict each other.

    Example:
        Two ``## Goals and Non-Goals`` headings, the second one added by a merge.

    Fix:
        Merge the two sections into one.
    """
    for required in ctx.template.required:
        found = ctx.sections.get(required.key, [])
        for repeat in found[1:]:
            yield Hit(
                repeat.line,
                f"section '{required.display_title}' appears again (first at line {found[0].line})",
                required.display_title,
            )
