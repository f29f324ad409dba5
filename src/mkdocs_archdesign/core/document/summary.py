"""Facts about a design that both rules and summaries need (API overview, review block)."""

from __future__ import annotations

import re
from typing import Any

from mkdocs_archdesign.core.document.context import DesignContext, ReviewBlock, heading_key
from mkdocs_archdesign.core.document.scanner import ListItem, Section
from mkdocs_archdesign.core.document.sections import API, API_OVERVIEW, REVIEW
from mkdocs_archdesign.core.model import Complexity, Handoff

#: A code span naming a call: `` `get_user(user_id)` ``.
METHOD_SPAN_RE = re.compile(r"`\s*(?:async\s+|def\s+)*([A-Za-z_][\w.]*)\s*\(")


def read_review_block(sections: dict[str, list[Section]]) -> ReviewBlock:
    """Find the Design Review section and its Status, Reviewer and Review Date lines."""
    found = sections.get(REVIEW)
    if not found:
        return ReviewBlock(None)
    section = found[0]
    values: dict[str, tuple[str, int]] = {}
    for label in section.labels():
        key = label.label.strip().lower()
        if key in ("status", "reviewer", "review date") and key not in values:
            values[key] = (label.value, label.line)
    status = values.get("status")
    reviewer = values.get("reviewer")
    date = values.get("review date")
    return ReviewBlock(
        section,
        status=status[0] if status else None,
        status_line=status[1] if status else 0,
        reviewer=reviewer[0] if reviewer else None,
        reviewer_line=reviewer[1] if reviewer else 0,
        review_date=date[0] if date else None,
        review_date_line=date[1] if date else 0,
    )


def api_overview_items(ctx: DesignContext) -> tuple[int | None, list[ListItem]]:
    """Locate the API overview and the bullets in it that name a method.

    The overview is a sub-heading whose title folds to "API" (``### 4.4 API Overview``)
    or an ``**API Overview**`` label, inside the API Design Guidelines section (or, for
    templates without that section, anywhere in the design).

    Returns:
        The overview's line (``None`` when there is no overview) and its method bullets.
    """
    cached = ctx.memo.get("api_overview")
    if cached is None:
        cached = ctx.memo["api_overview"] = _find_api_overview(ctx)
    line, items = cached
    return line, list(items)


def _find_api_overview(ctx: DesignContext) -> tuple[int | None, list[ListItem]]:
    section = ctx.section(API)
    scope = [section] if section is not None else list(ctx.design.sections())
    for candidate in scope:
        for node in candidate.nodes:
            heading = node.heading
            if heading is not None and heading_key(heading.text) == API_OVERVIEW:
                items = _method_items(_subtree_items(candidate, heading.line, heading.level))
                return heading.line, items
        for label in candidate.labels():
            if heading_key(label.label) == API_OVERVIEW:
                items = [
                    item
                    for item in candidate.items()
                    if item.line > label.line and METHOD_SPAN_RE.search(item.text)
                ]
                return label.line, items
    return None, []


def _subtree_items(section: Section, line: int, level: int) -> list[ListItem]:
    items: list[ListItem] = []
    inside = False
    for node in section.nodes:
        heading = node.heading
        if heading is not None and heading.line == line:
            inside = True
        elif heading is not None and inside and heading.level <= level:
            break
        if inside:
            items.extend(node.items)
    return items


def _method_items(items: list[ListItem]) -> list[ListItem]:
    return [item for item in items if METHOD_SPAN_RE.search(item.text)]


def complexity_of(meta: dict[str, Any], api_count: int) -> Complexity:
    """Front matter ``complexity`` when valid, else from the API count (seed 3.3)."""
    value = meta.get("complexity")
    if isinstance(value, str):
        parsed = Complexity.parse(value)
        if parsed is not None:
            return parsed
    return Complexity.from_api_count(api_count)


def handoffs_of(meta: dict[str, Any]) -> tuple[Handoff, ...]:
    """Valid front-matter handoff entries (invalid ones are AD001's business)."""
    raw = meta.get("handoffs")
    if not isinstance(raw, list):
        return ()
    result = []
    for entry in raw:
        if (
            isinstance(entry, dict)
            and isinstance(entry.get("label"), str)
            and isinstance(entry.get("agent"), str)
        ):
            prompt = entry.get("prompt")
            result.append(
                Handoff(
                    label=entry["label"],
                    agent=entry["agent"],
                    prompt=prompt if isinstance(prompt, str) else "",
                    send=bool(entry.get("send", False)),
                )
            )
    return tuple(result)


def string_list(value: Any) -> tuple[str, ...]:
    """``value`` as a tuple of strings if it is a list of strings (else empty)."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    if isinstance(value, str) and value.strip():
        return (value.strip(),)
    return ()


def text_value(value: Any) -> str:
    """A scalar front-matter value as text (``""`` for missing or non-scalars)."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    return ""
