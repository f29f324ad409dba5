"""The MkDocs-free catalog: data, URLs, JSON/CSV/Markdown, graph and board HTML."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from datetime import date, datetime, timezone
from importlib import resources

import jsonschema
import pytest
from catalog_corpus import HOSTILE_DEPENDENCY, HOSTILE_TAG, HOSTILE_TITLE, SPECS, design_text

from mkdocs_archdesign.core.catalog.graph import (
    cycle_edges,
    graph_note,
    plan_graph,
    render_dependency_graph,
)
from mkdocs_archdesign.core.catalog.model import (
    Catalog,
    build_catalog,
    catalog_csv,
    catalog_dict,
    catalog_json,
    catalog_markdown,
    csv_cell,
    page_url,
    relative_url,
)
from mkdocs_archdesign.core.catalog.render import (
    BOARD_STAGES,
    fill_placeholders,
    render_board,
    render_catalog_markdown,
    render_table,
)
from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.model import DesignSummary, Stage, Status
from mkdocs_archdesign.core.validation.validator import check_texts

TODAY = date(2024, 2, 1)


def schema() -> dict[str, object]:
    text = resources.files("mkdocs_archdesign").joinpath("schemas/catalog.schema.json")
    return json.loads(text.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    summaries = check_texts(
        [(spec.path, design_text(spec)) for spec in SPECS], load_template(None, (2,)), Settings()
    )
    return build_catalog(summaries)


def summary(
    ident: str, status: Status = Status.DRAFT, depends: tuple[str, ...] = ()
) -> DesignSummary:
    return DesignSummary(
        id=ident,
        path=f"design/{ident}.md",
        title=ident.title(),
        status=status,
        status_text=status.value,
        depends_on=depends,
    )


def test_sorted_by_workflow_status_then_title(catalog: Catalog) -> None:
    statuses = [entry.status for entry in catalog.entries]
    assert statuses == [
        "Draft",
        "Draft",
        "Pending Review",
        "Changes Requested",
        "Approved",
        "Superseded",
    ]
    assert [e.title for e in catalog.entries[:2]] == [HOSTILE_TITLE, "Search"]


@pytest.mark.parametrize(
    ("path", "directory", "url"),
    [
        ("design/a-design.md", True, "design/a-design/"),
        ("design/a-design.md", False, "design/a-design.html"),
        ("design/index.md", True, "design/"),
        ("design/README.md", False, "design/index.html"),
        ("index.md", True, "./"),
        ("design/a b.md", True, "design/a%20b/"),
    ],
)
def test_page_url_matches_mkdocs(path: str, directory: bool, url: str) -> None:
    from mkdocs.structure.files import File

    assert page_url(path, directory) == url
    assert File(path, "/docs", "/site", directory).url == url


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        ("design/a/", "design/index.html", "a/"),
        ("design/a.html", "design/index.html", "a.html"),
        ("design/", "design/index.html", "./"),
        ("./", "design/index.html", "../"),
        ("other/b/", "catalog/list/index.html", "../../other/b/"),
        ("design/a/", "index.html", "design/a/"),
    ],
)
def test_relative_url(target: str, page: str, expected: str) -> None:
    assert relative_url(target, page) == expected


def test_json_validates_and_round_trips(catalog: Catalog) -> None:
    moment = datetime(2024, 2, 1, 12, 0, tzinfo=timezone.utc)
    data = json.loads(catalog_json(catalog, moment))
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert data == catalog_dict(catalog, moment)
    assert data["generated"] == "2024-02-01T12:00:00+00:00"
    orders = next(d for d in data["designs"] if d["id"] == "orders")
    assert orders["status"] == "Approved"
    assert orders["complexity"] == "Complex"
    assert orders["depends_on"] == ["inventory", "ghost"]
    assert orders["reviewer"] == "@lead"
    assert orders["findings"]["error"] >= 1
    hostile = next(d for d in data["designs"] if d["id"] == "hostile")
    assert hostile["title"] == HOSTILE_TITLE
    assert hostile["tags"] == [HOSTILE_TAG]


def test_source_date_epoch_sets_generated(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert catalog_dict(catalog)["generated"] == "1970-01-01T00:00:00+00:00"


def test_csv_round_trips_and_disarms_formulas(catalog: Catalog) -> None:
    rows = list(csv.DictReader(io.StringIO(catalog_csv(catalog))))
    assert [row["id"] for row in rows] == [e.id for e in catalog.entries]
    assert rows[0]["title"] == HOSTILE_TITLE
    assert rows[0]["tags"] == HOSTILE_TAG
    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_cell("@alice") == "@alice"
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("-5") == "-5"


def test_markdown_table_escapes(catalog: Catalog) -> None:
    text = catalog_markdown(catalog)
    lines = text.splitlines()
    assert len(lines) == 2 + len(catalog.entries)
    assert "<img" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert all(line.count(" | ") == 7 for line in lines[2:])


def test_graph_marks_cycles_missing_and_omits_superseded(catalog: Catalog) -> None:
    plan = plan_graph(catalog)
    ids = {entry.id for entry in plan.nodes}
    assert "old-orders" not in ids
    assert {"orders", "inventory", "billing", "hostile", "search"} <= ids
    assert set(plan.missing) == {"ghost", HOSTILE_DEPENDENCY}
    assert plan.cycle_edges == {("orders", "inventory"), ("inventory", "orders")}
    source = render_dependency_graph(plan)
    assert source.startswith("flowchart LR\n")
    assert "-->|cycle|" in source
    assert re.search(r"^    linkStyle \d+,\d+ stroke:#d32f2f", source, re.M)
    assert "st_missing" in source
    # Hostile values become entities: nothing can close a label or start a directive.
    for line in source.splitlines():
        if '["' in line:
            label = re.sub(r"#\w+;", "", line.split('["', 1)[1].rsplit('"]', 1)[0])
            assert not set(label) & set('"[]<>;`|'), line.replace("#", "")
    assert "onerror" in source and "<img" not in source
    assert "Not drawn: 1 superseded design." in graph_note(plan)


def test_graph_cap_and_isolated_note() -> None:
    summaries = [summary(f"d{i:03}", depends=(f"d{i + 1:03}",)) for i in range(200)]
    summaries.append(summary("d200"))
    summaries.append(summary("lonely"))
    plan = plan_graph(build_catalog(summaries), max_nodes=20)
    assert len(plan.nodes) == 20
    assert plan.omitted_over_cap == 181
    assert plan.omitted_isolated == 1
    assert not plan.missing  # targets beyond the cap are known designs, not missing
    assert "181 connected designs" in graph_note(plan)


def _spec(level1: str, status_text: str, ident: str = "", path: str = "") -> DesignSummary:
    ident = ident or f"{level1}-api-spec"
    return DesignSummary(
        id=ident,
        path=path or f"design/{ident}.md",
        title=f"{level1} spec",
        status=Status.parse(status_text),
        status_text=status_text,
        kind="spec",
        level1=level1,
    )


HOSTILE_LABEL = '"]]:::st_approved\nclick d0 href "javascript:alert(1)"\n%%{init: {}}%% <img>|;`'


def test_graph_chains_each_design_to_its_level2_spec() -> None:
    designs = [
        dataclasses.replace(summary("orders", Status.APPROVED, ("billing",)), title=HOSTILE_LABEL),
        summary("billing", Status.APPROVED),
        summary("lonely", Status.APPROVED),
        summary("bare"),
    ]
    specs = [
        _spec("orders", "Approved", ident=HOSTILE_LABEL, path='design/x"] y.md'),
        _spec("billing", HOSTILE_LABEL),
        _spec("lonely", "draft"),
    ]
    plan = plan_graph(build_catalog(designs, specs=specs))
    # A design whose only link is its spec is drawn; one with neither is left out.
    # The hostile title starts with a quote: it sorts first.
    assert [entry.id for entry in plan.nodes] == ["orders", "billing", "lonely"]
    assert plan.omitted_isolated == 1
    assert "1 design with no dependency and no Level 2 spec" in graph_note(plan)
    source = render_dependency_graph(plan, "design/index.html")
    lines = source.splitlines()
    # The spec's status as written (as design nodes show theirs), coloured by its stage.
    assert '    s2[["Level 2: lonely-api-spec (draft)"]]:::st_draft' in lines
    spec_lines = [line for line in lines if "[[" in line]
    assert len(spec_lines) == 3
    assert spec_lines[0].endswith(":::st_approved")
    assert spec_lines[1].endswith(":::st_unknown")  # a status outside the workflow
    assert "    d0 --> d1" in lines  # orders depends on billing: a plain arrow
    assert "    d0 -.->|Level 2| s0" in lines and "    d2 -.->|Level 2| s2" in lines
    assert "    linkStyle 1,2,3 stroke:#1565c0,stroke-width:2px,color:#0d47a1" in lines
    # The hostile title, spec id and spec status stay inside their labels as entities.
    for line in spec_lines + [line for line in lines if line.startswith("    d") and '["' in line]:
        label = re.sub(r"#\w+;", "", line.split('"', 1)[1].rsplit('"', 1)[0])
        assert not set(label) & set('"[]<>;`|%'), line
    clicks = [line.strip() for line in lines if line.strip().startswith("click")]
    assert len(clicks) == 6
    assert 'click s0 href "x%22%5D%20y/"' in clicks  # the file name, percent-encoded
    assert all(re.fullmatch(r'click [ds]\d \w+ "[\w.%/-]+"', click) for click in clicks)
    unlinked = render_dependency_graph(plan).splitlines()
    assert not any(line.strip().startswith("click") for line in unlinked)


def test_graph_cap_counts_a_spec_with_its_design() -> None:
    designs = [summary(f"d{i}", Status.APPROVED) for i in range(5)]
    specs = [_spec(f"d{i}", "Draft") for i in range(5)]
    plan = plan_graph(build_catalog(designs, specs=specs), max_nodes=5)
    # Two designs and their two specs fit in five nodes; a third design would bring two.
    assert len(plan.nodes) == 2
    assert plan.omitted_over_cap == 3


def test_cycle_edges_long_chain_no_recursion() -> None:
    edges = [(str(i), str(i + 1)) for i in range(20_000)] + [("20000", "0"), ("x", "x")]
    result = cycle_edges(edges)
    assert len(result) == 20_002


def test_table_html_escapes_and_links(catalog: Catalog) -> None:
    html = render_table(catalog, "design/index.html")
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&quot;hi&quot;" in html
    assert 'href="orders-design/"' in html
    assert 'href="legacy/old-orders-design/"' in html
    assert "ghost (missing)" in html
    assert html.count("<tr data-status=") == len(catalog.entries)
    for entry in catalog.entries:
        assert f'archdesign-catalog__status--{entry.status_slug}">{entry.status}<' in html
    assert '<form class="archdesign-catalog__filters" hidden' in html


def test_board_groups_by_stage_with_ages(catalog: Catalog) -> None:
    html = render_board(catalog, "design/index.html", TODAY)
    columns = re.findall(
        r"<section class=\"archdesign-board__column[^\"]*--([a-z0-9-]+)\">(.*?)</section>", html
    )
    by_stage = dict(columns)
    assert list(by_stage) == [stage.value for stage, _ in BOARD_STAGES]
    assert list(by_stage) == [
        "draft",
        "pending-review",
        "changes-requested",
        "approved",
        "level2-in-progress",
        "ready-for-implementation",
        "superseded",
    ]
    assert (
        "Order Service" in by_stage["approved"] and "reviewed 31 days ago" in by_stage["approved"]
    )
    assert "Inventory" in by_stage["pending-review"] and "reviewed 12 days ago" in html
    assert "no review date" in by_stage["draft"]
    assert "api-designer" in html and "tech-lead" in html


def test_page_markdown_and_placeholders(catalog: Catalog) -> None:
    markdown = render_catalog_markdown(catalog)
    assert markdown.startswith("---\nhide:\n  - toc\n---\n\n# Design catalog\n")
    assert "```mermaid\nflowchart LR" in markdown
    html = fill_placeholders(markdown, catalog, "design/index.html", TODAY, "../catalog.json")
    assert "<!-- archdesign:" not in html
    assert '<a href="../catalog.json"><code>catalog.json</code></a>' in html


def test_a_spec_in_the_teams_own_words_follows_its_stage() -> None:
    """Under MADR's vocabulary an "Accepted" spec is approved: colour, stage and next step."""
    design = summary("orders", Status.APPROVED)
    spec = dataclasses.replace(_spec("orders", "Accepted"), status=Status.APPROVED)
    catalog = build_catalog([design], specs=[spec])
    (entry,) = catalog.entries
    assert entry.stage is Stage.READY_FOR_IMPLEMENTATION
    lines = render_dependency_graph(plan_graph(catalog), "design/index.html").splitlines()
    assert '    s0[["Level 2: orders-api-spec (Accepted)"]]:::st_approved' in lines
