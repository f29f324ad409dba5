"""Helpers for the review workflow tests: a complete design and edit checks."""

from __future__ import annotations

import difflib
import re
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


_LOG_ENTRY_RE = re.compile(r"- \d{4}-\d{2}-\d{2}: .* -> .*")


def strip_trail(text: str) -> str:
    """``text`` without the ``**Review Log**:`` block the workflow appends on every action.

    Byte-level tests compare everything else exactly; the log has its own tests.
    """
    lines = text.splitlines(keepends=True)
    try:
        start = next(i for i, line in enumerate(lines) if line.rstrip("\r\n") == "**Review Log**:")
    except StopIteration:
        return text
    end = start + 1
    if end < len(lines) and not lines[end].strip():
        end += 1
    while end < len(lines) and _LOG_ENTRY_RE.fullmatch(lines[end].rstrip("\r\n")):
        end += 1
    if start > 0 and not lines[start - 1].strip():
        start -= 1
    kept = lines[:start] + lines[end:]
    if end == len(lines) and not lines[-1].endswith(("\n", "\r")) and kept:
        kept[-1] = kept[-1].rstrip("\r\n")
    return "".join(kept)
