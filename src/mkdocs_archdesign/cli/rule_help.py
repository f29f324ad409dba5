"""``rules CODE``: one rule's documentation, from the same docstring as the rules page."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs_archdesign.core.rules.base import Rule

_CONFIGURED = (
    "Configure: `rules: {{{code}: off|info|warning|error}}` under the archdesign plugin in "
    "mkdocs.yml; `check --select/--ignore {code}`; `archdesign_ignore: [{code}]` in a "
    "design's front matter; `<!-- archdesign: ignore {code} -->` before a line."
)
_NOT_CONFIGURABLE = (
    "Configure: AD000 is how the validator reports a file it cannot read; it cannot be "
    "turned off, only its severity changed with `rules: {AD000: warning}`."
)


def where_configured(rule: Rule) -> str:
    """One line on where the rule's severity or suppression is set."""
    return _NOT_CONFIGURABLE if rule.code == "AD000" else _CONFIGURED.format(code=rule.code)


def rule_help(rule: Rule, fmt: str) -> str:
    """The rule's documentation as plain text (``table``), Markdown or JSON.

    Args:
        rule: The rule.
        fmt: ``"table"`` (text for a terminal), ``"markdown"`` or ``"json"``.

    Returns:
        The documentation, ending with a newline.
    """
    from mkdocs_archdesign.core.fixable import FIXABLE_CODES  # noqa: PLC0415
    from mkdocs_archdesign.core.output.selection import rule_url  # noqa: PLC0415
    from mkdocs_archdesign.core.rules.base import DOC_SECTIONS  # noqa: PLC0415

    sections = rule.doc_sections()
    fixable = rule.code in FIXABLE_CODES
    if fmt == "json":
        payload = {
            "code": rule.code,
            "name": rule.name,
            "severity": rule.severity.label,
            "summary": rule.summary,
            "corpus": rule.is_corpus_rule,
            "fixable": fixable,
            "sections": {title: sections.get(title, "") for title in DOC_SECTIONS},
            "configure": where_configured(rule),
            "url": rule_url(rule.code),
        }
        return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    heading = "## " if fmt == "markdown" else ""
    sub = "### " if fmt == "markdown" else ""
    lines = [f"{heading}{rule.code} {rule.name}", "", rule.summary, ""]
    lines.append(f"Default severity: {rule.severity.label}")
    if rule.is_corpus_rule:
        lines.append("Cross-design: sees every design in the run.")
    if fixable:
        lines.append("Fixable: yes, with `mkdocs-archdesign check --fix` [*]")
    lines.append("")
    for title in DOC_SECTIONS:
        body = sections.get(title, "").strip()
        if body:
            lines += [f"{sub}{title}", "", body, ""]
    lines += [where_configured(rule), f"Docs: {rule_url(rule.code)}"]
    text = "\n".join(lines) + "\n"
    # Docstrings use reST ``code``; Markdown and a terminal read single backticks.
    return text.replace("``", "`")
