"""Review notes and override lines are text on a site with attr_list and pymdownx enabled."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mkdocs_archdesign.cli import main
from mkdocs_archdesign.core.escape import page_markdown_text

from .safety import html_problems

_INVENTORY = Path(__file__).resolve().parents[1] / "review" / "fixtures" / "inventory-design.md"
DESIGN = "design/inventory-design.md"

#: Extension syntax that produces attributes or HTML when it is read as Markdown.
HOSTILE_NOTES = (
    '**x**{: onmouseover="window.__xss=1" }',
    '*y*{ onclick="window.__xss=1" #evil .cls }',
    "text {#evil-id} and {: .hidden }",
    '<img src=x onerror="window.__xss=1">',
    "<javascript:window.__xss=1> and [x](javascript:window.__xss=1)",
    "{++ inserted ++} {~~ a ~> b ~~} {==mark==}",
    '<div markdown="1">*in html*</div>',
)

EXTENSIONS = ["attr_list", "md_in_html", "pymdownx.critic", "pymdownx.magiclink", "footnotes"]


def _site_with_design(make_site: Callable[..., Any], status: str) -> tuple[Any, Path]:
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}], markdown_extensions=EXTENSIONS)
    text = _INVENTORY.read_text(encoding="utf-8").replace("Pending Review", status)
    return site, site.write(DESIGN, text)


def _review_notes_html(page: str) -> str:
    return page.split("Review Notes", 1)[1]


@pytest.mark.parametrize("note", HOSTILE_NOTES)
def test_a_changes_note_renders_as_exactly_its_text(
    make_site: Callable[..., Any], note: str
) -> None:
    site, design = _site_with_design(make_site, "Pending Review")
    args = ["review", str(design), "changes", "--reviewer", "@lead", "--note", note]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    site.build()
    page = site.html("design/inventory-design/index.html")
    notes = _review_notes_html(page)
    assert html_problems(notes) == []
    # No element got an attribute or a tag from the note (its text may mention them).
    assert not re.search(
        r"<[a-z]+\b[^>]*\s(?:onmouseover|onclick|id=\"evil|class=\"(?:cls|hidden))", notes
    )
    for tag in ("<ins", "<mark", "<img", "<div markdown", 'href="javascript'):
        assert tag not in notes, tag
    # The reader sees what the reviewer typed, character for character.
    item = notes.split("@lead: ", 1)[1].split("</li>", 1)[0]
    # (Emphasis marks may render as emphasis: that adds no attribute.)
    assert html.unescape(re.sub(r"<[^>]+>", "", item)) in (note, note.replace("*", ""))


def test_the_override_line_is_text_too(make_site: Callable[..., Any]) -> None:
    site, design = _site_with_design(make_site, "Pending Review")
    # An open checklist item blocks approval; --force records the override with the note.
    design.write_text(design.read_text(encoding="utf-8").replace("- [x] Goals", "- [ ] Goals"))
    note = '**forced**{: onmouseover="window.__xss=1" }'
    args = ["review", str(design), "approve", "--reviewer", "@lead", "--force", "--note", note]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "**Override**:" in design.read_text(encoding="utf-8")
    site.build()
    page = site.html("design/inventory-design/index.html")
    assert not re.search(r"<[a-z]+\b[^>]*\sonmouseover", page)
    assert "forced" in page


def test_markdown_text_leaves_no_bare_brace_or_angle_bracket() -> None:
    for note in HOSTILE_NOTES:
        text = page_markdown_text(note)
        assert not set(text) & set("<>")
        assert not set(text) & set("{}"), text
