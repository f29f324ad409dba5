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
    site = make_site(
        plugins=[
            {"mermaid2": {"javascript": "js/mermaid.min.js"}},
            {"archdesign": {"handoff_graph": "mermaid"}},
        ]
    )
    write_complete(site)
    local_mermaid(site.docs, "js/mermaid.min.js")
    site.build(strict=True)
    page.goto(f"{serve_site(site.site_dir)}/{DESIGN_PAGE}")
    page.wait_for_selector("div.mermaid svg", timeout=20_000)
    svg = page.locator("div.mermaid svg").first
    assert "python-api-designer" in svg.text_content()
    box = svg.bounding_box()
    assert box is not None and box["width"] > 200
    assert screenshot(page, "plugin-mermaid2-handoff-graph").is_file()
