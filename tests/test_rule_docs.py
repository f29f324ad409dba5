"""docs/rules.md is generated from the rules' docstrings and must never drift from them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs_archdesign.core.rules import all_rules
from mkdocs_archdesign.core.rules.base import DOC_SECTIONS
from mkdocs_archdesign.core.rules.docs import (
    REGENERATE_COMMAND,
    documented_rules,
    render_rule_reference,
)

RULES_PAGE = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_committed_page_matches_the_docstrings() -> None:
    rendered = render_rule_reference()
    committed = RULES_PAGE.read_text(encoding="utf-8")
    assert committed == rendered, f"docs/rules.md is stale; run: {REGENERATE_COMMAND}"


def test_every_rule_has_the_four_docstring_sections() -> None:
    for rule in documented_rules():
        sections = rule.doc_sections()
        missing = [title for title in DOC_SECTIONS if not sections.get(title, "").strip()]
        assert not missing, f"{rule.code} docstring lacks {missing}"


def test_every_code_has_an_anchor_a_heading_and_a_table_link() -> None:
    page = render_rule_reference()
    for rule in documented_rules():
        anchor = rule.code.lower()
        assert f'<a id="{anchor}"></a>\n\n### {rule.code} {rule.name}\n' in page
        assert f"| [{rule.code}](#{anchor}) | `{rule.name}` | {rule.severity.label} |" in page
    assert len(documented_rules()) == len(all_rules()) + 1  # AD000 is documented too


def test_entries_are_grouped_by_family_in_code_order() -> None:
    page = render_rule_reference()
    families = [m.start() for m in re.finditer(r"^## AD\dxx ", page, re.MULTILINE)]
    assert len(families) == 6
    codes = re.findall(r"^### (AD\d{3}) ", page, re.MULTILINE)
    assert codes == sorted(codes)
    assert page.index("## AD2xx Level 1 content") < page.index("### AD201 ")


def test_page_documents_policy_and_suppression() -> None:
    page = render_rule_reference()
    assert "draft_findings: keep" in page
    assert "archdesign_ignore: [AD203" in page
    assert "<!-- archdesign: ignore AD203 -->" in page
    assert "rules: {AD203: off}" in page


def test_page_builds_in_strict_mkdocs_with_every_anchor_resolving(
    make_site: Callable[..., Any],
) -> None:
    site = make_site(
        plugins=[],
        validation={"anchors": "warn"},
        markdown_extensions=["attr_list", "tables", "fenced_code"],
        nav=["index.md", "rules.md"],
    )
    site.write("rules.md", render_rule_reference())
    site.build(strict=True)
    html = site.html("rules/index.html")
    for rule in documented_rules():
        assert f'id="{rule.code.lower()}"' in html
        assert f'href="#{rule.code.lower()}"' in html
