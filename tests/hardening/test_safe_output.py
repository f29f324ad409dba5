"""Every output that carries design text, fed every hostile string: nothing survives live.

One design per hostile string, with the string in every value a design can set (title,
module, owner, tags, depends_on, superseded_by, handoff labels, agents and prompts,
reviewer, review date, and a body line a finding quotes). Each output is parsed the way
its consumer parses it.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from datetime import date

import markdown
import pytest

from mkdocs_archdesign.core.catalog.graph import plan_graph, render_dependency_graph
from mkdocs_archdesign.core.catalog.model import (
    build_catalog,
    catalog_csv,
    catalog_json,
    catalog_markdown,
)
from mkdocs_archdesign.core.catalog.render import (
    render_board,
    render_catalog_markdown,
    render_table,
)
from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.inline import plain_title
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.model import DesignSummary
from mkdocs_archdesign.core.output.handoff_graph import next_step_text, render_handoff_graph
from mkdocs_archdesign.core.output.page_blocks import (
    render_badge,
    render_findings,
    render_next_step,
)
from mkdocs_archdesign.core.output.reports import render
from mkdocs_archdesign.core.validation.validator import check_texts

from .corpus import hostile_corpus
from .hostile import ALL, FORMULA
from .safety import assert_safe_github, assert_safe_html, assert_safe_mermaid, assert_valid_xml


@pytest.fixture(scope="module")
def summaries() -> list[DesignSummary]:
    """The hostile corpus, validated once (Draft findings kept so messages quote values)."""
    return check_texts(hostile_corpus(), load_template(), Settings(draft_findings="keep"))


def _mermaid(fenced: str) -> str:
    match = re.search(r"```mermaid\n(.*?)```", fenced, re.S)
    return match.group(1) if match else fenced


def test_every_value_really_carries_the_hostile_string(summaries: list[DesignSummary]) -> None:
    # Guards the corpus: a design that lost its values would make every test below vacuous.
    hostile = [s for s in summaries if s.id.startswith("h")]
    assert len(hostile) == len(ALL)
    for summary, value in zip(hostile, ALL, strict=True):
        assert summary.title_markdown in (value.strip(), value)
        # Shown as text: the hostile string's inline Markdown rendered, entities decoded
        # (so `&lt;script&gt;` reaches every output as `<script>` and must be escaped there).
        assert summary.title == (plain_title(summary.title_markdown) or summary.title_markdown)
        assert summary.findings, summary.id


def test_design_page_fragments_are_safe(summaries: list[DesignSummary]) -> None:
    for summary in summaries:
        fragments = [
            render_badge(summary),
            render_findings(summary.findings, "https://example.test/rules/"),
            render_next_step(next_step_text(summary)),
        ]
        for fragment in fragments:
            assert_safe_html(fragment, summary.id)
        graph = render_handoff_graph(summary)
        assert_safe_mermaid(_mermaid(graph), summary.id)


def _hostile_specs(summaries: list[DesignSummary]) -> list[DesignSummary]:
    """A Level 2 spec per hostile design, the hostile string as its id, status and file name."""
    return [
        dataclasses.replace(
            summary,
            id=summary.title,
            path=f"design/{summary.title}-api-spec.md",
            status=None,
            status_text=summary.title,
            kind="spec",
            level1=summary.id,
        )
        for summary in summaries
        if summary.id.startswith("h")
    ]


def test_catalog_html_and_mermaid_are_safe(summaries: list[DesignSummary]) -> None:
    catalog = build_catalog(summaries, specs=_hostile_specs(summaries))
    assert all(entry.level2 is not None for entry in catalog.entries if entry.id.startswith("h"))
    assert_safe_html(render_table(catalog, "design/index.html"), "table")
    assert_safe_html(render_board(catalog, "design/index.html", date(2025, 1, 1)), "board")
    graph = render_dependency_graph(plan_graph(catalog), "design/index.html")
    assert graph.count("[[") == len(ALL) and graph.count("click s") == len(ALL)
    assert_safe_mermaid(graph, "dependency graph")
    page = render_catalog_markdown(catalog)
    html = markdown.markdown(page, extensions=["tables", "md_in_html", "attr_list"])
    assert_safe_html(html, "catalog page")


def test_catalog_json_round_trips(summaries: list[DesignSummary]) -> None:
    data = json.loads(catalog_json(build_catalog(summaries)))
    # The source survives byte for byte in title_markdown; title is its plain text.
    sources = {entry["title_markdown"] for entry in data["designs"]}
    assert {value.strip() for value in ALL} <= {source.strip() for source in sources}
    for entry in data["designs"]:
        assert entry["title"] == (plain_title(entry["title_markdown"]) or entry["title_markdown"])


def test_catalog_csv_neutralises_formulas(summaries: list[DesignSummary]) -> None:
    rows = list(csv.reader(io.StringIO(catalog_csv(build_catalog(summaries)))))
    cells = [cell for row in rows[1:] for cell in row]
    assert all(
        not cell
        or cell[0] not in "=+-@\t\r"
        or cell.startswith("'")
        or re.fullmatch(r"@[\w.-]+|-\d+(\.\d+)?", cell)
        for cell in cells
    ), cells
    for value in FORMULA:
        assert any(cell == "'" + value.strip() for cell in cells), value


def test_catalog_markdown_renders_as_text(summaries: list[DesignSummary]) -> None:
    text = catalog_markdown(build_catalog(summaries))
    assert_safe_html(markdown.markdown(text, extensions=["tables"]), "catalog markdown")
    header = text.split("\n")[0]
    for line in filter(None, text.split("\n")[2:]):
        # An unescaped pipe would add a column; a newline would end the row.
        assert line.count("|") - line.count("\\|") == header.count("|"), line


def test_check_reports_are_safe(summaries: list[DesignSummary]) -> None:
    assert_safe_github(render("github", summaries))
    root = assert_valid_xml(render("junit", summaries))
    messages = " ".join(
        (element.get("message") or "") + (element.text or "") for element in root.iter()
    )
    assert "<script>window.__xss" in messages  # decoded back to the original text
    data = json.loads(render("json", summaries))
    assert data
    text = render("text", summaries)
    for line in text.splitlines():
        assert not line.startswith("::"), line
        assert "\x1b" not in line
