"""The page's raw-HTML blocks reach Python-Markdown already stashed, with the same HTML."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from mkdocs_archdesign.core.config.schema import ShowFindings
from mkdocs_archdesign.core.output.design_page import PageOptions, design_blocks
from mkdocs_archdesign.core.output.page_markdown import insert_after_title
from mkdocs_archdesign.core.output.raw_blocks import RawBlocks, is_raw_html

from .conftest import run_texts

COMPLETE = Path(__file__).parents[1] / "fixtures" / "complete"

PAGE = """<!-- toc -->
- [Intro](#intro)
<!-- /toc -->

# Order Service

Intro text with <b>inline</b> HTML.

```python
print("a fence")
```

<div class="authors-own">kept as the author wrote it</div>
"""

BADGE = '<div class="archdesign-badge" role="group"><span>Status</span> Draft</div>'
NEXT = '<p class="archdesign-next-step" data-search-exclude>Next step: write it.</p>'
FENCE = "```mermaid\nflowchart LR\n  a --> b\n```"

EXTENSIONS = ["fenced_code", "tables", "attr_list", "md_in_html", "toc"]


def render(text: str, *extensions: object) -> str:
    return markdown.markdown(text, extensions=[*EXTENSIONS, *extensions])


@pytest.mark.parametrize("blocks", [[BADGE], [BADGE, NEXT], [BADGE, FENCE, NEXT], [FENCE]])
def test_stashed_blocks_render_exactly_as_raw_html_would(blocks: list[str]) -> None:
    raw = RawBlocks()
    stashed = render(insert_after_title(PAGE, raw.markers(blocks)), raw)
    assert stashed == render(insert_after_title(PAGE, blocks))
    assert "archdesign-block-" not in stashed
    assert stashed.count(BADGE) == (BADGE in blocks)


def test_only_raw_html_becomes_a_marker_and_markdown_stays_text() -> None:
    raw = RawBlocks()
    inserted = raw.markers([BADGE, FENCE, "", NEXT])
    assert inserted[1] == FENCE and inserted[2] == ""
    assert inserted[0] != BADGE and inserted[3] != NEXT
    assert set(raw.pending) == {inserted[0], inserted[3]}
    assert is_raw_html("\n<div>") and not is_raw_html(FENCE)


def test_a_line_like_a_marker_that_the_author_wrote_is_left_alone() -> None:
    # Another build's marker (another instance, another random word) is just text.
    other, raw = RawBlocks(), RawBlocks()
    foreign = other.markers([BADGE])[0]
    page = f"# T\n\n{foreign}\n"
    html = render(insert_after_title(page, raw.markers([NEXT])), raw)
    assert foreign in html and NEXT in html


def test_one_pages_blocks_never_reach_the_next_page() -> None:
    raw = RawBlocks()
    marker = raw.markers([BADGE])[0]
    md = markdown.Markdown(extensions=[raw])
    md.convert("# A page whose Markdown lost its marker\n")
    assert raw.pending == {}
    assert BADGE not in md.reset().convert(f"# Next page\n\n{marker}\n")


@pytest.mark.parametrize("graph", ["stepper", "mermaid"])
def test_the_design_pages_real_blocks_render_the_same_stashed(graph: str) -> None:
    path = sorted(COMPLETE.glob("*.md"))[0]
    (summary,) = run_texts([(path.name, path.read_text(encoding="utf-8"))])
    options = PageOptions(handoff_graph=graph, show_findings=ShowFindings.ALWAYS)
    blocks = design_blocks(summary, options, findings_now=True)
    assert sum(is_raw_html(block) for block in blocks) >= 2
    raw = RawBlocks()
    stashed = render(insert_after_title(PAGE, raw.markers(blocks)), raw)
    assert stashed == render(insert_after_title(PAGE, blocks))
    assert 'class="archdesign-badge' in stashed and "archdesign-block-" not in stashed
