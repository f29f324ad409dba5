"""Code actions: the fixes for a design's findings, as LSP workspace edits.

Until the fix engine of ``check --fix`` lands in the core, the one fix offered is the
one the issue asks for at least: insert a missing required section (AD101) from the
template, rendered with the design's own title, module and owner. It is placed where
AD101 says the gap is: before the next required section that is present, else at the
end. When the core fix engine arrives this module maps its text edits instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lsprotocol import types

from mkdocs_archdesign.core.document.context import heading_key
from mkdocs_archdesign.core.document.scanner import ScannedDesign, scan_design
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.model import Finding
from mkdocs_archdesign.core.scaffold.design import ScaffoldError, render_template_text
from mkdocs_archdesign.core.textedit import Lines
from mkdocs_archdesign.lsp.views import MISSING, utf16_length


def _context(meta: Mapping[str, Any]) -> dict[str, str]:
    # The same variables ``new`` renders with; a design's values fill the section in.
    names = ("title", "module", "owner", "date", "id")
    return {name: str(meta[name]) for name in names if isinstance(meta.get(name), str)}


def template_section_text(template: Template, key: str, meta: Mapping[str, Any]) -> str | None:
    """The template's section ``key`` rendered for a design, without trailing blank lines."""
    try:
        rendered = render_template_text(template.source, template.origin, **_context(meta))
    except ScaffoldError:
        rendered = template.source
    scanned = scan_design(rendered, template.origin)
    lines = rendered.splitlines()
    for section in scanned.sections():
        if heading_key(section.title) == key:
            return "\n".join(lines[section.line - 1 : section.end_line]).rstrip()
    return None


def insert_section_edit(
    finding: Finding, design: ScannedDesign, text: str, template: Template
) -> types.TextEdit | None:
    """The edit that adds the section an AD101 finding names, or ``None``."""
    required = next((r for r in template.required if r.display_title == finding.section), None)
    if required is None:
        return None
    body = template_section_text(template, required.key, design.front_matter.data)
    if body is None:
        return None
    newline = Lines.from_text(text).newline
    body = body.replace("\n", newline)
    headings = {heading.line for heading in design.headings}
    if finding.line in headings:
        # Before the next required section that is present: the gap AD101 points at.
        at = types.Position(line=finding.line - 1, character=0)
        return types.TextEdit(range=types.Range(start=at, end=at), new_text=body + newline * 2)
    return _append_edit(text.splitlines(keepends=True), body, newline)


def _append_edit(lines: list[str], body: str, newline: str) -> types.TextEdit:
    """Add ``body`` at the end, after one blank line, ending the last line if it is open."""
    if not lines:
        at, prefix = types.Position(line=0, character=0), ""
    elif lines[-1].endswith(("\n", "\r")):
        at = types.Position(line=len(lines), character=0)
        prefix = newline if lines[-1].strip() else ""
    else:
        last = lines[-1]
        at = types.Position(line=len(lines) - 1, character=utf16_length(last))
        prefix = newline + (newline if last.strip() else "")
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=prefix + body + newline)


def code_actions(
    uri: str,
    design: ScannedDesign,
    text: str,
    template: Template,
    findings: Sequence[Finding],
    first_line: int,
    last_line: int,
    diagnostics: Sequence[types.Diagnostic],
) -> list[types.CodeAction]:
    """Quick fixes for the findings on 1-based lines ``first_line``..``last_line``."""
    actions: list[types.CodeAction] = []
    for finding in findings:
        if finding.code != MISSING or not first_line <= finding.line <= last_line:
            continue
        edit = insert_section_edit(finding, design, text, template)
        if edit is None:
            continue
        matching = [
            d
            for d in diagnostics
            if d.code == finding.code and d.range.start.line == finding.line - 1
        ]
        actions.append(
            types.CodeAction(
                title=f"Insert section '{finding.section}' from the template",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=matching or None,
                is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: [edit]}),
            )
        )
    return actions
