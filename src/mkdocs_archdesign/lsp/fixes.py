"""Code actions: the core's fixes (those of ``check --fix``) as LSP workspace edits.

There is one fix engine, :mod:`mkdocs_archdesign.core.fix`; this module only offers its
fixes for the findings in the requested range and converts its text edits.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.fix import Fix, lsp_text_edits, plan_fixes


def _position(raw: object) -> types.Position:
    assert isinstance(raw, dict)
    return types.Position(line=int(raw["line"]), character=int(raw["character"]))


def text_edits(text: str, fix: Fix) -> list[types.TextEdit]:
    """The core fix's edits as lsprotocol ``TextEdit`` values."""
    edits = []
    for raw in lsp_text_edits(text, fix):
        span = raw["range"]
        assert isinstance(span, dict)
        edits.append(
            types.TextEdit(
                range=types.Range(start=_position(span["start"]), end=_position(span["end"])),
                new_text=str(raw["newText"]),
            )
        )
    return edits


def code_actions(
    uri: str,
    shown: str,
    text: str,
    template: Template,
    settings: Settings,
    first_line: int,
    last_line: int,
    diagnostics: Sequence[types.Diagnostic],
) -> list[types.CodeAction]:
    """Quick fixes for the findings on 1-based lines ``first_line``..``last_line``."""
    actions: list[types.CodeAction] = []
    for fix in plan_fixes(text, shown, template, settings):
        lines = {finding.line for finding in fix.findings}
        if not any(first_line <= line <= last_line for line in lines):
            continue
        matching = [
            d for d in diagnostics if d.code in fix.codes and d.range.start.line + 1 in lines
        ]
        actions.append(
            types.CodeAction(
                title=fix.description,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=matching or None,
                is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: text_edits(text, fix)}),
            )
        )
    return actions
