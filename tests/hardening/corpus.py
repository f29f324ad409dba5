"""Designs that carry one hostile string in every value a design can set.

Built from a complete fixture design, so every output has something to show: a badge
with reviewer and date, a handoff graph with handoff edges, catalog rows with tags and
dependencies, and findings that quote the hostile values back.
"""

from __future__ import annotations

import json
from pathlib import Path

from .hostile import ALL

COMPLETE = Path(__file__).resolve().parents[1] / "fixtures" / "complete"
BASE = (COMPLETE / "order-service-design.md").read_text(encoding="utf-8")


def _one_line(value: str) -> str:
    """The value as it can stand on one Markdown line (a newline would end the label)."""
    return " ".join(value.replace("\r", " ").split("\n")).replace("\x00", "")


def hostile_design(value: str, status: str = "Approved", body: bool = True) -> str:
    """A complete design whose front matter (and, with ``body``, review block) carry ``value``.

    The body is the author's own Markdown, and raw HTML in it renders as written (the
    documented limit); site-wide HTML checks therefore use ``body=False``.
    """
    quoted = json.dumps(value)
    front = "\n".join(
        [
            "---",
            f"title: {quoted}",
            f"module: {quoted}",
            f"owner: {quoted}",
            f"status: {json.dumps(status)}",
            f"description: {quoted}",
            f"author: {quoted}",
            f"subtitle: {quoted}",
            f"tags: [{quoted}, ok]",
            f"depends_on: [{quoted}, order-service]",
            f"superseded_by: {quoted}",
            "handoffs:",
            f"  - label: {quoted}",
            "    agent: python-api-designer",
            f"    prompt: {quoted}",
            f"  - label: {quoted}",
            f"    agent: {quoted}",
            f"    prompt: {quoted}",
            "---",
        ]
    )
    text = BASE.split("\n---\n", 1)[1]
    if not body:
        return front + "\n" + text
    line = _one_line(value)
    text = text.replace("**Reviewer**: @python-tech-lead", f"**Reviewer**: {line}", 1)
    text = text.replace("**Review Date**: 2024-05-14", f"**Review Date**: {line}", 1)
    text = text.replace(
        "## 2. Goals and Non-Goals", f"## 2. Goals and Non-Goals\n\n- TODO {line}\n", 1
    )
    return front + "\n" + text


def hostile_corpus(status: str = "Approved", body: bool = True) -> list[tuple[str, str]]:
    """``(path, text)`` for one design per hostile string, plus one clean design."""
    items = [
        (f"design/h{index:02d}-design.md", hostile_design(value, status, body))
        for index, value in enumerate(ALL)
    ]
    items.append(("design/order-service-design.md", BASE))
    return items
