"""What the editor shows, computed from core results: diagnostics, hovers, the outline.

Nothing here decides a verdict. Diagnostics are the validator's findings translated to
LSP positions; hovers quote the rule's own docstring sections (the ones ``docs/rules.md``
is generated from) or the template's section; the outline's completeness is read off the
findings AD101, AD102 and AD103, so the outline and the diagnostics never disagree.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from lsprotocol import types

from mkdocs_archdesign.core.document.context import heading_key
from mkdocs_archdesign.core.document.scanner import ScannedDesign, Section, scan_design, split_lines
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.model import Finding, Severity
from mkdocs_archdesign.core.rules.base import Rule
from mkdocs_archdesign.core.rules.docs import documented_rules

#: The ``source`` of every diagnostic, as ruff says "Ruff" and vale says "vale".
SOURCE = "archdesign"

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}

#: Codes whose finding says a required section is missing, empty, or still a placeholder.
MISSING, EMPTY, PLACEHOLDER = "AD101", "AD102", "AD103"


@functools.cache
def rules_by_code() -> dict[str, Rule]:
    """Every documented rule (AD000 included) by code."""
    return {rule.code: rule for rule in documented_rules()}


def rule_href(rules_url: str, code: str) -> str:
    """The rule's entry on the reference page: the plugin's ``rules_url#adNNN``."""
    return f"{rules_url}#{code.lower()}"


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (LSP's default position unit)."""
    return len(text.encode("utf-16-le")) // 2


def line_range(lines: Sequence[str], line: int) -> types.Range:
    """The whole of 1-based ``line`` (clamped into the document) as an LSP range."""
    index = min(max(line, 1), max(len(lines), 1)) - 1
    text = lines[index].rstrip("\r\n") if index < len(lines) else ""
    return types.Range(
        start=types.Position(line=index, character=0),
        end=types.Position(line=index, character=utf16_length(text)),
    )


def diagnostic(finding: Finding, lines: Sequence[str], rules_url: str) -> types.Diagnostic:
    """One finding as an LSP diagnostic with its code, severity and rule link."""
    return types.Diagnostic(
        range=line_range(lines, finding.line),
        message=finding.message,
        severity=_SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=rule_href(rules_url, finding.code)),
        source=SOURCE,
        data={"name": finding.name},
    )


def diagnostics(
    findings: Sequence[Finding], lines: Sequence[str], rules_url: str
) -> list[types.Diagnostic]:
    """Every finding of one document as diagnostics, in the validator's order."""
    return [diagnostic(finding, lines, rules_url) for finding in findings]


def rule_hover(finding: Finding, rules_url: str) -> str:
    """Markdown for one finding: the message, then the rule's *Why it matters* and *Fix*."""
    rule = rules_by_code().get(finding.code)
    parts = [f"**{finding.code} {finding.name}** ({finding.severity.label}): {finding.message}"]
    if rule is not None:
        sections = rule.doc_sections()
        for title in ("Why it matters", "Fix"):
            body = sections.get(title, "").strip()
            if body:
                parts.append(f"**{title}**: {_rest_to_markdown(body)}")
    parts.append(f"[{finding.code} in the rule reference]({rule_href(rules_url, finding.code)})")
    return "\n\n".join(parts)


def _rest_to_markdown(text: str) -> str:
    # Rule docstrings use reST ``code``; Markdown wants single backticks.
    return text.replace("``", "`")


@functools.lru_cache(maxsize=8)
def _template_sections(template: Template) -> dict[str, tuple[str, str]]:
    """Each template section's key -> (title, its Markdown as the template writes it)."""
    scanned = scan_design(template.source, template.origin)
    source_lines = split_lines(template.source)
    found: dict[str, tuple[str, str]] = {}
    for section in scanned.sections():
        key = heading_key(section.title)
        if key and key not in found:
            body = "\n".join(source_lines[section.line - 1 : section.end_line]).strip()
            found[key] = (section.title, body)
    return found


def section_hover(title: str, template: Template) -> str | None:
    """Markdown saying what the template expects under a heading, or ``None``."""
    key = heading_key(title)
    expected = _template_sections(template).get(key)
    if expected is None:
        return None
    required = template.find(key) is not None
    kind = "required section" if required else "section"
    origin = "the default template" if template.is_default else f"template `{template.origin}`"
    fence = "````" if "```" in expected[1] else "```"
    return (
        f"**{expected[0]}**: {kind} of {origin}. The template writes:\n\n"
        f"{fence}markdown\n{expected[1]}\n{fence}"
    )


def heading_at(design: ScannedDesign, line: int) -> Section | None:
    """The section whose heading is on 1-based ``line``."""
    for section in design.sections():
        if section.line == line:
            return section
    return None


def outline(
    design: ScannedDesign,
    template: Template,
    findings: Sequence[Finding],
    lines: Sequence[str],
) -> list[types.DocumentSymbol]:
    """The required sections with their completeness, in document order, missing ones too.

    A present section is ``complete``, ``empty`` (AD102) or ``placeholder`` (an AD103
    finding inside it); a missing one (AD101) is listed at the line its finding names.
    """
    by_key = {section.key: section for section in template.required}
    symbols: list[tuple[int, types.DocumentSymbol]] = []
    seen: set[str] = set()
    for section in design.sections():
        key = heading_key(section.title)
        if key not in by_key or key in seen:
            continue
        seen.add(key)
        inside = [f for f in findings if section.line <= f.line <= section.end_line]
        if any(f.code == EMPTY and f.line == section.line for f in inside):
            state = "empty"
        elif any(f.code == PLACEHOLDER for f in inside):
            state = "placeholder"
        else:
            state = "complete"
        symbols.append((section.line, _symbol(section.title, state, section, lines)))
    for finding in findings:
        if finding.code == MISSING and finding.section:
            head = line_range(lines, finding.line)
            symbol = types.DocumentSymbol(
                name=finding.section,
                detail="missing",
                kind=types.SymbolKind.Key,
                range=head,
                selection_range=head,
            )
            symbols.append((finding.line, symbol))
    symbols.sort(key=lambda item: item[0])
    return [symbol for _, symbol in symbols]


def _symbol(title: str, state: str, section: Section, lines: Sequence[str]) -> types.DocumentSymbol:
    head = line_range(lines, section.line)
    end = line_range(lines, section.end_line).end
    kinds = {"complete": types.SymbolKind.Module, "empty": types.SymbolKind.Null}
    return types.DocumentSymbol(
        name=title,
        detail=state,
        kind=kinds.get(state, types.SymbolKind.String),
        range=types.Range(start=head.start, end=end),
        selection_range=head,
    )
