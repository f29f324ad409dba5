"""Designs built from the default template, with parts taken away, for the fix tests."""

from __future__ import annotations

import difflib

from mkdocs_archdesign.core.document.template import default_template_source
from mkdocs_archdesign.core.scaffold.design import DesignRequest, render_design

PATH = "design/order-service-design.md"
REQUEST = DesignRequest("Order Service", "order_service", "@alice", "2024-05-01")


def scaffold() -> str:
    """A fresh scaffold of the default template (LF endings, final newline)."""
    return render_design(default_template_source(), REQUEST)


def blocks(text: str) -> tuple[str, list[str]]:
    """``text`` split into the part before the first ``## `` heading and each section."""
    head, *rest = text.split("\n## ")
    return head, ["## " + part for part in rest]


def join(head: str, sections: list[str]) -> str:
    """Undo :func:`blocks` for the sections kept."""
    return "\n".join([head, *sections])


def changes(old: str, new: str) -> list[tuple[str, list[str], list[str]]]:
    """Every non-equal opcode between the two texts' lines (endings kept)."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [
        (tag, a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]
