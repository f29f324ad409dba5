"""Level 2 specs in a real ``mkdocs build``: validated, badged, chained in the catalog."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from importlib import resources
from typing import Any

import jsonschema
import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.scanner import scan_design
from mkdocs_archdesign.core.document.template import (
    LEVEL2_TEMPLATE_NAME,
    default_template_source,
    load_template,
)
from mkdocs_archdesign.core.scaffold import level2
from mkdocs_archdesign.core.validation.validator import build_context

from .helpers import APPROVED, COMPLETE, fill_spec


def _spec_for(text: str, approved: bool) -> str:
    ctx = build_context(
        scan_design(text, "design/order-service-design.md"), load_template(), Settings()
    )
    plan = level2.plan_handoff(
        ctx,
        text,
        "order-service",
        "order-service-design.md",
        default_template_source(LEVEL2_TEMPLATE_NAME),
        "<default:level2>",
    )
    spec = plan.spec_text
    if approved:
        spec = fill_spec(spec).replace("status: Draft", "status: Approved")
        spec = spec.replace("**Status**: Draft", "**Status**: Approved")
        spec = spec.replace("**Reviewer**:", "**Reviewer**: @lead").replace(
            "**Review Date**: TBD", "**Review Date**: 2026-11-20"
        )
        spec = spec.replace("- [ ]", "- [x]")
    return spec


@pytest.fixture
def site(make_site: Callable[..., Any]) -> Any:
    site = make_site(plugins=["search", {"archdesign": {"show_findings": "always"}}])
    for other in COMPLETE.glob("*.md"):
        site.write(f"design/{other.name}", other.read_text("utf-8"))
    return site


@pytest.mark.parametrize(
    ("approved", "stage", "next_step"),
    [
        (True, "ready-for-implementation", "implements from the approved Level 2"),
        (False, "level2-in-progress", "completes the Level 2 API specification (now Draft)"),
    ],
)
def test_spec_pages_and_the_catalog_follow_the_chain(
    site: Any, approved: bool, stage: str, next_step: str
) -> None:
    design = APPROVED.read_text("utf-8")
    site.write("design/order-service-api-spec.md", _spec_for(design, approved))
    site.build()
    catalog = json.loads((site.site_dir / "catalog.json").read_text("utf-8"))
    schema = json.loads(
        resources.files("mkdocs_archdesign").joinpath("schemas/catalog.schema.json").read_text()
    )
    jsonschema.validate(catalog, schema)
    ids = [d["id"] for d in catalog["designs"]]
    assert "order-service-api-spec" not in ids  # a spec is not a catalog row of its own
    (entry,) = [d for d in catalog["designs"] if d["id"] == "order-service"]
    assert entry["stage"] == stage
    assert entry["level2"]["id"] == "order-service-api-spec"
    assert next_step in site.html("design/order-service-design/index.html")
    spec_page = site.html("design/order-service-api-spec/index.html")
    assert "archdesign-badge" in spec_page
    assert "flowchart" not in spec_page  # the workflow is drawn on the design, not the spec
    board = site.html("design/index.html")
    assert f'archdesign-board__column--{stage}"' in board
    assert "Level 2</a>: " in board
    # Findings are shown on the page: a draft's signatures are still slots, a filled spec
    # has none of the AD5xx findings.
    assert ("AD503" in spec_page) is not approved
    assert ("AD504" in spec_page) is not approved


def test_a_spec_fails_the_build_like_a_design(site: Any, caplog_mkdocs: Any) -> None:
    from mkdocs.exceptions import Abort

    spec = _spec_for(APPROVED.read_text("utf-8"), approved=True)
    spec = spec.replace('level1: "order-service"', 'level1: "ghost"')
    site.write("design/order-service-api-spec.md", spec)
    with pytest.raises(Abort):
        site.build()
    assert "AD505" in caplog_mkdocs.text and "ghost" in caplog_mkdocs.text


def _mermaid_sources(page: str) -> list[str]:
    """The mermaid sources of a built page (the default theme leaves them as code)."""
    blocks = re.findall(r'<code class="language-mermaid">(.*?)</code>', page, re.S)
    return [html.unescape(block) for block in blocks]


@pytest.mark.parametrize(
    ("approved", "spec_class", "current"),
    [(True, "st_approved", "coder"), (False, "st_draft", "api")],
)
def test_the_graphs_follow_the_chain_to_level2(
    make_site: Callable[..., Any], approved: bool, spec_class: str, current: str
) -> None:
    site = make_site(plugins=["search", {"archdesign": {"handoff_graph": "mermaid"}}])
    for other in COMPLETE.glob("*.md"):
        site.write(f"design/{other.name}", other.read_text("utf-8"))
    site.write("design/order-service-api-spec.md", _spec_for(APPROVED.read_text("utf-8"), approved))
    site.build()

    (graph,) = _mermaid_sources(site.html("design/index.html"))
    (design_node,) = re.findall(r'^\s*(d\d+)\["Order Service \(Approved\)"\]', graph, re.M)
    status = "Approved" if approved else "Draft"
    spec_line = f'[["Level 2: order-service-api-spec ({status})"]]:::{spec_class}'
    (spec_node,) = re.findall(rf"^\s*(s\d+){re.escape(spec_line)}$", graph, re.M)
    assert f"{design_node} -.->|Level 2| {spec_node}" in graph
    # The Level 2 edge is styled apart from the dependency edges, by its index.
    edges = [line.strip() for line in graph.splitlines() if re.match(r"\s*[dsm]\d+ -", line)]
    index = edges.index(f"{design_node} -.->|Level 2| {spec_node}")
    (styled,) = re.findall(r"linkStyle ([\d,]+) stroke:#1565c0", graph)
    assert styled.split(",") == [str(index)]
    # Every node links to its page, relative to the catalog page (design/index.html).
    assert f'click {spec_node} href "order-service-api-spec/"' in graph
    assert f'click {design_node} href "order-service-design/"' in graph
    assert (site.site_dir / "design/order-service-api-spec/index.html").is_file()

    # The design page's flowchart marks the same step as the stepper would.
    sources = _mermaid_sources(site.html("design/order-service-design/index.html"))
    (flow,) = [source for source in sources if "classDef current" in source]
    (marked,) = re.findall(r'^\s*(\w+)\["#9654; ', flow, re.M)  # ▶, as an entity
    assert marked == current
    assert re.search(rf"^\s*class [\w,]*\b{current}\b[\w,]* current$", flow, re.M)
    done = re.search(r"^\s*class ([\w,]+) done$", flow, re.M)
    assert done is not None
    assert ("api" in done.group(1).split(",")) is approved
