"""Requests on a design: hover, code actions and the outline (document symbols).

Each answers from the same live corpus the diagnostics come from, after making sure it
holds the document's current text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.workspace import TextDocument

from mkdocs_archdesign.core.document.scanner import scan_design
from mkdocs_archdesign.lsp import fixes, views

if TYPE_CHECKING:
    from mkdocs_archdesign.lsp.projects import Project
    from mkdocs_archdesign.lsp.server import ArchDesignServer


def register_features(server: ArchDesignServer) -> None:
    """Hover, code actions and the outline."""

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ArchDesignServer, params: types.HoverParams) -> types.Hover | None:
        return ls.guarded(hover_for, ls, params)  # type: ignore[no-any-return]

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(
        ls: ArchDesignServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        return ls.guarded(code_actions_for, ls, params)  # type: ignore[no-any-return]

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(
        ls: ArchDesignServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol] | None:
        return ls.guarded(symbols_for, ls, params)  # type: ignore[no-any-return]


def _current(ls: ArchDesignServer, uri: str) -> tuple[Project, str, TextDocument] | None:
    synced = ls.sync(uri)
    if synced is None:
        return None
    return synced[0], synced[1], ls.workspace.get_text_document(uri)


def hover_for(ls: ArchDesignServer, params: types.HoverParams) -> types.Hover | None:
    """The rule behind a finding on the hovered line, else the template's section."""
    current = _current(ls, params.text_document.uri)
    if current is None:
        return None
    project, shown, document = current
    line = params.position.line + 1
    parts = [
        views.rule_hover(finding, project.rules_url)
        for finding in project.corpus.findings(shown)
        if finding.line == line
    ]
    if not parts:
        section = views.heading_at(scan_design(document.source, shown), line)
        expected = views.section_hover(section.title, project.template) if section else None
        if expected is None:
            return None
        parts.append(expected)
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)
        ),
        range=views.line_range(document.lines, line),
    )


def code_actions_for(
    ls: ArchDesignServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    """Quick fixes for the findings in the requested range."""
    current = _current(ls, params.text_document.uri)
    if current is None:
        return None
    project, shown, document = current
    return fixes.code_actions(
        params.text_document.uri,
        shown,
        document.source,
        project.template,
        project.corpus.settings,
        params.range.start.line + 1,
        params.range.end.line + 1,
        params.context.diagnostics,
    )


def symbols_for(
    ls: ArchDesignServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol] | None:
    """The outline: required sections with their completeness."""
    current = _current(ls, params.text_document.uri)
    if current is None:
        return None
    project, shown, document = current
    design = scan_design(document.source, shown)
    return views.outline(design, project.template, project.corpus.findings(shown), document.lines)
