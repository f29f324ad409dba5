"""A Material site built from hostile designs runs no script from them in a real browser.

Every front-matter value of each design carries one hostile string (title, owner, tags,
depends_on, handoff labels and prompts; findings quote several back). The design pages
and the catalog page are opened after mermaid has drawn; nothing may have set
``window.__xss`` or opened a dialog.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

# tests/ is not a package: reach the hardening corpus the way pytest would from there.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugin"))

from plugin_helpers import with_superfences

from hardening.corpus import hostile_corpus

pytestmark = pytest.mark.browser


def test_hostile_designs_run_no_script(
    make_site: Any, serve_site: Any, page: Any, screenshot: Any
) -> None:
    options = {"fail_on": "never", "show_findings": "always"}
    site = with_superfences(
        make_site(
            plugins=["search", "tags", {"archdesign": options}],
            theme={"name": "material", "features": ["navigation.tabs", "navigation.instant"]},
        )
    )
    corpus = hostile_corpus(body=False)
    for path, text in corpus:
        site.write(path, text)
    site.build()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    base = serve_site(site.site_dir)
    urls = ["design/", "design/h00-design/", "design/h01-design/", "design/h13-design/"]
    for url in urls:
        page.goto(f"{base}/{url}")
        page.wait_for_selector(".mermaid", state="attached", timeout=20_000)
        # Material renders mermaid into a shadow root; a drawn graph has a height.
        page.wait_for_function(
            "(() => [...document.querySelectorAll('.mermaid')]"
            ".some(h => h.getBoundingClientRect().height > 50))()",
            timeout=20_000,
        )
        assert page.evaluate("typeof window.__xss") == "undefined", url
    assert not dialogs, dialogs
    # The hostile title is shown as text in the nav, not swallowed or run.
    assert "<script>window.__xss=1</script>" in page.locator("body").inner_text()
    assert screenshot(page, "hostile-design-page").is_file()


def test_hostile_revision_date_runs_no_script(make_site: Any, serve_site: Any, page: Any) -> None:
    # Material prints revision_date (and the git dates) raw in the page footer.
    from hardening.corpus import BASE

    site = with_superfences(
        make_site(
            plugins=["search", {"archdesign": {"fail_on": "never"}}],
            theme={"name": "material"},
        )
    )
    hostile = '<img src=x onerror="window.__xss=1;alert(1)">'
    front = f"revision_date: {json.dumps(hostile)}\n"
    site.write("design/order-service-design.md", "---\n" + front + BASE[4:])
    site.build()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    base = serve_site(site.site_dir)
    page.goto(f"{base}/design/order-service-design/")
    footer = page.locator(".md-source-file")
    footer.wait_for(state="attached", timeout=20_000)
    # The value is in the footer as text, and nothing ran: no image was even created.
    assert hostile in footer.inner_text()
    assert page.locator(".md-source-file img").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert not dialogs, dialogs
