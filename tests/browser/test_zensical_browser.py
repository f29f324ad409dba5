"""The Zensical-built docs site in chromium: a design page's handoff graph and the catalog's filter.

The site is the project's own ``docs/`` and ``mkdocs.yml`` built by ``zensical build`` in
``.venv-zensical`` (scripts/zensical-env.sh); mermaid comes from node_modules (conftest).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
ZENSICAL = REPO_ROOT / ".venv-zensical" / "bin" / "zensical"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not ZENSICAL.is_file(), reason="no .venv-zensical: run scripts/zensical-env.sh"
    ),
]


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("zensical-browser")
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "docs", root / "docs")
    result = subprocess.run(
        [str(ZENSICAL), "build", "--clean"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_design_page_draws_the_handoff_graph(
    zensical_site: Path, serve_site: Callable[[Path], str], page: Any, screenshot: Any
) -> None:
    base = serve_site(zensical_site)
    page.goto(f"{base}/design/examples/order-service-design/")
    page.wait_for_selector(".archdesign-badge")
    # The handoff workflow is the HTML stepper; the design's own architecture diagram is
    # drawn: the theme swaps the mermaid <pre> for a host of a closed shadow root holding
    # the SVG, so the source text is gone and the host has the diagram's height.
    page.wait_for_selector(".archdesign-handoff__step--current")
    page.wait_for_function(
        "(() => { const all = [...document.querySelectorAll('.mermaid')];"
        "  return all.length >= 1 && all.every(el => el.tagName !== 'PRE'"
        "    && !el.querySelector('code') && el.getBoundingClientRect().height > 40); })()",
        timeout=30_000,
    )
    badge = page.locator(".archdesign-badge").first
    assert "Approved" in (badge.text_content() or "")
    # The stylesheet reached the page without extra_css: the badge has its accent border.
    width = page.evaluate(
        "getComputedStyle(document.querySelector('.archdesign-badge')).borderLeftWidth"
    )
    assert width not in ("0px", "")
    screenshot(page, "zensical-design-page")


def test_catalog_filter_works(
    zensical_site: Path, serve_site: Callable[[Path], str], page: Any, screenshot: Any
) -> None:
    from playwright.sync_api import expect

    base = serve_site(zensical_site)
    page.goto(f"{base}/design/")
    page.wait_for_selector(".archdesign-catalog__filters:not([hidden])")
    rows = page.locator("table.archdesign-catalog__table tbody tr")
    total = rows.count()
    assert total == 6
    page.select_option('[data-filter="status"]', "approved")
    # Order Service and Payment Gateway (handed off to Level 2) are Approved.
    expect(page.locator("[data-count]")).to_have_text(f"2 of {total} designs")
    visible = page.locator(
        "table.archdesign-catalog__table tbody tr:not([hidden]) td:first-child a"
    )
    expect(visible).to_have_count(2)
    assert sorted(t.split(" —")[0] for t in visible.all_text_contents()) == [
        "Order Service",
        "Payment Gateway",
    ]
    page.select_option('[data-filter="status"]', "")
    expect(page.locator("[data-count]")).to_have_text(f"{total} of {total} designs")
    screenshot(page, "zensical-catalog")
