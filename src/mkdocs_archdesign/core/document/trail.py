"""The review trail and escalations, as written in a design's Design Review section.

The document is the record: every ``review`` and ``handoff`` transition appends one line
to a ``**Review Log**:`` list, readable without any tool::

    **Review Log**:

    - 2026-11-02: Draft -> Pending Review by @alice
    - 2026-11-05: Pending Review -> Changes Requested by @tom: add p99 targets

An open escalation is one ``**Escalated**:`` line (``to @python-tech-lead on DATE:
reason``); ``review … resolve`` turns it into ``**Escalation Resolved**:``.
"""

from __future__ import annotations

import re

from mkdocs_archdesign.core.document.context import DesignContext, heading_key
from mkdocs_archdesign.core.model import ReviewLogEntry

#: The Design Review labels this module reads and the workflow writes.
LOG_LABEL = "Review Log"
ESCALATED_LABEL = "Escalated"
RESOLVED_LABEL = "Escalation Resolved"

_ENTRY_RE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2}):[ \t]{1,20}(?P<before>[^\n>]{1,80}?)[ \t]{0,20}"
    r"(?:->|\u2192)[ \t]{0,20}(?P<after>[^\n]{1,80}?)"
    r"(?:[ \t]{1,20}by[ \t]{1,20}(?P<who>@[\w.\-/]{1,80}))?(?::[ \t]{0,20}(?P<note>.*))?$"
)
_HANDLE_RE = re.compile(r"@[\w.\-/]{1,80}")
# The labels' keys, folded once rather than per label read.
_LOG_KEY = heading_key(LOG_LABEL)
_ESCALATED_KEY = heading_key(ESCALATED_LABEL)


def review_log(ctx: DesignContext) -> tuple[ReviewLogEntry, ...]:
    """The design's review log entries, oldest first (lines that do not parse are skipped)."""
    section = ctx.section("design review")
    if section is None:
        return ()
    start = None
    for label in section.labels():
        if heading_key(label.label) == _LOG_KEY:
            start = label.line
    if start is None:
        return ()
    entries = []
    for item in section.items():
        if item.line <= start:
            continue
        match = _ENTRY_RE.match(item.text.strip())
        if match is None:
            continue
        entries.append(
            ReviewLogEntry(
                date=match.group("date"),
                before=match.group("before").strip(),
                after=match.group("after").strip(),
                who=match.group("who") or "",
                note=(match.group("note") or "").strip(),
                line=item.line,
            )
        )
    return tuple(entries)


def escalated_to(ctx: DesignContext) -> str:
    """Who the design's open escalation is with (``@handle``), or ``""`` when none is open."""
    section = ctx.section("design review")
    if section is None:
        return ""
    for label in section.labels():
        if heading_key(label.label) == _ESCALATED_KEY:
            match = _HANDLE_RE.search(label.value)
            return match.group(0) if match else label.value.strip()[:80]
    return ""


def log_entry(date: str, before: str, after: str, who: str, note: str | None) -> str:
    """One review-log list item's text (without the ``- `` bullet)."""
    text = f"{date}: {before} -> {after}"
    if who:
        text += f" by {who}"
    if note:
        text += f": {note}"
    return text
