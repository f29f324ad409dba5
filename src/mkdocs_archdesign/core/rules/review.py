"""AD4xx: the Design Review block (status, reviewer, date and checklist)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from mkdocs_archdesign.core.document.sections import REVIEW
from mkdocs_archdesign.core.model import Severity, Status
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, rule
from mkdocs_archdesign.core.rules.text import plain, quote

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def clean_value(value: str | None) -> str:
    """A ``**Label**:`` value without emphasis or code marks (``""`` for ``None``)."""
    return plain(value or "").strip()


def is_real_date(value: str) -> bool:
    """Whether ``value`` is an ISO ``YYYY-MM-DD`` date that exists on the calendar."""
    if _DATE_RE.fullmatch(value) is None:
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _review_line(ctx: DesignContext) -> int:
    review = ctx.review
    if review.status_line:
        return review.status_line
    if review.section is not None:
        return review.section.line
    return ctx.front_matter_line("status")


@rule("AD401", "approval-without-reviewer", Severity.ERROR)
def approval_without_reviewer(ctx: DesignContext) -> Iterator[Hit]:
    """Approved without a reviewer, or without a review date.

    What it checks:
        When the status is Approved, the Design Review block must name the
        ``**Reviewer**:`` and give a ``**Review Date**:`` that is not empty or ``TBD``.

    Why it matters:
        The seed's handoff gate is the tech lead's approval: "Do not handoff until
        approved". An approval nobody signed and dated cannot be audited.

    Example:
        ```markdown
        **Status**: Approved
        **Reviewer**:
        **Review Date**: TBD
        ```

    Fix:
        Record who approved and when: ``**Reviewer**: @python-tech-lead`` and
        ``**Review Date**: 2024-05-14`` (``mkdocs-archdesign review`` does both).
    """
    if ctx.status is not Status.APPROVED:
        return
    title = ctx.section_title(REVIEW)
    reviewer = clean_value(ctx.review.reviewer)
    if not reviewer or reviewer.upper() == "TBD":
        yield Hit(
            ctx.review.reviewer_line or _review_line(ctx),
            "design is Approved but names no reviewer",
            title,
        )
    date = clean_value(ctx.review.review_date)
    if not date or date.upper() == "TBD":
        yield Hit(
            ctx.review.review_date_line or _review_line(ctx),
            "design is Approved but has no review date",
            title,
        )


@rule("AD402", "approval-with-open-checklist", Severity.ERROR)
def approval_with_open_checklist(ctx: DesignContext) -> Iterator[Hit]:
    """Approved while a review-checklist item is still unchecked.

    What it checks:
        When the status is Approved, every task item (``- [ ]``) of the Design Review
        section must be ticked (``- [x]``). Each open item is reported.

    Why it matters:
        The checklist is what the reviewer agreed to verify. Approving with open items
        hands an unverified design to the Level 2 designer.

    Example:
        ```markdown
        **Status**: Approved

        - [x] Goals are measurable
        - [ ] Alternatives are well-justified
        ```

    Fix:
        Verify the item and tick it, or set the status back to ``Changes Requested``.
    """
    section = ctx.review.section
    if ctx.status is not Status.APPROVED or section is None:
        return
    title = ctx.section_title(REVIEW)
    for item in section.items():
        if item.checked is False:
            yield Hit(
                item.line,
                f"design is Approved but checklist item is open: '{quote(item.text)}'",
                title,
            )


@rule("AD403", "invalid-review-date", Severity.WARNING)
def invalid_review_date(ctx: DesignContext) -> Iterator[Hit]:
    """The review date is neither a real ``YYYY-MM-DD`` date nor ``TBD``.

    What it checks:
        A ``**Review Date**:`` line, when present, must hold an ISO date that exists
        (``2024-05-14``; ``2024-02-30`` is refused) or ``TBD``.

    Why it matters:
        The catalog sorts and ages reviews by this date; ``14/05/24`` or ``last week``
        cannot be sorted, and a date that does not exist is a typo hiding a real one.

    Example:
        ```markdown
        **Review Date**: May 14th
        ```

    Fix:
        Write ``**Review Date**: 2024-05-14`` (or ``TBD`` until the review happens).
    """
    raw = ctx.review.review_date
    if raw is None:
        return
    value = clean_value(raw)
    if value.upper() == "TBD" or is_real_date(value):
        return
    shown = quote(value) if value else "(empty)"
    yield Hit(
        ctx.review.review_date_line,
        f"review date '{shown}' is not a YYYY-MM-DD date or TBD",
        ctx.section_title(REVIEW),
    )


@rule("AD404", "missing-review-checklist", Severity.WARNING)
def missing_review_checklist(ctx: DesignContext) -> Iterator[Hit]:
    """The Design Review section has no checklist.

    What it checks:
        The Design Review section must contain at least one task item (``- [ ]`` or
        ``- [x]``), the review checklist.

    Why it matters:
        The seed's "Request Design Review" step adds a review checklist to the design;
        without it the reviewer has no agreed list of what to verify, and AD402 has
        nothing to hold an approval to.

    Example:
        ```markdown
        ## Design Review

        **Status**: Pending Review
        **Reviewer**: @python-tech-lead
        ```

    Fix:
        Add ``**Review Checklist**:`` with the seed's items as ``- [ ]`` tasks.
    """
    if ctx.template.find(REVIEW) is None:
        return
    section = ctx.review.section
    if section is None:
        return
    if not any(item.checked is not None for item in section.items()):
        yield Hit(section.line, "Design Review has no review checklist", ctx.section_title(REVIEW))
