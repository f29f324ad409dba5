"""Helpers for the review workflow tests: a complete design and edit checks."""

from __future__ import annotations

import difflib
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
COMPLETE = FIXTURES / "inventory-design.md"


def complete_text(status: str = "Pending Review") -> str:
    """The complete fixture design with both status places set to ``status``."""
    text = COMPLETE.read_text(encoding="utf-8")
    return text.replace("Pending Review", status)


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """Lines (with endings) removed from ``old`` and added in ``new``, in order."""
    a = old.splitlines(keepends=True)
    b = new.splitlines(keepends=True)
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed.extend(a[i1:i2])
            added.extend(b[j1:j2])
    return removed, added
