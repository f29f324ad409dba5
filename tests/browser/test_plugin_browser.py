"""The handoff graph really renders in a browser, with both mermaid set-ups, offline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

# tests/ is not a package: reach the plugin tests' helpers the way pytest would from there.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugin"))
from plugin_helpers import with_superfences, write_complete

pytestmark = pytest.mark.browser

DESIGN_PAGE = "design/order-service-design/index.html"
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "design" / "examples"


def mermaid2_site(make_site: Any, local_mermaid: Any) -> Any:
    """A site drawing the workflow as a flowchart with mermaid2 and a local mermaid.js."""
    site = make_site(
        plugins=[
            {"mermaid2": {"javascript": "js/mermaid.min.js"}},
            {"archdesign": {"handoff_graph": "mermaid"}},
        ]
    )
    local_mermaid(site.docs, "js/mermaid.min.js")
    return site


def test_material_superfences_renders_the_handoff_graph(
    make_site: Any, serve_site: Any, page: Any, screenshot: Any
) -> None:
    site = with_superfences(make_site(theme={"name": "material"}))
    write_complete(site)
    site.build(strict=True)
    page.goto(f"{serve_site(site.site_dir)}/{DESIGN_PAGE}")
    # Material renders into a closed shadow root: the host's size is what we can observe.
    page.wait_for_function(
        "(() => { const h = document.querySelector('div.mermaid');"
        " return h && h.getBoundingClientRect().height > 50; })()",
        timeout=20_000,
    )
    box = page.locator("div.mermaid").first.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 50
    assert "Approved" in page.locator(".archdesign-badge").inner_text()
    assert screenshot(page, "plugin-material-handoff-graph").is_file()


def test_mermaid2_with_a_local_script_renders_the_handoff_graph(
    make_site: Any, serve_site: Any, page: Any, screenshot: Any, local_mermaid: Any
) -> None:
    # The flowchart form of the workflow: the default stepper is HTML and needs no mermaid.
    site = mermaid2_site(make_site, local_mermaid)
    write_complete(site)
    site.build(strict=True)
    page.goto(f"{serve_site(site.site_dir)}/{DESIGN_PAGE}")
    page.wait_for_selector("div.mermaid svg", timeout=20_000)
    svg = page.locator("div.mermaid svg").first
    assert "python-api-designer" in svg.text_content()
    box = svg.bounding_box()
    assert box is not None and box["width"] > 200
    assert screenshot(page, "plugin-mermaid2-handoff-graph").is_file()


def test_mermaid2_draws_the_level2_chain_and_its_links(
    make_site: Any, serve_site: Any, page: Any, screenshot: Any, local_mermaid: Any
) -> None:
    # The docs site's examples: Order Service has an approved spec, Payment Gateway a draft.
    site = mermaid2_site(make_site, local_mermaid)
    for example in EXAMPLES.glob("*.md"):
        site.write(f"design/examples/{example.name}", example.read_text("utf-8"))
    site.build(strict=True)
    base = serve_site(site.site_dir)

    page.goto(f"{base}/design/")
    graph = page.locator("div.mermaid svg", has_text="Level 2: order-service-api-spec")
    graph.wait_for(timeout=20_000)
    assert "Level 2: payment-gateway-api-spec (Draft)" in graph.text_content()
    link = graph.locator("a", has_text="Level 2: order-service-api-spec (Approved)")
    assert (link.get_attribute("href") or link.get_attribute("xlink:href")) == (
        "examples/order-service-api-spec/"
    )
    assert screenshot(page, "catalog-level2-chain").is_file()
    link.click()
    page.wait_for_url(f"{base}/design/examples/order-service-api-spec/")

    # The approved spec moves the design's flowchart on to the coder; the draft keeps the
    # api-designer at work.
    for design, role in (("order-service", "coder"), ("payment-gateway", "api-designer")):
        page.goto(f"{base}/design/examples/{design}-design/")
        flow = page.locator("div.mermaid svg", has_text="python-code-reviewer")
        flow.wait_for(timeout=20_000)
        current = flow.locator("g.node.current")
        assert current.count() == 1
        assert f"python-{role}" in current.text_content()
