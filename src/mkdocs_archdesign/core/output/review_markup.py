"""Make a design's Design Review block render as written, with or without extensions.

The template writes the review as label lines (``**Status**: Draft`` then ``**Reviewer**:``
on the next line) and a checklist (``- [ ] Goals are measurable``). Python-Markdown joins
consecutive lines into one paragraph ("Status: Draft Reviewer: Review Date: TBD") and,
without ``pymdownx.tasklist``, prints ``[ ]`` literally. This pass ends each label line that
another line follows with a Markdown hard break and, when asked, turns task markers into
disabled checkboxes. It is pure text (no MkDocs), fence- and comment-aware, so the plugin
and a Markdown extension can share it.
"""

from __future__ import annotations

import re

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LABEL_RE = re.compile(r"^ {0,3}\*\*[^*\n]+\*\*:")
_TASK_RE = re.compile(r"^(?P<lead> {0,3}[-*+][ \t]+)\[(?P<mark>[ xX])\](?P<rest>[ \t].*|)$")

#: The checkbox a task marker becomes; ``disabled`` because the page is not a form.
CHECKBOX = '<input type="checkbox" class="archdesign-task" disabled{checked}>'


def render_review_markup(markdown: str, *, checkboxes: bool) -> str:
    """Give label lines their own lines and, if ``checkboxes``, render task markers.

    Args:
        markdown: A design page's Markdown.
        checkboxes: Replace ``[ ]``/``[x]`` list markers with checkboxes (pass ``False``
            when ``pymdownx.tasklist`` already renders them).

    Returns:
        The Markdown; lines inside fences and HTML comments are unchanged.
    """
    lines = markdown.split("\n")
    out: list[str] = []
    fence: str | None = None
    in_comment = False
    for index, line in enumerate(lines):
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            out.append(line)
            continue
        if in_comment:
            in_comment = "-->" not in line
            out.append(line)
            continue
        opening = _FENCE_RE.match(line)
        if opening is not None:
            fence = opening.group(1)
        elif line.lstrip().startswith("<!--") and "-->" not in line:
            in_comment = True
        elif _LABEL_RE.match(line) and _continues(lines, index + 1):
            out.append(line.rstrip() + "  ")  # a hard break: the next line stays its own
            continue
        elif checkboxes:
            out.append(_checkbox(line))
            continue
        out.append(line)
    return "\n".join(out)


def _continues(lines: list[str], index: int) -> bool:
    """Whether the next line is another label line (which would join this paragraph).

    Only a run of label lines is broken up: a paragraph that merely starts with a bold
    label (``**Problem statement**: ...`` wrapped over lines) keeps its flow.
    """
    return index < len(lines) and _LABEL_RE.match(lines[index]) is not None


def _checkbox(line: str) -> str:
    match = _TASK_RE.match(line)
    if match is None:
        return line
    checked = " checked" if match.group("mark") in "xX" else ""
    return f"{match.group('lead')}{CHECKBOX.format(checked=checked)}{match.group('rest')}"
