"""Fixes as line edits against the original text, applied byte-preservingly.

Edits name *original* line numbers (1-based), as :class:`~mkdocs_archdesign.core.textedit.
LineEditor` does, so several fixes planned from one scan apply together without tracking
shifts. Line endings are never part of an edit: replaced lines keep their own ending and
inserted lines take the document's first ending, so CRLF files stay CRLF.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs_archdesign.core.model import Finding
from mkdocs_archdesign.core.textedit import LineEditor, Lines, content_of, line_ending


class EditKind(enum.Enum):
    """What a line edit does."""

    #: Replace the content of ``line`` (its ending is kept); ``lines`` holds one item.
    REPLACE = "replace"
    #: Insert ``lines`` after original ``line`` (0 inserts at the top).
    INSERT_AFTER = "insert_after"


@dataclass(frozen=True, slots=True)
class LineEdit:
    """One edit of whole lines.

    Attributes:
        kind: Replace a line's content, or insert lines after a line.
        line: The original 1-based line (0 with ``INSERT_AFTER`` means the top).
        lines: The new line contents, without line endings.
    """

    kind: EditKind
    line: int
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fix:
    """A change that resolves one or more findings of one design.

    Attributes:
        codes: The codes of the findings it resolves (``("AD101",)``).
        description: What it does, one line (``"insert section 'Data Model Overview'"``).
        edits: Line edits against the original text.
        findings: The findings it resolves, as the validator reported them.
    """

    codes: tuple[str, ...]
    description: str
    edits: tuple[LineEdit, ...]
    findings: tuple[Finding, ...] = ()

    @property
    def line(self) -> int:
        """The line of the first finding it resolves (1 when it resolves none)."""
        return self.findings[0].line if self.findings else 1


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """Apply ``fixes`` to ``text``; every byte outside the edited lines is kept.

    Fixes planned together by :func:`~mkdocs_archdesign.core.fix.plan_fixes` never edit
    the same line twice; insertions after the same line keep the fixes' order.

    Args:
        text: The design's text (a BOM, CRLF endings and a missing final newline are kept).
        fixes: Fixes planned on this exact text.

    Returns:
        The fixed text.
    """
    editor = LineEditor(Lines.from_text(text))
    for fix in fixes:
        for edit in fix.edits:
            if edit.kind is EditKind.REPLACE:
                editor.replace(edit.line, edit.lines[0])
            else:
                editor.insert_after(edit.line, list(edit.lines))
    return editor.result().text


def _utf16_length(value: str) -> int:
    return len(value.encode("utf-16-le")) // 2


def lsp_text_edits(text: str, fix: Fix) -> list[dict[str, object]]:
    """``fix`` as LSP ``TextEdit`` objects for ``text`` (0-based lines, UTF-16 columns).

    Line numbers follow the scanner's split (as every finding's line does); columns are
    counted in UTF-16 code units, LSP's default position encoding. A BOM is not part of
    line 0's columns (editors drop it from the document).

    Args:
        text: The document the fix was planned on.
        fix: The fix.

    Returns:
        ``[{"range": {"start": ..., "end": ...}, "newText": ...}, ...]``.
    """
    lines = Lines.from_text(text)
    newline = lines.newline
    out: list[dict[str, object]] = []
    for edit in fix.edits:
        if edit.kind is EditKind.REPLACE:
            old = content_of(lines.lines[edit.line - 1])
            start, end = (edit.line - 1, 0), (edit.line - 1, _utf16_length(old))
            new_text = edit.lines[0]
        elif edit.line == 0:
            start = end = (0, 0)
            new_text = "".join(item + newline for item in edit.lines)
        else:
            original = lines.lines[edit.line - 1]
            if line_ending(original):
                start = end = (edit.line, 0)
                new_text = "".join(item + newline for item in edit.lines)
            else:
                column = _utf16_length(original)
                start = end = (edit.line - 1, column)
                new_text = "".join(newline + item for item in edit.lines)
        out.append(
            {
                "range": {
                    "start": {"line": start[0], "character": start[1]},
                    "end": {"line": end[0], "character": end[1]},
                },
                "newText": new_text,
            }
        )
    return out
